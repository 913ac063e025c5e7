# format() of floats: g / G and the no-type form, around the notation switch points
def t(v, s):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)

vals = [0.0, -0.0, 1.0, 9.5, 9.9999, 10.0, 99.96, 100.0, 123.456, 1e5, 123456.0, 999999.5, 1e6, 1234567.0,
        1e15, 1e16, 1e17, 0.001, 0.0001, 0.00001, 0.000099999, 1.5e-5, 1e-300, 1e300, 5e-324,
        float('inf'), float('-inf'), float('nan')]
for v in vals:
    print(repr(v), [format(v, s) for s in ['g', 'G', '.0g', '.1g', '.2g', '.3g', '.6g', '.10g', '.17g', '#g', '#.3g', '#.1g']])
    print(repr(v), [format(v, s) for s in ['', '.0', '.1', '.2', '.3', '.6', '.16', '.17', '#', '#.3', '#.0', 'n', '.2n']])
for s in ['+g', ' g', '10g', '<10g', '010g', ',g', '_g', ',.3g', '+,', '_', ',.10', 'z.3g', 'z']:
    for v in [-0.0, 1234567.891, -0.00001234, 12345678901234.0]:
        t(v, s)
