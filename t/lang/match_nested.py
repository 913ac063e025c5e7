# Deeply nested patterns of every kind.


class Node:
    __match_args__ = ("value", "children")

    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


tree = Node(1, [Node(2, [Node(4)]), Node(3, [Node(5), Node(6, [Node(7)])])])


def describe(n):
    match n:
        case Node(v, []):
            return f"leaf {v}"
        case Node(v, [Node(c, [])]):
            return f"{v} with one leaf {c}"
        case Node(v, [Node(a), Node(b, [Node(c), Node(d, [Node(e)])])]):
            return f"shape with {v} {a} {b} {c} {d} {e}"
        case Node(v, kids):
            return f"{v} with {len(kids)} children"


print(describe(tree))
print(describe(tree.children[0]))
print(describe(tree.children[1]))
print(describe(Node(9)))

data = {
    "users": [
        {"name": "ann", "tags": ["admin", "dev"], "address": {"city": "Oslo"}},
        {"name": "bob", "tags": [], "address": None},
    ],
    "version": (1, 2),
}

match data:
    case {"users": [{"name": first, "tags": ["admin", *more], "address": {"city": city}},
                    *others], "version": (1, minor)}:
        print(first, more, city, len(others), minor)

for user in data["users"]:
    match user:
        case {"name": name, "address": {"city": str(city)}}:
            print(name, "lives in", city)
        case {"name": name, "address": None}:
            print(name, "has no address")

# a deep list
deep = [[[[[[[[[[42]]]]]]]]]]
match deep:
    case [[[[[[[[[[x]]]]]]]]]]:
        print("deep", x)

# mixed or / as / class / mapping
match [Node(1), {"k": (2, 3)}, "end"]:
    case [Node(1 | 2 as v), {"k": (a, b) | [a, b]}, ("end" | "stop") as word]:
        print(v, a, b, word)
