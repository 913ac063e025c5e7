# complex's dunder methods, attributes and truth value
for name in ["__complex__", "__getnewargs__", "__format__", "conjugate", "real", "imag", "__add__",
             "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
             "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__eq__", "__ne__",
             "__lt__", "__hash__", "__repr__", "__new__", "__mod__", "__rmod__", "__floordiv__",
             "__divmod__", "__int__", "__float__", "__index__", "__round__", "__trunc__", "__floor__",
             "__ceil__", "__invert__", "__lshift__", "__and__"]:
    print(name, hasattr(complex, name), hasattr(1j, name))
z = 3 - 4j
print(z.__bool__(), (0j).__bool__(), z.__abs__(), z.__neg__(), z.__pos__(), z.__hash__() == hash(z))
print(z.__add__(1), z.__radd__(1), z.__sub__(1), z.__rsub__(1), z.__mul__(2), z.__rmul__(2))
print(z.__truediv__(2), z.__rtruediv__(2), z.__pow__(2), z.__rpow__(2))
print(z.__add__("a"), z.__eq__(3 - 4j), z.__ne__(3), z.__lt__(1j), z.__eq__(None), z.__ge__(z))
print(z.__pow__(2, None))
try:
    z.__pow__(2, 5)
except ValueError as e:
    print("ValueError", e)
print(complex.__hash__(z) == hash(z), complex.__repr__(z), complex.__str__(z))
print(bool(0j), bool(-0j), bool(1j), bool(complex(0, 1e-320)), bool(complex(float("nan"), 0)), not 0j)
if 0j or complex(0, -0.0):
    print("truthy")
else:
    print("falsy")
print(hash(-1 + 0j), hash(complex(-1, 0)), hash(-1), hash(-2 + 0j))
print(z.real + z.imag, type(z.real).__name__, type(z.imag).__name__)
print((1j).imag.is_integer(), (2.5j).imag.as_integer_ratio())
print(complex.conjugate(z), complex.__complex__(z), complex.__getnewargs__(z))
print(type(complex.__new__(complex, "5j")).__name__, complex.__new__(complex, "5j"))
print(complex.__doc__.splitlines()[0])
print(z.__format__(""), z.__format__("^16.2f"), z.__format__(">+10"))
print(min([3j, 1j, 2j], key=abs), max([3 + 4j, 5j, -6], key=abs), sorted([2j, -1j, 1 + 1j], key=lambda c: (c.real, c.imag)))
print(list(map(complex, [1, 2.5, "3j"])), [complex(x) for x in range(3)])
print({complex(i, i): i for i in range(3)})
print(repr(eval(repr(-0.5 - 0.25j))), eval(repr(complex(-0.0, float("inf")))) if False else 0)
