# the str() constructor
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: str())
t(lambda: str(123))
t(lambda: str(1.5))
t(lambda: str(None))
t(lambda: str([1, "a"]))
t(lambda: str("x"))
t(lambda: str(b"abc"))
t(lambda: str(b"abc", "ascii"))
t(lambda: str(b"\xc3\xa9", "utf-8"))
t(lambda: str(b"\xe9", "latin-1"))
t(lambda: str(b"\xff", "ascii"))
t(lambda: str(b"\xff", "ascii", "replace"))
t(lambda: str(b"\xff", errors="ignore"))
t(lambda: str(b"abc", encoding="utf-8"))
t(lambda: str(bytearray(b"xyz"), "ascii"))
t(lambda: str(object=5))
t(lambda: str(x=5))
t(lambda: str(1, 2, 3, 4))
t(lambda: str(1, "utf-8"))
t(lambda: str("a", "utf-8"))
t(lambda: str(b"a", 1))
t(lambda: str(b"a", "utf-8", 1))
t(lambda: str(b"a", "bogus"))
class A:
    def __str__(self):
        return "A!"
class B:
    def __repr__(self):
        return "B?"
class C:
    def __str__(self):
        return 5
t(lambda: str(A()))
t(lambda: str(B()))
t(lambda: str(C()))
class S(str):
    pass
s = S("hello")
print(type(s).__name__, s, s.upper(), type(s.upper()).__name__, s == "hello", len(s), s[1:3], type(str(s)).__name__)
print(type(S(b"ab", "ascii")).__name__, S(b"ab", "ascii"))
