# Value patterns: dotted names, compared with ==.


class Color:
    RED = 1
    GREEN = 2
    BLUE = "blue"


class Outer:
    class Inner:
        VALUE = 99


def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Color.BLUE:
            return "blue"
        case Outer.Inner.VALUE:
            return "inner"
        case _:
            return "unknown"


for v in [1, 2, "blue", 99, 1.0, True, 3]:
    print(repr(v), name(v))

# the value is looked up each time the case is tried
Color.RED = 100
print(name(100), name(1))


class Config:
    pass


cfg = Config()
cfg.limit = 10
match 10:
    case cfg.limit:
        print("at limit")
    case _:
        print("not at limit")


# == of the subject decides (value on the right)
class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("  Loud.__eq__", other)
        return self.v == other

    __hash__ = None


class K:
    ONE = 1
    TWO = 2


match Loud(2):
    case K.ONE:
        print("one")
    case K.TWO:
        print("two")


# values from modules
import sys

match sys.maxsize:
    case sys.maxsize:
        print("maxsize matched")

# an attribute error in a value pattern propagates
try:
    match 1:
        case Color.PURPLE:
            print("purple")
except AttributeError as e:
    print("AttributeError:", e)
