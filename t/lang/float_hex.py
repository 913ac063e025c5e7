# float.hex / float.fromhex
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.0, 3.0, 1e300, 5e-324, 1e-310, 2.2250738585072014e-308,
          1.7976931348623157e308, 3.141592653589793, float('inf'), float('-inf'), float('nan')]:
    h = v.hex()
    print(repr(v), h, float.fromhex(h) == v or v != v)
for s in ['0x1p0', '0x1.8p1', '-0x1p-1', '1p0', '0X1P+2', 'a', 'A.8', '0x.8', '0x1.', '0x10', ' 0x1p4 ',
          '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023', '0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075',
          '0x3p-1076', '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.000000000000081p0',
          'inf', '-Infinity', 'nan', '+nan', '0x1p99999999999999999999', '0x1p-99999999999999999999',
          '0x' + 'f' * 300 + 'p-1200', '0x0p0', '-0x0p0', '0x0000001p0']:
    t(lambda: float.fromhex(s))
for s in ['', 'x', '0x', '0xp1', '0x1p', '0x1p+', '1.2.3', '0x1q', '0x1p1.5', '--1', '0x 1', '0x1 p1']:
    t(lambda: float.fromhex(s))
t(lambda: float.fromhex('0x1p1024'))
t(lambda: float.fromhex('0x1.fffffffffffff8p1023'))
t(lambda: float.fromhex(5))
t(lambda: (1.5).hex(1))
