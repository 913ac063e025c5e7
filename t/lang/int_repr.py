# repr / str of ints, big ints and the 4300-digit limit
def t(f):
    try:
        r = f()
        print(r if len(r) < 100 else (len(r), r[:20], r[-20:]))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, -0, 1, -1, 9, 10, 99, 100, 2**62 - 1, -2**62, 2**63, -2**63 - 1, 10**18, 10**19, -10**19,
          2**64, 10**50, -10**50 + 1, True, False]:
    print(repr(v), str(v), v.__repr__(), v.__str__(), '%d' % v, f'{v}')
t(lambda: str(10**4299))
t(lambda: str(10**4300 - 1))
t(lambda: str(10**4300))
t(lambda: str(-10**4300))
t(lambda: repr(10**5000))
t(lambda: f'{10**5000}')
t(lambda: hex(10**5000)[:10])
t(lambda: bin(2**20000)[:10])
t(lambda: oct(-2**9000)[:10])
print(hex(0), hex(255), hex(-255), hex(2**100), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(True))
print(str(123456789 * 10**30), str(-123456789 * 10**30))
