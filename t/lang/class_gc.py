# reference cycles involving instances, classes and their dicts are freed
class Node:
    instances = 0
    def __init__(self, name):
        self.name = name
        self.peer = None
        Node.instances += 1

for i in range(100):
    a, b = Node("a"), Node("b")
    a.peer, b.peer = b, a
print(Node.instances)

class Selfish:
    def __init__(self):
        self.me = self
        self.bound = self.method
    def method(self):
        pass
for _ in range(50):
    Selfish()

# cycles through slots
class Slotted:
    __slots__ = ("other", "__dict__")
x, y = Slotted(), Slotted()
x.other, y.other = y, x
x.extra = [x, y]

# cycles through variable-size builtin subclasses
class S(str):
    pass
s = S("cycle")
s.me = s
class T(tuple):
    pass
t = T((1, 2))
t.me = t
t.lst = [t]
class B(bytes):
    pass
bb = B(b"x")
bb.d = {"b": bb}
class L(list):
    pass
l = L()
l.append(l)
l.attr = l
class D(dict):
    pass
d = D()
d["self"] = d
d.attr = d

# classes in cycles with their instances and methods
def make_class(n):
    class Local:
        def f(self):
            return Local
    obj = Local()
    obj.cls = Local
    Local.instance = obj
    return n
print(sum(make_class(i) for i in range(30)))

# metaclass instances
class Meta(type):
    pass
for i in range(10):
    K = Meta(f"K{i}", (), {})
    K.self_ref = K

# generic aliases and unions referencing classes
class G:
    pass
G.alias = list[G]
G.union = G | None
print(G.alias, G.union)

# exceptions holding tracebacks that refer back to frames
def fail():
    try:
        raise ValueError("x")
    except ValueError as e:
        return e
errs = [fail() for _ in range(5)]
print(len(errs), errs[0].__traceback__ is not None)

# property / staticmethod / classmethod objects in cycles
class P:
    pass
p = property(lambda self: p)
P.p = p
sm = staticmethod(lambda: sm)
sm.ref = sm
cm = classmethod(lambda cls: cm)
P.cm = cm
print("done")
