/* cgi.c — the CGI gateway: `pyl --cgi APP` serves one request from the
 * process environment and standard input (RFC 3875) with the WSGI application
 * of the file APP, and writes "Status:", the headers, a blank line and the body
 * on standard output. start_response, the status / header checks, body chunks
 * and the error page are mod_pyl's (mod_pyl/gateway.h): a WSGI file behaves the
 * same under both gateways.
 *
 * The request's state is one Cgi on the C stack of pyl_cgi_run. The native
 * objects given to the application (wsgi.input, start_response, write, file
 * wrappers) point at it and are pointed at NULL when the request ends, so an
 * application that kept one gets an exception, never a dangling pointer.
 *
 *     fd 0 (stdin) --CONTENT_LENGTH bytes--> ibuf --> wsgi.input
 *     start_response / write / the iterable --> obuf --> out (the real stdout)
 *     fd 1 (sys.stdout, print) and wsgi.errors (sys.stderr) --> fd 2 (error log)
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cgi.h"
#include "mod_pyl/gateway.h"

extern char **environ;

typedef struct Cgi {
    PylVM *vm;
    const char *path; /* the application file */
    PylGwResponse resp;
    /* the response */
    int out;
    int out_failed; /* the server stopped reading: the rest is dropped */
    int wrote;      /* response bytes went out: too late for an error page */
    int cut;        /* more body than Content-Length was dropped */
    int64_t body_sent;
    char *obuf;
    size_t olen, ocap;
    /* wsgi.input: the body is CONTENT_LENGTH bytes of fd 0, never more */
    int64_t length, left; /* CONTENT_LENGTH, and how much of it is still unread */
    char *ibuf;
    size_t istart, iend, icap;
    int ieof;
    int ierror; /* the HTTP status to answer with after a failed body read */
    int timeout_ms;
    /* the native objects pointing here, and objects kept for them */
    PylObject **owned;
    size_t nowned, capowned;
    PylObject *write; /* borrowed from owned */
    PylObject *input_type, *start_type, *write_type, *wrapper_type, *fwfn_type;
} Cgi;

/* Write all n bytes to fd. 0, or -1 (errno set). */
static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* A line on stderr: the server's error log. */
static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t)n > sizeof buf - 2) {
        n = sizeof buf - 2;
    }
    buf[n++] = '\n';
    (void)write_all(2, buf, (size_t)n);
}

/* Keep o (a new reference, stolen) until the request ends; 0, or -1 with
 * MemoryError (o released). */
static int own(Cgi *q, PylObject *o)
{
    if (q->nowned == q->capowned) {
        size_t cap = q->capowned ? q->capowned * 2 : 16;
        PylObject **p = realloc(q->owned, cap * sizeof *p);
        if (p == NULL) {
            pyl_api_decref(q->vm, o);
            pyl_api_raise(q->vm, "MemoryError", NULL);
            return -1;
        }
        q->owned = p;
        q->capowned = cap;
    }
    q->owned[q->nowned++] = o;
    return 0;
}

/* A native object of type holding data, also owned by q (a new reference). */
static PylObject *new_native(Cgi *q, PylObject *type, void *data)
{
    PylObject *o = pyl_api_native_new(q->vm, type, data);
    if (o == NULL || own(q, pyl_api_incref(o)) < 0) {
        pyl_api_decref(q->vm, o);
        return NULL;
    }
    return o;
}

static PylObject *ended(PylVM *vm)
{
    return pyl_api_raise(vm, "OSError", "the request this object belonged to has ended");
}

/* ---- the response -------------------------------------------------------------------------- */

static int out_append(Cgi *q, const char *p, size_t n)
{
    if (q->olen + n > q->ocap) {
        size_t cap = q->ocap ? q->ocap : 4096;
        while (cap < q->olen + n) {
            cap *= 2;
        }
        char *b = realloc(q->obuf, cap);
        if (b == NULL) {
            return -1;
        }
        q->obuf = b;
        q->ocap = cap;
    }
    memcpy(q->obuf + q->olen, p, n);
    q->olen += n;
    return 0;
}

