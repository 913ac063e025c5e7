# min/max: iterables, several args, key, default, ties, errors
print(min(3, 1, 2), max(3, 1, 2), min([5, 2, 9]), max((5, 2, 9)), min("hello"), max("hello"))
print(min([1, 2], [1, 1]), max({3: "a", 7: "b"}), min(range(5, 10)), max(iter([4, 8, 1])))
print(min([], default=None), max((), default="empty"), min([4], default=0), max([1, 2], default=9))
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words, key=len), max(words, key=len), min(*words, key=lambda w: w[-1]))
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(min(pairs, key=lambda p: p[0]), max(pairs, key=lambda p: p[0]))
print(max([1.0, 1, True]), min([1, 1.0, True]), max(1, 2.5, -3), min(-0.0, 0.0), max(0.0, -0.0))
print(max([3, 1], key=None), min(1, 2, key=None), max("a", "B", key=str.lower))
print(max(x * x for x in range(-5, 3)), min((x for x in "zyx"), default="-"))
for bad in [lambda: min(), lambda: max(), lambda: min([]), lambda: max(()), lambda: min(5),
            lambda: max(1, "a"), lambda: min(1, 2, default=0), lambda: max([1], foo=1),
            lambda: min([1, 2], key=5), lambda: max(iter([]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v > o.v
    def __gt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"Rev({self.v})"
print(min(Rev(1), Rev(3), Rev(2)), max([Rev(1), Rev(3), Rev(2)]))
