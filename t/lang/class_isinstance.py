# isinstance / issubclass with tuples and the metaclass hooks
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, (A,)))), isinstance(b, ()))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(A, B), issubclass(B, B), issubclass(B, ()))
print(isinstance(True, int), issubclass(bool, int), isinstance(1, bool), issubclass(int, object))
print(isinstance(A, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
print(isinstance(3, (str, (list, (float, int)))))

def attempt(f):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)

attempt(lambda: isinstance(1, 1))
attempt(lambda: isinstance(1, (int, 1)))
attempt(lambda: isinstance(1, (1, int)))
attempt(lambda: issubclass(1, int))
attempt(lambda: issubclass(int, 1))
attempt(lambda: issubclass(int, (1,)))
attempt(lambda: isinstance(1))

# metaclass hooks
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is int or type.__subclasscheck__(cls, sub)
class Intish(metaclass=Meta):
    pass
print(isinstance(5, Intish))
print(isinstance("x", Intish))
print(isinstance(Intish(), Intish))   # exact type match: no hook call
print(issubclass(int, Intish), issubclass(str, Intish))
print(isinstance(5, (str, Intish)))
print(issubclass(Intish, Intish))

# results are converted with bool()
class Truthy(type):
    def __instancecheck__(cls, inst):
        return [1]
    def __subclasscheck__(cls, sub):
        return ""
class T(metaclass=Truthy): pass
print(isinstance(0, T), issubclass(int, T))

# an exception in the hook propagates
class Raising(type):
    def __instancecheck__(cls, inst):
        raise ValueError("nope")
class R(metaclass=Raising): pass
try:
    isinstance(1, R)
except ValueError as e:
    print(type(e).__name__, e)

# __class__ is consulted by isinstance
class Pretend:
    __class__ = int
print(isinstance(Pretend(), int), isinstance(Pretend(), Pretend), type(Pretend()).__name__)

# non-type objects with __bases__ are accepted by issubclass
class FakeClass:
    __bases__ = ()
fc = FakeClass()
attempt(lambda: issubclass(fc, fc))
attempt(lambda: issubclass(fc, int))

# abstract-style registration through __subclasshook__-like metaclass
class Registry(type):
    def __init__(cls, *a):
        super().__init__(*a)
        cls._registered = set()
    def register(cls, sub):
        cls._registered.add(sub)
        return sub
    def __subclasscheck__(cls, sub):
        return sub in cls._registered or type.__subclasscheck__(cls, sub)
    def __instancecheck__(cls, inst):
        return cls.__subclasscheck__(type(inst))
class Iface(metaclass=Registry): pass
Iface.register(list)
print(isinstance([], Iface), isinstance({}, Iface), issubclass(list, Iface), issubclass(dict, Iface))
