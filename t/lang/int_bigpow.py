# big powers and factorials
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(2**200)
print(-2**200, (-2)**201, (-2)**200)
print(3**100, 7**77)
for n in (10, 20, 21, 25, 50, 100, 170):
    print(n, fact(n))
print(fact(500) // fact(498), fact(300) % 1000003)
print(len(str(fact(1000))), str(fact(1000))[:50], str(fact(1000))[-10:])
print(2**64 - 1, 2**64, 2**128 // 3, 10**50 // 7)
print(0**0, 0**5, 1**10**6, (-1)**10**6, (-1)**(10**6 + 1), 2**0, (-5)**3)
print(pow(10, 30), pow(-3, 41), pow(2, 62), pow(2, 63), pow(-2, 63), pow(-2, 62))
print(2**-1, 2**-2, (-2)**-3, 10**-5, 3**-40)
try:
    print(0**-1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print((2**1100)**-1)
except OverflowError as e:
    print(type(e).__name__, e)
print(2**1000 * 2**-1000 == 1, (2**100)**3 == 2**300, (10**20)**2)
x = 1
for i in range(64):
    x <<= 1
print(x, x >> 64, x - 1, (x - 1).bit_length())
print(int('9' * 100) + 1 == 10**100, 10**100 - 1 == int('9' * 100))
print(12345678901234567890 * 98765432109876543210)
print(fact(30) // fact(28) // 30, divmod(fact(40), fact(38)))
