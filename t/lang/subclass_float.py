# subclasses of float
class F(float):
    def half(self):
        return F(self / 2)
f = F(3.0)
print(f, repr(f), f.half(), type(f.half()).__name__, f + 1, type(f + 1).__name__, -f, type(-f).__name__)
print(f == 3, hash(f) == hash(3.0), f.is_integer(), f.hex(), F("1.5"), F(), F(2), f"{f:.2f}", round(f))
print(int(F(2.7)), float(f), type(float(f)).__name__, F("inf"), F("nan") != F("nan"), f.as_integer_ratio())
f.unit = "m"
print(f.unit, vars(f))
try:
    class S(float):
        __slots__ = ("a",)
    s = S(1.0)
    s.a = 5
    print("float slots ok", s.a, s)
except TypeError as e:
    print(type(e).__name__, e)

class Meters(float):
    def __new__(cls, v, unit="m"):
        obj = super().__new__(cls, v)
        obj.unit = unit
        return obj
    def __repr__(self):
        return f"{float(self)}{self.unit}"
    def __add__(self, o):
        return Meters(float(self) + float(o), self.unit)
print(Meters(2), Meters(2) + 3, 3 + Meters(2), type(3 + Meters(2)).__name__, Meters(1, "km"))

class A(float):
    pass
class B(float):
    pass
class AB(A, B):
    pass
print(AB(1.5), AB.__base__.__name__)
print(float.__new__(F, "2.5"), type(float.__new__(F)).__name__)
print(isinstance(f, float), sum([F(1.5), F(2.5)]), max(F(1), 2), sorted([F(2), F(1)]))
