# wsgiref (pyl's lib/wsgiref): headers.Headers, the util functions, and
# handlers.BaseCGIHandler / SimpleHandler driving applications over in-memory
# streams (what CGIHandler does with stdin and stdout).
import io
from wsgiref.headers import Headers
from wsgiref.util import (FileWrapper, application_uri, guess_scheme, is_hop_by_hop,
                          request_uri, setup_testing_defaults, shift_path_info)
from wsgiref.handlers import BaseCGIHandler, SimpleHandler

h = Headers([("Content-Type", "text/plain")])
h["X-One"] = "1"
h.add_header("Set-Cookie", "a=1")
h.add_header("Set-Cookie", "b=2")
h.add_header("Content-Disposition", "attachment", filename="a b.txt", size=None)
print(len(h), h["content-type"], h.get("missing", "dflt"), "x-one" in h, h.get_all("set-cookie"))
print(h.setdefault("X-One", "9"), h.setdefault("X-Two", "2"))
del h["set-cookie"]
print(h.keys(), h.values())
print(repr(h))
print(ascii(str(h)), bytes(h))
try:
    Headers([("a", 1)])
except AssertionError:
    print("AssertionError for a non-str value")

env = {"HTTPS": "on", "SERVER_NAME": "example.org", "SERVER_PORT": "443",
       "wsgi.url_scheme": "https", "SCRIPT_NAME": "/app", "PATH_INFO": "/a b/c",
       "QUERY_STRING": "x=1"}
print(guess_scheme(env), guess_scheme({}), application_uri(env), request_uri(env),
      request_uri(env, False))
env["SERVER_PORT"] = "8443"
env["HTTP_HOST"] = ""
print(application_uri(env))
env = {"SCRIPT_NAME": "/app", "PATH_INFO": "/one/./two//three/"}
while True:
    name = shift_path_info(env)
    print(repr(name), env["SCRIPT_NAME"], env["PATH_INFO"])
    if name is None:
        break
env = {}
setup_testing_defaults(env)
print(sorted(k for k in env if not k.startswith("wsgi.")), env["wsgi.url_scheme"],
      env["SERVER_PORT"], env["PATH_INFO"])
print(is_hop_by_hop("Connection"), is_hop_by_hop("keep-alive"), is_hop_by_hop("Content-Type"))
print(list(FileWrapper(io.BytesIO(b"abcdefg"), 3)))


def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hello ", environ["wsgi.input"].read(), b" ", environ["PATH_INFO"].encode()]


def single(environ, start_response):
    start_response("201 Created", [("Content-Type", "text/plain")])
    return [b"only item"]


def writer(environ, start_response):
    write = start_response("200 OK", [])
    write(b"w1-")
    return iter([b"it1-", b"", b"it2"])


def replaced(environ, start_response):
    start_response("200 OK", [("X-Old", "yes")])
    try:
        1 / 0
    except ZeroDivisionError:
        import sys
        start_response("503 Service Unavailable", [("Content-Type", "text/plain")],
                       sys.exc_info())
    return [b"retry later"]


def empty(environ, start_response):
    start_response("204 No Content", [])
    return []


class Closing:
    def __init__(self):
        self.items = [b"a", b"b"]

    def __iter__(self):
        return iter(self.items)

    def close(self):
        print("close() called")


def closing(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Closing()


for app in (hello, single, writer, replaced, empty, closing):
    out = io.BytesIO()
    err = io.StringIO()
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/p", "SERVER_PROTOCOL": "HTTP/1.1",
               "SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    handler = BaseCGIHandler(io.BytesIO(b"body"), out, err, environ, multithread=False,
                             multiprocess=True)
    handler.run(app)
    print(app.__name__, out.getvalue())

out = io.BytesIO()
SimpleHandler(io.BytesIO(), out, io.StringIO(),
              {"SERVER_PROTOCOL": "HTTP/1.1", "REQUEST_METHOD": "GET"}).run(single)
first = out.getvalue().split(b"\r\n")
print(first[0], [line for line in first if line.startswith(b"Content")], first[-1])


def seen(environ, start_response):
    start_response("200 OK", [])
    keys = ("wsgi.multithread", "wsgi.multiprocess", "wsgi.run_once", "wsgi.version",
            "wsgi.url_scheme", "X_FROM_BASE")
    return [repr([environ[k] for k in keys]).encode()]


out = io.BytesIO()
h = BaseCGIHandler(io.BytesIO(), out, io.StringIO(),
                   {"SERVER_PROTOCOL": "HTTP/1.1", "X_FROM_BASE": "base", "HTTPS": "1"},
                   multithread=False, multiprocess=True)
h.run(seen)
print(out.getvalue())
