# assorted class behaviour: dir, __subclasses__, class decorators, __del__, __doc__, bound methods
class Base:
    a = 1
    def m(self):
        pass
class Sub1(Base):
    b = 2
class Sub2(Base):
    pass
class SubSub(Sub1):
    pass
print([c.__name__ for c in Base.__subclasses__()], [c.__name__ for c in Sub1.__subclasses__()])
print(object.__subclasses__ is not None, type(Base.__subclasses__()).__name__)
print([n for n in dir(SubSub) if not n.startswith("__")])
s = SubSub()
s.inst = 1
print([n for n in dir(s) if not n.startswith("__")], "__class__" in dir(s), "__init__" in dir(Base))
class CustomDir:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(CustomDir()))

# class decorators
def register(cls):
    cls.registered = True
    return cls
def replace(cls):
    return "replaced"
@register
class Reg:
    pass
@replace
class Gone:
    pass
print(Reg.registered, Gone)
def add_repr(cls):
    cls.__repr__ = lambda self: f"<{cls.__name__} {vars(self)}>"
    return cls
@add_repr
class Pt:
    def __init__(self, x):
        self.x = x
print(Pt(3))

# bound methods
class C:
    def m(self, x=0):
        return (self, x)
c = C()
bm = c.m
print(bm.__self__ is c, bm.__func__ is C.m, bm.__name__, bm.__qualname__, type(bm).__name__)
print(bm == c.m, bm is c.m, C().m == c.m, hash(bm) == hash(c.m))
print(bm(5)[1], C.m(c, 6)[1], bm.__doc__)
try:
    C.m()
except TypeError as e:
    print(type(e).__name__, e)
try:
    bm.new_attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
def documented(self):
    "doc of method"
C.d = documented
print(c.d.__doc__, c.d.__name__)

# __del__
class Finalized:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
f = Finalized("f1")
del f
print("after del")
def scope():
    Finalized("temp")
    print("in scope")
scope()
x = Finalized("rebind")
x = None
class BadDel:
    def __del__(self):
        raise ValueError("ignored")
bd = BadDel()
del bd
print("exception in __del__ ignored")

# __init_subclass__ + __set_name__ ordering with class decorators
log = []
class Tracker:
    def __set_name__(self, owner, name):
        log.append(("set_name", name))
class Root:
    def __init_subclass__(cls):
        log.append(("init_subclass", cls.__name__))
def deco(cls):
    log.append(("decorator", cls.__name__))
    return cls
@deco
class Leaf(Root):
    t = Tracker()
print(log)

# class body executes top to bottom, can reference earlier names, and returns nothing
class Body:
    print("executing class body")
    items = [1, 2]
    total = sum(items)
    if total > 2:
        big = True
    for _i in range(2):
        pass
    del _i
print(Body.total, Body.big, hasattr(Body, "_i"))

# __module__ and class in functions
def make():
    class Local:
        pass
    return Local
L1, L2 = make(), make()
print(L1 is L2, L1.__qualname__, L1.__module__)
