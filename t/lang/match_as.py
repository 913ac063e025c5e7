# AS patterns bind the subject of a sub-pattern once it matched.

match [1, 2]:
    case [1, 2] as whole:
        print("whole =", whole)

match (1, (2, 3)):
    case (a, (b, c) as inner) as outer:
        print(a, b, c, inner, outer)


def f(x):
    match x:
        case (1 | 2) as small:
            return f"small {small}"
        case str() as s:
            return f"string {s}"
        case [int() as i, *_] as seq:
            return f"starts with int {i} in {seq}"
        case {"k": (v as val)}:
            return f"value {val} {v}"
        case _:
            return "other"


for v in [1, 2, "s", [7, "x"], {"k": 9}, 3.5]:
    print(f(v))

# as on a capture
match 5:
    case (x as y):
        print(x, y)

# a failed AS pattern binds nothing
y = "old"
match 1:
    case (2 as y):
        print("no")
    case _:
        print("y =", y)

# as with or and class patterns
match 3.0:
    case (int() | float()) as number:
        print("number", number)


class Box:
    __match_args__ = ("content",)

    def __init__(self, content):
        self.content = content


match Box(Box("inner")):
    case Box(Box(c) as b) as outer:
        print(c, type(b).__name__, type(outer).__name__, outer is not b)
