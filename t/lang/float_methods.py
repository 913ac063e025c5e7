# float methods and attributes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 1e300, 5e-324, 1e16, 2.0**63, -7.999]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag,
          v.__trunc__(), v.__floor__(), v.__ceil__(), int(v), v.__int__(), v.__float__())

print((-0.5).__floor__(), (-0.5).__ceil__(), (0.5).__floor__(), (-1.0).__ceil__())
for v in [float('inf'), float('-inf'), float('nan')]:
    print(v.is_integer(), v.conjugate(), v.real)
    t(lambda: v.as_integer_ratio())
    t(lambda: v.__trunc__())
    t(lambda: v.__floor__())
    t(lambda: v.__ceil__())
print((1.5).__getnewargs__(), (1.5).__sizeof__(), float.__getformat__('double'), float.__getformat__('float'))
t(lambda: float.__getformat__('x'))
print((2.5).__add__(1), (2.5).__radd__(1), (2.5).__sub__(1), (2.5).__rsub__(1), (2.5).__mul__(2), (2.5).__rmul__(2))
print((2.5).__truediv__(2), (2.5).__rtruediv__(5), (2.5).__floordiv__(2), (2.5).__rfloordiv__(6), (2.5).__mod__(2), (2.5).__rmod__(6))
print((2.5).__pow__(2), (2.5).__rpow__(2), (2.5).__divmod__(2), (2.5).__rdivmod__(6), (2.5).__neg__(), (2.5).__pos__(), (2.5).__abs__())
print((2.5).__add__('a'), (2.5).__eq__(2.5), (2.5).__lt__(3), (2.5).__eq__('a'), (2.5).__bool__(), (0.0).__bool__(), (2.5).__hash__())
print(bool(0.0), bool(-0.0), bool(1e-300), bool(float('nan')), not 0.0)
t(lambda: (2.5).__pow__(2, 3))
print(float.__name__, type(1.5).__name__, isinstance(1.5, float), isinstance(1, float), float.__bases__)
