# __index__, __int__, __float__, __complex__-free numeric conversions, __round__, __trunc__
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i3 = Idx(3)
print([0, 1, 2, 3, 4][i3], "abcdef"[Idx(1):Idx(4)], bin(i3), hex(Idx(255)), oct(Idx(8)))
print(range(Idx(5))[-1], int(i3), operator_index := i3.__index__(), [1] * Idx(2), "ab" * Idx(2))
print(round(2.5), round(7, Idx(-1)) if False else "", list(range(Idx(1), Idx(4))))
for bad in (1.5, "3", None):
    try:
        [0][Idx(bad)]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    [0][Idx(True)]
except IndexError as e:
    print(type(e).__name__, e)

class IntOnly:
    def __int__(self):
        return 7
print(int(IntOnly()))
try:
    [0][IntOnly()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(IntOnly())
except TypeError as e:
    print(type(e).__name__, e)

class FloatOnly:
    def __float__(self):
        return 2.5
print(float(FloatOnly()))
try:
    int(FloatOnly())
except TypeError as e:
    print(type(e).__name__, e)

class IndexForFloat:
    def __index__(self):
        return 4
print(float(IndexForFloat()), int(IndexForFloat()))

# wrong return types
class BadInt:
    def __int__(self):
        return "x"
class BadFloat:
    def __float__(self):
        return 1
class BadIndex:
    def __index__(self):
        return 1.0
for f in (lambda: int(BadInt()), lambda: float(BadFloat()), lambda: [0][BadIndex()], lambda: hex(BadIndex())):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)

# returning a subclass of int/float is accepted (with a DeprecationWarning in CPython)
class MyInt(int):
    pass
class SubIdx:
    def __index__(self):
        return MyInt(2)
print([0, 1, 2][SubIdx()], type(SubIdx().__index__()).__name__)

# __round__ / __trunc__
class R:
    def __round__(self, n=None):
        return ("round", n)
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
print(round(R()), round(R(), 2))
try:
    round(object())
except TypeError as e:
    print(type(e).__name__, e)

# int() falls back to __trunc__ (deprecated, still works in 3.11)
class TruncOnly:
    def __trunc__(self):
        return 9
print(int(TruncOnly()))

# numeric builtins with user numbers
class N:
    def __init__(self, v):
        self.v = v
    def __abs__(self):
        return N(abs(self.v))
    def __neg__(self):
        return N(-self.v)
    def __pos__(self):
        return N(+self.v)
    def __invert__(self):
        return N(~self.v)
    def __repr__(self):
        return f"N({self.v})"
print(abs(N(-3)), -N(2), +N(-1), ~N(0))
class NoUnary:
    pass
for f in (lambda: -NoUnary(), lambda: +NoUnary(), lambda: ~NoUnary(), lambda: abs(NoUnary())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
# bool of int subclass etc
print(-True, ~True, abs(-MyInt(4)), type(-MyInt(4)).__name__, type(abs(MyInt(-4))).__name__)
