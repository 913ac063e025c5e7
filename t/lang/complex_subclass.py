# subclasses of complex
class C(complex):
    pass
class D(complex):
    def __new__(cls, r=0, i=0, tag="d"):
        self = super().__new__(cls, r, i)
        self.tag = tag
        return self
    def __repr__(self):
        return "D(%r, %r)" % (self.real, self.imag)
    def __add__(self, other):
        return "D.add"
class E(complex):
    def __complex__(self):
        return 42j
class F(complex):
    def __eq__(self, other):
        return "F.eq"
    def __hash__(self):
        return 7

c = C(1, 2)
print(type(c).__name__, repr(c), str(c), c.real, c.imag, c == 1 + 2j, hash(c) == hash(1 + 2j))
print(type(c + 1).__name__, type(-c).__name__, type(+c).__name__, type(c.conjugate()).__name__,
      type(abs(c)).__name__, type(c * c).__name__, type(c ** 2).__name__)
print(type(complex(c)).__name__, complex(c), type(C(c)).__name__, C(c), C(c) is c)
print(type(c.__complex__()).__name__, c.__getnewargs__())
print(C(), C("3-4j"), C(1j, 1j), C(real=5))
c.attr = 5
print(c.attr, c.__dict__)
d = D(1, 2, tag="x")
print(d, d.tag, d + 1, 1 + d, d - 1, str(d), format(d, ".1f"), format(d, ""))
e = E(1, 1)
print(repr(e), complex(e), complex(e, 1), complex(1, e))
f = F(1)
print(f == 1, 1 == f, f != 1, hash(f), 1 + 0j == f)
print(isinstance(c, complex), issubclass(C, complex), C.__mro__)
print(C.__add__ is complex.__add__, complex.__add__(1j, 2), complex.__radd__(1j, 2))
print(complex.__mul__(1j, "a"), complex.__eq__(1j, "a"), complex.__lt__(1j, 2j))
class G(complex):
    def __format__(self, spec):
        return "G:" + spec
print(format(G(1), "x"), f"{G(2):>5}")
class H(complex):
    def __str__(self):
        return "H!"
print(format(H(1), ""), format(H(1), ">8"), str(H(1)), repr(H(1)))
class I(int):
    def __complex__(self):
        return 5j
class Fl(float):
    def __complex__(self):
        return 6j
class Fl2(float):
    pass
print(complex(I(1)), complex(Fl(1.5)), complex(Fl2(1.5)), complex(I(1), I(2)), complex(Fl2(2.5), Fl2(1)))
print(I(1) + 1j, Fl(1.5) * 1j, 1j ** I(2), type(Fl2(1) + 1j).__name__)
