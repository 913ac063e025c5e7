# operators: + * in == < len hash bool
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "ab" + "cd")
t(lambda: "" + "")
t(lambda: "é" + "ü")
t(lambda: "a" + 1)
t(lambda: 1 + "a")
t(lambda: "a" + None)
t(lambda: "a" + b"b")
t(lambda: "ab" * 3)
t(lambda: 3 * "ab")
t(lambda: "ab" * 0)
t(lambda: "ab" * -2)
t(lambda: "ab" * True)
t(lambda: "é" * 3)
t(lambda: "a" * "b")
t(lambda: "a" * 1.5)
t(lambda: "a" * (2**70))
t(lambda: "a" * None)
t(lambda: "b" in "abc")
t(lambda: "bc" in "abc")
t(lambda: "" in "abc")
t(lambda: "x" in "abc")
t(lambda: 1 in "abc")
t(lambda: "a" in ["abc"])
t(lambda: "abc" == "abc")
t(lambda: "abc" != "abd")
t(lambda: "abc" < "abd")
t(lambda: "abc" < "ab")
t(lambda: "" < "a")
t(lambda: "Z" < "a")
t(lambda: "é" > "z")
t(lambda: "\uffff" < "\U00010000")
t(lambda: "a" <= "a")
t(lambda: "b" >= "a")
t(lambda: "a" < 1)
t(lambda: "a" == 1)
t(lambda: "1" == 1)
t(lambda: len("hello"))
t(lambda: len(""))
t(lambda: len("héllo😀"))
t(lambda: hash("abc") == hash("ab" + "c"))
t(lambda: hash("") == 0)
t(lambda: hash("é") == hash("e\u0301"))
t(lambda: bool(""), )
t(lambda: bool("0"))
t(lambda: sorted(["b", "A", "a", "é", "B", ""]))
t(lambda: max("hello"))
t(lambda: min("hello"))
t(lambda: {"a": 1, "a" + "": 2})
x = "a"
x += "b"
x *= 2
print(x)
class R:
    def __radd__(self, other):
        return "radd(" + other + ")"
    def __rmul__(self, other):
        return "rmul(" + other + ")"
t(lambda: "s" + R())
t(lambda: "s" * R())
