/* gateway.c — start_response, status and header validation, body chunks and the
 * error page: the server-independent half of a WSGI gateway (see gateway.h).
 * Only vm/pyl.h and libc: the CGI gateway links this file too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mod_pyl/gateway.h"

void pyl_gw_response_init(PylGwResponse *resp)
{
    memset(resp, 0, sizeof *resp);
    resp->content_length = -1;
}

void pyl_gw_response_clear(PylGwResponse *resp)
{
    free(resp->block);
    pyl_gw_response_init(resp);
}

int pyl_gw_is_hop_by_hop(const char *name)
{
    static const char *const hop[] = {
        "connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "te",         "trailer",    "trailers",           "transfer-encoding",
        "upgrade",
    };
    for (size_t i = 0; i < sizeof hop / sizeof *hop; i++) {
        if (strcasecmp(name, hop[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* RFC 9110 token characters (header names). */
static int is_tchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* A bump allocator over the response's block. */
typedef struct Block {
    char *base;
    size_t used, cap;
} Block;

/* Copy str o into the block as Latin-1 (NUL-terminated). NULL with TypeError (not
 * a str) or ValueError (a code point above U+00FF); `what` names the value in
 * the message. */
static char *copy_latin1(PylVM *vm, Block *b, PylObject *o, const char *what)
{
    if (!pyl_api_is_str(vm, o)) {
        pyl_api_raise(vm, "TypeError", "start_response: %s must be str, not %s", what,
                      pyl_api_type_name(vm, o));
        return NULL;
    }
    size_t n;
    const char *s = pyl_api_str_as_utf8(vm, o, &n);
    if (s == NULL) {
        return NULL;
    }
    if (b->used + n + 1 > b->cap) {
        pyl_api_raise(vm, "MemoryError", NULL);
        return NULL;
    }
    char *out = b->base + b->used, *p = out;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            *p++ = (char)c;
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < n) {
            *p++ = (char)(((c & 0x1F) << 6) | ((unsigned char)s[++i] & 0x3F));
        } else {
            pyl_api_raise(vm, "ValueError",
                          "start_response: %s must be Latin-1 (code points up to U+00FF): %.80s",
                          what, s);
            return NULL;
        }
    }
    *p++ = '\0';
    b->used += (size_t)(p - out);
    return out;
}

/* Is every byte of s allowed in a header value or reason phrase (no control
 * characters but tab: above all no CR or LF)? */
static int clean_text(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p < 0x20 && *p != '\t') || *p == 0x7F) {
            return 0;
        }
    }
    return 1;
}

