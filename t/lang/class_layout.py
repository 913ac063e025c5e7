# instance layouts: __dict__ and __slots__ across builtin bases, __class__ assignment between them
class S1(str):
    pass
class S2(str):
    pass
s = S1("text")
s.a = 1
s.__class__ = S2
print(type(s).__name__, s, s.a, s.upper())
class SS(str):
    __slots__ = ("x",)
try:
    s.__class__ = SS
except TypeError as e:
    print(type(e).__name__, e)

class T1(tuple):
    pass
class T2(tuple):
    pass
t = T1((1, 2))
t.tag = "t"
try:
    t.__class__ = T2
except TypeError as e:
    print(type(e).__name__, e)
class TE1(tuple):
    __slots__ = ()
class TE2(tuple):
    __slots__ = ()
te = TE1((3,))
te.__class__ = TE2
print(type(te).__name__, te)
try:
    t.__class__ = S1
except TypeError as e:
    print(type(e).__name__, e)

class I1(int):
    pass
class I2(int):
    pass
i = I1(7)
i.n = 1
try:
    i.__class__ = I2
except TypeError as e:
    print(type(e).__name__, e)
print(type(i).__name__, i + 1, i.n)

class P1:
    __slots__ = ("a", "b")
class P2:
    __slots__ = ("b", "a")
class P3:
    __slots__ = ("a",)
p = P1()
p.a = 1
p.__class__ = P2
print(type(p).__name__, p.a)
try:
    p.__class__ = P3
except TypeError as e:
    print(type(e).__name__, e)

# dict + slots mixes
class D1:
    __slots__ = ("a", "__dict__")
class D2:
    __slots__ = ("a", "__dict__")
d = D1()
d.a, d.z = 1, 2
d.__class__ = D2
print(d.a, d.z, vars(d))

class Plain:
    pass
class Plain2:
    pass
pl = Plain()
pl.__class__ = Plain2
print(type(pl).__name__)
try:
    pl.__class__ = P1
except TypeError as e:
    print(type(e).__name__, e)
try:
    pl.__class__ = object
except TypeError as e:
    print(type(e).__name__, e)
try:
    del pl.__class__
except TypeError as e:
    print(type(e).__name__, e)

# deep hierarchies over variable-size builtins keep their tails apart
class B0(bytes):
    pass
class B1(B0):
    pass
class B2(B1):
    __slots__ = ()
b = B2(b"xyz" * 7)
b.deep = "ok"
print(b, b.deep, B2.__mro__[1:3])
class SS1(str):
    __slots__ = ("p",)
class SS2(SS1):
    __slots__ = ("q",)
class SS3(SS2):
    pass
v = SS3("s" * 33)
v.p, v.q, v.r = 1, 2, 3
print(v.p, v.q, v.r, len(v), vars(v), sorted(SS2.__slots__))
for n in range(40):
    w = SS3("w" * n)
    w.p, w.q, w.r = n, -n, [n]
    assert (w.p, w.q, w.r, len(w)) == (n, -n, [n], n)
print("tails ok")

# the same for tuple subclasses of any length
class TT(tuple):
    pass
class TT2(TT):
    __slots__ = ()
for n in range(12):
    x = TT2(range(n))
    x.val = n
    assert x.val == n and len(x) == n
print("tuple tails ok")

# __sizeof__ grows with the tail
print(S1("ab").__sizeof__() >= "ab".__sizeof__())
