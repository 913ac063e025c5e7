# binary files: read(n), readline, readlines, iteration, seek whence, tell, truncate, write types
p = "/tmp/pyl_test_io_binary_more.bin"
with open(p, "wb") as f:
    print(f.write(b"alpha\nbeta\n"), f.write(bytearray(b"gamma\n")), f.write(b"\x00\xff"), f.tell())
with open(p, "rb") as f:
    print(f.readline(), f.readline(2), f.readlines())
with open(p, "rb") as f:
    print(list(f))
with open(p, "rb") as f:
    print(f.read(0), f.read(3), f.seek(2, 1), f.read(2), f.seek(-3, 2), f.read(), f.read(), f.tell())
    print(f.seek(0), f.read(-1)[:5], f.seek(100), f.read(), f.tell())
with open(p, "r+b") as f:
    print(f.truncate(5), f.tell(), f.read(), f.seek(0, 2))
with open(p, "rb") as f:
    data = f.read()
print(data, len(data))
with open(p, "ab") as f:
    f.write(bytes(range(250, 256)))
with open(p, "rb") as f:
    print(f.read().hex(), f.name == p, f.mode, f.closed)
with open(p, "wb") as f:
    f.writelines([b"x", bytearray(b"y"), b"z\n"])
with open(p, "rb") as f:
    b = bytearray(4)
    print(f.readinto(b), b, f.read())
with open(p, "rb", buffering=0) as f:
    print(f.read())
with open(p, "rb") as f:
    print(type(f).__name__, f.readable(), f.writable(), f.seekable())
