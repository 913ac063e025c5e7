# list operators: + * += *= in, comparisons
a = [1, 2]
b = [3]
print(a + b, b + a, a + [], [] + [])
try:
    a + (3,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a + 'x'
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1,) + a
except TypeError as e:
    print(type(e).__name__, e)
print(a * 3, 3 * a, a * 0, a * -2, [] * 100, a * True)
try:
    a * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    2.0 * a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a * a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a * (10**30)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    a * (2**62)
except MemoryError as e:
    print(type(e).__name__, e)
c = a
c += [9]
print(a, c is a)
c += (10,)
c += range(11, 13)
c += 'xy'
print(a)
try:
    c += 5
except TypeError as e:
    print(type(e).__name__, e)
d = [1, 2]
e = d
d *= 2
print(d, e is d)
d *= 1
print(d)
d *= 0
print(d, e)
f = [7]
f *= -1
print(f)
try:
    f *= 'x'
except TypeError as e:
    print(type(e).__name__, e)
m = [[0]] * 3
m[0].append(1)
print(m)
print(1 in [1, 2], 3 in [1, 2], [1] in [[1]], 1.0 in [1], 'a' not in ['b'])
nan = float('nan')
print(nan in [nan], [nan] == [nan], [nan] == [float('nan')])
pairs = [([], []), ([1], []), ([], [1]), ([1, 2], [1, 3]), ([1, 3], [1, 2]),
         ([1, 2], [1, 2, 0]), ([2], [1, 9]), (['a'], ['b']), ([[1]], [[1, 0]])]
for x, y in pairs:
    print(x, y, x < y, x <= y, x == y, x != y, x > y, x >= y)
for x, y in [([1], ['a']), ([1, 2], [1, 'a']), ([None], [None, 1]), ([None], [1])]:
    try:
        print(x < y)
    except TypeError as e:
        print(type(e).__name__, e)
print([1, 'a'] == [1, 'a'], [1, 'a'] == [1, 'b'], [1] == (1,), [1] != (1,))
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2] < [1, 2, None], [1, 2, None] > [1, 2])
