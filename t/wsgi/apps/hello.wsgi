# The smallest application: a one-item list, no Content-Length from the app.


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hello, world!"]