/* The three arguments of start_response from a native call's arguments. */
static int parse_args(PylVM *vm, PylObject *const *args, size_t nargs, PylObject *kwnames,
                      PylObject **status, PylObject **headers, PylObject **exc_info)
{
    static const char *const names[3] = {"status", "response_headers", "exc_info"};
    PylObject *slot[3] = {NULL, NULL, NULL};
    if (nargs > 3) {
        pyl_api_raise(vm, "TypeError",
                      "start_response() takes from 2 to 3 positional arguments but %zu were given",
                      nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        slot[i] = args[i];
    }
    ptrdiff_t nkw = kwnames != NULL ? pyl_api_tuple_size(vm, kwnames) : 0;
    for (ptrdiff_t k = 0; k < nkw; k++) {
        PylObject *key = pyl_api_tuple_get(vm, kwnames, (size_t)k);
        const char *kname = key ? pyl_api_str_as_utf8(vm, key, NULL) : NULL;
        pyl_api_decref(vm, key);
        if (kname == NULL) {
            return -1;
        }
        int found = -1;
        for (int j = 0; j < 3; j++) {
            if (strcmp(kname, names[j]) == 0) {
                found = j;
            }
        }
        if (found < 0) {
            pyl_api_raise(vm, "TypeError",
                          "start_response() got an unexpected keyword argument '%s'", kname);
            return -1;
        }
        if (slot[found] != NULL) {
            pyl_api_raise(vm, "TypeError", "start_response() got multiple values for argument '%s'",
                          kname);
            return -1;
        }
        slot[found] = args[nargs + (size_t)k];
    }
    if (slot[0] == NULL || slot[1] == NULL) {
        pyl_api_raise(vm, "TypeError", "start_response() missing required argument '%s'",
                      slot[0] == NULL ? "status" : "response_headers");
        return -1;
    }
    *status = slot[0];
    *headers = slot[1];
    *exc_info = slot[2] != NULL && !pyl_api_is_none(vm, slot[2]) ? slot[2] : NULL;
    return 0;
}

/* Validate status and headers into a new block; 0, or -1 with an exception. */
static int build(PylVM *vm, PylGwResponse *resp, PylObject *status, PylObject *headers)
{
    if (!pyl_api_is_list(vm, headers)) {
        pyl_api_raise(vm, "TypeError", "start_response: response_headers must be a list, not %s",
                      pyl_api_type_name(vm, headers));
        return -1;
    }
    ptrdiff_t n = pyl_api_list_size(vm, headers);
    size_t need;
    if (!pyl_api_is_str(vm, status)) {
        pyl_api_raise(vm, "TypeError", "start_response: status must be str, not %s",
                      pyl_api_type_name(vm, status));
        return -1;
    }
    if (pyl_api_str_as_utf8(vm, status, &need) == NULL) {
        return -1;
    }
    need += 1;
    /* first pass: types and sizes */
    for (ptrdiff_t i = 0; i < n; i++) {
        PylObject *h = pyl_api_list_get(vm, headers, (size_t)i);
        if (h == NULL) {
            return -1;
        }
        int ok = pyl_api_is_tuple(vm, h) && pyl_api_tuple_size(vm, h) == 2;
        if (!ok) {
            pyl_api_raise(vm, "TypeError",
                          "start_response: each header must be a (name, value) tuple of two str, "
                          "not %s",
                          pyl_api_type_name(vm, h));
            pyl_api_decref(vm, h);
            return -1;
        }
        for (size_t j = 0; j < 2; j++) {
            PylObject *s = pyl_api_tuple_get(vm, h, j);
            size_t len = 0;
            const char *p = NULL;
            if (s != NULL && pyl_api_is_str(vm, s)) {
                p = pyl_api_str_as_utf8(vm, s, &len);
            } else if (s != NULL) {
                pyl_api_raise(vm, "TypeError", "start_response: header %s must be str, not %s",
                              j == 0 ? "name" : "value", pyl_api_type_name(vm, s));
            }
            pyl_api_decref(vm, s);
            if (p == NULL) {
                pyl_api_decref(vm, h);
                return -1;
            }
            need += len + 1;
        }
        pyl_api_decref(vm, h);
    }
    size_t array = (size_t)n * sizeof(PylGwHeader);
    Block b = {malloc(array + need), array, array + need};
    if (b.base == NULL) {
        pyl_api_raise(vm, "MemoryError", NULL);
        return -1;
    }
    PylGwHeader *hs = (PylGwHeader *)b.base;
    const char *line = copy_latin1(vm, &b, status, "status");
    if (line == NULL) {
        goto error;
    }
    if (strlen(line) < 4 || line[0] < '1' || line[0] > '9' || line[1] < '0' || line[1] > '9' ||
        line[2] < '0' || line[2] > '9' || line[3] != ' ' || !clean_text(line)) {
        pyl_api_raise(vm, "ValueError",
                      "start_response: status must look like '200 OK' (three digits, a space, "
                      "a reason phrase), not '%.80s'",
                      line);
        goto error;
    }
    const char *content_type = NULL;
    int64_t content_length = -1;
    for (ptrdiff_t i = 0; i < n; i++) {
        PylObject *h = pyl_api_list_get(vm, headers, (size_t)i);
        PylObject *name = h ? pyl_api_tuple_get(vm, h, 0) : NULL;
        PylObject *value = name ? pyl_api_tuple_get(vm, h, 1) : NULL;
        const char *cn = value ? copy_latin1(vm, &b, name, "header name") : NULL;
        const char *cv = cn ? copy_latin1(vm, &b, value, "header value") : NULL;
        pyl_api_decref(vm, value);
        pyl_api_decref(vm, name);
        pyl_api_decref(vm, h);
        if (cv == NULL) {
            goto error;
        }
        int name_ok = cn[0] != '\0';
        for (const char *p = cn; *p && name_ok; p++) {
            name_ok = is_tchar((unsigned char)*p);
        }
        if (!name_ok) {
            pyl_api_raise(vm, "ValueError", "start_response: invalid header name '%.80s'", cn);
            goto error;
        }
        if (!clean_text(cv)) {
            pyl_api_raise(vm, "ValueError",
                          "start_response: the value of header '%.80s' holds a control "
                          "character (CR, LF ...)",
                          cn);
            goto error;
        }
        if (pyl_gw_is_hop_by_hop(cn)) {
            pyl_api_raise(vm, "ValueError",
                          "start_response: hop-by-hop header '%s' is not allowed (PEP 3333)", cn);
            goto error;
        }
        if (strcasecmp(cn, "Content-Type") == 0) {
            content_type = cv;
        } else if (strcasecmp(cn, "Content-Length") == 0) {
            const char *p = cv;
            while (*p == ' ' || *p == '\t') {
                p++;
            }
            int64_t v = 0;
            int digits = 0;
            for (; *p >= '0' && *p <= '9' && digits < 18; p++, digits++) {
                v = v * 10 + (*p - '0');
            }
            while (*p == ' ' || *p == '\t') {
                p++;
            }
            if (digits == 0 || *p != '\0' || (content_length >= 0 && content_length != v)) {
                pyl_api_raise(vm, "ValueError", "start_response: invalid Content-Length '%.80s'",
                              cv);
                goto error;
            }
            content_length = v;
        }
        hs[i].name = cn;
        hs[i].value = cv;
    }
    free(resp->block);
    resp->block = b.base;
    resp->headers = hs;
    resp->nheaders = (size_t)n;
    resp->status_line = line;
    resp->status = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    resp->content_type = content_type;
    resp->content_length = content_length;
    resp->started = 1;
    return 0;
error:
    free(b.base);
    return -1;
}

int pyl_gw_start_response(PylVM *vm, PylGwResponse *resp, PylObject *const *args, size_t nargs,
                          PylObject *kwnames)
{
    PylObject *status, *headers, *exc_info;
    if (parse_args(vm, args, nargs, kwnames, &status, &headers, &exc_info) < 0) {
        return -1;
    }
    if (exc_info != NULL) {
        if (!pyl_api_is_tuple(vm, exc_info) || pyl_api_tuple_size(vm, exc_info) != 3) {
            pyl_api_raise(vm, "TypeError",
                          "start_response: exc_info must be None or a (type, value, traceback) "
                          "tuple, not %s",
                          pyl_api_type_name(vm, exc_info));
            return -1;
        }
        if (resp->sent) {
            /* too late to change the response: the error goes back to the app */
            PylObject *exc = pyl_api_tuple_get(vm, exc_info, 1);
            if (exc == NULL) {
                return -1;
            }
            if (pyl_api_is_none(vm, exc)) {
                pyl_api_decref(vm, exc);
                pyl_api_raise(vm, "RuntimeError",
                              "start_response: headers already sent (exc_info holds no exception)");
                return -1;
            }
            pyl_api_err_restore(vm, exc);
            pyl_api_decref(vm, exc);
            return -1;
        }
    } else if (resp->started) {
        pyl_api_raise(vm, "RuntimeError",
                      "start_response() was already called: a second call must pass exc_info");
        return -1;
    }
    return build(vm, resp, status, headers);
}

int pyl_gw_body_data(PylVM *vm, PylObject *item, const char **data, size_t *len)
{
    if (pyl_api_is_bytes(vm, item)) {
        return pyl_api_bytes_data(vm, item, data, len);
    }
    if (pyl_api_is_str(vm, item)) {
        pyl_api_raise(vm, "TypeError",
                      "WSGI response body items must be bytes, not str (encode the text, e.g. "
                      "with .encode('utf-8'))");
    } else {
        pyl_api_raise(vm, "TypeError", "WSGI response body items must be bytes, not %s",
                      pyl_api_type_name(vm, item));
    }
    return -1;
}

const char *pyl_gw_reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "";
    }
}

