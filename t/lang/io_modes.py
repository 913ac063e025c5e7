# open() modes: r w a x + b, what each allows, and the errors for the rest
p = "/tmp/pyl_test_io_modes.txt"
with open(p, "w") as f:
    f.write("hello\nworld\n")
with open(p, "a") as f:
    print(f.tell(), f.write("more\n"), f.mode, f.readable(), f.writable())
with open(p) as f:
    print(repr(f.read()), f.mode, f.readable(), f.writable(), f.seekable())
with open(p, "r+") as f:
    print(repr(f.read(5)))
    f.seek(0)
    f.write("HELLO")
    f.seek(0)
    print(repr(f.read()))
with open(p, "w+") as f:
    print(repr(f.read()))
    f.write("fresh")
    f.seek(0)
    print(repr(f.read()), f.mode)
with open(p, "a+") as f:
    f.write("+tail")
    f.seek(0)
    print(repr(f.read()), f.mode)
try:
    open(p, "x")
except FileExistsError as e:
    print("FileExistsError:", e.errno, e.filename == p, e.strerror)
px = "/tmp/pyl_test_io_modes_x.txt"
try:
    f = open(px, "x")
except FileExistsError:
    f = open(px, "w")  # left over from an earlier run
with f:
    print(f.write("exclusive"))
with open(px) as f:
    print(f.read())
with open(px, "w"):
    pass
with open(p, "rb") as f:
    print(f.mode, f.read(), type(f).__name__)
with open(p, "wb") as f:
    print(f.mode, f.write(b"bin\x00ary"))
with open(p, "ab") as f:
    print(f.mode, f.write(b"!"))
with open(p, "r+b") as f:
    print(f.mode, f.read(3), f.tell())
with open(p, "rt") as f:
    print(f.mode, repr(f.read()))
with open(p, "w") as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
with open(p, "r") as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__, e)
for mode in ["rw", "z", "rr", "wa", "bt", "+", "", "U", "rbb", "xr"]:
    try:
        open(p, mode)
        print(mode, "opened")
    except ValueError as e:
        print(repr(mode), "ValueError:", e)
for bad in [lambda: open(p, "rb", newline="\n"), lambda: open(p, "rb", errors="strict"),
            lambda: open(p, "r", newline="x"), lambda: open(p, 5), lambda: open(3.5),
            lambda: open(p, buffering="x")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
