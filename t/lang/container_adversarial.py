# user code that mutates a container in the middle of an operation on it
class Grower:
    """Equal to nothing; every comparison adds keys to a target container."""
    def __init__(self, target, h):
        self.target = target
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        t = self.target
        if isinstance(t, dict):
            for i in range(100, 130):
                t[i] = i
        elif isinstance(t, set):
            for i in range(100, 130):
                t.add(i)
        elif isinstance(t, list):
            t.extend(range(5))
        return False

d = {}
d[Grower(d, 1)] = 'a'
print(Grower(None, 1) in d, len(d))
d[Grower(None, 1)] = 'b'
print(len(d))
s = set()
s.add(Grower(s, 7))
print(Grower(None, 7) in s, len(s))
s.add(Grower(None, 7))
print(len(s))
s.discard(Grower(None, 7))
print(len(s))

# slice assignment from a generator that shrinks the list being assigned to
a = list(range(10))
def shrink():
    yield 1
    del a[2:]
    yield 2
try:
    a[::2] = shrink()
except ValueError as e:
    print(type(e).__name__, e)
print(a)
a = list(range(10))
def shrink2():
    del a[1:]
    yield 'x'
a[1:8] = shrink2()
print(a)
b = [1, 2, 3]
def grow():
    for x in range(3):
        b.append(x)
        yield x
b.extend(grow())
print(b)

# reprs that change the container being printed
class Clearer:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        self.c.clear()
        return 'C'
l = []
l.extend([1, Clearer(l), 3, 4])
print(l, l)
dd = {}
dd[1] = Clearer(dd)
dd[2] = 2
print(dd, dd)
ss = set()
ss.add(Clearer(ss))
ss.add(5)
print(len(repr(ss)) > 0, ss)

# hashing and comparing that fail
class BadHash:
    def __hash__(self):
        raise ValueError('no hash')
for f in (lambda: hash((1, BadHash())), lambda: {BadHash()}, lambda: {BadHash(): 1},
          lambda: BadHash() in {1}, lambda: BadHash() in {1: 2}, lambda: frozenset([BadHash()]),
          lambda: {1: 2}.get(BadHash()), lambda: {1}.discard(BadHash())):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
class BadEq:
    def __eq__(self, other):
        raise RuntimeError('no eq')
    __hash__ = object.__hash__
for f in (lambda: BadEq() in [1, 2], lambda: [BadEq()] == [1], lambda: (BadEq(),) < (1,),
          lambda: [1, 2].index(BadEq()), lambda: [1].count(BadEq()), lambda: [1].remove(BadEq())):
    try:
        print(f())
    except RuntimeError as e:
        print(type(e).__name__, e)
class BadLt:
    def __lt__(self, other):
        raise KeyError('lt')
lst = [BadLt(), BadLt(), BadLt()]
try:
    lst.sort()
except KeyError as e:
    print(type(e).__name__, e)
print(len(lst), all(isinstance(x, BadLt) for x in lst))
try:
    sorted([3, 1, 2], key=lambda x: BadLt() if x == 1 else x)
except KeyError as e:
    print(type(e).__name__, e)
# an iterator that fails part way
def gen():
    yield 1
    yield 2
    raise OSError('io')
for f in (lambda: list(gen()), lambda: tuple(gen()), lambda: set(gen()), lambda: dict.fromkeys(gen()),
          lambda: [].extend(gen()), lambda: sorted(gen()), lambda: list(zip(gen(), gen())),
          lambda: list(enumerate(gen())), lambda: frozenset(gen())):
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e)
