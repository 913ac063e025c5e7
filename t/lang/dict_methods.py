# dict methods: get, setdefault, pop, popitem, update, clear, copy, fromkeys
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.get('a', 0))
try:
    d.get()
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.get(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.get([])
except TypeError as e:
    print(type(e).__name__, e)
print(d.setdefault('a', 100), d.setdefault('c', 3), d.setdefault('n'), d)
try:
    d.setdefault()
except TypeError as e:
    print(type(e).__name__, e)
print(d.pop('n'), d.pop('zz', 'dflt'), d)
try:
    d.pop('zz')
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.pop((1, 2))
except KeyError as e:
    print(type(e).__name__, e.args)
try:
    d.pop()
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.pop([])
except KeyError as e:
    print(type(e).__name__, e)
try:
    {1: 1}.pop([])
except TypeError as e:
    print(type(e).__name__, e)
print(d.popitem(), d)
d['x'] = 9
print(d.popitem(), d.popitem(), d)
d.update({'p': 1})
d.update([('q', 2)], r=3)
d.update(s=4)
d.update()
d.update(d)
print(d)
d.update({'p': 100}.items())
print(d)
try:
    d.update(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update([(1,)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.update([5])
except TypeError as e:
    print(type(e).__name__, e)
c = d.copy()
c['new'] = 1
print(d, c, c == d, type(c).__name__)
print(d.clear(), d, c)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys({3: 4}), dict.fromkeys(range(3), []))
f = dict.fromkeys('ab', [])
f['a'].append(1)
print(f)
try:
    dict.fromkeys()
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict.fromkeys(5)
except TypeError as e:
    print(type(e).__name__, e)
print({}.fromkeys([1]), dict.fromkeys([1, 1, 2]))
# popitem is LIFO, also after deletions
g = {i: i for i in range(6)}
del g[5]
del g[2]
print([g.popitem() for _ in range(len(g))])
g[1] = 1
g[0] = 0
print(g, g.popitem())
h = {}
for i in range(10):
    h[i] = i
    if i % 3 == 0:
        h.popitem()
print(h)
print(d.__contains__('x'), c.__contains__('new'), c.__getitem__('new'), c.__len__())
