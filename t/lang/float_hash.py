# hash(float) follows CPython, so sets and dicts of floats iterate in CPython's order
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 0.1, 1e-300, 5e-324, 1e300, 1.7976931348623157e308,
        2.0**61, 2.0**62, 2.0**-61, 3.141592653589793, 123456.789, float('inf'), float('-inf'), 1e16, 1e22]
for v in vals:
    print(repr(v), hash(v), hash(v) == hash(int(v)) if abs(v) != float('inf') and v == int(v) else '-')
print({0.1 * i for i in range(20)})
print({1.5, 2.5, 3.5, 0.25, -0.75, 1e10, 1e-10, 100.0, 3, 7})
print(set([x / 7 for x in range(30)]))
d = {}
for i in range(25):
    d[i * 0.37] = i
print(list(d.items())[:5], len(d))
print({1.0: 'a', 1: 'b'}, {0.0: 1, -0.0: 2, False: 3})
n = float('nan')
print(hash(n) == hash(n), {n: 1}[n], len({float('nan'), float('nan')}), len({n, n}))
