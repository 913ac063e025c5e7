# super(): zero-argument and two-argument forms
class A:
    def __init__(self):
        self.log = ["A"]
    def f(self, x):
        return f"A.f({x})"
    @classmethod
    def c(cls):
        return f"A.c({cls.__name__})"
    @staticmethod
    def s(v):
        return f"A.s({v})"
    @property
    def p(self):
        return "A.p"

class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def f(self, x):
        return "B+" + super().f(x)
    @classmethod
    def c(cls):
        return "B+" + super().c()
    @staticmethod
    def s(v):
        return "B+" + super(B, B).s(v)
    @property
    def p(self):
        return "B+" + super().p

class C(B):
    def f(self, x):
        return "C+" + super(C, self).f(x)
    def g(self):
        return super(B, self).f(0)

c = C()
print(c.log, c.f(1), C.c(), c.c(), C.s(2), c.p, c.g())

# super objects
s = super(B, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is c, s.__self_class__.__name__)
print(super(C, C).c(), super(B, C).f(c, 9))
print(repr(super(A)).startswith("<super: <class 'A'>, NULL>"))
print(repr(super(B, c)))

# super with multiple inheritance: cooperative
class Base:
    def __init__(self, **kw):
        self.seen = ["Base"]
        assert not kw, kw
class M1(Base):
    def __init__(self, a=0, **kw):
        super().__init__(**kw)
        self.seen.append(f"M1({a})")
class M2(Base):
    def __init__(self, b=0, **kw):
        super().__init__(**kw)
        self.seen.append(f"M2({b})")
class Both(M1, M2):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.seen.append("Both")
print(Both(a=1, b=2).seen)

# errors
def attempt(f):
    try:
        print(f())
    except (TypeError, RuntimeError, AttributeError) as e:
        print(type(e).__name__, e)

attempt(lambda: super(B, 5))
attempt(lambda: super(5, c))
attempt(lambda: super(C, A()).f(1))
attempt(lambda: super(C, c).nope)
attempt(lambda: super(A, c).f(1))

def nomethod():
    return super().f()
attempt(nomethod)

class D:
    def m(self):
        def inner():
            return super().m()
        return inner()
attempt(lambda: D().m())

class E(A):
    def f(self, x):
        del self
        return super().f(x)
attempt(lambda: E().f(1))

# super in __init_subclass__ and __new__
class Reg:
    subs = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Reg.subs.append(cls.__name__)
    def __new__(cls, *a):
        obj = super().__new__(cls)
        obj.args = a
        return obj
class R1(Reg): pass
class R2(R1): pass
print(Reg.subs, R2(1, 2).args)

# __class__ cell
class F:
    def who(self):
        return __class__.__name__
class G(F): pass
print(G().who())

# unbound super
us = super(B)
print(us.__self__, us.__self_class__)
class H(B):
    sup = super(B)
print(type(H().sup).__name__)
