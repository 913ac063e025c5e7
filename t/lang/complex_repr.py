# repr/str use the shortest repr of each part, without '.0'
inf = float("inf")
nan = float("nan")
vals = [1j, 0j, -0j, 1 + 2j, -1 - 2j, complex(-0.0, -1), complex(-0.0, 0.0), complex(0.0, -0.0),
        complex(-0.0, -0.0), complex(1, nan), complex(nan, 1), complex(nan, nan), complex(0, inf),
        complex(0, -inf), complex(inf, 0), complex(-inf, inf), complex(1e300, 1e-300), complex(1e16, 1e15),
        complex(1e-5, 1e-4), complex(0.1, 0.2), complex(1.5, 2.25), complex(123456789012345678, 0),
        complex(2**53, 1), complex(1 / 3, 2 / 3), complex(5e-324, -5e-324), complex(1.7976931348623157e308, 0),
        complex(0, 1e16), complex(0, 1e-5), complex(0, 123.0), complex(-nan, -nan), complex(0, -nan),
        complex(100, 0), complex(-100, 0)]
for v in vals:
    print(repr(v), str(v), "%s|%r" % (v, v), f"{v}|{v!r}", [v], (v,), {v: v})
print(str(1j) == repr(1j), ascii(2 + 3j), format(2 + 3j), "{}".format(-1j))
print(1j.__repr__(), (1 + 2j).__str__(), complex.__repr__(3j))
