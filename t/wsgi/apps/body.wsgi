# Response bodies of every shape PEP 3333 allows; PATH_INFO picks one.


def gen():
    yield b"gen-"
    yield b"er"
    yield b"ated"


def big():
    chunk = b"0123456789abcdef" * 4096
    for _ in range(80):
        yield chunk


def application(environ, start_response):
    mode = environ.get("PATH_INFO", "").strip("/")
    headers = [("Content-Type", "text/plain")]
    if mode == "list":
        start_response("200 OK", headers)
        return [b"a", b"b", b"c"]
    if mode == "generator":
        start_response("200 OK", headers)
        return gen()
    if mode == "tuple":
        start_response("200 OK", headers)
        return (b"tu", b"ple")
    if mode == "empty_items":
        start_response("200 OK", headers)
        return [b"", b"a", b"", b"b", b""]
    if mode == "empty":
        start_response("200 OK", headers)
        return []
    if mode == "length":
        start_response("200 OK", headers + [("Content-Length", "11")])
        return [b"hello", b" world"]
    if mode == "length_short":
        start_response("200 OK", headers + [("Content-Length", "100")])
        return [b"only", b" ten b."]
    if mode == "length_long":
        start_response("200 OK", headers + [("Content-Length", "5")])
        return [b"hello", b"world"]
    if mode == "single":
        start_response("200 OK", headers)
        return [b"hello"]
    if mode == "big":
        start_response("200 OK", headers)
        return big()
    if mode == "str_item":
        start_response("200 OK", headers)
        return ["a str is not bytes"]
    if mode == "none":
        start_response("200 OK", headers)
        return None
    if mode == "bytearray":
        start_response("200 OK", headers)
        return [bytearray(b"not bytes either")]
    return [b"unknown"]
