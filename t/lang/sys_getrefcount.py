# sys.getrefcount counts the reference its own argument holds, as CPython does.
import sys


class C:
    pass


x = C()
print(sys.getrefcount(x))
l = [x, x]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
t = (x,)
print(sys.getrefcount(x))


def f(a):
    return sys.getrefcount(a)


print(f(x))
del l, d, t
print(sys.getrefcount(x))
print(sys.getrefcount(C()))
print(sys.getrefcount([]))
y = x
print(sys.getrefcount(x))
del y


def g():
    local = C()
    other = local
    return sys.getrefcount(local)


print(g())
s = "a fresh string " + str(len(sys.argv))
print(sys.getrefcount(s))
