# bytearray item and slice assignment / deletion
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b"abcdef")
ba[0] = 65
ba[-1] = 70
print(ba)
ba[1:3] = b"XYZ"
print(ba)
ba[1:4] = b""
print(ba)
ba[2:2] = bytearray(b"++")
print(ba)
ba[::2] = b"123"
print(ba)
ba[::-1] = b"zyxwvu"
print(ba)
ba[:] = [1, 2, 3]
print(ba)
ba[5:] = b"tail"
print(ba)
ba[0:1] = range(65, 68)
print(ba)
del ba[0]
print(ba)
del ba[-1]
print(ba)
del ba[1:3]
print(ba)
del ba[::2]
print(ba)
b2 = bytearray(b"0123456789")
del b2[::-3]
print(b2)
del b2[:]
print(b2)
b3 = bytearray(b"abc")
b3[1:2] = b3
print(b3)
def setter(k, v):
    def f():
        z = bytearray(b"abc")
        z[k] = v
        return z
    return f
def deleter(k):
    def f():
        z = bytearray(b"abc")
        del z[k]
        return z
    return f
t(setter(0, 300))
t(setter(0, -1))
t(setter(0, "a"))
t(setter(5, 1))
t(setter(-4, 1))
t(setter("a", 1))
t(setter(slice(0, 1), 5))
t(setter(slice(0, 1), "x"))
t(setter(slice(0, 1), [300]))
t(setter(slice(0, 1), [1.5]))
t(setter(slice(0, 3, 2), b"x"))
t(setter(slice(0, 3, 2), b"xy"))
t(setter(slice(None, None, 0), b""))
t(deleter(5))
t(deleter("a"))
t(deleter(slice(None, None, -1)))
t(deleter(slice(1, None, 5)))
t(setter(slice(None, None, 2), b""))
t(setter(slice(None, None, -2), bytearray()))
t(setter(slice(5, 1), b"ins"))
t(setter(slice(1, 2, -1), b"q"))
