# find family, count, startswith on bytes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b"abracadabra"
for sub in [b"a", b"bra", b"", b"xyz", 97, 114, bytearray(b"cad")]:
    print(sub, b.find(sub), b.rfind(sub), b.count(sub), b.find(sub, 2, 8), b.rfind(sub, -5))
t(lambda: b.index(b"cad"))
t(lambda: b.index(b"zz"))
t(lambda: b.rindex(b"zz"))
t(lambda: b.find("a"))
t(lambda: b.find(256))
t(lambda: b.find(-1))
t(lambda: b.find(1.5))
t(lambda: b.count("a"))
t(lambda: b.find())
t(lambda: b.find(b"a", "x"))
t(lambda: b.count(b"", 1))
t(lambda: b.count(b"", 20))
t(lambda: b.startswith(b"abra"))
t(lambda: b.startswith((b"x", b"ab")))
t(lambda: b.endswith(b"bra", 0, 4))
t(lambda: b.endswith(bytearray(b"ra")))
t(lambda: b.startswith("a"))
t(lambda: b.startswith(97))
t(lambda: b.endswith(("a",)))
t(lambda: b.startswith(b"", 11))
t(lambda: b.startswith(b"", 12))
