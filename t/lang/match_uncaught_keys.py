# pyl-test: full-stderr
# A ValueError from duplicate run-time keys in a mapping pattern, with its traceback.
class K:
    A = "k"
    B = "k"


def lookup(m):
    match m:
        case {"x": 1}:
            return 1
        case {K.A: a,
              K.B: b}:
            return 2


print(lookup({"x": 1}))
lookup({"k": 1, "j": 2})
