# **rest in mapping patterns collects the remaining items in a new dict.

match {"a": 1, "b": 2, "c": 3}:
    case {"a": a, **rest}:
        print(a, rest)

match {"a": 1}:
    case {"a": a, **rest}:
        print(a, rest, type(rest).__name__)

# **rest alone matches any mapping and copies it
d = {"x": 1, "y": 2}
match d:
    case {**everything}:
        print(everything, everything == d, everything is d)

match {}:
    case {**nothing}:
        print("empty:", nothing)


# rest keeps the subject's order, minus the matched keys
match {"z": 26, "a": 1, "m": 13, "b": 2}:
    case {"a": _, "b": _, **rest}:
        print(list(rest))


# rest from a dict subclass is a plain dict
class MyDict(dict):
    pass


match MyDict(k=1, v=2):
    case {"k": k, **rest}:
        print(k, rest, type(rest).__name__)

# rest after value sub-patterns
match {"op": "add", "args": [1, 2], "meta": None, "id": 7}:
    case {"op": "add", "args": [x, y], **extra}:
        print(x + y, sorted(extra.items(), key=str))

# failing sub-patterns leave nothing bound
rest = "unchanged"
match {"a": 1, "b": 2}:
    case {"a": 2, **rest}:
        print("no")
    case _:
        print("rest is still", rest)

# modifying rest does not affect the subject
src = {"keep": 1, "other": 2}
match src:
    case {"keep": _, **rest}:
        rest["new"] = 3
print(src, rest)

# integer keys with rest
match {1: "a", 2: "b", 3: "c"}:
    case {2: two, **others}:
        print(two, others)
