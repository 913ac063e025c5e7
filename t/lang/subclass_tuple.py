# subclasses of tuple, namedtuple-style
class Point(tuple):
    __slots__ = ()
    _fields = ("x", "y")
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r})"
    def _replace(self, **kw):
        return Point(kw.get("x", self.x), kw.get("y", self.y))
    def __getnewargs__(self):
        return tuple(self)

p = Point(1, 2)
print(p, p.x, p.y, p[0], len(p), tuple(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p._replace(y=5), p + (3,), type(p + (3,)).__name__, p[:1], type(p[:1]).__name__)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.x = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted([Point(2, 1), Point(1, 5)]), max(Point(0, 9), Point(1, 0)))

# tuple subclass with a __dict__
class Tagged(tuple):
    pass
t = Tagged([1, 2, 3])
t.tag = "t"
print(t, t.tag, t.__dict__, len(t), t[2])
for n in range(10):
    v = Tagged(range(n))
    v.n = n
    assert v.n == n and len(v) == n
print("all sizes ok")

try:
    class Slotted(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print(type(e).__name__, e)
class A(tuple):
    pass
class B(tuple):
    pass
try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class C(tuple):
    __slots__ = ()
class D(tuple):
    __slots__ = ()
class CD(C, D):
    pass
print(CD((1,)), CD.__mro__[1].__name__)

# overriding tuple methods
class Rev(tuple):
    def __iter__(self):
        return iter(tuple.__getitem__(self, slice(None, None, -1)))
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return "item"
r = Rev((1, 2, 3))
print(list(r), len(r), r[0], tuple.__len__(r), tuple.__getitem__(r, 0))

# __init__ cannot change the contents
class Init(tuple):
    def __init__(self, it):
        self.count_ = len(self)
print(Init("abc"), Init("abc").count_)
print(isinstance(p, tuple), Point.__mro__, Tagged.__base__)
print(tuple.__new__(Tagged, (4, 5)), type(tuple.__new__(Tagged)).__name__)
