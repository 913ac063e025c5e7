# infinities and nans through arithmetic and conversions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

inf, nan = float('inf'), float('nan')
print(inf + 1, inf - inf, inf * 0, inf * -1, -inf * -inf, inf / inf, 1 / inf, -1 / inf, inf / -2)
print(nan + 1, nan * 0, nan - nan, -nan, abs(-inf), inf > 10**1000, -inf < -10**1000)
print(inf % 2, 2 % inf, -2 % inf, 2 % -inf, inf // 2, 2 // inf, -2 // inf, divmod(5, inf), divmod(-5, inf))
print(str(inf), repr(-inf), str(nan), f'{inf}', f'{-inf:>6}', '%f' % inf, '%e' % -inf, '%g' % nan)
print(float('inf') == float('infinity'), float('-Infinity'), 1e309, -1e309, 1e308 * 10 == inf)
t(lambda: int(inf))
t(lambda: int(-inf))
t(lambda: int(nan))
t(lambda: inf.as_integer_ratio())
t(lambda: nan.as_integer_ratio())
t(lambda: round(inf))
t(lambda: round(nan))
t(lambda: round(inf, 3))
t(lambda: inf // 0)
t(lambda: nan % 0)
t(lambda: divmod(inf, 0))
print(inf == inf, inf != inf, nan is nan, [inf].count(inf), inf.is_integer(), nan.is_integer())
print(hash(inf), hash(-inf), inf.hex(), (-inf).hex(), nan.hex())
