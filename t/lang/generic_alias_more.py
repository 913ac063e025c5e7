# more GenericAlias and UnionType behaviour
GA = type(list[int])
U = type(int | str)

# nested and mixed reprs
print(dict[str, tuple[int, ...]], list[dict[str, int] | None], tuple[int | str, ...])
print(type[list[int]], list[type[int]], frozenset[tuple[()]])
print(list[int] | dict[str, int], (list[int] | None) | str, int | (str | list[int]))
class Outer:
    class Inner:
        pass
print(list[Outer.Inner], Outer.Inner | None, dict[Outer, Outer.Inner])

# args are stored as given
a = dict[str, int]
print(a.__args__, type(a.__args__).__name__, list[()].__args__, list[(),].__args__)
print(tuple[int, ...].__args__, tuple[...].__args__)

# equality between aliases of subclasses and the builtins
class MyList(list):
    pass
print(MyList[int] == list[int], MyList[int] == MyList[int], GA(MyList, int) == MyList[int])
print(list[int] in {list[int]: 1}, (int | str) in {str | int: 1})

# an alias's origin and args can be any object
odd = GA(5, "x")
print(odd, odd.__origin__, odd.__args__)
try:
    odd()
except TypeError as e:
    print(type(e).__name__, e)
try:
    odd.anything
except AttributeError as e:
    print(type(e).__name__, e)

# an alias is not a class
for f in (lambda: isinstance(list[int], type), lambda: issubclass(GA, type), lambda: callable(list[int])):
    print(f())
try:
    class X(list[int], dict[str, int]):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# unions: flattening, dedup, order, None
print((int | str | int | None | str).__args__)
print((None | None) if False else type(None) | None)
print(len((int | str | float).__args__), (int | str) == (int | str | str))
print(isinstance(3, int | str | None), isinstance(None, (int | None, str)), isinstance([], int | str))
print(issubclass(bool, str | int), issubclass(type(None), None | int))
try:
    issubclass(1, int | str)
except TypeError as e:
    print(type(e).__name__, e)

# unions with user classes that define __or__
class WithOr:
    def __or__(self, other):
        return "WithOr.__or__"
    def __ror__(self, other):
        return "WithOr.__ror__"
print(WithOr() | int, int | WithOr())

# copying through __reduce__ of an alias
r = list[int].__reduce__()
print(r[0] is GA, r[1], r[0](*r[1]) == list[int])

# hashing
print(hash(list[int]) == hash(GA(list, (int,))), hash(int | str) == hash(str | int))
try:
    hash(GA(list, [1]))
except TypeError as e:
    print(type(e).__name__, e)
