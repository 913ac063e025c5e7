# upper / lower / title / capitalize / swapcase / casefold on ASCII
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["hello World", "HELLO", "hello", "", "123 abc DEF", "they're bill's friends", "a1b2c3", "x_y-z.w", "ABC def GHI", "  lead"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
t(lambda: "a".upper(1))
t(lambda: "a".title(x=1))
t(lambda: str.lower(5))
t(lambda: str.upper("abc"))
