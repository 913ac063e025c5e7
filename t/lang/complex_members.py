# complex.real / .imag are read-only member descriptors; bad __float__/__complex__
# results are reported with the class name.
c = 1 + 2j
print(c.real, c.imag, type(complex.__dict__["real"]).__name__, complex.real.__name__)
for attr in ("real", "imag"):
    try:
        setattr(c, attr, 3)
    except AttributeError as e:
        print(attr, e)
    try:
        delattr(c, attr)
    except (AttributeError, TypeError) as e:
        print(attr, type(e).__name__, e)
class BadFloat:
    def __float__(self):
        return "x"
class BadComplex:
    def __complex__(self):
        return 1
for bad in (BadFloat(), BadComplex()):
    try:
        complex(bad)
    except TypeError as e:
        print(e)
try:
    float(BadFloat())
except TypeError as e:
    print(e)
class Sub(complex):
    pass
s = Sub(3, 4)
print(s.real, s.imag, abs(s), type(s.real).__name__)
