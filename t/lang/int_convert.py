# int() of numbers and objects
def t(*a):
    try:
        print(repr(a), repr(int(*a)))
    except Exception as e:
        print(repr(a), type(e).__name__, e)

for x in [0.0, -0.0, 0.5, -0.5, 0.9999, -0.9999, 1.5, -1.5, 2.5, 1e10, -1e10, 1e18, 2.0**62,
          -2.0**62, 2.0**63, 1e20, -1e20, 1.7976931348623157e308, 5e-324, 123456.789, True, False,
          float('inf'), float('-inf'), float('nan'), 10**40, -10**40]:
    t(x)
t()
t(None)
t([1])
t((1,))
t({})
t('x')
print(int(), int(7), int(-7), int(True), type(int(True)).__name__, type(int(2.0**70)).__name__)
print(int(2.0**70), int(-2.0**70), int(1e300) == 10**300, int(1e300) - 10**300)
import sys
print(int(sys.maxsize), int(-sys.maxsize - 1))
print(int.__new__(int, 5), int.__new__(int, '0x10', 16))
print((5).__int__(), (5).__index__(), (5).__float__(), (True).__int__(), (-3).__trunc__(), (-3).__floor__(), (-3).__ceil__())
print((5).__pos__(), (5).__neg__(), (5).__abs__(), (-5).__abs__(), (5).__invert__(), (5).__bool__(), (0).__bool__())
print((7).__add__(3), (7).__radd__(3), (7).__sub__(3), (7).__rsub__(3), (7).__mul__(3), (7).__floordiv__(2), (7).__rfloordiv__(20))
print((7).__mod__(3), (7).__rmod__(30), (7).__truediv__(2), (7).__rtruediv__(2), (7).__pow__(2), (7).__rpow__(2), (7).__pow__(2, 5))
print((7).__lshift__(1), (7).__rshift__(1), (7).__and__(3), (7).__or__(8), (7).__xor__(1), (7).__divmod__(2), (7).__rdivmod__(30))
print((7).__add__(1.5), (7).__eq__(7.0), (7).__lt__('a'), (7).__eq__('a'), (7).__hash__())
