# str.maketrans / str.translate
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: sorted(str.maketrans("abc", "xyz").items()))
t(lambda: sorted(str.maketrans("ab", "xy", "c").items()))
t(lambda: sorted(str.maketrans({"a": "1", 98: None, "c": 99}).items()))
t(lambda: "abcabc".translate(str.maketrans("abc", "xyz")))
t(lambda: "hello world".translate(str.maketrans("", "", "lo")))
t(lambda: "abc".translate({97: "AA", 98: None, 99: 100}))
t(lambda: "abc".translate({}))
t(lambda: "abc".translate([None, None]))
t(lambda: "abc".translate({97: 0x1F600}))
t(lambda: "éüö".translate({ord("é"): "e", ord("ü"): None}))
t(lambda: "abc".translate({97: 1.5}))
t(lambda: "abc".translate({97: -1}))
t(lambda: "abc".translate({97: 0x110000}))
t(lambda: "abc".translate(1))
t(lambda: str.maketrans())
t(lambda: str.maketrans(1))
t(lambda: str.maketrans({"ab": 1}))
t(lambda: str.maketrans({1.5: 2}))
t(lambda: str.maketrans("ab", "c"))
t(lambda: str.maketrans(1, "a"))
t(lambda: str.maketrans("a", 1))
t(lambda: str.maketrans("a", "b", 1))
t(lambda: str.maketrans("a", "b", "c", "d"))
t(lambda: "x".maketrans("x", "y"))
class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            return "<A>"
        raise LookupError
t(lambda: "banana".translate(Table()))
class Bad:
    def __getitem__(self, k):
        raise ValueError("boom")
t(lambda: "x".translate(Bad()))
