# Class patterns with keyword sub-patterns.


class User:
    def __init__(self, name, role, active=True):
        self.name = name
        self.role = role
        self.active = active


def access(u):
    match u:
        case User(role="admin", active=True):
            return f"{u.name}: full access"
        case User(role="admin"):
            return f"{u.name}: inactive admin"
        case User(name=n, role="guest"):
            return f"{n}: read only"
        case User(name=n, role=r):
            return f"{n}: role {r}"
        case _:
            return "nobody"


for u in [User("ann", "admin"), User("bob", "admin", False), User("cy", "guest"),
          User("dee", "dev"), "ann"]:
    print(access(u))

# missing attributes mean no match
match User("x", "y"):
    case User(email=e):
        print("has email", e)
    case User(name=n):
        print("no email for", n)


# keyword and positional together
class P:
    __match_args__ = ("x",)

    def __init__(self, x, y):
        self.x = x
        self.y = y


match P(1, 2):
    case P(1, y=yy):
        print("x is 1, y is", yy)

# object() matches anything, with keyword attributes of any object
match 5:
    case object(real=r, imag=i):
        print("int attributes:", r, i)
match "text":
    case object(upper=u):
        print("bound method:", u())

# keyword sub-patterns with nested patterns
match User("eve", ["a", "b"]):
    case User(role=[first, *_]):
        print("first role", first)


# attribute access order: positional first, then keywords in source order
class Tracer:
    __match_args__ = ("b", "a")

    def __getattr__(self, name):
        print("  getattr", name)
        if name in ("a", "b", "c"):
            return name.upper()
        raise AttributeError(name)


match Tracer():
    case Tracer(bb, c=cc, a=aa):
        print(bb, cc, aa)
match Tracer():
    case Tracer(missing=m, a=aa):
        print("no")
    case _:
        print("stopped at the missing attribute")


# an exception other than AttributeError propagates
class Broken:
    @property
    def value(self):
        raise KeyError("broken")


try:
    match Broken():
        case Broken(value=v):
            print("no")
except KeyError as e:
    print("KeyError", e)
