# center / ljust / rjust / zfill
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for w in range(0, 9):
    print(w, repr("abc".center(w)), repr("ab".center(w, "*")), repr("abc".ljust(w, ".")), repr("abc".rjust(w, "-")))
t(lambda: "abc".center(10, "é"))
t(lambda: "é".center(4, "😀"))
t(lambda: "abc".center(5, ""))
t(lambda: "abc".center(5, "ab"))
t(lambda: "abc".center(5, 1))
t(lambda: "abc".center(5, None))
t(lambda: "abc".center("5"))
t(lambda: "abc".center())
t(lambda: "abc".center(1, 2, 3))
t(lambda: "abc".ljust(-1))
t(lambda: "abc".rjust(2**70))
for s in ["42", "-42", "+42", "", "abc", "-", "é", "--1"]:
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(0)), repr(s.zfill(-3)))
t(lambda: "1".zfill("3"))
t(lambda: "1".zfill())
t(lambda: "1".zfill(3.0))
t(lambda: "1".zfill(True))
