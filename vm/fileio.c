/* fileio.c — file objects (see fileio.h) and open(). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/core.h"
#include "vm/fileio.h"
#include "vm/gil.h"

#define BUF_SIZE 8192
#define SEEN_PENDING_CR 8 /* in PylFile.seen_nl: a chunk ended with \r */

static bool is_utf8(PylObject *encoding)
{
    if (encoding == NULL) {
        return true;
    }
    const char *e = PYL_STR_DATA(encoding);
    return strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0 || strcasecmp(e, "utf_8") == 0;
}

static PylObject *closed_error_msg(PylThread *t, const char *msg)
{
    return pyl_err_format(t, PYL_EXC(t, ValueError), "%s", msg);
}

static PylObject *closed_error(PylThread *t)
{
    return closed_error_msg(t, "I/O operation on closed file.");
}

/* io.UnsupportedOperation, a subclass of OSError and ValueError, made on first
 * use and kept by the VM. Borrowed reference, NULL on error. */
PylObject *pyl_file_unsupported_class(PylThread *t)
{
    if (t->vm->io_unsupported != NULL) {
        return t->vm->io_unsupported;
    }
    PylObject *name = pyl_str_from_cstr(t, "UnsupportedOperation");
    PylObject *bases[2] = {(PylObject *)PYL_EXC(t, OSError), (PylObject *)PYL_EXC(t, ValueError)};
    PylObject *bt = pyl_tuple_from_array(t, bases, 2);
    PylObject *ns = pyl_dict_new(t);
    PylObject *mod = pyl_str_from_cstr(t, "io");
    if (name != NULL && bt != NULL && ns != NULL && mod != NULL &&
        pyl_dict_set_cstr(t, ns, "__module__", mod) == 0) {
        PylObject *args[3] = {name, bt, ns};
        t->vm->io_unsupported = pyl_call(t, (PylObject *)PYL_TYPE(t, TYPE), args, 3, NULL);
    }
    pyl_xdecref(t, name);
    pyl_xdecref(t, bt);
    pyl_xdecref(t, ns);
    pyl_xdecref(t, mod);
    return t->vm->io_unsupported;
}

static PylObject *unsupported(PylThread *t, const char *what)
{
    PylObject *cls = pyl_file_unsupported_class(t);
    return cls ? pyl_err_format(t, (PylType *)cls, "%s", what) : NULL;
}

/* ---- low level ---------------------------------------------------------------------- */

/* write() and read() on f's descriptor. In a VM with threads, the others run
 * while the call blocks (writes only on pipes, terminals and sockets, which
 * can block); the bytes then travel through a private buffer, so no VM memory
 * is touched without the GIL (another thread may close f or read from it). */
static ssize_t sys_write(PylThread *t, PylFile *f, const char *p, size_t n)
{
    char *copy;
    if (t->gil == NULL || f->seekable || (copy = malloc(n < 65536 ? n : 65536)) == NULL) {
        return write(f->fd, p, n);
    }
    n = n < 65536 ? n : 65536;
    memcpy(copy, p, n);
    int fd = f->fd;
    pyl_gil_release(t);
    ssize_t w = write(fd, copy, n);
    int err = errno;
    pyl_gil_acquire(t);
    free(copy);
    errno = err;
    return w;
}

/* Read into f->rbuf at rlen (rlen is not advanced); the buffer grows when
 * another thread filled it meanwhile. Bytes read, or -1 with errno. */
static ssize_t sys_read(PylThread *t, PylFile *f)
{
    size_t n = (size_t)(f->rcap - f->rlen);
    char *tmp;
    if (t->gil == NULL || (tmp = malloc(n < (1 << 20) ? n : (1 << 20))) == NULL) {
        return read(f->fd, f->rbuf + f->rlen, n);
    }
    n = n < (1 << 20) ? n : (1 << 20);
    int fd = f->fd;
    pyl_gil_release(t);
    ssize_t r = read(fd, tmp, n);
    int err = errno;
    pyl_gil_acquire(t);
    if (r > 0 && f->closed) {
        r = -1;
        err = EBADF;
    } else if (r > 0 && f->rcap - f->rlen < r) {
        char *nb = pyl_mem_realloc(t, f->rbuf, (size_t)(f->rlen + r));
        if (nb == NULL) {
            pyl_err_clear(t);
            r = -1;
            err = ENOMEM;
        } else {
            f->rbuf = nb;
            f->rcap = f->rlen + r;
        }
    }
    if (r > 0) {
        memcpy(f->rbuf + f->rlen, tmp, (size_t)r);
    }
    free(tmp);
    errno = err;
    return r;
}

