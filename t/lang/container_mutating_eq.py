# comparisons that mutate the containers being searched must never crash
class Evil:
    def __init__(self, target, h=0):
        self.target = target
        self.h = h
    def __eq__(self, other):
        t = self.target
        if isinstance(t, list):
            t.clear()
        elif isinstance(t, dict):
            t.clear()
        elif isinstance(t, set):
            t.clear()
        return False
    def __hash__(self):
        return self.h
l = []
l.extend([Evil(l), Evil(l), 3])
print(3 in l, l.count(3), len(l))
l = []
l.extend([Evil(l), 1, 2])
try:
    print(l.index(2))
except ValueError as e:
    print(type(e).__name__, e)
l = []
l.extend([Evil(l), 1])
try:
    l.remove(1)
except ValueError as e:
    print(type(e).__name__, e)
print(l)
d = {}
d[Evil(d, 1)] = 1
d[Evil(d, 2)] = 2
print(Evil(None, 1) in d, len(d))
s = set()
s.add(Evil(s, 1))
s.add(Evil(s, 9))
print(Evil(None, 1) in s, len(s))
s = set()
s.add(Evil(s, 1))
s.add(Evil(None, 1))
print(len(s))
a = []
b = []
a.extend([Evil(a), 1])
b.extend([Evil(b), 1])
print(a == b, a < b, len(a), len(b))
x = [Evil(None)] * 3
y = [Evil(None)] * 3
print(x == y, x != y)
class Grow:
    def __init__(self, l):
        self.l = l
    def __eq__(self, other):
        self.l.append(Grow(self.l))
        return len(self.l) > 20
l = []
l.append(Grow(l))
print(Grow([]) in l, len(l))
class Reprs:
    def __init__(self, l):
        self.l = l
    def __repr__(self):
        self.l.clear()
        return 'R'
l = []
l.extend([Reprs(l), Reprs(l), 1])
print(l, len(l))
class SortKey:
    def __init__(self, v, l):
        self.v = v
        self.l = l
    def __lt__(self, other):
        self.l.append(0)
        return self.v < other.v
l = []
l.extend([SortKey(3, l), SortKey(1, l)])
try:
    l.sort()
except ValueError as e:
    print(type(e).__name__, e)
print(len(l), [k.v for k in l if isinstance(k, SortKey)])
