"""Operating system interfaces, on top of the native posix module.

os.environ in pyl. CPython's os.environ mirrors the process environment taken at
start-up. pyl runs many VMs in one process (one per web server thread), and
the process environment is shared by all of them, so here:
  - each VM's os.environ is its own mapping, filled from the process
    environment when the VM first imports os;
  - setting or deleting a key in it also calls putenv() / unsetenv(), so child
    processes and C libraries of the process see the change — but the
    os.environ of other VMs in the same process does not change (each keeps
    its snapshot), and neither does this one when another VM calls putenv();
  - os.getenv() reads this VM's os.environ, as in CPython.
A WSGI application should take per-request values from the WSGI environ, never
from os.environ.
"""

import sys
import posix as _posix
import posixpath as path
import stat as _stat
from posix import *  # noqa: the system calls, O_* / SEEK_* constants

name = 'posix'
linesep = '\n'
sep = path.sep
pathsep = path.pathsep
altsep = path.altsep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
defpath = path.defpath
devnull = path.devnull
error = OSError
supports_bytes_environ = True

sys.modules['os.path'] = path

open = _posix.open
_exit = _posix._exit
fspath = _posix.fspath
_scandir_entries = _posix._scandir


# ---- stat ---------------------------------------------------------------------------

_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')
_STAT_EXTRA = ('st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns',
               'st_blksize', 'st_blocks', 'st_rdev')


