# obj.__class__: reading and assignment
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
class A2(A):
    def who(self):
        return "A2"

a = A()
print(a.__class__.__name__, type(a) is A.__class__ or type(a) is A)
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B), isinstance(a, A))
a.__class__ = A2
print(a.who(), isinstance(a, A))

def attempt(obj, cls):
    try:
        obj.__class__ = cls
        print("ok", type(obj).__name__)
    except TypeError as e:
        print(type(e).__name__, e)

attempt(a, int)
attempt(a, 5)
attempt(1, bool)
attempt([], tuple)

class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class S3:
    __slots__ = ("y",)
s = S1()
attempt(s, S2)
attempt(s, S3)
attempt(s, A)

class L1(list): pass
class L2(list): pass
l = L1([1])
attempt(l, L2)
attempt(l, dict)
attempt(l, list)

print(int.__class__, type.__class__, (5).__class__, None.__class__)
print(A.__class__, type(A).__class__)

# __class__ in a class body method refers to the defining class
class Cell:
    def get(self):
        return __class__
class Sub(Cell): pass
print(Sub().get().__name__)
# __class__ as a property override
class Fake:
    @property
    def __class__(self):
        return int
f = Fake()
print(f.__class__, type(f).__name__, isinstance(f, int), isinstance(f, Fake))
