# iteration order of int sets after adds, deletes, resizes, copies (must match CPython)
state = 99
def rnd():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state
for n in (5, 8, 20, 50, 200):
    s = set()
    for _ in range(n):
        s.add(rnd() % (n * 3))
    print(n, list(s))
    for x in list(s)[::3]:
        s.discard(x)
    print(list(s))
    for _ in range(n // 2):
        s.add(rnd() % (n * 5))
    print(list(s))
    print(list(s.copy()), list(set(s)), list(frozenset(s)))
    print(list(s | {1000, 1001}), list(s & set(range(0, 1000, 2))), list(s - set(range(0, 1000, 3))))
    print(list(s ^ set(range(10))))
a = {1, 9}
a.discard(1)
a.add(17)
print(a)
b = set(range(8))
b.discard(3)
b.add(11)
b.add(19)
print(b)
c = {0}
for i in range(1, 40):
    c.add(i * 8)
print(c)
d = set(range(100))
for i in range(0, 100, 2):
    d.remove(i)
print(d)
d.add(1000)
print(d)
e = {-5, -1, 0, 4, 2**40, -2**40, 2**63, -2**63, 2**64 + 3}
print(e)
print({x for x in range(-20, 20, 3)})
print(set([100] * 3 + [200, 8, 16]))
f = set()
for i in range(30):
    f.add(i)
    if i % 4 == 0:
        f.pop()
print(f)
g = set(range(1000))
g.difference_update(range(10, 1000))
print(g)
h = set(range(20))
h.intersection_update(range(5, 8))
print(h, set(range(30)).intersection(range(25, 40)), set(range(5)).union(range(3, 12)))
print(set(range(6)).symmetric_difference(range(4, 9)), set(range(6)) ^ frozenset(range(4, 9)))
