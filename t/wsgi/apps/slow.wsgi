# A generator that yields, sleeps, then yields again: the first part must reach
# the client before the second is produced.
import time


def body():
    yield b"first\n"
    time.sleep(1.2)
    yield b"second\n"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return body()
