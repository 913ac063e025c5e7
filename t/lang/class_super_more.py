# more super(): properties, descriptors, class methods, metaclasses, and attribute assignment
class A:
    x = "A.x"
    @property
    def p(self):
        return "A.p"
    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"
    def __getattr__(self, name):
        return f"A.__getattr__({name})"
    def __repr__(self):
        return "A-repr"

class B(A):
    x = "B.x"
    @property
    def p(self):
        return "B.p<" + super().p + ">"
    @classmethod
    def make(cls):
        return "B+" + super().make()
    def show(self):
        return super().x, super().__repr__(), super(B, self).p

b = B()
print(b.p, B.make(), b.show(), repr(b))
try:
    super(B, b).missing
except AttributeError as e:
    print(type(e).__name__, e)

# super() does not find instance attributes
class C:
    def __init__(self):
        self.inst = 1
class D(C):
    def get(self):
        try:
            return super().inst
        except AttributeError as e:
            return f"{type(e).__name__}: {e}"
print(D().get())

# setting through super is not supported
class E(A):
    def set(self):
        try:
            super().x = 5
        except AttributeError as e:
            return f"{type(e).__name__}: {e}"
print(E().set())

# super in a staticmethod needs explicit arguments
class F(A):
    @staticmethod
    def st():
        try:
            return super().x
        except RuntimeError as e:
            return f"{type(e).__name__}: {e}"
print(F.st())

# super with dunder methods
class MyList(list):
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
    def __len__(self):
        return super().__len__() * 10
    def append(self, v):
        super().append(v * 2)
ml = MyList([1, 2])
ml.append(5)
print(ml[2], len(ml), list.__len__(ml))

class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
    def __missing__(self, k):
        return super().get(k, "none")
md = MyDict()
md["a"] = 1
print(md, md["zz"])

# super() in a metaclass __new__ and __call__
class Meta(type):
    def __new__(mcls, *args):
        cls = super().__new__(mcls, *args)
        cls.tagged = True
        return cls
    def __call__(cls, *args):
        obj = super().__call__(*args)
        obj.via_meta = True
        return obj
class G(metaclass=Meta):
    pass
g = G()
print(G.tagged, g.via_meta)

# super() chains with multiple inheritance and __init_subclass__
class Root:
    def hello(self):
        return ["Root"]
class L(Root):
    def hello(self):
        return ["L"] + super().hello()
class R(Root):
    def hello(self):
        return ["R"] + super().hello()
class LR(L, R):
    def hello(self):
        return ["LR"] + super().hello()
print(LR().hello(), super(L, LR()).hello(), super(R, LR()).hello())

# super objects as descriptors
class H(A):
    pass
sup = super(H)
print(sup.__get__(H(), H).x, repr(sup.__get__(H(), H)).startswith("<super: <class 'H'>, <H object>>"))

# super().__class__ is super
class K(A):
    def cls(self):
        return super().__class__.__name__
print(K().cls())

# super with a class that has __slots__
class SlotBase:
    __slots__ = ("v",)
    def set(self, v):
        self.v = v
class SlotChild(SlotBase):
    __slots__ = ()
    def set(self, v):
        super().set(v + 1)
sc = SlotChild()
sc.set(1)
print(sc.v)
