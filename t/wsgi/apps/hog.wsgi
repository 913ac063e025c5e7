# Allocates until the VM's heap limit stops it. PATH_INFO "/catch" catches the
# MemoryError and answers normally; "/some" allocates only ~8 MB. Without a
# limit it gives up at 400 MB (so a missing limit fails the case, not the host).


def hog():
    keep = []
    while len(keep) < 400:
        keep.append(bytearray(1 << 20))
    return len(keep)


def application(environ, start_response):
    mode = environ.get("PATH_INFO", "").strip("/")
    if mode == "catch":
        try:
            msg = b"no limit hit after %d MB" % hog()
        except MemoryError:
            msg = b"caught MemoryError"
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [msg]
    if mode == "some":
        keep = [bytearray(1 << 20) for _ in range(8)]
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"allocated %d MB" % len(keep)]
    msg = b"no limit hit after %d MB" % hog()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [msg]
