/* cgi.c — the CGI gateway: `pyl --cgi APP` serves one request from the
 * process environment and standard input (RFC 3875) with the WSGI application
 * of the file APP, and writes "Status:", the headers, a blank line and the body
 * on standard output. wsgi.input, start_response, write, the file wrapper, the
 * status / header checks, the body loop and the error page are mod_pyl's
 * (mod_pyl/gateway.h): a WSGI file behaves the same under both gateways. This
 * file gives them the process's side, as the callbacks of `server` below.
 *
 * The request's state is one Cgi on the C stack of pyl_cgi_run, with the
 * shared PylGwRequest inside. The native objects given to the application
 * point at it and are pointed at NULL when the request ends, so an application
 * that kept one gets an exception, never a dangling pointer.
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
    PylGwRequest g; /* the server-independent half; g.ctx is this Cgi */
    PylVM *vm;
    const char *path; /* the application file */
    int status;       /* the exit status (see pyl_cgi_run) */
    /* the response */
    int out;
    int out_failed; /* the server stopped reading: the rest is dropped */
    int wrote;      /* response bytes went out: too late for an error page */
    char *obuf;
    size_t olen, ocap;
    /* wsgi.input: the body is CONTENT_LENGTH bytes of fd 0, never more */
    int64_t length, left; /* CONTENT_LENGTH, and how much of it is still unread */
    int timeout_ms;
    PylGwTypes types;
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

/* ---- the response -------------------------------------------------------------------------- */

