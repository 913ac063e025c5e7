/* posix.c — the posix module: thin wrappers over the POSIX system calls that
 * lib/os.py builds the os module on (files and descriptors, directories, stat,
 * the process environment, urandom).
 *
 * Conventions, as CPython's posix module has them:
 *   - a path argument is a str (encoded UTF-8 with surrogateescape), bytes, or
 *     an os.PathLike; functions that can work on a descriptor also take an int.
 *     Results that are names (listdir, readlink, getcwd) are str, or bytes when
 *     the path argument was bytes;
 *   - a failing call raises the OSError subclass of its errno with strerror and
 *     the filename (the path object as given) — two of them for rename;
 *   - descriptors made here (open, pipe, dup) are non-inheritable (O_CLOEXEC);
 *   - every call that may block (disk, pipes, directories) runs with the GIL
 *     released; meanwhile it touches no VM memory but the private buffers and
 *     immutable path bytes it holds references to.
 *
 * stat() returns a plain tuple of all the fields; lib/os.py wraps it in
 * os.stat_result (which has more attributes than sequence items).
 *
 * The process environment. posix.environ is this VM's snapshot (bytes -> bytes)
 * taken when the VM first imports posix. putenv / unsetenv change the process
 * environment, which every VM of the process (and child processes) shares; os.py
 * keeps each VM's os.environ a private dict that it updates alongside. Reading
 * and writing `environ` from several threads at once is unsafe in libc, so every
 * access made here holds env_lock: the one process-wide lock in the VM, because
 * the resource it guards is process-wide too (an embedder calling setenv itself
 * in a thread of its own is outside it).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "vm/core.h"
#include "vm/gil.h"

extern char **environ;

/* Process-wide: guards the C library's environment (see above). */
static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- path arguments ------------------------------------------------------------------ */

typedef struct Path {
    PylObject *obj;   /* the argument as given (borrowed), for error messages */
    PylObject *owned; /* bytes or str holding `path` (owned), or NULL */
    const char *path; /* NUL-terminated, or NULL when fd >= 0 / the value was None */
    int fd;           /* a descriptor argument, else -1 */
    bool is_bytes;    /* results that are names come back as bytes */
} Path;

static void path_free(PylThread *t, Path *p)
{
    PYL_CLEAR(t, p->owned);
}

/* Convert o (borrowed) for argument `arg` of fname. allow_fd: an int is a
 * descriptor; nullable: None leaves p->path NULL. 0, or -1 + exception. */
static int path_conv(PylThread *t, PylObject *o, const char *fname, const char *arg, bool allow_fd,
                     bool nullable, Path *p)
{
    memset(p, 0, sizeof *p);
    p->obj = o;
    p->fd = -1;
    if (nullable && o == PYL_NONE) {
        return 0;
    }
    if (allow_fd && PYL_IS_INT(o)) {
        intptr_t fd;
        if (pyl_arg_cint(t, o, &fd) < 0) {
            return -1;
        }
        if (fd < 0) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "fd is negative");
            return -1;
        }
        p->fd = (int)fd;
        return 0;
    }
    PylObject *v = pyl_incref(o);
    if (!PYL_IS_STR(v) && !PYL_IS_BYTES(v) && !PYL_IS_BYTEARRAY(v)) {
        PylObject *name = PYL_NAME(t, __fspath__);
        PylObject *fs = name ? pyl_type_lookup(t, PYL_TYPEOF(t, v), name) : NULL;
        if (fs == NULL) {
            pyl_decref(t, v);
            if (name != NULL) {
                pyl_err_format(t, PYL_EXC(t, TypeError), "%s: %s should be %s, not %T", fname, arg,
                               allow_fd && nullable ? "string, bytes, os.PathLike, integer or None"
                               : allow_fd           ? "string, bytes, os.PathLike or integer"
                               : nullable           ? "string, bytes, os.PathLike or None"
                                                    : "string, bytes or os.PathLike",
                               o);
            }
            return -1;
        }
        PylObject *r = pyl_call1(t, fs, v);
        if (r == NULL) {
            pyl_decref(t, v);
            return -1;
        }
        if (!PYL_IS_STR(r) && !PYL_IS_BYTES(r)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "expected %T.__fspath__() to return str or bytes, not %T", v, r);
            pyl_decref(t, v);
            pyl_decref(t, r);
            return -1;
        }
        pyl_decref(t, v);
        v = r;
    }
    const char *data;
    intptr_t n;
    if (PYL_IS_STR(v)) {
        if (!PYL_STR_IS_ASCII(v)) {
            PylObject *b = pyl_str_encode(t, v, "utf-8", "surrogateescape");
            pyl_decref(t, v);
            if (b == NULL) {
                return -1;
            }
            v = b;
            data = PYL_BYTES_DATA(v);
            n = PYL_BYTES_SIZE(v);
        } else {
            data = PYL_STR_DATA(v);
            n = PYL_STR_NBYTES(v);
        }
        if ((intptr_t)strlen(data) != n) {
            pyl_decref(t, v);
            pyl_err_format(t, PYL_EXC(t, ValueError), "embedded null byte");
            return -1;
        }
    } else {
        p->is_bytes = true;
        if (PYL_IS_BYTEARRAY(v)) { /* a private copy: the bytearray may change meanwhile */
            PylObject *b = pyl_bytes_new(t, PYL_BYTEARRAY_DATA(v), PYL_BYTEARRAY_SIZE(v));
            pyl_decref(t, v);
            if (b == NULL) {
                return -1;
            }
            v = b;
        }
        data = PYL_BYTES_DATA(v);
        n = PYL_BYTES_SIZE(v);
        if ((intptr_t)strlen(data) != n) {
            pyl_decref(t, v);
            pyl_err_format(t, PYL_EXC(t, ValueError), "%s: embedded null character in %s", fname,
                           arg);
            return -1;
        }
    }
    p->owned = v;
    p->path = data;
    return 0;
}

