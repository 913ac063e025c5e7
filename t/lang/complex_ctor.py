# complex() construction from numbers and objects
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: complex())
t(lambda: complex(1))
t(lambda: complex(1.5))
t(lambda: complex(True))
t(lambda: complex(1, 2))
t(lambda: complex(1.5, -2.5))
t(lambda: complex(1j))
t(lambda: complex(1j, 1j))
t(lambda: complex(1 + 2j, 3 + 4j))
t(lambda: complex(2, 1j))
t(lambda: complex(1j, 2))
t(lambda: complex(0, -0.0))
t(lambda: complex(-0.0, 0))
t(lambda: complex(-0.0))
t(lambda: complex(real=3))
t(lambda: complex(imag=3))
t(lambda: complex(real=1, imag=2))
t(lambda: complex(1, imag=2))
t(lambda: complex(10**20, 10**20))
t(lambda: complex(10**400))
t(lambda: complex(1, 10**400))
t(lambda: complex(1, 2, 3))
t(lambda: complex(foo=1))
t(lambda: complex(1, real=2))
x = 1 + 2j
print(complex(x) is x)

class WithComplex:
    def __complex__(self):
        return 3 + 4j
class WithFloat:
    def __float__(self):
        return 2.5
class WithIndex:
    def __index__(self):
        return 7
class WithBoth:
    def __complex__(self):
        return 1j
    def __float__(self):
        return 9.0
class BadComplex:
    def __complex__(self):
        return 5
class BadFloat:
    def __float__(self):
        return "x"
class Raises:
    def __complex__(self):
        raise ValueError("nope")

t(lambda: complex(WithComplex()))
t(lambda: complex(WithFloat()))
t(lambda: complex(WithIndex()))
t(lambda: complex(WithBoth()))
t(lambda: complex(WithFloat(), WithIndex()))
t(lambda: complex(WithComplex(), WithComplex()))
t(lambda: complex(1, WithFloat()))
t(lambda: complex(BadComplex()))
t(lambda: complex(Raises()))
t(lambda: complex(1, WithComplex()))
t(lambda: complex([]))
t(lambda: complex(None))
t(lambda: complex({}))
t(lambda: complex(b"1"))
t(lambda: complex(1, []))
t(lambda: complex(1, None))
t(lambda: complex(object()))
t(lambda: complex.__new__(complex))
t(lambda: complex.__new__(complex, 1, 2))
t(lambda: complex.__new__(int, 1))
t(lambda: (1 + 2j).__complex__())
t(lambda: (1 + 2j).__getnewargs__())
t(lambda: complex(0.1, 0.2).__getnewargs__())
t(lambda: complex.__complex__(5j))
