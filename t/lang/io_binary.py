path = "/tmp/pyl_test_io_binary.bin"
with open(path, "wb") as f:
    print(f.write(b"\x00\x01\x02hello\xff"), f.write(bytearray(b"!!")))
with open(path, "rb") as f:
    data = f.read()
print(data, len(data), type(data).__name__)
with open(path, "rb") as f:
    print(f.read(3), f.read(5), f.tell(), f.read())
    f.seek(0)
    print(f.read(2), f.seek(-2, 2), f.read())
with open(path, "r+b") as f:
    f.seek(3)
    f.write(b"HELLO")
with open(path, "rb") as f:
    print(f.read())
try:
    with open(path, "wb") as f:
        f.write("text")
except TypeError as e:
    print("TypeError:", e)
try:
    with open(path, "w") as f:
        f.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    open(path, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError:", e)
