/* request.c — one WSGI request in a borrowed VM: the environ, wsgi.input (the
 * body through Apache's input filters), wsgi.errors, start_response / write,
 * the response body streamed through bucket brigades, close(), the file
 * wrapper, and what an exception turns into.
 *
 * The request's state is a PylReq on the handler's C stack. The native objects
 * handed to the application (input, errors, start_response, write, file
 * wrappers) point at it; when the request ends they are pointed at NULL, so an
 * application that kept one gets an exception instead of a dangling pointer.
 *
 *     environ ----> wsgi.input   --data--> PylReq <--data-- start_response
 *                   wsgi.errors  --data--^      ^--data-- write
 *
 * Per VM, a PylVMCache keeps what every request needs: the native types, the
 * interned environ keys (a small open-addressing table of C string -> str) and
 * constant values (wsgi.version, the URL schemes, the group names).
 */
#include <sys/stat.h>
#include <unistd.h>

#include "ap_mpm.h"
#include "apr_buckets.h"
#include "http_connection.h"
#include "http_core.h"
#include "util_script.h"

#include "mod_pyl/mod_pyl.h"

APLOG_USE_MODULE(pyl);

/* ---- the per-VM cache ----------------------------------------------------------------- */

#define KEY_SLOTS 512 /* power of two */
#define KEY_MAX 384   /* stop caching new names past this (clients choose header names) */

typedef struct KeyEntry {
    char *name; /* malloc'd */
    size_t len;
    uint32_t hash;
    PylObject *str; /* owned */
} KeyEntry;

struct PylVMCache {
    PylObject *input_type, *errors_type, *start_type, *write_type, *wrapper_type;
    PylObject *file_wrapper_type; /* of the per-request wsgi.file_wrapper callable */
    PylObject *version;           /* (1, 0) */
    PylObject *http, *https, *mod_version, *empty, *app_group;
    PylObject *k_version, *k_url_scheme, *k_input, *k_errors, *k_multithread, *k_multiprocess,
        *k_run_once, *k_file_wrapper, *k_input_terminated, *k_mod_version, *k_process_group,
        *k_app_group, *k_script_name, *k_path_info;
    int multithread, multiprocess;
    size_t nkeys;
    KeyEntry keys[KEY_SLOTS];
};

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return h;
}

/* The str for an environ key (a new reference): cached per VM. */
static PylObject *key_str(PylVM *vm, PylVMCache *c, const char *name, size_t len)
{
    uint32_t h = fnv1a(name, len);
    size_t i = h & (KEY_SLOTS - 1);
    for (; c->keys[i].name != NULL; i = (i + 1) & (KEY_SLOTS - 1)) {
        KeyEntry *e = &c->keys[i];
        if (e->hash == h && e->len == len && memcmp(e->name, name, len) == 0) {
            return pyl_api_incref(e->str);
        }
    }
    PylObject *s = pyl_api_str_from_latin1(vm, name, len);
    if (s == NULL || c->nkeys >= KEY_MAX) {
        return s;
    }
    char *copy = malloc(len + 1);
    if (copy != NULL) {
        memcpy(copy, name, len);
        copy[len] = '\0';
        c->keys[i] = (KeyEntry){copy, len, h, pyl_api_incref(s)};
        c->nkeys++;
    }
    return s;
}

static PylObject *cstr_key(PylVM *vm, PylVMCache *c, const char *name)
{
    return key_str(vm, c, name, strlen(name));
}

/* ---- the request ------------------------------------------------------------------------ */

#define MAX_OWNED 16

typedef struct PylReq {
    request_rec *r;
    PylSlot *slot;
    PylVM *vm;
    PylVMCache *cache;
    PylGwResponse resp;
    apr_bucket_brigade *bb; /* output */
    apr_off_t body_sent;
    int aborted; /* the client went away */
    int cut;     /* more body than Content-Length was dropped */
    int queued;  /* buckets waiting in bb */
    /* wsgi.input */
    apr_bucket_brigade *ibb;
    char *ibuf;
    size_t istart, iend, icap;
    int ieof;
    int ierror; /* an HTTP status when reading the body failed */
    /* wsgi.errors: the line being written */
    char *ebuf;
    size_t elen, ecap;
    /* the native objects pointing here (owned; reset to NULL at the end) */
    PylObject *owned[MAX_OWNED];
    int nowned;
    PylObject *write;  /* borrowed from owned[] */
    PylObject **extra; /* file wrappers and their file objects past MAX_OWNED */
    size_t nextra, capextra;
} PylReq;

/* Keep o (a new reference, stolen) until the request ends. -1 when out of memory
 * (o released). */
