# `match` and `case` stay ordinary names outside match statements.
match = [1, 2, 3]
case = "case"
print(match[0], case)
match[1] = 20
print(match)


def match(x):
    return f"called match({x})"


print(match(1))
print((match)(2))
match (3)  # a call, not a match statement
case = {"match": 1}
print(case["match"])
_ = "underscore"
print(_)

match = 5
match match:
    case case if False:
        pass
    case match:
        print("matched", match)


class match:
    case = 1


print(match.case)
