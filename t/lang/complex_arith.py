# complex arithmetic: + - * / and unary operators
vals = [0j, 1j, -1j, 1 + 2j, -3.5 + 0.25j, 2 - 7j, 1e10 + 1e-10j, complex(0.1, 0.2), complex(-0.0, 0.0),
        complex(3, -4)]
for a in vals:
    print(repr(a), repr(-a), repr(+a), repr(abs(a)), bool(a), repr(a.conjugate()))
for a in vals:
    for b in vals:
        r = [repr(a + b), repr(a - b), repr(a * b)]
        try:
            r.append(repr(a / b))
        except ZeroDivisionError as e:
            r.append("ZeroDivisionError: " + str(e))
        print(repr(a), repr(b), *r)
x = 1 + 1j
x += 2
x -= 1j
x *= 3j
x /= 2
print(x)
print(abs(3 + 4j), abs(-5j), abs(complex(1e300, 1e300)) > 1e300)
print((1 + 2j) / (3 + 4j), (1 + 2j) / 4j, 5 / (1 + 2j), (2 + 4j) / 2, 1j / 1e-320)
print(complex(1e308, 1e308) / complex(1e308, 1e308))
print(complex(1, 1) / complex(1e-320, 1e-320))
print(1j * 1j, 1j * 1j * 1j, (1 + 1j) * (1 - 1j))
print(complex(1e300, 1e300) * complex(1e300, 1e300))
print(complex(0.1, 0.3) + complex(0.2, -0.1))
print(-(0j), -(-0j), +(-0j))
