# subclasses of bytes
class B(bytes):
    def hexed(self):
        return self.hex()
b = B(b"abc")
print(b, repr(b), b.hexed(), len(b), b[0], b[1:], type(b[1:]).__name__, type(b + b"x").__name__)
print(b == b"abc", hash(b) == hash(b"abc"), b.upper(), type(b.upper()).__name__, bytes(b), B(3), B([65, 66]))
print(isinstance(b, bytes), b.decode(), b"-".join([b, b]), b in [b"abc"], b.startswith(b"a"))
b.note = "bytes with a dict"
print(b.note, b.__dict__)
for n in range(20):
    x = B(b"z" * n)
    x.n = n
    assert x.n == n and x == b"z" * n
print("ok for all lengths")

try:
    class Slotted(bytes):
        __slots__ = ("a",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class DictSlot(bytes):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(type(e).__name__, e)
class Empty(bytes):
    __slots__ = ()
e = Empty(b"q")
try:
    e.a = 1
except AttributeError as ex:
    print(type(ex).__name__, ex)
print(e, type(e).__name__)

class WithNew(bytes):
    def __new__(cls, s):
        return super().__new__(cls, s.encode())
w = WithNew("h\xe9")
w.src = "str"
print(w, w.src)

class X(bytes):
    pass
class Y(bytes):
    pass
try:
    class XY(X, Y):
        pass
except TypeError as ex:
    print(type(ex).__name__, ex)

class Mixin:
    def describe(self):
        return f"{type(self).__name__} of {len(self)}"
class MB(Mixin, bytes):
    pass
print(MB(b"1234").describe(), MB.__base__.__name__)

print(bytes.__new__(B, b"via __new__"), type(bytes.__new__(B, b"x")).__name__)
try:
    bytes.__new__(int)
except TypeError as ex:
    print(type(ex).__name__, ex)