/* Write what is buffered. 0, or -1 when the server stopped reading. */
static int out_flush(Cgi *q)
{
    if (q->out_failed) {
        q->olen = 0;
        return -1;
    }
    if (q->olen > 0) {
        q->wrote = 1;
    }
    if (q->olen > 0 && write_all(q->out, q->obuf, q->olen) < 0) {
        q->out_failed = 1;
        note("pyl --cgi: cannot write the response (%s): the server stopped reading",
             strerror(errno));
    }
    q->olen = 0;
    return q->out_failed ? -1 : 0;
}

/* The CGI response header (RFC 3875 section 6): Status, then the application's
 * headers as it gave them, then a blank line. */
static int emit_headers(Cgi *q)
{
    const PylGwResponse *r = &q->resp;
    int rc = out_append(q, "Status: ", 8) | out_append(q, r->status_line, strlen(r->status_line)) |
             out_append(q, "\r\n", 2);
    for (size_t i = 0; i < r->nheaders; i++) {
        rc |= out_append(q, r->headers[i].name, strlen(r->headers[i].name));
        rc |= out_append(q, ": ", 2);
        rc |= out_append(q, r->headers[i].value, strlen(r->headers[i].value));
        rc |= out_append(q, "\r\n", 2);
    }
    rc |= out_append(q, "\r\n", 2);
    pyl_gw_mark_sent(&q->resp);
    return rc;
}

/* Buffer n bytes of body (the headers first if they have not gone out), cut to
 * the application's Content-Length. 0, or -1 with MemoryError. */
static int queue_body(Cgi *q, const char *p, size_t n)
{
    if (!q->resp.sent && emit_headers(q) < 0) {
        pyl_api_raise(q->vm, "MemoryError", NULL);
        return -1;
    }
    size_t allowed = pyl_gw_body_allowed(&q->resp, q->body_sent, n);
    if (allowed < n && !q->cut) {
        q->cut = 1;
        note("pyl --cgi: the application sent more than its Content-Length of %lld bytes; "
             "the rest is dropped",
             (long long)q->resp.content_length);
    }
    if (allowed > 0 && out_append(q, p, allowed) < 0) {
        pyl_api_raise(q->vm, "MemoryError", NULL);
        return -1;
    }
    q->body_sent += (int64_t)allowed;
    return 0;
}

/* write(data): the imperative API; goes out at once. */
static PylObject *write_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    Cgi *q = data;
    if (q == NULL) {
        return ended(vm);
    }
    if (nargs != 2 || kwnames != NULL) {
        return pyl_api_raise(vm, "TypeError", "write() takes exactly one argument");
    }
    const char *p;
    size_t n;
    if (pyl_gw_body_data(vm, args[1], &p, &n) < 0) {
        return NULL;
    }
    if (!q->resp.started) {
        return pyl_api_raise(vm, "RuntimeError", "write() called before start_response()");
    }
    if (n == 0) {
        return pyl_api_none(vm);
    }
    if (queue_body(q, p, n) < 0) {
        return NULL;
    }
    if (out_flush(q) < 0) {
        return pyl_api_raise(vm, "OSError", "the client closed the connection");
    }
    return pyl_api_none(vm);
}

/* start_response(status, headers, exc_info=None) -> write */
static PylObject *start_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    Cgi *q = data;
    if (q == NULL) {
        return ended(vm);
    }
    if (pyl_gw_start_response(vm, &q->resp, args + 1, nargs - 1, kwnames) < 0) {
        return NULL;
    }
    if (q->write == NULL) {
        q->write = new_native(q, q->write_type, q);
        return q->write;
    }
    return pyl_api_incref(q->write);
}

/* ---- wsgi.input ------------------------------------------------------------------------------ */

/* Read more of the body from fd 0 into ibuf (up to `want` bytes, never past
 * CONTENT_LENGTH). 0, or -1 with OSError (q->ierror = 400): stdin ended before
 * CONTENT_LENGTH bytes (a truncated body, or a CONTENT_LENGTH that lies), no
 * data for timeout_ms, or a read error. At the end of the body q->ieof is set. */
