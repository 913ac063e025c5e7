# OR patterns: the first alternative that matches wins; every alternative binds
# the same names.


def size(x):
    match x:
        case 0 | 1 | 2:
            return "small"
        case 3 | 4 | 5 | 6:
            return "medium"
        case "big" | "huge":
            return "a word"
        case None | False:
            return "falsy singleton"
        case _:
            return "other"


for v in [0, 2, 3, 6, 7, "big", "huge", None, False, True, ""]:
    print(repr(v), size(v))


# alternatives binding the same names, in different orders
def pair(x):
    match x:
        case [a, b] | (a, b, _):
            return ("list-ish", a, b)
        case {"a": a, "b": b} | {"first": a, "second": b}:
            return ("dict", a, b)
        case (1, a, b) | (2, b, a):
            return ("swapped", a, b)
    return None


for v in [[1, 2], (3, 4, 5), {"a": 1, "b": 2}, {"first": 3, "second": 4}, (1, "A", "B"),
          (2, "A", "B"), "no"]:
    print(pair(v))


# names in different orders across alternatives get reordered
def order(x):
    match x:
        case (a, b, c, "abc") | (b, c, a, "bca") | (c, a, b, "cab"):
            return (a, b, c)
    return None


print(order((1, 2, 3, "abc")), order((1, 2, 3, "bca")), order((1, 2, 3, "cab")))

# nested OR patterns
match [1, [2, 3]]:
    case [1 | 2, [3 | 2, 3 | 4] | []]:
        print("nested or")

match ("x", 5):
    case ("x" | "y", 1 | 5 as n):
        print("n =", n)


# OR with class patterns and captures
class A:
    __match_args__ = ("v",)

    def __init__(self, v):
        self.v = v


class B(A):
    pass


class C:
    def __init__(self, w):
        self.w = w


for obj in [A(1), B(2), C(3), 4]:
    match obj:
        case B(v) | C(w=v):
            print("B or C:", v)
        case A(v):
            print("A:", v)
        case _:
            print("neither")

# the last alternative may be irrefutable in the last case
match 99:
    case 1 | 2 | _:
        print("anything")

# captures in alternatives are on top of captures made before
match [5, (6, 7)]:
    case [first, (second, third) | [second, third]]:
        print(first, second, third)

# an OR pattern inside a mapping with a rest
match {"kind": "circle", "r": 2, "color": "red"}:
    case {"kind": "circle" | "disc", "r": r, **rest}:
        print("round", r, rest)

# alternatives evaluate left to right and stop at the first match
class Noisy:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("  compare", other)
        return self.v == other

    __hash__ = None


match Noisy(2):
    case 1 | 2 | 3:
        print("matched 2")
