# subclasses of str keep their type only where CPython does
class MyStr(str):
    def shout(self):
        return self.upper() + "!"

m = MyStr("abc")
print(m, repr(m), m.shout(), type(m).__name__, isinstance(m, str))
print(type(m + "d").__name__, type(m * 2).__name__, type(m[0]).__name__, type(m.strip()).__name__)
print(type("".join([m])).__name__, m == "abc", hash(m) == hash("abc"))
print({m: 1}["abc"], "abc" in {m}, m in "xabcx")
print(type(str(m)).__name__, type(m.__str__()).__name__)
print(sorted([MyStr("b"), "a", MyStr("c")]))
class Up(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Up("hey"), type(Up("hey")).__name__, len(Up("hey")))
print("%s|%r" % (m, m), "{}".format(m), f"{m}")