static int write_all(PylThread *t, PylFile *f, const char *p, intptr_t n)
{
    if (f->hook != NULL) {
        if (n > 0) {
            f->hook(f->hook_ctx, p, (size_t)n);
        }
        return 0;
    }
    while (n > 0) {
        ssize_t w = sys_write(t, f, p, (size_t)n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            pyl_err_from_errno(t, errno, NULL);
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

static int flush_write(PylThread *t, PylFile *f)
{
    if (f->wlen > 0) {
        intptr_t n = f->wlen;
        f->wlen = 0;
        return write_all(t, f, f->wbuf, n);
    }
    return 0;
}

int pyl_file_flush(PylThread *t, PylObject *o)
{
    PylFile *f = (PylFile *)o;
    if (f->closed) {
        return 0;
    }
    return flush_write(t, f);
}

/* Buffer raw bytes for writing. */
static int buffered_write(PylThread *t, PylFile *f, const char *s, intptr_t n)
{
    if (f->appending && f->seekable && f->wlen == 0) {
        /* O_APPEND writes land at the end: the position goes there too */
        lseek(f->fd, 0, SEEK_END);
    } else if (f->rlen > f->rpos && f->seekable) {
        /* drop read-ahead: move the file position back to what was consumed */
        lseek(f->fd, f->rpos - f->rlen, SEEK_CUR);
    }
    f->rpos = f->rlen = 0;
    if (f->wbuf == NULL) {
        f->wbuf = pyl_mem_alloc(t, BUF_SIZE);
        if (f->wbuf == NULL) {
            return -1;
        }
        f->wcap = BUF_SIZE;
    }
    if (f->wlen + n > f->wcap) {
        if (flush_write(t, f) < 0) {
            return -1;
        }
        if (n >= f->wcap) {
            return write_all(t, f, s, n);
        }
    }
    memcpy(f->wbuf + f->wlen, s, (size_t)n);
    f->wlen += n;
    if (f->line_buffered && memchr(s, '\n', (size_t)n) != NULL) {
        return flush_write(t, f);
    }
    return 0;
}

/* Record the kinds of line endings in a chunk just read (universal newline
 * modes), as CPython's decoder does for each chunk it decodes: .newlines. A \r
 * ending a chunk waits for the next one (n == 0 at EOF). */
static void note_newlines(PylFile *f, const char *s, intptr_t n)
{
    intptr_t i = 0;
    if (f->seen_nl & SEEN_PENDING_CR) {
        f->seen_nl &= (uint8_t)~SEEN_PENDING_CR;
        if (n > 0 && s[0] == '\n') {
            f->seen_nl |= PYL_SEEN_CRLF;
            i = 1;
        } else {
            f->seen_nl |= PYL_SEEN_CR;
        }
    }
    for (; i < n; i++) {
        if (s[i] == '\r') {
            if (i + 1 == n) {
                f->seen_nl |= SEEN_PENDING_CR;
            } else if (s[i + 1] == '\n') {
                f->seen_nl |= PYL_SEEN_CRLF;
                i++;
            } else {
                f->seen_nl |= PYL_SEEN_CR;
            }
        } else if (s[i] == '\n') {
            f->seen_nl |= PYL_SEEN_LF;
        }
    }
}

/* Make sure the read buffer holds more data; 0 at EOF, -1 error, else bytes added. */
static intptr_t fill_read(PylThread *t, PylFile *f)
{
    if (flush_write(t, f) < 0) {
        return -1;
    }
    if (f->rbuf == NULL) {
        f->rbuf = pyl_mem_alloc(t, BUF_SIZE);
        if (f->rbuf == NULL) {
            return -1;
        }
        f->rcap = BUF_SIZE;
    }
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, (size_t)(f->rlen - f->rpos));
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rlen == f->rcap) {
        char *nb = pyl_mem_realloc(t, f->rbuf, (size_t)f->rcap * 2);
        if (nb == NULL) {
            return -1;
        }
        f->rbuf = nb;
        f->rcap *= 2;
    }
    for (;;) {
        ssize_t r = sys_read(t, f);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            pyl_err_from_errno(t, errno, NULL);
            return -1;
        }
        if (r == 0) {
            f->eof = true;
        }
        if (f->text && (f->newline == PYL_NL_UNIVERSAL || f->newline == PYL_NL_UNTRANSLATED)) {
            note_newlines(f, f->rbuf + f->rlen, r);
        }
        f->rlen += r;
        return r;
    }
}

/* ---- text ---------------------------------------------------------------------------- */

static PylObject *decode_text(PylThread *t, PylFile *f, const char *s, intptr_t n)
{
    const char *errors = f->errors ? PYL_STR_DATA(f->errors) : NULL;
    if (is_utf8(f->encoding)) {
        return pyl_str_decode_utf8(t, s, n, errors);
    }
    return pyl_bytes_decode(t, s, n, PYL_STR_DATA(f->encoding), errors);
}

/* Raw text bytes just read -> str: with newline=None, \r\n and \r become \n. */
static PylObject *finish_text(PylThread *t, PylFile *f, const char *s, intptr_t n)
{
    if (n == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    if (f->newline != PYL_NL_UNIVERSAL || memchr(s, '\r', (size_t)n) == NULL) {
        return decode_text(t, f, s, n);
    }
    PylBuf out;
    pyl_buf_init(&out);
    for (intptr_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '\r') {
            if (i + 1 < n && s[i + 1] == '\n') {
                i++;
            }
            ch = '\n';
        }
        if (pyl_buf_putc(t, &out, ch) < 0) {
            pyl_buf_free(t, &out);
            return NULL;
        }
    }
    PylObject *r = decode_text(t, f, out.data, out.len);
    pyl_buf_free(t, &out);
    return r;
}

