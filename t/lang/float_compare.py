# float comparisons: nan, signed zero, infinities, exact comparison with ints
inf, nan = float('inf'), float('nan')
vals = [-inf, -1e308, -1.5, -0.0, 0.0, 5e-324, 1.0, 1.5, 2.0**53, 1e308, inf, nan]
for a in vals:
    print(repr(a), ''.join('<' if a < b else '=' if a == b else '>' if a > b else '?' for b in vals),
          [a <= b for b in vals] == [not (a > b) for b in vals])
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 1, nan != 1, 1 != nan, 10**400 == nan, 10**400 != nan)
print(0.0 == -0.0, 0.0 < -0.0, 1.0 == 1, 1.5 == 1, 2.0**60 == 2**60, 2.0**60 == 2**60 + 1)
print(2.0**60 < 2**60 + 1, 2.0**60 > 2**60 - 1, float(2**63) == 2**63, -1e20 < -10**20 + 1)
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 1e16 + 1 == 1e16, max(0.0, -0.0), min(-0.0, 0.0))
print(sorted([3.5, -1, 2**70, float('-inf'), 0.0, -0.0, 1e-300, 7]))
print([x for x in [1.0, 2.0, nan, 3.0] if x == x], nan in [nan], float('nan') in [float('nan')])
l = [nan]
print(l == l, [nan] == [nan], (nan,) == (nan,), l.count(nan), l.index(nan))
