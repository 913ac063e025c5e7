# expandtabs
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "a\tb\tc".expandtabs())
t(lambda: "a\tb\tc".expandtabs(4))
t(lambda: "ab\tcd\tef".expandtabs(2))
t(lambda: "\t".expandtabs(0))
t(lambda: "a\tb".expandtabs(-1))
t(lambda: "12345678\tx".expandtabs())
t(lambda: "a\nb\tc\r\td".expandtabs(4))
t(lambda: "é\tü\t😀\tx".expandtabs(3))
t(lambda: "no tabs".expandtabs())
t(lambda: "".expandtabs())
t(lambda: "a\tb".expandtabs(tabsize=1))
t(lambda: "a\tb".expandtabs(1.5))
t(lambda: "a\tb".expandtabs("x"))
t(lambda: "a\tb".expandtabs(x=1))
t(lambda: "a\tb".expandtabs(1, 2))
