# complex ** and pow(): integer exponents by repeated multiplication, c_pow otherwise
def t(a, b):
    try:
        print(repr(a), repr(b), repr(a ** b))
    except Exception as e:
        print(repr(a), repr(b), type(e).__name__, e)
bases = [1j, 2j, 1 + 1j, -1 + 0j, 0j, complex(0.5, -1.5), 3 + 0j, complex(-2, 0)]
exps = [0, 1, 2, 3, -1, -2, 10, 0.5, -0.5, 1j, 2 + 3j, 0j, 2.0, 100, 101, -101, 1.5, 0.0, -0.0, 1e10]
for a in bases:
    for b in exps:
        t(a, b)
t(2, 1j)
t(2.5, 1 + 1j)
t(0, 1j)
t(0, -1 + 0j)
t(0.0, 1j)
t(0j, -1)
t(0j, -1.5)
t(0j, 1j)
t(0j, 0)
t(0j, 0j)
t(0j, 2)
t(complex(1e200, 1e200), 2)
t(complex(1e200, 1e200), 2.5)
t(complex(10, 10), 1000)
t(complex(10, 10), 1000.5)
t(complex(1e-200, 0), 2)
t(1 + 1j, 10**30)
t(1j, 10**400)
t(1j, float("inf"))
t(1j, float("nan"))
t(complex(2, 0), 1023)
t(complex(2, 0), 1024)
t(complex(2, 0), 0.5)
t(-8 + 0j, 1 / 3)
t(1j, -0.0)
t(1j ** 2, 2)
print(pow(1j, 2), pow(2, 1j), pow(1j, 1j))
try:
    pow(1j, 2, 3)
except Exception as e:
    print(type(e).__name__, e)
x = 1 + 1j
x **= 2
print(x)
