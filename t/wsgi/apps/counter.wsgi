# A module-level counter: it counts the requests this VM has served since it
# loaded the script (PylMaxRequests recycles the VM, which starts again at 1).
n = 0


def application(environ, start_response):
    global n
    n += 1
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(n).encode()]
