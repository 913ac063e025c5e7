# float arithmetic, mixed with ints and bools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, 5e-324, 3, -7, 2**62, 10**20, True]
for a in vals:
    print(repr(a), [a + b for b in vals])
    print(repr(a), [a - b for b in vals])
    print(repr(a), [a * b for b in vals])
print(0.1 + 0.2, 0.1 * 3, 1 - 0.9, 1e16 + 1, 1e16 + 2, 2**53 + 1.0, 3 * 1.1, 1.1 * 3)
print(7.0 / 2, -7.0 / 2, 7 / 2.0, 1 / 3.0, 1e308 * 10, -1e308 * 10, 1e-320 / 10, 5e-324 / 2)
print(-(0.0), -(-0.0), +(-0.0), abs(-0.0), abs(-1.5), abs(float('-inf')), -float('nan'))
t(lambda: 1.0 / 0)
t(lambda: 1.0 / 0.0)
t(lambda: 0.0 / 0.0)
t(lambda: 1 / 0.0)
t(lambda: 1.5 / False)
t(lambda: 1.5 + 10**400)
t(lambda: 10**400 * 1.0)
t(lambda: 10**400 - 0.5)
t(lambda: 1.5 + 'a')
t(lambda: 'a' * 1.5)
t(lambda: [1] * 2.0)
t(lambda: 1.5 @ 2.0)
x = 1.5
x += 1
x *= 2
x -= 0.5
x /= 4
print(x)
s = 0.0
for i in range(1000):
    s += i * 0.001
print(s)
print(sum([0.1] * 10), sum([1.5, 2, 3]), sum([1, 2.5]), sum([]) + 0.0)