static int input_fill(Cgi *q, size_t want)
{
    if (q->ieof) {
        return 0;
    }
    if (q->left == 0) {
        q->ieof = 1;
        return 0;
    }
    if (want < 8192) {
        want = 8192;
    } else if (want > 1 << 20) {
        want = 1 << 20;
    }
    if ((int64_t)want > q->left) {
        want = (size_t)q->left;
    }
    if (q->istart > 0) {
        memmove(q->ibuf, q->ibuf + q->istart, q->iend - q->istart);
        q->iend -= q->istart;
        q->istart = 0;
    }
    if (q->iend + want > q->icap) {
        size_t cap = q->icap ? q->icap : 16384;
        while (cap < q->iend + want) {
            cap *= 2;
        }
        char *p = realloc(q->ibuf, cap);
        if (p == NULL) {
            pyl_api_raise(q->vm, "MemoryError", NULL);
            return -1;
        }
        q->ibuf = p;
        q->icap = cap;
    }
    long long got = q->length - q->left;
    for (;;) {
        struct pollfd pfd = {0, POLLIN, 0};
        int pr = poll(&pfd, 1, q->timeout_ms);
        if (pr < 0 && errno == EINTR) {
            continue;
        }
        if (pr == 0) {
            q->ierror = 400;
            q->ieof = 1;
            pyl_api_raise(q->vm, "TimeoutError",
                          "reading the request body: no data on standard input for %d s "
                          "(%lld of the %lld bytes of CONTENT_LENGTH read)",
                          q->timeout_ms / 1000, got, (long long)q->length);
            return -1;
        }
        ssize_t r = read(0, q->ibuf + q->iend, want);
        if (r < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        }
        if (r < 0) {
            int e = errno;
            q->ierror = 400;
            q->ieof = 1;
            pyl_api_raise(q->vm, "OSError", "reading the request body from standard input: %s",
                          strerror(e));
            return -1;
        }
        if (r == 0) {
            q->ierror = 400;
            q->ieof = 1;
            pyl_api_raise(q->vm, "OSError",
                          "the request body is truncated: standard input ended after %lld of "
                          "the %lld bytes CONTENT_LENGTH announced",
                          got, (long long)q->length);
            return -1;
        }
        q->iend += (size_t)r;
        q->left -= r;
        return 0;
    }
}

/* Take n buffered bytes as a bytes object. */
static PylObject *input_take(Cgi *q, size_t n)
{
    PylObject *b = pyl_api_bytes_new(q->vm, q->ibuf ? q->ibuf + q->istart : "", n);
    if (b != NULL) {
        q->istart += n;
    }
    return b;
}

/* An optional size argument: -1 for absent / None / negative. */
static int size_arg(PylVM *vm, PylObject *const *args, size_t nargs, PylObject *kwnames,
                    const char *fname, int64_t *size)
{
    *size = -1;
    if (kwnames != NULL || nargs > 2) {
        pyl_api_raise(vm, "TypeError", "%s() takes at most 1 positional argument", fname);
        return -1;
    }
    if (nargs == 2 && !pyl_api_is_none(vm, args[1])) {
        if (pyl_api_int_as_i64(vm, args[1], size) < 0) {
            return -1;
        }
        if (*size < 0) {
            *size = -1;
        }
    }
    return 0;
}

/* read(size=-1) */
static PylObject *input_read(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    Cgi *q = data;
    int64_t size;
    if (q == NULL) {
        return ended(vm);
    }
    if (size_arg(vm, args, nargs, kwnames, "read", &size) < 0) {
        return NULL;
    }
    while (!q->ieof && (size < 0 || q->iend - q->istart < (uint64_t)size)) {
        size_t want = size < 0 ? (size_t)1 << 20 : (size_t)size - (q->iend - q->istart);
        if (input_fill(q, want) < 0) {
            return NULL;
        }
    }
    size_t avail = q->iend - q->istart;
    return input_take(q, size < 0 || (uint64_t)size > avail ? avail : (size_t)size);
}

