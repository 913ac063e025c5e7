# pyl-test: full-stderr
match [1, 2]:
    case [a, b]:
        pass
    case _:
        pass
    case [c]:
        pass
