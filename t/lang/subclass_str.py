# subclasses of str: methods, attributes (__dict__), slots, operators
class S(str):
    def shout(self):
        return self.upper() + "!"

s = S("hello")
print(s, repr(s), type(s).__name__, s.shout(), len(s), s[1], s[1:3], type(s[1:3]).__name__)
print(s + " world", type(s + "x").__name__, s * 2, type(s * 2).__name__, s == "hello", "hello" == s)
print(s.upper(), type(s.upper()).__name__, s.split("l"), s.replace("l", "L"), "-".join(S("ab")))
print(hash(s) == hash("hello"), {s: 1}["hello"], "ell" in s, s.startswith("he"), f"{s:>8}")
print(str(s), type(str(s)).__name__, S(5), S(b"x", "ascii"), S(), repr(S("q'uote")))
print(isinstance(s, str), issubclass(S, str), s.__class__ is S, sorted([S("b"), S("a")]))

# instances have a __dict__
s.tag = "tagged"
print(s.tag, s.__dict__, vars(s))
long_s = S("x" * 1000)
long_s.a, long_s.b = 1, [2]
print(long_s.a, long_s.b, len(long_s), long_s[:3])
for n in range(20):
    v = S("y" * n)
    v.n = n
    assert v.n == n and v == "y" * n, n
print("dict survives all lengths")
u = S("h\xe9llo \u2603 \U0001f600")
u.x = "unicode ok"
print(u.x, len(u), u[6], u.upper())

# __slots__ on a str subclass
class Slotted(str):
    __slots__ = ("meta",)
sl = Slotted("abc")
sl.meta = {"k": 1}
print(sl, sl.meta, hasattr(sl, "__dict__"))
try:
    sl.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
class SlottedMore(Slotted):
    pass
sm = SlottedMore("def")
sm.meta, sm.free = 1, 2
print(sm.meta, sm.free, sm.__dict__)
class EmptySlots(str):
    __slots__ = ()
try:
    EmptySlots("x").a = 1
except AttributeError as e:
    print(type(e).__name__, e)

# custom __new__ and __init__
class Upper(str):
    def __new__(cls, value):
        obj = super().__new__(cls, value.upper())
        obj.original = value
        return obj
u = Upper("abc")
print(u, u.original, type(u).__name__)
class WithInit(str):
    def __init__(self, value):
        self.length = len(value)
print(WithInit("four").length)

# overriding methods and operators
class Rev(str):
    def __str__(self):
        return self[::-1]
    def __len__(self):
        return 42
    def __add__(self, other):
        return Rev(str.__add__(self, other))
    def __eq__(self, other):
        return str.__eq__(self.lower(), other.lower())
    __hash__ = str.__hash__
r = Rev("Abc")
print(str(r), len(r), r + "d", type(r + "d").__name__, r == "ABC", r != "abc", f"{r}", "%s" % r)

# two str subclasses combined
class A(str):
    pass
class B(str):
    pass
class AB(A, B):
    pass
ab = AB("ab")
ab.attr = 1
print(ab, ab.attr, AB.__mro__[1:3], AB.__base__.__name__)

# str methods given subclasses as arguments
print("a-b".split(S("-")), S("x").join(["1", "2"]), "abc".replace(S("b"), S("B")))
print(str.upper(S("q")), str.__len__(S("abc")), S.__len__(S("abcd")))
d = {}
d[S("key")] = 1
print(d, list(d)[0].__class__.__name__)
