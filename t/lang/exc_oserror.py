# OSError: errno/strerror/filename, the errno -> subclass mapping, str forms
e = OSError(2, "No such file or directory", "x.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args)
print(str(e), repr(e))
for code in [2, 17, 13, 1, 21, 20,
             4, 10, 3, 32, 111,
             104, 103, 110, 11, 9999]:
    print(code, type(OSError(code, "m")).__name__)
print(repr(OSError("just message")), OSError("just message").errno)
print(str(OSError(1, "a", "f", 0, "g")), OSError(1, "a", "f", 0, "g").filename2)
print(str(OSError(1, "a", None)), str(OSError(1)), OSError(1).errno, OSError(1).strerror)
print(str(OSError(1, 2, 3, 4, 5, 6)), OSError(1, 2, 3, 4, 5, 6).errno)
f = FileNotFoundError(2, "gone", "/p")
print(type(f).__name__, f, f.args)
f2 = FileNotFoundError("only message")
print(f2.errno, f2.strerror, str(f2))
p = PermissionError(13, "Permission denied", "/root/x")
print(p, isinstance(p, OSError))
e = OSError(2, "x")
e.errno = 99
e.strerror = "changed"
e.filename = "fn"
print(e.errno, e.strerror, e.filename, str(e))
try:
    open("/tmp/pyl_surely_missing_dir_9/f.txt")
except OSError as err:
    print(type(err).__name__, err.errno, err.strerror, err.filename, err)
try:
    open("/tmp", "r").read()
except OSError as err:
    print(type(err).__name__, err.errno, err)
try:
    raise FileExistsError(17, "File exists", "a", None, "b")
except OSError as err:
    print(type(err).__name__, err)
print(BlockingIOError(11, "x", 5).characters_written)
b = BlockingIOError(11, "x")
print(hasattr(b, "characters_written"), b.args, OSError(1, "a", None).args, OSError(1, "a", None, 5).args)