static int out_append(Cgi *q, const char *p, size_t n)
{
    if (pyl_gw_grow(&q->obuf, &q->ocap, q->olen + n, 4096) < 0) {
        return -1;
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

/* PylGwServer.headers: the CGI response header (RFC 3875 section 6): Status,
 * then the application's headers as it gave them, then a blank line. */
static int out_headers(void *ctx)
{
    Cgi *q = ctx;
    const PylGwResponse *r = &q->g.resp;
    int rc = out_append(q, "Status: ", 8) | out_append(q, r->status_line, strlen(r->status_line)) |
             out_append(q, "\r\n", 2);
    for (size_t i = 0; i < r->nheaders; i++) {
        rc |= out_append(q, r->headers[i].name, strlen(r->headers[i].name));
        rc |= out_append(q, ": ", 2);
        rc |= out_append(q, r->headers[i].value, strlen(r->headers[i].value));
        rc |= out_append(q, "\r\n", 2);
    }
    rc |= out_append(q, "\r\n", 2);
    pyl_gw_mark_sent(&q->g.resp);
    if (rc < 0) {
        pyl_api_raise(q->vm, "MemoryError", NULL);
    }
    return rc;
}

/* PylGwServer.body */
static int out_body(void *ctx, const char *p, size_t n)
{
    Cgi *q = ctx;
    if (out_append(q, p, n) < 0) {
        pyl_api_raise(q->vm, "MemoryError", NULL);
        return -1;
    }
    return 0;
}

/* PylGwServer.send */
static int out_send(void *ctx)
{
    return out_flush(ctx);
}

/* ---- the request body ------------------------------------------------------------------------ */

/* PylGwServer.fill: read more of the body from fd 0 (up to `want` bytes, never
 * past CONTENT_LENGTH). Fails (in->error = 400) when stdin ends before
 * CONTENT_LENGTH bytes (a truncated body, or a CONTENT_LENGTH that lies), has
 * no data for timeout_ms, or cannot be read. */
static int input_fill(void *ctx, PylGwInput *in, size_t want)
{
    Cgi *q = ctx;
    if (q->left == 0) {
        in->eof = 1;
        return 0;
    }
    if ((int64_t)want > q->left) {
        want = (size_t)q->left;
    }
    char *dst = pyl_gw_input_space(q->vm, in, want);
    if (dst == NULL) {
        return -1;
    }
    long long got = q->length - q->left;
    for (;;) {
        struct pollfd pfd = {0, POLLIN, 0};
        int pr = poll(&pfd, 1, q->timeout_ms);
        if (pr < 0 && errno == EINTR) {
            continue;
        }
        if (pr == 0) {
            pyl_api_raise(q->vm, "TimeoutError",
                          "reading the request body: no data on standard input for %d s "
                          "(%lld of the %lld bytes of CONTENT_LENGTH read)",
                          q->timeout_ms / 1000, got, (long long)q->length);
            break;
        }
        ssize_t r = read(0, dst, want);
        if (r < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        }
        if (r < 0) {
            pyl_api_raise(q->vm, "OSError", "reading the request body from standard input: %s",
                          strerror(errno));
            break;
        }
        if (r == 0) {
            pyl_api_raise(q->vm, "OSError",
                          "the request body is truncated: standard input ended after %lld of "
                          "the %lld bytes CONTENT_LENGTH announced",
                          got, (long long)q->length);
            break;
        }
        in->end += (size_t)r;
        q->left -= r;
        return 0;
    }
    in->error = 400;
    in->eof = 1;
    return -1;
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
        error_response(q, q->g.in.error ? q->g.in.error : 500);
    } else {
        note("pyl --cgi: the response was already under way; it is incomplete");
    }
    return 1;
}

/* PylGwServer.fail */
static void gw_fail(void *ctx, const char *what)
{
    Cgi *q = ctx;
    q->status = fail(q, what);
}

/* PylGwServer.log_exception */
static void gw_log_exception(void *ctx, const char *what)
{
    log_exception(ctx, what);
}

/* PylGwServer.note */
static void gw_note(void *ctx, const char *msg)
{
    note("pyl --cgi: %s", msg);
}

/* A file wrapper is iterated like any other body (no send_file). */
static const PylGwServer server = {
    input_fill, out_headers, out_body, out_send, NULL, gw_note, gw_fail, gw_log_exception,
};

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

/* Run the application. Returns the exit status (see pyl_cgi_run). */
static int serve(Cgi *q)
{
    static const char *const names[5] = {"pyl_cgi.Input", "pyl_cgi.StartResponse", "pyl_cgi.Write",
                                         "pyl_cgi.FileWrapper", "pyl_cgi.file_wrapper"};
    PylVM *vm = q->vm;
    PylObject *environ_ = NULL, *result = NULL, *start = NULL, *app = NULL;
    PylObject *input = NULL, *fwfn = NULL;

    if (pyl_gw_types_init(vm, &q->types, names) < 0) {
        return fail(q, "cannot start the gateway");
    }
    /* the application, as mod_pyl loads it: a module named after the path */
    char modname[64];
    pyl_gw_module_name(q->path, modname, sizeof modname);
    PylObject *mod = pyl_api_import_file(vm, q->path, modname);
    if (mod == NULL) {
        return fail(q, "failed to load the application");
    }
    app = pyl_api_getattr_str(vm, mod, "application");
    pyl_api_decref(vm, mod);
    if (app == NULL) {
        return fail(q, "no callable 'application'");
    }
    input = pyl_gw_native_new(&q->g, q->types.input, &q->g);
    fwfn = input ? pyl_gw_native_new(&q->g, q->types.file_wrapper, &q->g) : NULL;
    start = fwfn ? pyl_gw_native_new(&q->g, q->types.start, &q->g) : NULL;
    environ_ = start ? build_environ(q, input, fwfn) : NULL;
    if (environ_ == NULL) {
        q->status = fail(q, "cannot build the environ");
        goto done;
    }
    PylObject *args[2] = {environ_, start};
    result = pyl_api_call(vm, app, args, 2, NULL);
    if (result == NULL) {
        q->status = fail(q, "exception");
        goto done;
    }
    if (pyl_gw_respond(&q->g, result) < 0) {
        goto done;
    }
    if (!q->g.resp.sent && out_headers(q) < 0) {
        pyl_api_err_clear(vm);
        note("pyl --cgi: out of memory");
        q->status = 1;
        goto done;
    }
    out_flush(q);
    if (q->g.resp.content_length >= 0 && q->g.body_sent < q->g.resp.content_length) {
        note("pyl --cgi: the application sent %lld bytes of its Content-Length of %lld",
             (long long)q->g.body_sent, (long long)q->g.resp.content_length);
    }
done:
    pyl_api_decref(vm, result);
    pyl_api_decref(vm, environ_);
    pyl_api_decref(vm, start);
    pyl_api_decref(vm, fwfn);
    pyl_api_decref(vm, input);
    pyl_api_decref(vm, app);
    return q->status;
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
    pyl_gw_request_init(&q.g, vm, &q.types, &server, &q);
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
    pyl_gw_request_end(&q.g);
    pyl_gw_types_clear(vm, &q.types);
    if (pyl_api_err_pending(vm)) {
        log_exception(&q, "exception while ending the request");
    }
    free(q.obuf);
    return status;
}
