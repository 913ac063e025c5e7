# comparisons: int/int, int/float (exact), int/bool, with other types
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 2**53, 2**53 + 1, 2**62, -2**62 - 1, 10**20, -10**20, True, False,
        0.0, -0.0, 0.5, 2.0**53, 9007199254740993.0, 1e20, -1e20, 1e308, float('inf'), float('-inf'), float('nan')]
for a in vals:
    print(repr(a), [(a < b, a <= b, a == b, a != b, a > b, a >= b) == (b > a, b >= a, b == a, b != a, b < a, b <= a) for b in vals])
    print(repr(a), ''.join('<' if a < b else '=' if a == b else '>' if a > b else '?' for b in vals))
print(2**53 + 1 > float(2**53), 2**53 + 1 == float(2**53 + 1), float(2**53 + 1) == 2**53)
print(10**400 > 1e308, 10**400 < float('inf'), -10**400 > float('-inf'), 10**400 == float('inf'))
print(2**1024 > 1.7976931348623157e308, 2**1024 - 1 > 1.7976931348623157e308, int(1.7976931348623157e308) == 1.7976931348623157e308)
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.0 == True, 0.5 < True)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 == 1.0, 10**30 == 10**30)
print(min(3, 2.5, 10**20), max(-1, -0.5, -10**20), sorted([3, 1.5, -2, 10**20, -1e30, True]))
t(lambda: 1 < 'a')
t(lambda: 'a' > 1)
t(lambda: 1 <= None)
t(lambda: 1.5 >= [])
print(1 == 'a', 1 != 'a', 1.0 == None, 1 == [1])
