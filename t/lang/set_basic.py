# set construction and printing order of int sets (CPython's hash table order)
print(set(), {1}, {3, 1, 2}, {10, 5, 1000, 7}, set(range(20)) - {3})
print(set([5, 4, 3, 2, 1]), set((9, 8)), set(range(0, 100, 7)), set('aaa'))
print({-1, -2, -3, 0}, {2**61 - 1, 2**61, 2**62, 7}, {1.0, 2, 3.5}, {True, 1, 1.0, False, 0})
print({8, 16, 24, 32, 0}, {100, 200, 300, 400, 500, 600, 700, 800, 900})
print(set(range(50, 0, -3)))
print({x * x for x in range(-5, 6)})
print({i * 1000003 for i in range(12)})
print(len({1, 2, 3}), len(set()), 1 in {1}, 2 in {1}, [] in [{}] if False else 3 not in {1})
s = {1, 2, 3}
print(type(s).__name__, bool(s), bool(set()))
try:
    {[]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(set())
except TypeError as e:
    print(type(e).__name__, e)
print(set.__hash__)
try:
    [] in {1}
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2} in [{2, 1}], {frozenset({1})}, frozenset({1}) in {frozenset({1})})
print(set({1: 2, 3: 4}), set({5: 0}.items()), set(iter([4, 4, 5])))
t = {1, 2, 3}
t.__init__([7, 8])
print(t)
t.__init__()
print(t)
