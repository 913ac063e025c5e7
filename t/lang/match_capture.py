# Capture patterns bind the subject; `_` matches anything and binds nothing.

match 42:
    case x:
        print("captured", x)

match [1, 2]:
    case _:
        print("wildcard matched")

try:
    _
except NameError as e:
    print("NameError:", e)


def f(subject):
    match subject:
        case [x, _, _]:
            return ("first of three", x)
        case [_, y]:
            return ("second of two", y)
        case (_, _, _, z):
            return ("fourth", z)
        case other:
            return ("other", other)


for v in [[1, 2, 3], (4, 5), [6, 7, 8, 9], "abc", 3]:
    print(f(v))

# capture in a function makes the name local
def g():
    match 5:
        case value:
            pass
    return value


print(g())


# capture of a global from a function needs `global`
def h():
    global captured
    match "global value":
        case captured:
            pass


h()
print(captured)


# capture into a closure cell
def outer():
    match [10, 20]:
        case [a, b]:
            pass

    def inner():
        return a + b

    return inner()


print(outer())


# capture inside a class body
class C:
    match (1, 2):
        case (left, right):
            total = left + right


print(C.left, C.right, C.total)

# many captures
match list(range(10)):
    case [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9]:
        print(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9)

# names that are soft keywords are fine as captures
match 1:
    case match:
        print("match =", match)
match 2:
    case case:
        print("case =", case)
