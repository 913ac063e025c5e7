# set and frozenset subclasses: reprs, results of operations
class S(set):
    pass
s = S([1, 2])
print(s, type(s).__name__, s | {3}, type(s | {3}).__name__, type(s.copy()).__name__, S())
class F(frozenset):
    pass
f = F([1, 2])
print(f, type(f).__name__, type(f | {3}).__name__, hash(f) == hash(frozenset([1, 2])), F())
print(f.copy() is f, type(f.copy()).__name__, frozenset(f) is f)
r = S([1])
r.add(r.__class__.__name__ and 5)
print(r, sorted(r))
t = S()
t.add(frozenset())
print(t)
class Rec(set):
    pass
x = Rec()
print(repr(x), x == set(), set() == x)
try:
    S([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
