"""wsgiref.util: URIs from an environ, PATH_INFO shifting, test defaults,
FileWrapper and the hop-by-hop test."""

import io
import posixpath
import urllib.parse

__all__ = ["FileWrapper", "guess_scheme", "application_uri", "request_uri",
           "shift_path_info", "setup_testing_defaults", "is_hop_by_hop"]


class FileWrapper:
    """Iterate over a file-like object in blocks of blksize bytes (what
    wsgi.file_wrapper returns when the server has nothing faster)."""

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, "close"):
            self.close = filelike.close

    def __iter__(self):
        return self

    def __next__(self):
        data = self.filelike.read(self.blksize)
        if data:
            return data
        raise StopIteration


def guess_scheme(environ):
    """'https' when the HTTPS variable says so, else 'http'."""
    if environ.get("HTTPS") in ("yes", "on", "1"):
        return "https"
    return "http"


def _host(environ):
    scheme = environ["wsgi.url_scheme"]
    if environ.get("HTTP_HOST"):
        return scheme + "://" + environ["HTTP_HOST"]
    host = environ["SERVER_NAME"]
    port = environ["SERVER_PORT"]
    default = "443" if scheme == "https" else "80"
    if port != default:
        host += ":" + port
    return scheme + "://" + host


def application_uri(environ):
    """The URI of the application: scheme, host and SCRIPT_NAME."""
    return _host(environ) + urllib.parse.quote(environ.get("SCRIPT_NAME") or "/",
                                               encoding="latin1")


def request_uri(environ, include_query=True):
    """The full URI of the request (with the query string unless
    include_query is false)."""
    url = application_uri(environ)
    path = urllib.parse.quote(environ.get("PATH_INFO", ""), safe="/;=,", encoding="latin1")
    url += path if environ.get("SCRIPT_NAME") else path[1:]
    if include_query and environ.get("QUERY_STRING"):
        url += "?" + environ["QUERY_STRING"]
    return url


def shift_path_info(environ):
    """Move the first segment of PATH_INFO to the end of SCRIPT_NAME and return
    it ('' for a trailing slash, None when PATH_INFO is empty)."""
    path_info = environ.get("PATH_INFO", "")
    if not path_info:
        return None
    segs = path_info.split("/")
    segs[1:-1] = [s for s in segs[1:-1] if s and s != "."]
    name = segs.pop(1)
    script = posixpath.normpath(environ.get("SCRIPT_NAME", "") + "/" + name)
    if script.endswith("/"):
        script = script[:-1]
    if not name and not script.endswith("/"):
        script += "/"
    environ["SCRIPT_NAME"] = script
    environ["PATH_INFO"] = "/".join(segs)
    if name == ".":
        return None
    return name


def setup_testing_defaults(environ):
    """Fill in what a WSGI environ needs for a quick test (in place)."""
    environ.setdefault("SERVER_NAME", "127.0.0.1")
    environ.setdefault("SERVER_PROTOCOL", "HTTP/1.0")
    environ.setdefault("HTTP_HOST", environ["SERVER_NAME"])
    environ.setdefault("REQUEST_METHOD", "GET")
    if "SCRIPT_NAME" not in environ and "PATH_INFO" not in environ:
        environ.setdefault("SCRIPT_NAME", "")
        environ.setdefault("PATH_INFO", "/")
    environ.setdefault("wsgi.version", (1, 0))
    environ.setdefault("wsgi.run_once", 0)
    environ.setdefault("wsgi.multithread", 0)
    environ.setdefault("wsgi.multiprocess", 0)
    environ.setdefault("wsgi.input", io.BytesIO())
    environ.setdefault("wsgi.errors", io.StringIO())
    environ.setdefault("wsgi.url_scheme", guess_scheme(environ))
    if environ["wsgi.url_scheme"] == "http":
        environ.setdefault("SERVER_PORT", "80")
    elif environ["wsgi.url_scheme"] == "https":
        environ.setdefault("SERVER_PORT", "443")


_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailers", "transfer-encoding", "upgrade"}


def is_hop_by_hop(header_name):
    """Is header_name a hop-by-hop header (RFC 2616 13.5.1)?"""
    return header_name.lower() in _HOP
