# Reloading, second version (a different size, so any cache key changes).
import time


def application(environ, start_response):
    time.sleep(0.01)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"version-2 (changed)"]
