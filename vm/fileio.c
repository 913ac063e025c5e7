/* fileio.c — file objects (see fileio.h) and open(). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/core.h"
#include "vm/fileio.h"

#define BUF_SIZE 8192

static bool is_utf8(PylObject *encoding)
{
    if (encoding == NULL) {
        return true;
    }
    const char *e = PYL_STR_DATA(encoding);
    return strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0 ||
           strcasecmp(e, "utf_8") == 0;
}

static PylObject *closed_error(PylThread *t)
{
    return pyl_err_format(t, PYL_EXC(t, ValueError), "I/O operation on closed file.");
}

static PylObject *unsupported(PylThread *t, const char *what)
{
    /* io.UnsupportedOperation derives from OSError and ValueError; OSError here */
    return pyl_err_format(t, PYL_EXC(t, OSError), "%s", what);
}

/* ---- low level ---------------------------------------------------------------------- */

static int write_all(PylThread *t, PylFile *f, const char *p, intptr_t n)
{
    while (n > 0) {
        ssize_t w = write(f->fd, p, (size_t)n);
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
    if (f->rlen > f->rpos && f->seekable) {
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
        ssize_t r = read(f->fd, f->rbuf + f->rlen, (size_t)(f->rcap - f->rlen));
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

/* Copy b's bytes to out translating \r\n and \r to \n (universal newlines). */
static int translate_newlines(PylThread *t, PylFile *f, PylBuf *out, const char *s, intptr_t n)
{
    for (intptr_t i = 0; i < n; i++) {
        char ch = s[i];
        if (f->pending_cr) {
            f->pending_cr = false;
            if (ch == '\n') {
                continue;
            }
        }
        if (ch == '\r') {
            f->pending_cr = true;
            ch = '\n';
        }
        if (pyl_buf_putc(t, out, ch) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Read up to the end (n < 0) or n code points of text. */
static PylObject *text_read(PylThread *t, PylFile *f, intptr_t n)
{
    PylBuf raw;
    pyl_buf_init(&raw);
    intptr_t chars = 0;
    for (;;) {
        /* take what the buffer has, up to n characters, never splitting a sequence */
        intptr_t avail = f->rlen - f->rpos;
        const unsigned char *p = (const unsigned char *)f->rbuf + f->rpos;
        intptr_t take = 0;
        while (take < avail && (n < 0 || chars < n)) {
            unsigned c = p[take];
            int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (!is_utf8(f->encoding)) {
                len = 1;
            }
            if (take + len > avail && !f->eof) {
                break;
            }
            if (take + len > avail) {
                len = (int)(avail - take);
            }
            take += len;
            /* \r\n counts as one character */
            if (!(c == '\r' && take < avail && p[take] == '\n')) {
                chars++;
            }
        }
        if (take > 0 && pyl_buf_append(t, &raw, p, take) < 0) {
            return NULL;
        }
        f->rpos += take;
        if ((n >= 0 && chars >= n) || f->eof) {
            break;
        }
        intptr_t r = fill_read(t, f);
        if (r < 0) {
            pyl_buf_free(t, &raw);
            return NULL;
        }
        if (r == 0 && f->rpos >= f->rlen) {
            break;
        }
    }
    PylBuf out;
    pyl_buf_init(&out);
    if (raw.block != NULL && translate_newlines(t, f, &out, raw.data, raw.len) < 0) {
        pyl_buf_free(t, &raw);
        pyl_buf_free(t, &out);
        return NULL;
    }
    pyl_buf_free(t, &raw);
    if (out.block == NULL) {
        return pyl_incref(t->vm->empty_str);
    }
    PylObject *r = decode_text(t, f, out.data, out.len);
    pyl_buf_free(t, &out);
    return r;
}

/* One line of raw bytes (ending with \n or \r, or at EOF) into raw. */
static int read_raw_line(PylThread *t, PylFile *f, PylBuf *raw, intptr_t limit, bool text)
{
    for (;;) {
        const char *p = f->rbuf ? f->rbuf + f->rpos : NULL;
        intptr_t avail = f->rlen - f->rpos;
        intptr_t i = 0;
        bool done = false;
        while (i < avail) {
            char ch = p[i++];
            if (ch == '\n' || (text && ch == '\r')) {
                if (text && ch == '\r') {
                    /* look ahead for \r\n; may need more data */
                    if (i == avail && !f->eof) {
                        if (pyl_buf_append(t, raw, p, i) < 0) {
                            return -1;
                        }
                        f->rpos += i;
                        intptr_t r = fill_read(t, f);
                        if (r < 0) {
                            return -1;
                        }
                        if (f->rpos < f->rlen && f->rbuf[f->rpos] == '\n') {
                            f->rpos++;
                            return pyl_buf_putc(t, raw, '\n');
                        }
                        return 0;
                    }
                    if (i < avail && p[i] == '\n') {
                        i++;
                    }
                }
                done = true;
                break;
            }
            if (limit >= 0 && raw->len + i >= limit) {
                done = true;
                break;
            }
        }
        if (i > 0 && pyl_buf_append(t, raw, p, i) < 0) {
            return -1;
        }
        f->rpos += i;
        if (done || f->eof) {
            return 0;
        }
        intptr_t r = fill_read(t, f);
        if (r < 0) {
            return -1;
        }
        if (r == 0 && f->rpos >= f->rlen) {
            return 0;
        }
    }
}

PylObject *pyl_file_readline(PylThread *t, PylObject *o, intptr_t limit)
{
    PylFile *f = (PylFile *)o;
    if (f->closed) {
        return closed_error(t);
    }
    if (!f->readable) {
        return unsupported(t, "not readable");
    }
    PylBuf raw;
    pyl_buf_init(&raw);
    if (read_raw_line(t, f, &raw, limit, f->text) < 0) {
        pyl_buf_free(t, &raw);
        return NULL;
    }
    if (!f->text) {
        return pyl_buf_finish_bytes(t, &raw);
    }
    if (raw.block == NULL) {
        return pyl_incref(t->vm->empty_str);
    }
    PylBuf out;
    pyl_buf_init(&out);
    f->pending_cr = false;
    int r = translate_newlines(t, f, &out, raw.data, raw.len);
    f->pending_cr = false;
    pyl_buf_free(t, &raw);
    if (r < 0) {
        pyl_buf_free(t, &out);
        return NULL;
    }
    PylObject *s = decode_text(t, f, out.data, out.len);
    pyl_buf_free(t, &out);
    return s;
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

PylObject *pyl_file_from_fd(PylThread *t, int fd, const char *name, const char *mode,
                            bool closefd, bool line_buffered)
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

PylObject *pyl_file_open(PylThread *t, PylObject *const *args, intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"file",    "mode",    "buffering", "encoding",
                                        "errors",  "newline", "closefd",   "opener", NULL};
    static const PylArgSpec spec = {"open", names, 1, 8};
    PylObject *a[8];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *mode = "r";
    if (a[1] != NULL) {
        if (!PYL_IS_STR(a[1])) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "open() argument 'mode' must be str, not %T", a[1]);
        }
        mode = PYL_STR_DATA(a[1]);
    }
    /* validate the mode like CPython */
    int nrwxa = 0;
    bool plus = false, bin = false, txt = false;
    for (const char *m = mode; *m; m++) {
        switch (*m) {
        case 'r':
        case 'w':
        case 'x':
        case 'a':
            nrwxa++;
            break;
        case '+':
            plus = true;
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
    }
    if (nrwxa != 1 || (bin && txt)) {
        if (bin && txt) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "can't have text and binary mode at once");
        }
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "must have exactly one of create/read/write/append mode");
    }
    if (bin && a[3] != NULL && a[3] != PYL_NONE) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "binary mode doesn't take an encoding argument");
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
    char normmode[8];
    int k = 0;
    normmode[k++] = strchr(mode, 'r')   ? 'r'
                    : strchr(mode, 'w') ? 'w'
                    : strchr(mode, 'x') ? 'x'
                                        : 'a';
    if (plus) {
        normmode[k++] = '+';
    }
    if (bin) {
        normmode[k++] = 'b';
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
    if (!path) {
        pyl_setref(t, &f->name, pyl_incref(file));
    } else {
        pyl_setref(t, &f->name, pyl_incref(file));
    }
    if (!bin) {
        /* the text wrapper's mode keeps what was asked (e.g. 'r' even with 't') */
        pyl_setref(t, &f->mode, pyl_incref(a[1] ? a[1] : f->mode));
        if (a[3] != NULL && a[3] != PYL_NONE) {
            if (!PYL_IS_STR(a[3])) {
                pyl_decref(t, fo);
                return pyl_err_format(t, PYL_EXC(t, TypeError),
                                      "open() argument 'encoding' must be str or None, not %T",
                                      a[3]);
            }
            pyl_setref(t, &f->encoding, pyl_incref(a[3]));
        }
        if (a[4] != NULL && a[4] != PYL_NONE) {
            pyl_setref(t, &f->errors, pyl_incref(a[4]));
        }
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
        return closed_error(t);
    }
    return flush_write(t, f) < 0 ? NULL : PYL_NONE;
}

static PylObject *m_write(PylThread *t, PylObject *self, PylObject *arg)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return closed_error(t);
    }
    if (!f->writable) {
        return unsupported(t, "not writable");
    }
    if (f->text) {
        if (!PYL_IS_STR(arg)) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "write() argument must be str, not %T",
                                  arg);
        }
        int r;
        if (is_utf8(f->encoding) && !has_surrogates(arg)) {
            r = buffered_write(t, f, PYL_STR_DATA(arg), PYL_STR_NBYTES(arg));
        } else {
            PylObject *b = pyl_str_encode(t, arg, PYL_STR_DATA(f->encoding),
                                          PYL_STR_DATA(f->errors));
            if (b == NULL) {
                return NULL;
            }
            r = buffered_write(t, f, PYL_BYTES_DATA(b), PYL_BYTES_SIZE(b));
            pyl_decref(t, b);
        }
        return r < 0 ? NULL : pyl_int_from_ssize(t, PYL_STR_LEN(arg));
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
        return closed_error(t);
    }
    if (!f->readable) {
        return unsupported(t, "not readable");
    }
    if (f->text) {
        return text_read(t, f, n);
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
    if (nargs == 1 && args[0] != PYL_NONE && pyl_index_as_ssize(t, args[0], &limit) < 0) {
        return NULL;
    }
    PylObject *r = pyl_file_readline(t, self, limit);
    ((PylFile *)self)->eof = false;
    return r;
}