size_t pyl_gw_error_page(int status, char *buf, size_t size)
{
    const char *reason = pyl_gw_reason(status);
    const char *text = status == 504 ? "The application did not answer in time."
                       : status >= 500
                           ? "The application failed; the details are in the server's error log."
                           : "The request could not be served.";
    int n = snprintf(buf, size,
                     "<!DOCTYPE html>\n<html><head><title>%d %s</title></head>\n"
                     "<body><h1>%s</h1>\n<p>%s</p>\n</body></html>\n",
                     status, reason, reason, text);
    if (n < 0) {
        return 0;
    }
    return (size_t)n < size ? (size_t)n : size > 0 ? size - 1 : 0;
}

int pyl_gw_grow(char **buf, size_t *cap, size_t need, size_t first)
{
    if (need <= *cap) {
        return 0;
    }
    size_t c = *cap ? *cap : first;
    while (c < need) {
        c *= 2;
    }
    char *p = realloc(*buf, c);
    if (p == NULL) {
        return -1;
    }
    *buf = p;
    *cap = c;
    return 0;
}

void pyl_gw_module_name(const char *path, char *out, size_t size)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        h = (h ^ *p) * 1099511628211ULL;
    }
    snprintf(out, size, "_pyl_app_%016llx", (unsigned long long)h);
}

