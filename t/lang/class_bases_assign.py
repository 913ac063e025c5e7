# assigning __bases__: new MROs for the class and its subclasses, and the checks
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
    def only_b(self):
        return "only in B"
class Common(A):
    pass
class C(A):
    pass
class D(C):
    pass
d = D()
print(d.who(), C.__mro__, D.__mro__)
class B2(A):
    def who(self):
        return "B2"
C.__bases__ = (B2,)
print(d.who(), C.__bases__, C.__base__, C.__mro__, D.__mro__)
print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in B2.__subclasses__()])
C.__bases__ = (Common, B2)
print(d.who(), [k.__name__ for k in D.__mro__], isinstance(d, B2), issubclass(D, Common))
C.__bases__ = (A,)
print(d.who(), isinstance(d, B2), [k.__name__ for k in B2.__subclasses__()])

def attempt(cls, bases):
    try:
        cls.__bases__ = bases
        print("ok", [k.__name__ for k in cls.__mro__])
    except TypeError as e:
        print(type(e).__name__, e)

attempt(C, (D,))
attempt(C, ())
attempt(C, [A])
attempt(C, (1,))
attempt(C, (A, A))
attempt(int, (A,))
attempt(C, (int,))
class Sl:
    __slots__ = ("a",)
attempt(C, (Sl,))
class Empty:
    pass
attempt(Empty, (A,))
class X(A, B):
    pass
class Y(B, A):
    pass
class Z(X):
    pass
attempt(Z, (X, Y))
print([k.__name__ for k in Z.__mro__])
try:
    del C.__bases__
except TypeError as e:
    print(type(e).__name__, e)

# methods found through the new bases; dunders too
class Plus:
    def __add__(self, o):
        return "Plus.__add__"
class Holder(A):
    pass
h = Holder()
try:
    h + 1
except TypeError as e:
    print(type(e).__name__, e)
class PlusA(Plus, A):
    pass
Holder.__bases__ = (PlusA,)
print(h + 1, h.who())
Holder.__bases__ = (A,)
try:
    h + 1
except TypeError as e:
    print(type(e).__name__, e)
