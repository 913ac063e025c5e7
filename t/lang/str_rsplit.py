# str.rsplit mirrors split from the right
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "a b  c".rsplit())
t(lambda: "  a b  c  ".rsplit(None, 1))
t(lambda: "  a b  c  ".rsplit(maxsplit=0))
t(lambda: "a b c d".rsplit(None, 2))
t(lambda: "a,b,,c,".rsplit(","))
t(lambda: "a,b,c".rsplit(",", 1))
t(lambda: "a,b,c".rsplit(",", 0))
t(lambda: "a::b::c".rsplit("::", 1))
t(lambda: "aaaa".rsplit("aa"))
t(lambda: "aaaa".split("aa"))
t(lambda: "aaa".rsplit("aa"))
t(lambda: "aaa".split("aa"))
t(lambda: "".rsplit())
t(lambda: "".rsplit("x"))
t(lambda: "abc".rsplit(""))
t(lambda: "abc".rsplit(1))
t(lambda: "abc".rsplit(sep="b", maxsplit=5))
t(lambda: "path/to/file.txt".rsplit("/", 1))
t(lambda: "file.tar.gz".rsplit(".", 1)[-1])
t(lambda: "ünï cödé  ñ".rsplit(None, 1))
t(lambda: "é,ü,ö".rsplit(",", 1))
t(lambda: "a\u3000b\u3000c".rsplit(maxsplit=1))
