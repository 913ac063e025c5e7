# repr of bytes and bytearray
vals = [b"", b"abc", b"it's", b'say "hi"', b"both ' and \"", b"\\", b"\t\n\r\x0b\x0c", b"\x00\x01\x1f\x7f\x80\xff", bytes(range(32, 127))]
for v in vals:
    print(repr(v), repr(bytearray(v)), str(v))
class BA(bytearray):
    pass
print(repr(BA(b"sub")), repr(bytearray()))
print(repr([b"x", bytearray(b"y")]))
