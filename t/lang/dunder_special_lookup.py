# implicit special-method lookup uses the type and skips __getattribute__ / the instance dict
class Spy:
    def __getattribute__(self, name):
        print("__getattribute__", name)
        return object.__getattribute__(self, name)
    def __len__(self):
        return 2
    def __repr__(self):
        return "Spy()"
    def __iter__(self):
        return iter([1, 2])
    def __add__(self, o):
        return "added"
    def __eq__(self, o):
        return "eq"
    __hash__ = object.__hash__
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
    def __bool__(self):
        return True
    def __call__(self):
        return "called"
    def __getitem__(self, k):
        return k
    def __contains__(self, x):
        return True

s = Spy()
print(len(s), repr(s), list(s), s + 1, s == 1, bool(s), s(), s[3], 1 in s)
with s:
    pass
print(f"{s!r}", str(s), hash(s) == object.__hash__(s))
print("explicit:", s.__len__())

class Inst:
    pass
i = Inst()
for name, value in (("__len__", lambda: 5), ("__repr__", lambda: "inst"), ("__iter__", lambda: iter([])),
                    ("__bool__", lambda: False), ("__call__", lambda: 1), ("__getitem__", lambda k: k)):
    setattr(i, name, value)
print(bool(i), repr(i).startswith("<__main__.Inst object"))
for f in (lambda: len(i), lambda: list(i), lambda: i(), lambda: i[0]):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(i.__len__(), i.__repr__())

# metaclass dunders apply to classes, not the class's own dunders
class Meta(type):
    def __len__(cls):
        return 10
    def __repr__(cls):
        return "MetaRepr"
class K(metaclass=Meta):
    def __len__(self):
        return 1
    def __repr__(self):
        return "KRepr"
print(len(K), repr(K), len(K()), repr(K()))

# __getattr__ never supplies special methods for the interpreter
class Dyn:
    def __getattr__(self, name):
        if name == "__len__":
            return lambda: 42
        raise AttributeError(name)
d = Dyn()
print(d.__len__())
try:
    len(d)
except TypeError as e:
    print(type(e).__name__, e)

# descriptors used as dunders are bound through __get__
class BindLog:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        print("binding", self.f.__name__)
        return self.f.__get__(obj, objtype)
class UsesDescr:
    @BindLog
    def __len__(self):
        return 7
    @BindLog
    def __neg__(self):
        return "neg"
print(len(UsesDescr()), -UsesDescr())

# a staticmethod / classmethod dunder
class Odd:
    @staticmethod
    def __len__():
        return 3
    @classmethod
    def __neg__(cls):
        return cls.__name__
try:
    print(len(Odd()))
except TypeError as e:
    print(type(e).__name__, e)
print(-Odd())
