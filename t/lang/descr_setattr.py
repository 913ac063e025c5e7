# __setattr__ and __delattr__
class Recorder:
    def __init__(self):
        self.log = []          # goes through __setattr__ too
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)

r = Recorder()
r.a = 1
r.b = [2]
del r.a
print(r.log, r.__dict__)
setattr(r, "c", 3)
delattr(r, "c")
print(r.log[-2:])
try:
    del r.zzz
except AttributeError as e:
    print(type(e).__name__, e)

class Frozen:
    __slots__ = ("x",)
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")
    def __delattr__(self, name):
        raise AttributeError("cannot delete")
fz = Frozen(5)
print(fz.x)
for action in (lambda: setattr(fz, "x", 1), lambda: delattr(fz, "x")):
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)

class Validating:
    def __setattr__(self, name, value):
        if not isinstance(value, int):
            raise TypeError(f"{name} must be int, not {type(value).__name__}")
        self.__dict__[name] = value * 10
v = Validating()
v.n = 4
print(v.n)
try:
    v.s = "x"
except TypeError as e:
    print(type(e).__name__, e)

# __setattr__ interacts with properties via object.__setattr__
class WithProp:
    @property
    def p(self):
        return self._p
    @p.setter
    def p(self, value):
        self._p = value + 1
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
w = WithProp()
w.p = 1
print(w.p)

# object.__setattr__ refuses builtins
for target in (1, "s", [], object()):
    try:
        object.__setattr__(target, "a", 1)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    object.__setattr__(int, "a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(w, 1, 1)
except TypeError as e:
    print(type(e).__name__, e)

# a class can also customise setattr on the class via the metaclass
class Meta(type):
    def __setattr__(cls, name, value):
        print("meta setattr", name)
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        print("meta delattr", name)
        super().__delattr__(name)
class K(metaclass=Meta):
    pass
K.x = 1
del K.x
print(hasattr(K, "x"))

# augmented assignment calls __getattr__/__setattr__
class Aug:
    def __init__(self):
        object.__setattr__(self, "v", 1)
    def __setattr__(self, name, value):
        print("aug set", name, value)
        object.__setattr__(self, name, value)
a = Aug()
a.v += 5
print(a.v)
