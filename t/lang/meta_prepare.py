# __prepare__: the namespace used to execute the class body
class OrderedNS(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
        super().__setitem__(k, v)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", mcls.__name__, name, bases, kw)
        return OrderedNS()
    def __new__(mcls, name, bases, ns, **kw):
        print("ns type", type(ns).__name__, ns.order)
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls

class C(metaclass=Meta, option="x"):
    b = 1
    a = 2
    def z(self):
        pass
    b = 3
print(C.order, C.b)

# __prepare__ that records lookups too
class Recording(dict):
    def __getitem__(self, k):
        print("lookup", k)
        return super().__getitem__(k)
class RMeta(type):
    def __prepare__(name, bases):
        return Recording()
class R(metaclass=RMeta):
    x = 1
    y = x + 1
print(R.y)

# a namespace defaulting missing names
class Auto(dict):
    def __missing__(self, k):
        if k.startswith("auto_"):
            self[k] = k.upper()
            return self[k]
        raise KeyError(k)
class AMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Auto()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class A(metaclass=AMeta):
    value = auto_thing
print(A.value, A.auto_thing)

# __prepare__ returning a non-mapping
class BadMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class Bad(metaclass=BadMeta):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# type.__prepare__ returns a fresh dict and accepts anything
print(type.__prepare__("N", ()), type.__prepare__(1, 2, 3, k=4), type(type.__prepare__()))

# the namespace passed to type.__new__ must be a dict (or subclass)
class NeedsDict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return OrderedNS()
class Fine(metaclass=NeedsDict):
    q = 1
print(Fine.q, type(Fine.__dict__).__name__)

class NonDictNS:
    def __init__(self):
        self.data = {}
    def __setitem__(self, k, v):
        self.data[k] = v
    def __getitem__(self, k):
        return self.data[k]
class NDMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NonDictNS()
    def __new__(mcls, name, bases, ns):
        print("keys", sorted(ns.data))
        return super().__new__(mcls, name, bases, ns.data)
class ND(metaclass=NDMeta):
    v = 1
print(ND.v)
class NDMeta2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NonDictNS()
try:
    class ND2(metaclass=NDMeta2):
        pass
except TypeError as e:
    print(type(e).__name__, e)
