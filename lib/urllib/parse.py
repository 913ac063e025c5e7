"""Parse URLs into components, join them, and quote / unquote their parts
(RFC 3986 and the WHATWG rules CPython follows). Written for pyl; the results
match CPython 3.11's urllib.parse for str arguments (bytes work for quote,
unquote and the query functions)."""

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag", "urlsplit", "urlunsplit",
           "urlencode", "parse_qs", "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes", "SplitResult", "ParseResult",
           "DefragResult"]

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp',
                 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn', 'svn+ssh',
               'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtspu',
               'sip', 'sips', 'mms', 'sftp', 'tel']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

_C0_OR_SPACE = ''.join(chr(i) for i in range(0x21))
_REMOVED = ('\t', '\r', '\n')


# ---- result types ------------------------------------------------------------------

def _result_type(name, fields):
    """A tuple subclass with named fields (what collections.namedtuple makes)."""

    def __new__(cls, *args, **kw):
        if len(args) + len(kw) != len(fields) or any(k not in fields for k in kw):
            if len(args) > len(fields):
                raise TypeError(f"{name}.__new__() takes {len(fields) + 1} positional arguments "
                                f"but {len(args) + 1} were given")
            missing = [f for f in fields[len(args):] if f not in kw]
            raise TypeError(f"{name}.__new__() missing {len(missing)} required positional "
                            f"argument{'s' if len(missing) > 1 else ''}: " +
                            ", ".join(repr(m) for m in missing))
        values = list(args) + [kw[f] for f in fields[len(args):]]
        return tuple.__new__(cls, values)

    def __repr__(self):
        return name + '(' + ', '.join(f'{f}={v!r}' for f, v in zip(fields, self)) + ')'

    def _replace(self, **kw):
        values = [kw.pop(f, v) for f, v in zip(fields, self)]
        if kw:
            raise ValueError(f'Got unexpected field names: {list(kw)!r}')
        return type(self)(*values)

    def _asdict(self):
        return dict(zip(fields, self))

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def __getnewargs__(self):
        return tuple(self)

    ns = {'__new__': __new__, '__repr__': __repr__, '_replace': _replace, '_asdict': _asdict,
          '_make': _make, '__getnewargs__': __getnewargs__, '_fields': fields,
          '__slots__': (), '__module__': 'urllib.parse'}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    return type(name, (tuple,), ns)


class _NetlocMixin:
    __slots__ = ()

    @property
    def username(self):
        netloc = self.netloc
        if '@' not in netloc:
            return None
        return netloc.rpartition('@')[0].partition(':')[0]

    @property
    def password(self):
        netloc = self.netloc
        if '@' not in netloc:
            return None
        user, has_pw, pw = netloc.rpartition('@')[0].partition(':')
        return pw if has_pw else None

    def _hostinfo(self):
        hostinfo = self.netloc.rpartition('@')[2]
        if '[' in hostinfo:
            host = hostinfo.partition('[')[2].partition(']')[0]
            port = hostinfo.partition(']')[2].partition(':')[2]
        else:
            host, _, port = hostinfo.partition(':')
        return host, port

    @property
    def hostname(self):
        host = self._hostinfo()[0]
        if not host:
            return None
        sep = '%' if isinstance(host, str) else b'%'
        name, percent, zone = host.partition(sep)
        return name.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo()[1]
        if not port:
            return None
        if port.isdigit() and port.isascii():
            port = int(port)
        else:
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        if not 0 <= port <= 65535:
            raise ValueError("Port out of range 0-65535")
        return port


_Split = _result_type('SplitResult', ('scheme', 'netloc', 'path', 'query', 'fragment'))
_Parse = _result_type('ParseResult', ('scheme', 'netloc', 'path', 'params', 'query', 'fragment'))
_Defrag = _result_type('DefragResult', ('url', 'fragment'))


