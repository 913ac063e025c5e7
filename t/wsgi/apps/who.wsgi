# Where am I mounted: SCRIPT_NAME and PATH_INFO.


def application(environ, start_response):
    body = "SCRIPT_NAME=%s PATH_INFO=%s" % (ascii(environ.get("SCRIPT_NAME")), ascii(environ.get("PATH_INFO")))
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body.encode("ascii")]