/* Make sure the byte at rbuf[rpos + i] is buffered, reading more as needed:
 * 1 when it is, 0 at EOF, -1 on error. */
static int have_byte(PylThread *t, PylFile *f, intptr_t i)
{
    while (f->rpos + i >= f->rlen) {
        if (f->eof) {
            return 0;
        }
        intptr_t r = fill_read(t, f);
        if (r < 0) {
            return -1;
        }
    }
    return 1;
}

/* How many raw bytes from rbuf[rpos] make up the next `limit` characters
 * (limit < 0: no limit), stopping early at the end of a line when `line` (else
 * reading to EOF). In text mode characters are code points (UTF-8) and, with
 * newline=None, \r\n counts as one; a line ends as the newline mode says (a
 * binary file's lines end with \n). Buffers what it looks at but consumes
 * nothing. -1 on error. The encodings read this way are byte-oriented ones
 * (UTF-8, Latin-1, ASCII ...). */
static intptr_t scan_text(PylThread *t, PylFile *f, intptr_t limit, bool line)
{
    bool text = f->text, utf8 = text && is_utf8(f->encoding);
    int nl = text ? f->newline : PYL_NL_LF;
    bool any_nl = nl == PYL_NL_UNIVERSAL || nl == PYL_NL_UNTRANSLATED;
    intptr_t i = 0, chars = 0;
    for (;;) {
        int h = have_byte(t, f, i);
        if (h <= 0) {
            return h < 0 ? -1 : i;
        }
        unsigned char c = (unsigned char)f->rbuf[f->rpos + i];
        bool cont = utf8 && (c & 0xC0) == 0x80;
        if (limit >= 0 && chars >= limit && !cont) {
            return i;
        }
        i++;
        if (cont) {
            continue;
        }
        chars++;
        if (c == '\n' && line && (any_nl || nl == PYL_NL_LF)) {
            return i;
        }
        if (c == '\r' && (any_nl || nl == PYL_NL_CRLF || (nl == PYL_NL_CR && line))) {
            if (nl == PYL_NL_CR) {
                return i;
            }
            h = have_byte(t, f, i);
            if (h < 0) {
                return -1;
            }
            bool crlf = h > 0 && f->rbuf[f->rpos + i] == '\n';
            if (crlf && (nl == PYL_NL_UNIVERSAL || line)) {
                i++; /* \r\n: one character (translated) or the end of the line */
                if (nl != PYL_NL_UNIVERSAL) {
                    chars++;
                }
            }
            if (line && (any_nl || crlf)) {
                return i;
            }
        }
    }
}

/* read(n) of a text file: up to n characters (n < 0: to EOF). */
static PylObject *text_read(PylThread *t, PylFile *f, intptr_t n)
{
    intptr_t len = scan_text(t, f, n, false);
    if (len < 0) {
        return NULL;
    }
    PylObject *r = finish_text(t, f, f->rbuf ? f->rbuf + f->rpos : "", len);
    if (r != NULL) {
        f->rpos += len;
    }
    return r;
}

PylObject *pyl_file_readline(PylThread *t, PylObject *o, intptr_t limit)
{
    PylFile *f = (PylFile *)o;
    if (f->closed) {
        return f->text ? closed_error(t) : closed_error_msg(t, "readline of closed file");
    }
    if (!f->readable) {
        return unsupported(t, f->text ? "not readable" : "read");
    }
    intptr_t len = scan_text(t, f, limit, true);
    if (len < 0) {
        return NULL;
    }
    const char *p = f->rbuf ? f->rbuf + f->rpos : "";
    PylObject *r = f->text ? finish_text(t, f, p, len) : pyl_bytes_new(t, p, len);
    if (r != NULL) {
        f->rpos += len;
    }
    return r;
}

int pyl_file_write_utf8(PylThread *t, PylObject *o, const char *s, intptr_t n)
{
    PylFile *f = (PylFile *)o;
    if (f->closed) {
        closed_error(t);
        return -1;
    }
    if (!f->writable) {
        unsupported(t, "not writable");
        return -1;
    }
    return buffered_write(t, f, s, n);
}

/* ---- creation ------------------------------------------------------------------------- */

PylObject *pyl_file_from_fd(PylThread *t, int fd, const char *name, const char *mode, bool closefd,
                            bool line_buffered)
{
    PylFile *f = (PylFile *)pyl_obj_alloc(t, PYL_TYPE(t, TEXTIO), sizeof(PylFile));
    if (f == NULL) {
        return NULL;
    }
    f->fd = fd;
    f->closefd = closefd;
    f->text = strchr(mode, 'b') == NULL;
    if (!f->text) {
        f->ob.type = PYL_TYPE(t, BUFFEREDIO);
    }
    f->readable = strchr(mode, 'r') != NULL || strchr(mode, '+') != NULL;
    f->writable = strchr(mode, 'w') != NULL || strchr(mode, 'a') != NULL ||
                  strchr(mode, 'x') != NULL || strchr(mode, '+') != NULL;
    f->appending = strchr(mode, 'a') != NULL;
    f->line_buffered = line_buffered;
    f->seekable = lseek(fd, 0, SEEK_CUR) >= 0;
    f->name = pyl_str_from_cstr(t, name);
    f->mode = pyl_str_from_cstr(t, mode);
    if (f->text) {
        f->encoding = pyl_str_from_cstr(t, "utf-8");
        f->errors = pyl_str_from_cstr(t, "strict");
    }
    if (f->name == NULL || f->mode == NULL || (f->text && (!f->encoding || !f->errors))) {
        pyl_decref(t, (PylObject *)f);
        return NULL;
    }
    return (PylObject *)f;
}

