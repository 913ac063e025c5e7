# the iterator builtins: big starts, length hints, subclasses, errors from inside
import sys
e = enumerate("ab", 2**63 - 1)
print(list(e))
print(list(enumerate("abc", -2**70)))
print(list(enumerate("ab", start=True)))
try:
    enumerate("a", 1.5)
except TypeError as x:
    print(x)
z = zip("abc", "de")
print(z.__length_hint__() if hasattr(z, "__length_hint__") else "nolh")
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
r = reversed(range(5))
print(type(r).__name__, list(r))
print(type(reversed("abc")).__name__, type(reversed([1])).__name__, type(reversed((1,))).__name__)
m = map(lambda x: x, [1, 2])
print(type(m).__name__, iter(m) is m, list(m), list(m))
f = filter(None, [0, 1])
print(type(f).__name__, list(f))
print(type(zip()).__name__, type(enumerate([])).__name__)
print(list(map(lambda a, b, c: a + b + c, [1, 2, 3], [10, 20], [100, 200, 300])))
print(list(zip(range(3), range(10, 13), strict=True)))
class Len3:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i
print(list(reversed(Len3())), list(enumerate(Len3())))
print(list(filter(lambda x: x, map(int, "10203"))))
print(list(zip(*[(3, "c"), (1, "a"), (2, "b")])))
it = iter([1, 2, 3])
print(list(zip(it, it)), list(it))
def gen():
    yield 1
    raise ValueError("in gen")
try:
    list(zip([1, 2, 3], gen()))
except ValueError as x:
    print("ValueError", x)
try:
    list(map(lambda x: 1 / x, [1, 0]))
except ZeroDivisionError as x:
    print("ZeroDivisionError", x)
class BadNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise TypeError("bad next")
for f in [lambda: list(enumerate(BadNext())), lambda: list(filter(None, BadNext())), lambda: list(zip(BadNext())),
          lambda: list(map(str, BadNext())), lambda: sorted(BadNext()), lambda: sum(BadNext()), lambda: max(BadNext()),
          lambda: any(BadNext()), lambda: dict(BadNext()), lambda: "".join(BadNext()), lambda: set(BadNext())]:
    try:
        f()
    except TypeError as x:
        print("TypeError", x)
print(list(zip("ab", "cd", "ef", strict=True)))
print(enumerate.__doc__[:30] if enumerate.__doc__ else None)
print(callable(zip), isinstance(zip("a"), zip), issubclass(enumerate, object))
class E(enumerate):
    pass
print(list(E("xy", 1)), type(E("a")).__name__)
class Z(zip):
    pass
print(list(Z("ab", "cd")))
class M(map):
    pass
print(list(M(str, [1])))
class F(filter):
    pass
print(list(F(None, [0, 3])))