/* Raise the OSError for err about p (and p2 when given). NULL. */
static PylObject *path_error2(PylThread *t, int err, Path *p, Path *p2)
{
    if (p2 == NULL) {
        return pyl_err_from_errno(t, err, p && p->fd < 0 ? p->obj : NULL);
    }
    char buf[256];
    PylObject *msg = pyl_str_from_cstr(t, strerror_r(err, buf, sizeof buf)); /* GNU's */
    if (msg == NULL) {
        return NULL;
    }
    PylObject *args[5] = {PYL_SMALLINT(err), msg, p->obj, PYL_NONE, p2->obj};
    PylObject *exc = pyl_call(t, (PylObject *)PYL_EXC(t, OSError), args, 5, NULL);
    pyl_decref(t, msg);
    if (exc != NULL) {
        pyl_err_raise_steal(t, exc);
    }
    return NULL;
}

static PylObject *path_error(PylThread *t, int err, Path *p)
{
    return path_error2(t, err, p, NULL);
}

/* A name from the file system as str (surrogateescape) or bytes. New reference. */
static PylObject *name_obj(PylThread *t, const char *s, intptr_t n, bool as_bytes)
{
    return as_bytes ? pyl_bytes_new(t, s, n) : pyl_str_decode_utf8(t, s, n, "surrogateescape");
}

static int int_arg(PylThread *t, PylObject *o, int *out)
{
    intptr_t v;
    if (pyl_arg_cint(t, o, &v) < 0) {
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* The dir_fd keyword: only None (the default) is supported. */
static int no_dir_fd(PylThread *t, PylObject *o, const char *fname)
{
    if (o != NULL && o != PYL_NONE) {
        pyl_err_format(t, PYL_EXC(t, NotImplementedError),
                       "%s: dir_fd unavailable on this platform", fname);
        return -1;
    }
    return 0;
}

/* ---- process ------------------------------------------------------------------------- */

static PylObject *m_getpid(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, getpid());
}

static PylObject *m_getppid(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, getppid());
}

static PylObject *m_getuid(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, getuid());
}

static PylObject *m_geteuid(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, geteuid());
}

static PylObject *m_getgid(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, getgid());
}

static PylObject *m_getegid(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, getegid());
}

static PylObject *m_cpu_count(PylThread *t, PylObject *self)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? pyl_int_from_ssize(t, n) : pyl_incref(PYL_NONE);
}

static PylObject *m_umask(PylThread *t, PylObject *self, PylObject *arg)
{
    int mask;
    if (int_arg(t, arg, &mask) < 0) {
        return NULL;
    }
    return pyl_int_from_ssize(t, umask((mode_t)mask));
}

static PylObject *m_exit(PylThread *t, PylObject *self, PylObject *arg)
{
    int status;
    if (int_arg(t, arg, &status) < 0) {
        return NULL;
    }
    _exit(status);
}

static PylObject *m_strerror(PylThread *t, PylObject *self, PylObject *arg)
{
    int code;
    if (int_arg(t, arg, &code) < 0) {
        return NULL;
    }
    char buf[256];
    const char *s = strerror_r(code, buf, sizeof buf); /* GNU's: returns the text */
    return pyl_str_decode_utf8(t, s, (intptr_t)strlen(s), "surrogateescape");
}

static PylObject *m_urandom(PylThread *t, PylObject *self, PylObject *arg)
{
    intptr_t n;
    if (pyl_arg_ssize(t, arg, &n) < 0) {
        return NULL;
    }
    if (n < 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "negative argument not allowed");
    }
    PylObject *b = pyl_bytes_alloc(t, n);
    if (b == NULL) {
        return NULL;
    }
    char *p = PYL_BYTES_DATA(b);
    for (intptr_t got = 0; got < n;) {
        ssize_t r = getrandom(p + got, (size_t)(n - got), 0);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            int err = errno;
            pyl_decref(t, b);
            return pyl_err_from_errno(t, err, NULL);
        }
        got += r;
    }
    return b;
}

/* ---- the environment ------------------------------------------------------------------ */

/* key and value of putenv / unsetenv as C strings: str (surrogateescape) or
 * bytes, with CPython's checks. *owned receives what holds the bytes. */
static int env_arg(PylThread *t, PylObject *o, const char *fname, PylObject **owned,
                   const char **out)
{
    const char *data;
    intptr_t n;
    if (PYL_IS_STR(o)) {
        PylObject *b = pyl_str_encode(t, o, "utf-8", "surrogateescape");
        if (b == NULL) {
            return -1;
        }
        *owned = b;
    } else if (PYL_IS_BYTES(o)) {
        *owned = pyl_incref(o);
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s: expected str, bytes or os.PathLike, not %T",
                       fname, o);
        return -1;
    }
    data = PYL_BYTES_DATA(*owned);
    n = PYL_BYTES_SIZE(*owned);
    if ((intptr_t)strlen(data) != n) {
        PYL_CLEAR(t, *owned);
        pyl_err_format(t, PYL_EXC(t, ValueError), "embedded null byte");
        return -1;
    }
    *out = data;
    return 0;
}

