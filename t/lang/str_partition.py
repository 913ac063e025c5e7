# partition / rpartition
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "key=value=x".partition("="))
t(lambda: "key=value=x".rpartition("="))
t(lambda: "novalue".partition("="))
t(lambda: "novalue".rpartition("="))
t(lambda: "".partition("x"))
t(lambda: "abc".partition("abc"))
t(lambda: "abc".partition("c"))
t(lambda: "a::b::c".partition("::"))
t(lambda: "a::b::c".rpartition("::"))
t(lambda: "héllo wörld".partition("ö"))
t(lambda: "😀x😀".rpartition("😀"))
t(lambda: "abc".partition(""))
t(lambda: "abc".rpartition(""))
t(lambda: "abc".partition(1))
t(lambda: "abc".partition())
t(lambda: "abc".rpartition("a", "b"))