/* One line (up to and including \n), at most size bytes when size >= 0. */
static PylObject *read_line(Cgi *q, int64_t size)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = q->iend - q->istart;
        size_t limit = size >= 0 && (uint64_t)size < avail ? (size_t)size : avail;
        const char *base = q->ibuf ? q->ibuf + q->istart : "";
        const char *nl = limit > scanned ? memchr(base + scanned, '\n', limit - scanned) : NULL;
        if (nl != NULL) {
            return input_take(q, (size_t)(nl - base) + 1);
        }
        if ((size >= 0 && avail >= (uint64_t)size) || q->ieof) {
            return input_take(q, limit);
        }
        scanned = limit;
        if (input_fill(q, 8192) < 0) {
            return NULL;
        }
    }
}

/* readline(size=-1) */
static PylObject *input_readline(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                 PylObject *kwnames)
{
    int64_t size;
    if (data == NULL) {
        return ended(vm);
    }
    if (size_arg(vm, args, nargs, kwnames, "readline", &size) < 0) {
        return NULL;
    }
    return read_line(data, size);
}

/* readlines(hint=-1) */
static PylObject *input_readlines(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                  PylObject *kwnames)
{
    int64_t hint;
    if (data == NULL) {
        return ended(vm);
    }
    if (size_arg(vm, args, nargs, kwnames, "readlines", &hint) < 0) {
        return NULL;
    }
    PylObject *list = pyl_api_list_new(vm);
    int64_t total = 0;
    while (list != NULL) {
        PylObject *line = read_line(data, -1);
        const char *p;
        size_t n = 0;
        if (line == NULL) {
            pyl_api_decref(vm, list);
            return NULL;
        }
        if (pyl_api_bytes_data(vm, line, &p, &n) < 0 || n == 0) {
            pyl_api_decref(vm, line);
            break;
        }
        int r = pyl_api_list_append(vm, list, line);
        pyl_api_decref(vm, line);
        if (r < 0) {
            pyl_api_decref(vm, list);
            return NULL;
        }
        total += (int64_t)n;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    return list;
}

/* __next__: the next line; exhausted at the end of the body. */
static PylObject *input_next(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    if (data == NULL) {
        return ended(vm);
    }
    PylObject *line = read_line(data, -1);
    const char *p;
    size_t n;
    if (line != NULL && pyl_api_bytes_data(vm, line, &p, &n) == 0 && n == 0) {
        pyl_api_decref(vm, line);
        return NULL;
    }
    return line;
}

static const PylNativeMethod input_methods[] = {
    {"read", input_read},
    {"readline", input_readline},
    {"readlines", input_readlines},
    {NULL, NULL},
};

/* ---- wsgi.file_wrapper ----------------------------------------------------------------------- */

/* A file wrapper iterates over filelike.read(blksize); its close() closes the
 * file. The request owns filelike and the wrapper (q->owned); when it ends, the
 * wrapper's FileWrap is freed and its pointer set to NULL. */
typedef struct FileWrap {
    PylObject *filelike;
    int64_t blksize;
} FileWrap;

static PylObject *wrapper_next(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                               PylObject *kwnames)
{
    FileWrap *w = data;
    if (w == NULL) {
        return ended(vm);
    }
    PylObject *n = pyl_api_int_from_i64(vm, w->blksize);
    PylObject *chunk = n ? pyl_api_call_method(vm, w->filelike, "read", &n, 1, NULL) : NULL;
    pyl_api_decref(vm, n);
    const char *p;
    size_t len;
    if (chunk != NULL && pyl_api_bytes_data(vm, chunk, &p, &len) == 0 && len == 0) {
        pyl_api_decref(vm, chunk);
        return NULL;
    }
    return chunk;
}

static PylObject *wrapper_close(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                PylObject *kwnames)
{
    FileWrap *w = data;
    if (w == NULL) {
        return pyl_api_none(vm);
    }
    PylObject *m = pyl_api_getattr_str(vm, w->filelike, "close");
    if (m == NULL) {
        if (pyl_api_err_matches(vm, "AttributeError")) {
            pyl_api_err_clear(vm);
            return pyl_api_none(vm);
        }
        return NULL;
    }
    PylObject *r = pyl_api_call(vm, m, NULL, 0, NULL);
    pyl_api_decref(vm, m);
    return r;
}

static const PylNativeMethod wrapper_methods[] = {
    {"close", wrapper_close},
    {NULL, NULL},
};

/* wsgi.file_wrapper(filelike, block_size=8192) */
static PylObject *file_wrapper_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                    PylObject *kwnames)
{
    Cgi *q = data;
    if (q == NULL) {
        return ended(vm);
    }
    if (kwnames != NULL || nargs < 2 || nargs > 3) {
        return pyl_api_raise(vm, "TypeError", "file_wrapper(filelike, block_size=8192)");
    }
    int64_t blk = 8192;
    if (nargs == 3 && pyl_api_int_as_i64(vm, args[2], &blk) < 0) {
        return NULL;
    }
    FileWrap *w = malloc(sizeof *w);
    if (w == NULL) {
        return pyl_api_raise(vm, "MemoryError", NULL);
    }
    w->filelike = args[1];
    w->blksize = blk > 0 ? blk : 8192;
    if (own(q, pyl_api_incref(args[1])) < 0) {
        free(w);
        return NULL;
    }
    PylObject *o = pyl_api_native_new(vm, q->wrapper_type, w);
    if (o == NULL || own(q, pyl_api_incref(o)) < 0) {
        free(w);
        pyl_api_decref(vm, o);
        return NULL;
    }
    return o;
}

