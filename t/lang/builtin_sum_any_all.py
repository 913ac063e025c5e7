# sum with start values and types; any/all short-circuiting
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(5), start=-10), sum([0.1] * 10))
print(sum([1.5, 2, True]), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([2**64, 2**64]))
print(sum(x * x for x in range(4)), sum({1: "a", 2: "b"}), sum([1e308, 1e308, -1e308]))
print(sum([0.1, 0.2, 0.3]), sum([1, 2.5]), sum([True, True, False]), type(sum([True, True])).__name__)
for bad in [lambda: sum(["a", "b"]), lambda: sum(["a"], ""), lambda: sum([b"a"], b""),
            lambda: sum([bytearray(b"a")], bytearray()), lambda: sum([1, "a"]), lambda: sum(5),
            lambda: sum(), lambda: sum([[1]])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(any([]), all([]), any([0, 0]), all([1, 1]), any("ab"), all(["", "x"]), any(iter([None, 3])))
seen = []
def check(x):
    seen.append(x)
    return x
print(any(check(x) for x in [0, 0, 5, 0, 7]), seen)
seen.clear()
print(all(check(x) for x in [1, 2, 0, 3]), seen)
print(any(x > 10 for x in range(5)), all(x < 10 for x in range(5)), all(map(str.isalpha, "abc")))
for bad in [lambda: any(5), lambda: all(None), lambda: any()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(any([Truthy(False), Truthy(True)]), all([Truthy(True), Truthy(False)]))
class BadBool:
    def __bool__(self):
        return 1
try:
    any([BadBool()])
except TypeError as e:
    print("TypeError:", e)