PylObject *pyl_file_from_hook(PylThread *t, void (*hook)(void *, const char *, size_t), void *ctx,
                              const char *name)
{
    PylObject *o = pyl_file_from_fd(t, -1, name, "w", false, true);
    if (o != NULL) {
        ((PylFile *)o)->hook = hook;
        ((PylFile *)o)->hook_ctx = ctx;
    }
    return o;
}

PylObject *pyl_file_open(PylThread *t, PylObject *const *args, intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"file",    "mode",    "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener",    NULL};
    static const PylArgSpec spec = {"open", names, 1, 8};
    PylObject *a[8];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *mode = "r";
    if (a[1] != NULL) {
        if (!PYL_IS_STR(a[1])) {
            return pyl_bad_argument(t, "open", "'mode'", "str", a[1]);
        }
        mode = PYL_STR_DATA(a[1]);
    }
    intptr_t buffering = -1;
    if (a[2] != NULL && pyl_index_as_ssize(t, a[2], &buffering) < 0) {
        return NULL;
    }
    static const char *const str_args[] = {NULL, NULL, NULL, "encoding", "errors", "newline"};
    for (int i = 3; i <= 5; i++) {
        if (a[i] == PYL_NONE) {
            a[i] = NULL;
        }
        if (a[i] != NULL && !PYL_IS_STR(a[i])) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "open() argument '%s' must be str or None, not %T", str_args[i],
                                  a[i]);
        }
    }
    /* validate the mode as CPython's _io.open and FileIO do, in their order */
    int nrwxa = 0, nplus = 0;
    bool bin = false, txt = false;
    for (const char *m = mode; *m; m++) {
        switch (*m) {
        case 'r':
        case 'w':
        case 'x':
        case 'a':
            nrwxa++;
            break;
        case '+':
            nplus++;
            break;
        case 'b':
            bin = true;
            break;
        case 't':
            txt = true;
            break;
        default:
            return pyl_err_format(t, PYL_EXC(t, ValueError), "invalid mode: '%s'", mode);
        }
        if (strchr(m + 1, *m) != NULL) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "invalid mode: '%s'", mode);
        }
    }
    bool plus = nplus > 0;
    if (bin && txt) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "can't have text and binary mode at once");
    }
    if (nrwxa > 1) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "must have exactly one of create/read/write/append mode");
    }
    if (bin && a[3] != NULL) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "binary mode doesn't take an encoding argument");
    }
    if (bin && a[4] != NULL) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "binary mode doesn't take an errors argument");
    }
    if (bin && a[5] != NULL) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "binary mode doesn't take a newline argument");
    }
    if (nrwxa == 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Must have exactly one of create/read/write/append mode and at "
                              "most one plus");
    }
    if (buffering == 0 && !bin) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "can't have unbuffered text I/O");
    }
    int newline = PYL_NL_UNIVERSAL;
    if (a[5] != NULL) {
        const char *nl = PYL_STR_DATA(a[5]);
        newline = PYL_STR_NBYTES(a[5]) == 0 ? PYL_NL_UNTRANSLATED
                  : strcmp(nl, "\n") == 0   ? PYL_NL_LF
                  : strcmp(nl, "\r") == 0   ? PYL_NL_CR
                  : strcmp(nl, "\r\n") == 0 ? PYL_NL_CRLF
                                            : -1;
        if (newline < 0) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "illegal newline value: %U", a[5]);
        }
    }
    int flags = 0;
    if (strchr(mode, 'r')) {
        flags = plus ? O_RDWR : O_RDONLY;
    } else if (strchr(mode, 'w')) {
        flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    } else if (strchr(mode, 'x')) {
        flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
    } else {
        flags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    }
    flags |= O_CLOEXEC;
    PylObject *file = a[0];
    int fd;
    const char *path = NULL;
    if (PYL_IS_STR(file)) {
        path = PYL_STR_DATA(file);
        if ((intptr_t)strlen(path) != PYL_STR_NBYTES(file)) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "embedded null byte");
        }
        do {
            fd = open(path, flags, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0) {
            return pyl_err_from_errno(t, errno, file);
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return pyl_err_from_errno(t, EISDIR, file);
        }
    } else if (PYL_IS_INT(file)) {
        intptr_t v;
        if (pyl_int_as_ssize(t, file, &v) < 0) {
            return NULL;
        }
        fd = (int)v;
    } else {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "expected str, bytes or os.PathLike object, not %T", file);
    }
    /* the spelling of FileIO.mode: 'rb', 'wb', 'xb', 'ab', 'rb+' (also for w+), 'xb+', 'ab+' */
    char normmode[8];
    int k = 0;
    normmode[k++] = strchr(mode, 'r')   ? 'r'
                    : strchr(mode, 'x') ? 'x'
                    : strchr(mode, 'a') ? 'a'
                    : plus              ? 'r'
                                        : 'w';
    if (bin) {
        normmode[k++] = 'b';
    }
    if (plus) {
        normmode[k++] = '+';
    }
    normmode[k] = '\0';
    bool closefd = a[6] == NULL || pyl_is_true(t, a[6]) > 0;
    PylObject *fo = pyl_file_from_fd(t, fd, path ? path : "", normmode, closefd, false);
    if (fo == NULL) {
        if (closefd) {
            close(fd);
        }
        return NULL;
    }
    PylFile *f = (PylFile *)fo;
    pyl_setref(t, &f->name, pyl_incref(file));
    if (!bin) {
        /* the text wrapper's mode keeps what was asked (e.g. 'r' even with 't') */
        pyl_setref(t, &f->mode, pyl_incref(a[1] ? a[1] : f->mode));
        /* the locale's preferred encoding, spelt as CPython reports it */
        PylObject *enc = a[3] != NULL ? pyl_incref(a[3]) : pyl_str_from_cstr(t, "UTF-8");
        if (enc == NULL) {
            pyl_decref(t, fo);
            return NULL;
        }
        pyl_setref(t, &f->encoding, enc);
        if (a[4] != NULL) {
            pyl_setref(t, &f->errors, pyl_incref(a[4]));
        }
        f->newline = (uint8_t)newline;
    }
    if (f->appending && f->seekable) {
        lseek(fd, 0, SEEK_END);
    }
    return fo;
}

