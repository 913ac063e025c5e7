# metaclass __call__: controlling instantiation
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kw):
        if cls not in Singleton._instances:
            print("creating", cls.__name__, args, kw)
            Singleton._instances[cls] = super().__call__(*args, **kw)
        return Singleton._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value=0):
        self.value = value
a = Config(1)
b = Config(2)
print(a is b, a.value)

# __call__ that bypasses __init__
class NoInit(type):
    def __call__(cls, *a):
        obj = cls.__new__(cls)
        obj.args = a
        return obj
class P(metaclass=NoInit):
    def __init__(self):
        raise RuntimeError("never")
print(P(1, 2).args)

# __call__ returning something unrelated
class Factory(type):
    def __call__(cls, kind):
        return {"int": int, "str": str}[kind]()
class Make(metaclass=Factory):
    pass
print(repr(Make("int")), repr(Make("str")))

# type.__call__ order: __new__ then __init__ only if isinstance
class Order(type):
    def __call__(cls, *a, **kw):
        print("Order.__call__ before")
        r = super().__call__(*a, **kw)
        print("Order.__call__ after", type(r).__name__)
        return r
class O(metaclass=Order):
    def __new__(cls, x):
        print("O.__new__", x)
        return super().__new__(cls)
    def __init__(self, x):
        print("O.__init__", x)
O(5)
class Other(metaclass=Order):
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")
print(Other())

# type.__call__ directly
print(type.__call__(int, "5"), type.__call__(list, "ab"), type.__call__(type, 3))
try:
    type.__call__(5)
except TypeError as e:
    print(type(e).__name__, e)

# calling a class with a metaclass that defines __call__ as a staticmethod
class Weird(type):
    @staticmethod
    def __call__(*args):
        return ("static call", len(args))
class W(metaclass=Weird):
    pass
print(W(1, 2))

# instance-level __call__ is unaffected by the metaclass __call__
class CallMeta(type):
    def __call__(cls, *a):
        return super().__call__(*a)
class Callable(metaclass=CallMeta):
    def __call__(self, x):
        return x * 2
print(Callable()(21))

# inheriting a metaclass __call__
class Child(Config):
    pass
c1 = Child(7)
print(c1 is Child(), c1.value, c1 is a)
