class A:
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()

class B(A):
    def who(self):
        return "B"

class C(A):
    def who(self):
        return "C" + super().who()

class D(B, C):
    def who(self):
        return "D" + super().who()

print(D().hello(), [k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))
try:
    class X(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

class Child(Base, tag="child"):
    pass
print(Child.tag)

class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset:" + self.name)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2

class Holder:
    field = Desc()

h = Holder()
print(h.field)
h.field = 21
print(h.field, Holder.field.name)

class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml).__name__, isinstance(ml, list))

class MyErr(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args)

class Meta(type):
    def __call__(cls, *a):
        print("creating", cls.__name__)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(WithMeta(3).v, type(WithMeta).__name__)
print(type("Dyn", (A,), {"who": lambda self: "dyn"})().hello())
