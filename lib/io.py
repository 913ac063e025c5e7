"""The io module: open(), the in-memory streams BytesIO and StringIO, and the
abstract base classes.

The file objects open() returns are pyl's native types (TextIOWrapper for text,
BufferedReader for every binary mode); they count as instances of the base
classes here (IOBase, TextIOBase, BufferedIOBase). BytesIO and StringIO are
written in Python.
"""

from builtins import open
from _io import UnsupportedOperation, TextIOWrapper, BufferedReader, DEFAULT_BUFFER_SIZE

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "BufferedIOBase",
           "TextIOBase", "BytesIO", "StringIO", "BufferedReader", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
           "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

BlockingIOError = BlockingIOError


def open_code(path):
    """Open path for reading as a binary file (the way import reads source)."""
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    """The encoding to use for text files: encoding, or 'utf-8' when it is None."""
    return "utf-8" if encoding is None else encoding


class _IOMeta(type):
    """Lets the native file types count as instances of the base classes."""

    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        native = cls.__dict__.get('_native', ())
        for n in native:
            if isinstance(sub, type) and type.__subclasscheck__(n, sub):
                return True
        return False


def _closed_error():
    return ValueError("I/O operation on closed file.")


class IOBase(metaclass=_IOMeta):
    """The base of all I/O classes: closing, context management, iteration."""

    _native = (TextIOWrapper, BufferedReader)
    __closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation("%s.%s() not supported" % (type(self).__name__, name))

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def _checkClosed(self, msg=None):
        if self.closed:
            raise _closed_error() if msg is None else ValueError(msg)

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readline(self, size=-1):
        self._unsupported("readline")

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""
    _native = ()


class BufferedIOBase(IOBase):
    """Base class for buffered binary streams."""
    _native = (BufferedReader,)

    def detach(self):
        self._unsupported("detach")

    def read1(self, size=-1):
        return self.read(size)


class TextIOBase(IOBase):
    """Base class for text streams."""
    _native = (TextIOWrapper,)

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


def _index(value, what="integer"):
    if value is None:
        return -1
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"argument should be integer or None, not "
                        f"'{type(value).__name__}'") from None


class _InMemoryIO:
    """What BytesIO and StringIO share (each has its own _check and close)."""

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class BytesIO(_InMemoryIO, BufferedIOBase):
    """A binary stream in memory: a growable buffer of bytes with a position."""

    def __init__(self, initial_bytes=None):
        buf = bytearray()
        if initial_bytes is not None:
            if isinstance(initial_bytes, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            buf += initial_bytes
        self._buf = buf
        self._pos = 0
        self._closed = False

    def close(self):
        self._closed = True

    def _check(self):
        if self._closed:
            raise _closed_error()

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        self._check()
        return self._buf

    def read(self, size=-1):
        self._check()
        size = _index(size)
        buf = self._buf
        pos = self._pos
        end = len(buf)
        if pos >= end:
            return b""
        if size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    read1 = read

    def readline(self, size=-1):
        self._check()
        size = _index(size)
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b""
        end = buf.find(b"\n", pos)
        end = len(buf) if end < 0 else end + 1
        if size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def readlines(self, hint=None):
        self._check()
        return BufferedIOBase.readlines(self, hint)

    def readinto(self, b):
        self._check()
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    readinto1 = readinto

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        n = len(b)
        if n == 0:
            return 0
        buf = self._buf
        pos = self._pos
        if pos == len(buf):
            buf += b
        else:
            if pos > len(buf):
                buf += bytes(pos - len(buf))
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def writelines(self, lines):
        self._check()
        for b in lines:
            self.write(b)

    def seek(self, pos, whence=0):
        self._check()
        pos = pos.__index__() if hasattr(pos, "__index__") else _not_int(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%r, should be 0, 1 or 2)" % (whence,))
        self._pos = pos
        return pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else _index(size)
        if size < 0:
            raise ValueError("negative size value %d" % size)
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def __iter__(self):
        self._check()
        return self

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._pos, getattr(self, "__dict__", None))


