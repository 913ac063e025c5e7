# hash() of ints and bools follows CPython's algorithm (value mod 2**61 - 1)
M = 2**61 - 1
for v in [0, 1, -1, -2, 2, 100, -100, 2**31, 2**32, 2**60, 2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1,
          -2**61 + 1, -2**61, -2**61 - 1, 2**62, -2**62, 2**63, 2**64, 2**122, 10**20, -10**20,
          10**100, -10**100, M * 12345, -M * 7 - 1, True, False]:
    h = hash(v)
    print(v, h, h == hash(float(v)) if abs(v) < 2**1000 else '-')
print(hash(10**30) == hash(1e30), hash(2**80) == hash(2.0**80), hash(-1) == hash(-2))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False))
d = {1: 'a', 1.0: 'b', True: 'c', 2**64: 'd', float(2**64): 'e'}
print(d)
s = {10**20, 1e20, 2**62, 2.0**62, -1, -1.0, -2}
print(sorted(s), len(s))
print({i * 2**61 for i in range(-3, 4)})
print(set(range(-5, 6)), {-1, -2, -3, 1, 2, 3})