static int own(PylReq *q, PylObject *o)
{
    if (q->nowned < MAX_OWNED) {
        q->owned[q->nowned++] = o;
        return 0;
    }
    if (q->nextra == q->capextra) {
        size_t cap = q->capextra ? q->capextra * 2 : 16;
        PylObject **p = realloc(q->extra, cap * sizeof *p);
        if (p == NULL) {
            pyl_api_decref(q->vm, o);
            pyl_api_raise(q->vm, "MemoryError", NULL);
            return -1;
        }
        q->extra = p;
        q->capextra = cap;
    }
    q->extra[q->nextra++] = o;
    return 0;
}

/* A native object of type pointing at q, owned by q too (a new reference). */
static PylObject *new_native(PylReq *q, PylObject *type, void *data)
{
    PylObject *o = pyl_api_native_new(q->vm, type, data);
    if (o == NULL || own(q, pyl_api_incref(o)) < 0) {
        pyl_api_decref(q->vm, o);
        return NULL;
    }
    return o;
}

static void release_owned(PylReq *q)
{
    for (int i = 0; i < q->nowned; i++) {
        pyl_api_native_set(q->vm, q->owned[i], NULL);
        pyl_api_decref(q->vm, q->owned[i]);
    }
    for (size_t i = 0; i < q->nextra; i++) {
        pyl_api_native_set(q->vm, q->extra[i], NULL);
        pyl_api_decref(q->vm, q->extra[i]);
    }
    free(q->extra);
    q->nowned = 0;
    q->extra = NULL;
    q->nextra = 0;
}

static PylObject *ended(PylVM *vm)
{
    return pyl_api_raise(vm, "OSError", "the request this object belonged to has ended");
}

/* ---- logging -------------------------------------------------------------------------- */

void pyl_log_text(request_rec *r, server_rec *s, const char *data, size_t n)
{
    while (n > 0) {
        const char *nl = memchr(data, '\n', n);
        size_t len = nl ? (size_t)(nl - data) : n;
        if (r != NULL) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "%.*s", (int)len, data);
        } else {
            ap_log_error(APLOG_MARK, APLOG_ERR, 0, s, "%.*s", (int)len, data);
        }
        size_t step = nl ? len + 1 : len;
        data += step;
        n -= step;
    }
}

void pyl_log_exception(PylVM *vm, request_rec *r, server_rec *s, const char *what)
{
    char *tb = pyl_api_err_traceback(vm);
    pyl_api_err_clear(vm);
    if (r != NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "mod_pyl: %s", what);
    } else {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, s, "mod_pyl: %s", what);
    }
    if (tb != NULL) {
        pyl_log_text(r, s, tb, strlen(tb));
        free(tb);
    }
}

/* ---- wsgi.input ------------------------------------------------------------------------- */

/* Read more of the body into ibuf (up to `want` bytes). 0, or -1 with OSError
 * (q->ierror = the status to answer with). At EOF q->ieof is set. */
static int input_fill(PylReq *q, size_t want)
{
    if (q->ieof) {
        return 0;
    }
    if (want < 8192) {
        want = 8192;
    } else if (want > 1 << 20) {
        want = 1 << 20;
    }
    if (q->istart > 0 && q->istart == q->iend) {
        q->istart = q->iend = 0;
    }
    apr_status_t rv = ap_get_brigade(q->r->input_filters, q->ibb, AP_MODE_READBYTES, APR_BLOCK_READ,
                                     (apr_off_t)want);
    if (rv != APR_SUCCESS) {
        apr_brigade_cleanup(q->ibb);
        q->ierror = ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
        q->ieof = 1;
        pyl_api_raise(q->vm, "OSError",
                      "cannot read the request body: larger than LimitRequestBody, malformed, "
                      "or the client timed out");
        return -1;
    }
    for (apr_bucket *b = APR_BRIGADE_FIRST(q->ibb); b != APR_BRIGADE_SENTINEL(q->ibb);
         b = APR_BUCKET_NEXT(b)) {
        if (APR_BUCKET_IS_EOS(b)) {
            q->ieof = 1;
            break;
        }
        if (APR_BUCKET_IS_METADATA(b)) {
            continue;
        }
        const char *data;
        apr_size_t len;
        rv = apr_bucket_read(b, &data, &len, APR_BLOCK_READ);
        if (rv != APR_SUCCESS) {
            apr_brigade_cleanup(q->ibb);
            q->ierror = HTTP_BAD_REQUEST;
            q->ieof = 1;
            pyl_api_raise(q->vm, "OSError", "error reading the request body");
            return -1;
        }
        if (q->iend + len > q->icap) {
            if (q->istart > 0) {
                memmove(q->ibuf, q->ibuf + q->istart, q->iend - q->istart);
                q->iend -= q->istart;
                q->istart = 0;
            }
            size_t cap = q->icap ? q->icap : 16384;
            while (cap < q->iend + len) {
                cap *= 2;
            }
            char *p = realloc(q->ibuf, cap);
            if (p == NULL) {
                apr_brigade_cleanup(q->ibb);
                pyl_api_raise(q->vm, "MemoryError", NULL);
                return -1;
            }
            q->ibuf = p;
            q->icap = cap;
        }
        memcpy(q->ibuf + q->iend, data, len);
        q->iend += len;
    }
    apr_brigade_cleanup(q->ibb);
    return 0;
}

