# __init_subclass__ and class keywords
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls

class Alpha(Plugin):
    pass
class Beta(Plugin, name="b"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry), Beta.plugin_name, Gamma.plugin_name)
print(hasattr(Plugin, "plugin_name"))

# unknown keywords reach object.__init_subclass__
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad2(unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# implicit classmethod
print(type(Plugin.__dict__["__init_subclass__"]).__name__)

# chaining in multiple inheritance
class A:
    def __init_subclass__(cls, **kw):
        print("A.__init_subclass__", cls.__name__, kw)
        super().__init_subclass__(**kw)
class B:
    def __init_subclass__(cls, **kw):
        print("B.__init_subclass__", cls.__name__, kw)
        super().__init_subclass__()
class AB(A, B, flag=True):
    pass

# called with the new class after its attributes are set
class Checker:
    def __init_subclass__(cls):
        print("has method:", hasattr(cls, "method"), "set_name done:", getattr(cls, "marker", None))
class SetName:
    def __set_name__(self, owner, name):
        owner.marker = name
class Checked(Checker):
    m = SetName()
    def method(self):
        pass

# keywords with a metaclass that also takes them
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcls, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        print("Base.__init_subclass__", kw)
class Derived(Base, option=3):
    pass

# __init_subclass__ errors propagate out of the class statement
class Picky:
    def __init_subclass__(cls, **kw):
        if not cls.__name__.startswith("P"):
            raise TypeError("name must start with P")
class Pear(Picky):
    pass
try:
    class Apple(Picky):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# object.__init_subclass__ directly
print(object.__init_subclass__())
try:
    object.__init_subclass__(1)
except TypeError as e:
    print(type(e).__name__, e)
