# mixing builtins and Python classes, cooperative construction
class ReprMixin:
    def __repr__(self):
        return f"{type(self).__name__}({super().__repr__()})"

class RList(ReprMixin, list):
    pass
class RDict(ReprMixin, dict):
    pass
class RStr(ReprMixin, str):
    pass
class RInt(ReprMixin, int):
    pass
print(RList([1]), RDict(a=1), RStr("s"), RInt(3), [RInt(4)])
print(RList.__mro__, RList.__base__)

class CountMixin:
    def count_items(self):
        return len(self)
class CSet(CountMixin, set):
    pass
class CFrozen(CountMixin, frozenset):
    pass
print(CSet({1, 2}).count_items(), CFrozen("aab").count_items(), type(CSet({1}) | {2}).__name__)
print(type(CFrozen("ab") & {"a"}).__name__, hash(CFrozen()) == hash(frozenset()))

# cooperative __init__ with a builtin in the chain
class Named:
    def __init__(self, *args, name="?", **kw):
        super().__init__(*args, **kw)
        self.name = name
class NamedList(Named, list):
    pass
nl = NamedList([1, 2], name="nums")
print(nl, nl.name)
class NamedDict(Named, dict):
    pass
nd = NamedDict(a=1, name="d")
print(nd, nd.name)

# __new__ of immutable builtins with extra constructor arguments
class Tagged(str):
    def __new__(cls, value, tag):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj
t = Tagged("v", tag="T")
print(t, t.tag)
try:
    Tagged("v")
except TypeError as e:
    print(type(e).__name__, e)
class Plain(int):
    pass
try:
    Plain(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)

# object subclasses passing arguments through __new__/__init__
class OnlyInit:
    def __init__(self, *a):
        self.a = a
class Child(OnlyInit):
    def __new__(cls, *a):
        return super().__new__(cls)
print(Child(1, 2).a)
class BadChild(OnlyInit):
    def __new__(cls, *a):
        return super().__new__(cls, *a)
try:
    BadChild(1)
except TypeError as e:
    print(type(e).__name__, e)

# multiple inheritance with two builtins of compatible layout
class A(Exception):
    pass
class B(Exception):
    pass
class AB(A, B):
    pass
print(AB.__mro__, isinstance(AB(), B))
try:
    class Conflict(list, dict):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Conflict2(Exception, int):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# a mixin overriding a builtin method used by another builtin method
class UpperKeys(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = UpperKeys()
u["a"] = 1
u.update(b=2)          # dict.update does not call __setitem__
u.setdefault("c", 3)   # nor does setdefault
print(sorted(u))

# a class deriving from object explicitly and from a builtin
Both = type("Both", (object, list) if False else (list,), {})
b = Both("xy")
b.extra = 1
print(b, b.extra, type(b).__mro__)
