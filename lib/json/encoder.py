"""JSON encoding: JSONEncoder (the encoder itself is _json.encode)."""

import _json

__all__ = ['JSONEncoder']


class JSONEncoder(object):
    """Encodes dict, list, tuple, str, int, float, True, False and None (and
    their subclasses) as JSON; anything else goes through default(), which a
    subclass overrides to return something encodable."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for objects the encoder does not know; raise TypeError or
        return an encodable object."""
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        """The JSON text of o, as a str."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _json.encode(o, self.default, indent, self.key_separator, self.item_separator,
                            self.sort_keys, self.skipkeys, self.ensure_ascii,
                            self.check_circular, self.allow_nan)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o in pieces (here: one)."""
        return iter((self.encode(o),))
