# wsgi.file_wrapper over a real file, and over a file-like object that only
# has read() (PEP 3333: the wrapper must then fall back to iteration). PATH_INFO
# "/length" declares a Content-Length of 100: only that much of the file goes.


class OnlyRead:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n=-1):
        if n < 0:
            n = len(self.data)
        part = self.data[self.pos:self.pos + n]
        self.pos += len(part)
        return part


def application(environ, start_response):
    wrapper = environ["wsgi.file_wrapper"]
    if environ.get("PATH_INFO") == "/length":
        start_response("200 OK", [("Content-Type", "application/octet-stream"), ("Content-Length", "100")])
        return wrapper(open("@ROOT@/apps/data.bin", "rb"), 8192)
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    if environ.get("PATH_INFO") == "/filelike":
        return wrapper(OnlyRead(b"file-like:" + b"z" * 20000), 4096)
    return wrapper(open("@ROOT@/apps/data.bin", "rb"), 8192)
