# subclasses of int (small values are tagged in pyl; subclass instances never are)
class I(int):
    def double(self):
        return I(self * 2)
i = I(5)
print(i, repr(i), i.double(), type(i.double()).__name__, i + 1, type(i + 1).__name__, -i, type(-i).__name__)
print(i == 5, 5 == i, hash(i) == hash(5), {5: "x"}[i], i < 6, i.bit_length(), i.to_bytes(1, "big"))
print(int(i), type(int(i)).__name__, I(), I("12"), I("ff", 16), I(3.9), I(True), type(I(True)).__name__)
print([0, 1, 2, 3, 4, 5, 6][i], "x" * I(3), range(I(3)), isinstance(i, int), f"{i:03d}", hex(i))
big = I(2**100)
print(big, big + 1, big.bit_length(), big == 2**100, hash(big) == hash(2**100))
neg = I(-7)
print(neg, abs(neg), neg // 2, neg % 3, divmod(neg, 2), neg ** 2, neg >> 1, neg & 0xff)
zero = I(0)
print(bool(zero), bool(i), not zero, zero or "empty")

# attributes
i.label = "five"
print(i.label, i.__dict__)
for v in (0, 1, -1, 2**62, 2**63, -2**63, 2**200):
    x = I(v)
    x.v = v
    assert x.v == v and x == v, v
print("dict ok for all sizes")

try:
    class Slotted(int):
        __slots__ = ("a",)
except TypeError as e:
    print(type(e).__name__, e)
class NoDict(int):
    __slots__ = ()
try:
    NoDict(1).a = 2
except AttributeError as e:
    print(type(e).__name__, e)

# overriding operators
class Mod7(int):
    def __new__(cls, v):
        return super().__new__(cls, v % 7)
    def __add__(self, o):
        return Mod7(int(self) + int(o))
    __radd__ = __add__
    def __repr__(self):
        return f"Mod7({int(self)})"
print(Mod7(10), Mod7(5) + 4, 4 + Mod7(5), sum([Mod7(3), Mod7(4)], Mod7(0)))

# bool cannot be subclassed
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# int subclass with __index__/__int__ overrides is still an int to builtins
class Weird(int):
    def __index__(self):
        return 0
    def __int__(self):
        return 1
w = Weird(5)
print([10, 20, 30, 40, 50, 60][w], int(w), w + 0, operator_like := w.__index__())

# int.__new__ with subclasses
print(int.__new__(I, 42), type(int.__new__(I, 42)).__name__, int.__new__(I), I.__new__(I, "7"))
try:
    int.__new__(str, 1)
except TypeError as e:
    print(type(e).__name__, e)

# enum-like constants
class Color(int):
    def __new__(cls, value, name):
        obj = int.__new__(cls, value)
        obj.name = name
        return obj
    def __repr__(self):
        return f"<Color.{self.name}: {int(self)}>"
RED = Color(1, "RED")
print(RED, RED + 1, RED == 1, RED.name, [RED], sorted([Color(3, "B"), RED]))
