# str.format parse and lookup errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["{", "}", "x{", "x}", "{0}}", "{{0}", "{0", "{0:", "{0!", "{0!}", "{0!r", "{0!x}", "{0!rr}", "{0!s!r}",
          "{0[}", "{0]", "{0[x}", "{0.}", "{0[]}", "{0[0]x}", "{0:}}", "{:{:{}}}", "{0:{1:{2}}}", "{0{}}", "{a{}}"]:
    try:
        print(repr(s), "->", repr(s.format(1, 2, 3)))
    except Exception as e:
        print(repr(s), "->", type(e).__name__, e)
t(lambda: "{}{}".format(1))
t(lambda: "{0}{}".format(1, 2))
t(lambda: "{}{0}".format(1, 2))
t(lambda: "{a}".format(b=1))
t(lambda: "{5}".format(1))
t(lambda: "{-1}".format(1))
t(lambda: "{0 }".format(1))
t(lambda: "{99999999999999999999}".format(1))
t(lambda: "{0}".format())
t(lambda: "{:d}".format("a"))
t(lambda: "{:s}".format(1))
t(lambda: "{:x!r}".format(1))
t(lambda: "{:10}|".format(None))
t(lambda: "{0:=5}".format("a"))
