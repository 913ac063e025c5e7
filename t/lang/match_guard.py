# Guards: the case matches only if the guard is true; names are bound before
# the guard runs.


def sign(n):
    match n:
        case 0:
            return "zero"
        case x if x > 0:
            return "positive"
        case x if x < 0:
            return "negative"
        case _:
            return "not comparable"


for n in [0, 5, -3, 0.0, float("nan")]:
    print(n, sign(n))

# the guard sees the captures; a failing guard leaves them bound
match [3, 4]:
    case [a, b] if a > b:
        print("decreasing")
    case [a, b]:
        print("a, b =", a, b)

x = "before"
match 10:
    case x if x > 100:
        print("big")
    case _:
        print("guard failed, but x =", x)

# guards with boolean operators and side effects
calls = []


def check(tag, result):
    calls.append(tag)
    return result


match (1, 2):
    case (a, b) if check("first", a > 5) or check("second", b > 5):
        print("no")
    case (a, b) if check("third", True) and not check("fourth", False):
        print("third and fourth")
print(calls)

# a guard on the last wildcard
for v in [1, 2]:
    match v:
        case 1:
            print("one")
        case _ if v > 1:
            print("more than one")

# a guard on an irrefutable pattern allows more cases after it
match 7:
    case n if n % 2 == 0:
        print("even")
    case n:
        print("odd", n)

# walrus in a guard
match [1, 2, 3]:
    case [*items] if (total := sum(items)) > 5:
        print("total", total)

# guard exceptions propagate
try:
    match 1:
        case v if 1 / 0:
            print("no")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# guards that are truthy objects
match "abc":
    case s if s:
        print("non-empty", s)
match "":
    case s if s:
        print("no")
    case _:
        print("empty")
