# io.BytesIO and the io module's names
import io

b = io.BytesIO(b"first\nsecond\nthird")
print(b.read(3), b.tell(), b.readline(), b.readline(2), b.readlines())
print(b.read(), b.read(10), b.readline())
b.seek(0)
print(list(b))
b.seek(0)
print(b.readlines(8))

b = io.BytesIO()
print(b.write(b"hello"), b.write(bytearray(b" world")), b.tell(), b.getvalue())
b.seek(20)
print(b.write(b"!"), b.getvalue())
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.seek(2, 0), b.read(3))
print(b.truncate(4), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
buf = bytearray(3)
b.seek(0)
print(b.readinto(buf), buf, b.read1(10))
b.writelines([b"a", b"b"])
print(b.getvalue(), b.readable(), b.writable(), b.seekable(), b.isatty())

with io.BytesIO(b"x") as b:
    print(b.read(), b.closed)
print(b.closed)
for f in [lambda: b.read(), lambda: b.getvalue(), lambda: b.write(b"x"), lambda: b.seek(0)]:
    try:
        f()
    except ValueError as e:
        print("ValueError", e)

b = io.BytesIO(b"abc")
for f in [lambda: b.write("str"), lambda: b.seek(-1), lambda: b.seek(0, 3),
          lambda: b.truncate(-2), lambda: b.fileno(), lambda: io.BytesIO("str")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(io.open is open, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(io.TextIOWrapper.__name__, io.BufferedReader.__name__, io.UnsupportedOperation.__module__)
with open(__file__) as f:
    print(isinstance(f, io.TextIOWrapper), isinstance(f, io.TextIOBase), isinstance(f, io.IOBase))
with open(__file__, "rb") as f:
    print(isinstance(f, io.BufferedReader), isinstance(f, io.BufferedIOBase),
          isinstance(f, io.TextIOBase))
    try:
        f.write(b"x")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.BufferedIOBase))
