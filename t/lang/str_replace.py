# str.replace: counts, empty old, growth and shrink
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "hello world".replace("o", "0"))
t(lambda: "hello world".replace("o", "0", 1))
t(lambda: "hello world".replace("o", "0", 0))
t(lambda: "hello world".replace("o", "0", -1))
t(lambda: "hello".replace("", "-"))
t(lambda: "hello".replace("", "-", 2))
t(lambda: "".replace("", "x"))
t(lambda: "".replace("a", "x"))
t(lambda: "aaaa".replace("aa", "b"))
t(lambda: "aaaa".replace("a", ""))
t(lambda: "abc".replace("abc", ""))
t(lambda: "abc".replace("x", "y"))
t(lambda: "abcabc".replace("bc", "XYZW"))
t(lambda: "a.b.c".replace(".", "::"))
t(lambda: "ééé".replace("é", "e"))
t(lambda: "abc".replace("b", "€😀"))
t(lambda: "a€b€c".replace("€", "", 1))
t(lambda: "ab".replace("", "é"))
t(lambda: "abc".replace(1, "a"))
t(lambda: "abc".replace("a", 1))
t(lambda: "abc".replace("a", "b", "c"))
t(lambda: "abc".replace("a"))
t(lambda: "abc".replace("a", "b", 1, 2))
t(lambda: "abc".replace("a", "b", 1.0))
t(lambda: "abc".replace("a", "a"))
s = "x" * 1000
print(len(s.replace("x", "yy")), len(s.replace("x", "")), s.replace("xx", "z").count("z"))