/* ---- environ ------------------------------------------------------------------------------------ */

static int set_str(PylVM *vm, PylObject *env, const char *key, const char *value)
{
    PylObject *v = pyl_api_str_from_latin1(vm, value, strlen(value));
    int rc = v ? pyl_api_dict_set_str(vm, env, key, v) : -1;
    pyl_api_decref(vm, v);
    return rc;
}

static int set_obj(PylVM *vm, PylObject *env, const char *key, PylObject *v)
{
    int rc = v ? pyl_api_dict_set_str(vm, env, key, v) : -1;
    pyl_api_decref(vm, v);
    return rc;
}

/* The WSGI environ: every variable of the process environment (the CGI
 * variables the server set: native str, Latin-1 decoded, as PEP 3333 wants),
 * SCRIPT_NAME / PATH_INFO / QUERY_STRING defaulting to "", and the wsgi.*
 * keys. A new reference, or NULL with an exception. */
static PylObject *build_environ(Cgi *q, PylObject *input, PylObject *fwfn)
{
    PylVM *vm = q->vm;
    PylObject *env = pyl_api_dict_new(vm);
    if (env == NULL) {
        return NULL;
    }
    for (char **e = environ; *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL || eq == *e) {
            continue;
        }
        PylObject *k = pyl_api_str_from_latin1(vm, *e, (size_t)(eq - *e));
        PylObject *v = k ? pyl_api_str_from_latin1(vm, eq + 1, strlen(eq + 1)) : NULL;
        int rc = v ? pyl_api_dict_set(vm, env, k, v) : -1;
        pyl_api_decref(vm, k);
        pyl_api_decref(vm, v);
        if (rc < 0) {
            goto error;
        }
    }
    static const char *const defaults[] = {"SCRIPT_NAME", "PATH_INFO", "QUERY_STRING"};
    for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++) {
        if (getenv(defaults[i]) == NULL && set_str(vm, env, defaults[i], "") < 0) {
            goto error;
        }
    }
    const char *https = getenv("HTTPS");
    int secure = https != NULL && (strcasecmp(https, "on") == 0 || strcmp(https, "1") == 0 ||
                                   strcasecmp(https, "yes") == 0);
    PylObject *ver[2] = {pyl_api_int_from_i64(vm, 1), pyl_api_int_from_i64(vm, 0)};
    PylObject *version = ver[0] && ver[1] ? pyl_api_tuple_new(vm, ver, 2) : NULL;
    pyl_api_decref(vm, ver[0]);
    pyl_api_decref(vm, ver[1]);
    PylObject *sys = pyl_api_import(vm, "sys");
    PylObject *errors = sys ? pyl_api_getattr_str(vm, sys, "stderr") : NULL;
    pyl_api_decref(vm, sys);
    if (set_obj(vm, env, "wsgi.version", version) < 0 ||
        set_str(vm, env, "wsgi.url_scheme", secure ? "https" : "http") < 0 ||
        set_obj(vm, env, "wsgi.input", pyl_api_incref(input)) < 0 ||
        set_obj(vm, env, "wsgi.errors", errors) < 0 ||
        set_obj(vm, env, "wsgi.multithread", pyl_api_false(vm)) < 0 ||
        set_obj(vm, env, "wsgi.multiprocess", pyl_api_true(vm)) < 0 ||
        set_obj(vm, env, "wsgi.run_once", pyl_api_true(vm)) < 0 ||
        set_obj(vm, env, "wsgi.input_terminated", pyl_api_true(vm)) < 0 ||
        set_obj(vm, env, "wsgi.file_wrapper", pyl_api_incref(fwfn)) < 0) {
        goto error;
    }
    return env;
