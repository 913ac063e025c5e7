# format() of floats: e f % and the default type, with precision, signs and padding
def t(v, s):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)

vals = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 1234.5678, -1234.5678, 1e16, 1e-5, 123456789.0, 0.1,
        1e300, 5e-324, 100.0, 1.5e-7, 99.99, 0.000123456]
specs = ['', '.0', '.1', '.2', '.3', '.10', '.17', 'e', '.0e', '.3e', '#.0e', 'E', '.12E', 'f', '.0f',
         '.2f', '#.0f', '.10f', 'F', '%', '.0%', '.1%', '#.0%', '+', ' ', '+.2f', ' .2e', '10.2f', '<10.2f',
         '^12.3e', '=+12.2f', '*^14.4f', '012.3f', '012', '0>12', '0<12', '-012.1f', 'z', 'z.2f', 'z.0e',
         '#', '#.3', '#.0', '15', 'n', '.3n', 'd', 'x', 's', 'c', 'b']
for v in vals:
    for s in specs:
        t(v, s)
t(1.0, '.100f')
t(1.0, '.200e')
t(0.1, '.60f')
t(2.0**-1074, '.1100f')
