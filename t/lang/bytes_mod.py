# bytes % formatting
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: b"%s" % b"x")
t(lambda: b"%s|%5s|%-5s|" % (b"a", b"b", bytearray(b"c")))
t(lambda: b"%b" % b"bin")
t(lambda: b"%d %i %x %X %o %#x" % (1, -2, 255, 255, 8, 255))
t(lambda: b"%5.2f|%e|%g" % (3.14159, 1.5, 0.0001))
t(lambda: b"%c%c" % (65, b"B"))
t(lambda: b"%c" % bytearray(b"x"))
t(lambda: b"%r %a" % ("é", "é"))
t(lambda: b"%(k)s" % {b"k": b"v"})
t(lambda: b"%(k)s" % {"k": b"v"})
t(lambda: b"%%" % ())
t(lambda: b"%s" % "str")
t(lambda: b"%b" % 5)
t(lambda: b"%c" % 256)
t(lambda: b"%c" % -1)
t(lambda: b"%c" % b"ab")
t(lambda: b"%c" % 1.5)
t(lambda: b"%d" % "a")
t(lambda: b"%x" % 1.5)
t(lambda: b"" % 5)
t(lambda: b"" % [1])
t(lambda: b"%y" % 1)
t(lambda: b"%s %s" % (b"x",))
t(lambda: bytearray(b"%d-%s") % (5, b"z"))
t(lambda: b"%.2s" % b"abcdef")
class HB:
    def __bytes__(self):
        return b"HB"
t(lambda: b"%s" % HB())
t(lambda: b"%5s" % HB())
t(lambda: b"%i" % None)
t(lambda: b"%u" % [])
t(lambda: b"%f" % "x")
t(lambda: b"%e" % None)
t(lambda: b"%x" % "y")
