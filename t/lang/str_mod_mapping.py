# printf-style formatting with %(key)s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {"name": "Ann", "age": 7, "h": 1.625, "k(x)": "nested"}
t(lambda: "%(name)s is %(age)d" % d)
t(lambda: "%(h).2f|%(h)8.3f|%(age)05d" % d)
t(lambda: "%(k(x))s" % d)
t(lambda: "%(name)r %(name)a" % d)
t(lambda: "%(name)s %%" % d)
t(lambda: "%(missing)s" % d)
t(lambda: "%(name)s" % 5)
t(lambda: "%(name)s" % ("a",))
t(lambda: "%(name)s %s" % d)
t(lambda: "%(name" % d)
t(lambda: "%(name)" % d)
t(lambda: "%(name)%" % d)
t(lambda: "%()s" % {"": "empty"})
t(lambda: "%(a)s %(a)s" % {"a": "twice"})
t(lambda: "%s" % d == str(d))
class M:
    def __getitem__(self, k):
        return k.upper()
t(lambda: "%(abc)s-%(x)s" % M())
class DD(dict):
    def __missing__(self, k):
        return "?" + k
t(lambda: "%(zz)s" % DD())
