"""Path operations for POSIX file systems; imported as os.path.

Every function takes str or bytes (or an os.PathLike) and answers in the same
type. Written for pyl; behaviour follows CPython's posixpath.
"""

import posix as _posix
import stat as _stat

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename",
           "dirname", "commonprefix", "getsize", "getmtime", "getatime", "getctime",
           "islink", "exists", "lexists", "isdir", "isfile", "ismount", "expanduser",
           "expandvars", "normpath", "abspath", "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep", "devnull",
           "realpath", "supports_unicode_filenames", "relpath", "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False

_fspath = _posix.fspath


def _seps(p):
    """(sep, curdir, pardir, extsep) in the type of p."""
    if isinstance(p, bytes):
        return b'/', b'.', b'..', b'.'
    return '/', '.', '..', '.'


def _check_types(funcname, *args):
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(b'/' if isinstance(s, bytes) else '/')


def join(a, *p):
    a = _fspath(a)
    sep = b'/' if isinstance(a, bytes) else '/'
    path = a
    try:
        if not p:
            path[:0] + sep  # a str or bytes, not something else
        for b in map(_fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        _check_types('join', a, *p)
        raise
    return path


def split(p):
    p = _fspath(p)
    sep = b'/' if isinstance(p, bytes) else '/'
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep, _, _, dot = _seps(p)
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        # a leading run of dots in the name is not an extension
        i = sep_index + 1
        while i < dot_index:
            if p[i:i + 1] != dot:
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    sep = b'/' if isinstance(p, bytes) else '/'
    return p[p.rfind(sep) + 1:]


def dirname(p):
    p = _fspath(p)
    sep = b'/' if isinstance(p, bytes) else '/'
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


# ---- questions to the file system -----------------------------------------------------

def exists(path):
    try:
        _posix.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        _posix.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    try:
        st = _posix.stat(path)
    except (OSError, ValueError):
        return False
    return _stat.S_ISREG(st[0])


def isdir(s):
    try:
        st = _posix.stat(s)
    except (OSError, ValueError):
        return False
    return _stat.S_ISDIR(st[0])


def islink(path):
    try:
        st = _posix.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return _stat.S_ISLNK(st[0])


def ismount(path):
    try:
        s1 = _posix.lstat(path)
    except (OSError, ValueError):
        return False
    if _stat.S_ISLNK(s1[0]):
        return False
    path = _fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    try:
        s2 = _posix.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1[2] != s2[2] or s1[1] == s2[1]


def getsize(filename):
    return _posix.stat(filename)[6]


def getmtime(filename):
    return _posix.stat(filename)[11]


def getatime(filename):
    return _posix.stat(filename)[10]


def getctime(filename):
    return _posix.stat(filename)[12]


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    s1 = _posix.stat(f1)
    s2 = _posix.stat(f2)
    return s1[1] == s2[1] and s1[2] == s2[2]


def sameopenfile(fp1, fp2):
    s1 = _posix.fstat(fp1)
    s2 = _posix.fstat(fp2)
    return s1[1] == s2[1] and s1[2] == s2[2]


# ---- rewriting paths ------------------------------------------------------------------

def normpath(path):
    path = _fspath(path)
    sep, dot, dotdot, _ = _seps(path)
    if not path:
        return dot
    # POSIX keeps exactly two leading slashes; one or three and more become one
    if path.startswith(sep):
        initial = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    else:
        initial = 0
    out = []
    for comp in path.split(sep):
        if not comp or comp == dot:
            continue
        if comp != dotdot or (not initial and not out) or (out and out[-1] == dotdot):
            out.append(comp)
        elif out:
            out.pop()
    path = sep * initial + sep.join(out)
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        cwd = _posix.getcwdb() if isinstance(path, bytes) else _posix.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    path, ok = _joinrealpath(filename[:0], filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    """Join rest to the already resolved path, resolving symbolic links; seen maps
    each link being resolved to its result (None while in progress)."""
    sep, curdir, pardir, _ = _seps(rest)
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, name = split(path)
                if name == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        newpath = join(path, name)
        try:
            st = _posix.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = _stat.S_ISLNK(st[0])
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            # a loop of links
            if strict:
                _posix.stat(newpath)  # raises OSError(ELOOP)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, _posix.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    sep, curdir, pardir, _ = _seps(path)
    if start is None:
        start = curdir
    else:
        start = _fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir
        return join(*rel_list)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        _check_types('relpath', path, start)
        raise


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    sep, curdir, _, _ = _seps(paths[0])
    try:
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs_, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs_ else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_types('commonpath', *paths)
        raise


def expanduser(path):
    path = _fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = b'/' if isinstance(path, bytes) else '/'
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path  # ~user: no pwd module yet
    import os
    home = os.environ.get('HOME')
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode('utf-8', 'surrogateescape')
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def expandvars(path):
    """Replace $name and ${name} by the environment variable's value; unknown
    names are left alone."""
    path = _fspath(path)
    is_bytes = isinstance(path, bytes)
    dollar = b'$' if is_bytes else '$'
    if dollar not in path:
        return path
    import os
    env = os.environ
    s = path.decode('utf-8', 'surrogateescape') if is_bytes else path
    out = []
    i = 0
    n = len(s)
    while i < n:
        j = s.find('$', i)
        if j < 0:
            out.append(s[i:])
            break
        out.append(s[i:j])
        k = j + 1
        if k < n and s[k] == '{':
            end = s.find('}', k + 1)
            if end < 0:
                out.append('$')
                i = j + 1
                continue
            name = s[k + 1:end]
            stop = end + 1
        else:
            stop = k
            while stop < n and (s[stop].isalnum() and s[stop].isascii() or s[stop] == '_'):
                stop += 1
            name = s[k:stop]
            if not name:
                out.append('$')
                i = j + 1
                continue
        if name in env:
            out.append(env[name])
        else:
            out.append(s[j:stop])
        i = stop
    r = ''.join(out)
    return r.encode('utf-8', 'surrogateescape') if is_bytes else r

