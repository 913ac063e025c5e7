# A Matrix value class: operator overloading (+, -, *, @, ==, unary -, abs,
# reflected scalar *), __getitem__ with tuples and slices, __iter__, __hash__,
# __bool__, __format__, class methods as alternative constructors.
class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and equal length")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, r, c):
        return cls([[0] * c for _ in range(r)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            if isinstance(r, slice):
                return [row[c] for row in self.rows[r]]
            return self.rows[r][c]
        return self.rows[idx]

    def __setitem__(self, idx, value):
        r, c = idx
        self.rows[r][c] = value

    def __iter__(self):
        for row in self.rows:
            yield from row

    def _zip(self, other, op):
        if not isinstance(other, Matrix):
            return NotImplemented
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[op(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __add__(self, other):
        return self._zip(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._zip(other, lambda a, b: a - b)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Matrix([[k * v for v in r] for r in self.rows])
        return NotImplemented

    __rmul__ = __mul__

    def __matmul__(self, other):
        (n, m), (m2, p) = self.shape, other.shape
        if m != m2:
            raise ValueError("inner dimensions differ")
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(m))
                        for j in range(p)] for i in range(n)])

    def __neg__(self):
        return -1 * self

    def __abs__(self):
        return sum(v * v for v in self) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __hash__(self):
        return hash(tuple(map(tuple, self.rows)))

    def __bool__(self):
        return any(self)

    def __repr__(self):
        return f"Matrix({self.rows})"

    def __format__(self, spec):
        return "\n".join(" ".join(format(v, spec) for v in r) for r in self.rows)

a = Matrix([[1, 2], [3, 4]])
b = Matrix.identity(2)
print(a + b, a - b, a * 2, 3 * a, -a)
print(a @ a, a @ b == a, abs(Matrix([[3, 4]])))
print(a[0], a[1, 0], a[:, 1], a.shape, list(a))
a[0, 0] = 10
print(a, bool(Matrix.zeros(2, 2)), bool(a))
print(f"{a:>4}")
print(f"{Matrix([[1.5, 2.25]]):.2f}")
print(len({a, Matrix([[10, 2], [3, 4]]), b}))
for bad in [lambda: a + Matrix([[1]]), lambda: a + 1, lambda: a @ Matrix([[1, 2, 3]]),
            lambda: Matrix([[1], [2, 3]]), lambda: "x" * a]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
