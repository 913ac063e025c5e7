# metaclass __new__ and __init__: what they receive and can change
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("new:", mcls.__name__, name, bases, sorted(ns), kw)
        ns = dict(ns)
        ns["added_by_meta"] = name.lower()
        if kw.get("extra_base"):
            bases = bases + (kw["extra_base"],)
        cls = super().__new__(mcls, name, bases, ns)
        print("created", cls.__name__, cls.__qualname__, cls.__module__)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init:", name, sorted(ns), kw, cls.added_by_meta)
        super().__init__(name, bases, ns)

class Mixin:
    def mixed(self):
        return "mixed in"

class A(metaclass=Meta):
    """doc"""
    x = 1
class B(A, extra_base=Mixin):
    def method(self):
        return __class__.__name__
print(B.added_by_meta, B().mixed(), B.__bases__, B().method(), A.__doc__)

# __new__ returning an existing class: __init__ is still called (it is an instance of Meta)
class Reuse(type):
    cache = {}
    def __new__(mcls, name, bases, ns):
        if name in mcls.cache:
            return mcls.cache[name]
        cls = super().__new__(mcls, name, bases, ns)
        mcls.cache[name] = cls
        return cls
    def __init__(cls, name, bases, ns):
        print("Reuse.__init__", name, id(cls) == id(Reuse.cache[name]))
class R1(metaclass=Reuse):
    v = 1
first = R1
class R1(metaclass=Reuse):
    v = 2
print(R1 is first, R1.v)

# __new__ returning a non-class: __init__ is skipped
class Weird(type):
    def __new__(mcls, name, bases, ns):
        return f"just a string for {name}"
    def __init__(cls, *a):
        print("never")
class W(metaclass=Weird):
    pass
print(W)

# keyword arguments must be accepted by both __new__ and __init__ (type's reject them)
class NewOnly(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
try:
    class K(metaclass=NewOnly, flag=True):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BothKw(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class K2(metaclass=BothKw, flag=True):
    pass
print(K2.__name__)

# __classcell__ must reach type.__new__ for zero-argument super() to work
class Drops(type):
    def __new__(mcls, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, ns)
try:
    class UsesSuper(metaclass=Drops):
        def f(self):
            return super().f()
except RuntimeError as e:
    print(type(e).__name__, e)
class NoSuperUse(metaclass=Drops):
    def f(self):
        return 1
print(NoSuperUse().f())

# metaclass attributes, __call__, and a class-level property
class Counted(type):
    def __init__(cls, *a):
        super().__init__(*a)
        cls._count = 0
    def __call__(cls, *a, **kw):
        cls._count += 1
        return super().__call__(*a, **kw)
    @property
    def count(cls):
        return cls._count
class Obj(metaclass=Counted):
    pass
Obj(); Obj()
print(Obj.count, hasattr(Obj(), "count"))
try:
    Obj.count = 5
except AttributeError as e:
    print(type(e).__name__, e)

# super() inside a metaclass method
class Base(type):
    def hello(cls):
        return "Base.hello for " + cls.__name__
class Derived(Base):
    def hello(cls):
        return "Derived+" + super().hello()
class H(metaclass=Derived):
    pass
print(H.hello())

# class attributes of the metaclass vs the class
class MA(type):
    shared = "from metaclass"
class CA(metaclass=MA):
    pass
print(CA.shared, getattr(CA(), "shared", "not on instances"))
CA.shared = "class own"
print(CA.shared, MA.shared)
