# C3 method resolution order: __mro__, mro(), and inconsistent hierarchies
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

def names(cls):
    return [k.__name__ for k in cls.__mro__]

for cls in (O, A, K1, K2, K3, Z):
    print(cls.__name__, names(cls))
print(Z.mro() == list(Z.__mro__), type(Z.mro()).__name__, type(Z.__mro__).__name__)
print(object.__mro__, int.__mro__, bool.__mro__)
print([k.__name__ for k in KeyError.__mro__])

# diamond
class Top:
    def who(self): return ["Top"]
class Left(Top):
    def who(self): return ["Left"] + super().who()
class Right(Top):
    def who(self): return ["Right"] + super().who()
class Bottom(Left, Right):
    def who(self): return ["Bottom"] + super().who()
print(Bottom().who(), names(Bottom))

# inconsistent orders
def attempt(label, make):
    try:
        cls = make()
        print(label, "ok", names(cls))
    except TypeError as e:
        print(label, type(e).__name__, e)

attempt("AB-A", lambda: type("X", (A, K1), {}))
attempt("O-A", lambda: type("X", (O, A), {}))
attempt("dup", lambda: type("X", (A, A), {}))
class X1(A, B): pass
class X2(B, A): pass
attempt("cross", lambda: type("Y", (X1, X2), {}))
attempt("obj-first", lambda: type("Y", (object, A), {}))
attempt("fine", lambda: type("Y", (X1, C), {}))
try:
    class Bad(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad2(X1, X2):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# mro() on a metaclass can be overridden
class RevMeta(type):
    def mro(cls):
        return [cls, object]
class R(A, B, metaclass=RevMeta):
    pass
print(names(R), R.mro.__name__)
print(isinstance(R(), A), issubclass(R, A))

# __bases__ and __base__
print(Z.__bases__, K1.__base__, O.__bases__, object.__bases__, object.__base__)
print(bool.__base__, type.__base__, type.__bases__)
