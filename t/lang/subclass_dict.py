# subclasses of dict
class D(dict):
    def keys_sorted(self):
        return sorted(self)
d = D(b=2, a=1)
print(d, repr(d), type(d).__name__, d.keys_sorted(), d["a"], len(d), "a" in d, d.get("z", 0))
d["c"] = 3
del d["b"]
print(d, list(d.items()), d == {"a": 1, "c": 3}, type(d.copy()).__name__, type(d | {}).__name__)
d.attr = "has dict"
print(d.attr, d.__dict__, D.fromkeys("xy"), type(D.fromkeys("xy")).__name__)

# overriding __getitem__ / __setitem__ does not affect other dict methods
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
l = Lower()
l["ABC"] = 1
print(l, l["aBc"], l.get("ABC"), "ABC" in l)
l.update(XYZ=2)
print(l)
print(Lower(Q=1))
l2 = Lower()
l2.setdefault("MiXed", 5)
print(l2)

# __init__ override
class Defaults(dict):
    def __init__(self, **kw):
        super().__init__(color="red", **kw)
print(Defaults(size=3))

# __missing__ with get and in
class Auto(dict):
    def __missing__(self, k):
        v = self[k] = Auto()
        return v
tree = Auto()
tree["a"]["b"]["c"] = 1
print(tree, json_like := {k: dict(v) for k, v in tree.items()})

# iteration hooks are bypassed by dict methods but used by for loops
class RevIter(dict):
    def __iter__(self):
        return iter(sorted(super().__iter__(), reverse=True))
r = RevIter(a=1, b=2, c=3)
print(list(r), list(r.keys()), [k for k in r], dict(r))

# equality and hashing
print(D(a=1) == {"a": 1}, {"a": 1} == D(a=1), D() != D(a=1))
try:
    hash(D())
except TypeError as e:
    print(type(e).__name__, e)

# dict(**subclass) and ** unpacking use keys() and __getitem__
class Mapping(dict):
    def keys(self):
        return ["only"]
    def __getitem__(self, k):
        return "value of " + k
m = Mapping(only=0, other=1)
print(dict(m), {**m}, dict(**m))

# pop / popitem / clear / setdefault on a subclass
p = D(a=1, b=2)
print(p.pop("a"), p.popitem(), p, p.setdefault("z", 9), p)
p.clear()
print(p, type(p).__name__)

class Slotted(dict):
    __slots__ = ("meta",)
s = Slotted(a=1)
s.meta = "m"
print(s, s.meta)
try:
    s.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
