# __slots__
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

p = P(1, 2)
print(p.x, p.y, P.__slots__, type(P.x).__name__, repr(P.x))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.__dict__
except AttributeError as e:
    print(type(e).__name__, e)
del p.x
try:
    p.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.x
except AttributeError as e:
    print(type(e).__name__, e)
p.x = 10
print(p.x, hasattr(p, "y"), "__dict__" in dir(p))

# inheritance: a subclass without __slots__ gets a __dict__
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.__dict__, q.x)

class R(P):
    __slots__ = ("z",)
r = R(1, 2)
r.z = 3
print(r.x, r.y, r.z)
try:
    r.w = 1
except AttributeError as e:
    print(type(e).__name__, e)

# __dict__ in __slots__
class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.__dict__)

# a single string
class One:
    __slots__ = "only"
o = One()
o.only = 5
print(o.only, One.__slots__)

# empty slots
class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print(type(e).__name__, e)

# name mangling of private slots
class Priv:
    __slots__ = ("__secret", "public")
    def __init__(self):
        self.__secret = 42
    def get(self):
        return self.__secret
pv = Priv()
print(pv.get(), sorted(k for k in Priv.__dict__ if "secret" in k))

# errors
def attempt(ns, bases=()):
    try:
        cls = type("X", bases, ns)
        print("ok", sorted(k for k in cls.__dict__ if not k.startswith("__")))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

attempt({"__slots__": ("a", "a")})
attempt({"__slots__": (1,)})
attempt({"__slots__": ("not valid",)})
attempt({"__slots__": ("a",), "a": 1})
attempt({"__slots__": ("__dict__", "__dict__")})
attempt({"__slots__": 5})
attempt({"__slots__": ["a", "b"]})
attempt({"__slots__": {"a": "doc a", "b": "doc b"}})
attempt({"__slots__": ("__dict__",)}, (Q,))
attempt({"__slots__": ("x",)}, (P,))

# layout conflicts
class A1:
    __slots__ = ("a",)
class B1:
    __slots__ = ("b",)
try:
    class AB(A1, B1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoSlots:
    pass
class Mixed(A1, NoSlots):
    pass
m = Mixed()
m.a, m.other = 1, 2
print(m.a, m.other)

# slot descriptors are data descriptors: they win over class attributes of subclasses
class T:
    __slots__ = ("v",)
t = T()
T.v.__set__(t, "via descriptor")
print(T.v.__get__(t, T), T.v.__name__, T.v.__objclass__.__name__)
try:
    T.v.__get__(5, int)
except TypeError as e:
    print(type(e).__name__, e)

# weakref slot accepted
class W:
    __slots__ = ("__weakref__", "a")
print(W.__slots__)

# slots and default values via class attributes of a base
class Defaults:
    value = "default"
class WithSlot(Defaults):
    __slots__ = ("value",)
ws = WithSlot()
try:
    print(ws.value)
except AttributeError as e:
    print(type(e).__name__, e)
ws.value = "set"
print(ws.value, Defaults.value)
