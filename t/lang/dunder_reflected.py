# reflected operands: subclass priority and the order of calls
class Base:
    def __init__(self, name):
        self.name = name
    def __add__(self, other):
        print(f"{self.name}.__add__({other.name})")
        return NotImplemented
    def __radd__(self, other):
        print(f"{self.name}.__radd__({other.name})")
        return NotImplemented
    def __mul__(self, other):
        return f"Base.__mul__({self.name}, {other.name})"
    def __rmul__(self, other):
        return f"Base.__rmul__({self.name}, {other.name})"
    def __lt__(self, other):
        print(f"{self.name}.__lt__({other.name})")
        return NotImplemented
    def __gt__(self, other):
        print(f"{self.name}.__gt__({other.name})")
        return NotImplemented

class Sub(Base):
    def __rmul__(self, other):
        return f"Sub.__rmul__({self.name}, {other.name})"

class SubNoOverride(Base):
    pass

class Other(Base):
    pass

b, s, n, o = Base("b"), Sub("s"), SubNoOverride("n"), Other("o")
try:
    b + s
except TypeError as e:
    print(type(e).__name__, e)
print(b * s)      # Sub overrides __rmul__: tried first
print(s * b)
print(b * n)      # no override: left operand first
print(n * b)
print(b * o)      # unrelated types
try:
    b < s
except TypeError as e:
    print(type(e).__name__, e)
try:
    b < o
except TypeError as e:
    print(type(e).__name__, e)

# a subclass of a builtin with a reflected method
class MyInt(int):
    def __radd__(self, other):
        return f"MyInt.__radd__({other})"
    def __rsub__(self, other):
        return NotImplemented
print(1 + MyInt(5), MyInt(5) + 1, 10 - MyInt(3))
class MyFloat(float):
    def __rtruediv__(self, other):
        return "MyFloat.__rtruediv__"
print(1 / MyFloat(2), 1.0 / MyFloat(2), MyFloat(2) / 1)
class MyStr(str):
    def __radd__(self, other):
        return "MyStr.__radd__ " + other
print("a" + MyStr("b"), MyStr("b") + "a")
class MyList(list):
    def __radd__(self, other):
        return "MyList.__radd__"
print([1] + MyList([2]), MyList([2]) + [1])

# reflected comparison
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("Cmp.__eq__")
        return NotImplemented
class CmpSub(Cmp):
    def __eq__(self, other):
        print("CmpSub.__eq__")
        return True
print(Cmp(1) == CmpSub(2))
print(CmpSub(2) == Cmp(1))
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(1))
x = Cmp(1)
print(x == x, x != x)

# 1 + Fraction-like
class Frac:
    def __init__(self, n, d):
        self.n, self.d = n, d
    def __add__(self, o):
        if isinstance(o, int):
            o = Frac(o, 1)
        if not isinstance(o, Frac):
            return NotImplemented
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __repr__(self):
        return f"{self.n}/{self.d}"
print(Frac(1, 2) + 1, 1 + Frac(1, 2), Frac(1, 2) + Frac(1, 3))
try:
    Frac(1, 2) + 1.5
except TypeError as e:
    print(type(e).__name__, e)
