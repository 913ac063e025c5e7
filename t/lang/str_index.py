# indexing and slicing of ASCII strs
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "abcdefghij"
for i in [0, 1, 9, -1, -10]:
    print(i, s[i])
t(lambda: s[10])
t(lambda: s[-11])
t(lambda: s[2**70])
t(lambda: s[1.5])
t(lambda: s["a"])
t(lambda: s[None])
t(lambda: s[True])
for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, -3), slice(None, None, 2), slice(None, None, -1),
           slice(8, 2, -2), slice(100, None), slice(-100, 3), slice(5, 2), slice(None, None, 3), slice(1, 9, 4),
           slice(-1, -11, -3), slice(None, None, 100), slice(None, None, -100)]:
    print(sl, repr(s[sl]))
t(lambda: s[::0])
t(lambda: s[1:2:1.5])
t(lambda: s["a":])
t(lambda: ""[0])
t(lambda: ""[:])
print(s[:] is s, s[0:len(s)] is s)
class I:
    def __index__(self):
        return 3
t(lambda: s[I()])
t(lambda: s[I():])
