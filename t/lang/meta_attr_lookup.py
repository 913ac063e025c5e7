# attribute lookup on classes: metaclass data descriptors, the class MRO, then metaclass attributes
class DataDesc:
    def __get__(self, obj, objtype=None):
        return f"DataDesc for {obj.__name__ if isinstance(obj, type) else obj}"
    def __set__(self, obj, value):
        print("DataDesc.__set__", value)
class NonDataDesc:
    def __get__(self, obj, objtype=None):
        return f"NonDataDesc for {getattr(obj, '__name__', obj)}"

class Meta(type):
    data = DataDesc()
    nondata = NonDataDesc()
    plain = "meta plain"
    def meth(cls):
        return f"Meta.meth({cls.__name__})"

class C(metaclass=Meta):
    data = "class data"        # loses to the metaclass data descriptor
    nondata = "class nondata"  # wins over a metaclass non-data descriptor
    plain = "class plain"

print(C.data, "|", C.nondata, "|", C.plain)
class D(metaclass=Meta):
    pass
print(D.data, "|", D.nondata, "|", D.plain, "|", D.meth())
C.data = "assigned"
print(C.__dict__["data"])
D.plain = "now own"
print(D.plain, Meta.plain)

# descriptors in the class dict are bound with instance None
class Show:
    def __get__(self, obj, objtype=None):
        return ("Show", obj, objtype.__name__)
class K:
    s = Show()
print(K.s, K().s[0], K().s[2])

# class attribute lookup walks the MRO, not the metaclass MRO, first
class Base:
    x = "Base.x"
class Child(Base, metaclass=Meta):
    pass
print(Child.x, Child.plain)

# __getattr__ on the metaclass handles missing class attributes
class Lazy(type):
    def __getattr__(cls, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"{cls.__name__} has no {name}")
class L(metaclass=Lazy):
    real = 1
print(L.real, L.auto_thing)
try:
    L.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    L().auto_x
except AttributeError as e:
    print(type(e).__name__, e)

# __getattribute__ on the metaclass
class Spy(type):
    def __getattribute__(cls, name):
        if not name.startswith("__"):
            print("Spy lookup", name)
        return super().__getattribute__(name)
class S(metaclass=Spy):
    v = 5
print(S.v)
print(S().v)

# type attributes reachable from classes but not from instances
print(C.mro()[0].__name__, hasattr(C(), "mro"), C.__name__, hasattr(C(), "__name__"))
try:
    C().meth()
except AttributeError as e:
    print(type(e).__name__, e)

# deleting class attributes through the metaclass data descriptor
class DelDesc:
    def __get__(self, obj, objtype=None):
        return "DelDesc"
    def __delete__(self, obj):
        print("DelDesc.__delete__", obj.__name__)
class M2(type):
    thing = DelDesc()
class E(metaclass=M2):
    pass
del E.thing
print(E.thing)
