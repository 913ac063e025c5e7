# the descriptor protocol: __get__ / __set__ / __delete__, data vs non-data precedence
class NonData:
    def __init__(self, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return f"nondata {self.name} obj={type(obj).__name__} type={objtype.__name__}"

class Data:
    def __init__(self, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"data {self.name} via class {objtype.__name__}"
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        print("set", self.name, value)
        obj.__dict__["_" + self.name] = value
    def __delete__(self, obj):
        print("delete", self.name)
        obj.__dict__.pop("_" + self.name, None)

class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)

class GetOnlyData:
    def __get__(self, obj, objtype=None):
        return "GetOnlyData"
    def __delete__(self, obj):
        print("GetOnlyData.__delete__")

class C:
    nd = NonData("nd")
    d = Data("d")
    so = SetOnly()
    gd = GetOnlyData()

c = C()
print(c.nd)
print(C.nd)
c.__dict__["nd"] = "instance wins over non-data"
print(c.nd)
print(c.d, C.d)
c.d = 5
print(c.d)
c.__dict__["d"] = "instance dict loses to data descriptor"
print(c.d)
del c.d
print(c.d)
c.so = 1                   # __set__ without __get__: still a data descriptor
print(type(c.so).__name__) # no __get__: the descriptor object itself
c.__dict__["so"] = "shadow"
print(c.so)                # a data descriptor without __get__ lets the instance dict show
print(c.gd)
c.__dict__["gd"] = "shadow"
print(c.gd)
try:
    c.gd = 1
except AttributeError as e:
    print(type(e).__name__, e)
del c.gd
try:
    del c.nd2
except AttributeError as e:
    print(type(e).__name__, e)

# descriptors on the metaclass act on the class
class MetaData:
    def __get__(self, cls, meta=None):
        return getattr(cls, "_store", "unset")
    def __set__(self, cls, value):
        print("MetaData.__set__", cls.__name__, value)
        type.__setattr__(cls, "_store", value)
class Meta(type):
    md = MetaData()
    mnd = NonData("mnd")
class K(metaclass=Meta):
    pass
print(K.mnd)
K.md = 3
print(K.md, "_store" in K.__dict__, "md" in K.__dict__)

# a class attribute that is a descriptor instance, looked up on the class
print(C.__dict__["d"].name, type(C.__dict__["nd"]).__name__)

# calling __get__ directly
nd = C.__dict__["nd"]
print(nd.__get__(c, C))
f = lambda self: self
print(f.__get__(c)() is c, f.__get__(None, C) is f)
print(type(f.__get__(c)).__name__)

# functions are non-data descriptors: an instance attribute shadows a method
class M:
    def meth(self):
        return "method"
m = M()
m.meth = lambda: "shadowed"
print(m.meth(), M.meth(m))
del m.meth
print(m.meth())

# __get__ raising AttributeError triggers __getattr__
class Raiser:
    def __get__(self, obj, objtype=None):
        raise AttributeError("from descriptor")
class WithGetattr:
    r = Raiser()
    def __getattr__(self, name):
        return f"__getattr__({name})"
print(WithGetattr().r)

# descriptor error propagation
class Boom:
    def __get__(self, obj, objtype=None):
        raise ValueError("boom")
class HasBoom:
    b = Boom()
try:
    HasBoom().b
except ValueError as e:
    print(type(e).__name__, e)

# builtin descriptors
print(type(int.__dict__["real"]).__name__, type(list.__dict__["append"]).__name__)
print(type(int.__dict__["__add__"]).__name__, type((1).__add__).__name__)
print(type(dict.__dict__["fromkeys"]).__name__)
