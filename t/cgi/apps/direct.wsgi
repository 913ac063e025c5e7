# The direct tests' application (t/cgi/run runs it with `pyl --cgi` and a
# synthetic CGI environment): PATH_INFO picks what it does.
import sys


class Body:
    """An iterable that fails on its second item; close() is logged."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2:
            raise ValueError("second item")
        return b"first\n"

    def close(self):
        print("close() called", file=sys.stderr)


def application(environ, start_response):
    mode = environ.get("PATH_INFO", "").strip("/")
    text = [("Content-Type", "text/plain")]
    if mode == "environ":
        keys = ["wsgi.version", "wsgi.url_scheme", "wsgi.multithread", "wsgi.multiprocess",
                "wsgi.run_once", "SCRIPT_NAME", "QUERY_STRING", "REQUEST_METHOD", "X_LATIN"]
        lines = [k + "=" + ascii(environ.get(k)) for k in keys]
        nonstr = [k for k in environ if "." not in k and type(environ[k]) is not str]
        lines.append("NONSTR=" + ascii(nonstr))
        inp, err = environ["wsgi.input"], environ["wsgi.errors"]
        lines.append("STREAMS=" + ascii((
            all(hasattr(inp, m) for m in ("read", "readline", "readlines", "__iter__")),
            all(hasattr(err, m) for m in ("write", "writelines", "flush")),
            callable(environ["wsgi.file_wrapper"]))))
        start_response("200 OK", text)
        return [("\n".join(lines) + "\n").encode("ascii")]
    if mode == "read":
        start_response("200 OK", text)
        return [ascii(environ["wsgi.input"].read()).encode()]
    if mode == "lines":
        inp = environ["wsgi.input"]
        out = [inp.readline(), inp.readline(2), inp.readlines(), [x for x in inp], inp.read()]
        start_response("200 OK", text)
        return [ascii(out).encode()]
    if mode == "print":
        print("to the error log, not the response")
        sys.stdout.flush()
        environ["wsgi.errors"].write("wsgi.errors line\n")
        start_response("200 OK", text)
        return [b"clean body"]
    if mode == "raise":
        raise RuntimeError("the application broke")
    if mode == "badstatus":
        start_response("200", text)
        return [b"never"]
    if mode == "hopbyhop":
        start_response("200 OK", [("Connection", "close")])
        return [b"never"]
    if mode == "str_body":
        start_response("200 OK", text)
        return ["text, not bytes"]
    if mode == "no_start":
        return [b"body without start_response"]
    if mode == "midstream":
        start_response("200 OK", text)
        return Body()
    if mode == "write":
        write = start_response("200 OK", text)
        write(b"written-")
        return [b"returned"]
    if mode == "exc_info":
        start_response("200 OK", text)
        try:
            raise KeyError("k")
        except KeyError:
            start_response("503 Service Unavailable", text, sys.exc_info())
        return [b"replaced"]
    if mode == "too_long":
        start_response("200 OK", [("Content-Length", "3")])
        return [b"abcdefghij"]
    if mode == "filewrapper":
        f = open(__file__, "rb")
        start_response("200 OK", text)
        return environ["wsgi.file_wrapper"](f, 16)
    if mode == "big":
        def gen():
            try:
                for _ in range(2000):
                    yield b"x" * 8192
            finally:
                print("generator closed", file=sys.stderr)
        start_response("200 OK", text)
        return gen()
    start_response("404 Not Found", text)
    return [b"no such mode: " + mode.encode()]
