# format() of ints: presentation types, signs, alternate forms, alignment, fill
def t(v, s):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)

specs = ['', 'd', 'b', 'o', 'x', 'X', 'n', 'c', '#b', '#o', '#x', '#X', '+d', '-d', ' d', '+x', ' #o',
         '10', '<10', '>10', '^10', '=10', '*<10', '*>10', '*^10', '*=10', '0=10', '010', '010x', '#010x',
         '+010', ' 010', '-010', '^+10', '=+10', '#^12b', 'e', '.2e', 'f', '.1f', 'g', '%', '.0%', 'G', 'E', 'F',
         '\u20ac^9', '\U0001f600>5', '0>5', '0<5', '0^5', '00', '1', '#', '+', 'z', '.1', 's', 'r', 'q', ',c']
for v in [0, 1, -1, 42, -42, 255, -255, 65, 2**64, -2**64, 10**25, True, False]:
    for s in specs:
        t(v, s)
t(0x110000, 'c')
t(0x10FFFF, 'c')
t(-1, 'c')
t(2**100, 'c')
t(2**1100, 'e')
for s in ['d', 'x', ',', 'e', 'b']:
    try:
        r = format(10**5000, s)
        print(s, len(r), r[:20])
    except Exception as e:
        print(s, type(e).__name__, e)