/* ---- methods ---------------------------------------------------------------------------- */

/* Lone surrogates are stored as ED A0..BF xx; they need the encoder's error handler. */
static bool has_surrogates(PylObject *s)
{
    if (PYL_STR_IS_ASCII(s)) {
        return false;
    }
    const unsigned char *p = (const unsigned char *)PYL_STR_DATA(s);
    intptr_t n = PYL_STR_NBYTES(s);
    for (intptr_t i = 0; i + 1 < n; i++) {
        if (p[i] == 0xED && p[i + 1] >= 0xA0) {
            return true;
        }
    }
    return false;
}

static int file_close(PylThread *t, PylFile *f)
{
    if (f->closed) {
        return 0;
    }
    int r = flush_write(t, f);
    f->closed = true;
    if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && r == 0) {
        pyl_err_from_errno(t, errno, NULL);
        r = -1;
    }
    return r;
}

static void file_dealloc(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    PylObject *exc = pyl_err_fetch(t);
    if (file_close(t, f) < 0) {
        pyl_err_clear(t);
    }
    pyl_err_restore(t, exc);
    pyl_xdecref(t, f->name);
    pyl_xdecref(t, f->mode);
    pyl_xdecref(t, f->encoding);
    pyl_xdecref(t, f->errors);
    pyl_xdecref(t, f->dict);
    pyl_mem_free(t, f->rbuf);
    pyl_mem_free(t, f->wbuf);
    pyl_obj_free(t, self);
}

static PylObject *m_close(PylThread *t, PylObject *self)
{
    return file_close(t, (PylFile *)self) < 0 ? NULL : PYL_NONE;
}

static PylObject *m_flush(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return !f->text && f->writable ? closed_error_msg(t, "flush of closed file")
                                       : closed_error(t);
    }
    return flush_write(t, f) < 0 ? NULL : PYL_NONE;
}

/* s with every \n replaced by the file's newline ('\r' or '\r\n'); new reference. */
static PylObject *translate_for_write(PylThread *t, PylFile *f, PylObject *s)
{
    const char *nl = f->newline == PYL_NL_CR ? "\r" : "\r\n";
    const char *p = PYL_STR_DATA(s);
    intptr_t n = PYL_STR_NBYTES(s);
    PylBuf b;
    pyl_buf_init(&b);
    for (intptr_t i = 0; i < n; i++) {
        int r = p[i] == '\n' ? pyl_buf_puts(t, &b, nl) : pyl_buf_putc(t, &b, p[i]);
        if (r < 0) {
            pyl_buf_free(t, &b);
            return NULL;
        }
    }
    return pyl_buf_finish_str(t, &b);
}