static PylObject *m_readlines(PylThread *t, PylObject *self, PylObject *const *args,
                              intptr_t nargs)
{
    if (pyl_check_nargs(t, "readlines", nargs, 0, 1) < 0) {
        return NULL;
    }
    intptr_t hint = -1;
    if (nargs == 1 && args[0] != PYL_NONE && pyl_index_as_ssize(t, args[0], &hint) < 0) {
        return NULL;
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
    if (f->closed) {
        return closed_error(t);
    }
    if (f->text && whence != 0 && off != 0) {
        return unsupported(t, whence == 1 ? "can't do nonzero cur-relative seeks"
                                          : "can't do nonzero end-relative seeks");
    }
    if (flush_write(t, f) < 0) {
        return NULL;
    }
    if (whence == 1) {
        off -= f->rlen - f->rpos;
    }
    f->rpos = f->rlen = 0;
    f->eof = false;
    f->pending_cr = false;
    off_t r = lseek(f->fd, (off_t)off, (int)whence);
    if (r < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_int_from_i64(t, r);
}

static PylObject *m_tell(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return closed_error(t);
    }
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_int_from_i64(t, (int64_t)r + f->wlen - (f->rlen - f->rpos));
}

static PylObject *m_truncate(PylThread *t, PylObject *self, PylObject *const *args,
                             intptr_t nargs)
{
    PylFile *f = (PylFile *)self;
    if (flush_write(t, f) < 0) {
        return NULL;
    }
    intptr_t size;
    if (nargs >= 1 && args[0] != PYL_NONE) {
        if (pyl_index_as_ssize(t, args[0], &size) < 0) {
            return NULL;
        }
    } else {
        size = (intptr_t)lseek(f->fd, 0, SEEK_CUR);
    }
    if (ftruncate(f->fd, (off_t)size) < 0) {
        return pyl_err_from_errno(t, errno, NULL);
    }
    return pyl_int_from_ssize(t, size);
}

static PylObject *m_fileno(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return closed_error(t);
    }
    return pyl_int_from_ssize(t, f->fd);
}

static PylObject *m_isatty(PylThread *t, PylObject *self)
{
    PylFile *f = (PylFile *)self;
    if (f->closed) {
        return closed_error(t);
    }
    return PYL_BOOL(isatty(f->fd));
}

static PylObject *m_readable(PylThread *t, PylObject *self)
{
    return PYL_BOOL(((PylFile *)self)->readable);
}

static PylObject *m_writable(PylThread *t, PylObject *self)
{
    return PYL_BOOL(((PylFile *)self)->writable);
}

static PylObject *m_seekable(PylThread *t, PylObject *self)
{
    return PYL_BOOL(((PylFile *)self)->seekable);
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
