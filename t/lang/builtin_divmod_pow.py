# divmod and pow with ints, floats, negatives, the 3-argument form and errors
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2**70, 7), (-(2**70), 7), (7.5, 2),
             (-7.5, 2), (7, 2.5), (1e300, 1e-300), (True, 2), (5, True)]:
    print(a, b, divmod(a, b), divmod(a, b) == (a // b, a % b))
print(divmod(float("inf"), 3) if False else "skip", divmod(-0.0, 1.0), divmod(0.0, -1.0))
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(2.0, 3), pow(4, 0.5), pow(0, 0), pow(0.0, 0))
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(2, 100, 10**9 + 7), pow(7, 0, 1), pow(7, 0, 5))
print(pow(3, -1, 7), pow(2, -3, 11), pow(38, -1, 97), pow(-5, -1, 13))
print(pow(base=2, exp=5), pow(2, exp=5, mod=3), pow(True, 2), pow(2, True))
print(2 ** -1, (-8) ** (1 / 3) if False else "skip", 10 ** 20, (-1) ** 0.5 if False else "skip")
for bad in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod("a", 1), lambda: pow(2, 3, 0),
            lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: pow(2, 3.0, 5), lambda: pow(0, -1),
            lambda: pow(0.0, -1), lambda: pow("2", 2), lambda: divmod(1), lambda: pow(2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Num:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
    def __pow__(self, o, m=None):
        return ("pow", o, m)
    def __rpow__(self, o):
        return ("rpow", o)
print(divmod(Num(), 3), divmod(3, Num()), pow(Num(), 2), pow(Num(), 2, 5), pow(2, Num()), 2 ** Num())
