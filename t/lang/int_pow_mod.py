# pow() with a modulus
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(pow(2, 10, 1000), pow(2, 100, 1000007), pow(3, 200, 2**64), pow(7, 10**20, 13))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5), pow(0, 0, 7), pow(5, 0, 1), pow(5, 3, 1), pow(5, 3, -1))
print(pow(2, -1, 7), pow(3, -2, 11), pow(-3, -1, 10), pow(2, -1, -7), pow(10**20, -1, 10**9 + 7))
print(pow(38, -1, 97) * 38 % 97, pow(2**100 + 1, 2**100, 2**61 - 1))
print(pow(123456789, 987654321, 10**18 + 9), pow(-(10**30), 3, 10**15 + 37))
print(pow(True, 5, 3), pow(2, True, 3), pow(5, 2, True))
t(lambda: pow(2, 3, 0))
t(lambda: pow(2, -1, 4))
t(lambda: pow(0, -1, 5))
t(lambda: pow(2, 3.0, 5))
t(lambda: pow(2.0, 3, 5))
t(lambda: pow(2, 3, 5.0))
t(lambda: pow(2, 3, "5"))
t(lambda: pow("2", 3, 5))
t(lambda: pow(2, 3, None))
t(lambda: pow(2, -1, 1))
t(lambda: pow(4, -1, -1))
for m in [2, 3, 5, 7, 13, 97, 2**31 - 1]:
    print(m, [pow(a, -1, m) for a in range(1, min(m, 8))])
