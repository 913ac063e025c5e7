# __set_name__
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner, self.name = owner, name

class C:
    a = Named()
    b = Named()
    def method(self):
        pass
    c = Named()
print(C.a.name, C.b.owner is C, C.c.name)

# only called at class creation, not for later assignments
d = Named()
C.d = d
print(hasattr(d, "name"))

# the same object under two names: called twice
shared = Named()
class Twice:
    x = shared
    y = shared
print(shared.name)

# type() also calls it
T = type("T", (), {"t": Named()})
print(T.t.owner is T)

# exceptions from __set_name__ propagate (3.11: a RuntimeError in 3.11? check)
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError(f"bad {name}")
try:
    class Fails:
        attr = Bad()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)

# __set_name__ looked up on the type
class InstanceOnly:
    pass
io = InstanceOnly()
io.__set_name__ = lambda owner, name: print("never")
class UsesInstanceOnly:
    x = io
print("no call")

# a non-callable __set_name__
class NotCallable:
    __set_name__ = 5
try:
    class Uses:
        x = NotCallable()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

# descriptor using __set_name__ for storage
class Field:
    def __set_name__(self, owner, name):
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Record:
    name = Field()
    age = Field()
r = Record()
r.name = "x"
print(r.name, r.age, vars(r))

# metaclass-created attributes are not set_name'd unless in the namespace
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["injected"] = Named()
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    own = Named()
print(WithMeta.injected.name)