class SplitResult(_Split, _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_Parse, _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResult(_Defrag):
    __slots__ = ()

    def geturl(self):
        return self.url + '#' + self.fragment if self.fragment else self.url


for _cls in (SplitResult, ParseResult, DefragResult):
    _cls.__module__ = 'urllib.parse'
del _cls


# ---- splitting and joining -----------------------------------------------------------

def _netloc_end(url, start):
    end = len(url)
    for c in '/?#':
        i = url.find(c, start)
        if 0 <= i < end:
            end = i
    return end


def _as_str(args, funcname):
    """(args as str, were they bytes): the type of the first argument decides;
    the others must match it unless they are empty (defaults). Bytes are
    decoded as ASCII, as CPython does."""
    is_bytes = not isinstance(args[0], str)
    for a in args[1:]:
        if a and isinstance(a, str) == is_bytes:
            raise TypeError("Cannot mix str and non-str arguments")
    if not is_bytes:
        return list(args), False
    return [a.decode('ascii', 'strict') if a else '' for a in args], True


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, query, fragment)."""
    if not isinstance(url, str) or not isinstance(scheme, str):
        (url, scheme), is_bytes = _as_str((url, scheme), 'urlsplit')
        if is_bytes:
            r = urlsplit(url, scheme, allow_fragments)
            return SplitResult(*(x.encode('ascii') for x in r))
    url = url.lstrip(_C0_OR_SPACE)
    scheme = scheme.strip(_C0_OR_SPACE)
    for c in _REMOVED:
        url = url.replace(c, '')
        scheme = scheme.replace(c, '')
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isascii() and url[0].isalpha():
        for c in url[:i]:
            if c not in scheme_chars:
                break
        else:
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        end = _netloc_end(url, 2)
        netloc, url = url[2:end], url[end:]
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, params, query, fragment)."""
    if not isinstance(url, str) or not isinstance(scheme, str):
        (url, scheme), is_bytes = _as_str((url, scheme), 'urlparse')
        if is_bytes:
            r = urlparse(url, scheme, allow_fragments)
            return ParseResult(*(x.encode('ascii') for x in r))
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ''
    if scheme in uses_params and ';' in url:
        if '/' in url:
            i = url.find(';', url.rfind('/'))
        else:
            i = url.find(';')
        if i >= 0:
            url, params = url[:i], url[i + 1:]
    return ParseResult(scheme, netloc, url, params, query, fragment)


def urlunsplit(components):
    """The URL of a (scheme, netloc, path, query, fragment) tuple."""
    scheme, netloc, url, query, fragment = components
    if isinstance(url, (bytes, bytearray)) or isinstance(scheme, (bytes, bytearray)):
        parts, _ = _as_str(components, 'urlunsplit')
        return urlunsplit(parts).encode('ascii')
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    """The URL of a (scheme, netloc, path, params, query, fragment) tuple."""
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = url + (b';' if isinstance(url, bytes) else ';') + params
    return urlunsplit((scheme, netloc, url, query, fragment))


def urljoin(base, url, allow_fragments=True):
    """Resolve url against base (RFC 3986, section 5.2)."""
    if not base:
        return url
    if not url:
        return base
    if not isinstance(base, str) or not isinstance(url, str):
        (base, url), is_bytes = _as_str((base, url), 'urljoin')
        r = urljoin(base, url, allow_fragments)
        return r.encode('ascii') if is_bytes else r
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = bnetloc
    if not path and not params:
        return urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment))
    base_dirs = bpath.split('/')
    if base_dirs[-1] != '':
        base_dirs.pop()  # the last segment of the base is a file name: drop it
    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_dirs + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]
    out = []
    for seg in segments:
        if seg == '..':
            if out:
                out.pop()
        elif seg != '.':
            out.append(seg)
    if segments[-1] in ('.', '..'):
        out.append('')
    return urlunparse((scheme, netloc, '/'.join(out) or '/', params, query, fragment))


def urldefrag(url):
    """(url without its fragment, fragment)."""
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        return DefragResult(urlunparse((s, n, p, a, q, '')), frag)
    return DefragResult(url, '')


# ---- quoting -----------------------------------------------------------------------

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')
_HEX = '0123456789ABCDEF'
_safe_tables = {}


