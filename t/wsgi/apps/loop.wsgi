# Loops without end (gives up after 10 s, so a missing PylRequestTimeout fails
# the case instead of holding a worker forever): PylRequestTimeout must stop it.
import time


def application(environ, start_response):
    end = time.time() + 10
    n = 0
    while True:
        n += 1
        if n % 100000 == 0 and time.time() > end:
            break
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"loop ended without a timeout"]
