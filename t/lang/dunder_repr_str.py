# __repr__, __str__, __format__
class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
b = Both()
print(b, repr(b), str(b), f"{b}", f"{b!r}", f"{b!s}", [b], (b,), {b: b}, "%s %r" % (b, b))
print("{} {!r} {!a}".format(b, b, b), format(b), ascii(b))

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")

class OnlyStr:
    def __str__(self):
        return "only-str"
print(OnlyStr(), [OnlyStr()][0].__str__(), repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))

class Unicode:
    def __repr__(self):
        return "caf\xe9 \u2603"
print(repr(Unicode()), ascii(Unicode()), [Unicode()])

# bad return types
class BadRepr:
    def __repr__(self):
        return 5
class BadStr:
    def __str__(self):
        return None
for f in (lambda: repr(BadRepr()), lambda: str(BadStr()), lambda: f"{BadStr()}", lambda: print(BadStr()),
          lambda: str(BadRepr()), lambda: [BadRepr()].__repr__()):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

# str subclass results are accepted (and kept) by repr/str
class S(str):
    pass
class ReturnsSub:
    def __repr__(self):
        return S("sub-repr")
    def __str__(self):
        return S("sub-str")
print(type(repr(ReturnsSub())).__name__, type(str(ReturnsSub())).__name__, repr(ReturnsSub()))

# __format__
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "":
            return f"${self.v}"
        if spec == "cents":
            return f"{self.v * 100} cents"
        return f"${self.v:{spec}}"
m = Money(3.5)
print(f"{m}", f"{m:cents}", f"{m:>8.2f}", format(m, ".1f"), "{:cents}".format(m), "{0:}".format(m))
nested = 6
print(f"{m:>{nested}}")

class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)

# object.__format__ with a non-empty spec
class NoFormat:
    def __str__(self):
        return "nf"
print(format(NoFormat()), f"{NoFormat()}")
try:
    format(NoFormat(), "10")
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{NoFormat():>5}"
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(NoFormat(), 5)
except TypeError as e:
    print(type(e).__name__, e)

# subclasses of builtins keep the builtin formatting
class MyInt(int):
    pass
class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"
print(f"{MyInt(42):05d}", format(MyFloat(1.5), ".3f"), MyFloat(1.5), str(MyFloat(1.5)), f"{MyFloat(2)}")

# repr of recursive structures via __repr__
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Node({self.children!r})"
n = Node()
n.children.append(n.children)
print(n)

# default reprs mention the qualified class name
class Outer:
    class Inner:
        pass
inner = Outer.Inner()
r = repr(inner)
print(r[:r.index(" at ")], str(inner) == repr(inner))

# __repr__ raising
class Raising:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    print([Raising()])
except ValueError as e:
    print(type(e).__name__, e)
