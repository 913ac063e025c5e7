# tuple concatenation, repetition, comparison, membership, count, index
a = (1, 2)
print(a + (3,), (3,) + a, a + (), () + a, (a + ()) is a, (() + a) is a)
try:
    a + [3]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a + 'x'
except TypeError as e:
    print(type(e).__name__, e)
print(a * 2, 2 * a, a * 0, a * -1, () * 5, (a * 1) is a)
try:
    a * 'x'
except TypeError as e:
    print(type(e).__name__, e)
try:
    a * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a * (10**30)
except OverflowError as e:
    print(type(e).__name__, e)
b = a
b += (3,)
print(a, b, b is a)
b *= 2
print(b)
pairs = [((), ()), ((1,), ()), ((1, 2), (1, 3)), ((1, 2), (1, 2, 0)), ((2,), (1, 9)),
         (('a', 1), ('a', 2)), ((1, (2, 3)), (1, (2, 4)))]
for x, y in pairs:
    print(x, y, x < y, x <= y, x == y, x != y, x > y, x >= y)
try:
    (1, 2) < (1, 'a')
except TypeError as e:
    print(type(e).__name__, e)
print((1, 'a') == (1, 'a'), (1,) == [1], (1, 2) != (1, 2.0))
nan = float('nan')
print((nan,) == (nan,), nan in (nan,), (nan,) < (nan,))
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(4), t.count(1.0), ((1,), (1,)).count((1,)))
print(t.index(2), t.index(2, 2), t.index(2, -3), t.index(1, 1, 5), t.index(3, -10**30, 10**30))
for args in [(4,), (3, 3), (2, 4, 5), (1, -1)]:
    try:
        print(t.index(*args))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    t.index(1, None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index()
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.count()
except TypeError as e:
    print(type(e).__name__, e)
print(2 in t, 5 in t, 5 not in t, [1] in ([1],), () in ((),))
it = iter(t)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(list(reversed(t)), sorted(t), max(t), min(t), sum(t))
