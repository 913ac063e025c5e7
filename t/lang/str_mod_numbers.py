# printf-style numeric conversions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for fmt in ["%d", "%i", "%u", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%.3d", "%x", "%X", "%#x", "%#X", "%o", "%#o",
            "%#.5x", "%#08x", "%+x", "% o", "%-#8o|", "%0-5d|", "%#5x|"]:
    print(fmt, [fmt % v for v in (0, 7, -7, 255, 2**70, -2**70)])
for fmt in ["%f", "%.2f", "%10.3f", "%-10.1f|", "%010.2f", "%+.1f", "% .1f", "%e", "%.3e", "%E", "%g", "%G", "%.3g", "%#g",
            "%#.0f", "%#.0e", "%.0f", "%10.4g|"]:
    print(fmt, [fmt % v for v in (0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e16, 2.675)])
print(["%f" % v for v in (float("inf"), float("-inf"), float("nan"))])
print(["%F %E %G" % (v, v, v) for v in (float("inf"), float("nan"))])
print("%05f|%-6f|%+f" % (float("inf"), float("nan"), float("inf")))
t(lambda: "%d" % 3.99)
t(lambda: "%d" % -3.99)
t(lambda: "%d" % True)
t(lambda: "%x" % True)
t(lambda: "%d" % 1e20)
t(lambda: "%d" % float("inf"))
t(lambda: "%d" % float("nan"))
t(lambda: "%f" % 3)
t(lambda: "%f" % True)
t(lambda: "%e" % 2**60)
t(lambda: "%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
t(lambda: "%.1f" % 0.05)
t(lambda: "%.3f" % 2.0005)
t(lambda: "%.100f" % 1)
t(lambda: "%d" % 2**200)
t(lambda: "%o" % -8)
t(lambda: "%#o" % -8)
t(lambda: "%#x" % 0)
t(lambda: "%.0e" % 12345)
t(lambda: "%d" % -0.0)
t(lambda: "%e" % -0.0)
class I:
    def __index__(self):
        return 42
class F:
    def __float__(self):
        return 2.5
class N:
    def __int__(self):
        return 9
t(lambda: "%d %x" % (I(), I()))
t(lambda: "%f" % F())
t(lambda: "%d" % F())
t(lambda: "%d" % N())
t(lambda: "%x" % N())
