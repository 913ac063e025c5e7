# weakref.proxy: forwards to the referent while it lives, then ReferenceError.
import weakref


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __contains__(self, v):
        return v in self.xs

    def __iter__(self):
        return iter(self.xs)

    def __add__(self, other):
        return Vec(*(a + b for a, b in zip(self.xs, other.xs)))

    def __mul__(self, k):
        return Vec(*(a * k for a in self.xs))

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vec(*(-a for a in self.xs))

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    __hash__ = None

    def __bool__(self):
        return any(self.xs)

    def __str__(self):
        return "Vec%s" % (tuple(self.xs),)

    def __call__(self, k):
        return self.xs[k]

    def total(self):
        return sum(self.xs)


class Plain:
    pass


v = Vec(1, 2, 3)
p = weakref.proxy(v)
print(type(p).__name__, type(weakref.proxy(Plain())).__name__)
print(weakref.proxy(v) is p, weakref.getweakrefcount(v))
print(len(p), p[0], p[-1], 2 in p, list(p), p.total(), str(p))
p[0] = 10
del p[1]
print(v.xs, p.xs)
p.extra = "set through the proxy"
print(v.extra)
del p.extra
print(hasattr(v, "extra"))
print(str(p + p), str(p * 2), str(3 * p), str(-p), bool(p), p == v, p == Vec(10, 3))
print(p(1), callable(p))
try:
    hash(p)
except TypeError as e:
    print("TypeError: unhashable")
n = weakref.proxy(v, lambda w: print("proxy callback", type(w).__name__))
print(n is not p)
del v
for op in (lambda: p.xs, lambda: len(p), lambda: p[0], lambda: str(p), lambda: p + 1):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError:", e)

# numbers behind a proxy
class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return float(self.v)


k = Num(3)
kp = weakref.proxy(k)
print(int(kp), float(kp), [10, 20, 30, 40][kp], bin(kp))
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)