static PylObject *m_write(PylThread *t, PylObject *self, PylObject *arg)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return f->text ? closed_error(t) : closed_error_msg(t, "write to closed file");
    }
    if (!f->writable) {
        return unsupported(t, f->text ? "not writable" : "write");
    }
    if (f->text) {
        if (!PYL_IS_STR(arg)) {
            return pyl_bad_argument(t, "write", NULL, "str", arg);
        }
        intptr_t nchars = PYL_STR_LEN(arg);
        PylObject *s = arg;
        if ((f->newline == PYL_NL_CR || f->newline == PYL_NL_CRLF) &&
            memchr(PYL_STR_DATA(arg), '\n', (size_t)PYL_STR_NBYTES(arg)) != NULL) {
            s = translate_for_write(t, f, arg);
            if (s == NULL) {
                return NULL;
            }
        } else {
            pyl_incref(s);
        }
        int r;
        if (is_utf8(f->encoding) && !has_surrogates(s)) {
            r = buffered_write(t, f, PYL_STR_DATA(s), PYL_STR_NBYTES(s));
        } else {
            PylObject *b = pyl_str_encode(t, s, PYL_STR_DATA(f->encoding), PYL_STR_DATA(f->errors));
            r = b ? buffered_write(t, f, PYL_BYTES_DATA(b), PYL_BYTES_SIZE(b)) : -1;
            pyl_xdecref(t, b);
        }
        pyl_decref(t, s);
        return r < 0 ? NULL : pyl_int_from_ssize(t, nchars);
    }
    const char *data;
    intptr_t n;
    if (pyl_bytes_view(t, arg, &data, &n) < 0) {
        return NULL;
    }
    if (buffered_write(t, f, data, n) < 0) {
        return NULL;
    }
    return pyl_int_from_ssize(t, n);
}

int pyl_file_write_str(PylThread *t, PylObject *file, PylObject *s)
{
    PylObject *r = m_write(t, file, s);
    if (r == NULL) {
        return -1;
    }
    pyl_decref(t, r);
    return 0;
}

static PylObject *m_writelines(PylThread *t, PylObject *self, PylObject *lines)
{
    if (((PylFile *)self)->closed) {
        return closed_error(t);
    }
    PylObject *it = pyl_iter(t, lines);
    if (it == NULL) {
        return NULL;
    }
    PylObject *line;
    while ((line = pyl_iter_next(t, it)) != NULL) {
        PylObject *r = m_write(t, self, line);
        pyl_decref(t, line);
        if (r == NULL) {
            pyl_decref(t, it);
            return NULL;
        }
        pyl_decref(t, r);
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? NULL : PYL_NONE;
}

static PylObject *m_read(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    PylFile *f = (PylFile *)self;
    if (pyl_check_nargs(t, "read", nargs, 0, 1) < 0) {
        return NULL;
    }
    intptr_t n = -1;
    if (nargs == 1 && args[0] != PYL_NONE && pyl_index_as_ssize(t, args[0], &n) < 0) {
        return NULL;
    }
    if (f->closed) {
        return f->text ? closed_error(t) : closed_error_msg(t, "read of closed file");
    }
    if (!f->readable) {
        return unsupported(t, f->text ? "not readable" : "read");
    }
    if (f->text) {
        PylObject *r = text_read(t, f, n);
        f->eof = false;
        return r;
    }
    PylBuf out;
    pyl_buf_init(&out);
    for (;;) {
        intptr_t avail = f->rlen - f->rpos;
        intptr_t take = n < 0 ? avail : (n - out.len < avail ? n - out.len : avail);
        if (take > 0 && pyl_buf_append(t, &out, f->rbuf + f->rpos, take) < 0) {
            return NULL;
        }
        f->rpos += take;
        if ((n >= 0 && out.len >= n) || f->eof) {
            break;
        }
        intptr_t r = fill_read(t, f);
        if (r < 0) {
            pyl_buf_free(t, &out);
            return NULL;
        }
        if (r == 0) {
            break;
        }
        if (n >= 0 && out.len > 0) {
            /* a short read: return what we have for a sized read of a pipe */
        }
    }
    f->eof = false;
    return pyl_buf_finish_bytes(t, &out);
}

static PylObject *m_readline(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "readline", nargs, 0, 1) < 0) {
        return NULL;
    }
    intptr_t limit = -1;
    /* binary readline takes None for "no limit", text readline only ints */
    if (nargs == 1 && (args[0] != PYL_NONE || ((PylFile *)self)->text) &&
        pyl_index_as_ssize(t, args[0], &limit) < 0) {
        return NULL;
    }
    PylObject *r = pyl_file_readline(t, self, limit);
    ((PylFile *)self)->eof = false;
    return r;
}

static PylObject *m_readlines(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "readlines", nargs, 0, 1) < 0) {
        return NULL;
    }
    intptr_t hint = -1;
    if (nargs == 1 && args[0] != PYL_NONE && pyl_index_as_ssize(t, args[0], &hint) < 0) {
        return NULL;
    }
    if (((PylFile *)self)->closed) {
        return closed_error(t);
    }
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    intptr_t total = 0;
    for (;;) {
        PylObject *line = pyl_file_readline(t, self, -1);
        if (line == NULL) {
            pyl_decref(t, list);
            return NULL;
        }
        intptr_t len = PYL_IS_STR(line) ? PYL_STR_LEN(line) : PYL_BYTES_SIZE(line);
        if (len == 0) {
            pyl_decref(t, line);
            break;
        }
        int r = pyl_list_append(t, list, line);
        pyl_decref(t, line);
        if (r < 0) {
            pyl_decref(t, list);
            return NULL;
        }
        total += len;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    ((PylFile *)self)->eof = false;
    return list;
}

