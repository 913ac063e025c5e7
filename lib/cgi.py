"""Support for CGI scripts (RFC 3875): form data from the query string or the
request body, file uploads, and header-parameter parsing.

pyl's own implementation of CPython's `cgi` module interface: FieldStorage,
MiniFieldStorage, parse, parse_multipart, parse_header and the print_* helpers.
Differences that a program could see:
  * uploaded files are kept in memory (io.BytesIO), never in temporary files;
  * a multipart body is read whole (up to CONTENT_LENGTH) before it is split;
  * no DeprecationWarning on import (CPython 3.11 warns: the module is removed
    in 3.13).
"""

import io
import os
import sys
import urllib.parse

__all__ = ["MiniFieldStorage", "FieldStorage", "parse", "parse_multipart", "parse_header",
           "test", "print_exception", "print_environ", "print_form", "print_directory",
           "print_arguments", "print_environ_usage"]

maxlen = 0  # the largest request body accepted (0: no limit)

# ---- logging (kept for compatibility: off unless logfile is set) -----------------------------

logfile = ""
logfp = None


def initlog(*allargs):
    """Open logfile (if set) and log the arguments; later calls just log."""
    global log, logfp
    if logfile and logfp is None:
        try:
            logfp = open(logfile, "a")
        except OSError:
            logfp = None
    log = dolog if logfp is not None else nolog
    log(*allargs)


def dolog(fmt, *args):
    logfp.write(fmt % args + "\n")


def nolog(*allargs):
    pass


def closelog():
    global log, logfile, logfp
    logfile = ""
    if logfp is not None:
        logfp.close()
        logfp = None
    log = initlog


log = initlog


# ---- headers --------------------------------------------------------------------------------