/* Take n buffered bytes as a bytes object. */
static PylObject *input_take(PylReq *q, size_t n)
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
    PylReq *q = data;
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
static PylObject *read_line(PylReq *q, int64_t size)
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
        if (line == NULL || pyl_api_bytes_data(vm, line, &p, &n) < 0 || n == 0) {
            if (line == NULL) {
                pyl_api_decref(vm, list);
                list = NULL;
            }
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

/* __next__: the next line, exhausted at EOF. */
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

/* ---- wsgi.errors ------------------------------------------------------------------------- */

static void errors_flush_buf(PylReq *q, int all)
{
    size_t start = 0;
    for (size_t i = 0; i < q->elen; i++) {
        if (q->ebuf[i] == '\n') {
            pyl_log_text(q->r, NULL, q->ebuf + start, i - start + 1);
            start = i + 1;
        }
    }
    if (all && start < q->elen) {
        pyl_log_text(q->r, NULL, q->ebuf + start, q->elen - start);
        start = q->elen;
    }
    memmove(q->ebuf, q->ebuf + start, q->elen - start);
    q->elen -= start;
}

static int errors_put(PylReq *q, PylObject *s)
{
    size_t n;
    const char *text = pyl_api_str_as_utf8(q->vm, s, &n);
    if (text == NULL) {
        return -1;
    }
    if (q->elen + n > q->ecap) {
        size_t cap = q->ecap ? q->ecap : 256;
        while (cap < q->elen + n) {
            cap *= 2;
        }
        char *p = realloc(q->ebuf, cap);
        if (p == NULL) {
            pyl_api_raise(q->vm, "MemoryError", NULL);
            return -1;
        }
        q->ebuf = p;
        q->ecap = cap;
    }
    memcpy(q->ebuf + q->elen, text, n);
    q->elen += n;
    if (memchr(text, '\n', n) != NULL || q->elen > 8192) {
        errors_flush_buf(q, q->elen > 8192);
    }
    return 0;
}

/* write(str) */
static PylObject *errors_write(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                               PylObject *kwnames)
{
    if (data == NULL) {
        return ended(vm);
    }
    if (nargs != 2 || kwnames != NULL) {
        return pyl_api_raise(vm, "TypeError", "write() takes exactly one argument");
    }
    if (!pyl_api_is_str(vm, args[1])) {
        return pyl_api_raise(vm, "TypeError", "write() argument must be str, not %s",
                             pyl_api_type_name(vm, args[1]));
    }
    return errors_put(data, args[1]) < 0 ? NULL : pyl_api_none(vm);
}

/* writelines(iterable of str) */
static PylObject *errors_writelines(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                    PylObject *kwnames)
{
    if (data == NULL) {
        return ended(vm);
    }
    if (nargs != 2 || kwnames != NULL) {
        return pyl_api_raise(vm, "TypeError", "writelines() takes exactly one argument");
    }
    PylObject *it = pyl_api_iter(vm, args[1]), *item;
    if (it == NULL) {
        return NULL;
    }
    int r;
    while ((r = pyl_api_iter_next(vm, it, &item)) == 1) {
        if (!pyl_api_is_str(vm, item)) {
            pyl_api_raise(vm, "TypeError", "writelines() items must be str, not %s",
                          pyl_api_type_name(vm, item));
            r = -1;
        } else {
            r = errors_put(data, item);
        }
        pyl_api_decref(vm, item);
        if (r < 0) {
            break;
        }
    }
    pyl_api_decref(vm, it);
    return r < 0 ? NULL : pyl_api_none(vm);
}

static PylObject *errors_flush(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                               PylObject *kwnames)
{
    if (data != NULL) {
        errors_flush_buf(data, 1);
    }
    return pyl_api_none(vm);
}

static const PylNativeMethod errors_methods[] = {
    {"write", errors_write},
    {"writelines", errors_writelines},
    {"flush", errors_flush},
    {NULL, NULL},
};

/* ---- the response ------------------------------------------------------------------------- */

/* Put the application's status and headers on r (once, before the first body
 * bytes or the end of an empty body). */
static void apply_headers(PylReq *q)
{
    request_rec *r = q->r;
    PylGwResponse *resp = &q->resp;
    r->status = resp->status;
    r->status_line = apr_pstrdup(r->pool, resp->status_line);
    for (size_t i = 0; i < resp->nheaders; i++) {
        const PylGwHeader *h = &resp->headers[i];
        if (h->value == resp->content_type) {
            ap_set_content_type(r, apr_pstrdup(r->pool, h->value));
        } else if (resp->content_length >= 0 && strcasecmp(h->name, "Content-Length") == 0) {
            ap_set_content_length(r, resp->content_length);
        } else {
            apr_table_add(r->headers_out, h->name, h->value);
        }
    }
    pyl_gw_mark_sent(resp);
}

/* Queue n bytes of body (borrowed until the next pass), cut to Content-Length. */
static void queue_body(PylReq *q, const char *data, size_t n)
{
    if (!q->resp.sent) {
        apply_headers(q);
    }
    size_t allowed = pyl_gw_body_allowed(&q->resp, q->body_sent, n);
    if (allowed < n && !q->cut) {
        q->cut = 1;
        ap_log_rerror(
            APLOG_MARK, APLOG_ERR, 0, q->r,
            "mod_pyl: the application sent more than its Content-Length of %" APR_INT64_T_FMT
            " bytes; the rest is dropped",
            (apr_int64_t)q->resp.content_length);
    }
    if (allowed > 0) {
        APR_BRIGADE_INSERT_TAIL(
            q->bb, apr_bucket_transient_create(data, allowed, q->r->connection->bucket_alloc));
        q->body_sent += (apr_off_t)allowed;
        q->queued = 1;
    }
}

/* Send what is queued, with a FLUSH and / or EOS. 0, or -1 when the client is
 * gone (q->aborted). */
static int pass(PylReq *q, int flush, int eos)
{
    conn_rec *c = q->r->connection;
    if (q->aborted) {
        apr_brigade_cleanup(q->bb);
        return -1;
    }
    if (flush) {
        APR_BRIGADE_INSERT_TAIL(q->bb, apr_bucket_flush_create(c->bucket_alloc));
    }
    if (eos) {
        APR_BRIGADE_INSERT_TAIL(q->bb, apr_bucket_eos_create(c->bucket_alloc));
    }
    if (APR_BRIGADE_EMPTY(q->bb)) {
        return 0;
    }
    apr_status_t rv = ap_pass_brigade(q->r->output_filters, q->bb);
    apr_brigade_cleanup(q->bb);
    q->queued = 0;
    if (rv != APR_SUCCESS || c->aborted) {
        q->aborted = 1;
        return -1;
    }
    return 0;
}

/* write(data): the imperative API; goes out at once. */
static PylObject *write_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    PylReq *q = data;
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
    queue_body(q, p, n);
    if (pass(q, 1, 0) < 0) {
        return pyl_api_raise(vm, "OSError", "the client closed the connection");
    }
    return pyl_api_none(vm);
}

