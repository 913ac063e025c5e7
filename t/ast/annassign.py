x: int
x: int = 1
(x): int = 1
a.b: str
a[0]: float = 1.0
y: list[int] = []
z: "forward" = None
w: tuple = 1, 2
v: int = (yield)
