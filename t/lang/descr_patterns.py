# common descriptor patterns: cached property, typed fields, class-level properties, per-instance storage
class cached:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print("computing", self.name)
        value = obj.__dict__[self.name] = self.func(obj)
        return value

class Circle:
    def __init__(self, r):
        self.r = r
    @cached
    def area(self):
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, "area" in vars(c))
del c.area
print(c.area)

class Typed:
    def __init__(self, kind, default=None):
        self.kind, self.default = kind, default
    def __set_name__(self, owner, name):
        self.slot = "_" + name
        self.public = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.public} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.slot, value)
    def __delete__(self, obj):
        delattr(obj, self.slot)

class Person:
    name = Typed(str, "?")
    age = Typed(int, 0)
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("ann", 30)
print(p.name, p.age, sorted(vars(p)))
for bad in (("name", 5), ("age", "x")):
    try:
        setattr(p, *bad)
    except TypeError as e:
        print(type(e).__name__, e)
del p.age
print(p.age)
try:
    del p.age
except AttributeError as e:
    print(type(e).__name__, e)

# descriptors work with __slots__ storage too
class SlotBacked:
    __slots__ = ("_v",)
    v = Typed(int, -1)
sb = SlotBacked()
print(sb.v)
sb.v = 5
print(sb.v, sb._v)

# a property whose getter raises AttributeError falls back to __getattr__
class Fallback:
    @property
    def broken(self):
        raise AttributeError("inner failure")
    def __getattr__(self, name):
        return f"__getattr__ saw {name}"
print(Fallback().broken)

# class-level "property" via a metaclass
class Meta(type):
    @property
    def table(cls):
        return cls.__name__.lower() + "s"
class User(metaclass=Meta):
    pass
print(User.table, hasattr(User(), "table"))

# a descriptor counting accesses from the class and instances
class Counter:
    def __init__(self):
        self.hits = 0
    def __get__(self, obj, objtype=None):
        self.hits += 1
        return self.hits
class HasCounter:
    n = Counter()
h = HasCounter()
print(h.n, h.n, HasCounter.n, HasCounter.__dict__["n"].hits)

# bound-method factory descriptor (like functions)
class method_like:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self.f
        return lambda *a: self.f(obj, *a)
class UsesMethodLike:
    @method_like
    def hello(self, who):
        return f"{type(self).__name__} greets {who}"
print(UsesMethodLike().hello("you"), UsesMethodLike.hello(None, "x"))

# __get__ receiving the owner when accessed through a subclass
class ShowOwner:
    def __get__(self, obj, owner):
        return owner.__name__
class Base:
    d = ShowOwner()
class Derived(Base):
    pass
print(Base.d, Derived.d, Derived().d)

# data descriptor on a base class wins over instance dict of a subclass instance
class Guard:
    def __get__(self, obj, owner):
        return "guarded"
    def __set__(self, obj, value):
        raise AttributeError("read-only field")
class Holder:
    field = Guard()
class SubHolder(Holder):
    pass
sh = SubHolder()
sh.__dict__["field"] = "sneaky"
print(sh.field)
try:
    sh.field = 1
except AttributeError as e:
    print(type(e).__name__, e)
