# Streams 1 KiB every 20 ms for up to 20 s. The client hangs up early; the
# server must then stop iterating and call close(), which records how far the
# iterable got in a marker file. PATH_INFO "/generator" uses a generator whose
# finally clause records it instead.
import time

CHUNK = b"x" * 1023 + b"\n"


class Drip:
    def __init__(self, name):
        self.name = name
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.n >= 1000:
            raise StopIteration
        self.n += 1
        if self.n > 1:
            time.sleep(0.02)
        return CHUNK

    def close(self):
        with open("@ROOT@/marks/" + self.name, "w") as f:
            f.write("closed after %d\n" % self.n)


def drip_gen(name):
    n = 0
    try:
        while n < 1000:
            n += 1
            yield CHUNK
            time.sleep(0.02)
    finally:
        with open("@ROOT@/marks/" + name, "w") as f:
            f.write("finally after %d\n" % n)


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    if environ.get("PATH_INFO") == "/generator":
        return drip_gen(environ["QUERY_STRING"])
    return Drip(environ["QUERY_STRING"])
