# variable annotations: module and class __annotations__, evaluation, no effect on locals
x: int = 5
y: "forward ref"
z: list[int] = [1]
print(__annotations__)
print(x, "y" in globals(), z)
class C:
    a: int
    b: str = "default"
    c: "C"
    d: float = 1.5
    print("in body", __annotations__)
print(C.__annotations__, C.b, hasattr(C, "a"), C.d)
class D(C):
    e: bool = True
print(D.__annotations__, D.e)
def f(p: int, q: "str" = "s", *args: float, k: bool = False, **kw: dict) -> list:
    local: int = 3
    unset: str
    return [p, q, local]
print(f.__annotations__, f(1))
print(f.__code__.co_varnames[:4] if False else "ok")
def g():
    h: int
    try:
        print(h)
    except NameError as e:
        print(type(e).__name__, e)
g()
obj = C()
obj.attr: int = 7
print(obj.attr, "attr" in C.__annotations__)
lst = [0, 0]
lst[0]: int = 9
print(lst)
order = []
def mark(v):
    order.append(v)
    return v
class E:
    first: mark("ann1") = mark("value1")
    second: mark("ann2")
print(order, E.__annotations__)
def lam():
    pass
print(lam.__annotations__, (lambda: 0).__annotations__)
t: tuple[int, ...] = (1, 2)
u: int | None = None
print(__annotations__["t"], __annotations__["u"])
