# dict construction, item access, deletion, membership
print({}, {1: 2}, {'a': 1, 'b': [2]}, dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]))
print(dict({1: 2}, x=3), dict([('a', 1)], a=2), dict(zip('abc', range(3))))
print(dict(((i, i * i) for i in range(4))), {i: -i for i in range(3)})
d = {'x': 1, 'y': 2}
print(d['x'], len(d), 'x' in d, 'z' in d, 'z' not in d)
try:
    d['z']
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    d[[1]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[[1]] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] in d
except TypeError as e:
    print(type(e).__name__, e)
d['z'] = 3
d['x'] = 10
print(d)
del d['y']
print(d)
try:
    del d['y']
except KeyError as e:
    print(type(e).__name__, e)
try:
    del d[()]
except KeyError as e:
    print(type(e).__name__, e, e.args)
# equal keys of different types are the same key
e = {1: 'int'}
e[1.0] = 'float'
e[True] = 'bool'
print(e)
e[2.0] = 'two'
print(e, e[2], 2 in e)
print({0: 'a', False: 'b', 0.0: 'c'}, {-0.0: 1, 0: 2})
try:
    dict(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict(['ab', 'cde'])
except ValueError as e:
    print(type(e).__name__, e)
print(dict(['ab', 'cd']))
try:
    dict({}, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
print(dict.__hash__, bool({}), bool({0: 0}))
big = {i: str(i) for i in range(1000)}
print(len(big), big[999], big[0], sum(big), list(big)[-3:])
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], 3 in big, 4 in big)
nan = float('nan')
n = {nan: 1}
print(n[nan] if nan in n else 'missing', len({float('nan'): 1, float('nan'): 2}))
