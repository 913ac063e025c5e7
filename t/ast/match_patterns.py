match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case [Point(x=0, y=0)]:
        pass
    case Point(x, y):
        pass
    case Point(x, y=0):
        pass
    case Point():
        pass
    case mod.Point(1, 2):
        pass
    case [1, 2, *rest]:
        pass
    case [*_]:
        pass
    case (1, 2):
        pass
    case ():
        pass
    case []:
        pass
    case 1, 2:
        pass
    case a, *b:
        pass
    case {"a": 1, **rest}:
        pass
    case {}:
        pass
    case {1: x, "k": [y, z]}:
        pass
    case {**rest}:
        pass
    case Color.RED:
        pass
    case a.b.c:
        pass
    case [x] as y:
        pass
    case (x | y) as z:
        pass
    case x if x > 0:
        pass
    case _:
        pass
    case (x):
        pass
    case {None: 1, True: 2}:
        pass