def _split_params(line):
    """Split a header value at the semicolons that are not inside a quoted
    string; each piece stripped."""
    pieces = []
    cur = []
    quoted = False
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if c == "\\" and quoted and i + 1 < n:
            cur.append(c)
            cur.append(line[i + 1])
            i += 2
            continue
        if c == '"':
            quoted = not quoted
        elif c == ";" and not quoted:
            pieces.append("".join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    pieces.append("".join(cur).strip())
    return pieces


def parse_header(line):
    """Parse a Content-Type-like header: ('main value', {param: value}).
    Parameter names are lowercased; quoted values are unquoted."""
    pieces = _split_params(line)
    key = pieces[0]
    pdict = {}
    for p in pieces[1:]:
        eq = p.find("=")
        if eq < 0:
            continue
        name = p[:eq].strip().lower()
        value = p[eq + 1:].strip()
        if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
            value = value[1:-1].replace("\\\\", "\\").replace('\\"', '"')
        pdict[name] = value
    return key, pdict


class _Headers:
    """Header fields looked up without regard to case (the headers of one
    multipart part, or those FieldStorage derives from the environ)."""

    def __init__(self, items=()):
        self._items = []
        for k, v in items:
            self._items.append((k, v))

    def __setitem__(self, name, value):
        self._items.append((name, value))

    def get(self, name, default=None):
        low = name.lower()
        for k, v in self._items:
            if k.lower() == low:
                return v
        return default

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def keys(self):
        return [k for k, v in self._items]

    def values(self):
        return [v for k, v in self._items]

    def items(self):
        return list(self._items)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return "{" + ", ".join("%r: %r" % kv for kv in self._items) + "}"


def _parse_part_headers(block):
    """The header block of a multipart part (bytes, CRLF or LF lines; folded
    lines continue the previous one) as _Headers."""
    text = block.decode("latin-1")
    items = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if not raw:
            continue
        if raw[0] in " \t" and items:
            k, v = items[-1]
            items[-1] = (k, v + " " + raw.strip())
            continue
        colon = raw.find(":")
        if colon <= 0:
            continue
        items.append((raw[:colon].strip(), raw[colon + 1:].strip()))
    return _Headers(items)


def _valid_boundary(b):
    """RFC 2046: 1 to 70 characters (200 are accepted, as browsers go); printable
    ASCII or space, not ending in a space."""
    if isinstance(b, bytes):
        b = b.decode("latin-1")
    if not b or len(b) > 200 or b[-1] == " ":
        return False
    for c in b:
        if c < " " or c > "~":
            return False
    return True


def _split_multipart(data, boundary):
    """The parts of a multipart body (bytes) as (header block, content) pairs
    of bytes. Text before the first delimiter and after the closing one is
    ignored; a body without a closing delimiter ends its last part at the end
    of the data."""
    delim = b"--" + boundary
    parts = []
    # the first delimiter: at the very start or after a line break
    if data.startswith(delim):
        pos = 0
    else:
        pos = data.find(b"\n" + delim)
        if pos < 0:
            return parts
        pos += 1
    while True:
        pos += len(delim)
        if data[pos:pos + 2] == b"--":
            break  # the closing delimiter
        eol = data.find(b"\n", pos)
        if eol < 0:
            break
        start = eol + 1
        nxt = data.find(b"\n" + delim, start)
        if nxt < 0:
            body = data[start:]
            end = len(data)
        else:
            body = data[start:nxt]
            end = nxt + 1
        if body.endswith(b"\r"):
            body = body[:-1]
        # the part's headers end at the first empty line
        if body.startswith(b"\r\n"):
            head, content = b"", body[2:]
        elif body.startswith(b"\n"):
            head, content = b"", body[1:]
        else:
            crlf = body.find(b"\r\n\r\n")
            lf = body.find(b"\n\n")
            if crlf >= 0 and (lf < 0 or crlf <= lf):
                head, content = body[:crlf], body[crlf + 4:]
            elif lf >= 0:
                head, content = body[:lf], body[lf + 2:]
            else:
                head, content = body, b""
        parts.append((head, content))
        if nxt < 0:
            break
        pos = end
    return parts


def _stdin_binary():
    buf = getattr(sys.stdin, "buffer", None)
    if buf is not None:
        return buf
    return open(0, "rb", closefd=False)


# ---- the form ---------------------------------------------------------------------------------

class MiniFieldStorage:
    """A name=value pair of a query string or urlencoded body."""

    filename = None
    list = None
    type = None
    file = None
    type_options = {}
    disposition = None
    disposition_options = {}
    headers = {}

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return "MiniFieldStorage(%r, %r)" % (self.name, self.value)


class FieldStorage:
    """A form: FieldStorage() reads it from the CGI environment (QUERY_STRING for
    GET and HEAD; the body on stdin, CONTENT_LENGTH bytes, for POST). Fields are
    looked up like a dict: form["name"] (a FieldStorage or MiniFieldStorage, or
    a list of them when the name repeats), "name" in form, form.keys(),
    form.getvalue("name", default), form.getfirst(...), form.getlist(...).

    A file upload's field has .filename, .file (a binary file object) and .value
    (its bytes); other multipart fields have str values (decoded with
    `encoding`, `errors`)."""

    def __init__(self, fp=None, headers=None, outerboundary=b"", environ=os.environ,
                 keep_blank_values=0, strict_parsing=0, limit=None, encoding="utf-8",
                 errors="replace", max_num_fields=None, separator="&"):
        self.keep_blank_values = keep_blank_values
        self.strict_parsing = strict_parsing
        self.max_num_fields = max_num_fields
        self.separator = separator
        self.encoding = encoding
        self.errors = errors
        self.outerboundary = outerboundary
        self.limit = limit
        self.qs_on_post = None
        self.list = None
        self.file = None
        self.done = 0
        self._binary_file = False
        method = "GET"
        if "REQUEST_METHOD" in environ:
            method = environ["REQUEST_METHOD"].upper()
        if method in ("GET", "HEAD"):
            if "QUERY_STRING" in environ:
                qs = environ["QUERY_STRING"]
            elif sys.argv[1:]:
                qs = sys.argv[1]
            else:
                qs = ""
            fp = io.BytesIO(qs.encode("utf-8", "surrogateescape"))
            if headers is None:
                headers = {"content-type": "application/x-www-form-urlencoded"}
        if headers is None:
            headers = {}
            if method == "POST":
                headers["content-type"] = "application/x-www-form-urlencoded"
            if "CONTENT_TYPE" in environ:
                headers["content-type"] = environ["CONTENT_TYPE"]
            if "QUERY_STRING" in environ:
                self.qs_on_post = environ["QUERY_STRING"]
            if "CONTENT_LENGTH" in environ:
                headers["content-length"] = environ["CONTENT_LENGTH"]
        elif not isinstance(headers, (dict, _Headers)) and not hasattr(headers, "get"):
            raise TypeError("headers must be a mapping or an email.message.Message")
        self.headers = headers
        if fp is None:
            self.fp = _stdin_binary()
        elif isinstance(fp, io.TextIOWrapper) and hasattr(fp, "buffer"):
            self.fp = fp.buffer
        else:
            if not (hasattr(fp, "read") and hasattr(fp, "readline")):
                raise TypeError("fp must be a file pointer")
            self.fp = fp

        cdisp, pdict = "", {}
        if "content-disposition" in self.headers:
            cdisp, pdict = parse_header(self._header("content-disposition"))
        self.disposition = cdisp
        self.disposition_options = pdict
        self.name = pdict.get("name")
        self.filename = pdict.get("filename")
        if self.filename is not None:
            self._binary_file = True

        if "content-type" in self.headers:
            ctype, pdict = parse_header(self._header("content-type"))
        elif self.outerboundary or method != "POST":
            ctype, pdict = "text/plain", {}
        else:
            ctype, pdict = "application/x-www-form-urlencoded", {}
        self.type = ctype
        self.type_options = pdict
        self.innerboundary = b""
        if "boundary" in pdict:
            self.innerboundary = pdict["boundary"].encode(self.encoding, self.errors)
        clen = -1
        if "content-length" in self.headers:
            try:
                clen = int(self._header("content-length"))
            except ValueError:
                pass
            if maxlen and clen > maxlen:
                raise ValueError("Maximum content length exceeded")
        self.length = clen
        if self.limit is None and clen >= 0:
            self.limit = clen

        if ctype == "application/x-www-form-urlencoded":
            self._read_urlencoded()
        elif ctype[:10] == "multipart/":
            self._read_multi(self._read_body(), environ)
        else:
            self._read_single()

    def _header(self, name):
        h = self.headers
        v = h.get(name)
        if v is None and isinstance(h, dict):
            for k in h:
                if k.lower() == name:
                    return h[k]
        return v

    def __del__(self):
        try:
            if self.file is not None:
                self.file.close()
        except Exception:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if self.file is not None:
            self.file.close()

    def __repr__(self):
        return "FieldStorage(%r, %r, %r)" % (self.name, self.filename, self.value)

    def __iter__(self):
        return iter(self.keys())

    @property
    def value(self):
        if self.file is not None:
            self.file.seek(0)
            data = self.file.read()
            self.file.seek(0)
            return data
        if self.list is not None:
            return self.list
        return None

    def __getitem__(self, key):
        if self.list is None:
            raise TypeError("not indexable")
        found = [item for item in self.list if item.name == key]
        if not found:
            raise KeyError(key)
        if len(found) == 1:
            return found[0]
        return found

    def getvalue(self, key, default=None):
        """The value of field key (a list of values when it repeats), or default."""
        if key not in self:
            return default
        item = self[key]
        if isinstance(item, list):
            return [x.value for x in item]
        return item.value

    def getfirst(self, key, default=None):
        """The first value of field key, or default."""
        if key not in self:
            return default
        item = self[key]
        if isinstance(item, list):
            return item[0].value
        return item.value

    def getlist(self, key):
        """Every value of field key, a list (empty when there is none)."""
        if key not in self:
            return []
        item = self[key]
        if isinstance(item, list):
            return [x.value for x in item]
        return [item.value]

    def keys(self):
        """The field names, each once."""
        if self.list is None:
            raise TypeError("not indexable")
        seen = {}
        for item in self.list:
            seen[item.name] = True
        return list(seen)

    def __contains__(self, key):
        if self.list is None:
            raise TypeError("not indexable")
        for item in self.list:
            if item.name == key:
                return True
        return False

    def __len__(self):
        return len(self.keys())

    def __bool__(self):
        if self.list is None:
            raise TypeError("Cannot be converted to bool.")
        return bool(self.list)

    # -- reading --

    def _read_body(self):
        """The body as bytes: length bytes when known, else up to the end."""
        n = self.length if self.length >= 0 else (self.limit if self.limit is not None else -1)
        data = self.fp.read(n) if n >= 0 else self.fp.read()
        if not isinstance(data, bytes):
            raise ValueError("%s should return bytes, got %s" % (self.fp, type(data).__name__))
        self.done = 1
        return data

    def _parse_qs(self, qs):
        return urllib.parse.parse_qsl(qs, self.keep_blank_values, self.strict_parsing,
                                      encoding=self.encoding, errors=self.errors,
                                      max_num_fields=self.max_num_fields,
                                      separator=self.separator)

    def _read_urlencoded(self):
        qs = self._read_body().decode(self.encoding, self.errors)
        if self.qs_on_post:
            qs += "&" + self.qs_on_post
        self.list = [MiniFieldStorage(k, v) for k, v in self._parse_qs(qs)]

    def _read_multi(self, data, environ):
        ib = self.innerboundary
        if not _valid_boundary(ib):
            raise ValueError("Invalid boundary in multipart form: %r" % (ib,))
        self.list = []
        if self.qs_on_post:
            for k, v in self._parse_qs(self.qs_on_post):
                self.list.append(MiniFieldStorage(k, v))
        klass = self.FieldStorageClass or self.__class__
        max_fields = self.max_num_fields
        for head, content in _split_multipart(data, ib):
            if max_fields is not None and len(self.list) >= max_fields:
                raise ValueError("Max number of fields exceeded")
            headers = _parse_part_headers(head)
            part = klass(io.BytesIO(content), headers, ib, environ, self.keep_blank_values,
                         self.strict_parsing, len(content), self.encoding, self.errors,
                         None if max_fields is None else max_fields - len(self.list),
                         self.separator)
            self.list.append(part)
        self.done = 1

    def _read_single(self):
        data = self._read_body()
        if self._binary_file or not self.outerboundary:
            self.file = io.BytesIO(data)
        else:
            self.file = io.StringIO(data.decode(self.encoding, self.errors))

    FieldStorageClass = None

    def make_file(self):
        """A new file for the content of a field (in memory)."""
        if self._binary_file:
            return io.BytesIO()
        return io.StringIO()


# ---- functions --------------------------------------------------------------------------------

def parse(fp=None, environ=os.environ, keep_blank_values=0, strict_parsing=0, separator="&"):
    """The query string, or a urlencoded POST body (plus the query string), as
    a dict of lists of values."""
    if fp is None:
        fp = _stdin_binary()
    if hasattr(fp, "encoding"):
        encoding = fp.encoding
    else:
        encoding = "latin-1"
    if isinstance(fp, io.TextIOWrapper) and hasattr(fp, "buffer"):
        fp = fp.buffer
    if "REQUEST_METHOD" not in environ:
        environ["REQUEST_METHOD"] = "GET"
    if environ["REQUEST_METHOD"] == "POST":
        ctype, pdict = parse_header(environ.get("CONTENT_TYPE", ""))
        if ctype == "multipart/form-data":
            return parse_multipart(fp, pdict, separator=separator)
        if ctype == "application/x-www-form-urlencoded":
            clength = int(environ["CONTENT_LENGTH"])
            if maxlen and clength > maxlen:
                raise ValueError("Maximum content length exceeded")
            qs = fp.read(clength).decode(encoding)
        else:
            qs = ""
        if "QUERY_STRING" in environ:
            if qs:
                qs = qs + "&"
            qs = qs + environ["QUERY_STRING"]
        elif sys.argv[1:]:
            if qs:
                qs = qs + "&"
            qs = qs + sys.argv[1]
        environ["QUERY_STRING"] = qs
    elif "QUERY_STRING" in environ:
        qs = environ["QUERY_STRING"]
    elif sys.argv[1:]:
        qs = sys.argv[1]
    else:
        qs = ""
    environ["QUERY_STRING"] = qs
    return urllib.parse.parse_qs(qs, keep_blank_values, strict_parsing, encoding=encoding,
                                 separator=separator)


def parse_multipart(fp, pdict, encoding="utf-8", errors="replace", separator="&"):
    """A multipart/form-data body from fp as a dict of lists of values;
    pdict holds the Content-Type's parameters: "boundary" (and
    "CONTENT-LENGTH")."""
    boundary = pdict["boundary"]
    if isinstance(boundary, bytes):
        boundary = boundary.decode("ascii")
    headers = {"content-type": "multipart/form-data; boundary=" + boundary}
    if "CONTENT-LENGTH" in pdict:
        headers["content-length"] = pdict["CONTENT-LENGTH"]
    fs = FieldStorage(fp, headers=headers, encoding=encoding, errors=errors,
                      environ={"REQUEST_METHOD": "POST"}, separator=separator)
    return {k: fs.getlist(k) for k in fs}


# ---- the print_* helpers (HTML on stdout, for debugging a script) ------------------------------

def _esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test(environ=os.environ):
    """A self-test CGI script: headers, then the form, the environment and more."""
    print("Content-type: text/html")
    print()
    sys.stderr = sys.stdout
    try:
        form = FieldStorage()
        print_directory()
        print_arguments()
        print_form(form)
        print_environ(environ)
        print_environ_usage()
    except Exception:
        print_exception()


def print_exception(type=None, value=None, tb=None, limit=None):
    if type is None:
        type, value, tb = sys.exc_info()
    print()
    print("<H3>Traceback (most recent call last):</H3>")
    lines = []
    while tb is not None:
        code = tb.tb_frame.f_code
        lines.append('  File "%s", line %d, in %s\n' % (code.co_filename, tb.tb_lineno,
                                                       code.co_name))
        tb = tb.tb_next
    lines.append("%s: %s\n" % (getattr(type, "__name__", type), value))
    print("<PRE>%s</PRE>" % _esc("".join(lines)))


def print_environ(environ=os.environ):
    print()
    print("<H3>Shell Environment:</H3>")
    print("<DL>")
    for key in sorted(environ.keys()):
        print("<DT>", _esc(key), "<DD>", _esc(environ[key]))
    print("</DL>")
    print()


def print_form(form):
    print()
    print("<H3>Form Contents:</H3>")
    if not form:
        print("<P>No form fields.")
    print("<DL>")
    for key in sorted(form.keys()):
        print("<DT>" + _esc(key) + ":", end=" ")
        value = form[key]
        print("<i>" + _esc(repr(type(value))) + "</i>")
        print("<DD>" + _esc(repr(value)))
    print("</DL>")
    print()


def print_directory():
    print()
    print("<H3>Current Working Directory:</H3>")
    try:
        pwd = os.getcwd()
    except OSError as msg:
        print("OSError:", _esc(str(msg)))
    else:
        print(_esc(pwd))
    print()


def print_arguments():
    print()
    print("<H3>Command Line Arguments:</H3>")
    print()
    print(sys.argv)
    print()


def print_environ_usage():
    names = ["AUTH_TYPE", "CONTENT_LENGTH", "CONTENT_TYPE", "GATEWAY_INTERFACE", "PATH_INFO",
             "PATH_TRANSLATED", "QUERY_STRING", "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_IDENT",
             "REMOTE_USER", "REQUEST_METHOD", "SCRIPT_NAME", "SERVER_NAME", "SERVER_PORT",
             "SERVER_PROTOCOL", "SERVER_SOFTWARE", "HTTP_ACCEPT", "HTTP_COOKIE",
             "HTTP_REFERER", "HTTP_USER_AGENT"]
    print()
    print("<H3>CGI/1.1 variables (RFC 3875) a script may see:</H3>")
    print("<UL>")
    for n in names:
        print("<LI>" + n)
    print("</UL>")
