# ast-attrs
match x:
    case 1:
        pass
    case [a, *b] if a:
        pass
    case {"k": v, **kw}:
        pass
    case C(1, k=2) | D() as e:
        pass
    case _:
        pass
match a, b:
    case 1, 2:
        pass
match (a, b):
    case (1, 2):
        pass
match = 1
match.x = 2
case = 3
_ = match + case
match(x)
match[0] = 1
print(match, case, _)
