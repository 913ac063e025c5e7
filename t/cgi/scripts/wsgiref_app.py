# A WSGI application run by wsgiref's CGIHandler, as CPython users write it.
from wsgiref.handlers import CGIHandler


def application(environ, start_response):
    n = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(n)
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-App", "wsgiref")])
    flags = (environ["wsgi.run_once"], environ["wsgi.multithread"], environ["wsgi.multiprocess"])
    return [b"method=", environ["REQUEST_METHOD"].encode(), b" body=", body,
            b" flags=", repr(flags).encode(), b" path=", environ.get("PATH_INFO", "").encode()]


CGIHandler().run(application)
