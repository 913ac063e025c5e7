# pyl-test: full-stderr
class C:
    match (1, 2):
        case (a, {"k": a}):
            pass