static PylObject *m_putenv(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "putenv", nargs, 2, 2) < 0) {
        return NULL;
    }
    PylObject *ko = NULL, *vo = NULL;
    const char *k, *v;
    if (env_arg(t, args[0], "putenv", &ko, &k) < 0 || env_arg(t, args[1], "putenv", &vo, &v) < 0) {
        pyl_xdecref(t, ko);
        return NULL;
    }
    PylObject *r = NULL;
    if (*k != '\0' && strchr(k, '=') != NULL) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "illegal environment variable name");
    } else {
        pthread_mutex_lock(&env_lock);
        int st = setenv(k, v, 1);
        int err = errno;
        pthread_mutex_unlock(&env_lock);
        r = st == 0 ? pyl_incref(PYL_NONE) : pyl_err_from_errno(t, err, NULL);
    }
    pyl_decref(t, ko);
    pyl_decref(t, vo);
    return r;
}

static PylObject *m_unsetenv(PylThread *t, PylObject *self, PylObject *arg)
{
    PylObject *ko = NULL;
    const char *k;
    if (env_arg(t, arg, "unsetenv", &ko, &k) < 0) {
        return NULL;
    }
    pthread_mutex_lock(&env_lock);
    int st = unsetenv(k);
    int err = errno;
    pthread_mutex_unlock(&env_lock);
    pyl_decref(t, ko);
    return st == 0 ? pyl_incref(PYL_NONE) : pyl_err_from_errno(t, err, NULL);
}

/* posix.environ: a snapshot of the process environment, bytes -> bytes. The
 * strings are copied under env_lock, then turned into objects. */
static PylObject *environ_snapshot(PylThread *t)
{
    pthread_mutex_lock(&env_lock);
    size_t total = 0, count = 0;
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        total += strlen(*e) + 1;
        count++;
    }
    char *copy = malloc(total + 1);
    if (copy != NULL) {
        char *q = copy;
        for (char **e = environ; e != NULL && *e != NULL; e++) {
            size_t n = strlen(*e) + 1;
            memcpy(q, *e, n);
            q += n;
        }
    }
    pthread_mutex_unlock(&env_lock);
    if (copy == NULL) {
        return pyl_err_nomemory(t);
    }
    PylObject *d = pyl_dict_new(t);
    char *q = copy;
    for (size_t i = 0; d != NULL && i < count; i++) {
        size_t n = strlen(q);
        char *eq = strchr(q, '=');
        if (eq != NULL && eq != q) {
            PylObject *k = pyl_bytes_new(t, q, eq - q);
            PylObject *v = k ? pyl_bytes_new(t, eq + 1, (intptr_t)(q + n - eq - 1)) : NULL;
            /* the first of duplicate names wins, as getenv() sees it */
            int has = v ? pyl_dict_contains(t, d, k) : -1;
            if (has < 0 || (has == 0 && pyl_dict_set(t, d, k, v) < 0)) {
                PYL_CLEAR(t, d);
            }
            pyl_xdecref(t, k);
            pyl_xdecref(t, v);
        }
        q += n + 1;
    }
    free(copy);
    return d;
}

/* ---- descriptors ---------------------------------------------------------------------- */

static PylObject *m_open(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    static const char *const names[] = {"path", "flags", "mode", "dir_fd", NULL};
    static const PylArgSpec spec = {"open", names, 2, 3};
    PylObject *a[4];
    int flags, mode = 0777;
    Path p;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 || no_dir_fd(t, a[3], "open") < 0 ||
        int_arg(t, a[1], &flags) < 0 || (a[2] != NULL && int_arg(t, a[2], &mode) < 0) ||
        path_conv(t, a[0], "open", "path", false, false, &p) < 0) {
        return NULL;
    }
    pyl_gil_release(t);
    int fd;
    do {
        fd = open(p.path, flags | O_CLOEXEC, mode);
    } while (fd < 0 && errno == EINTR);
    int err = errno;
    pyl_gil_acquire(t);
    PylObject *r = fd >= 0 ? pyl_int_from_ssize(t, fd) : path_error(t, err, &p);
    path_free(t, &p);
    return r;
}

static PylObject *m_close(PylThread *t, PylObject *self, PylObject *arg)
{
    int fd;
    if (int_arg(t, arg, &fd) < 0) {
        return NULL;
    }
    /* Linux closes the descriptor even when close() reports EINTR: never retry */
    if (close(fd) < 0 && errno != EINTR) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_incref(PYL_NONE);
}

static PylObject *m_closerange(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs)
{
    int lo, hi;
    if (pyl_check_nargs(t, "closerange", nargs, 2, 2) < 0 || int_arg(t, args[0], &lo) < 0 ||
        int_arg(t, args[1], &hi) < 0) {
        return NULL;
    }
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) {
        close(fd);
    }
    return pyl_incref(PYL_NONE);
}

static PylObject *m_read(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    int fd;
    intptr_t n;
    if (pyl_check_nargs(t, "read", nargs, 2, 2) < 0 || int_arg(t, args[0], &fd) < 0 ||
        pyl_arg_ssize(t, args[1], &n) < 0) {
        return NULL;
    }
    if (n < 0) {
        return pyl_err_from_errno(t, EINVAL, NULL);
    }
    char *buf = malloc(n > 0 ? (size_t)n : 1);
    if (buf == NULL) {
        return pyl_err_nomemory(t);
    }
    pyl_gil_release(t);
    ssize_t got;
    do {
        got = read(fd, buf, (size_t)n);
    } while (got < 0 && errno == EINTR);
    int err = errno;
    pyl_gil_acquire(t);
    PylObject *r = got >= 0 ? pyl_bytes_new(t, buf, got) : pyl_err_from_errno(t, err, NULL);
    free(buf);
    return r;
}