static PylObject *file_iternext(PylThread *t, PylObject *self)
{
    PylObject *line = pyl_file_readline(t, self, -1);
    if (line == NULL) {
        return NULL;
    }
    intptr_t len = PYL_IS_STR(line) ? PYL_STR_LEN(line) : PYL_BYTES_SIZE(line);
    if (len == 0) {
        pyl_decref(t, line);
        ((PylFile *)self)->eof = false;
        return NULL;
    }
    return line;
}

static PylObject *file_iter(PylThread *t, PylObject *self)
{
    if (((PylFile *)self)->closed) {
        return closed_error(t);
    }
    return pyl_incref(self);
}

static PylObject *m_seek(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    PylFile *f = (PylFile *)self;
    if (pyl_check_nargs(t, "seek", nargs, 1, 2) < 0) {
        return NULL;
    }
    intptr_t off, whence = 0;
    if (pyl_index_as_ssize(t, args[0], &off) < 0 ||
        (nargs == 2 && pyl_index_as_ssize(t, args[1], &whence) < 0)) {
        return NULL;
    }
    /* CPython's checks in its order: TextIOWrapper.seek, then BufferedReader.seek */
    if (f->text) {
        if (f->closed) {
            return closed_error(t);
        }
        if (whence == 1 && off != 0) {
            return unsupported(t, "can't do nonzero cur-relative seeks");
        }
        if (whence == 2 && off != 0) {
            return unsupported(t, "can't do nonzero end-relative seeks");
        }
        if (whence < 0 || whence > 2) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "invalid whence (%zd, should be 0, 1 or 2)", (ssize_t)whence);
        }
        if (whence == 0 && off < 0) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "negative seek position %zd",
                                  (ssize_t)off);
        }
    } else {
        if (whence < 0 || whence > 2) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "whence value %zd unsupported",
                                  (ssize_t)whence);
        }
        if (f->closed) {
            return closed_error_msg(t, "seek of closed file");
        }
    }
    if (flush_write(t, f) < 0) {
        return NULL;
    }
    if (whence == 1) {
        off -= f->rlen - f->rpos;
    }
    f->rpos = f->rlen = 0;
    f->eof = false;
    f->seen_nl &= (uint8_t)~SEEN_PENDING_CR;
    off_t r = lseek(f->fd, (off_t)off, (int)whence);
    if (r < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_int_from_i64(t, r);
}

/* The position the program sees: the OS's, less the read-ahead, plus what is
 * still in the write buffer. -1 + exception on error. */
static int64_t logical_pos(PylThread *t, PylFile *f)
{
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) {
        pyl_err_from_errno(t, errno, NULL);
        return -1;
    }
    return (int64_t)r + f->wlen - (f->rlen - f->rpos);
}

static PylObject *m_tell(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return f->text ? closed_error(t) : closed_error_msg(t, "I/O operation on closed file");
    }
    int64_t pos = logical_pos(t, f);
    return pos < 0 ? NULL : pyl_int_from_i64(t, pos);
}

static PylObject *m_truncate(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    PylFile *f = (PylFile *)self;
    if (pyl_check_nargs(t, "truncate", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (f->closed) {
        return f->text ? closed_error(t) : closed_error_msg(t, "truncate of closed file");
    }
    if (!f->writable) {
        return unsupported(t, "truncate");
    }
    int64_t size;
    if (nargs >= 1 && args[0] != PYL_NONE) {
        intptr_t v;
        if (pyl_index_as_ssize(t, args[0], &v) < 0) {
            return NULL;
        }
        size = v;
    } else if ((size = logical_pos(t, f)) < 0) {
        return NULL;
    }
    /* write what is buffered and drop the read-ahead, keeping the position */
    int64_t pos = logical_pos(t, f);
    if (pos < 0 || flush_write(t, f) < 0) {
        return NULL;
    }
    f->rpos = f->rlen = 0;
    f->eof = false;
    if (lseek(f->fd, (off_t)pos, SEEK_SET) < 0 || ftruncate(f->fd, (off_t)size) < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_int_from_i64(t, size);
}

/* readinto(b): read up to len(b) bytes into the bytearray b; the count read. */
static PylObject *m_readinto(PylThread *t, PylObject *self, PylObject *arg)
{
    PylFile *f = (PylFile *)self;
    if (!PYL_IS_BYTEARRAY(arg)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "readinto() argument must be read-write bytes-like object, not %T",
                              arg);
    }
    if (f->closed) {
        return closed_error_msg(t, "readinto of closed file");
    }
    if (!f->readable) {
        return unsupported(t, "read");
    }
    intptr_t want = PYL_BYTEARRAY_SIZE(arg), got = 0;
    while (got < want) {
        int h = have_byte(t, f, 0);
        if (h < 0) {
            return NULL;
        }
        if (h == 0) {
            break;
        }
        intptr_t n = f->rlen - f->rpos;
        if (n > want - got) {
            n = want - got;
        }
        memcpy(PYL_BYTEARRAY_DATA(arg) + got, f->rbuf + f->rpos, (size_t)n);
        f->rpos += n;
        got += n;
    }
    f->eof = false;
    return pyl_int_from_ssize(t, got);
}

static PylObject *m_fileno(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return closed_error_msg(t, "I/O operation on closed file");
    }
    if (f->hook != NULL) {
        return unsupported(t, "fileno"); /* like io.StringIO's */
    }
    return pyl_int_from_ssize(t, f->fd);
}

static PylObject *m_isatty(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return closed_error_msg(t, "I/O operation on closed file");
    }
    return PYL_BOOL(isatty(f->fd));
}

