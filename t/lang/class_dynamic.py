# changing classes at run time: dunders added/removed, bases' changes seen by subclasses
class A:
    pass
class B(A):
    pass
a, b = A(), B()
try:
    a + 1
except TypeError as e:
    print(type(e).__name__, e)
A.__add__ = lambda self, o: f"A.__add__({o})"
print(a + 1, b + 2)
B.__add__ = lambda self, o: f"B.__add__({o})"
print(a + 1, b + 2)
del B.__add__
print(b + 3)
del A.__add__
try:
    b + 4
except TypeError as e:
    print(type(e).__name__, e)

# __len__ / __bool__ / __iter__ / __getitem__ / __call__ / __repr__ added later
A.__len__ = lambda self: 3
print(len(b), bool(b))
A.__bool__ = lambda self: False
print(bool(b))
del A.__bool__, A.__len__
print(bool(b))
A.__iter__ = lambda self: iter("xy")
print(list(b))
A.__getitem__ = lambda self, k: k * 2
print(b[4])
A.__call__ = lambda self, *a: ("called", a)
print(b(1))
A.__repr__ = lambda self: "A-repr"
print(repr(b), str(b), f"{b}")
A.__eq__ = lambda self, o: True
print(b == 5)
A.__hash__ = lambda self: 99
print(hash(b))
A.__getattr__ = lambda self, name: "dyn:" + name
print(b.whatever)
A.__setattr__ = lambda self, n, v: print("intercepted", n, v)
b.x = 1
del A.__setattr__
b.x = 2
print(b.x)
A.__contains__ = lambda self, x: x == "in"
print("in" in b, "out" in b)
A.__lt__ = lambda self, o: "lt"
print(b < 1, 1 > b)
A.__neg__ = lambda self: "neg"
print(-b)
A.__index__ = lambda self: 2
print([0, 1, 2][b])

# replacing a method changes behaviour of existing instances
class C:
    def greet(self):
        return "hello"
c = C()
C.greet = lambda self: "changed"
print(c.greet())

# class attribute assignment through instances does not affect the class
c.greet = lambda: "instance"
print(c.greet(), C().greet())

# builtins cannot be modified
for target, attr in ((int, "x"), (list, "append"), (object, "y")):
    try:
        setattr(target, attr, 1)
    except TypeError as e:
        print(type(e).__name__, e)

# adding a descriptor later
class D:
    pass
d = D()
d.__dict__["p"] = "instance value"
D.p = property(lambda self: "property wins")
print(d.p)
del D.p
print(d.p)

# __init__ added later
class E:
    pass
E.__init__ = lambda self, v: setattr(self, "v", v)
print(E(5).v)
try:
    E()
except TypeError as e:
    print(type(e).__name__, e)

# changing a mixin's method affects all subclasses in the MRO
class Mixin:
    def who(self):
        return "mixin"
class X(Mixin):
    pass
class Y(X):
    pass
y = Y()
print(y.who())
Mixin.who = lambda self: "patched"
print(y.who(), X().who())
