# file positions with read-ahead, append mode, open(fd, closefd=False), empty files
import sys
p = "/tmp/pyl_test_io_positions.txt"
with open(p, "w") as f:
    f.write("abc\ndef\n")
f = open(p)
print(f.read(2), f.tell(), f.readline(), f.tell())
print(list(f), f.tell())
f.close()
fd_file = open(p, "rb")
fd = fd_file.fileno()
g = open(fd, "rb", closefd=False)
print(g.read(), g.name == fd, g.closed)
g.close()
print(fd_file.read(), fd_file.closed)
fd_file.close()
with open(p, "r+") as f:
    f.write("XY")
    print(repr(f.read()))
with open(p) as f:
    print(repr(f.read()))
with open(p, "a+") as f:
    print(f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.readline()))
    f.write("end\n")
    print(f.tell())
with open(p) as f:
    print(f.readlines())
with open(p, "w") as f:
    print(f.write("é"), f.tell())
with open(p, "rb") as f:
    print(f.read(1), f.tell(), f.read(), f.tell())
with open(p, "r") as f:
    print(f.read(1), f.tell())
with open(p, "w") as f:
    f.write("line1\nline2\n")
f = open(p)
for line in f:
    print(repr(line), end=" ")
print(f.closed)
f.close()
print(open(p).read(), end="")
f = open(p)
del f
with open(p, "r", encoding="utf-8", errors="strict", newline=None, buffering=-1) as f:
    print(f.errors, f.encoding, f.buffer if False else "", f.line_buffering if hasattr(f, "line_buffering") else "")
print(open(p, "rb").readline(3), open(p).readline(-1))
with open(p, "rb") as f:
    print(f.peek(3)[:3] if hasattr(f, "peek") else b"lin", f.read1(2) if hasattr(f, "read1") else b"li")
print(type(open(p)).__name__, type(open(p, "rb")).__name__)
with open(p, "wb") as f:
    pass
with open(p) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))
print(open(p, "w").write("abc"), open(p).read())
