# weakref.ref: sharing, callbacks, hashing, equality, what can be referenced.
import gc
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "C(%d)" % self.n

    def m(self):
        return self.n


c = C(1)
r1 = weakref.ref(c)
r2 = weakref.ref(c)
print(r1 is r2, r1() is c, weakref.getweakrefcount(c))
print(type(r1).__name__, type(r1).__module__, weakref.ref is weakref.ReferenceType)
print(repr(r1).startswith("<weakref at 0x"), "to 'C' at" in repr(r1))

calls = []


def cb1(w):
    calls.append(("cb1", w is r3, w()))


def cb2(w):
    calls.append(("cb2", w is r4, w()))


r3 = weakref.ref(c, cb1)
r4 = weakref.ref(c, cb2)
print(r3 is not r1, weakref.getweakrefcount(c))
print([x is r1 for x in weakref.getweakrefs(c)], weakref.getweakrefs(c)[0] is r1)
print(r3.__callback__ is cb1, r1.__callback__, weakref.ref(c, None) is r1)
print(c.__weakref__ is r1)
print(hash(r1) == hash(c), r1 == r3, r1 != r3, r1 == weakref.ref(C(1)))
d = {r1: "x"}
print(d[r3])
del c
print("callbacks, newest first:", calls)
print(r1(), r3(), r1 == r3, r1 != r3, r1 == r1)
print(repr(r1).endswith("; dead>"))
print(hash(r1) == hash(r1))  # the hash is kept after death
try:
    hash(weakref.ref(C(2)))
except TypeError as e:
    print("TypeError:", e)

# equal referents make equal refs; dead ones compare by identity
a, b = "x", "y"


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, E) and self.v == other.v

    __hash__ = object.__hash__


e1, e2 = E(1), E(1)
print(weakref.ref(e1) == weakref.ref(e2))
del e1
print(weakref.ref(e2) == weakref.ref(e2), weakref.ref(e2) != weakref.ref(C(5)))

# what supports weak references
for obj in [1, 1.5, "s", b"b", (1,), [1], {1: 2}, None, True, object()]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print(type(obj).__name__, "TypeError:", e)


def f():
    pass


def gen():
    yield 1


class L(list):
    pass


class DD(dict):
    pass


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class I(int):
    pass


g = gen()
for obj in [f, gen, g, C, int, set(), frozenset(), L(), DD(), SlottedWeak(), C(3).m, len,
            f.__code__, weakref]:
    print(type(obj).__name__, weakref.ref(obj)() is obj)
for obj in [Slotted(), I(3)]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError:", e)
print(hasattr(Slotted(), "__weakref__"), SlottedWeak().__weakref__)

# calling a ref takes no arguments
try:
    r1(1)
except TypeError as e:
    print("TypeError:", e)

# a subclass of ref with extra attributes
class KeyedRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


got = []
k = C(10)
kr = KeyedRef(k, lambda w: got.append(w.key), "the key")
print(kr() is k, kr.key, isinstance(kr, weakref.ref), weakref.getweakrefcount(k))
del k
print(got)

# a callback that raises: reported, then ignored
def bad(w):
    raise ValueError("in callback")


z = C(11)
zr = weakref.ref(z, bad)
del z
print("after bad callback", zr())

# the callback of a ref that dies first is never called
y = C(12)
yr = weakref.ref(y, lambda w: print("never"))
del yr
del y

# callbacks may create new refs and touch the dead ref freely
x = C(13)
log = []
def cb(w):
    log.append(w() is None)
    log.append(weakref.getweakrefcount(w))

xr = weakref.ref(x, cb)
del x
print(log)

# refs in cycles with their referents: the collector clears them, callbacks of
# refs that are garbage themselves are not called
class Holder:
    pass


h = Holder()
h.r = weakref.ref(h, lambda w: print("called: h died by refcount, its ref was alive"))
del h
h = Holder()
h.me = h
h.r = weakref.ref(h, lambda w: print("never: the ref is garbage too"))
del h
print("collect:", gc.collect() > 0)
outside = []
h = Holder()
h.me = h
keep = weakref.ref(h, lambda w: outside.append(w() is None))
del h
gc.collect()
print("outside callback:", outside, keep())
print(weakref.ref.__class_getitem__(int))
