# annotations using generic aliases and unions are evaluated at definition time
def f(x: list[int], y: dict[str, list[int]] = None) -> tuple[int, ...]:
    return tuple(x)

print(f([1, 2]), f.__annotations__)

def g(a: int | None, *args: str, b: "forward" = 1, **kw: dict[str, int]) -> list[int] | None:
    pass
print(g.__annotations__)

class C:
    items: list[int]
    mapping: dict[str, "C"] = {}
    kind: type[int] | None = None
    def method(self, other: "C") -> set[frozenset[int]]:
        return set()
print(C.__annotations__, C.method.__annotations__, C.mapping, C.kind)

x: list[int] = [1]
y: tuple[str, ...]
print(__annotations__)

def outer():
    z: dict[int, int] = {}
    return z
print(outer())

# lambda defaults and nested aliases
h = lambda v=list[int]: v
print(h())
print([tuple[int, str] for _ in range(2)])
