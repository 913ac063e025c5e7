# chr, ord, hex, oct, bin, ascii, repr, format, callable
print(chr(0), repr(chr(0)), chr(97), chr(0x20ac), chr(0x1f600), chr(0x10ffff) == "\U0010ffff")
print(ord("a"), ord("€"), ord("😀"), ord(b"A"), ord(bytearray(b"z")), ord("\x00"))
print(hex(0), hex(255), hex(-1), hex(2**64), oct(0), oct(8), oct(-64), bin(0), bin(5), bin(-5), bin(2**40))
print(hex(True), oct(False), bin(True))
print(ascii("plain"), ascii("é"), ascii("€😀"), ascii(["ü", b"\xff"]), ascii("\n\t"), ascii(1.5))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\x7f\x80"), repr("\u200b"))
print(repr(1), repr(1.0), repr(None), repr(True), repr([1, [2]]), repr((1,)), repr({}), repr(set()))
print(format(255, "x"), format(255, "#010b"), format(3.14159, "e"), format("s", "^5"), format(12345, ","))
print(format(1.5), format(None), format([1]), format(0.1, ".30f")[:20], format(1e100, "g"))
print(callable(print), callable(int), callable(C := type("C", (), {})), callable(C()), callable(None))
class F:
    def __call__(self):
        return 1
print(callable(F()), callable(F), callable(lambda: 1), callable("str".upper), callable(5))
class H:
    def __index__(self):
        return 10
print(hex(H()), oct(H()), bin(H()))
class R:
    def __repr__(self):
        return "R-é"
print(repr(R()), ascii(R()), str(R()), format(R()), f"{R()!a}")
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: chr(1.5), lambda: ord(""),
            lambda: ord("ab"), lambda: ord(5), lambda: ord(b"ab"), lambda: hex(1.5), lambda: oct("7"),
            lambda: bin(None), lambda: format(1, "q"), lambda: format(object(), "x"), lambda: callable(),
            lambda: chr(2**70)]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
