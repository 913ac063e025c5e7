# start_response(): its argument checks and its rules for a second call.
# PATH_INFO picks the scenario.
import sys

BAD = {
    "status_bytes": (b"200 OK", []),
    "status_no_code": ("OK", []),
    "status_no_reason": ("200", []),
    "status_bad_code": ("20x OK", []),
    "headers_tuple": ("200 OK", (("Content-Type", "text/plain"),)),
    "header_name_bytes": ("200 OK", [(b"X-Name", "v")]),
    "header_value_int": ("200 OK", [("X-Value", 42)]),
    "header_not_pair": ("200 OK", [("X-Only-Name",)]),
    "header_crlf": ("200 OK", [("X-Split", "a\r\nX-Injected: yes")]),
    "header_lf_name": ("200 OK", [("X-Bad\nName", "v")]),
    "header_non_latin1": ("200 OK", [("X-Euro", "\u20ac")]),
    "hop_by_hop": ("200 OK", [("Connection", "close")]),
    "hop_by_hop_te": ("200 OK", [("Transfer-Encoding", "chunked")]),
}


def application(environ, start_response):
    mode = environ.get("PATH_INFO", "").strip("/")
    if mode in BAD:
        status, headers = BAD[mode]
        start_response(status, headers)
        return [b"accepted an invalid start_response"]
    if mode == "retry":
        try:
            start_response("200", [])
            first = "accepted"
        except Exception as e:
            first = type(e).__name__
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [("first call: " + first).encode()]
    if mode == "second_call":
        start_response("200 OK", [("Content-Type", "text/plain")])
        try:
            start_response("201 Created", [])
            what = "second call accepted"
        except Exception as e:
            what = "second call raised " + type(e).__name__
        return [what.encode()]
    if mode == "exc_info_before":
        start_response("200 OK", [("Content-Type", "text/plain"), ("X-Dropped", "yes")])
        try:
            raise ValueError("replaced")
        except ValueError:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")], sys.exc_info())
        return [b"error page"]
    if mode == "exc_info_after":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return after_headers(start_response)
    if mode == "write":
        write = start_response("200 OK", [("Content-Type", "text/plain")])
        write(b"A")
        write(b"B")
        return [b"C", b"D"]
    if mode == "custom_reason":
        start_response("200 Fine Thanks", [("Content-Type", "text/plain")])
        return [b"fine"]
    if mode == "not_found":
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"app's own 404 page"]
    if mode == "created":
        start_response("201 Created", [("Content-Type", "text/plain"), ("Location", "/x/1")])
        return [b"made"]
    if mode == "no_content":
        start_response("204 No Content", [])
        return []
    if mode == "cookies":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Set-Cookie", "a=1"),
                                  ("Set-Cookie", "b=2"), ("X-Test", "yes")])
        return [b"cookies"]
    if mode == "latin1_value":
        start_response("200 OK", [("Content-Type", "text/plain"), ("X-Latin", "caf\xe9")])
        return [b"latin-1 header"]
    if mode == "never":
        return [b"no start_response call"]
    return [b"unknown"]


def after_headers(start_response):
    yield b"part one;"
    try:
        raise KeyError("late-marker")
    except KeyError:
        start_response("500 Internal Server Error", [], sys.exc_info())
    yield b"not reached"
