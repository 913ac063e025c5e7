# getattr / setattr / hasattr / delattr on instances, classes and modules
class C:
    cls_attr = "class"
    def method(self):
        return "m"
c = C()
setattr(c, "x", 1)
print(getattr(c, "x"), c.x, hasattr(c, "x"), hasattr(c, "y"), getattr(c, "y", "dflt"))
print(getattr(c, "cls_attr"), getattr(C, "cls_attr"), getattr(c, "method")(), getattr(C, "method")(c))
delattr(c, "x")
print(hasattr(c, "x"), getattr(c, "x", None))
setattr(C, "added", 42)
print(c.added, hasattr(C, "added"))
delattr(C, "added")
print(hasattr(c, "added"))
setattr(c, "with space", 5)
print(getattr(c, "with space"), vars(c))
import sys
print(getattr(sys, "maxsize") > 0, hasattr(sys, "nope"), getattr(sys, "nope", 0))
print(getattr(5, "real"), getattr("abc", "upper")(), hasattr(None, "__class__"))
print(getattr(c, "x", None) is None, getattr([], "append", None) is not None)
class Dyn:
    def __getattr__(self, name):
        if name.startswith("d_"):
            return name.upper()
        raise AttributeError(name)
dy = Dyn()
print(getattr(dy, "d_abc"), hasattr(dy, "d_x"), hasattr(dy, "other"), getattr(dy, "zz", "fallback"))
class Boom:
    @property
    def p(self):
        raise ValueError("property failed")
try:
    hasattr(Boom(), "p")
except ValueError as e:
    print("hasattr propagates", type(e).__name__, e)
print(getattr(Boom(), "q", "ok"))
for bad in [lambda: getattr(c, 1), lambda: setattr(c, 1, 2), lambda: hasattr(c, None),
            lambda: delattr(c, "nothere"), lambda: getattr(c, "nothere"), lambda: setattr(5, "x", 1),
            lambda: delattr(C, "nothere"), lambda: setattr(object(), "a", 1), lambda: getattr(c),
            lambda: setattr(c, "a"), lambda: delattr(c), lambda: setattr(str, "x", 1),
            lambda: delattr(5, "real")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Slots:
    __slots__ = ("a",)
s = Slots()
setattr(s, "a", 1)
print(getattr(s, "a"))
try:
    setattr(s, "b", 2)
except AttributeError as e:
    print("AttributeError", e)
