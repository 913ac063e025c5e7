# removeprefix / removesuffix
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "unittest".removeprefix("unit"))
t(lambda: "unittest".removeprefix("test"))
t(lambda: "unittest".removesuffix("test"))
t(lambda: "unittest".removesuffix("unit"))
t(lambda: "abc".removeprefix(""))
t(lambda: "abc".removesuffix("abc"))
t(lambda: "abc".removeprefix("abcd"))
t(lambda: "ébc".removeprefix("é"))
t(lambda: "ab😀".removesuffix("😀"))
t(lambda: "abc".removeprefix(1))
t(lambda: "abc".removesuffix(None))
t(lambda: "abc".removeprefix())
t(lambda: "abc".removesuffix("a", "b"))
