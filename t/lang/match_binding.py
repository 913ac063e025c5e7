# Which names are bound after a match (CPython 3.11 semantics): a case whose
# pattern fails binds nothing; a case whose guard fails keeps its bindings.


def report(names, scope):
    print({n: scope.get(n, "<unbound>") for n in names})


def f1():
    match [1, 2]:
        case [a, 3]:
            pass
        case [b, c]:
            pass
    return locals()


report(["a", "b", "c"], f1())


def f2():
    match [1, 2]:
        case [a, b] if a > 5:
            pass
        case _:
            pass
    return locals()


report(["a", "b"], f2())


def f3():
    match {"x": 1, "y": 2}:
        case {"x": x, "z": z}:
            pass
        case {"x": 2, **rest}:
            pass
        case _:
            pass
    return locals()


report(["x", "z", "rest"], f3())


def f4():
    # the first alternative partially matches, the second binds
    match (1, 2):
        case (a, 3) | (2, a):
            pass
        case (p, q):
            pass
    return locals()


report(["a", "p", "q"], f4())


def f5():
    # as-pattern whose inner pattern fails
    match 5:
        case (1 as one):
            pass
        case other:
            pass
    return locals()


report(["one", "other"], f5())


# earlier values of the names survive failed cases
a = "old a"
b = "old b"
match (1, 2):
    case (a, 5):
        pass
    case (3, b):
        pass
print(a, b)

# names bound by a successful case persist after the match
match {"k": [1, 2, 3]}:
    case {"k": [first, *rest]}:
        pass
print(first, rest)


# a capture that the guard rejects still rebinds the name
def f6():
    n = "before"
    match 42:
        case n if n < 0:
            pass
        case _:
            pass
    return n


print(f6())


# unbound name errors after a failed case
def f7():
    match 1:
        case [x]:
            pass
    return x


try:
    f7()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
