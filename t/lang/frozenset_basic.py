# frozenset: construction, hashing, immutability, identity shortcuts
f = frozenset([3, 1, 2, 3])
print(f, frozenset(), frozenset('a'), frozenset(range(5)), len(f), 2 in f)
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({1})), hash(frozenset({0})))
print(hash(frozenset(range(10))), hash(frozenset({(1, 2), (3,)})), hash(frozenset({frozenset({1})})))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(frozenset([1.0])) == hash(frozenset([1])))
print(frozenset(f) is f, f.copy() is f, frozenset(set(f)) == f, frozenset({1}) == {1}, {1} == frozenset({1}))
print(f.union([4]), f.intersection([1, 9]), f.difference([1]), f.symmetric_difference([1, 7]))
print(f.issubset(range(5)), f.issuperset([1]), f.isdisjoint([7]), type(f.union()).__name__)
for name in ('add', 'remove', 'discard', 'pop', 'clear', 'update'):
    print(name, hasattr(f, name))
d = {f: 'frozen', frozenset(): 'empty'}
print(d[frozenset([1, 2, 3])], d[frozenset()])
print({frozenset({1, 2}), frozenset({2, 1}), frozenset({3})})
try:
    frozenset(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    frozenset([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    frozenset(x=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    frozenset([[1]])
except TypeError as e:
    print(type(e).__name__, e)
print(repr(frozenset({1, 2})), str(frozenset()), frozenset({frozenset({1})}))
print(sorted(frozenset('hello')), frozenset('aab') == frozenset('ab'))
