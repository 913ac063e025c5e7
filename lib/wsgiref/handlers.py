"""wsgiref.handlers: run a WSGI application over streams. CGIHandler serves
one CGI request from the process environment, stdin and stdout:

    from wsgiref.handlers import CGIHandler
    CGIHandler().run(application)

(`pyl --cgi app.wsgi` does the same in C, with the checks mod_pyl makes, and
limits wsgi.input to CONTENT_LENGTH.)"""

import os
import sys
import time

from wsgiref.headers import Headers
from wsgiref.util import FileWrapper, guess_scheme, is_hop_by_hop

__all__ = ["BaseHandler", "SimpleHandler", "BaseCGIHandler", "CGIHandler", "IISCGIHandler",
           "read_environ"]

_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def format_date_time(timestamp):
    """An HTTP date (RFC 7231 IMF-fixdate) for a POSIX timestamp."""
    t = time.gmtime(timestamp)
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (
        _DAYS[t[6]], t[2], _MONTHS[t[1] - 1], t[0], t[3], t[4], t[5])


def read_environ():
    """os.environ as WSGI wants it: every value a str of Latin-1 code points
    standing for the bytes the server passed."""
    env = {}
    for k, v in os.environ.items():
        if not v.isascii():
            v = v.encode("utf-8", "surrogateescape").decode("latin-1")
        env[k] = v
    return env


def _format_exception(etype, value, tb):
    lines = ["Traceback (most recent call last):\n"]
    while tb is not None:
        code = tb.tb_frame.f_code
        lines.append('  File "%s", line %d, in %s\n' % (code.co_filename, tb.tb_lineno,
                                                       code.co_name))
        tb = tb.tb_next
    msg = str(value)
    lines.append(getattr(etype, "__name__", str(etype)) + (": " + msg if msg else "") + "\n")
    return "".join(lines)


class BaseHandler:
    """Runs one application call: the environ from os_environ plus the
    server's variables, start_response, the body, errors. Subclasses supply
    _write, _flush, get_stdin, get_stderr and add_cgi_vars."""

    wsgi_version = (1, 0)
    wsgi_multithread = True
    wsgi_multiprocess = True
    wsgi_run_once = False

    origin_server = True  # False: a CGI-like gateway; the server adds the status line
    http_version = "1.0"
    server_software = None

    os_environ = read_environ()
    wsgi_file_wrapper = FileWrapper
    headers_class = Headers
    traceback_limit = None

    error_status = "500 Internal Server Error"
    error_headers = [("Content-Type", "text/plain")]
    error_body = b"The application failed; the details are in the server's error log."

    status = result = None
    headers_sent = False
    headers = None
    bytes_sent = 0

    def run(self, application):
        """Call application and send its response; an exception becomes the
        error response (or, once the headers went out, ends it)."""
        try:
            self.setup_environ()
            self.result = application(self.environ, self.start_response)
            self.finish_response()
        except (ConnectionAbortedError, BrokenPipeError, ConnectionResetError):
            return  # the client went away
        except BaseException:
            try:
                self.handle_error()
            except BaseException:
                self.close()
                raise

    def setup_environ(self):
        env = self.environ = self.os_environ.copy()
        self.add_cgi_vars()
        env["wsgi.input"] = self.get_stdin()
        env["wsgi.errors"] = self.get_stderr()
        env["wsgi.version"] = self.wsgi_version
        env["wsgi.run_once"] = self.wsgi_run_once
        env["wsgi.url_scheme"] = self.get_scheme()
        env["wsgi.multithread"] = self.wsgi_multithread
        env["wsgi.multiprocess"] = self.wsgi_multiprocess
        if self.wsgi_file_wrapper is not None:
            env["wsgi.file_wrapper"] = self.wsgi_file_wrapper
        if self.origin_server and self.server_software:
            env.setdefault("SERVER_SOFTWARE", self.server_software)

    def finish_response(self):
        try:
            if not self.result_is_file() or not self.sendfile():
                for data in self.result:
                    self.write(data)
                self.finish_content()
        except BaseException:
            if hasattr(self.result, "close"):
                self.result.close()
            raise
        else:
            self.close()

    def get_scheme(self):
        return guess_scheme(self.environ)

    def set_content_length(self):
        """A one-item list body: its length is the Content-Length."""
        try:
            blocks = len(self.result)
        except (TypeError, AttributeError, NotImplementedError):
            return
        if blocks == 1:
            self.headers["Content-Length"] = str(self.bytes_sent)

    def cleanup_headers(self):
        if "Content-Length" not in self.headers:
            self.set_content_length()

    def start_response(self, status, headers, exc_info=None):
        """PEP 3333's start_response; returns write."""
        if exc_info:
            try:
                if self.headers_sent:
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None
        elif self.headers is not None:
            raise AssertionError("Headers already set!")
        self.status = status
        self.headers = self.headers_class(headers)
        status = self._convert_string_type(status, "Status")
        if len(status) < 4 or not status[:3].isdigit() or status[3] != " ":
            raise AssertionError("Status must be 3 digits, a space and a reason: %r" % status)
        for name, val in headers:
            name = self._convert_string_type(name, "Header name")
            val = self._convert_string_type(val, "Header value")
            if is_hop_by_hop(name):
                raise AssertionError("Hop-by-hop header not allowed: %r" % name)
        return self.write

    def _convert_string_type(self, value, title):
        if type(value) is str:
            return value
        raise AssertionError("%s must be of type str (got %r)" % (title, value))

    def send_preamble(self):
        if self.origin_server:
            if self.client_is_modern():
                self._write(("HTTP/%s %s\r\n" % (self.http_version, self.status))
                            .encode("iso-8859-1"))
                if "Date" not in self.headers:
                    self._write(("Date: %s\r\n" % format_date_time(time.time()))
                                .encode("iso-8859-1"))
                if self.server_software and "Server" not in self.headers:
                    self._write(("Server: %s\r\n" % self.server_software).encode("iso-8859-1"))
        else:
            self._write(("Status: %s\r\n" % self.status).encode("iso-8859-1"))

    def write(self, data):
        """write(bytes): body data, after the headers (sent first if needed)."""
        if type(data) is not bytes:
            raise AssertionError("write() argument must be a bytes instance")
        if not self.status:
            raise AssertionError("write() before start_response()")
        if not self.headers_sent:
            self.bytes_sent = len(data)
            self.send_headers()
        else:
            self.bytes_sent += len(data)
        self._write(data)
        self._flush()

    def sendfile(self):
        """Send a wsgi.file_wrapper result some faster way: True if done."""
        return False

    def finish_content(self):
        if not self.headers_sent:
            self.headers.setdefault("Content-Length", "0")
            self.send_headers()

    def close(self):
        try:
            if hasattr(self.result, "close"):
                self.result.close()
        finally:
            self.result = self.headers = self.status = self.environ = None
            self.bytes_sent = 0
            self.headers_sent = False

    def send_headers(self):
        self.cleanup_headers()
        self.headers_sent = True
        if not self.origin_server or self.client_is_modern():
            self.send_preamble()
            self._write(bytes(self.headers))

    def result_is_file(self):
        wrapper = self.wsgi_file_wrapper
        return wrapper is not None and isinstance(self.result, wrapper)

    def client_is_modern(self):
        return self.environ["SERVER_PROTOCOL"].upper() != "HTTP/0.9"

    def log_exception(self, exc_info):
        try:
            stderr = self.get_stderr()
            stderr.write(_format_exception(*exc_info))
            stderr.flush()
        finally:
            exc_info = None

    def handle_error(self):
        """Log the exception; answer with error_output if the headers did not
        go out yet."""
        self.log_exception(sys.exc_info())
        if not self.headers_sent:
            self.result = self.error_output(self.environ, self.start_response)
            self.finish_response()

    def error_output(self, environ, start_response):
        start_response(self.error_status, self.error_headers[:], sys.exc_info())
        return [self.error_body]

    def _write(self, data):
        raise NotImplementedError

    def _flush(self):
        raise NotImplementedError

    def get_stdin(self):
        raise NotImplementedError

    def get_stderr(self):
        raise NotImplementedError

    def add_cgi_vars(self):
        raise NotImplementedError


