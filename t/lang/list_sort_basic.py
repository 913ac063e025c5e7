# sort on homogeneous and mixed data, reverse, errors
print(sorted([3, 1, 2]), sorted([]), sorted([1]))
a = [5, -1, 3, 10**20, -10**20, 0, 7, 2**62, -2**62, 2**63]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
f = [3.5, -0.0, 0.0, 1e300, -1e300, float('inf'), -float('inf'), 2.25, 1e-300]
f.sort()
print(f)
s = ['pear', 'apple', '', 'Apple', 'apples', 'b', 'é', 'z', 'zz', 'aa']
s.sort()
print(s)
s.sort(reverse=True)
print(s)
mixed = [3, 1.5, True, 2, False, 0.5, 10**20]
mixed.sort()
print(mixed)
t = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a'), (0,), (2,), ()]
t.sort()
print(t)
t2 = [(1, 2.5), (1, 2), (0, 3), (1, 'x'[:0] or 1)]
t2.sort()
print(t2)
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([(1, 2), (1, 'a')])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [{}, {}].sort()
except TypeError as e:
    print(type(e).__name__, e)
print([{}].sort(), [[3], [1, 2], [1]].sort())
b = [[3], [1, 2], [1], []]
b.sort()
print(b)
try:
    a.sort(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.sort(foo=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.sort(reverse=None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.sort(key=1)
except TypeError as e:
    print(type(e).__name__, e)
r = list(range(100))
r.sort(reverse=1)
print(r[:5], r[-5:])
r.sort(key=None, reverse=False)
print(r[:5])
# already sorted, reversed, and sawtooth data of several sizes
for n in (0, 1, 2, 5, 63, 64, 65, 100, 1000):
    up = list(range(n))
    down = up[::-1]
    saw = [i % 7 for i in range(n)]
    print(n, sorted(down) == up, sorted(up) == up, sorted(saw)[:10], sorted(saw, reverse=True)[:3])
nan = float('nan')
g = [3.0, nan, 1.0, 2.0]
g.sort()
print(g)