/* ---- one request: ownership --------------------------------------------------------------- */

/* A file wrapper iterates over filelike.read(blksize); its close() closes the
 * file. The request owns filelike (so the pointer is good while the request
 * runs) and frees the FileWraps at its end (g->wraps). */
typedef struct PylGwFileWrap {
    PylObject *filelike; /* borrowed: the request owns a reference */
    int64_t blksize;
    struct PylGwFileWrap *next;
} FileWrap;

void pyl_gw_request_init(PylGwRequest *g, PylVM *vm, const PylGwTypes *types,
                         const PylGwServer *srv, void *ctx)
{
    memset(g, 0, sizeof *g);
    g->vm = vm;
    g->srv = srv;
    g->ctx = ctx;
    g->types = types;
    pyl_gw_response_init(&g->resp);
}

void pyl_gw_request_end(PylGwRequest *g)
{
    for (int i = 0; i < g->nowned; i++) {
        pyl_api_native_set(g->vm, g->owned[i], NULL);
        pyl_api_decref(g->vm, g->owned[i]);
    }
    for (size_t i = 0; i < g->nextra; i++) {
        pyl_api_native_set(g->vm, g->extra[i], NULL);
        pyl_api_decref(g->vm, g->extra[i]);
    }
    free(g->extra);
    g->nowned = 0;
    g->extra = NULL;
    g->nextra = g->capextra = 0;
    g->write = NULL;
    while (g->wraps != NULL) {
        FileWrap *w = g->wraps;
        g->wraps = w->next;
        free(w);
    }
    free(g->in.buf);
    g->in.buf = NULL;
    pyl_gw_response_clear(&g->resp);
}

int pyl_gw_own(PylGwRequest *g, PylObject *o)
{
    if (g->nowned < PYL_GW_OWNED) {
        g->owned[g->nowned++] = o;
        return 0;
    }
    if (g->nextra == g->capextra) {
        size_t cap = g->capextra ? g->capextra * 2 : 16;
        PylObject **p = realloc(g->extra, cap * sizeof *p);
        if (p == NULL) {
            pyl_api_decref(g->vm, o);
            pyl_api_raise(g->vm, "MemoryError", NULL);
            return -1;
        }
        g->extra = p;
        g->capextra = cap;
    }
    g->extra[g->nextra++] = o;
    return 0;
}

PylObject *pyl_gw_native_new(PylGwRequest *g, PylObject *type, void *data)
{
    PylObject *o = pyl_api_native_new(g->vm, type, data);
    if (o == NULL || pyl_gw_own(g, pyl_api_incref(o)) < 0) {
        pyl_api_decref(g->vm, o);
        return NULL;
    }
    return o;
}

PylObject *pyl_gw_ended(PylVM *vm)
{
    return pyl_api_raise(vm, "OSError", "the request this object belonged to has ended");
}

/* ---- the response body -------------------------------------------------------------------- */

/* Queue n bytes of body (the headers first if they have not gone out), cut to
 * the application's Content-Length. 0, or -1 with an exception. */
