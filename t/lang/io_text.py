path = "/tmp/pyl_test_io_text.txt"
with open(path, "w") as f:
    print(f.write("first line\n"), f.write("second ünïcode line\n"))
    f.write("no newline at end")
    print(f.closed, f.name == path, f.mode)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(f.readlines())
with open(path, encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(path, "a") as f:
    f.write("\nappended")
with open(path) as f:
    data = f.read()
print(data.count("\n"), data.splitlines()[-1])
with open(path, "r") as f:
    print(repr(f.read(5)), repr(f.read(3)), repr(f.readline()))
f = open(path)
print(f.readline().strip())
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("/tmp/pyl_no_such_dir/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    open(path, "rw")
except ValueError as e:
    print("ValueError:", e)
with open(path, "w") as f:
    f.writelines(["a\r\n", "b\rc\n"])
with open(path, newline=None) as f:
    print(repr(f.read()))
