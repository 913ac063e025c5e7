# round() of floats: ties to even, correctly rounded decimal rounding
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370495.5,
          4503599627370497.0, 1e16, -1e16, 0.0, -0.0, 1e300, 2.4, -2.6]:
    print(repr(v), round(v), type(round(v)).__name__, round(v, 0), round(v, 1))
for v in [2.675, 2.665, 1.005, 0.125, 0.375, -0.125, 1234.5678, -1234.5678, 0.1, 1e-10, 5e-324,
          123456789.987654321, 1.23456789e20, 0.285, 0.045, 1.45, 2.5, 15.0, 25.0, 35.0]:
    print(repr(v), [round(v, n) for n in (-3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 300, 400)])
print(round(1.7e308, -307), round(-1.7e308, -307), round(1e-300, 300), round(1.5, -400), round(-1.5, -400))
print(round(5e-324, 323), round(5e-324, 324), round(0.5, 2**70), round(0.5, -2**70))
t(lambda: round(1.7e308, -308))
t(lambda: round(float('inf')))
t(lambda: round(float('-inf')))
t(lambda: round(float('nan')))
t(lambda: round(float('inf'), 2))
t(lambda: round(float('nan'), 0))
t(lambda: round(2.5, 1.0))
t(lambda: round(2.5, None))
t(lambda: round(2.5, ndigits=1))
t(lambda: round(number=2.5))
t(lambda: round('2.5'))
t(lambda: round())
t(lambda: (2.5).__round__(1, 2))