static int queue_body(PylGwRequest *g, const char *p, size_t n)
{
    if (!g->resp.sent && g->srv->headers(g->ctx) < 0) {
        return -1;
    }
    size_t allowed = pyl_gw_body_allowed(&g->resp, g->body_sent, n);
    if (allowed < n && !g->cut) {
        char msg[160];
        g->cut = 1;
        snprintf(msg, sizeof msg,
                 "the application sent more than its Content-Length of %lld bytes; the rest is "
                 "dropped",
                 (long long)g->resp.content_length);
        g->srv->note(g->ctx, msg);
    }
    if (allowed > 0 && g->srv->body(g->ctx, p, allowed) < 0) {
        return -1;
    }
    g->body_sent += (int64_t)allowed;
    return 0;
}

/* write(data): the imperative API; goes out at once. */
static PylObject *write_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    PylGwRequest *g = data;
    if (g == NULL) {
        return pyl_gw_ended(vm);
    }
    if (nargs != 2 || kwnames != NULL) {
        return pyl_api_raise(vm, "TypeError", "write() takes exactly one argument");
    }
    const char *p;
    size_t n;
    if (pyl_gw_body_data(vm, args[1], &p, &n) < 0) {
        return NULL;
    }
    if (!g->resp.started) {
        return pyl_api_raise(vm, "RuntimeError", "write() called before start_response()");
    }
    if (n == 0) {
        return pyl_api_none(vm);
    }
    if (queue_body(g, p, n) < 0) {
        return NULL;
    }
    if (g->srv->send(g->ctx) < 0) {
        return pyl_api_raise(vm, "OSError", "the client closed the connection");
    }
    return pyl_api_none(vm);
}

/* start_response(status, headers, exc_info=None) -> write */
static PylObject *start_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    PylGwRequest *g = data;
    if (g == NULL) {
        return pyl_gw_ended(vm);
    }
    if (pyl_gw_start_response(vm, &g->resp, args + 1, nargs - 1, kwnames) < 0) {
        return NULL;
    }
    if (g->write == NULL) {
        g->write = pyl_gw_native_new(g, g->types->write, g);
        return g->write;
    }
    return pyl_api_incref(g->write);
}

/* result.close() if it has one. 0, or -1 with an exception. */
static int close_result(PylVM *vm, PylObject *result)
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

/* One body item: checked, queued. 0, or -1 with an exception. */
static int send_item(PylGwRequest *g, PylObject *item, size_t *n, const char *what)
{
    const char *p;
    if (pyl_gw_body_data(g->vm, item, &p, n) < 0) {
        return -1;
    }
    if (*n == 0) {
        return 0;
    }
    if (!g->resp.started) {
        pyl_api_raise(g->vm, "RuntimeError", "the application %s", what);
        return -1;
    }
    return queue_body(g, p, *n);
}

/* Send the iterable's items: a list or tuple queued whole (one send at the
 * end: the server can compute the length), other iterables sent an item at a
 * time as they are produced. 0 done, 1 the client went away, -1 exception. */
static int send_iterable(PylGwRequest *g, PylObject *result)
{
    PylVM *vm = g->vm;
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
            /* the list keeps the item's bytes alive until the server sends them */
            int rc = send_item(g, item, &n, "returned a body without calling start_response()");
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
        rc = send_item(g, item, &n, "yielded body data before calling start_response()");
        /* sent before the item goes */
        if (rc == 0 && n > 0 && g->srv->send(g->ctx) < 0) {
            rc = 1;
        }
        pyl_api_decref(vm, item);
        if (rc != 0) {
            break;
        }
    }
    pyl_api_decref(vm, it);
    return rc;
}

int pyl_gw_respond(PylGwRequest *g, PylObject *result)
{
    PylVM *vm = g->vm;
    int rc = 0;
    if (g->srv->send_file != NULL && g->resp.started &&
        pyl_api_native_check(vm, result, g->types->wrapper)) {
        FileWrap *w = pyl_api_native_get(vm, result);
        rc = w != NULL ? g->srv->send_file(g->ctx, w->filelike) : 0;
    }
    rc = rc == 0 ? send_iterable(g, result) : rc == 1 ? 0 : -1;
    if (rc < 0) {
        /* close() still runs: its own error is logged after this one */
        g->srv->fail(g->ctx, "exception");
        if (close_result(vm, result) < 0) {
            g->srv->log_exception(g->ctx, "exception in close() of the response iterable");
        }
        return -1;
    }
    if (close_result(vm, result) < 0) {
        g->srv->fail(g->ctx, "exception in close()");
        return -1;
    }
    if (!g->resp.started) {
        pyl_api_raise(vm, "RuntimeError",
                      "the application returned without calling start_response()");
        g->srv->fail(g->ctx, "error");
        return -1;
    }
    return rc;
}

