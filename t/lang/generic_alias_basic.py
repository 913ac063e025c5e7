# types.GenericAlias: list[int], dict[str, int], tuple[int, ...], type[X]
GA = type(list[int])
print(GA, GA.__name__, GA.__module__, GA.__qualname__)
aliases = [list[int], dict[str, int], tuple[int, ...], tuple[()], tuple[int, str, float],
           set[bytes], frozenset[str], type[int], dict[str, list[int]], list[list[list[int]]],
           list[None], list["Forward"], list[1], list[...], tuple[int, ...][0] if False else tuple[int]]
for a in aliases:
    print(repr(a), str(a), a.__origin__, a.__args__, a.__parameters__)

class Mine:
    class Nested:
        pass
print(list[Mine], dict[Mine.Nested, Mine], type[Mine])
print(list[len], list[lambda: 0].__args__[0].__name__)
print(list[int,], list[(int, str)], list[int, str].__args__)

# equality and hashing
print(list[int] == list[int], list[int] == list[str], list[int] == list, list == list[int])
print(list[int] != list[int], dict[str, int] == dict[str, int], tuple[int] == tuple[(int,)])
print(hash(list[int]) == hash(list[int]), len({list[int], list[int], list[str]}))
print({dict[str, int]: 1}[dict[str, int]])

# calling creates an instance of the origin
print(list[int](range(3)), dict[str, int](a=1), tuple[int, ...]((1, 2)), set[int]())
print(type(list[int]()), type(type[int](5)))

# attributes come from the origin
print(list[int].append is list.append, list[int].__name__, list[int].__doc__ == list.__doc__)
print(list[int].__class__, dict[str, int].fromkeys("ab"))
try:
    list[int].nonexistent
except AttributeError as e:
    print(type(e).__name__, e)

# GenericAlias constructor
print(GA(list, int), GA(list, (int, str)), GA(dict, ()), GA(Mine, int))
for bad in (lambda: GA(list), lambda: GA(list, int, str), lambda: GA(origin=list, args=int)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

# not subscriptable again, not usable with isinstance
for bad in (lambda: list[int][str], lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
            lambda: int[str], lambda: (5)[int], lambda: isinstance(1, (str, list[int]))):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)

# subclassing an alias subclasses the origin
class MyList(list[int]):
    pass
print(MyList.__bases__, MyList.__orig_bases__, MyList([1, 2]), MyList.__mro__)
class MyDict(dict[str, int], Mine):
    pass
print(MyDict.__bases__, MyDict.__orig_bases__)
print(list[int].__mro_entries__(()), list[int].__reduce__())

# __class_getitem__ of builtins and their subclasses
print(list.__class_getitem__(int), dict.__class_getitem__((str, int)))
print(MyList[str], MyList[str].__origin__ is MyList)
for t in (list, dict, tuple, set, frozenset, type):
    print(t.__name__, t[int])
print(type(list.__dict__["__class_getitem__"]).__name__)
print("__class_getitem__" in vars(type), hasattr(int, "__class_getitem__"))
