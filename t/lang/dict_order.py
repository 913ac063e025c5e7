# insertion order survives deletion, reinsertion, resizing and copying
d = {}
for i in range(10):
    d[i] = i
for i in range(0, 10, 2):
    del d[i]
print(list(d))
d[4] = 'back'
d[0] = 'back'
d[3] = 'updated'
print(d)
for i in range(100, 140):
    d[i] = None
for i in range(100, 139):
    del d[i]
print(list(d))
print(list(d.copy()), list(dict(d)), list({**d}))
s = {}
for w in 'the quick brown fox jumps over the lazy dog'.split():
    s[w] = s.get(w, 0) + 1
print(s)
print(list(s.items())[:3], list(s.values()))
t = dict.fromkeys('mississippi')
print(list(t))
u = {'b': 1, 'a': 2}
u.update({'c': 3, 'a': 4})
print(u)
v = {}
v.setdefault('z', 1)
v.setdefault('y', 2)
v.setdefault('z', 3)
print(v)
w = {1: 1, 2: 2, 3: 3}
w.pop(1)
w[1] = 1
print(w)
x = dict(zip(range(10, 0, -1), 'abcdefghij'))
print(x, sorted(x), list(reversed(x)))
keys = [(i * 37) % 101 for i in range(101)]
y = {k: 1 for k in keys}
print(list(y) == keys)
for k in keys[::2]:
    del y[k]
print(list(y) == keys[1::2])
