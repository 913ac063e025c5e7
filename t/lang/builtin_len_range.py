# len() on every container and __len__ results; range() arguments and errors
print(len(""), len("héllo"), len(b"ab"), len([1, 2, 3]), len((1,)), len({1: 2}), len({1, 2}),
      len(frozenset()), len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -3)), len(bytearray(4)))
print(len({}.keys()), len({1: 2}.items()), len(range(-5)), len(range(2**40)))
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(3)), len(L(True)), bool(L(0)), bool(L(2)))
for n in [-1, "3", 2**100, 1.5, None]:
    try:
        print(len(L(n)))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [lambda: len(5), lambda: len(None), lambda: len(iter([])), lambda: len(x for x in ""),
            lambda: len(), lambda: len([], [])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 4)), list(range(5, 0, -2)), list(range(3, 3)))
print(range(10), range(1, 10, 2), range(0), repr(range(-3, 3)))
print(range(0, 20, 5)[2], range(10)[-1], range(10)[2:8:2], 5 in range(10), 10 in range(10))
print(range(10).index(4), range(0, 10, 2).count(4), range(3) == range(0, 3), range(0) == range(5, 1))
print(sum(range(101)), max(range(7)), list(reversed(range(4))), range(2**64)[-1])
class Idx:
    def __index__(self):
        return 4
print(list(range(Idx())), range(Idx(), 10, Idx()))
for bad in [lambda: range(), lambda: range(1.5), lambda: range(0, 10, 0), lambda: range("5"),
            lambda: range(1, 2, 3, 4), lambda: range(10)[10], lambda: range(3).index(7)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
