# rich comparisons: all six, NotImplemented fallbacks, reflection, defaults
class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"V({self.v})"
    def __lt__(self, o):
        return self.v < o.v if isinstance(o, V) else NotImplemented
    def __le__(self, o):
        return self.v <= o.v if isinstance(o, V) else NotImplemented
    def __eq__(self, o):
        return self.v == o.v if isinstance(o, V) else NotImplemented
    def __gt__(self, o):
        return self.v > o.v if isinstance(o, V) else NotImplemented
    def __ge__(self, o):
        return self.v >= o.v if isinstance(o, V) else NotImplemented

a, b = V(1), V(2)
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(sorted([V(3), V(1), V(2)]), max(V(3), V(5)), min([V(4), V(0)]))
print(a == 1, a != 1, 1 == a, a == "x")
for expr in ("a < 1", "1 < a", "a >= 'x'", "a > None"):
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)

# __ne__ defaults to the inverse of __eq__
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("OnlyEq.__eq__")
        return isinstance(o, OnlyEq) and self.v == o.v
print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))

# __eq__ returning non-bool values
class Vec:
    def __init__(self, *c):
        self.c = c
    def __eq__(self, o):
        return [x == y for x, y in zip(self.c, o.c)]
    def __ne__(self, o):
        return "ne called"
print(Vec(1, 2) == Vec(1, 3), Vec(1, 2) != Vec(1, 2))
try:
    if Vec(1) == Vec(1):
        print("truthy list")
except Exception as e:
    print(type(e).__name__, e)

class BadBool:
    def __bool__(self):
        raise ValueError("no truth")
class ReturnsBad:
    def __eq__(self, o):
        return BadBool()
try:
    if ReturnsBad() == 1:
        pass
except ValueError as e:
    print(type(e).__name__, e)
try:
    ReturnsBad() in [1, 2]
except ValueError as e:
    print("in:", type(e).__name__, e)

# reflection: a < b tries b > a
class Left:
    def __lt__(self, o):
        return NotImplemented
class Right:
    def __gt__(self, o):
        return "Right.__gt__"
    def __le__(self, o):
        return "Right.__le__"
print(Left() < Right(), Left() >= Right())

# chained comparisons call each dunder once
class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f"{self.n} < {o.n}")
        return self.n < o.n
print(Loud(1) < Loud(2) < Loud(3), Loud(1) < Loud(0) < Loud(3))

# default identity equality, TypeError for ordering
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p is p)
try:
    p < q
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print(type(e).__name__, e)

# comparisons with containers use identity first, then ==
class AlwaysFalse:
    def __eq__(self, o):
        return False
af = AlwaysFalse()
print(af == af, af in [af], [af] == [af], af in {1: 2}.keys() if False else "skip")
nan = float("nan")
print(nan == nan, nan in [nan], [nan] == [nan])

# functools-free total ordering by hand
class Version:
    def __init__(self, s):
        self.t = tuple(int(x) for x in s.split("."))
    def __eq__(self, o):
        return self.t == o.t
    def __lt__(self, o):
        return self.t < o.t
    def __le__(self, o):
        return self.t <= o.t
    def __repr__(self):
        return ".".join(map(str, self.t))
print(sorted([Version("1.10"), Version("1.2"), Version("1.2.1")]))
print(Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.0"))

# methods exposed on builtins
print((1).__lt__(2), (1).__lt__("x"), "a".__eq__("a"), [1].__eq__(5), object().__eq__(1))
print(int.__eq__(1, 1), object.__ne__(1, 1), object.__lt__(1, 2))