error:
    pyl_api_decref(vm, env);
    return NULL;
}

/* ---- running the request ------------------------------------------------------------------------ */

/* Write an error response (the headers have not gone out). */
static void error_response(Cgi *q, int status)
{
    char page[1024];
    size_t n = pyl_gw_error_page(status, page, sizeof page);
    char head[256];
    int h = snprintf(head, sizeof head,
                     "Status: %d %s\r\nContent-Type: text/html; charset=utf-8\r\n"
                     "Content-Length: %zu\r\n\r\n",
                     status, pyl_gw_reason(status), n);
    q->olen = 0;
    if (out_append(q, head, (size_t)h) == 0 && out_append(q, page, n) == 0) {
        out_flush(q);
    }
}

/* The pending exception's traceback on stderr, after a line saying what failed. */
static void log_exception(Cgi *q, const char *what)
{
    char *tb = pyl_api_err_traceback(q->vm);
    note("pyl --cgi: %s in WSGI script '%s':", what, q->path);
    if (tb != NULL) {
        (void)write_all(2, tb, strlen(tb));
        free(tb);
    }
    pyl_api_err_clear(q->vm);
}

/* The application failed (an exception is pending): log it; before the headers
 * went out, answer with an error page (400 when reading the body failed, else
 * 500); after, the response stays cut. Returns the exit status (1). */
static int fail(Cgi *q, const char *what)
{
    log_exception(q, what);
    if (!q->wrote) {
        error_response(q, q->ierror ? q->ierror : 500);
    } else {
        note("pyl --cgi: the response was already under way; it is incomplete");
    }
    return 1;
}

/* result.close() if it has one. 0, or -1 with an exception. */
static int call_close(PylVM *vm, PylObject *result)
{
    if (pyl_api_is_list(vm, result) || pyl_api_is_tuple(vm, result) ||
        pyl_api_is_bytes(vm, result)) {
        return 0;
    }
    PylObject *m = pyl_api_getattr_str(vm, result, "close");
    if (m == NULL) {
        if (pyl_api_err_matches(vm, "AttributeError")) {
            pyl_api_err_clear(vm);
            return 0;
        }
        return -1;
    }
    PylObject *r = pyl_api_call(vm, m, NULL, 0, NULL);
    pyl_api_decref(vm, m);
    pyl_api_decref(vm, r);
    return r == NULL ? -1 : 0;
}

/* Send the iterable's items: a list or tuple in one write, other iterables an
 * item at a time as they are produced. 0 done (or the server stopped reading),
 * -1 exception. */
