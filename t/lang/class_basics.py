class Point:
    """A 2D point."""
    dims = 2

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2

    @classmethod
    def origin(cls):
        return cls()

    @staticmethod
    def dist(a, b):
        return ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5

p, q = Point(1, 2), Point(4, 6)
print(p, q, p + q, p == Point(1, 2), p != q, p < q, sorted([q, p]))
print(p.norm2, Point.origin(), Point.dist(p, q), Point.dims, p.dims)
print({p, Point(1, 2), q} == {p, q}, len({p, Point(1, 2)}))
print(Point.__doc__, Point.__name__, Point.__qualname__, type(p) is Point)
print(p.__dict__, vars(q))
p.z = 9
print(p.z, hasattr(p, "z"), getattr(p, "w", "none"))
del p.z
print(hasattr(p, "z"))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)

class Point3(Point):
    dims = 3
    def __init__(self, x=0, y=0, z=0):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return "Point3(%r, %r, %r)" % (self.x, self.y, self.z)

p3 = Point3(1, 2, 3)
print(p3, p3.norm2, Point3.dims, isinstance(p3, Point), issubclass(Point3, Point))
print([c.__name__ for c in Point3.__mro__], Point3.__bases__)
print(Point3.origin(), type(Point3.origin()).__name__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
for _ in range(3):
    Counter()
print(Counter.count)

class Stack:
    def __init__(self):
        self._items = []
    def push(self, v):
        self._items.append(v)
        return self
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return bool(self._items)
    def __iter__(self):
        return iter(reversed(self._items))
    def __contains__(self, v):
        return v in self._items
    def __getitem__(self, i):
        return self._items[i]

s = Stack().push(1).push(2).push(3)
print(len(s), bool(s), bool(Stack()), list(s), 2 in s, 5 in s, s[0], s[-1])
