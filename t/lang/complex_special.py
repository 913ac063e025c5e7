# inf, nan and signed zeros through complex operations
inf = float("inf")
nan = float("nan")
vals = [complex(inf, 0), complex(0, inf), complex(-inf, -inf), complex(nan, 0), complex(0, nan),
        complex(nan, nan), complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0), complex(inf, nan),
        complex(1e-320, 1e-320)]
for a in vals:
    print(repr(a), repr(-a), repr(abs(a)), bool(a), repr(a.conjugate()), a == a)
for a in vals:
    for b in [1j, 1 + 0j, complex(-0.0, 0), complex(inf, 0), complex(nan, 1), 2.0, -0.0, 0]:
        out = []
        for name, f in [("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b),
                        ("/", lambda: a / b)]:
            try:
                out.append(repr(f()))
            except Exception as e:
                out.append(type(e).__name__)
        print(repr(a), repr(b), *out)
print(complex("nan").real != complex("nan").real, complex("-0-0j"), complex("-0.0-0.0j"))
print(complex(-0.0, -0.0) + 0, 0 + complex(-0.0, -0.0), complex(-0.0, -0.0) + complex(-0.0, -0.0))
print(complex(-0.0, -0.0) - 0, complex(-0.0, 0) * -1, -complex(0.0, 0.0))
print(complex(0, -0.0), complex(-0.0), complex(0, -0.0).imag, complex(-0.0, 0).real)
