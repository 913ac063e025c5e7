print(abs(-5), abs(3.5), abs(True))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, "", 3]))
print(bin(10), bin(-10), oct(8), oct(-8), hex(255), hex(-255), hex(0))
print(chr(65), chr(0x263A), ord("A"), ord("\u263a"), ord(b"z"))
print(callable(len), callable(1), callable(lambda: 0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("abc"))
print(min([], default="empty"), max([1, 2], key=lambda v: -v))
print(min("b", "a", key=str.upper), max([(1, "b"), (1, "a")]))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101), 10))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([(2, 1), (1, 2)], key=lambda p: p[1]))
print(pow(2, 10), pow(2, 10, 1000), pow(2, -1), round(2.5), round(3.5), round(1.2345, 2))
print(len("hello"), len([1, 2]), len({1: 2}), len(range(10)))
print(isinstance(1, int), isinstance(True, int), isinstance("a", (int, str)), issubclass(bool, int))
print(repr("a'b"), ascii("é"), str(12), format(3.14159, ".2f"), format(42, "08b"))
print(type(1), type("s"), type([]), type(None), type(len))
print(getattr([], "append") is not None, hasattr("x", "upper"), hasattr("x", "nope"))
print(getattr(1, "nope", "default"))
print(list(reversed([1, 2, 3])), list(enumerate("ab", 1)), list(zip("ab", [1, 2, 3])))
print(list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, 2, None])))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
print(hash(1) == hash(1.0), hash("a") == hash("a"))
print(id(len) == id(len))
for bad in [lambda: len(5), lambda: abs("x"), lambda: chr(-1), lambda: ord("ab"),
            lambda: min(), lambda: max([]), lambda: next(iter([])), lambda: sum(["a"]),
            lambda: sorted([1, "a"]), lambda: getattr(1, 2), lambda: iter(5),
            lambda: int("12x"), lambda: divmod(1, 0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
