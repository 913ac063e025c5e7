# __init__ and __new__
class P:
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args, kw)
        return super().__new__(cls)
    def __init__(self, x, y=0):
        print("init", x, y)
        self.x, self.y = x, y

p = P(1, y=2)
print(p.x, p.y)

# __new__ returning something else skips __init__
class Other:
    def __new__(cls, v):
        return v * 2
    def __init__(self, v):
        print("never")
print(Other(21), type(Other(1)).__name__)

# __new__ returning an instance of a subclass: __init__ still runs
class Base:
    def __new__(cls, kind):
        if kind == "sub":
            return super().__new__(Sub)
        return super().__new__(cls)
    def __init__(self, kind):
        self.kind = kind
class Sub(Base):
    pass
b = Base("sub")
print(type(b).__name__, b.kind)

# __init__ must return None
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)

# argument errors
class NoInit:
    pass
for call in (lambda: NoInit(1), lambda: NoInit(a=1), lambda: object(1), lambda: object.__new__(NoInit, 1)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)

class OnlyInit:
    def __init__(self, a):
        self.a = a
print(OnlyInit(3).a)
try:
    OnlyInit()
except TypeError as e:
    print(type(e).__name__, e)

class OnlyNew:
    def __new__(cls, a):
        o = super().__new__(cls)
        o.a = a
        return o
print(OnlyNew(4).a)

class BothCustom:
    def __new__(cls, *a):
        return object.__new__(cls, *a) if False else object.__new__(cls)
    def __init__(self, *a):
        object.__init__(self)
        self.a = a
print(BothCustom(1, 2).a)

try:
    object.__init__(OnlyInit(1), 5)
except TypeError as e:
    print(type(e).__name__, e)

try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
print(type(object.__new__(NoInit)).__name__)

# __new__ is a static method implicitly
print(type(P.__dict__["__new__"]).__name__)
# calling __init__ explicitly re-initialises
p.__init__(7)
print(p.x, p.y)
# __init__ of builtin through the class
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = True
l = L("abc")
print(l, l.extra)
# __new__ with keyword-only args
class KW:
    def __new__(cls, *, name):
        o = super().__new__(cls)
        o.name = name
        return o
print(KW(name="n").name)
try:
    KW("x")
except TypeError as e:
    print(type(e).__name__, e)
