# range construction, repr, len, indexing, iteration
print(range(5), range(1, 5), range(1, 10, 2), range(10, 0, -3), range(0), range(-5))
print(list(range(5)), list(range(1, 5)), list(range(1, 10, 2)), list(range(10, 0, -3)))
print(list(range(0)), list(range(-5)), list(range(5, 1)), list(range(1, 5, -1)), list(range(-3, 3)))
print(len(range(10)), len(range(1, 10, 3)), len(range(10, 1, -4)), len(range(0, -10)), len(range(7, 7)))
r = range(3, 20, 4)
print(r.start, r.stop, r.step, r[0], r[1], r[-1], r[-5], list(r))
for i in (5, -6, 10**20):
    try:
        r[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    r['a']
except TypeError as e:
    print(type(e).__name__, e)
try:
    r[1.5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
for args in [(), (1, 2, 3, 4), (1.5,), ('a', 2), (1, 2.0)]:
    try:
        range(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    range(stop=3)
except TypeError as e:
    print(type(e).__name__, e)
print(range(True), range(False, True), list(range(True, 5, True)))
print(bool(range(0)), bool(range(1)), bool(range(5, 1)))
try:
    r.start = 5
except AttributeError as e:
    print(type(e).__name__)
it = iter(range(3))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(5, -5, -2))))
print(type(reversed(range(3))).__name__, reversed(range(3)).__length_hint__())
print(sum(range(101)), max(range(3, 9)), min(range(3, 9)), sorted(range(5, 0, -1)))
try:
    class R(range):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(range(5).__reduce__(), range(1, 2, 3).__reduce__())
