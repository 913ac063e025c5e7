# bitwise operators and shifts, negative and big operands
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 5, -6, 255, -256, 2**62 - 1, -2**62, 2**62, 2**100 + 12345, -2**100 - 7, True]
for a in vals:
    print(a, [a & b for b in vals])
    print(a, [a | b for b in vals])
    print(a, [a ^ b for b in vals])
    print(~a, -a - 1 == ~a)
for a in [1, -1, 3, -3, 2**61, -2**61, 2**100 + 1, -2**100 - 1, 0]:
    print(a, [a << n for n in (0, 1, 2, 30, 61, 62, 63, 64, 100)])
    print(a, [a >> n for n in (0, 1, 2, 30, 61, 62, 63, 64, 100, 1000)])
print(1 << 62, (1 << 62) - 1, -(1 << 62), 1 << 200 >> 199, -1 >> 10**30, 5 >> 10**30, 0 << 10**30)
t(lambda: 1 << -1)
t(lambda: 1 >> -1)
t(lambda: 1 << -(10**30))
t(lambda: 1 << 2**64)
t(lambda: 1 & 1.0)
t(lambda: 1.0 | 1)
t(lambda: ~1.5)
t(lambda: 1 << 1.0)
x = 6
x &= 3
x |= 8
x ^= 1
x <<= 3
x >>= 1
print(x)
print(True & True, True | False, True ^ True, False ^ 1, type(True & 1).__name__, ~False)
