# Applications that fail in different places; PATH_INFO picks where.
import sys


def fail_first():
    raise LookupError("boom-in-first-next")
    yield b"never"


def fail_later():
    yield b"x" * 10
    yield b"y" * 10
    raise RuntimeError("boom-after-headers")


def recurse(n):
    return recurse(n + 1) + 1


def application(environ, start_response):
    mode = environ.get("PATH_INFO", "").strip("/")
    if mode == "before":
        raise ValueError("boom-before-headers")
    if mode == "after_start":
        start_response("200 OK", [("Content-Type", "text/plain")])
        raise ValueError("boom-after-start-response")
    if mode == "first_next":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return fail_first()
    if mode == "after":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return fail_later()
    if mode == "exit":
        sys.exit(3)
    if mode == "recursion":
        return recurse(0)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"no failure"]