def _quoter(safe):
    """A 256-entry table: the text each byte becomes."""
    table = _safe_tables.get(safe)
    if table is None:
        ok = _ALWAYS_SAFE.union(safe)
        table = [chr(b) if b in ok else '%' + _HEX[b >> 4] + _HEX[b & 15] for b in range(256)]
        if len(_safe_tables) < 64:
            _safe_tables[safe] = table
    return table


def quote_from_bytes(bs, safe='/'):
    """Percent-encode the bytes bs, leaving letters, digits, '_.-~' and safe."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes(c for c in safe if c < 128)
    table = _quoter(safe)
    return ''.join([table[b] for b in bs])


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode a str (as UTF-8 by default) or bytes for use in a URL."""
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote(), with spaces as '+' (for HTML form values)."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


def _hexval(c):
    if '0' <= c <= '9':
        return ord(c) - 48
    if 'a' <= c <= 'f':
        return ord(c) - 87
    if 'A' <= c <= 'F':
        return ord(c) - 55
    return -1


def unquote_to_bytes(string):
    """Decode %XX escapes into bytes."""
    if not string:
        if not isinstance(string, (str, bytes, bytearray)):
            string.split  # the AttributeError CPython gives
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    parts = bytes(string).split(b'%')
    if len(parts) == 1:
        return bytes(string)
    out = bytearray(parts[0])
    for part in parts[1:]:
        h = _hexval(chr(part[0])) if len(part) >= 2 else -1
        l = _hexval(chr(part[1])) if h >= 0 else -1
        if l >= 0:
            out.append(h * 16 + l)
            out += part[2:]
        else:
            out += b'%'
            out += part
    return bytes(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """Decode %XX escapes; runs of them are decoded together as encoding."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split  # str only
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    out = []
    pending = bytearray()
    i = 0
    n = len(string)
    while i < n:
        j = string.find('%', i)
        if j < 0:
            j = n
        if j > i:
            if pending:
                out.append(pending.decode(encoding, errors))
                pending = bytearray()
            out.append(string[i:j])
            i = j
            continue
        # string[i] == '%'
        if i + 2 < n and _hexval(string[i + 1]) >= 0 and _hexval(string[i + 2]) >= 0:
            pending.append(_hexval(string[i + 1]) * 16 + _hexval(string[i + 2]))
            i += 3
        else:
            if pending:
                out.append(pending.decode(encoding, errors))
                pending = bytearray()
            out.append('%')
            i += 1
    if pending:
        out.append(pending.decode(encoding, errors))
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote(), with '+' as a space (HTML form values)."""
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


# ---- query strings -----------------------------------------------------------------

def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """The (name, value) pairs of a query string, in order."""
    is_bytes = isinstance(qs, (bytes, bytearray))
    if is_bytes:
        qs = qs.decode('ascii')
    elif not isinstance(qs, str):
        if not qs:
            return []
        raise TypeError("Cannot mix str and non-str arguments")
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if isinstance(separator, bytes):
        separator = separator.decode('ascii')
    if max_num_fields is not None:
        if 1 + qs.count(separator) > max_num_fields:
            raise ValueError('Max number of fields exceeded')
    r = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, eq, value = field.partition('=')
        if not eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            name = unquote(name.replace('+', ' '), encoding, errors)
            value = unquote(value.replace('+', ' '), encoding, errors)
            if is_bytes:
                name = name.encode(encoding, errors)
                value = value.encode(encoding, errors)
            r.append((name, value))
    return r


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """A dict of name -> list of values from a query string."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """A query string (name=value&...) from a mapping or a sequence of pairs."""
    if hasattr(query, 'items'):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def q(x):
        if isinstance(x, bytes):
            return quote_via(x, safe)
        return quote_via(x if isinstance(x, str) else str(x), safe, encoding, errors)

    out = []
    for k, v in query:
        k = q(k)
        if not doseq or isinstance(v, (str, bytes)):
            out.append(k + '=' + q(v))
            continue
        try:
            len(v)
        except TypeError:
            out.append(k + '=' + q(v))
            continue
        for elt in v:
            out.append(k + '=' + q(elt))
    return '&'.join(out)
