# The types module: names of the built-in types, SimpleNamespace, new_class,
# prepare_class, resolve_bases, DynamicClassAttribute.
import types
import sys

def f():
    yield 1

class K:
    def m(self):
        pass

checks = [
    (f, types.FunctionType), (lambda: 0, types.LambdaType), (f.__code__, types.CodeType),
    (f(), types.GeneratorType), (K().m, types.MethodType), (len, types.BuiltinFunctionType),
    ([].append, types.BuiltinMethodType), (object.__init__, types.WrapperDescriptorType),
    (object().__str__, types.MethodWrapperType), (str.join, types.MethodDescriptorType),
    (dict.__dict__["fromkeys"], types.ClassMethodDescriptorType),
    (type.__dict__, types.MappingProxyType), (sys, types.ModuleType),
    (list[int], types.GenericAlias), (int | None, types.UnionType), (..., types.EllipsisType),
    (None, types.NoneType), (NotImplemented, types.NotImplementedType),
    (sys.implementation, types.SimpleNamespace),
]
for value, typ in checks:
    print(typ.__name__, isinstance(value, typ))
try:
    1 / 0
except ZeroDivisionError as e:
    print(isinstance(e.__traceback__, types.TracebackType),
          isinstance(e.__traceback__.tb_frame, types.FrameType))
ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="two", c=[3]))
del ns.a
print(ns, hasattr(ns, "a"))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError", e)
class NS(types.SimpleNamespace):
    pass
print(NS(x=1))
m = types.ModuleType("dyn", "doc text")
m.value = 5
print(m.__name__, m.__doc__, m.value)
exec("def g(): return value * 2", m.__dict__)
print(m.g())
bound = types.MethodType(lambda self, k: (type(self).__name__, k), K())
print(bound(7))
def body(ns):
    ns["x"] = 10
    ns["double"] = lambda self: self.x * 2
C = types.new_class("C", (K,), exec_body=body)
print(C.__name__, C.__bases__, C().double())
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"prepared": True}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
D = types.new_class("D", (), {"metaclass": Meta, "flag": 1})
print(type(D).__name__, D.prepared)
print(types.prepare_class("E", (), {"metaclass": Meta, "z": 2})[0].__name__)
class Entry:
    def __mro_entries__(self, bases):
        return (K,)
print(types.resolve_bases((Entry(), int)), types.resolve_bases((int,)))
E = types.new_class("E", (Entry(),))
print(E.__bases__, E.__orig_bases__[0].__class__.__name__)
class WithDyn:
    def __init__(self):
        self._v = 3
    @types.DynamicClassAttribute
    def v(self):
        return self._v
print(WithDyn().v)
try:
    WithDyn.v
except AttributeError:
    print("AttributeError on class access")
print(sorted(n for n in dir(types) if n.endswith("Type") and "sync" not in n and "oroutine" not in n))
