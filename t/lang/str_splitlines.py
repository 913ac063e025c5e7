# str.splitlines: every Unicode line boundary, keepends
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
t(lambda: s.splitlines())
t(lambda: s.splitlines(True))
t(lambda: s.splitlines(keepends=True))
t(lambda: "".splitlines())
t(lambda: "\n".splitlines())
t(lambda: "\n\n".splitlines(True))
t(lambda: "abc".splitlines())
t(lambda: "abc\n".splitlines())
t(lambda: "abc\r".splitlines(True))
t(lambda: "\r\n\r\n".splitlines())
t(lambda: "a\x1fb".splitlines())
t(lambda: "line1\nline2".splitlines(0))
t(lambda: "x".splitlines("a"))
t(lambda: "x".splitlines(1.5))
t(lambda: "x".splitlines(1, 2))
t(lambda: "x\ny".splitlines(keepends=2))
t(lambda: "é\nü\r\nö".splitlines())
