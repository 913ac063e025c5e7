# format() of complex numbers: the complex format-spec rules
vals = [1 + 2j, -1.5 - 2.25j, 1j, 0j, -0j, complex(-0.0, 1), complex(1234567.891, -0.000123),
        complex(float("inf"), float("nan")), complex(1e20, -1e-20), complex(3, 0), complex(0, -3)]
specs = ["", ".2f", "f", "F", ".0f", "e", "E", ".3e", "g", "G", ".3g", "n", ".2n", ">20", "<20", "^20",
         "*^30.2f", "+", "+.2f", " ", " .1f", "-", "#", "#.0f", "#g", "#.3g", ".10", ".1", "20.3",
         ",", ",.2f", "_.3f", "_", "z.1f", "z", "x<12", "\u00e9>14", ".0e", "#.0e", "30", ",g", ".5r"]
for v in vals:
    for s in specs:
        try:
            r = format(v, s)
        except Exception as e:
            r = "%s: %s" % (type(e).__name__, e)
        print(repr(v), repr(s), repr(r))
for s in ["010", "0<10", "=10", "*=10", "d", "%", "x", "s", "c", "b", ".2%", "10.2d", "\u00e9", "ff",
          ",n", "_n", "#x", "0", "-010.2f"]:
    try:
        print(repr(s), repr(format(1 + 2j, s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print("{:.3f}|{:>15}|{!r:>10}|{:10.1e}".format(1 + 1j, 2j, 3j, 4 - 4j))
print(f"{1+2j:.1f} {3j:<8}| {-1j:^9}|")
print((1 + 2j).__format__(".1f"), complex.__format__(1j, ""))
try:
    (1j).__format__(1)
except TypeError as e:
    print(e)
print("%s %r" % (1j, 2 + 2j))
try:
    print("%f" % 1j)
except TypeError as e:
    print(e)
try:
    print("%d" % 1j)
except TypeError as e:
    print(e)
