# property: getter/setter/deleter, decorators, doc, errors, subclassing
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "Temperature in Celsius."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
print(Temp.celsius.__doc__, type(Temp.celsius).__name__)
print(Temp.celsius.fget.__name__, Temp.celsius.fset.__name__, Temp.celsius.fdel.__name__)
print(Temp.fahrenheit.fset, Temp.fahrenheit.__doc__)

for action in ("set", "del"):
    try:
        if action == "set":
            t.fahrenheit = 1
        else:
            del t.fahrenheit
    except AttributeError as e:
        print(type(e).__name__, e)

# property() called directly
class P:
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v
    def delx(self):
        del self._x
    x = property(getx, setx, delx, "the x")
    y = property()
    z = property(doc="only doc")
p = P()
p.x = 5
print(p.x, P.x.__doc__, P.z.__doc__, P.y.__doc__)
del p.x
try:
    p.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.y = 1
except AttributeError as e:
    print(type(e).__name__, e)

# getter/setter/deleter return new properties
base = property(lambda self: 1)
other = base.setter(lambda self, v: None)
print(base is other, other.fget is base.fget, base.fset is None, other.fset is not None)
g2 = base.getter(lambda self: 2)
print(g2.fget(None), base.fget(None))

# doc taken from the getter
def documented(self):
    "getter doc"
print(property(documented).__doc__, property(documented, doc="explicit").__doc__)
pd = property(documented)
pd.__doc__ = "changed"
print(pd.__doc__)

# property in subclass overriding and extending
class Base:
    @property
    def value(self):
        return "base"
class Derived(Base):
    @Base.value.getter
    def value(self):
        return "derived+" + super().value
print(Derived().value, Base().value)

# property subclass
class CachedProperty(property):
    pass
class Q:
    @CachedProperty
    def val(self):
        return 42
    @val.setter
    def val(self, v):
        print("set", v)
q = Q()
print(q.val, type(Q.val).__name__)
q.val = 3

# property takes precedence over instance dict
class Shadow:
    @property
    def a(self):
        return "property"
s = Shadow()
s.__dict__["a"] = "dict"
print(s.a)

# errors in property construction / use
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    property(fget=1)(None)
except TypeError as e:
    print(type(e).__name__, e)
print(Temp.celsius.__get__(None, Temp) is Temp.celsius)
print(Temp.celsius.__get__(t))
Temp.celsius.__set__(t, 7)
print(t._c)
Temp.celsius.__delete__(t)
