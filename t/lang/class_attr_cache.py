# Attribute access stays right while the inline caches of LOAD_ATTR/STORE_ATTR/
# LOAD_METHOD are warm: shadowing, deletion, class changes, properties, slots,
# __class__ and __dict__ replacement, methods replaced on the class or instance.
class P:
    kind = "class"
    def __init__(self):
        self.x = 1
    def m(self):
        return "P.m"
    @property
    def prop(self):
        return self.x * 10

class Q(P):
    def m(self):
        return "Q.m"

def read(o):
    return (o.x, o.kind, o.m(), o.prop)

def write(o, v):
    o.x = v

p, q = P(), Q()
log = []
for step in range(12):
    if step == 2:
        p.kind = "instance"          # instance shadows class attribute
    if step == 3:
        del p.kind                   # and stops shadowing
    if step == 4:
        P.kind = "changed class"     # class attribute changes
    if step == 5:
        p.m = lambda: "instance m"   # instance attribute shadows the method
    if step == 6:
        del p.m
    if step == 7:
        P.m = lambda self: "new P.m"  # method replaced on the class
    if step == 8:
        p.__class__ = Q              # type changes under a warm cache
    if step == 9:
        p.__dict__ = {"x": 99}       # dict replaced
    if step == 10:
        P.prop = property(lambda self: -self.x)
    write(p, step) if step != 9 else None
    write(q, step * 2)
    log.append((step, read(p), read(q)))
for entry in log:
    print(entry)

class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
def touch(s):
    s.a = s.a + 1
    return s.a
s = S()
print([touch(s) for _ in range(5)])
try:
    for _ in range(3):
        s.b
except AttributeError as e:
    print("AttributeError", e)
s.b = 5
print(s.b)
del s.a
try:
    touch(s)
except AttributeError as e:
    print("AttributeError", e)

class WithDescr:
    def __init__(self):
        self.__dict__["v"] = "from dict"
class Data:
    def __get__(self, o, t=None):
        return "data descriptor wins"
    def __set__(self, o, v):
        o.__dict__["set_count"] = o.__dict__.get("set_count", 0) + 1
w = WithDescr()
def readv(o):
    return o.v
print([readv(w) for _ in range(2)])
WithDescr.v = Data()
print([readv(w) for _ in range(2)])
for i in range(3):
    w.v = i
print(w.set_count)
del WithDescr.v
print(readv(w))

class G:
    def __getattr__(self, name):
        return f"dynamic {name}"
g = G()
print([g.anything for _ in range(2)], end=" ")
G.anything = "static"
print(g.anything)

def loop_methods(objs):
    return [o.m() for o in objs]
class A:
    def m(self):
        return "A"
class B(A):
    pass
class C(A):
    def m(self):
        return "C"
print(loop_methods([A(), B(), C(), A(), B(), C()]))
B.m = lambda self: "B patched"
print(loop_methods([A(), B(), C()]))
del B.m
print(loop_methods([B(), B()]))
