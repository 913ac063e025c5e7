# metaclasses: class M(type), metaclass=, methods and attributes of metaclasses
class Meta(type):
    counter = 0
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        Meta.counter += 1
        cls.serial = Meta.counter
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def describe(cls):
        return f"class {cls.__name__} #{cls.serial}"
    @property
    def upper_name(cls):
        return cls.__name__.upper()

class A(metaclass=Meta):
    x = 1
    def m(self):
        pass
class B(A, flag=1):
    pass
print(type(A), type(B), A.serial, B.serial, A.describe(), B.upper_name)
print(isinstance(A, Meta), isinstance(A(), Meta), hasattr(A(), "describe"), hasattr(A, "counter"))
try:
    A().describe()
except AttributeError as e:
    print(type(e).__name__, e)

# metaclass methods are not visible on instances; class attributes shadow them
class Shadow(metaclass=Meta):
    def describe(self):
        return "instance method"
print(Shadow.describe(Shadow()), Shadow().describe(), Meta.describe(Shadow))

# type of type
print(type(Meta), type(type), isinstance(type, type), Meta.__mro__, Meta.__base__)

# a metaclass function
def func_meta(name, bases, ns):
    ns["made_by"] = "func_meta"
    return type(name, bases, ns)
class F(metaclass=func_meta):
    pass
print(F.made_by, type(F))

# any callable works as a metaclass
class CallableMeta:
    def __call__(self, name, bases, ns):
        return f"not a class: {name}"
class NotAClass(metaclass=CallableMeta()):
    pass
print(NotAClass)

# the metaclass is inherited
class C(B):
    pass
print(type(C).__name__)

# metaclass __repr__ and __str__ affect classes
class ReprMeta(type):
    def __repr__(cls):
        return f"<custom class {cls.__name__}>"
class R(metaclass=ReprMeta):
    pass
print(R, repr(R), [R], str(R))

# metaclass __len__, __iter__, __contains__, __getitem__ on classes
class ContainerMeta(type):
    def __len__(cls):
        return len(cls.members)
    def __iter__(cls):
        return iter(cls.members)
    def __contains__(cls, x):
        return x in cls.members
    def __getitem__(cls, i):
        return cls.members[i]
class Colors(metaclass=ContainerMeta):
    members = ["red", "green"]
print(len(Colors), list(Colors), "red" in Colors, Colors[1], bool(Colors))

# metaclass with __slots__-less attribute storage on classes
A.dynamic = 5
print(A.dynamic, B.dynamic, "dynamic" in B.__dict__)

# class methods vs metaclass methods with the same name
class M2(type):
    def who(cls):
        return "metaclass method"
class K(metaclass=M2):
    @classmethod
    def who(cls):
        return "classmethod"
print(K.who(), M2.who(K), type(K).who(K))
