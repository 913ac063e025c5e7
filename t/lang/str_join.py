# str.join with lists, tuples, generators and errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: ",".join(["a", "b", "c"]))
t(lambda: "".join(["a", "b", "c"]))
t(lambda: ", ".join(("x", "y")))
t(lambda: "-".join("abc"))
t(lambda: "-".join(x for x in "xyz"))
t(lambda: "-".join([]))
t(lambda: "-".join(["only"]))
t(lambda: "-".join(["", ""]))
t(lambda: "é".join(["a", "b"]))
t(lambda: "".join(["ü", "ñ", "€", "😀"]))
t(lambda: ",".join({"k": 1, "j": 2}))
t(lambda: ",".join([1, 2]))
t(lambda: ",".join(["a", 2]))
t(lambda: ",".join(["a", b"b"]))
t(lambda: ",".join(5))
t(lambda: ",".join(None))
t(lambda: ",".join())
t(lambda: ",".join(["a"], ["b"]))
parts = [str(i) for i in range(1000)]
s = "|".join(parts)
print(len(s), s[:20], s[-10:])
print(len("".join(["ab"] * 10000)))
class S(str):
    pass
r = "".join([S("sub")])
print(r, type(r).__name__)
