# imaginary literals and constant folding
print(1j, 2J, 0j, 1.5j, 1e3j, 1E-3j, .5j, 5.j, 1_000j, 0.000_1j)
print(-1j, +1j, -0j, -0.0j, 1 + 2j, 1 - 2j, -1 - 2j, -1 + 0j)
print(type(1j).__name__, type(-1j).__name__)
print(1j.real, 1j.imag, (2 + 3j).real, (2 + 3j).imag)
print(1e308j * 10, 1e400j, -1e400j)
print(0j == -0j, repr(0j), repr(-0j), repr(0.0 - 0j), repr(-(0j)))
# constants must stay distinct in a tuple: 0j and -0j, 1j and 1.0j
t = (0j, -0j, 1j, 1.0, 1, 2j, -2j)
print(t)
print([repr(x) for x in (0j, -0j)])
def f():
    return 0j, -0j, (-0j, 0j), (1j, 1j)
print(f())
print((1j, -1j) == (1j, -1j), {1j: 'a', -1j: 'b'})
x = 1e3j
print(x, x * x, x ** 2)
print(3j.conjugate(), (1 + 1j).conjugate())
print(sum([1j, 2]), sum([1j, 2j, 3.5]), sum([], 1j))
print([1j, 2 + 3j], (1j,), {1j}, {1j: 1j})
print(isinstance(1j, complex), issubclass(complex, object), complex.__name__)
print(0b1 + 1j, 0o7 + 1j, 0xf + 1j)
print(1j in [1j, 2], 2 in [2 + 0j], 1 in {1 + 0j})
print(eval("1j"), eval("-2.5j"), eval("(1+2j)"))
