"""JSON decoding: JSONDecoder and JSONDecodeError (the scanner is _json.scan)."""

import _json

__all__ = ['JSONDecoder', 'JSONDecodeError']


class JSONDecodeError(ValueError):
    """The document is not valid JSON.

    msg: the unformatted message; doc: the document; pos: where parsing failed
    (index of a code point); lineno, colno: the same position, counted from 1.
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class JSONDecoder(object):
    """Decodes JSON text: objects become dicts, arrays lists, strings str,
    numbers int or float, true/false/null True/False/None; NaN, Infinity and
    -Infinity are accepted too."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def _scan(self, s, idx, whole):
        pf = self.parse_float
        pi = self.parse_int
        return _json.scan(s, idx, whole, self.strict, self.object_hook, self.object_pairs_hook,
                          None if pf is float else pf, None if pi is int else pi,
                          self.parse_constant, JSONDecodeError)

    def decode(self, s, _w=None):
        """The Python object of the JSON document s (a str)."""
        return self._scan(s, 0, True)[0]

    def raw_decode(self, s, idx=0):
        """Decode the JSON value starting at s[idx]: (object, index where it ends)."""
        return self._scan(s, idx, False)