class stat_result(tuple):
    """stat_result: Result from stat, fstat, or lstat.

    A tuple of 10 integers (mode, inode, device, links, uid, gid, size, and the
    access, modification and change times in whole seconds) whose fields are
    also attributes, with more attributes than items: st_atime (a float),
    st_atime_ns, st_blksize, st_blocks, st_rdev ...
    """
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) < 10:
            raise TypeError(f'os.stat_result() takes an at least 10-sequence '
                            f'({len(items)}-sequence given)')
        if len(items) > 19:
            raise TypeError(f'os.stat_result() takes an at most 19-sequence '
                            f'({len(items)}-sequence given)')
        self = tuple.__new__(cls, items[:10])
        extra = list(items[10:]) + [None] * (19 - len(items))
        if dict:
            for i, k in enumerate(_STAT_EXTRA):
                if k in dict:
                    extra[i] = dict[k]
        for i in range(3):
            if extra[i] is None:
                extra[i] = items[7 + i]
        self._extra = tuple(extra)
        return self

    def __repr__(self):
        names = _STAT_FIELDS + ('st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(' + ', '.join(
            f'{n}={v!r}' for n, v in zip(names, self)) + ')'

    def __reduce__(self):
        return (stat_result, (tuple(self) + self._extra,))


def _item(i):
    return property(lambda self: tuple.__getitem__(self, i))


def _extra(i):
    return property(lambda self: self._extra[i])


for _i, _n in enumerate(_STAT_FIELDS):
    setattr(stat_result, _n, _item(_i))
for _i, _n in enumerate(_STAT_EXTRA):
    setattr(stat_result, _n, _extra(_i))
stat_result.__module__ = 'os'
del _i, _n, _item, _extra


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path (str, bytes, PathLike or fd)."""
    return stat_result(_posix.stat(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Like stat(), but do not follow symbolic links."""
    return stat_result(_posix.lstat(path, dir_fd=dir_fd))


def fstat(fd):
    """Perform a stat system call on the given file descriptor."""
    return stat_result(_posix.fstat(fd))


# ---- the environment ------------------------------------------------------------------

def _env_str(value, what):
    if not isinstance(value, str):
        raise TypeError(f"str expected, not {type(value).__name__}")
    return value


class _Environ:
    """os.environ: a str -> str mapping; changes go to the process environment
    too (see the module docstring)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        _env_str(key, 'key')
        _env_str(value, 'value')
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _env_str(key, 'key')
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return 'environ({' + ', '.join(
            f'{k!r}: {v!r}' for k, v in self._data.items()) + '})'

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value=None):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        for key in self._data:
            value = self._data[key]
            del self[key]
            return key, value
        raise KeyError('popitem(): environ is empty')

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new


def _decode_env(b):
    return b.decode('utf-8', 'surrogateescape')


environ = _Environ({_decode_env(k): _decode_env(v) for k, v in _posix.environ.items()})


def getenv(key, default=None):
    """The value of environment variable key (this VM's os.environ), or default."""
    return environ.get(key, default)


def fsencode(filename):
    """A file name as bytes (UTF-8, surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """A file name as str (UTF-8, surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def get_exec_path(env=None):
    if env is None:
        env = environ
    p = env.get('PATH', defpath)
    return p.split(pathsep)


class _PathLikeMeta(type):
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        for klass in getattr(sub, '__mro__', ()):
            if '__fspath__' in klass.__dict__:
                return klass.__dict__['__fspath__'] is not None
        return False


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for objects with a __fspath__ method."""

    def __fspath__(self):
        raise NotImplementedError


# ---- directories --------------------------------------------------------------------

class DirEntry:
    """One entry of a directory listed by scandir()."""

    __slots__ = ('name', 'path', '_d_type', '_inode', '_stat', '_lstat')

    def __init__(self, dirpath, name, d_type, inode):
        self.name = name
        self.path = path.join(dirpath, name) if dirpath is not None else name
        self._d_type = d_type
        self._inode = inode
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._inode

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _test(self, follow_symlinks, d_type, test):
        if self._d_type != DT_UNKNOWN and not (follow_symlinks and self._d_type == DT_LNK):
            return self._d_type == d_type
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return test(st.st_mode)

    def is_dir(self, *, follow_symlinks=True):
        return self._test(follow_symlinks, DT_DIR, _stat.S_ISDIR)

    def is_file(self, *, follow_symlinks=True):
        return self._test(follow_symlinks, DT_REG, _stat.S_ISREG)

    def is_symlink(self):
        if self._d_type != DT_UNKNOWN:
            return self._d_type == DT_LNK
        try:
            return _stat.S_ISLNK(self.stat(follow_symlinks=False).st_mode)
        except FileNotFoundError:
            return False

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


DirEntry.__module__ = 'posix'


class _ScandirIterator:
    def __init__(self, dirpath, entries):
        self._dirpath = dirpath
        self._entries = entries
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        entries = self._entries
        if entries is None or self._pos >= len(entries):
            self._entries = None
            raise StopIteration
        name, d_type, inode = entries[self._pos]
        self._pos += 1
        return DirEntry(self._dirpath, name, d_type, inode)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


_ScandirIterator.__name__ = _ScandirIterator.__qualname__ = 'ScandirIterator'
_ScandirIterator.__module__ = 'posix'


def scandir(path=None):
    """An iterator of DirEntry objects for the entries of directory path."""
    if path is None:
        entries = _scandir_entries()
        dirpath = '.'
    else:
        if not isinstance(path, int):
            path = fspath(path)
        entries = _scandir_entries(path)
        dirpath = None if isinstance(path, int) else path
    return _ScandirIterator(dirpath, entries)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each directory under top."""
    top = fspath(top)
    stack = [top]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        with it:
            while True:
                try:
                    try:
                        entry = next(it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            walk_into = not entry.is_symlink()
                        except OSError:
                            walk_into = False
                    if walk_into:
                        walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def makedirs(name, mode=0o777, exist_ok=False):
    """Make a directory and any missing parents; exist_ok: no error when it exists."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # made meanwhile by someone else
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a directory, then its parents as long as they are empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename(), making the new parents and removing the emptied old ones."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """A file object over descriptor fd (builtins.open with an int)."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import builtins
    return builtins.open(fd, mode, buffering, encoding, *args, **kwargs)


def get_terminal_size(fd=1):
    """(columns, lines) from $COLUMNS / $LINES, else 80 x 24."""
    try:
        columns = int(environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 80
    try:
        lines = int(environ['LINES'])
    except (KeyError, ValueError):
        lines = 24
    return terminal_size((columns, lines))


class terminal_size(tuple):
    __slots__ = ()

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return f'os.terminal_size(columns={self[0]}, lines={self[1]})'