static PylObject *m_write(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    int fd;
    const char *data;
    intptr_t n;
    if (pyl_check_nargs(t, "write", nargs, 2, 2) < 0 || int_arg(t, args[0], &fd) < 0 ||
        pyl_bytes_view(t, args[1], &data, &n) < 0) {
        return NULL;
    }
    /* bytes cannot change while the GIL is released; a bytearray is copied */
    PylObject *hold = PYL_IS_BYTES(args[1]) ? pyl_incref(args[1]) : pyl_bytes_new(t, data, n);
    if (hold == NULL) {
        return NULL;
    }
    data = PYL_BYTES_DATA(hold);
    pyl_gil_release(t);
    ssize_t put;
    do {
        put = write(fd, data, (size_t)n);
    } while (put < 0 && errno == EINTR);
    int err = errno;
    pyl_gil_acquire(t);
    pyl_decref(t, hold);
    return put >= 0 ? pyl_int_from_ssize(t, put) : pyl_err_from_errno(t, err, NULL);
}

static PylObject *m_lseek(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    int fd, how;
    int64_t pos;
    if (pyl_check_nargs(t, "lseek", nargs, 3, 3) < 0 || int_arg(t, args[0], &fd) < 0) {
        return NULL;
    }
    PylObject *idx = pyl_number_index(t, args[1]);
    if (idx == NULL) {
        return NULL;
    }
    int st = pyl_int_as_i64(t, idx, &pos);
    pyl_decref(t, idx);
    if (st < 0 || int_arg(t, args[2], &how) < 0) {
        return NULL;
    }
    off_t r = lseek(fd, (off_t)pos, how);
    return r >= 0 ? pyl_int_from_i64(t, r) : pyl_err_from_errno(t, errno, NULL);
}

static PylObject *m_pipe(PylThread *t, PylObject *self)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_tuple_pack(t, 2, PYL_SMALLINT(fds[0]), PYL_SMALLINT(fds[1]));
}

static PylObject *m_dup(PylThread *t, PylObject *self, PylObject *arg)
{
    int fd;
    if (int_arg(t, arg, &fd) < 0) {
        return NULL;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r >= 0 ? pyl_int_from_ssize(t, r) : pyl_err_from_errno(t, errno, NULL);
}

static PylObject *m_dup2(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    static const PylArgSpec spec = {"dup2", names, 2, 3};
    PylObject *a[3];
    int fd, fd2, inh = 1;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 || int_arg(t, a[0], &fd) < 0 ||
        int_arg(t, a[1], &fd2) < 0 || (a[2] != NULL && (inh = pyl_is_true(t, a[2])) < 0)) {
        return NULL;
    }
    int r = fd == fd2 ? fcntl(fd, F_GETFD) : dup3(fd, fd2, inh ? 0 : O_CLOEXEC);
    return r >= 0 ? pyl_int_from_ssize(t, fd2) : pyl_err_from_errno(t, errno, NULL);
}

static PylObject *m_isatty(PylThread *t, PylObject *self, PylObject *arg)
{
    int fd;
    if (int_arg(t, arg, &fd) < 0) {
        return NULL;
    }
    return pyl_incref(isatty(fd) ? PYL_TRUE : PYL_FALSE);
}

static PylObject *m_fsync(PylThread *t, PylObject *self, PylObject *arg)
{
    int fd;
    if (PYL_IS_INT(arg)) {
        if (int_arg(t, arg, &fd) < 0) {
            return NULL;
        }
    } else { /* any object with fileno() */
        PylObject *name = pyl_str_intern_cstr(t, "fileno");
        PylObject *r = name ? pyl_call_method(t, arg, name, NULL, 0) : NULL;
        pyl_xdecref(t, name);
        if (r == NULL || int_arg(t, r, &fd) < 0) {
            pyl_xdecref(t, r);
            return NULL;
        }
        pyl_decref(t, r);
    }
    pyl_gil_release(t);
    int st = fsync(fd);
    int err = errno;
    pyl_gil_acquire(t);
    return st == 0 ? pyl_incref(PYL_NONE) : pyl_err_from_errno(t, err, NULL);
}

static PylObject *m_ftruncate(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    int fd;
    intptr_t len;
    if (pyl_check_nargs(t, "ftruncate", nargs, 2, 2) < 0 || int_arg(t, args[0], &fd) < 0 ||
        pyl_arg_ssize(t, args[1], &len) < 0) {
        return NULL;
    }
    return ftruncate(fd, (off_t)len) == 0 ? pyl_incref(PYL_NONE)
                                          : pyl_err_from_errno(t, errno, NULL);
}

static PylObject *m_get_inheritable(PylThread *t, PylObject *self, PylObject *arg)
{
    int fd;
    if (int_arg(t, arg, &fd) < 0) {
        return NULL;
    }
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_incref(fl & FD_CLOEXEC ? PYL_FALSE : PYL_TRUE);
}

