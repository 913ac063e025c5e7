# tuple construction, repr, indexing, slicing
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)))
print(tuple({3: 1, 1: 2}), tuple(x for x in 'xyz'), tuple((1, 2)))
t = (1, 'a', 2.5, None, (1,), [2])
print(t, len(t), t[0], t[-1], t[-6], t[4][0])
for i in (6, -7, 10**30):
    try:
        print(t[i])
    except IndexError as e:
        print(type(e).__name__, e)
try:
    t['a']
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
u = tuple(range(10))
print(u[2:5], u[::-1], u[::3], u[-3:], u[:100], u[8:2:-2], u[5:2], u[::-4])
print(u[:] is u, u[0:10] is u, u[0:10:1] is u)
try:
    u[::0]
except ValueError as e:
    print(type(e).__name__, e)
t[5].append(3)
print(t)
print(tuple(t) is t, tuple(u) is u)
try:
    tuple(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    tuple([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    tuple(x=1)
except TypeError as e:
    print(type(e).__name__, e)
print(() is (), tuple() is (), tuple([]) is ())
print((1,) .__getnewargs__(), (1, 2).__getnewargs__())
print(bool(()), bool((0,)), type(()).__name__)
a, b, *c = (1, 2, 3, 4)
print(a, b, c)
print(((1, 2), (3, (4, (5,)))))
print(tuple([[]])[0] is not None)
