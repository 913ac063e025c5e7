# __hash__ and __eq__ rules
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p.__hash__ is not None, type(Plain.__hash__).__name__)

class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__, "__hash__" in EqOnly.__dict__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)

class EqAndHash:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, EqAndHash) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
print(len({EqAndHash(1), EqAndHash(1), EqAndHash(2)}), {EqAndHash(1): "x"}[EqAndHash(1)])

# inheriting: a subclass defining __eq__ only becomes unhashable
class Child(EqAndHash):
    def __eq__(self, o):
        return False
print(Child.__hash__)
class Child2(EqAndHash):
    pass
print(hash(Child2(5)) == hash(5))

# explicit __hash__ = None
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)

# restore hashing with the parent's __hash__
class Restored(EqOnly):
    __hash__ = object.__hash__
print(type(hash(Restored())).__name__)

# __hash__ results
class HashVal:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash(HashVal(5)), hash(HashVal(-1)), hash(HashVal(True)), hash(HashVal(2**100)) == hash(2**100))
for bad in (1.5, "x", None):
    try:
        hash(HashVal(bad))
    except TypeError as e:
        print(type(e).__name__, e)
class BigIntSub(int):
    pass
print(hash(HashVal(BigIntSub(7))))

# hash of builtin subclasses
class MyStr(str):
    pass
class MyInt(int):
    pass
class MyTuple(tuple):
    pass
print(hash(MyStr("a")) == hash("a"), hash(MyInt(3)) == hash(3), hash(MyTuple((1,))) == hash((1,)))
class MyList(list):
    pass
try:
    hash(MyList())
except TypeError as e:
    print(type(e).__name__, e)
class HashableList(list):
    def __hash__(self):
        return 42
print(hash(HashableList([1])))

# dict lookups call __eq__ only on hash collisions
class Loud:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return 1
    def __eq__(self, o):
        print("eq", self.k, o.k)
        return self.k == o.k
d = {Loud("a"): 1}
print(d[Loud("a")])
print(Loud("b") in d)

# __eq__ defined in a class body with __hash__ later assigned
class Later:
    def __eq__(self, o):
        return True
Later.__hash__ = lambda self: 7
print(hash(Later()))

# object.__hash__ and object.__eq__ explicitly
o = object()
print(object.__hash__(o) == hash(o), object.__eq__(o, o), object.__eq__(o, 1))
