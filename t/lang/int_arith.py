# int + - * across the tagged/big boundary (2**62) and with bools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

B = 2**62
vals = [0, 1, -1, 7, -7, B - 1, B, -B, -B - 1, 2**63 - 1, 2**63, -2**63, 2**64, -2**64 + 1,
        10**30, -10**30, True, False]
for a in vals:
    for b in vals:
        print(a + b, a - b, a * b)
print(type(B - 1 + 1), (B - 1) + 1 == B, B - 1 + 1 - 1 == B - 1)
x = 1
for i in range(100):
    x = x * 3 + i
print(x)
for i in range(100):
    x = x - 3 ** (99 - i) * 2
print(x)
print(-(-B), -(B - 1), -(-B - 1), +B, +(-B), abs(-B), abs(-B - 1), abs(B - 1), abs(-10**40))
print(sum(range(10**6)), sum([2**62] * 4), sum([-2**62] * 4))
t(lambda: 1 + "a")
t(lambda: "a" + 1)
t(lambda: 1 - None)
t(lambda: [1] * 3)
t(lambda: 3 * "ab")
t(lambda: 2**62 * [0][:0])
t(lambda: 1 * 1.5)

a = 5
a += 2**70
print(a)
a -= 2**70
print(a, type(a).__name__)
a *= -2**62
print(a)
