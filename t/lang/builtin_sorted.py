# sorted(): key, reverse, stability, types, errors, and that the input is untouched
data = [5, 3, 8, 1, 9, 2]
print(sorted(data), data, sorted(data, reverse=True), sorted(data, key=lambda x: -x))
print(sorted("banana"), sorted((3, 1, 2)), sorted({3: 1, 1: 2}), sorted({"b", "a", "c"}))
print(sorted(range(10), key=lambda x: x % 3), sorted(range(10), key=lambda x: x % 3, reverse=True))
recs = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 25)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(sorted(recs), key=lambda r: r[1]))
print(sorted(["b", "A", "c", "B", "a"]), sorted(["b", "A", "c", "B", "a"], key=str.lower))
print(sorted([[2, 1], [1, 2], [1, 1, 1], []]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([3.5, 1, True, -2.0]), sorted([]), sorted(x for x in [2, 1]))
print(sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
print(sorted([1, 2, 3], key=None), sorted([1, 2, 3], reverse=0), sorted("ab", reverse=1))
for bad in [lambda: sorted([1, "a"]), lambda: sorted(5), lambda: sorted([1, 2], lambda x: x),
            lambda: sorted([1], foo=1), lambda: sorted(), lambda: sorted([{1}, {2}, {1, 2}, 3])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Item:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"{self.v}{self.tag}"
print(sorted([Item(2, "a"), Item(1, "b"), Item(2, "c"), Item(1, "d")]))
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=key), calls)
