# __name__, __qualname__, __module__, __doc__
class Outer:
    """Outer doc."""
    class Inner:
        class Deepest:
            pass
    def method(self):
        class Local:
            pass
        return Local

print(Outer.__name__, Outer.__qualname__, Outer.__module__, Outer.__doc__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner.__doc__)
print(Outer.Inner.Deepest.__qualname__)
L = Outer().method()
print(L.__name__, L.__qualname__, repr(L).replace(" at ", "@").split("@")[0])
print(repr(Outer), repr(Outer.Inner))
print(Outer.method.__qualname__, Outer.method.__name__)

def factory():
    class Made:
        def m(self):
            pass
    return Made
M = factory()
print(M.__qualname__, M.m.__qualname__)

# assignment
class N:
    pass
N.__name__ = "Renamed"
print(N.__name__, N.__qualname__, repr(N))
N.__qualname__ = "Q.R"
print(N.__qualname__, repr(N))
for bad in (5, None):
    try:
        N.__name__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        N.__qualname__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
try:
    del N.__name__
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
N.__module__ = "mymod"
print(repr(N), N.__module__)
N.__doc__ = "new doc"
print(N.__doc__)

# __doc__ values
class NoDoc:
    pass
class WithDoc:
    "first string"
    x = 1
class NotDoc:
    x = 1
    "not a doc"
print(NoDoc.__doc__, WithDoc.__doc__, NotDoc.__doc__, NoDoc().__doc__, WithDoc().__doc__)
print("__doc__" in NoDoc.__dict__, NoDoc.__dict__["__doc__"])
print(int.__name__, int.__qualname__, int.__module__, type.__module__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__)

# __module__ and __qualname__ from the namespace
T = type("T", (), {"__module__": "elsewhere", "__qualname__": "X.T"})
print(T.__name__, T.__qualname__, T.__module__, repr(T))
try:
    type("T", (), {"__qualname__": 5})
except TypeError as e:
    print(type(e).__name__, e)
print("__qualname__" in T.__dict__, T.__dict__["__module__"])

# builtin types' names cannot be set
try:
    int.__name__ = "integer"
except TypeError as e:
    print(type(e).__name__, e)
print(type(Outer.__dict__["__module__"]).__name__)
