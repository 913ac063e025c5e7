# Echoes the query string; for the many-requests case.


def application(environ, start_response):
    body = ("ok " + environ["QUERY_STRING"]).encode("ascii")
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