static int send_iterable(Cgi *q, PylObject *result)
{
    PylVM *vm = q->vm;
    const char *p;
    size_t n;
    if (pyl_api_is_list(vm, result) || pyl_api_is_tuple(vm, result)) {
        int list = pyl_api_is_list(vm, result);
        ptrdiff_t len = list ? pyl_api_list_size(vm, result) : pyl_api_tuple_size(vm, result);
        for (ptrdiff_t i = 0; i < len; i++) {
            PylObject *item = list ? pyl_api_list_get(vm, result, (size_t)i)
                                   : pyl_api_tuple_get(vm, result, (size_t)i);
            if (item == NULL) {
                return -1;
            }
            int rc = pyl_gw_body_data(vm, item, &p, &n);
            if (rc == 0 && n > 0 && !q->resp.started) {
                pyl_api_raise(vm, "RuntimeError",
                              "the application returned a body without calling start_response()");
                rc = -1;
            }
            if (rc == 0 && n > 0) {
                rc = queue_body(q, p, n);
            }
            pyl_api_decref(vm, item);
            if (rc < 0) {
                return -1;
            }
        }
        return 0;
    }
    PylObject *it = pyl_api_iter(vm, result), *item;
    if (it == NULL) {
        return -1;
    }
    int rc;
    while ((rc = pyl_api_iter_next(vm, it, &item)) == 1) {
        rc = pyl_gw_body_data(vm, item, &p, &n);
        if (rc == 0 && n > 0 && !q->resp.started) {
            pyl_api_raise(vm, "RuntimeError",
                          "the application yielded body data before calling start_response()");
            rc = -1;
        }
        if (rc == 0 && n > 0) {
            rc = queue_body(q, p, n);
        }
        pyl_api_decref(vm, item);
        if (rc < 0) {
            break;
        }
        if (n > 0 && out_flush(q) < 0) {
            rc = 0; /* the server went away: stop producing */
            break;
        }
    }
    pyl_api_decref(vm, it);
    return rc < 0 ? -1 : 0;
}

/* CONTENT_LENGTH as RFC 3875 allows it: absent or empty (no body) or digits.
 * 0, or -1 for anything else. */
static int parse_length(const char *s, int64_t *out)
{
    *out = 0;
    if (s == NULL || *s == '\0') {
        return 0;
    }
    int64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || p - s >= 18) {
            return -1;
        }
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 0;
}

/* The native types of this request (new references kept in q). */
static int make_types(Cgi *q)
{
    static const PylNativeType input_spec = {"pyl_cgi.Input", input_methods, NULL, NULL,
                                             input_next,      NULL};
    static const PylNativeType start_spec = {
        "pyl_cgi.StartResponse", NULL, NULL, NULL, NULL, start_call};
    static const PylNativeType write_spec = {"pyl_cgi.Write", NULL, NULL, NULL, NULL, write_call};
    static const PylNativeType wrapper_spec = {
        "pyl_cgi.FileWrapper", wrapper_methods, NULL, NULL, wrapper_next, NULL};
    static const PylNativeType fwfn_spec = {"pyl_cgi.file_wrapper", NULL, NULL, NULL, NULL,
                                            file_wrapper_call};
    q->input_type = pyl_api_native_type_new(q->vm, &input_spec);
    q->start_type = pyl_api_native_type_new(q->vm, &start_spec);
    q->write_type = pyl_api_native_type_new(q->vm, &write_spec);
    q->wrapper_type = pyl_api_native_type_new(q->vm, &wrapper_spec);
    q->fwfn_type = pyl_api_native_type_new(q->vm, &fwfn_spec);
    return q->input_type && q->start_type && q->write_type && q->wrapper_type && q->fwfn_type ? 0
                                                                                              : -1;
}

