# dict subclasses: __missing__, overridden methods, constructor behaviour
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
c['a'] += 1
c['a'] += 1
print(c, c['zzz'], 'zzz' in c, c.get('zzz'), len(c))
class Default(dict):
    def __missing__(self, key):
        self[key] = v = [key]
        return v
d = Default(a=1)
print(d['b'], d, type(d).__name__, isinstance(d, dict))
class Raiser(dict):
    def __missing__(self, key):
        raise LookupError('no ' + str(key))
try:
    Raiser()['q']
except LookupError as e:
    print(type(e).__name__, e)
class Plain(dict):
    pass
p = Plain({1: 2}, x=3)
print(p, p.copy(), type(p.copy()).__name__, type(p | {}).__name__)
try:
    p[5]
except KeyError as e:
    print(type(e).__name__, e)
print(dict.fromkeys.__self__ is dict, type(Plain.fromkeys('ab')).__name__, Plain.fromkeys('ab'))
class Upper(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k.upper(), v)
u = Upper.fromkeys(['a', 'b'], 1)
print(u)
u['c'] = 2
print(u, dict(u), Upper(x=1))
class Keys:
    def keys(self):
        return ['k1', 'k2']
    def __getitem__(self, k):
        return k * 2
print(dict(Keys()), {**Keys()})
e = {}
e.update(Keys())
print(e)
