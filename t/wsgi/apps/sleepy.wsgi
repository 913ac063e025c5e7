# Sleeps 6 s, or (PATH_INFO "/stream") sends a first part and then loops:
# PylRequestTimeout must end both.
import time


def stuck():
    yield b"first part\n"
    end = time.time() + 10
    n = 0
    while time.time() < end:
        n += 1
    yield b"loop ended without a timeout\n"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    if environ.get("PATH_INFO") == "/stream":
        return stuck()
    time.sleep(6)
    return [b"slept without a timeout"]
