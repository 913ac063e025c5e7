# int methods and attributes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 2, 3, 7, 8, -8, 255, 256, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**100, -2**100 + 1, True, False]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator)
print(type(True.real).__name__, type(True.numerator).__name__, type(True.conjugate()).__name__, type(True.as_integer_ratio()[0]).__name__)
for v in [0, 5, 15, 25, -15, -25, 1234, 1250, 1350, -1250, 999, 10**20 + 5 * 10**9, 2**100]:
    print(v, round(v), round(v, 0), round(v, 2), round(v, -1), round(v, -2), round(v, -3), round(v, -30), round(v, -100))
t(lambda: round(5, 1.5))
t(lambda: round(5, '1'))
t(lambda: (5).__round__(None))
t(lambda: (5).__round__(1, 2))
t(lambda: type(round(True)).__name__)
print((7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__sizeof__() > 0, (7).__getnewargs__(), True.__getnewargs__())
print(int.bit_length(5), int.conjugate(-3), int.as_integer_ratio(12))
t(lambda: int.bit_length(5.0))
t(lambda: (5).bit_length(1))
print((255).__format__('x'), (255).__format__(''), True.__format__(''), True.__format__('d'))
t(lambda: (255).__format__(5))
print(int.__name__, int.__qualname__, type(int.real).__name__, int.__doc__[:20])
print(isinstance(True, int), issubclass(bool, int), int.__bases__, bool.__bases__, bool.__mro__)
