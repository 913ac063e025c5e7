def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, f=7))
print(f(a=1, c=2, d=9))

def pos(a, b, /, c):
    return a + b + c

print(pos(1, 2, 3), pos(1, 2, c=4))

def kwonly(*, x, y=10):
    return x * y

print(kwonly(x=3), kwonly(y=2, x=5))

for call in [lambda: f(), lambda: f(1), lambda: f(1, 2, c=3, b=4),
             lambda: pos(1, b=2, c=3), lambda: kwonly(1), lambda: kwonly(),
             lambda: kwonly(x=1, z=2), lambda: pos(1, 2, 3, 4),
             lambda: (lambda a, b=1: a)(1, 2, 3), lambda: (lambda: 0)(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def defaults(a, L=[]):
    L.append(a)
    return L

print(defaults(1), defaults(2), defaults(3, []))
args = (1, 2)
kwargs = {"c": 3, "zz": 9}
print(f(*args, **kwargs))
print(f(*[1], *[2, 3], c=1, **{"q": 1}, **{"r": 2}))
def star(*a, **k):
    return a, k
print(star(), star(1, *(), **{}), star(*"ab", x=1))
try:
    f(1, c=1, **{"c": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    star(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    star(*1)
except TypeError as e:
    print("TypeError:", e)
