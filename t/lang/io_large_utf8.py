# text files larger than the buffers, with multi-byte UTF-8 across chunk edges
p = "/tmp/pyl_test_io_large_utf8.txt"
line = "αβγ€😀 line\n"
with open(p, "w", encoding="utf-8") as f:
    for i in range(3000):
        f.write(f"{i:05d} {line}")
with open(p, encoding="utf-8") as f:
    n = 0
    total = 0
    for ln in f:
        n += 1
        total += len(ln)
    print(n, total)
with open(p, encoding="utf-8") as f:
    chunks = []
    while True:
        c = f.read(777)
        if not c:
            break
        chunks.append(c)
    text = "".join(chunks)
    print(len(chunks), len(text), text.count("😀"), all(len(c) == 777 for c in chunks[:-1]))
with open(p, encoding="utf-8") as f:
    print(repr(f.readline(8)), repr(f.readline(3)), repr(f.readline()))
with open(p, "rb") as f:
    b = f.read()
print(len(b), b[:20])
with open(p, encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), lines[-1])
with open(p, encoding="utf-8") as f:
    f.seek(0, 2)
    end = f.tell()
    f.seek(0)
    first = f.readline()
    print(end == len(b), f.tell() == len(first.encode()))
with open(p, "w", encoding="utf-16") as f:
    f.write("ünï\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-16") as f:
    print(repr(f.read()))
with open(p, "w", encoding="ascii", errors="replace") as f:
    f.write("café ✓")
with open(p, "rb") as f:
    print(f.read())
try:
    with open(p, "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
with open(p, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("é✓")
with open(p) as f:
    print(f.read(), f.encoding)
