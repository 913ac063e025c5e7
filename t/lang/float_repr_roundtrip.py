# repr(float) is the shortest string that reads back exactly: a sweep of values
# from a linear congruential generator across the whole exponent range
seed = 2024
same = 0
lines = []
for i in range(3000):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    bits = seed >> 1
    # build a double from random bits via hex: mantissa 52 bits, exponent in range
    mant = bits & (2**52 - 1)
    exp = (bits >> 52) % 2046 - 1022
    x = float.fromhex('0x1.%013xp%d' % (mant, exp))
    if seed & 1:
        x = -x
    r = repr(x)
    if float(r) == x:
        same += 1
    if i % 10 == 0:
        lines.append(r)
print(same)
for r in lines:
    print(r)
for k in range(1, 60):
    print(repr(2.0 ** k), repr(2.0 ** -k), repr(10.0 ** k / 3), repr(1 / 7 * 10.0 ** -k))
