# __match_args__: lookup on the class, inheritance, and its errors.


def show(exc):
    print(type(exc).__name__ + ":", exc)


class A:
    __match_args__ = ("one", "two")

    def __init__(self):
        self.one, self.two = 1, 2


class B(A):
    pass


class C(A):
    __match_args__ = ("two",)


match B():
    case B(x, y):
        print("inherited", x, y)
match C():
    case C(x):
        print("overridden", x)
try:
    match C():
        case C(x, y):
            pass
except TypeError as e:
    show(e)


# too many positional sub-patterns
class NoArgs:
    pass


try:
    match NoArgs():
        case NoArgs(x):
            pass
except TypeError as e:
    show(e)
try:
    match A():
        case A(x, y, z):
            pass
except TypeError as e:
    show(e)


# not a tuple
class ListArgs:
    __match_args__ = ["a"]
    a = 1


try:
    match ListArgs():
        case ListArgs(x):
            pass
except TypeError as e:
    show(e)

# with no positional sub-patterns __match_args__ is not consulted
match ListArgs():
    case ListArgs(a=v):
        print("keywords only:", v)


# elements must be strings
class BadElem:
    __match_args__ = ("a", 2)
    a = 1


try:
    match BadElem():
        case BadElem(x, y):
            pass
except TypeError as e:
    show(e)
match BadElem():
    case BadElem(x):
        print("only the first element is checked:", x)


# the same attribute twice
class Twice:
    __match_args__ = ("a", "a")
    a = 1


try:
    match Twice():
        case Twice(x, y):
            pass
except TypeError as e:
    show(e)


class Pos:
    __match_args__ = ("a",)
    a = 1


try:
    match Pos():
        case Pos(x, a=y):
            pass
except TypeError as e:
    show(e)

# the check happens only for instances
match 5:
    case Twice(x, y):
        print("no")
    case _:
        print("not an instance: no error")


# __match_args__ as a property on the metaclass / computed
class Meta(type):
    @property
    def __match_args__(cls):
        return ("v",)


class Dyn(metaclass=Meta):
    v = "dynamic"


match Dyn():
    case Dyn(x):
        print(x)


# an empty tuple allows no positional sub-patterns
class Empty:
    __match_args__ = ()


try:
    match Empty():
        case Empty(x):
            pass
except TypeError as e:
    show(e)

# the class must be a class
not_a_class = len
try:
    match 1:
        case not_a_class():
            pass
except TypeError as e:
    show(e)
instance = A()
try:
    match 1:
        case instance(x):
            pass
except TypeError as e:
    show(e)
