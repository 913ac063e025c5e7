# The constructors of the builtin types, with no argument, typical arguments and errors
print(repr(str()), str(12), str(1.5), str([1, "a"]), str(b"ab"), str(b"h\xc3\xa9", "utf-8"), str(b"ab", errors="strict"))
print(int(), int("42"), int(" -7 "), int("ff", 16), int("0x1f", 0), int("1_000"), int(3.99), int(-3.99), int(True), int("z", 36))
print(float(), float("1.5"), float(" -2e3 "), float(7), float("inf"), float("-nan"), float("1_0.5"))
print(bool(), bool(0), bool(""), bool([]), bool([0]), bool(0.0), bool("0"), bool(None))
print(list(), list("abc"), list((1, 2)), list({"a": 1}), list(range(3)), list(x for x in "xy"))
print(dict(), dict(a=1), dict([("a", 1), ("b", 2)]), dict({"a": 1}, b=2), dict(zip("ab", [1, 2])))
print(set(), set("hello") == set("lohe"), sorted(set([3, 1, 3])), frozenset(), sorted(frozenset("aba")))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(2)), tuple({1: 2}))
print(bytes(), bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), bytes(b"xy"), bytes(bytearray(b"z")))
print(bytearray(), bytearray(2), bytearray(b"ab"), bytearray([1, 2]), bytearray("hi", "ascii"))
print(type(str()).__name__, type(frozenset([1])).__name__, complex(1, 2), complex("3+4j"))
print(list(list("ab")), dict(dict(a=1)), tuple(tuple("x")), set(frozenset([1])) == {1})
class Seq:
    def __iter__(self):
        return iter([3, 2, 1])
print(list(Seq()), tuple(Seq()), sorted(set(Seq())), dict.fromkeys(Seq()))
class WithIndex:
    def __index__(self):
        return 5
class WithInt:
    def __int__(self):
        return 7
class WithFloat:
    def __float__(self):
        return 2.5
print(int(WithInt()), float(WithFloat()), bytes(WithIndex()), hex(WithIndex()))
for bad in [lambda: int("abc"), lambda: int(""), lambda: int("1", 1), lambda: int(1.5, 10),
            lambda: int(None), lambda: int([]), lambda: float("x"), lambda: float([]),
            lambda: list(5), lambda: tuple(None), lambda: dict([1]), lambda: dict([(1, 2, 3)]),
            lambda: dict(5), lambda: set(1), lambda: frozenset(1), lambda: bytes("x"),
            lambda: bytes([256]), lambda: bytes(-1), lambda: bytearray("x"), lambda: str(b"\xff", "utf-8"),
            lambda: bool(1, 2), lambda: int(float("inf")), lambda: int(float("nan")),
            lambda: str(1, 2), lambda: list(1, 2), lambda: bytes(1.5), lambda: float("1e5000x")]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
print(float("1e5000"), int("0b101", 0), int("0o17", 0), int("  12  "), int("١٢٣"))
