"""wsgiref.headers: Headers, a mutable view of a WSGI response header list
(name lookup ignores case; order and repeated names are kept)."""

__all__ = ["Headers"]


def _check(value, what):
    if type(value) is not str:
        raise AssertionError("Header %s must be of type str (got %r)" % (what, value))
    return value


def _param(name, value, quote=True):
    if value is None:
        return name
    if quote and (any(c in value for c in ' ()<>@,;:\\"/[]?=') or not value):
        return '%s="%s"' % (name, value.replace("\\", "\\\\").replace('"', '\\"'))
    return "%s=%s" % (name, value)


class Headers:
    """Headers(headers=None): wraps the list of (name, value) tuples (which it
    shares: changes show in the list)."""

    def __init__(self, headers=None):
        headers = headers if headers is not None else []
        if type(headers) is not list:
            raise TypeError("Headers must be a list of name/value tuples")
        self._headers = headers
        for k, v in headers:
            _check(k, "names")
            _check(v, "values")

    def __len__(self):
        return len(self._headers)

    def __setitem__(self, name, value):
        del self[name]
        self._headers.append((_check(name, "names"), _check(value, "values")))

    def __delitem__(self, name):
        low = _check(name, "names").lower()
        self._headers[:] = [kv for kv in self._headers if kv[0].lower() != low]

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def get_all(self, name):
        """Every value of the header name, in order ([] if none)."""
        low = _check(name, "names").lower()
        return [v for k, v in self._headers if k.lower() == low]

    def get(self, name, default=None):
        low = _check(name, "names").lower()
        for k, v in self._headers:
            if k.lower() == low:
                return v
        return default

    def keys(self):
        return [k for k, v in self._headers]

    def values(self):
        return [v for k, v in self._headers]

    def items(self):
        return self._headers[:]

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, self._headers)

    def __str__(self):
        return "".join("%s: %s\r\n" % kv for kv in self._headers) + "\r\n"

    def __bytes__(self):
        return str(self).encode("iso-8859-1")

    def setdefault(self, name, value):
        """The value of name; set it to value first if it is missing."""
        found = self.get(name)
        if found is None:
            self._headers.append((_check(name, "names"), _check(value, "values")))
            return value
        return found

    def add_header(self, _name, _value, **_params):
        """Append a header, with parameters: add_header("Content-Disposition",
        "attachment", filename="a.txt"); an underscore in a parameter name
        becomes a dash, a None value gives the bare name."""
        parts = []
        if _value is not None:
            parts.append(_check(_value, "values"))
        for k, v in _params.items():
            k = _check(k.replace("_", "-"), "names")
            parts.append(_param(k, None if v is None else _check(v, "values")))
        self._headers.append((_check(_name, "names"), "; ".join(parts)))
