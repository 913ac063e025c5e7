# A thread started at import time keeps counting between requests (the VM is
# released when a request ends, as CPython's GIL is under mod_wsgi).
import threading
import time

ticks = [0]


def tick():
    while True:
        ticks[0] += 1
        time.sleep(0.01)


threading.Thread(target=tick, daemon=True).start()


def application(environ, start_response):
    body = str(ticks[0]).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
