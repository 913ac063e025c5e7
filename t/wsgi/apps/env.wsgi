# Echo the whole environ, one "KEY=VALUE" line per key, sorted. Plain values
# (str, bool, int, None, tuple) are shown with ascii(); other objects as <type>.
# Two summary lines follow: NONSTR lists CGI keys (no dot in the name) whose
# value is not a native str; STREAMS says whether wsgi.input / wsgi.errors /
# wsgi.file_wrapper have the methods PEP 3333 requires; ENVIRON_TYPE is the
# type of environ itself (a builtin dict).


def show(v):
    if v is None or isinstance(v, (str, bool, int, tuple)):
        return ascii(v)
    return "<" + type(v).__name__ + ">"


def application(environ, start_response):
    lines = [k + "=" + show(environ[k]) for k in sorted(environ)]
    nonstr = [k for k in sorted(environ) if "." not in k and type(environ[k]) is not str]
    lines.append("NONSTR=" + ascii(nonstr))
    inp = environ["wsgi.input"]
    err = environ["wsgi.errors"]
    ok_in = all(hasattr(inp, m) for m in ("read", "readline", "readlines", "__iter__"))
    ok_err = all(hasattr(err, m) for m in ("write", "writelines", "flush"))
    ok_fw = callable(environ.get("wsgi.file_wrapper"))
    lines.append("STREAMS=" + ascii((ok_in, ok_err, ok_fw)))
    lines.append("ENVIRON_TYPE=" + type(environ).__name__)
    body = ("\n".join(lines) + "\n").encode("ascii")
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
