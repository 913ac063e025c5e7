# self-containing lists print as [...], nesting works
a = [1, 2]
a.append(a)
print(a)
print(repr(a), str(a))
b = [a, [a]]
print(b)
c = []
c.append(c)
c.append(c)
print(c)
d = {'k': []}
d['k'].append(d)
print(d)
e = [1]
f = [e]
e.append(f)
print(e, f)
t = ([],)
t[0].append(t)
print(t)
print(a == a, c[0] is c)
deep = []
cur = deep
for i in range(50):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(deep)
print([[[[]]]], [(), [()], {}], [[1, [2, [3, [4]]]]])
print([1.5, 'a', None, True, b'x'[:0], (1, 2)])
