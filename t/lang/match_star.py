# Star sub-patterns in sequence patterns.


def split(x):
    match x:
        case [first, *middle, last]:
            return ("first/middle/last", first, middle, last)
        case [only, *rest]:
            return ("only/rest", only, rest)
        case [*all_]:
            return ("all", all_)
        case _:
            return "not a sequence"


for v in [[1, 2, 3, 4], (1, 2), [1], [], (9, 8, 7), range(5), "abc"]:
    print(split(v))


def tail(x):
    match x:
        case [*_, 0]:
            return "ends with 0"
        case [1, *_]:
            return "starts with 1"
        case [a, *_, b]:
            return f"ends {a} and {b}"
        case [*_]:
            return "any sequence"
        case _:
            return "not a sequence"


for v in [[5, 0], [0], [1, 2], [1], [3, 4, 5, 6], [7], [], (), "x", 5]:
    print(repr(v), tail(v))

# the star captures a list, even from a tuple
match (1, 2, 3):
    case (a, *b):
        print(type(b).__name__, b)
match (1, 2, 3):
    case (*b, c):
        print(type(b).__name__, b, c)
match (1,):
    case (a, *b):
        print("empty star:", b)


# indexing from the end goes through len() (no negative indices)
class Seq(tuple):
    def __getitem__(self, i):
        print("  getitem", i)
        return tuple.__getitem__(self, i)


match Seq((10, 20, 30, 40)):
    case [first, *_, last]:
        print("first", first, "last", last)
match Seq((10, 20, 30, 40)):
    case [_, second, *_, third_last, _]:
        print(second, third_last)

# a star between captured items, nested in other patterns
match {"items": [1, 2, 3, 4, 5]}:
    case {"items": [head, *body, tail]}:
        print(head, body, tail)

match [[1, 2, 3], [4]]:
    case [[x, *xs], [*ys]]:
        print(x, xs, ys)

# star in the middle with literals around
def classify(seq):
    match seq:
        case ["start", *rest, "end"]:
            return f"framed {rest}"
        case ["start", *rest]:
            return f"open {rest}"
        case [*rest, "end"]:
            return f"closed {rest}"
    return "plain"


for s in [["start", 1, "end"], ["start", "end"], ["start", 2], [3, "end"], ["x"]]:
    print(classify(s))
