# private name mangling
class A:
    __x = "A's x"
    def __init__(self):
        self.__y = "A's y"
    def get(self):
        return self.__x, self.__y
    def __private_method(self):
        return "private"
    def call(self):
        return self.__private_method()
    def __dunder__(self):
        return "not mangled"

class B(A):
    __x = "B's x"
    def __init__(self):
        super().__init__()
        self.__y = "B's y"
    def getb(self):
        return self.__x, self.__y

b = B()
print(b.get(), b.getb(), b.call(), b.__dunder__())
print(sorted(k for k in vars(b)))
print(sorted(k for k in A.__dict__ if "x" in k or "private" in k))
print(b._A__y, b._B__y, A._A__x)
try:
    b.__y
except AttributeError as e:
    print(type(e).__name__, e)

# leading underscores in the class name are stripped
class _Under:
    def set(self):
        self.__v = 1
class __Double:
    def set(self):
        self.__v = 2
class ___:
    def set(self):
        self.__v = 3
for cls in (_Under, __Double, ___):
    o = cls()
    o.set()
    print(cls.__name__, vars(o))

# mangling in various positions
class M:
    def run(self):
        __local = 1
        self.__attr = 2
        getattr(self, "__attr", None)
        return [k for k in vars(self)], __local, self.__attr, hasattr(self, "__attr")
print(M().run())

# nested classes mangle with their own name
class Outer:
    class Inner:
        def set(self):
            self.__n = "inner"
    def set(self):
        self.__n = "outer"
i, o = Outer.Inner(), Outer()
i.set()
o.set()
print(vars(i), vars(o))

# names ending with two underscores are not mangled
class N:
    def f(self):
        self.__special__ = 1
        self.__trail_ = 2
        return sorted(vars(self))
print(N().f())

# global names and imports inside classes
__glob = "module level"
class G:
    def read(self):
        try:
            return __glob
        except NameError as e:
            return f"NameError: {e}"
print(G().read())
_G__glob = "mangled global"
print(G().read())

# mangled keyword arguments and function parameters
class K:
    def f(self, __p=1):
        return __p
    def g(self, **kw):
        return kw
    def h(self):
        return self.g(__k=1)
print(K().f(), K().f(5), K().h())