static PylObject *m_set_inheritable(PylThread *t, PylObject *self, PylObject *const *args,
                                    intptr_t nargs)
{
    int fd, inh;
    if (pyl_check_nargs(t, "set_inheritable", nargs, 2, 2) < 0 || int_arg(t, args[0], &fd) < 0 ||
        (inh = pyl_is_true(t, args[1])) < 0) {
        return NULL;
    }
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0 || fcntl(fd, F_SETFD, inh ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_incref(PYL_NONE);
}

/* ---- stat --------------------------------------------------------------------------- */

/* All the fields of st as one tuple, in the order lib/os.py's stat_result
 * expects: the 10 sequence items (integer times), then st_atime, st_mtime,
 * st_ctime (floats), their _ns ints, st_blksize, st_blocks, st_rdev. */
static PylObject *stat_tuple(PylThread *t, const struct stat *st)
{
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    PylObject *it[19] = {0};
    it[0] = pyl_int_from_u64(t, st->st_mode);
    it[1] = pyl_int_from_u64(t, st->st_ino);
    it[2] = pyl_int_from_u64(t, st->st_dev);
    it[3] = pyl_int_from_u64(t, st->st_nlink);
    it[4] = pyl_int_from_u64(t, st->st_uid);
    it[5] = pyl_int_from_u64(t, st->st_gid);
    it[6] = pyl_int_from_i64(t, st->st_size);
    for (int i = 0; i < 3; i++) {
        it[7 + i] = pyl_int_from_i64(t, ts[i]->tv_sec);
        it[10 + i] = pyl_float_new(t, (double)ts[i]->tv_sec + ts[i]->tv_nsec * 1e-9);
        mpz_t z;
        mpz_init_set_si(z, ts[i]->tv_sec);
        mpz_mul_ui(z, z, 1000000000);
        mpz_add_ui(z, z, (unsigned long)ts[i]->tv_nsec);
        it[13 + i] = pyl_int_from_mpz(t, z);
        mpz_clear(z);
    }
    it[16] = pyl_int_from_i64(t, st->st_blksize);
    it[17] = pyl_int_from_i64(t, st->st_blocks);
    it[18] = pyl_int_from_u64(t, st->st_rdev);
    PylObject *r = NULL;
    bool ok = true;
    for (int i = 0; i < 19; i++) {
        ok = ok && it[i] != NULL;
    }
    if (ok) {
        r = pyl_tuple_from_array(t, it, 19);
    }
    for (int i = 0; i < 19; i++) {
        pyl_xdecref(t, it[i]);
    }
    return r;
}

static PylObject *do_stat(PylThread *t, Path *p, bool follow)
{
    struct stat st;
    pyl_gil_release(t);
    int r = p->fd >= 0 ? fstat(p->fd, &st) : follow ? stat(p->path, &st) : lstat(p->path, &st);
    int err = errno;
    pyl_gil_acquire(t);
    PylObject *res = r == 0 ? stat_tuple(t, &st) : path_error(t, err, p);
    path_free(t, p);
    return res;
}

static PylObject *m_stat(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks", NULL};
    static const PylArgSpec spec = {"stat", names, 1, 1};
    PylObject *a[3];
    int follow = 1;
    Path p;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 || no_dir_fd(t, a[1], "stat") < 0 ||
        (a[2] != NULL && (follow = pyl_is_true(t, a[2])) < 0) ||
        path_conv(t, a[0], "stat", "path", true, false, &p) < 0) {
        return NULL;
    }
    return do_stat(t, &p, follow);
}

static PylObject *m_lstat(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    static const PylArgSpec spec = {"lstat", names, 1, 1};
    PylObject *a[2];
    Path p;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 || no_dir_fd(t, a[1], "lstat") < 0 ||
        path_conv(t, a[0], "lstat", "path", false, false, &p) < 0) {
        return NULL;
    }
    return do_stat(t, &p, false);
}

static PylObject *m_fstat(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    static const char *const names[] = {"fd", NULL};
    static const PylArgSpec spec = {"fstat", names, 1, 1};
    PylObject *a[1];
    int fd;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 || int_arg(t, a[0], &fd) < 0) {
        return NULL;
    }
    Path p = {.obj = a[0], .fd = fd};
    return do_stat(t, &p, true);
}

/* ---- files and directories ------------------------------------------------------------ */

/* One path argument (and the usual dir_fd keyword), one call. */
enum { OP_UNLINK, OP_RMDIR, OP_CHDIR, OP_READLINK };

static PylObject *one_path(PylThread *t, PylObject *const *args, intptr_t nargs, PylObject *kwnames,
                           const char *fname, int op)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    const PylArgSpec spec = {fname, names, 1, 1};
    PylObject *a[2];
    Path p;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 || no_dir_fd(t, a[1], fname) < 0 ||
        path_conv(t, a[0], fname, "path", op == OP_CHDIR, false, &p) < 0) {
        return NULL;
    }
    char buf[4096];
    ssize_t n = 0;
    int r;
    pyl_gil_release(t);
    switch (op) {
    case OP_UNLINK:
        r = unlink(p.path);
        break;
    case OP_RMDIR:
        r = rmdir(p.path);
        break;
    case OP_CHDIR:
        r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.path);
        break;
    default:
        n = readlink(p.path, buf, sizeof buf);
        r = n < 0 ? -1 : 0;
        break;
    }
    int err = errno;
    pyl_gil_acquire(t);
    PylObject *res;
    if (r < 0) {
        res = path_error(t, err, &p);
    } else if (op == OP_READLINK) {
        res = name_obj(t, buf, n, p.is_bytes);
    } else {
        res = pyl_incref(PYL_NONE);
    }
    path_free(t, &p);
    return res;
}

