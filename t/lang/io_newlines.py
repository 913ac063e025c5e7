# newline= on reading and writing: None (universal, translated), '' (universal,
# untranslated), '\n', '\r', '\r\n'; and the .newlines record
p = "/tmp/pyl_test_io_newlines.txt"
raw = b"one\ntwo\r\nthree\rfour\r\n\r\nfive"
with open(p, "wb") as f:
    f.write(raw)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, f.newlines)
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read()), repr([line for line in open(p, newline=nl)][-1]))
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read(5)), repr(f.readline()), repr(f.read(4)), repr(f.readline(2)))
with open(p) as f:
    print(f.newlines)
    f.readline()
    print(f.newlines)
    f.readline()
    print(f.newlines)
    f.read()
    print(f.newlines)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd")
        f.writelines(["\n", "e\n"])
    with open(p, "rb") as f:
        print(repr(nl), f.read())
with open(p, "wb") as f:
    f.write(b"x" * 8191 + b"\r\n" + b"y\r" + b"\nz")
with open(p) as f:
    lines = f.readlines()
    print(len(lines), [len(x) for x in lines], repr(lines[1]), f.newlines)
with open(p, newline="") as f:
    print([len(x) for x in f])
with open(p) as f:
    data = f.read()
    print(len(data), data.count("\n"), data[-4:])
