# keys / values / items views: live, repr, membership, len, reversed
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i), 'a' in k, 1 in v, ('a', 1) in i, ('a', 2) in i, 'a' in i)
print(type(k).__name__, type(v).__name__, type(i).__name__)
d['d'] = 4
del d['a']
print(k, v, i)
print(list(k), list(v), list(i))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(type(reversed(d)).__name__, type(reversed(k)).__name__, type(iter(i)).__name__)
print((1, 2, 3) in i, [] in v)
try:
    ([1], 2) in i
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in k
except TypeError as e:
    print(type(e).__name__, e)
print(k.mapping, v.mapping['b'], i.mapping == d)
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
it = iter(i)
print(it.__length_hint__(), next(it), it.__length_hint__())
x = {1: 'x'}
x[2] = x.values()
print(x)
y = {}
y['self'] = y.items()
print(y)
print(k == {'b', 'c', 'd'}, k == {'b'}, i == {('b', 2), ('c', 3), ('d', 4)}, v == v, v == d.values())
try:
    hash(k)
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(i)
except TypeError as e:
    print(type(e).__name__, e)
print(hash(v) == hash(v))
