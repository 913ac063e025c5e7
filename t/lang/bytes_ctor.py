# bytes() constructor
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: bytes())
t(lambda: bytes(3))
t(lambda: bytes(0))
t(lambda: bytes([65, 66, 67]))
t(lambda: bytes((0, 255)))
t(lambda: bytes(range(5)))
t(lambda: bytes(x for x in [1, 2]))
t(lambda: bytes(b"copy"))
t(lambda: bytes(bytearray(b"ba")))
t(lambda: bytes("é", "utf-8"))
t(lambda: bytes("é", "latin-1"))
t(lambda: bytes("é", encoding="ascii", errors="replace"))
t(lambda: bytes("abc", "bogus"))
t(lambda: bytes("abc"))
t(lambda: bytes("abc", errors="strict"))
t(lambda: bytes(b"a", "utf-8"))
t(lambda: bytes(encoding="utf-8"))
t(lambda: bytes(errors="x"))
t(lambda: bytes(-1))
t(lambda: bytes([256]))
t(lambda: bytes([-1]))
t(lambda: bytes(["a"]))
t(lambda: bytes([1.5]))
t(lambda: bytes(1.5))
t(lambda: bytes(None))
t(lambda: bytes(x=1))
t(lambda: bytes(1, 2, 3, 4))
t(lambda: bytes("a", 1))
t(lambda: bytes(True))
class B:
    def __bytes__(self):
        return b"from __bytes__"
class BadB:
    def __bytes__(self):
        return "not bytes"
class Idx:
    def __index__(self):
        return 2
t(lambda: bytes(B()))
t(lambda: bytes(BadB()))
t(lambda: bytes(Idx()))
t(lambda: bytes([Idx(), 65]))
class Sub(bytes):
    pass
s = Sub(b"xy")
print(type(s).__name__, s, s + b"z", type(s + b"z").__name__, s == b"xy", type(s[:1]).__name__)
t(lambda: b"x".__bytes__())
t(lambda: b"ab".__getnewargs__())
t(lambda: type(Sub(b"q").__bytes__()).__name__)
