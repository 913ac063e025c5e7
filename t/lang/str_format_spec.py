# format(str, spec): the string presentation
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for spec in ["", "s", "5", "<5", ">5", "^5", "^6", "*^7", "x>4", ".2", "10.3", "<10.3s", "05", "<05", "é>5", "<<5", "\x00<4",
             "1", "0", ".0", ">0"]:
    print(repr(spec), repr(format("abc", spec)), repr(format("éü", spec)))
for spec in ["+", "-", " ", "#", "=5", ",", "_", "z", "d", "x", "ss", "5.", "99999999999999999999",
             ".99999999999999999999", ",_", "__", "<<<", "%", "\x01", "é"]:
    t(lambda: format("ab", spec))
t(lambda: format("ab", 5))
t(lambda: "ab".__format__())
t(lambda: format("😀x", "^6"))
t(lambda: format("", "*>3"))
