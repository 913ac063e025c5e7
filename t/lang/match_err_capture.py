x = 1
match x:
    case y:
        print("y")
    case 2:
        print("unreachable")