/* ---- wsgi.input ------------------------------------------------------------------------------ */

char *pyl_gw_input_space(PylVM *vm, PylGwInput *in, size_t n)
{
    if (in->start == in->end) {
        in->start = in->end = 0;
    }
    if (in->end + n > in->cap && in->start > 0) {
        memmove(in->buf, in->buf + in->start, in->end - in->start);
        in->end -= in->start;
        in->start = 0;
    }
    if (pyl_gw_grow(&in->buf, &in->cap, in->end + n, 16384) < 0) {
        pyl_api_raise(vm, "MemoryError", NULL);
        return NULL;
    }
    return in->buf + in->end;
}

/* Read more of the body (about want bytes). 0 (in.eof at the end), or -1 with
 * an exception. */
static int input_fill(PylGwRequest *g, size_t want)
{
    if (g->in.eof) {
        return 0;
    }
    if (want < 8192) {
        want = 8192;
    } else if (want > 1 << 20) {
        want = 1 << 20;
    }
    return g->srv->fill(g->ctx, &g->in, want);
}

/* Take n buffered bytes as a bytes object. */
static PylObject *input_take(PylGwRequest *g, size_t n)
{
    PylObject *b = pyl_api_bytes_new(g->vm, g->in.buf ? g->in.buf + g->in.start : "", n);
    if (b != NULL) {
        g->in.start += n;
    }
    return b;
}

/* The request of an input method (data) and its optional size argument: -1 for
 * absent / None / negative. NULL with an exception (the request has ended, or
 * a bad argument). */
static PylGwRequest *size_arg(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                              PylObject *kwnames, const char *fname, int64_t *size)
{
    *size = -1;
    if (data == NULL) {
        pyl_gw_ended(vm);
        return NULL;
    }
    if (kwnames != NULL || nargs > 2) {
        pyl_api_raise(vm, "TypeError", "%s() takes at most 1 positional argument", fname);
        return NULL;
    }
    if (nargs == 2 && !pyl_api_is_none(vm, args[1])) {
        if (pyl_api_int_as_i64(vm, args[1], size) < 0) {
            return NULL;
        }
        if (*size < 0) {
            *size = -1;
        }
    }
    return data;
}

/* read(size=-1) */
static PylObject *input_read(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    int64_t size;
    PylGwRequest *g = size_arg(vm, data, args, nargs, kwnames, "read", &size);
    if (g == NULL) {
        return NULL;
    }
    while (!g->in.eof && (size < 0 || g->in.end - g->in.start < (uint64_t)size)) {
        size_t want = size < 0 ? (size_t)1 << 20 : (size_t)size - (g->in.end - g->in.start);
        if (input_fill(g, want) < 0) {
            return NULL;
        }
    }
    size_t avail = g->in.end - g->in.start;
    return input_take(g, size < 0 || (uint64_t)size > avail ? avail : (size_t)size);
}

/* One line (up to and including \n), at most size bytes when size >= 0. */
static PylObject *read_line(PylGwRequest *g, int64_t size)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = g->in.end - g->in.start;
        size_t limit = size >= 0 && (uint64_t)size < avail ? (size_t)size : avail;
        const char *base = g->in.buf ? g->in.buf + g->in.start : "";
        const char *nl = limit > scanned ? memchr(base + scanned, '\n', limit - scanned) : NULL;
        if (nl != NULL) {
            return input_take(g, (size_t)(nl - base) + 1);
        }
        if ((size >= 0 && avail >= (uint64_t)size) || g->in.eof) {
            return input_take(g, limit);
        }
        scanned = limit;
        if (input_fill(g, 8192) < 0) {
            return NULL;
        }
    }
}

/* The next line as a new reference; NULL at the end of the body (*n == 0, no
 * exception) or with an exception. */
