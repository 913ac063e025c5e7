# int/float/bool operands on either side; results follow complex arithmetic exactly
ints = [0, 1, -3, True, False, 2**62, 2**64 + 1, -(10**20)]
floats = [0.0, -0.0, 1.5, -2.25, 1e-300, 1e300]
cs = [1 + 2j, -0.5j, complex(3, -0.0)]
for c in cs:
    for n in ints + floats:
        r = [repr(c + n), repr(n + c), repr(c - n), repr(n - c), repr(c * n), repr(n * c)]
        for f in (lambda: c / n, lambda: n / c):
            try:
                r.append(repr(f()))
            except ZeroDivisionError as e:
                r.append("ZDE " + str(e))
        print(repr(c), repr(n), *r)
print(complex(float("inf"), 0) * 2, 2 * complex(float("inf"), 0), complex(float("inf"), 1) + 1)
print(1j * float("inf"), float("inf") * 1j, complex(0, 1) * 1e308 * 10)
print(True + 1j, 1j - False, 1j * True, 1j / True)
print(1 + 1j - 1, (1 + 1j - 1 - 1j) == 0, 2 * (3 + 4j) - (6 + 8j))
print([x * 1j for x in range(4)], sum(x * 1j for x in range(4)))
