# __contains__, __iter__ / __next__, and the old __getitem__ iteration protocol
class Evens:
    def __contains__(self, x):
        print("contains", x)
        return x % 2 == 0
print(4 in Evens(), 3 in Evens(), 3 not in Evens())

class Truthy:
    def __contains__(self, x):
        return "non-bool"
print(1 in Truthy())

class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return CounterIter(self.n)
class CounterIter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), 2 in Counter(3), 5 in Counter(3), sum(Counter(4)))
it = iter(Counter(2))
print(next(it), next(it), next(it, "done"))
a, b, c = Counter(3)
print(a, b, c, [*Counter(2)], {*Counter(2)}, dict.fromkeys(Counter(2)))

# __getitem__ iteration protocol
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq(), list(reversed([*Seq()])))
print(type(iter(Seq())).__name__)

# __iter__ returning a non-iterator
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)

# not iterable / no __contains__
class Nothing:
    pass
for f in (lambda: iter(Nothing()), lambda: 1 in Nothing(), lambda: list(Nothing())):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

# __iter__ = None blocks iteration
class Blocked:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(Blocked())
except TypeError as e:
    print(type(e).__name__, e)
class BlockedContains:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in BlockedContains()
except TypeError as e:
    print(type(e).__name__, e)

# generator-based __iter__
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
print(list(Tree(1, Tree(2, Tree(3)), Tree(4))))

# __next__ on a class used directly with next()
class Once:
    done = False
    def __next__(self):
        if self.done:
            raise StopIteration("finished")
        self.done = True
        return "once"
o = Once()
print(next(o), next(o, "default"))
try:
    next(o)
except StopIteration as e:
    print(type(e).__name__, e.value)
try:
    next(Nothing())
except TypeError as e:
    print(type(e).__name__, e)

# __contains__ falls back to __iter__
class IterOnly:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])
print(2 in IterOnly())

# __length_hint__
class Hint:
    def __iter__(self):
        return iter([1, 2])
    def __length_hint__(self):
        return 100
print(list(Hint()))
