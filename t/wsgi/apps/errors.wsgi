# Text for the error log through wsgi.errors, print() and sys.stderr; the
# marker is taken from the query string so each case finds its own line.
import sys


def application(environ, start_response):
    mode = environ.get("PATH_INFO", "").strip("/")
    marker = environ.get("QUERY_STRING", "")
    err = environ["wsgi.errors"]
    if mode == "write":
        err.write("errors-write " + marker + "\n")
        err.flush()
    elif mode == "writelines":
        err.writelines(["errors-writelines ", marker, "\n"])
        err.flush()
    elif mode == "print":
        print("print-stdout", marker)
    elif mode == "stderr":
        print("print-stderr", marker, file=sys.stderr)
        sys.stderr.write("stderr-write " + marker + "\n")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"logged"]
