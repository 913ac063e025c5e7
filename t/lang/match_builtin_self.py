# bool, bytearray, bytes, dict, float, frozenset, int, list, set, str and tuple
# match themselves with one positional sub-pattern.


def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case list(l):
            return f"list {l}"
        case tuple(t):
            return f"tuple {t}"
        case dict(d):
            return f"dict {d}"
        case set(s):
            return f"set {sorted(s)}"
        case frozenset(s):
            return f"frozenset {sorted(s)}"
        case _:
            return "something else"


for v in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), [1], (1,), {1: 2}, {3, 1}, frozenset({2}),
          None, range(2)]:
    print(kind(v))

# the sub-pattern is matched against the subject itself
match 42:
    case int(42):
        print("int(42)")
match "abc":
    case str([*chars]):
        print("no: a str is not a sequence")
    case str(s):
        print("whole string", s)
match [1, 2]:
    case list([a, b]):
        print("list of two", a, b)


# subclasses match too, and keep matching themselves
class MyInt(int):
    pass


class MyStr(str):
    pass


match MyInt(7):
    case int(x):
        print(type(x).__name__, x)
match MyStr("hi"):
    case MyStr(x):
        print(type(x).__name__, x)


# ... unless they define __match_args__
class Named(int):
    __match_args__ = ("real",)


match Named(5):
    case Named(r):
        print("real", r)

# bool is an int, int is not a bool
match True:
    case int(x):
        print("True as int:", x)
match 1:
    case bool(x):
        print("no")
    case _:
        print("1 is not a bool")

# float does not match int
match 1.0:
    case int():
        print("no")
    case float(x):
        print("float", x)

# two positional sub-patterns is an error
for cls in (int, str, tuple, dict):
    try:
        match cls():
            case cls(a, b):
                pass
    except TypeError as e:
        print(e)

# self-matching with keywords
match 3:
    case int(x, real=r, imag=0):
        print(x, r)

# other builtins take no positional sub-patterns
try:
    match range(3):
        case range(x):
            pass
except TypeError as e:
    print(e)
