# user-defined __class_getitem__ and __mro_entries__
GA = type(list[int])

class Box:
    def __class_getitem__(cls, item):
        return GA(cls, item)
print(Box[int], Box[int, str], Box[int].__origin__ is Box, Box[int]().__class__.__name__)
b = Box[str]()
print(b.__orig_class__, type(b).__name__)

class Registry:
    seen = []
    def __class_getitem__(cls, item):
        cls.seen.append(item)
        return f"{cls.__name__}<{item}>"
print(Registry[1], Registry["a", "b"], Registry[...], Registry[:], Registry.seen)
class Sub(Registry):
    pass
print(Sub[2])

# explicit classmethod is fine too
class Explicit:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(Explicit[0])

# __class_getitem__ as a staticmethod gets no class
class Static:
    @staticmethod
    def __class_getitem__(item):
        return ("static", item)
print(Static[1])

# instances are not subscriptable through __class_getitem__
try:
    Box()[int]
except TypeError as e:
    print(type(e).__name__, e)

# __class_getitem__ = None
class NoneCG:
    __class_getitem__ = None
try:
    NoneCG[int]
except TypeError as e:
    print(type(e).__name__, e)

# __mro_entries__ on a non-class base
class Fake:
    def __init__(self, real):
        self.real = real
    def __mro_entries__(self, bases):
        print("mro_entries", [getattr(b, "__name__", type(b).__name__) for b in bases])
        return (self.real,)
class Real:
    def hi(self):
        return "hi from Real"
class User(Fake(Real), Box):
    pass
print(User.__bases__, User.__orig_bases__[0].__class__.__name__, User().hi())

class Several:
    def __mro_entries__(self, bases):
        return (list, Real)
class Multi(Several()):
    pass
print(Multi.__mro__)

class Nothing:
    def __mro_entries__(self, bases):
        return ()
class Empty(Nothing()):
    pass
print(Empty.__bases__)

class BadEntries:
    def __mro_entries__(self, bases):
        return [Real]
try:
    class Bad(BadEntries()):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# type() does not call __mro_entries__
try:
    type("T", (Fake(Real),), {})
except TypeError as e:
    print(type(e).__name__, e)

# generic aliases of user classes in annotations and as bases
class Pair(tuple):
    def __class_getitem__(cls, item):
        return GA(cls, item)
class IntPair(Pair[int, int]):
    pass
print(IntPair.__bases__, IntPair.__orig_bases__, IntPair((1, 2)))
def f(p: Pair[int, str]) -> Box[Pair[int, int]]:
    pass
print(f.__annotations__)
