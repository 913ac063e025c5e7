# hash, id, type (1- and 3-argument forms), isinstance / issubclass
print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(10**30))
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(float("inf")), hash(True), hash(None) == hash(None))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash("abc") == hash("abc"), hash(b"abc") == hash(b"abc"), hash(3 + 0j) == hash(3))
for v in [[1], {1: 2}, {1}, bytearray(b"x"), ([1],)]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
class K:
    pass
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
class EqOnly:
    def __eq__(self, o):
        return True
k = K()
print(hash(k) == hash(k), hash(H(5)), hash(H(-1)), hash(H(2**70)) == hash(2**70))
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), type(id(a)).__name__, id(None) == id(None))
print(type(1), type(True), type(1.0), type("s"), type(b""), type(None), type(type), type(len), type(K))
print(type(k).__name__, type(k) is K, type(type(k)) is type)
D = type("D", (K,), {"x": 1, "m": lambda self: "method"})
d = D()
print(D.__name__, D.__bases__[0].__name__, d.x, d.m(), isinstance(d, K), D.__mro__[-1].__name__)
print(type("E", (), {}).__bases__, type("F", (object,), {"__slots__": ()})().__class__.__name__)
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1, (str, (float, int))))
print(isinstance("s", object), isinstance(None, type(None)), isinstance(K, type), isinstance(d, (D,)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(D, (str, K)), issubclass(K, K), issubclass(K, object))
print(isinstance([], list | tuple), issubclass(int, int | str), isinstance(1, ()))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(int, Magic), issubclass(str, Magic))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1),
            lambda: isinstance(1, (int, 1)), lambda: type(), lambda: type(1, 2), lambda: type("X", 1, {}),
            lambda: type("X", (), []), lambda: isinstance(1), lambda: type("X", (1,), {})]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
