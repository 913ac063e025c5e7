# __getitem__ / __setitem__ / __delitem__, slices, and errors
class Recorder:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print("get", key)
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if key is ... or (isinstance(key, tuple) and any(isinstance(k, slice) for k in key)):
            return ("other", key)
        return self.data[key]
    def __setitem__(self, key, value):
        print("set", key, value)
        if not isinstance(key, slice):
            self.data[key] = value
    def __delitem__(self, key):
        print("del", key)
        if not isinstance(key, slice):
            del self.data[key]

r = Recorder()
r["a"] = 1
r[1, 2] = "tuple key"
print(r["a"], r[1, 2])
print(r[1:2], r[::3], r[:], r[1:2:3], r[...])
print(r[1:2, 3], r[:, None])
del r["a"]
try:
    r["a"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del r["zz"]
except KeyError as e:
    print(type(e).__name__, e)
r[0:2] = [9]
del r[0:2]
print(sorted(r.data, key=repr))

# augmented assignment on an item: get then set
r["n"] = 1
r["n"] += 5
print(r.data["n"])

# missing dunders
class ReadOnly:
    def __getitem__(self, k):
        return k
ro = ReadOnly()
print(ro[5], ro["x"])
for f in (lambda: ro.__setitem__(1, 2), ):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, e)
def set_item():
    ro[1] = 2
def del_item():
    del ro[1]
for f in (set_item, del_item):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
class Nothing:
    pass
for f in (lambda: Nothing()[0], ):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
def set_nothing():
    Nothing()[0] = 1
def del_nothing():
    del Nothing()[0]
for f in (set_nothing, del_nothing):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

# only __setitem__: deleting fails with AttributeError about __delitem__
class SetOnly:
    def __setitem__(self, k, v):
        print("setonly", k, v)
so = SetOnly()
so[1] = 2
try:
    del so[1]
except AttributeError as e:
    print(type(e).__name__, e)

# a sequence with __len__ and __getitem__ supports negative indexes only if it does so itself
class Seq:
    def __init__(self, *items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        return self.items[i]
    def __repr__(self):
        return f"Seq{self.items}"
s = Seq(1, 2, 3, 4)
print(s[0], s[-1], s[1:3], s[::-1], len(s), list(s), s[slice(None, None, 2)])
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)

# __index__ objects as indexes for builtin sequences
class Two:
    def __index__(self):
        return 2
print([10, 20, 30][Two()], "abc"[Two()], (1, 2, 3)[Two():], range(5)[Two()])
l = [0, 1, 2, 3]
l[Two()] = "x"
del l[Two():]
print(l)
try:
    [1, 2][1.0]
except TypeError as e:
    print(type(e).__name__, e)

# subscripting classes: __class_getitem__ vs metaclass __getitem__
class Meta(type):
    def __getitem__(cls, item):
        return f"Meta.__getitem__({item})"
class WithMeta(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"
print(WithMeta[1])
class CG:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
class CGSub(CG):
    pass
print(CG[int], CGSub["x"], CG[1, 2])
print(CG()[0] if hasattr(CG, "__getitem__") else "instances are not subscriptable")
try:
    CG()[0]
except TypeError as e:
    print(type(e).__name__, e)

# slices passed through intact
class Echo:
    def __getitem__(self, k):
        return k
e = Echo()
print(e[1:], e[:2], e[::], e[1:2, ::3, ...])
