# __getattr__ and __getattribute__
class Fallback:
    x = 1
    def __init__(self):
        self.y = 2
    def __getattr__(self, name):
        if name.startswith("no_"):
            raise AttributeError(f"custom: {name}")
        return f"computed {name}"

f = Fallback()
print(f.x, f.y, f.z, getattr(f, "w"), hasattr(f, "anything"), hasattr(f, "no_thing"))
try:
    f.no_thing
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(f, "no_x", "default"))

class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
lg = Logged()
print(lg.a)
print(type(lg).__name__)     # type() does not go through __getattribute__
try:
    lg.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Both:
    def __getattribute__(self, name):
        if name == "special":
            return "from getattribute"
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return f"from getattr({name})"
b = Both()
print(b.special, b.other, b.__class__.__name__)

class Everything:
    def __getattribute__(self, name):
        return name.upper()
e = Everything()
print(e.foo, e.__dict__, e.__class__)
print(type(e).__name__)

# __getattribute__ raising a non-AttributeError propagates (no __getattr__ call)
class Strict:
    def __getattribute__(self, name):
        raise KeyError(name)
    def __getattr__(self, name):
        return "unreachable"
try:
    Strict().x
except KeyError as e:
    print(type(e).__name__, e)
print(hasattr(Strict, "__getattr__"))
try:
    hasattr(Strict(), "x")
except KeyError as e:
    print("hasattr propagates", type(e).__name__)

# __getattr__ is looked up on the type, not the instance
class NoGetattr:
    pass
n = NoGetattr()
n.__getattr__ = lambda name: "instance-level"
try:
    n.zzz
except AttributeError as e:
    print(type(e).__name__, e)

# added after class creation
NoGetattr.__getattr__ = lambda self, name: "late " + name
print(n.zzz)
del NoGetattr.__getattr__
try:
    n.zzz
except AttributeError as e:
    print(type(e).__name__, e)

# inherited
class Child(Fallback):
    pass
print(Child().q)

# recursion protection
class Recursive:
    def __getattr__(self, name):
        return self.__getattr__missing
try:
    Recursive().x
except RecursionError as e:
    print(type(e).__name__)

# object.__getattribute__ direct use and errors
print(object.__getattribute__(f, "y"))
try:
    object.__getattribute__(f, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__getattribute__(f, "nope")
except AttributeError as e:
    print(type(e).__name__, e)

# getattr with special methods used by the interpreter bypasses __getattr__
class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, name):
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
print(p.count(1), p.index(2))
try:
    len(p)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p[0]
except TypeError as e:
    print(type(e).__name__, e)
