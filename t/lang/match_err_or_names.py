# pyl-test: full-stderr
def f(p):
    match p:
        case (0, y) | (x, 0):
            return 1
