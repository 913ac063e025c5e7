# X | Y: types.UnionType
U = type(int | str)
print(U, U.__name__, U.__module__)
u = int | str
print(u, repr(u), u.__args__, u.__parameters__, type(u) is U)
print(int | None, None | int, int | str | float, (int | str) | (float | bytes))
print(int | int, type(int | int), int | str | int, str | int | str)
print(list[int] | None, int | list[int] | list[int], dict[str, int] | dict[str, int])
print((int | None).__args__)

# equality ignores order; hashing agrees
print((int | str) == (str | int), (int | str) == (int | float), (int | str) == int)
print(hash(int | str) == hash(str | int), len({int | str, str | int, int | float}))

# isinstance / issubclass
print(isinstance(1, int | str), isinstance("a", int | str), isinstance(1.0, int | str))
print(isinstance(None, int | None), isinstance(None, int | str))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(type(None), int | None))
print(isinstance(1, (float, int | str)), isinstance(1, int | list[int]))
for bad in (lambda: isinstance([], list[int] | None), lambda: issubclass(list, list[int] | int)):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)

# user classes
class A: pass
class B(A): pass
print(A | B, B | None | A, isinstance(B(), A | int), issubclass(B, int | A))

# unsupported operands
for bad in (lambda: int | "str", lambda: "str" | int, lambda: int | 1, lambda: 1 | int,
            lambda: U(), lambda: (int | str)[int]):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)

# __or__ / __ror__ on type
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 5))
try:
    int.__or__(str)
except TypeError as e:
    print(type(e).__name__, e)

# a metaclass can override |
class Meta(type):
    def __or__(cls, other):
        return f"{cls.__name__} or {other}"
class M(metaclass=Meta): pass
print(M | int, int | M)

# unions as annotations / in tuples
def f(x: int | str = 0) -> list[int] | None: ...
print(f.__annotations__)