static PylObject *m_remove(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    return one_path(t, args, nargs, kwnames, "remove", OP_UNLINK);
}

static PylObject *m_unlink(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    return one_path(t, args, nargs, kwnames, "unlink", OP_UNLINK);
}

static PylObject *m_rmdir(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    return one_path(t, args, nargs, kwnames, "rmdir", OP_RMDIR);
}

static PylObject *m_chdir(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    return one_path(t, args, nargs, kwnames, "chdir", OP_CHDIR);
}

static PylObject *m_readlink(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    return one_path(t, args, nargs, kwnames, "readlink", OP_READLINK);
}

/* path plus an int: mkdir(path, mode=0o777), chmod(path, mode), access(path, mode),
 * truncate(path, length). */
enum { OP_MKDIR, OP_CHMOD, OP_ACCESS, OP_TRUNCATE };

static PylObject *path_int(PylThread *t, PylObject *const *args, intptr_t nargs, PylObject *kwnames,
                           const char *fname, int op)
{
    static const char *const mkdir_names[] = {"path", "mode", "dir_fd", NULL};
    static const char *const chmod_names[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    static const char *const access_names[] = {
        "path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    static const char *const trunc_names[] = {"path", "length", NULL};
    const char *const *names = op == OP_MKDIR    ? mkdir_names
                               : op == OP_CHMOD  ? chmod_names
                               : op == OP_ACCESS ? access_names
                                                 : trunc_names;
    const PylArgSpec spec = {fname, names, op == OP_MKDIR ? 1 : 2, 2};
    PylObject *a[5] = {0};
    Path p;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 ||
        (op != OP_TRUNCATE && no_dir_fd(t, a[2], fname) < 0)) {
        return NULL;
    }
    intptr_t v = op == OP_MKDIR ? 0777 : 0;
    if (a[1] != NULL &&
        (op == OP_TRUNCATE ? pyl_arg_ssize(t, a[1], &v) : pyl_arg_cint(t, a[1], &v)) < 0) {
        return NULL;
    }
    if (path_conv(t, a[0], fname, "path", op == OP_TRUNCATE || op == OP_CHMOD, false, &p) < 0) {
        return NULL;
    }
    pyl_gil_release(t);
    int r;
    switch (op) {
    case OP_MKDIR:
        r = mkdir(p.path, (mode_t)v);
        break;
    case OP_CHMOD:
        r = p.fd >= 0 ? fchmod(p.fd, (mode_t)v) : chmod(p.path, (mode_t)v);
        break;
    case OP_ACCESS:
        r = access(p.path, (int)v);
        break;
    default:
        r = p.fd >= 0 ? ftruncate(p.fd, (off_t)v) : truncate(p.path, (off_t)v);
        break;
    }
    int err = errno;
    pyl_gil_acquire(t);
    PylObject *res;
    if (op == OP_ACCESS) {
        res = pyl_incref(r == 0 ? PYL_TRUE : PYL_FALSE);
    } else {
        res = r == 0 ? pyl_incref(PYL_NONE) : path_error(t, err, &p);
    }
    path_free(t, &p);
    return res;
}

static PylObject *m_mkdir(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    return path_int(t, args, nargs, kwnames, "mkdir", OP_MKDIR);
}

static PylObject *m_chmod(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    return path_int(t, args, nargs, kwnames, "chmod", OP_CHMOD);
}

static PylObject *m_access(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    return path_int(t, args, nargs, kwnames, "access", OP_ACCESS);
}

static PylObject *m_truncate(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    return path_int(t, args, nargs, kwnames, "truncate", OP_TRUNCATE);
}

/* Two paths: rename, replace (the same on POSIX), symlink, link. */
enum { OP_RENAME, OP_SYMLINK, OP_LINK };

static PylObject *two_paths(PylThread *t, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames, const char *fname, int op)
{
    static const char *const rename_names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    static const char *const symlink_names[] = {"src", "dst", "target_is_directory", "dir_fd",
                                                NULL};
    const PylArgSpec spec = {fname, op == OP_SYMLINK ? symlink_names : rename_names, 2,
                             op == OP_SYMLINK ? 3 : 2};
    PylObject *a[4];
    Path p, q;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 ||
        no_dir_fd(t, a[op == OP_SYMLINK ? 3 : 2], fname) < 0 ||
        (op != OP_SYMLINK && no_dir_fd(t, a[3], fname) < 0) ||
        path_conv(t, a[0], fname, "src", false, false, &p) < 0) {
        return NULL;
    }
    if (path_conv(t, a[1], fname, "dst", false, false, &q) < 0) {
        path_free(t, &p);
        return NULL;
    }
    PylObject *res = NULL;
    if (p.is_bytes != q.is_bytes) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s: src and dst must be the same type", fname);
    } else {
        pyl_gil_release(t);
        int r = op == OP_RENAME    ? rename(p.path, q.path)
                : op == OP_SYMLINK ? symlink(p.path, q.path)
                                   : link(p.path, q.path);
        int err = errno;
        pyl_gil_acquire(t);
        res = r == 0 ? pyl_incref(PYL_NONE) : path_error2(t, err, &p, &q);
    }
    path_free(t, &p);
    path_free(t, &q);
    return res;
}

static PylObject *m_rename(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    return two_paths(t, args, nargs, kwnames, "rename", OP_RENAME);
}

static PylObject *m_replace(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return two_paths(t, args, nargs, kwnames, "replace", OP_RENAME);
}

static PylObject *m_symlink(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return two_paths(t, args, nargs, kwnames, "symlink", OP_SYMLINK);
}

