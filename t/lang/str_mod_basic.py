# printf-style formatting: strings, chars, widths, flags
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "%s" % "x")
t(lambda: "%s and %s" % ("a", "b"))
t(lambda: "%r" % "x")
t(lambda: "%a" % "é")
t(lambda: "%s" % (1,))
t(lambda: "%s" % ((1, 2),))
t(lambda: "%s" % [1, 2])
t(lambda: "%s" % None)
t(lambda: "%10s|" % "abc")
t(lambda: "%-10s|" % "abc")
t(lambda: "%.2s|" % "abcdef")
t(lambda: "%5.1s|" % "xyz")
t(lambda: "%05s|" % "ab")
t(lambda: "%*s|" % (6, "ab"))
t(lambda: "%-*s|" % (6, "ab"))
t(lambda: "%*s|" % (-6, "ab"))
t(lambda: "%.*s|" % (1, "ab"))
t(lambda: "%c" % 65)
t(lambda: "%c" % "é")
t(lambda: "%c%c" % (0x1F600, "x"))
t(lambda: "%3c|" % "x")
t(lambda: "%c" % True)
t(lambda: "%%")
t(lambda: "%%" % ())
t(lambda: "100%%" % ())
t(lambda: "%s%%" % 5)
t(lambda: "%ls %hs %Ls" % (1, 2, 3))
t(lambda: "%5s|%-5s|" % ("é", "é"))
t(lambda: "%.1s" % "éü")
t(lambda: "é%s€" % "ü")
t(lambda: "" % ())
t(lambda: "abc" % ())
t(lambda: "abc" % [])
t(lambda: "abc" % {})
t(lambda: "%s" % {})
t(lambda: "%s" % {"a": 1})
t(lambda: "%s" % b"x")
class X:
    def __str__(self):
        return "str-X"
    def __repr__(self):
        return "repr-X"
t(lambda: "%s %r %a" % (X(), X(), X()))
