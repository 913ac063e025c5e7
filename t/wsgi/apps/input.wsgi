# wsgi.input in every way PEP 3333 allows reading it; PATH_INFO picks the way.
# The answer is ascii() of what was read, so bytes are compared exactly.


def application(environ, start_response):
    inp = environ["wsgi.input"]
    mode = environ.get("PATH_INFO", "").strip("/")
    if mode == "read":
        out = [inp.read(), inp.read()]
    elif mode == "read_all":
        out = [inp.read(-1), inp.read(-1)]
    elif mode == "read_n":
        out = [inp.read(5), inp.read(5), inp.read(), inp.read(3)]
    elif mode == "readline":
        out = []
        while True:
            line = inp.readline()
            out.append(line)
            if not line:
                break
    elif mode == "readline_n":
        out = [inp.readline(2), inp.readline(), inp.readline(100), inp.readline()]
    elif mode == "readlines":
        out = [inp.readlines(), inp.read()]
    elif mode == "readlines_hint":
        out = [inp.readlines(3), inp.read()]
    elif mode == "iter":
        out = [line for line in inp]
    elif mode == "eof":
        out = [inp.read(), inp.read(), inp.read(10), inp.readline(), inp.readlines()]
    elif mode == "overread":
        out = [inp.read(100000), inp.read(100000)]
    elif mode == "len":
        data = inp.read()
        out = "len=%d nl=%d first=%s last=%s" % (len(data), data.count(b"\n"), ascii(data[:8]), ascii(data[-8:]))
    elif mode == "loop":
        chunks = total = 0
        while True:
            part = inp.read(7)
            if not part:
                break
            chunks += 1
            total += len(part)
        out = "chunks=%d total=%d" % (chunks, total)
    else:
        out = "unknown mode " + mode
    body = (out if isinstance(out, str) else ascii(out)).encode("ascii")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body]
