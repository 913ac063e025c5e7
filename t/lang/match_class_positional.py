# Class patterns with positional sub-patterns, through __match_args__.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"on the diagonal at {x}"
        case Point():
            return f"somewhere: {p}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7), (1, 2), None]:
    print(where(p))

# fewer positional sub-patterns than __match_args__ is fine
match Point(1, 2):
    case Point(a):
        print("x only:", a)


# __match_args__ from a base class, and subclass instances match
class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


match Point3(1, 2, 3):
    case Point(a, b):
        print("as a Point:", a, b)
match Point3(1, 2, 3):
    case Point3(a, b, c):
        print("as a Point3:", a, b, c)
match Point(1, 2):
    case Point3():
        print("no")
    case _:
        print("a Point is not a Point3")


# nested class patterns
class Line:
    __match_args__ = ("start", "end")

    def __init__(self, start, end):
        self.start = start
        self.end = end


match Line(Point(0, 0), Point(3, 4)):
    case Line(Point(0, 0), Point(x, y)):
        print("from origin to", x, y)

# attributes come from getattr: properties and class attributes count


class Temp:
    __match_args__ = ("celsius", "fahrenheit", "unit")
    unit = "C"

    def __init__(self, c):
        self.celsius = c

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32


match Temp(100):
    case Temp(c, f, u):
        print(c, f, u)


# a missing attribute means no match (AttributeError is swallowed)
class Partial:
    __match_args__ = ("a", "b")

    def __init__(self):
        self.a = 1


match Partial():
    case Partial(a, b):
        print("no")
    case Partial(a):
        print("only a:", a)

# the class expression can be a dotted name
import sys


class NS:
    P = Point


match Point(5, 6):
    case NS.P(x, y):
        print("dotted class", x, y)
