# enumerate, zip, map, filter, reversed: laziness, multiple iterables, errors
print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)))
e = enumerate(["x", "y"], -1)
print(next(e), next(e), next(e, "done"), type(e).__name__)
print(list(zip()), list(zip("abc")), list(zip("abc", range(10), [True, False, None])))
print(list(zip("ab", "xyz", strict=False)), dict(zip("ab", [1, 2])))
try:
    list(zip("ab", "xyz", strict=True))
except ValueError as err:
    print("ValueError:", err)
try:
    list(zip("abc", "x", strict=True))
except ValueError as err:
    print("ValueError:", err)
try:
    list(zip("ab", "xy", "z", strict=True))
except ValueError as err:
    print("ValueError:", err)
print(list(zip("ab", "xy", strict=True)))
print(list(map(str.upper, "ab")), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: a, "ab", "xyz")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
print(list(filter(lambda x: x > 1, (1, 2, 3))), list(reversed("abc")), list(reversed((1, 2))))
print(list(reversed(range(5))), list(reversed({"a": 1, "b": 2})), list(reversed([])))
log = []
def noisy(x):
    log.append(x)
    return x * 2
m = map(noisy, [1, 2, 3])
print(log, next(m), log, list(m), log)
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z), list(z))
class Rev:
    def __reversed__(self):
        return iter("reversed!")
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print("".join(reversed(Rev())), list(reversed(SeqOnly())))
for bad in [lambda: enumerate(5), lambda: zip(1), lambda: map(len), lambda: list(map(len, [1])),
            lambda: filter(None), lambda: reversed(5), lambda: reversed({1, 2}), lambda: enumerate("a", "b"),
            lambda: reversed(iter([1])), lambda: zip("a", foo=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w, r in zip(words, map(lambda s: s[::-1], words)) if w == r])
print(sum(1 for _ in filter(None, map(int, "0102030"))))
