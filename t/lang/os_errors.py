# os: the OSError subclasses and CPython's argument errors
import os

here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, "_os_errors_tmp")
os.makedirs(base, exist_ok=True)


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        fn = e.filename if isinstance(e, OSError) else None
        if isinstance(fn, str) and fn.startswith(base):
            fn = "BASE" + fn[len(base):]
        print(type(e).__name__, e.args if not isinstance(e, OSError) else (e.errno, e.strerror),
              repr(fn), repr(getattr(e, "filename2", None)))
    else:
        print("ok", r)


j = lambda *p: os.path.join(base, *p)
show(os.stat, "no/such/file")
show(os.lstat, b"no-such")
show(os.listdir, "no-such-dir")
show(os.open, "no-such", os.O_RDONLY)
show(os.rmdir, "no-such")
show(os.remove, "no-such")
show(os.unlink, "no-such")
show(os.chdir, "no-such")
show(os.rename, "no-such-a", "no-such-b")
show(os.mkdir, base)
with open(j("file"), "w") as f:
    f.write("x")
show(os.listdir, j("file"))
show(os.rmdir, j("file"))
show(os.mkdir, j("file", "sub"))
show(os.remove, base)
show(os.read, 9999, 1)
show(os.write, 9999, b"x")
show(os.close, 9999)
show(os.fstat, 9999)
show(os.lseek, 9999, 0, 0)
show(os.read, 0, -1)
show(os.write, 1, "text")
show(os.stat, [])
show(os.stat, None)
show(os.listdir, 3.5)
show(os.stat, "a\0b")
show(os.mkdir, b"x\0")
show(os.read, "x", 1)
show(os.urandom, -1)
show(os.putenv, "a=b", "c")
show(os.putenv, "a", "c\0")
show(os.strerror, 2)
show(os.strerror, 13)
show(os.open, "x")
show(os.makedirs, j("file", "deeper", "still"))
e = OSError(2, "No such file or directory", "f")
print(type(e).__name__, e, e.errno, e.strerror, e.filename)
print(os.error is OSError)
print(len(os.urandom(16)), os.urandom(0))
os.remove(j("file"))
os.rmdir(base)
