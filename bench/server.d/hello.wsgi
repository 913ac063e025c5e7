# bench/server: hello world. The body is 13 bytes, as the static file next to
# it, so the two measure the same response size.

def application(environ, start_response):
    body = b"Hello, world!"
    start_response("200 OK", [("Content-Type", "text/plain"),
                              ("Content-Length", str(len(body)))])
    return [body]
