# enumerate
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate('abc', -2)), list(enumerate([])))
print(list(enumerate('ab', start=10)), list(enumerate(iterable='ab')), list(enumerate(start=5, iterable='xy')))
print(list(enumerate(range(3), 10**20)), list(enumerate('ab', True)))
print(list(enumerate('ab', 2**63 - 1)), list(enumerate('abc', 2**62 - 1)))
e = enumerate('xyz')
print(type(e).__name__, iter(e) is e, next(e), next(e), list(e), list(e))
for args, kw in [((), {}), (('a', 1, 2), {}), (('a',), {'x': 1}), ((5,), {}), (('a', 'b'), {}), (('a', 1.5), {})]:
    try:
        enumerate(*args, **kw)
    except TypeError as ex:
        print(type(ex).__name__, ex)
try:
    enumerate(start=1)
except TypeError as ex:
    print(type(ex).__name__, ex)
for i, (a, b) in enumerate(zip('ab', 'cd')):
    print(i, a, b)
d = {}
for i, k in enumerate(d):
    print('never')
print(dict(enumerate('hey')))
class E(enumerate):
    pass
print(list(E('ab', 3)), type(E('a')).__name__)