def _not_int(value):
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


class StringIO(_InMemoryIO, TextIOBase):
    """A text stream in memory. Positions count code points.

    Storage: the text is `_text` followed by the strings in `_tail` (appends at
    the end go to the list; any other operation joins it first)."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not "
                            f"{type(initial_value).__name__}")
        self._newline = newline
        self._seen = 0
        self._closed = False
        self._text = ""
        self._tail = []
        self._len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def close(self):
        self._closed = True
        self._text = ""
        self._tail = []

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value(self):
        if self._tail:
            self._text = self._text + "".join(self._tail)
            self._tail = []
        return self._text

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        if self._newline not in (None, ""):
            return None
        kinds = [k for bit, k in ((1, "\r"), (2, "\n"), (4, "\r\n")) if self._seen & bit]
        if not kinds:
            return None
        return kinds[0] if len(kinds) == 1 else tuple(kinds)

    def getvalue(self):
        self._check()
        return self._value()

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        nl = self._newline
        if nl is None or nl == "":
            if "\r" in s:
                crlf = s.count("\r\n")
                if crlf:
                    self._seen |= 4
                if s.count("\r") > crlf:
                    self._seen |= 1
                if s.count("\n") > crlf:
                    self._seen |= 2
                if nl is None:
                    s = s.replace("\r\n", "\n").replace("\r", "\n")
            elif "\n" in s:
                self._seen |= 2
        elif nl != "\n" and "\n" in s:
            s = s.replace("\n", nl)
        k = len(s)
        if k == 0:
            return n
        pos = self._pos
        if pos == self._len:
            self._tail.append(s)
        else:
            text = self._value()
            if pos > len(text):
                text = text + "\0" * (pos - len(text))
            self._text = text[:pos] + s + text[pos + k:]
        self._pos = pos + k
        if self._pos > self._len:
            self._len = self._pos
        return n

    def read(self, size=-1):
        self._check()
        size = _index(size)
        text = self._value()
        pos = self._pos
        if pos >= self._len:
            return ""
        end = self._len if size < 0 else min(self._len, pos + size)
        self._pos = end
        return text[pos:end]

    def _line_end(self, text, pos):
        """The end of the line that starts at pos (past its newline)."""
        nl = self._newline
        if nl == "":
            i = pos
            n = len(text)
            while i < n:
                j = text.find("\n", i)
                k = text.find("\r", i)
                if j < 0 and k < 0:
                    return n
                if k < 0 or (0 <= j < k):
                    return j + 1
                if k + 1 < n and text[k + 1] == "\n":
                    return k + 2
                return k + 1
            return n
        sep = "\n" if nl is None or nl == "\n" else nl
        i = text.find(sep, pos)
        return len(text) if i < 0 else i + len(sep)

    def readline(self, size=-1):
        self._check()
        size = _index(size)
        text = self._value()
        pos = self._pos
        if pos >= self._len:
            return ""
        end = self._line_end(text, pos)
        if size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return text[pos:end]

    def readlines(self, hint=None):
        self._check()
        return TextIOBase.readlines(self, hint)

    def writelines(self, lines):
        self._check()
        for s in lines:
            self.write(s)

    def seek(self, pos, whence=0):
        self._check()
        pos = pos.__index__() if hasattr(pos, "__index__") else _not_int(pos)
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%r, should be 0, 1 or 2)" % (whence,))
        if pos < 0 and whence == 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._len
        self._pos = pos
        return pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else _index(size)
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._len:
            self._text = self._value()[:size]
            self._len = size
        return size

    def detach(self):
        raise UnsupportedOperation("detach")

    def __iter__(self):
        if self._closed:
            raise _closed_error()
        return self

    def __getstate__(self):
        self._check()
        return (self.getvalue(), self._newline, self._pos, getattr(self, "__dict__", None))