/* Run the application. Returns the exit status (see pyl_cgi_run). */
static int serve(Cgi *q)
{
    PylVM *vm = q->vm;
    int status = 0;
    PylObject *environ_ = NULL, *result = NULL, *start = NULL, *app = NULL;
    PylObject *input = NULL, *fwfn = NULL;

    if (make_types(q) < 0) {
        return fail(q, "cannot start the gateway");
    }
    /* the application, as mod_pyl loads it: a module named after the path */
    char modname[64];
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)q->path; *p; p++) {
        h = (h ^ *p) * 1099511628211ULL;
    }
    snprintf(modname, sizeof modname, "_pyl_app_%016llx", (unsigned long long)h);
    PylObject *mod = pyl_api_import_file(vm, q->path, modname);
    if (mod == NULL) {
        return fail(q, "failed to load the application");
    }
    app = pyl_api_getattr_str(vm, mod, "application");
    pyl_api_decref(vm, mod);
    if (app == NULL) {
        return fail(q, "no callable 'application'");
    }
    input = new_native(q, q->input_type, q);
    fwfn = input ? new_native(q, q->fwfn_type, q) : NULL;
    start = fwfn ? new_native(q, q->start_type, q) : NULL;
    environ_ = start ? build_environ(q, input, fwfn) : NULL;
    if (environ_ == NULL) {
        status = fail(q, "cannot build the environ");
        goto done;
    }
    PylObject *args[2] = {environ_, start};
    result = pyl_api_call(vm, app, args, 2, NULL);
    if (result == NULL) {
        status = fail(q, "exception");
        goto done;
    }
    if (send_iterable(q, result) < 0) {
        status = fail(q, "exception");
        if (call_close(vm, result) < 0) {
            log_exception(q, "exception in close() of the response iterable");
        }
        goto done;
    }
    if (call_close(vm, result) < 0) {
        status = fail(q, "exception in close()");
        goto done;
    }
    if (!q->resp.started) {
        pyl_api_raise(vm, "RuntimeError",
                      "the application returned without calling start_response()");
        status = fail(q, "error");
        goto done;
    }
    if (!q->resp.sent && emit_headers(q) < 0) {
        note("pyl --cgi: out of memory");
        status = 1;
        goto done;
    }
    out_flush(q);
    if (q->resp.content_length >= 0 && q->body_sent < q->resp.content_length) {
        note("pyl --cgi: the application sent %lld bytes of its Content-Length of %lld",
             (long long)q->body_sent, (long long)q->resp.content_length);
    }
done:
    pyl_api_decref(vm, result);
    pyl_api_decref(vm, environ_);
    pyl_api_decref(vm, start);
    pyl_api_decref(vm, fwfn);
    pyl_api_decref(vm, input);
    pyl_api_decref(vm, app);
    return status;
}

int pyl_cgi_prepare(void)
{
    int out = dup(1);
    if (out < 0 || dup2(2, 1) < 0) {
        fprintf(stderr, "pyl --cgi: cannot set up standard output: %s\n", strerror(errno));
        return -1;
    }
    /* a server that stops reading gives EPIPE, not a dead process */
    signal(SIGPIPE, SIG_IGN);
    return out;
}

int pyl_cgi_run(PylVM *vm, const char *app_path, int out_fd)
{
    Cgi q;
    memset(&q, 0, sizeof q);
    q.vm = vm;
    q.path = app_path;
    q.out = out_fd;
    pyl_gw_response_init(&q.resp);
    const char *t = getenv("PYL_CGI_TIMEOUT");
    int secs = t != NULL && atoi(t) > 0 ? atoi(t) : 60;
    q.timeout_ms = secs > 86400 ? 86400 * 1000 : secs * 1000;

    int status;
    const char *method = getenv("REQUEST_METHOD");
    const char *clen = getenv("CONTENT_LENGTH");
    if (method == NULL || method[0] == '\0') {
        note("pyl --cgi: REQUEST_METHOD is not set: %s is a CGI program (RFC 3875); run it from "
             "a web server's cgi-bin, or set the CGI variables (REQUEST_METHOD, ...) yourself",
             app_path);
        error_response(&q, 500);
        status = 2;
    } else if (parse_length(clen, &q.length) < 0) {
        note("pyl --cgi: invalid CONTENT_LENGTH '%.40s': it must be a decimal number of bytes",
             clen);
        error_response(&q, 400);
        status = 2;
    } else {
        q.left = q.length;
        status = serve(&q);
    }
    for (size_t i = 0; i < q.nowned; i++) {
        if (q.wrapper_type != NULL && pyl_api_native_check(vm, q.owned[i], q.wrapper_type)) {
            free(pyl_api_native_get(vm, q.owned[i]));
        }
        pyl_api_native_set(vm, q.owned[i], NULL);
        pyl_api_decref(vm, q.owned[i]);
    }
    pyl_api_decref(vm, q.input_type);
    pyl_api_decref(vm, q.start_type);
    pyl_api_decref(vm, q.write_type);
    pyl_api_decref(vm, q.wrapper_type);
    pyl_api_decref(vm, q.fwfn_type);
    if (pyl_api_err_pending(vm)) {
        log_exception(&q, "exception while ending the request");
    }
    free(q.owned);
    free(q.obuf);
    free(q.ibuf);
    pyl_gw_response_clear(&q.resp);
    return status;
}
