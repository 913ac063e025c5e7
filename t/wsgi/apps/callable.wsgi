# Two callables; PylCallableObject picks which one serves.


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from application"]


def handler(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"from handler"]
