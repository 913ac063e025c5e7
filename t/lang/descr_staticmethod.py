# staticmethod and classmethod
class C:
    @staticmethod
    def s(a, b=2):
        return ("s", a, b)
    @classmethod
    def c(cls, a):
        return ("c", cls.__name__, a)
    def plain(self):
        return "plain"

class D(C):
    pass

print(C.s(1), C().s(1, 3), D.s(0))
print(C.c(1), C().c(2), D.c(3), D().c(4))
sm = C.__dict__["s"]
cm = C.__dict__["c"]
print(type(sm).__name__, type(cm).__name__, sm.__func__ is C.s, cm.__func__.__name__)
print(sm.__wrapped__ is sm.__func__, cm.__wrapped__ is cm.__func__)
print(sm(5), callable(sm), callable(cm))
try:
    cm(1)
except TypeError as e:
    print(type(e).__name__, e)
bound = C.c
print(bound.__self__ is C, bound.__func__ is cm.__func__, D().c.__self__ is D)
print(sm.__get__(None, C) is sm.__func__, cm.__get__(None, D)(9), cm.__get__(D())(8))

# wrapping other callables
class E:
    smlen = staticmethod(len)
    cmlist = classmethod(lambda cls, *a: (cls.__name__, a))
print(E.smlen("abc"), E().smlen([1]), E.cmlist(1, 2))

# classmethod of a property-like descriptor chains (3.9 .. 3.12)
class F:
    @classmethod
    @property
    def name(cls):
        return "class property of " + cls.__name__
print(F.name, F().name)

# repr
print(repr(staticmethod(len)), repr(classmethod(len)))

# errors
for bad in (lambda: staticmethod(), lambda: classmethod(1, 2), lambda: staticmethod(f=len)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
# a staticmethod of a non-callable is created but fails on call
x = staticmethod(5)
try:
    x()
except TypeError as e:
    print(type(e).__name__, e)

# attributes set on the function are visible through the wrapper
def marked():
    pass
marked.tag = "t"
w = staticmethod(marked)
print(w.__func__.tag, getattr(w, "__isabstractmethod__", None))
w.extra = 1
print(w.extra, w.__dict__)

# __init_subclass__ and __class_getitem__ are implicit classmethods
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
    def __init_subclass__(cls):
        cls.sub = True
class H(G):
    pass
print(G[int], H["x"], H.sub, type(G.__dict__["__class_getitem__"]).__name__,
      type(G.__dict__["__init_subclass__"]).__name__)

# methods looked up on the class are plain functions; on instances bound methods
print(type(C.plain).__name__, type(C().plain).__name__, C.plain(None))