/* start_response(status, headers, exc_info=None) -> write */
static PylObject *start_call(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                             PylObject *kwnames)
{
    PylReq *q = data;
    if (q == NULL) {
        return ended(vm);
    }
    if (pyl_gw_start_response(vm, &q->resp, args + 1, nargs - 1, kwnames) < 0) {
        return NULL;
    }
    if (q->write == NULL) {
        q->write = new_native(q, q->cache->write_type, q);
        if (q->write == NULL) {
            return NULL;
        }
        return q->write;
    }
    return pyl_api_incref(q->write);
}

/* ---- wsgi.file_wrapper ---------------------------------------------------------------------- */

typedef struct FileWrap {
    PylObject *filelike; /* borrowed: the request owns a reference */
    int64_t blksize;
} FileWrap;

static PylObject *wrapper_next(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                               PylObject *kwnames)
{
    FileWrap *w = data;
    if (w == NULL || w->filelike == NULL) {
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
    if (w == NULL || w->filelike == NULL) {
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

/* wsgi.file_wrapper is made per request (it needs the request to own what it
 * makes): file_wrapper(filelike, block_size=8192). */
static PylObject *request_file_wrapper(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                       PylObject *kwnames)
{
    PylReq *q = data;
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
    if (blk <= 0) {
        blk = 8192;
    }
    FileWrap *w = apr_palloc(q->r->pool, sizeof *w);
    w->filelike = args[1];
    w->blksize = blk;
    if (own(q, pyl_api_incref(args[1])) < 0) {
        return NULL;
    }
    return new_native(q, q->cache->wrapper_type, w);
}

/* The response of a file wrapper straight from its file descriptor (sendfile
 * when EnableSendfile is on): 1 sent, 0 not possible (iterate instead), -1
 * exception. */
static int send_file(PylReq *q, PylObject *wrapper)
{
    PylVM *vm = q->vm;
    FileWrap *w = pyl_api_native_get(vm, wrapper);
    if (w == NULL || w->filelike == NULL || !q->resp.started) {
        return 0;
    }
    int64_t fd = -1, pos = -1;
    PylObject *o = pyl_api_call_method(vm, w->filelike, "fileno", NULL, 0, NULL);
    if (o == NULL || pyl_api_int_as_i64(vm, o, &fd) < 0) {
        pyl_api_decref(vm, o);
        pyl_api_err_clear(vm);
        return 0;
    }
    pyl_api_decref(vm, o);
    o = pyl_api_call_method(vm, w->filelike, "tell", NULL, 0, NULL);
    if (o == NULL || pyl_api_int_as_i64(vm, o, &pos) < 0) {
        pyl_api_err_clear(vm);
        pos = lseek((int)fd, 0, SEEK_CUR);
    }
    pyl_api_decref(vm, o);
    struct stat st;
    if (fd < 0 || pos < 0 || fstat((int)fd, &st) != 0 || !S_ISREG(st.st_mode) || pos > st.st_size) {
        return 0;
    }
    int64_t len = st.st_size - pos;
    if (q->resp.content_length >= 0 && q->resp.content_length < len) {
        len = q->resp.content_length;
    }
    int dupfd = dup((int)fd);
    if (dupfd < 0) {
        return 0;
    }
    request_rec *r = q->r;
    apr_file_t *f = NULL;
    apr_os_file_t osf = dupfd;
    core_dir_config *cd = ap_get_core_module_config(r->per_dir_config);
    apr_int32_t flags = APR_FOPEN_READ;
    if (cd->enable_sendfile == ENABLE_SENDFILE_ON) {
        flags |= APR_FOPEN_SENDFILE_ENABLED;
    }
    if (apr_os_file_put(&f, &osf, flags, r->pool) != APR_SUCCESS) {
        close(dupfd);
        return 0;
    }
    apr_pool_cleanup_register(r->pool, f, (apr_status_t(*)(void *))apr_file_close,
                              apr_pool_cleanup_null);
    if (!q->resp.sent) {
        apply_headers(q);
    }
    if (q->resp.content_length < 0) {
        ap_set_content_length(r, (apr_off_t)len);
    }
    if (!r->header_only && len > 0) {
        apr_brigade_insert_file(q->bb, f, (apr_off_t)pos, (apr_off_t)len, r->pool);
        q->body_sent += (apr_off_t)len;
    }
    pass(q, 0, 1);
    return 1;
}

/* ---- environ ----------------------------------------------------------------------------- */

static int env_set(PylReq *q, PylObject *env, PylObject *key, PylObject *value)
{
    int r = key && value ? pyl_api_dict_set(q->vm, env, key, value) : -1;
    return r;
}

/* environ[key] = value (Latin-1 C strings); 0 or -1. */
static int env_cset(PylReq *q, PylObject *env, const char *key, size_t klen, const char *value)
{
    PylObject *k = key_str(q->vm, q->cache, key, klen);
    PylObject *v = k ? pyl_api_str_from_latin1(q->vm, value, strlen(value)) : NULL;
    int r = env_set(q, env, k, v);
    pyl_api_decref(q->vm, v);
    pyl_api_decref(q->vm, k);
    return r;
}

/* The WSGI environ of the request: the CGI variables Apache computes (with
 * SetEnv's), SCRIPT_NAME / PATH_INFO split at the mount point, and the wsgi.*
 * and mod_pyl.* keys. A new reference, or NULL with an exception. */
static PylObject *build_environ(PylReq *q, const PylDirConf *dconf, const char *script_name,
                                PylObject *input, PylObject *errors, PylObject *wrapper)
{
    request_rec *r = q->r;
    PylVM *vm = q->vm;
    PylVMCache *c = q->cache;
    ap_add_common_vars(r);
    apr_table_t *e = r->subprocess_env;
    apr_table_setn(e, "GATEWAY_INTERFACE", "CGI/1.1");
    apr_table_setn(e, "SERVER_PROTOCOL", r->protocol);
    apr_table_setn(e, "REQUEST_METHOD", r->method);
    apr_table_setn(e, "QUERY_STRING", r->args ? r->args : "");
    apr_table_setn(e, "REQUEST_URI", r->unparsed_uri);
    if (dconf->pass_auth == 1) {
        const char *auth = apr_table_get(r->headers_in, "Authorization");
        if (auth != NULL) {
            apr_table_setn(e, "HTTP_AUTHORIZATION", auth);
        }
    }
    int https = strcmp(ap_http_scheme(r), "https") == 0;
    if (https && apr_table_get(e, "HTTPS") == NULL) {
        apr_table_setn(e, "HTTPS", "on");
    }
    PylObject *env = pyl_api_dict_new(vm);
    if (env == NULL) {
        return NULL;
    }
    const apr_array_header_t *arr = apr_table_elts(e);
    const apr_table_entry_t *ent = (const apr_table_entry_t *)arr->elts;
    for (int i = 0; i < arr->nelts; i++) {
        if (ent[i].key == NULL || ent[i].val == NULL) {
            continue;
        }
        if (env_cset(q, env, ent[i].key, strlen(ent[i].key), ent[i].val) < 0) {
            goto error;
        }
    }
    const char *path_info = r->path_info ? r->path_info : "";
    if (env_cset(q, env, "SCRIPT_NAME", 11, script_name) < 0 ||
        env_cset(q, env, "PATH_INFO", 9, path_info) < 0 ||
        env_set(q, env, c->k_version, c->version) < 0 ||
        env_set(q, env, c->k_url_scheme, https ? c->https : c->http) < 0 ||
        env_set(q, env, c->k_input, input) < 0 || env_set(q, env, c->k_errors, errors) < 0 ||
        env_set(q, env, c->k_multithread, pyl_api_bool_new(vm, c->multithread)) < 0 ||
        env_set(q, env, c->k_multiprocess, pyl_api_bool_new(vm, c->multiprocess)) < 0 ||
        env_set(q, env, c->k_run_once, pyl_api_false(vm)) < 0 ||
        env_set(q, env, c->k_file_wrapper, wrapper) < 0 ||
        env_set(q, env, c->k_input_terminated, pyl_api_true(vm)) < 0 ||
        env_set(q, env, c->k_mod_version, c->mod_version) < 0 ||
        env_set(q, env, c->k_process_group, c->empty) < 0 ||
        env_set(q, env, c->k_app_group, c->app_group) < 0) {
        goto error;
    }
    return env;
error:
    pyl_api_decref(vm, env);
    return NULL;
}

/* ---- the cache ------------------------------------------------------------------------------- */

PylVMCache *pyl_cache_new(PylVM *vm, PylGroup *g)
{
    PylVMCache *c = calloc(1, sizeof *c);
    if (c == NULL) {
        return NULL;
    }
    static const PylNativeType input_spec = {"mod_pyl.Input", input_methods, NULL, NULL,
                                             input_next,      NULL};
    static const PylNativeType errors_spec = {
        "mod_pyl.Errors", errors_methods, NULL, NULL, NULL, NULL};
    static const PylNativeType start_spec = {
        "mod_pyl.StartResponse", NULL, NULL, NULL, NULL, start_call};
    static const PylNativeType write_spec = {"mod_pyl.Write", NULL, NULL, NULL, NULL, write_call};
    static const PylNativeType wrapper_spec = {
        "mod_pyl.FileWrapper", wrapper_methods, NULL, NULL, wrapper_next, NULL};
    static const PylNativeType fwfn_spec = {"mod_pyl.file_wrapper", NULL, NULL, NULL, NULL,
                                            request_file_wrapper};
    c->input_type = pyl_api_native_type_new(vm, &input_spec);
    c->errors_type = pyl_api_native_type_new(vm, &errors_spec);
    c->start_type = pyl_api_native_type_new(vm, &start_spec);
    c->write_type = pyl_api_native_type_new(vm, &write_spec);
    c->wrapper_type = pyl_api_native_type_new(vm, &wrapper_spec);
    c->file_wrapper_type = pyl_api_native_type_new(vm, &fwfn_spec);
    PylObject *one = pyl_api_int_from_i64(vm, 1), *zero = pyl_api_int_from_i64(vm, 0);
    PylObject *ver[2] = {one, zero};
    c->version = pyl_api_tuple_new(vm, ver, 2);
    c->http = pyl_api_str_from_cstr(vm, "http");
    c->https = pyl_api_str_from_cstr(vm, "https");
    c->mod_version = pyl_api_str_from_cstr(vm, PYL_VERSION);
    c->empty = pyl_api_str_from_cstr(vm, "");
    c->app_group = pyl_api_str_from_latin1(vm, g->name, strlen(g->name));
    c->k_version = cstr_key(vm, c, "wsgi.version");
    c->k_url_scheme = cstr_key(vm, c, "wsgi.url_scheme");
    c->k_input = cstr_key(vm, c, "wsgi.input");
    c->k_errors = cstr_key(vm, c, "wsgi.errors");
    c->k_multithread = cstr_key(vm, c, "wsgi.multithread");
    c->k_multiprocess = cstr_key(vm, c, "wsgi.multiprocess");
    c->k_run_once = cstr_key(vm, c, "wsgi.run_once");
    c->k_file_wrapper = cstr_key(vm, c, "wsgi.file_wrapper");
    c->k_input_terminated = cstr_key(vm, c, "wsgi.input_terminated");
    c->k_mod_version = cstr_key(vm, c, "mod_pyl.version");
    c->k_process_group = cstr_key(vm, c, "mod_pyl.process_group");
    c->k_app_group = cstr_key(vm, c, "mod_pyl.application_group");
    c->k_script_name = cstr_key(vm, c, "SCRIPT_NAME");
    c->k_path_info = cstr_key(vm, c, "PATH_INFO");
    pyl_api_decref(vm, one);
    pyl_api_decref(vm, zero);
    int v;
    c->multithread =
        ap_mpm_query(AP_MPMQ_IS_THREADED, &v) == APR_SUCCESS && v != AP_MPMQ_NOT_SUPPORTED;
    c->multiprocess =
        ap_mpm_query(AP_MPMQ_IS_FORKED, &v) == APR_SUCCESS && v != AP_MPMQ_NOT_SUPPORTED;
    if (c->input_type == NULL || c->errors_type == NULL || c->start_type == NULL ||
        c->write_type == NULL || c->wrapper_type == NULL || c->file_wrapper_type == NULL ||
        c->version == NULL || c->http == NULL || c->https == NULL || c->mod_version == NULL ||
        c->empty == NULL || c->app_group == NULL || c->k_app_group == NULL ||
        c->k_path_info == NULL || c->k_script_name == NULL || c->k_version == NULL ||
        c->k_url_scheme == NULL || c->k_input == NULL || c->k_errors == NULL ||
        c->k_multithread == NULL || c->k_multiprocess == NULL || c->k_run_once == NULL ||
        c->k_file_wrapper == NULL || c->k_input_terminated == NULL || c->k_mod_version == NULL ||
        c->k_process_group == NULL) {
        pyl_cache_free(vm, c);
        return NULL;
    }
    return c;
}

void pyl_cache_free(PylVM *vm, PylVMCache *c)
{
    if (c == NULL) {
        return;
    }
    PylObject **objs[] = {
        &c->input_type,
        &c->errors_type,
        &c->start_type,
        &c->write_type,
        &c->wrapper_type,
        &c->file_wrapper_type,
        &c->version,
        &c->http,
        &c->https,
        &c->mod_version,
        &c->empty,
        &c->app_group,
        &c->k_version,
        &c->k_url_scheme,
        &c->k_input,
        &c->k_errors,
        &c->k_multithread,
        &c->k_multiprocess,
        &c->k_run_once,
        &c->k_file_wrapper,
        &c->k_input_terminated,
        &c->k_mod_version,
        &c->k_process_group,
        &c->k_app_group,
        &c->k_script_name,
        &c->k_path_info,
    };
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) {
        pyl_api_decref(vm, *objs[i]);
        *objs[i] = NULL;
    }
    for (size_t i = 0; i < KEY_SLOTS; i++) {
        if (c->keys[i].name != NULL) {
            pyl_api_decref(vm, c->keys[i].str);
            free(c->keys[i].name);
        }
    }
    free(c);
}

/* ---- running a request ------------------------------------------------------------------------ */

/* The application failed (an exception is pending): log it and decide the
 * answer. Before the headers went out: an error status for Apache's error page.
 * After: the connection is aborted (the client sees a truncated response). */
static int fail(PylReq *q, const char *what, const char *path)
{
    request_rec *r = q->r;
    int status = q->slot->timed_out ? HTTP_GATEWAY_TIME_OUT
                 : q->ierror != 0   ? q->ierror
                                    : HTTP_INTERNAL_SERVER_ERROR;
    if (pyl_api_err_matches(q->vm, "MemoryError")) {
        q->slot->recycle = 1; /* start from a clean heap */
    }
    pyl_log_exception(q->vm, r, NULL, apr_psprintf(r->pool, "%s in WSGI script '%s'", what, path));
    if (!q->resp.sent) {
        return status;
    }
    conn_rec *c = r->connection;
    c->keepalive = AP_CONN_CLOSE;
    if (!q->aborted) {
        apr_brigade_cleanup(q->bb);
        APR_BRIGADE_INSERT_TAIL(
            q->bb, ap_bucket_error_create(HTTP_BAD_GATEWAY, NULL, r->pool, c->bucket_alloc));
        APR_BRIGADE_INSERT_TAIL(q->bb, apr_bucket_eos_create(c->bucket_alloc));
        ap_pass_brigade(r->output_filters, q->bb);
        apr_brigade_cleanup(q->bb);
    }
    return OK;
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

/* Send the iterable's items. 0 done (or the client went away), -1 exception. */
static int send_iterable(PylReq *q, PylObject *result)
{
    PylVM *vm = q->vm;
    const char *p;
    size_t n;
    if (pyl_api_is_list(vm, result) || pyl_api_is_tuple(vm, result)) {
        /* every item exists already: one brigade, Apache computes the length */
        int list = pyl_api_is_list(vm, result);
        ptrdiff_t len = list ? pyl_api_list_size(vm, result) : pyl_api_tuple_size(vm, result);
        if (len > 0 && !q->resp.started) {
            pyl_api_raise(vm, "RuntimeError",
                          "the application returned a body without calling start_response()");
            return -1;
        }
        for (ptrdiff_t i = 0; i < len; i++) {
            PylObject *item = list ? pyl_api_list_get(vm, result, (size_t)i)
                                   : pyl_api_tuple_get(vm, result, (size_t)i);
            if (item == NULL) {
                return -1;
            }
            int rc = pyl_gw_body_data(vm, item, &p, &n);
            /* the list keeps the item alive until the brigade went out */
            pyl_api_decref(vm, item);
            if (rc < 0) {
                apr_brigade_cleanup(q->bb);
                return -1;
            }
            if (n > 0) {
                queue_body(q, p, n);
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
        if (pyl_gw_body_data(vm, item, &p, &n) < 0) {
            pyl_api_decref(vm, item);
            rc = -1;
            break;
        }
        if (n > 0) {
            if (!q->resp.started) {
                pyl_api_decref(vm, item);
                pyl_api_raise(vm, "RuntimeError",
                              "the application yielded body data before calling "
                              "start_response()");
                rc = -1;
                break;
            }
            queue_body(q, p, n);
            int gone = pass(q, 1, 0);
            pyl_api_decref(vm, item);
            if (gone < 0) {
                ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, q->r,
                              "mod_pyl: the client closed the connection; response ended");
                rc = 0;
                break;
            }
        } else {
            pyl_api_decref(vm, item);
        }
    }
    pyl_api_decref(vm, it);
    return rc < 0 ? -1 : 0;
}

int pyl_request_run(PylSlot *slot, PylApp *app, request_rec *r, const PylDirConf *dconf,
                    const char *script_name)
{
    PylVM *vm = slot->vm;
    PylReq q;
    memset(&q, 0, sizeof q);
    q.r = r;
    q.slot = slot;
    q.vm = vm;
    q.cache = slot->cache;
    pyl_gw_response_init(&q.resp);
    q.bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    q.ibb = apr_brigade_create(r->pool, r->connection->bucket_alloc);

    int status = OK;
    PylObject *environ = NULL, *result = NULL;
    PylObject *input = new_native(&q, q.cache->input_type, &q);
    PylObject *errors = input ? new_native(&q, q.cache->errors_type, &q) : NULL;
    PylObject *start = errors ? new_native(&q, q.cache->start_type, &q) : NULL;
    PylObject *wrapper = start ? new_native(&q, q.cache->file_wrapper_type, &q) : NULL;
    if (wrapper != NULL) {
        environ = build_environ(&q, dconf, script_name, input, errors, wrapper);
    }
    pyl_api_decref(vm, input);
    pyl_api_decref(vm, errors);
    pyl_api_decref(vm, wrapper);
    if (environ == NULL) {
        pyl_api_decref(vm, start);
        status = fail(&q, "cannot build the environ", r->filename);
        goto done;
    }
    apr_interval_time_t timeout = dconf->timeout > 0 ? dconf->timeout : 0;
    if (timeout > 0) {
        pyl_slot_arm(slot, timeout);
    }
    PylObject *args[2] = {environ, start};
    result = pyl_api_call(vm, app->callable, args, 2, NULL);
    pyl_api_decref(vm, start);
    if (result == NULL) {
        status = fail(&q, "exception", r->filename);
        goto disarm;
    }
    int rc;
    if (pyl_api_native_check(vm, result, q.cache->wrapper_type)) {
        rc = send_file(&q, result);
        if (rc == 0) {
            rc = send_iterable(&q, result);
        } else if (rc == 1) {
            rc = 0;
        }
    } else {
        rc = send_iterable(&q, result);
    }
    if (rc < 0) {
        /* close() still runs: its own error is logged after this one */
        status = fail(&q, "exception", r->filename);
        if (call_close(vm, result) < 0) {
            pyl_log_exception(vm, r, NULL, "exception in close() of the response iterable");
        }
        goto disarm;
    }
    if (call_close(vm, result) < 0) {
        status = fail(&q, "exception in close()", r->filename);
        goto disarm;
    }
    if (!q.resp.started) {
        pyl_api_raise(vm, "RuntimeError",
                      "the application returned without calling start_response()");
        status = fail(&q, "error", r->filename);
        goto disarm;
    }
    if (!q.aborted) {
        if (!q.resp.sent) {
            apply_headers(&q);
        }
        if (q.resp.content_length >= 0 && q.body_sent < q.resp.content_length && !r->header_only) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                          "mod_pyl: the application sent %" APR_OFF_T_FMT
                          " bytes of its Content-Length of %" APR_INT64_T_FMT
                          "; closing the connection",
                          q.body_sent, (apr_int64_t)q.resp.content_length);
            r->connection->keepalive = AP_CONN_CLOSE;
            /* the body goes out before the EOS, so that Apache's length filter
             * keeps the application's Content-Length: the client must see the
             * response is short */
            pass(&q, 1, 0);
        }
        pass(&q, 0, 1);
    }
disarm:
    if (timeout > 0) {
        pyl_slot_disarm(slot);
    }
done:
    pyl_api_decref(vm, result);
    pyl_api_decref(vm, environ);
    release_owned(&q);
    if (q.elen > 0) {
        errors_flush_buf(&q, 1);
    }
    free(q.ebuf);
    free(q.ibuf);
    pyl_gw_response_clear(&q.resp);
    if (pyl_api_err_pending(vm)) {
        pyl_log_exception(vm, r, NULL, "exception while ending the request");
    }
    return status;
}
