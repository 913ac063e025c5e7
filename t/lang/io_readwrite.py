# reading and writing text files: read(n), readline(n), readlines(hint), iteration,
# writelines, seek/tell, with, and the file object's attributes
p = "/tmp/pyl_test_io_readwrite.txt"
with open(p, "w", encoding="utf-8") as f:
    n = f.write("line one\n")
    f.writelines(["line two\n", "line three\n"])
    f.writelines(x + "\n" for x in ["four", "five"])
    print(n, f.name == p, f.encoding, f.closed, f.tell())
print(f.closed)
with open(p) as f:
    print(repr(f.read(4)), repr(f.read(0)), f.tell(), repr(f.readline()), repr(f.readline(3)), repr(f.readline(100)))
with open(p) as f:
    print(f.readlines())
with open(p) as f:
    print(f.readlines(10))
with open(p) as f:
    print([line.strip() for line in f])
with open(p) as f:
    print(next(f), f.readline(), list(f), repr(f.read()), repr(f.readline()), f.readlines())
with open(p) as f:
    f.seek(5)
    print(repr(f.read(3)), f.tell())
    pos = f.tell()
    f.readline()
    f.seek(pos)
    print(repr(f.readline()))
    f.seek(0, 2)
    print(repr(f.read()), f.tell() == len("line one\nline two\nline three\nfour\nfive\n"))
with open(p) as f:
    for i, line in enumerate(f, 1):
        if i == 2:
            break
    print(i, repr(f.readline()))
with open(p, "w") as f:
    print(f.write(""), f.write("ünïcödé ✓\n"), f.tell())
with open(p, encoding="utf-8") as f:
    print(repr(f.read()))
with open(p, "rb") as f:
    print(f.read())
with open(p, "w", encoding="latin-1") as f:
    f.write("café")
with open(p, "rb") as f:
    print(f.read())
with open(p, "w", newline="") as f:
    f.write("a\r\nb\rc\n")
with open(p, newline="") as f:
    print(repr(f.read()))
with open(p) as f:
    print(repr(f.read()), f.newlines if hasattr(f, "newlines") else None)
with open(p, newline="\r\n") as f:
    print(f.readlines())
with open(p, "w", newline="\r\n") as f:
    f.write("x\ny\n")
with open(p, "rb") as f:
    print(f.read())
f = open(p)
print(f.__enter__() is f, f.__exit__(None, None, None), f.closed)
with open(p) as f:
    print(repr(f).startswith("<_io.TextIOWrapper name="), isinstance(f.fileno(), int), f.isatty())