static PylObject *m_link(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    return two_paths(t, args, nargs, kwnames, "link", OP_LINK);
}

static PylObject *getcwd_common(PylThread *t, bool as_bytes)
{
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = malloc(cap);
        if (buf == NULL) {
            return pyl_err_nomemory(t);
        }
        if (getcwd(buf, cap) != NULL) {
            PylObject *r = name_obj(t, buf, (intptr_t)strlen(buf), as_bytes);
            free(buf);
            return r;
        }
        int err = errno;
        free(buf);
        if (err != ERANGE) {
            return pyl_err_from_errno(t, err, NULL);
        }
    }
}

static PylObject *m_getcwd(PylThread *t, PylObject *self)
{
    return getcwd_common(t, false);
}

static PylObject *m_getcwdb(PylThread *t, PylObject *self)
{
    return getcwd_common(t, true);
}

/* The entries of a directory (without . and ..), read with the GIL released
 * into a private buffer: each entry is its d_type byte, its inode (8 bytes),
 * then its NUL-terminated name. Returns the buffer (malloc'd) and its size, or
 * NULL with *err set. */
static char *read_dir(Path *p, size_t *size, int *err)
{
    DIR *d;
    if (p->fd >= 0) {
        int fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
        d = fd >= 0 ? fdopendir(fd) : NULL;
        if (d == NULL && fd >= 0) {
            *err = errno;
            close(fd);
            return NULL;
        }
        if (d != NULL) {
            rewinddir(d);
        }
    } else {
        d = opendir(p->path ? p->path : ".");
    }
    if (d == NULL) {
        *err = errno;
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    struct dirent *e;
    *err = 0;
    while (buf != NULL) {
        errno = 0;
        if ((e = readdir(d)) == NULL) {
            *err = errno;
            break;
        }
        const char *nm = e->d_name;
        if (nm[0] == '.' && (nm[1] == '\0' || (nm[1] == '.' && nm[2] == '\0'))) {
            continue;
        }
        size_t n = strlen(nm) + 1 + 9;
        if (len + n > cap) {
            char *nb = realloc(buf, cap * 2 + n);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
                *err = ENOMEM;
                break;
            }
            buf = nb;
            cap = cap * 2 + n;
        }
        buf[len] = (char)e->d_type;
        uint64_t ino = e->d_ino;
        memcpy(buf + len + 1, &ino, 8);
        memcpy(buf + len + 9, nm, n - 9);
        len += n;
    }
    closedir(d);
    if (buf == NULL && *err == 0) {
        *err = ENOMEM;
    }
    if (*err != 0) {
        free(buf);
        return NULL;
    }
    *size = len;
    return buf;
}

/* listdir (full = false: a list of names) and _scandir (full: a list of
 * (name, d_type, inode) tuples, for os.scandir's DirEntry). */
static PylObject *list_dir(PylThread *t, PylObject *const *args, intptr_t nargs, PylObject *kwnames,
                           const char *fname, bool full)
{
    static const char *const names[] = {"path", NULL};
    const PylArgSpec spec = {fname, names, 0, 1};
    PylObject *a[1];
    Path p;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 ||
        path_conv(t, a[0] ? a[0] : PYL_NONE, fname, "path", true, true, &p) < 0) {
        return NULL;
    }
    size_t size = 0;
    int err;
    pyl_gil_release(t);
    char *buf = read_dir(&p, &size, &err);
    pyl_gil_acquire(t);
    if (buf == NULL) {
        PylObject *r = err == ENOMEM ? pyl_err_nomemory(t) : path_error(t, err, &p);
        path_free(t, &p);
        return r;
    }
    PylObject *list = pyl_list_new(t, 0);
    for (size_t off = 0; list != NULL && off < size;) {
        const char *nm = buf + off + 9;
        size_t n = strlen(nm);
        PylObject *name = name_obj(t, nm, (intptr_t)n, p.is_bytes);
        PylObject *item = name;
        if (name != NULL && full) {
            uint64_t ino;
            memcpy(&ino, buf + off + 1, 8);
            PylObject *io = pyl_int_from_u64(t, ino);
            item =
                io ? pyl_tuple_pack(t, 3, name, PYL_SMALLINT((unsigned char)buf[off]), io) : NULL;
            pyl_xdecref(t, io);
            pyl_decref(t, name);
        }
        if (item == NULL || pyl_list_append(t, list, item) < 0) {
            PYL_CLEAR(t, list);
        }
        pyl_xdecref(t, item);
        off += 9 + n + 1;
    }
    free(buf);
    path_free(t, &p);
    return list;
}

static PylObject *m_listdir(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return list_dir(t, args, nargs, kwnames, "listdir", false);
}

static PylObject *m_scandir(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return list_dir(t, args, nargs, kwnames, "scandir", true);
}

static PylObject *m_fspath(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    static const PylArgSpec spec = {"fspath", names, 1, 1};
    PylObject *a[1];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *o = a[0];
    if (PYL_IS_STR(o) || PYL_IS_BYTES(o)) {
        return pyl_incref(o);
    }
    PylObject *name = PYL_NAME(t, __fspath__);
    PylObject *fs = name ? pyl_type_lookup(t, PYL_TYPEOF(t, o), name) : NULL;
    if (fs == NULL || fs == PYL_NONE) {
        return name ? pyl_err_format(t, PYL_EXC(t, TypeError),
                                     "expected str, bytes or os.PathLike object, not %T", o)
                    : NULL;
    }
    PylObject *r = pyl_call1(t, fs, o);
    if (r != NULL && !PYL_IS_STR(r) && !PYL_IS_BYTES(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "expected %T.__fspath__() to return str or bytes, not %T", o, r);
        PYL_CLEAR(t, r);
    }
    return r;
}

