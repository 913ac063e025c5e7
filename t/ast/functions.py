def f():
    pass
def f(a, b):
    return a + b
def f(a, b=1, *args, c, d=2, **kwargs):
    pass
def f(a, /, b, *, c):
    pass
def f(a=1, /, b=2, *, c=3):
    pass
def f(a, b=2, /):
    pass
def f(*, a):
    pass
def f(*, a=1, b):
    pass
def f(**kw):
    pass
def f(*args):
    pass
def f(a: int, b: "str" = "x", *args: tuple, c: list = [], **kw: dict) -> None:
    pass
def f(*args: *Ts):
    pass
def f(a,):
    pass
def f(a, b, /,):
    pass
def f() -> int: return 1
def f(
    a,
    b,
):
    """doc"""
    return
def outer():
    def inner():
        return 1
    return inner
