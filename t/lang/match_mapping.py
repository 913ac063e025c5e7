# Mapping patterns: dict and its subclasses; extra keys are ignored.


def handle(msg):
    match msg:
        case {"type": "ping"}:
            return "pong"
        case {"type": "echo", "text": text}:
            return f"echo {text}"
        case {"type": "add", "a": int(a), "b": int(b)}:
            return a + b
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "empty or untyped mapping"
        case _:
            return "not a mapping"


for m in [{"type": "ping"}, {"type": "ping", "extra": 1}, {"type": "echo", "text": "hi"},
          {"type": "echo"}, {"type": "add", "a": 1, "b": 2}, {"type": "add", "a": "1", "b": 2},
          {"type": "zzz"}, {}, {"other": 1}, [("type", "ping")], "type", None]:
    print(handle(m))

# non-string keys, negative numbers, None/True/False as keys
match {1: "one", -2: "minus two", None: "none", True: "true", 2.5: "float", b"k": "bytes"}:
    case {1: a, -2: b, None: c, 2.5: d, b"k": e}:
        print(a, b, c, d, e)

# True == 1: the key 1 finds the True entry
match {True: "yes"}:
    case {1: v}:
        print("1 found", v)


# value patterns as keys
class Keys:
    NAME = "name"
    AGE = "age"


match {"name": "Ann", "age": 33}:
    case {Keys.NAME: n, Keys.AGE: a}:
        print(n, a)


# dict subclass: __missing__ is not triggered, get() is
class Default(dict):
    def __missing__(self, key):
        print("  __missing__", key)
        return 0


match Default(a=1):
    case {"a": a, "b": b}:
        print("matched with b?!", a, b)
    case {"a": a}:
        print("only a", a)


class Logging(dict):
    def get(self, key, default=None):
        print("  get", key)
        return dict.get(self, key, default)


match Logging(x=1, y=2):
    case {"x": 1, "y": 3}:
        print("no")
    case {"x": 1, "y": y}:
        print("y is", y)

# the length check comes first: a short dict never calls get
match Logging(x=1):
    case {"x": _, "y": _}:
        print("no")
    case _:
        print("too short, no get calls")

# nested mappings and sequences
config = {"server": {"host": "localhost", "ports": [80, 443]}, "debug": False}
match config:
    case {"server": {"host": host, "ports": [first, *others]}, "debug": False}:
        print(host, first, others)

# a mapping pattern does not match sequences or other objects
for v in [[1], (("a", 1),), "a", 1, None]:
    match v:
        case {}:
            print("mapping?!", v)
        case _:
            print("not a mapping:", repr(v))

# mappingproxy is a mapping
class WithAttrs:
    tag = "t"


match WithAttrs.__dict__:
    case {"tag": tag}:
        print("mappingproxy matched", tag)