static const PylMethodDef posix_methods[] = {
    PYL_METHOD_NOARGS("getpid", m_getpid),
    PYL_METHOD_NOARGS("getppid", m_getppid),
    PYL_METHOD_NOARGS("getuid", m_getuid),
    PYL_METHOD_NOARGS("geteuid", m_geteuid),
    PYL_METHOD_NOARGS("getgid", m_getgid),
    PYL_METHOD_NOARGS("getegid", m_getegid),
    PYL_METHOD_NOARGS("cpu_count", m_cpu_count),
    PYL_METHOD_O("umask", m_umask),
    PYL_METHOD_O("_exit", m_exit),
    PYL_METHOD_O("strerror", m_strerror),
    PYL_METHOD_O("urandom", m_urandom),
    PYL_METHOD_FAST("putenv", m_putenv),
    PYL_METHOD_O("unsetenv", m_unsetenv),
    PYL_METHOD_KW("open", m_open),
    PYL_METHOD_O("close", m_close),
    PYL_METHOD_FAST("closerange", m_closerange),
    PYL_METHOD_FAST("read", m_read),
    PYL_METHOD_FAST("write", m_write),
    PYL_METHOD_FAST("lseek", m_lseek),
    PYL_METHOD_NOARGS("pipe", m_pipe),
    PYL_METHOD_O("dup", m_dup),
    PYL_METHOD_KW("dup2", m_dup2),
    PYL_METHOD_O("isatty", m_isatty),
    PYL_METHOD_O("fsync", m_fsync),
    PYL_METHOD_FAST("ftruncate", m_ftruncate),
    PYL_METHOD_O("get_inheritable", m_get_inheritable),
    PYL_METHOD_FAST("set_inheritable", m_set_inheritable),
    PYL_METHOD_KW("stat", m_stat),
    PYL_METHOD_KW("lstat", m_lstat),
    PYL_METHOD_KW("fstat", m_fstat),
    PYL_METHOD_KW("remove", m_remove),
    PYL_METHOD_KW("unlink", m_unlink),
    PYL_METHOD_KW("rmdir", m_rmdir),
    PYL_METHOD_KW("chdir", m_chdir),
    PYL_METHOD_KW("readlink", m_readlink),
    PYL_METHOD_KW("mkdir", m_mkdir),
    PYL_METHOD_KW("chmod", m_chmod),
    PYL_METHOD_KW("access", m_access),
    PYL_METHOD_KW("truncate", m_truncate),
    PYL_METHOD_KW("rename", m_rename),
    PYL_METHOD_KW("replace", m_replace),
    PYL_METHOD_KW("symlink", m_symlink),
    PYL_METHOD_KW("link", m_link),
    PYL_METHOD_NOARGS("getcwd", m_getcwd),
    PYL_METHOD_NOARGS("getcwdb", m_getcwdb),
    PYL_METHOD_KW("listdir", m_listdir),
    PYL_METHOD_KW("_scandir", m_scandir),
    PYL_METHOD_KW("fspath", m_fspath),
    PYL_METHOD_END,
};

static const struct {
    const char *name;
    long value;
} posix_constants[] = {
    {"O_RDONLY", O_RDONLY},
    {"O_WRONLY", O_WRONLY},
    {"O_RDWR", O_RDWR},
    {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT},
    {"O_EXCL", O_EXCL},
    {"O_TRUNC", O_TRUNC},
    {"O_NONBLOCK", O_NONBLOCK},
    {"O_NDELAY", O_NDELAY},
    {"O_SYNC", O_SYNC},
    {"O_DSYNC", O_DSYNC},
    {"O_NOCTTY", O_NOCTTY},
    {"O_CLOEXEC", O_CLOEXEC},
    {"O_DIRECTORY", O_DIRECTORY},
    {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_ACCMODE", O_ACCMODE},
    {"O_NOATIME", O_NOATIME},
    {"O_PATH", O_PATH},
    {"O_TMPFILE", O_TMPFILE},
    {"SEEK_SET", SEEK_SET},
    {"SEEK_CUR", SEEK_CUR},
    {"SEEK_END", SEEK_END},
    {"SEEK_DATA", SEEK_DATA},
    {"SEEK_HOLE", SEEK_HOLE},
    {"F_OK", F_OK},
    {"R_OK", R_OK},
    {"W_OK", W_OK},
    {"X_OK", X_OK},
    {"EX_OK", 0},
    {"DT_UNKNOWN", DT_UNKNOWN},
    {"DT_DIR", DT_DIR},
    {"DT_REG", DT_REG},
    {"DT_LNK", DT_LNK},
};

static int posix_init(PylThread *t, PylObject *m)
{
    for (size_t i = 0; i < sizeof posix_constants / sizeof posix_constants[0]; i++) {
        if (pyl_module_add(t, m, posix_constants[i].name,
                           pyl_int_from_ssize(t, posix_constants[i].value)) < 0) {
            return -1;
        }
    }
    return pyl_module_add(t, m, "environ", environ_snapshot(t));
}

const PylModuleDef pyl_module_posix = {
    "posix", posix_methods, posix_init,
    "POSIX system calls (files, descriptors, directories, the environment);\n"
    "use the os module, which is built on this one."};