class SimpleHandler(BaseHandler):
    """A handler over given streams and base environment."""

    def __init__(self, stdin, stdout, stderr, environ, multithread=True, multiprocess=False):
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.base_env = environ
        self.wsgi_multithread = multithread
        self.wsgi_multiprocess = multiprocess

    def get_stdin(self):
        return self.stdin

    def get_stderr(self):
        return self.stderr

    def add_cgi_vars(self):
        self.environ.update(self.base_env)

    def _write(self, data):
        result = self.stdout.write(data)
        if result is None or result == len(data):
            return
        view = data[result:]
        while view:
            n = self.stdout.write(view)
            if not n:
                break
            view = view[n:]

    def _flush(self):
        self.stdout.flush()
        self._flush = self.stdout.flush


class BaseCGIHandler(SimpleHandler):
    """A SimpleHandler for CGI-like gateways: "Status:" instead of a status line."""

    origin_server = False


def _std_binary(stream, fd, mode):
    buf = getattr(stream, "buffer", None)
    if buf is not None:
        return buf
    try:
        stream.flush()
    except Exception:
        pass
    return open(fd, mode, closefd=False)


class CGIHandler(BaseCGIHandler):
    """One CGI request: os.environ, stdin, stdout and stderr."""

    wsgi_run_once = True
    os_environ = {}

    def __init__(self):
        BaseCGIHandler.__init__(self, _std_binary(sys.stdin, 0, "rb"),
                                _std_binary(sys.stdout, 1, "wb"), sys.stderr, read_environ(),
                                multithread=False, multiprocess=True)


class IISCGIHandler(BaseCGIHandler):
    """CGIHandler for IIS, whose PATH_INFO repeats SCRIPT_NAME."""

    wsgi_run_once = True
    os_environ = {}

    def __init__(self):
        environ = read_environ()
        path = environ.get("PATH_INFO", "")
        script = environ.get("SCRIPT_NAME", "")
        if (path + "/").startswith(script + "/"):
            environ["PATH_INFO"] = path[len(script):]
        BaseCGIHandler.__init__(self, _std_binary(sys.stdin, 0, "rb"),
                                _std_binary(sys.stdout, 1, "wb"), sys.stderr, environ,
                                multithread=False, multiprocess=True)
