# floor division and modulo sign tables (ints)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

nums = [7, -7, 0, 1, -1, 3, -3, 2**62, -2**62, 2**62 - 1, -2**62 - 1, 10**20 + 3, -10**20 - 3, True]
dens = [3, -3, 1, -1, 2, -2, 7, 2**62, -2**62, 10**20, -10**20, True]
for a in nums:
    print(a, [a // b for b in dens])
    print(a, [a % b for b in dens])
    print(a, [divmod(a, b) for b in dens])
for a in nums:
    for b in dens:
        q, r = divmod(a, b)
        assert q * b + r == a, (a, b)
        assert r == 0 or (r > 0) == (b > 0), (a, b)
print((-2**62) // -1, type((-2**62) // -1).__name__, (-2**62) % -1)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: divmod(1, 0))
t(lambda: 10**30 // 0)
t(lambda: 10**30 % False)
t(lambda: divmod(-10**30, 0))
t(lambda: 1 // "a")
t(lambda: divmod(1, "a"))
t(lambda: divmod("a", 1))
x = 17
x //= 5
print(x)
x %= 2
print(x)
print(-1 % 10**40, -(10**40) // 7, 10**40 % -7)
