# ast-attrs
def f(x: list[int], y: dict[str, "X"] | None = None) -> tuple[int, ...]:
    z: Callable[[int], str] = lambda v: str(v)
    return (1,)
v: Annotated[int, "meta"] = 0
class Gen(Generic[T], Base[int]): pass
