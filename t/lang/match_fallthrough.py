# No case matches: nothing happens. The subject is evaluated exactly once.


def subject():
    print("evaluating subject")
    return 5


match subject():
    case 1:
        print("one")
    case 2:
        print("two")
print("after match")

match subject():
    case [x]:
        print("no")
    case {"k": _}:
        print("no")
    case str():
        print("no")

# match in loops: break, continue, return, else
for i in range(6):
    match i:
        case 0:
            continue
        case 4:
            break
        case n if n % 2:
            print("odd", n)
        case _:
            print("even", i)
else:
    print("no break?!")


def find(items):
    for item in items:
        match item:
            case ("found", value):
                return value
            case ("skip", _):
                continue
    return "not found"


print(find([("skip", 1), ("found", 2), ("found", 3)]))
print(find([("skip", 1)]))

# match inside try, exceptions in the body
try:
    match [1]:
        case [x]:
            raise ValueError(x)
except ValueError as e:
    print("raised from a case body:", e)


# match in a generator
def gen(items):
    for it in items:
        match it:
            case int(n):
                yield n * 2
            case str(s):
                yield s.upper()


print(list(gen([1, "a", 2.0, 3])))

# nested match statements
for cmd in [("move", 1, 2), ("say", "hi"), ("quit",)]:
    match cmd:
        case ("move", *args):
            match args:
                case [x, y]:
                    print("move to", x, y)
        case ("say", text):
            match text:
                case "hi":
                    print("hello back")
        case _:
            print("bye")

# a while loop around a match, with the subject changing
n = 10
steps = 0
while True:
    match n:
        case 1:
            break
        case k if k % 2 == 0:
            n = k // 2
        case k:
            n = 3 * k + 1
    steps += 1
print("steps", steps)

# with-statement inside a case body
class CM:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *a):
        print("exit")


match "with":
    case "with":
        with CM():
            print("inside")

# only one case body runs even if later cases would match
match 1:
    case int():
        print("first")
    case 1:
        print("second")
