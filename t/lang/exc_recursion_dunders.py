# RecursionError (never a crash) through more special methods and protocols
import sys
def check(label, fn):
    try:
        fn()
        print(label, "no error")
    except RecursionError as e:
        print(label, "RecursionError")
    except Exception as e:
        print(label, type(e).__name__, e)
class C:
    def __contains__(self, x):
        return x in self
check("contains", lambda: 1 in C())
class F:
    def __format__(self, spec):
        return format(self, spec)
check("format", lambda: format(F(), ""))
check("fstring", lambda: f"{F()}")
class HashD:
    def __hash__(self):
        return hash(self)
check("dict key", lambda: {HashD(): 1})
check("set add", lambda: {HashD()})
class IS(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, cls)
class W(metaclass=IS):
    pass
check("instancecheck", lambda: isinstance(1, W))
class MC(type):
    def __call__(cls, *a):
        return cls()
class M(metaclass=MC):
    pass
check("metaclass call", lambda: M())
class D:
    def __get__(self, obj, typ):
        return obj.d
class HasD:
    d = D()
check("descriptor", lambda: HasD().d)
class SA:
    def __setattr__(self, n, v):
        setattr(self, n, v)
check("setattr", lambda: setattr(SA(), "x", 1))
class DI:
    def __delitem__(self, k):
        del self[k]
check("delitem", lambda: DI().__delitem__(0))
class Neg:
    def __neg__(self):
        return -self
check("neg", lambda: -Neg())
class Idx:
    def __index__(self):
        return [1, 2][self]
check("index", lambda: [1][Idx()])
class Str2:
    def __str__(self):
        return "%s" % self
check("percent", lambda: str(Str2()))
class Fmt:
    def __str__(self):
        return "{}".format(self)
check("str.format", lambda: str(Fmt()))
class IterSelf:
    def __iter__(self):
        yield from self
check("yield from self", lambda: list(IterSelf()))
class InitSub:
    def __init_subclass__(cls):
        type("X", (cls,), {})
check("init_subclass", lambda: type("Y", (InitSub,), {}))
print("alive")