static PylObject *next_line(PylGwRequest *g, size_t *n)
{
    const char *p;
    *n = 0;
    PylObject *line = read_line(g, -1);
    if (line != NULL && (pyl_api_bytes_data(g->vm, line, &p, n) < 0 || *n == 0)) {
        pyl_api_decref(g->vm, line);
        return NULL;
    }
    return line;
}

/* readline(size=-1) */
static PylObject *input_readline(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                 PylObject *kwnames)
{
    int64_t size;
    PylGwRequest *g = size_arg(vm, data, args, nargs, kwnames, "readline", &size);
    return g != NULL ? read_line(g, size) : NULL;
}

/* readlines(hint=-1) */
static PylObject *input_readlines(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                  PylObject *kwnames)
{
    int64_t hint;
    PylGwRequest *g = size_arg(vm, data, args, nargs, kwnames, "readlines", &hint);
    if (g == NULL) {
        return NULL;
    }
    PylObject *list = pyl_api_list_new(vm), *line;
    int64_t total = 0;
    size_t n;
    while (list != NULL && (line = next_line(g, &n)) != NULL) {
        int r = pyl_api_list_append(vm, list, line);
        pyl_api_decref(vm, line);
        if (r < 0) {
            break;
        }
        total += (int64_t)n;
        if (hint > 0 && total >= hint) {
            return list;
        }
    }
    if (pyl_api_err_pending(vm)) {
        pyl_api_decref(vm, list);
        return NULL;
    }
    return list;
}

/* __next__: the next line, exhausted at the end of the body. */
static PylObject *input_next(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    size_t n;
    if (data == NULL) {
        return pyl_gw_ended(vm);
    }
    return next_line(data, &n);
}

static const PylNativeMethod input_methods[] = {
    {"read", input_read},
    {"readline", input_readline},
    {"readlines", input_readlines},
    {NULL, NULL},
};

/* ---- wsgi.file_wrapper ------------------------------------------------------------------------ */

static PylObject *wrapper_next(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                               PylObject *kwnames)
{
    FileWrap *w = data;
    if (w == NULL) {
        return pyl_gw_ended(vm);
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
    return close_result(vm, w->filelike) < 0 ? NULL : pyl_api_none(vm);
}

static const PylNativeMethod wrapper_methods[] = {
    {"close", wrapper_close},
    {NULL, NULL},
};

/* wsgi.file_wrapper(filelike, block_size=8192) */
static PylObject *file_wrapper_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                    PylObject *kwnames)
{
    PylGwRequest *g = data;
    if (g == NULL) {
        return pyl_gw_ended(vm);
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
    w->next = g->wraps;
    g->wraps = w;
    if (pyl_gw_own(g, pyl_api_incref(args[1])) < 0) {
        w->filelike = NULL;
        return NULL;
    }
    return pyl_gw_native_new(g, g->types->wrapper, w);
}

/* ---- the classes ------------------------------------------------------------------------------ */

int pyl_gw_types_init(PylVM *vm, PylGwTypes *types, const char *const names[5])
{
    const PylNativeType specs[5] = {
        {names[0], input_methods, NULL, NULL, input_next, NULL},
        {names[1], NULL, NULL, NULL, NULL, start_call},
        {names[2], NULL, NULL, NULL, NULL, write_call},
        {names[3], wrapper_methods, NULL, NULL, wrapper_next, NULL},
        {names[4], NULL, NULL, NULL, NULL, file_wrapper_call},
    };
    PylObject **slots[5] = {&types->input, &types->start, &types->write, &types->wrapper,
                            &types->file_wrapper};
    memset(types, 0, sizeof *types);
    for (int i = 0; i < 5; i++) {
        if ((*slots[i] = pyl_api_native_type_new(vm, &specs[i])) == NULL) {
            pyl_gw_types_clear(vm, types);
            return -1;
        }
    }
    return 0;
}

void pyl_gw_types_clear(PylVM *vm, PylGwTypes *types)
{
    pyl_api_decref(vm, types->input);
    pyl_api_decref(vm, types->start);
    pyl_api_decref(vm, types->write);
    pyl_api_decref(vm, types->wrapper);
    pyl_api_decref(vm, types->file_wrapper);
    memset(types, 0, sizeof *types);
}
