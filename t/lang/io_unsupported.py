# pyl-test: full-stderr
# io.UnsupportedOperation is both an OSError and a ValueError; uncaught it is
# printed with its module
p = "/tmp/pyl_test_io_unsupported.txt"
with open(p, "w") as f:
    for exc_type in (OSError, ValueError):
        try:
            f.read()
        except exc_type as e:
            print(exc_type.__name__, "caught", type(e).__name__, type(e).__module__, e)
            cls = type(e)
    print([c.__name__ for c in cls.__mro__])
with open(p, "rb") as f:
    try:
        f.write(b"x")
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.args)
f = open(p, "w")
f.readline()
