# round(): banker's rounding, ndigits (positive, zero, negative), types, errors
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5, -1), round(15, -1), round(25, -1), round(-5, -1), round(123, 0), round(123, 5))
print(round(3.14159, 0), round(3.14159, 3), round(-3.14159, 1), round(1e20, 2), round(1.5e-10, 12))
print(type(round(2.5)), type(round(2.5, 0)), type(round(7, 1)), type(round(True)), round(True, 2))
print(round(2**70 + 5, -1), round(10**30 + 5 * 10**9, -10), round(-(2**65), -3))
print(round(0.0), round(-0.0, 1), round(1e300, -300), round(123.456, None))
print(round(float("inf"), 2), round(float("nan"), 1), round(1.23, -400), round(1.23, 400))
for bad in [lambda: round(float("inf")), lambda: round(float("nan")), lambda: round("1"),
            lambda: round(1.5, 1.0), lambda: round(1, "x"), lambda: round(), lambda: round(1, 2, 3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Custom:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(Custom()), round(Custom(), 3))
