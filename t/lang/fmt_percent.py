# printf-style % formatting of strings and mixed values
print("%s %s %s" % ("a", 1, None), "%r %a" % ("é", "é"), "%5s|%-5s|" % ("r", "l"), "%.2s" % "abcdef")
print("%d%%" % 50, "%c%c" % (72, "i"), "%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),))
print("%(name)s is %(age)d" % {"name": "pyl", "age": 3}, "%(x)r %(x)s" % {"x": "v"})
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159), "%*s" % (-6, "neg"))
print("%i %u %x %X %o %e %E %f %F %g %G" % (7, 7, 255, 255, 8, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5))
print("%#x %#X %#o %+d % d %05d %-5d| %+.2f %08.3f" % (255, 255, 8, 5, 5, 42, 42, 3.14159, -3.14159))
print("%s" % "only", "%s" % b"bytes", "no args" % (), "%%" % (), "%s and %s" % ("x", "y"))
class S:
    def __str__(self):
        return "S!"
    def __repr__(self):
        return "R!"
print("%s %r %a" % (S(), S(), S()), "%(k)s" % {"k": S()})
print("%d" % 3.99, "%d" % True, "%x" % 2**70, "%s" % 2**70, "%.3e" % 2**70)
for fmt, args in [("%d", "s"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", (1,)),
                  ("%(k)s", {}), ("%c", "ab"), ("%c", -1), ("%", ()), ("%(k", {"k": 1}),
                  ("%*d", ("x", 1)), ("%x", 1.5), ("%s %(k)s", {"k": 1}), ("%d", None)]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("%s" % {"dict": "as one value"}, "%s%%" % 5, "%-+6d|" % 3, "% 5.1f|" % 2.25, "%.0f %.0f" % (0.5, 1.5))
print(b"%s %d %x" % (b"b", 5, 255), b"%c" % 65, b"%r" % "s" if False else b"%a" % "é")
