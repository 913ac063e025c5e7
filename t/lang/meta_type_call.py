# type(name, bases, dict) and type(obj)
print(type(1), type("s"), type(None), type(type), type(int), type(len), type([].append).__name__)
X = type("X", (), {})
print(X, X.__name__, X.__bases__, X.__module__, X().__class__ is X, X.__doc__)
Y = type("Y", (X,), {"a": 1, "f": lambda self: self.a * 2, "__doc__": "Y doc"})
y = Y()
print(y.f(), Y.a, Y.__doc__, Y.__mro__, isinstance(y, X))
Z = type("Z", (dict,), {"extra": property(lambda self: len(self))})
print(Z(a=1).extra, Z.__base__)

# errors
for args in ((), (1, 2), ("A", (), {}, 1), (1, (), {}), ("A", [], {}), ("A", (), [])):
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type("A", (), {}, extra=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, k=2)
except TypeError as e:
    print(type(e).__name__, e)

# dict is copied
ns = {"v": 1}
V = type("V", (), ns)
ns["v"] = 2
ns["w"] = 3
print(V.v, hasattr(V, "w"))

# special names in the namespace
Q = type("Q", (), {"__slots__": ("s",), "__qualname__": "Outer.Q", "__module__": "mod"})
q = Q()
q.s = 5
print(q.s, Q.__qualname__, Q.__module__, repr(Q))
try:
    q.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
W = type("W", (), {"__init__": lambda self, v: setattr(self, "v", v), "__repr__": lambda self: f"W({self.v})"})
print(W(3), [W(1)])
N = type("N", (), {"__new__": lambda cls, *a: ("new", a)})
print(N(1, 2), type(N.__dict__["__new__"]).__name__)

# type.__new__ and type.__init__ directly
T = type.__new__(type, "T", (), {"k": 1})
print(T.k, type(T))
type.__init__(T, "T", (), {})
try:
    type.__init__(T, "T")
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__new__(int, "T", (), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)

# a subclass of type used like type
class MyType(type):
    pass
M = MyType("M", (), {})
print(type(M).__name__, MyType("other", (), {}).__name__)
for args in ((5,), (), (M,)):
    try:
        MyType(*args)
    except TypeError as e:
        print(type(e).__name__, e)

# class names that are not identifiers are fine for type()
odd = type("not valid!", (), {})
print(odd.__name__, repr(odd))
try:
    type("bad\x00name", (), {})
except ValueError as e:
    print(type(e).__name__, e)
