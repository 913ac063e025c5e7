# Waits forever on a lock it already holds: PylRequestTimeout must end the wait.
import threading


def application(environ, start_response):
    lock = threading.Lock()
    lock.acquire()
    lock.acquire()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"the second acquire returned"]
