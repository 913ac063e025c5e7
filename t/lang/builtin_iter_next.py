# iter() and next(): sequences, the two-argument form, defaults, exhaustion
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(di), next(di, "x"))
s = iter("xyz")
print(type(s).__name__, next(s), "".join(s))
lines = iter(["alpha", "beta", "", "gamma"])
print(list(iter(lambda: next(lines), "")))
buf = [1, 2, 3, 0, 4]
print(list(iter(buf.pop, 3)), buf)
r = iter(range(3))
print(iter(r) is r, list(r), list(r))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(list(c), list(c), next(Countdown(0), "empty"))
class BadIter:
    def __iter__(self):
        return 42
for bad in [lambda: iter(BadIter()), lambda: next([1]), lambda: iter(1), lambda: next(iter([]))
            , lambda: iter(len, 1, 2), lambda: next(), lambda: iter()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
def gen():
    yield 1
    return "ret"
g = gen()
print(next(g), next(g, "dflt"))
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
print(list(zip(*[iter(range(9))] * 3)))