/* readable() / writable() / seekable(): a closed file raises only when the answer
 * would come from the OS file (CPython's readers never ask it writable()). */
static PylObject *capability(PylThread *t, PylFile *f, bool yes)
{
    if (f->closed && yes) {
        return closed_error_msg(t, "I/O operation on closed file");
    }
    return PYL_BOOL(yes);
}

static PylObject *m_readable(PylThread *t, PylObject *self)
{
    return capability(t, (PylFile *)self, ((PylFile *)self)->readable);
}

static PylObject *m_writable(PylThread *t, PylObject *self)
{
    return capability(t, (PylFile *)self, ((PylFile *)self)->writable);
}

static PylObject *m_seekable(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return closed_error_msg(t, "I/O operation on closed file");
    }
    return PYL_BOOL(f->seekable);
}

/* .newlines: the kinds of line endings read so far in a universal-newlines mode. */
static PylObject *get_newlines(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    static const char *const kinds[3] = {"\r", "\n", "\r\n"};
    if (!f->text || (f->seen_nl & 7) == 0) {
        return PYL_NONE;
    }
    PylObject *items[3];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        if (f->seen_nl & (1 << i)) {
            items[n] = pyl_str_from_cstr(t, kinds[i]);
            if (items[n] == NULL) {
                while (n > 0) {
                    pyl_decref(t, items[--n]);
                }
                return NULL;
            }
            n++;
        }
    }
    if (n == 1) {
        return items[0];
    }
    PylObject *r = pyl_tuple_from_array(t, items, n);
    while (n > 0) {
        pyl_decref(t, items[--n]);
    }
    return r;
}

static PylObject *m_enter(PylThread *t, PylObject *self)
{
    if (((PylFile *)self)->closed) {
        return closed_error(t);
    }
    return pyl_incref(self);
}

static PylObject *m_exit(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return m_close(t, self);
}

static PylObject *get_line_buffering(PylThread *t, PylObject *self)
{
    return PYL_BOOL(((PylFile *)self)->line_buffered);
}

static PylObject *get_closed(PylThread *t, PylObject *self)
{
    return PYL_BOOL(((PylFile *)self)->closed);
}

static PylObject *file_repr(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->text) {
        return pyl_str_format_c(t, "<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name,
                                f->mode, f->encoding);
    }
    return pyl_str_format_c(t, "<_io.%s name=%R>",
                            f->readable && f->writable ? "BufferedRandom"
                            : f->readable              ? "BufferedReader"
                                                       : "BufferedWriter",
                            f->name);
}

static const PylMethodDef file_methods[] = {
    PYL_METHOD_NOARGS("close", m_close),
    PYL_METHOD_NOARGS("flush", m_flush),
    PYL_METHOD_O("write", m_write),
    PYL_METHOD_O("writelines", m_writelines),
    PYL_METHOD_FAST("read", m_read),
    PYL_METHOD_FAST("readline", m_readline),
    PYL_METHOD_FAST("readlines", m_readlines),
    PYL_METHOD_FAST("seek", m_seek),
    PYL_METHOD_NOARGS("tell", m_tell),
    PYL_METHOD_FAST("truncate", m_truncate),
    PYL_METHOD_O("readinto", m_readinto),
    PYL_METHOD_NOARGS("fileno", m_fileno),
    PYL_METHOD_NOARGS("isatty", m_isatty),
    PYL_METHOD_NOARGS("readable", m_readable),
    PYL_METHOD_NOARGS("writable", m_writable),
    PYL_METHOD_NOARGS("seekable", m_seekable),
    PYL_METHOD_NOARGS("__enter__", m_enter),
    PYL_METHOD_FAST("__exit__", m_exit),
    PYL_METHOD_END,
};

static const PylMemberDef file_members[] = {
    {"name", PYL_MEMBER_OBJECT, offsetof(PylFile, name), true, NULL},
    {"mode", PYL_MEMBER_OBJECT, offsetof(PylFile, mode), true, NULL},
    {"encoding", PYL_MEMBER_OBJECT, offsetof(PylFile, encoding), true, NULL},
    {"errors", PYL_MEMBER_OBJECT, offsetof(PylFile, errors), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef file_getset[] = {
    {"closed", get_closed, NULL, NULL},
    {"newlines", get_newlines, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_textio_type = {
    .name = "_io.TextIOWrapper",
    .kind = PYL_K_TEXTIO,
    .basicsize = sizeof(PylFile),
    .dictoffset = offsetof(PylFile, dict),
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
    .methods = file_methods,
    .members = file_members,
    .getset = file_getset,
};

const PylType pyl_bufferedio_type = {
    .name = "_io.BufferedReader",
    .kind = PYL_K_BUFFEREDIO,
    .basicsize = sizeof(PylFile),
    .dictoffset = offsetof(PylFile, dict),
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
    .methods = file_methods,
    .members = file_members,
    .getset = file_getset,
};
