# str.format field names: attributes, items, nesting
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Pt:
    def __init__(self):
        self.x = 3
        self.y = [10, 20]
        self.d = {"k": "v"}
p = Pt()
t(lambda: "{0.x} {0.y[1]} {0.d[k]}".format(p))
t(lambda: "{p.x}/{p.y[0]}".format(p=p))
t(lambda: "{0[0]}{0[2]}".format("abc"))
t(lambda: "{0[1]}".format({"1": "str key", 1: "int key"}))
t(lambda: "{0[a]}".format({"a": 3}))
t(lambda: "{a[b][c]}".format(a={"b": {"c": 5}}))
t(lambda: "{a[0][0]}".format(a=["xy"]))
t(lambda: "{0.real}-{0.imag}".format(3))
t(lambda: "{.real}".format(4))
t(lambda: "{[1]}".format("xy"))
t(lambda: "{0[0].real!r:*^9}".format([5]))
t(lambda: "{0.__class__.__name__}".format(1.5))
t(lambda: "{:{}}".format("a", 5))
t(lambda: "{:{}{}}".format("a", ">", 5))
t(lambda: "{0:{1}}".format(3.14159, ".2f"))
t(lambda: "{:{x}}".format(1, x=3))
t(lambda: "{0:{w}.{p}f}".format(2.5, w=8, p=3))
t(lambda: "{:>{}}".format("r", 4))
t(lambda: "{0:{{}}}".format(1))
t(lambda: "{0.missing}".format(p))
t(lambda: "{0[5]}".format([1]))
t(lambda: "{0[x]}".format({}))
t(lambda: "{a.b}".format(a=1))
