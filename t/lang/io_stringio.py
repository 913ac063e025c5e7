# io.StringIO: reading, writing, seeking, newline modes, errors
import io

s = io.StringIO("line one\nline two\nline three")
print(s.readline(), end="")
print(repr(s.readline(4)), repr(s.readline()), repr(s.read()), repr(s.read()), repr(s.readline()))
s.seek(0)
print([l for l in s])
s.seek(0)
print(s.readlines(), s.tell())
s.seek(0)
print(s.readlines(10))

s = io.StringIO()
print(s.write("h\u00e9llo"), s.write(" w\u00f6rld\n"), s.tell(), repr(s.getvalue()))
s.seek(1)
s.write("E")
print(repr(s.getvalue()), s.tell(), repr(s.read(3)))
s.seek(0, io.SEEK_END)
print(s.tell(), s.seek(0, 1), s.seek(3))
print(s.truncate(), repr(s.getvalue()), s.tell())
s.seek(8)
s.write("x")
print(repr(s.getvalue()))
print(s.truncate(2), repr(s.getvalue()), s.tell())
s.writelines(["a", "b", "c"])
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering)

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd")
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))

with io.StringIO("ctx") as s:
    print(s.read())
print(s.closed)
for f in [lambda: s.read(), lambda: s.write("x"), lambda: s.getvalue(), lambda: s.tell(),
          lambda: s.seek(0), lambda: iter(s)]:
    try:
        f()
    except ValueError as e:
        print("ValueError", e)

s = io.StringIO("abc")
for f in [lambda: s.write(b"x"), lambda: s.write(3), lambda: s.seek(-1), lambda: s.seek(1, 1),
          lambda: s.seek(1, 2), lambda: s.seek(0, 5), lambda: s.truncate(-1), lambda: s.fileno(),
          lambda: s.detach(), lambda: io.StringIO(b"x"), lambda: io.StringIO("", newline="x"),
          lambda: s.seek(1.5), lambda: s.read("x")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.StringIO(None).getvalue() == "", io.StringIO("x\ny").getvalue())


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print("shout", file=u)
print(repr(u.getvalue()), isinstance(u, io.TextIOBase), isinstance(u, io.IOBase))
