# class attributes vs instance attributes, __dict__, vars()
class C:
    count = 0
    items = []
    def __init__(self, name):
        self.name = name
        C.count += 1
    def method(self):
        return self.name

a, b = C("a"), C("b")
print(C.count, a.count, b.count)
a.count = 100            # instance attribute shadows the class one
print(C.count, a.count, b.count, "count" in a.__dict__, "count" in b.__dict__)
del a.count
print(a.count)
a.items.append(1)        # shared mutable class attribute
print(b.items, C.items)
print(sorted(a.__dict__), vars(b))
print(sorted(k for k in C.__dict__ if not k.startswith("__")))
print(type(C.__dict__).__name__, C.__dict__["count"])
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)

# setting / deleting class attributes at run time
C.new_attr = "added"
print(a.new_attr, hasattr(b, "new_attr"))
del C.new_attr
print(hasattr(a, "new_attr"))
try:
    del C.new_attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del a.name2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(a.nothing)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(C.nothing)
except AttributeError as e:
    print(type(e).__name__, e)

# methods added later are seen by existing instances
def shout(self):
    return self.name.upper()
C.shout = shout
print(a.shout(), C.shout(b))
# replacing a method on the instance does not bind
a.method = lambda: "instance-level"
print(a.method(), b.method(), C.method(a))

# __dict__ assignment
a.__dict__ = {"name": "z", "extra": 1}
print(a.name, a.extra)
try:
    a.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
a.__dict__["direct"] = 3
print(a.direct)

# vars() errors and builtin instances
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).x = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.x = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del list.append
except TypeError as e:
    print(type(e).__name__, e)

# getattr / setattr / delattr / hasattr with defaults
setattr(b, "dyn", 5)
print(getattr(b, "dyn"), getattr(b, "nope", "dflt"), hasattr(b, "dyn"))
delattr(b, "dyn")
print(hasattr(b, "dyn"))
try:
    getattr(b, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(b, 5, 1)
except TypeError as e:
    print(type(e).__name__, e)

# class body namespace
class Body:
    x = 1
    y = x + 1
    z = [i for i in range(x + 2)]
    def f(self):
        return x if False else Body.x
print(Body.y, Body.z, Body().f())
x = "global"
class Body2:
    x = "class"
    def get(self):
        return x
print(Body2().get())
