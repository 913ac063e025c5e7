# Sequence patterns: list, tuple, range and their subclasses match; str, bytes,
# bytearray, dicts, sets and iterators do not.


def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a!r}"
        case [a, b]:
            return f"two: {a!r} {b!r}"
        case (a, b, c):
            return f"three: {a!r} {b!r} {c!r}"
        case _:
            return "not a short sequence"


for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3), [1, 2, 3, 4],
          range(0), range(2), range(3), "ab", "abc", b"ab", bytearray(b"ab"),
          {1: 2}, {1, 2}, frozenset(), iter([1, 2]), 12, None]:
    label = repr(v) if not type(v).__name__.endswith("iterator") else type(v).__name__
    print(label, "->", shape(v))


class MyList(list):
    pass


class MyTuple(tuple):
    pass


print(shape(MyList([1, 2])), shape(MyTuple((1, 2, 3))))

# [] and () are the same pattern
match (1, 2):
    case [x, y]:
        print("list pattern matched a tuple", x, y)
match [1, 2]:
    case (x, y):
        print("tuple pattern matched a list", x, y)

# parenthesised single pattern vs one-element tuple
match 5:
    case (x):
        print("group, not a tuple:", x)
match (5,):
    case (x,):
        print("one-element tuple:", x)

# nested sequences
match [1, [2, [3, 4]], (5,)]:
    case [a, [b, [c, d]], (e,)]:
        print(a, b, c, d, e)

# sub-patterns are literals too
def point(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"y axis at {y}"
        case (x, 0):
            return f"x axis at {x}"
        case (x, y):
            return f"({x}, {y})"


for p in [(0, 0), (0, 3), (4, 0), (1, 2), [0, 0]]:
    print(point(p))


# a list subclass with its own __len__ and __getitem__ is still matched through
# them (unpacking iterates)
class Weird(list):
    def __len__(self):
        return 2


match Weird([7, 8]):
    case [a, b]:
        print("weird", a, b)
    case _:
        print("weird no")

# wildcards only: no unpacking needed
match [1, 2, 3]:
    case [_, _, _]:
        print("three anything")
match (1, 2):
    case [_, _, _]:
        print("wrong")
    case [_, _]:
        print("two anything")

# a sequence pattern on a generator never matches
def gen():
    yield 1
    yield 2


match gen():
    case [a, b]:
        print("generator matched?!")
    case _:
        print("generators are not sequences")
