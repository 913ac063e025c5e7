# float // % divmod: signs, exact remainders, zero division messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

nums = [7.0, -7.0, 7.5, -7.5, 0.0, -0.0, 1e300, -1e-300, 3, -3, float('inf'), float('nan')]
dens = [2.0, -2.0, 0.5, -0.5, 3, -3, 1e-300, 0.1, float('inf'), float('-inf'), True]
for a in nums:
    print(repr(a), [a // b for b in dens])
    print(repr(a), [a % b for b in dens])
    print(repr(a), [divmod(a, b) for b in dens])
print(0.3 // 0.1, 0.3 % 0.1, divmod(0.3, 0.1), 1.0 // 0.1, 1.0 % 0.1, -1.0 % 0.1)
print(5 % 1.5, -5 % 1.5, 5 // -1.5, 2**60 % 7.5, 1e20 % 3, 1e20 // 3)
t(lambda: 1.0 // 0)
t(lambda: 1.0 % 0)
t(lambda: divmod(1.0, 0))
t(lambda: 1 // 0.0)
t(lambda: 1 % 0.0)
t(lambda: divmod(1, 0.0))
t(lambda: 1.0 % False)
t(lambda: divmod(1.5, 'a'))
t(lambda: 10**400 // 1.5)
x = 7.5
x //= 2
print(x)
x %= 1.5
print(x)
