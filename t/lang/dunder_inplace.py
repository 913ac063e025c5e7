# in-place operators: __iadd__ and friends, fallback to the binary forms
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("iadd", o)
        self.v += o
        return self
    def __add__(self, o):
        print("add", o)
        return Acc(self.v + o)
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        print("sub", o)
        return Acc(self.v - o)
    def __imul__(self, o):
        return "replaced"
    def __repr__(self):
        return f"Acc({self.v})"

a = Acc(1)
orig = a
a += 5
print(a, a is orig)
a -= 2
print(a, a is orig)
a *= 3
print(a)

class OnlyBinary:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyBinary(self.v + o)
    def __radd__(self, o):
        return OnlyBinary(o + self.v)
b = OnlyBinary(1)
ob = b
b += 1
print(b.v, b is ob)
n = 10
n += OnlyBinary(5)
print(type(n).__name__, n.v)

# all in-place operators
class All:
    def __init__(self):
        self.log = []
    def _make(name):
        def f(self, o):
            self.log.append(name)
            return self
        return f
    for _n in ("iadd", "isub", "imul", "imatmul", "itruediv", "ifloordiv", "imod", "ipow",
               "ilshift", "irshift", "iand", "ior", "ixor"):
        locals()[f"__{_n}__"] = _make(_n)
    del _n, _make
x = All()
x += 1; x -= 1; x *= 1; x @= 1; x /= 1; x //= 1; x %= 1; x **= 1
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
print(x.log)

# unsupported in-place
class NoOps:
    pass
y = NoOps()
for op in ("+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="):
    try:
        exec(f"y {op} 1")
    except TypeError as e:
        print(type(e).__name__, e)

# in-place on attributes and subscripts
class Box:
    def __init__(self):
        self.items = Acc(0)
        self.d = {"k": Acc(0)}
bx = Box()
bx.items += 3
bx.d["k"] += 4
print(bx.items, bx.d)

# list += on a subclass with __iadd__
class L(list):
    def __iadd__(self, other):
        print("L.__iadd__")
        return super().__iadd__(other)
l = L([1])
l += [2]
print(l, type(l).__name__)

# immutable builtins fall back to the binary op
t = (1,)
tt = t
t += (2,)
print(t, tt)
s = "a"
s += "b"
print(s)

# __iadd__ returning NotImplemented and no __add__
class OnlyIaddNI:
    def __iadd__(self, o):
        return NotImplemented
z = OnlyIaddNI()
try:
    z += 1
except TypeError as e:
    print(type(e).__name__, e)
