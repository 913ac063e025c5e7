# thousands separators for ints, including zero padding through the groups
def t(v, s):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)

for v in [0, 1, -1, 12, 123, 1234, -1234, 12345, 123456, 1234567, -1234567, 10**20, -10**20 - 1, 2**70]:
    for s in [',', '_', ',d', '_d', '_b', '_o', '_x', '_X', '#_x', '#_b', '012,', '012_', '09,', '08,',
              '07,', '06,', '05,', '1,', '015,d', '+015,', ' 015,', '0=15,', '*=15,', '*>15,', '*<15,',
              '^15,', '012_x', '#012_x', '#012_b', '+#015_o', ',.2f', '_e', ',%']:
        t(v, s)
for s in [',b', ',o', ',x', ',X', ',n', '_n', ',c', '_c', ',,', '__', ',_', '_,', ',s']:
    t(1234, s)
for w in range(1, 16):
    print(w, repr(format(1234567, '0%d,' % w)), repr(format(-1234567, '0%d_' % w)), repr(format(0xabcdef, '0%d_x' % w)))
