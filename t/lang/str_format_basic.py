# str.format: positional, keyword, auto numbering, escapes, conversions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "{} {}".format("a", "b"))
t(lambda: "{1} {0} {1}".format("a", "b"))
t(lambda: "{x}-{y}".format(x=1, y=2))
t(lambda: "{0}{x}{1}".format("a", "b", x="|"))
t(lambda: "{{}} {{{}}}".format(5))
t(lambda: "no fields".format(1, 2, x=3))
t(lambda: "".format())
t(lambda: "{!r} {!s} {!a}".format("é", "é", "é"))
t(lambda: "{0!r:>8}".format("ab"))
t(lambda: "{:>6}|{:<6}|{:^6}|".format("ab", "cd", "ef"))
t(lambda: "{:*^9}".format("mid"))
t(lambda: "{:.2}".format("abcdef"))
t(lambda: "{:5d}|{:<5d}|{:05d}|{:+d}|{:x}|{:#b}".format(42, 42, 42, 42, 255, 5))
t(lambda: "{:.3f}|{:10.2e}|{:g}|{:%}|{:,}".format(3.14159, 1234.5, 1e-5, 0.25, 1234567))
t(lambda: "{}".format(None))
t(lambda: "{} {}".format([1, 2], (3,)))
t(lambda: "{:}".format(2))
t(lambda: "{0:}".format("x"))
t(lambda: "{٠}".format("arabic zero"))
t(lambda: "é{}ü{}".format("€", "😀"))
t(lambda: "{:é>5}".format("x"))
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __str__(self):
        return "strP"
t(lambda: "{:abc} {} {:{}}".format(P(), P(), P(), "xy"))
t(lambda: "{!s:>5}".format(P()))
class BadF:
    def __format__(self, spec):
        return 5
t(lambda: "{}".format(BadF()))
