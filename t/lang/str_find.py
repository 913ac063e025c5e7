# find / rfind / index / rindex with start and end
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "hello world, hello"
for sub in ["hello", "o", "world", "", "xyz", "d, h"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.find(sub, 3), s.rfind(sub, 0, 10), s.find(sub, -5), s.rfind(sub, -100, -3))
t(lambda: "abc".find("", 3))
t(lambda: "abc".find("", 4))
t(lambda: "abc".rfind("", 4))
t(lambda: "abc".rfind(""))
t(lambda: "abc".find("c", None, None))
t(lambda: "abc".find("b", 1, 1))
t(lambda: "abc".find("b", 2, 1))
t(lambda: "abc".find("b", -1000, 1000))
t(lambda: "abc".find("b", 2**100))
t(lambda: "abc".find("b", -2**100))
t(lambda: "abc".index("c"))
t(lambda: "abc".index("z"))
t(lambda: "abc".rindex("a"))
t(lambda: "abc".rindex("z"))
t(lambda: "abc".index("a", 1))
t(lambda: "abc".find(1))
t(lambda: "abc".find(None))
t(lambda: "abc".find())
t(lambda: "abc".find("a", 1, 2, 3))
t(lambda: "abc".find("a", "x"))
t(lambda: "abc".find("a", 1.0))
t(lambda: "abc".find("a", True))
t(lambda: "abc".rfind("a", False, True))
t(lambda: "abc".index())
t(lambda: "abc".rindex("a", 1, 2, 3))
u = "αβγ😀δαβ"
for sub in ["α", "β", "😀", "δα", "γ😀δ", "x"]:
    print(repr(sub), u.find(sub), u.rfind(sub), u.find(sub, 2), u.rfind(sub, 0, 5))
t(lambda: u.index("😀", 4))
long = "é" * 500 + "needle" + "ü" * 500 + "needle"
print(long.find("needle"), long.rfind("needle"), long.find("needle", 507), long.rfind("needle", 0, 1000))
print("needle" in long, "hay" in long, "" in long, "é" * 3 in long)
