/* request.c — one WSGI request in a borrowed VM, the Apache half: the environ,
 * the body read through Apache's input filters, wsgi.errors, the response
 * streamed through bucket brigades (sendfile for a file wrapper), and what an
 * exception turns into. wsgi.input, start_response / write, the file wrapper
 * and the body loop are the gateway's (gateway.h), shared with `pyl --cgi`;
 * the callbacks of `server` below connect them to Apache.
 *
 * The request's state is a PylReq on the handler's C stack, with the shared
 * PylGwRequest inside. The native objects handed to the application point at
 * one or the other; when the request ends they are pointed at NULL, so an
 * application that kept one gets an exception instead of a dangling pointer.
 *
 *     environ ----> wsgi.input   --data--> PylGwRequest <--data-- start_response
 *                   wsgi.errors  --data--> PylReq (r, brigades) <-- callbacks
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
    PylGwTypes gw; /* wsgi.input, start_response, write, file wrappers */
    PylObject *errors_type;
    PylObject *version; /* (1, 0) */
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

typedef struct PylReq {
    PylGwRequest g; /* the server-independent half; g.ctx is this PylReq */
    request_rec *r;
    PylSlot *slot;
    PylVM *vm;
    PylVMCache *cache;
    int status;              /* what the handler returns */
    apr_bucket_brigade *bb;  /* output */
    int aborted;             /* the client went away */
    apr_bucket_brigade *ibb; /* wsgi.input */
    /* wsgi.errors: the line being written */
    char *ebuf;
    size_t elen, ecap;
} PylReq;

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

/* ---- the request body ------------------------------------------------------------------ */

/* PylGwServer.fill: read more of the body through the input filters (so chunked
 * bodies and LimitRequestBody work), appending what the brigade holds. */
static int input_fill(void *ctx, PylGwInput *in, size_t want)
{
    PylReq *q = ctx;
    apr_status_t rv = ap_get_brigade(q->r->input_filters, q->ibb, AP_MODE_READBYTES, APR_BLOCK_READ,
                                     (apr_off_t)want);
    if (rv != APR_SUCCESS) {
        apr_brigade_cleanup(q->ibb);
        in->error = ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
        in->eof = 1;
        pyl_api_raise(q->vm, "OSError",
                      "cannot read the request body: larger than LimitRequestBody, malformed, "
                      "or the client timed out");
        return -1;
    }
    for (apr_bucket *b = APR_BRIGADE_FIRST(q->ibb); b != APR_BRIGADE_SENTINEL(q->ibb);
         b = APR_BUCKET_NEXT(b)) {
        if (APR_BUCKET_IS_EOS(b)) {
            in->eof = 1;
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
            in->error = HTTP_BAD_REQUEST;
            in->eof = 1;
            pyl_api_raise(q->vm, "OSError", "error reading the request body");
            return -1;
        }
        char *dst = pyl_gw_input_space(q->vm, in, len);
        if (dst == NULL) {
            apr_brigade_cleanup(q->ibb);
            return -1;
        }
        memcpy(dst, data, len);
        in->end += len;
    }
    apr_brigade_cleanup(q->ibb);
    return 0;
}

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
    if (pyl_gw_grow(&q->ebuf, &q->ecap, q->elen + n, 256) < 0) {
        pyl_api_raise(q->vm, "MemoryError", NULL);
        return -1;
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
        return pyl_gw_ended(vm);
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
        return pyl_gw_ended(vm);
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
    PylGwResponse *resp = &q->g.resp;
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

/* PylGwServer.headers */
static int out_headers(void *ctx)
{
    apply_headers(ctx);
    return 0;
}

/* PylGwServer.body: a transient bucket (the data stays alive until the next
 * pass). */
static int out_body(void *ctx, const char *data, size_t n)
{
    PylReq *q = ctx;
    APR_BRIGADE_INSERT_TAIL(q->bb,
                            apr_bucket_transient_create(data, n, q->r->connection->bucket_alloc));
    return 0;
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
    if (rv != APR_SUCCESS || c->aborted) {
        q->aborted = 1;
        return -1;
    }
    return 0;
}

/* PylGwServer.send */
static int out_send(void *ctx)
{
    return pass(ctx, 1, 0);
}

/* PylGwServer.send_file: the response of a file wrapper straight from its file
 * descriptor (sendfile when EnableSendfile is on). 1 sent, 0 not possible. */
static int out_file(void *ctx, PylObject *filelike)
{
    PylReq *q = ctx;
    PylVM *vm = q->vm;
    PylGwResponse *resp = &q->g.resp;
    int64_t fd = -1, pos = -1;
    PylObject *o = pyl_api_call_method(vm, filelike, "fileno", NULL, 0, NULL);
    if (o == NULL || pyl_api_int_as_i64(vm, o, &fd) < 0) {
        pyl_api_decref(vm, o);
        pyl_api_err_clear(vm);
        return 0;
    }
    pyl_api_decref(vm, o);
    o = pyl_api_call_method(vm, filelike, "tell", NULL, 0, NULL);
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
    if (resp->content_length >= 0 && resp->content_length < len) {
        len = resp->content_length;
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
    if (!resp->sent) {
        apply_headers(q);
    }
    if (resp->content_length < 0) {
        ap_set_content_length(r, (apr_off_t)len);
    }
    if (!r->header_only && len > 0) {
        apr_brigade_insert_file(q->bb, f, (apr_off_t)pos, (apr_off_t)len, r->pool);
        q->g.body_sent += len;
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
    static const char *const gw_names[5] = {"mod_pyl.Input", "mod_pyl.StartResponse",
                                            "mod_pyl.Write", "mod_pyl.FileWrapper",
                                            "mod_pyl.file_wrapper"};
    static const PylNativeType errors_spec = {
        "mod_pyl.Errors", errors_methods, NULL, NULL, NULL, NULL};
    int gw = pyl_gw_types_init(vm, &c->gw, gw_names);
    c->errors_type = pyl_api_native_type_new(vm, &errors_spec);
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
    if (gw < 0 || c->errors_type == NULL || c->version == NULL || c->http == NULL ||
        c->https == NULL || c->mod_version == NULL || c->empty == NULL || c->app_group == NULL ||
        c->k_app_group == NULL || c->k_path_info == NULL || c->k_script_name == NULL ||
        c->k_version == NULL || c->k_url_scheme == NULL || c->k_input == NULL ||
        c->k_errors == NULL || c->k_multithread == NULL || c->k_multiprocess == NULL ||
        c->k_run_once == NULL || c->k_file_wrapper == NULL || c->k_input_terminated == NULL ||
        c->k_mod_version == NULL || c->k_process_group == NULL) {
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
    pyl_gw_types_clear(vm, &c->gw);
    PylObject **objs[] = {
        &c->errors_type,    &c->version,         &c->http,           &c->https,
        &c->mod_version,    &c->empty,           &c->app_group,      &c->k_version,
        &c->k_url_scheme,   &c->k_input,         &c->k_errors,       &c->k_multithread,
        &c->k_multiprocess, &c->k_run_once,      &c->k_file_wrapper, &c->k_input_terminated,
        &c->k_mod_version,  &c->k_process_group, &c->k_app_group,    &c->k_script_name,
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
static int fail(PylReq *q, const char *what)
{
    request_rec *r = q->r;
    int status = q->slot->timed_out   ? HTTP_GATEWAY_TIME_OUT
                 : q->g.in.error != 0 ? q->g.in.error
                                      : HTTP_INTERNAL_SERVER_ERROR;
    if (pyl_api_err_matches(q->vm, "MemoryError")) {
        q->slot->recycle = 1; /* start from a clean heap */
    }
    pyl_log_exception(q->vm, r, NULL,
                      apr_psprintf(r->pool, "%s in WSGI script '%s'", what, r->filename));
    if (!q->g.resp.sent) {
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

/* PylGwServer.fail */
static void gw_fail(void *ctx, const char *what)
{
    PylReq *q = ctx;
    q->status = fail(q, what);
}

/* PylGwServer.log_exception */
static void gw_log_exception(void *ctx, const char *what)
{
    PylReq *q = ctx;
    pyl_log_exception(q->vm, q->r, NULL, what);
}

/* PylGwServer.note */
static void gw_note(void *ctx, const char *msg)
{
    PylReq *q = ctx;
    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, q->r, "mod_pyl: %s", msg);
}

static const PylGwServer server = {
    input_fill, out_headers, out_body, out_send, out_file, gw_note, gw_fail, gw_log_exception,
};

int pyl_request_run(PylSlot *slot, PylApp *app, request_rec *r, const PylDirConf *dconf,
                    const char *script_name)
{
    PylVM *vm = slot->vm;
    PylReq q;
    q.r = r;
    q.slot = slot;
    q.vm = vm;
    q.cache = slot->cache;
    q.status = OK;
    q.aborted = 0;
    q.ebuf = NULL;
    q.elen = q.ecap = 0;
    pyl_gw_request_init(&q.g, vm, &q.cache->gw, &server, &q);
    q.bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    q.ibb = apr_brigade_create(r->pool, r->connection->bucket_alloc);

    PylObject *environ = NULL, *result = NULL;
    PylObject *input = pyl_gw_native_new(&q.g, q.cache->gw.input, &q.g);
    PylObject *errors = input ? pyl_gw_native_new(&q.g, q.cache->errors_type, &q) : NULL;
    PylObject *start = errors ? pyl_gw_native_new(&q.g, q.cache->gw.start, &q.g) : NULL;
    PylObject *wrapper = start ? pyl_gw_native_new(&q.g, q.cache->gw.file_wrapper, &q.g) : NULL;
    if (wrapper != NULL) {
        environ = build_environ(&q, dconf, script_name, input, errors, wrapper);
    }
    pyl_api_decref(vm, input);
    pyl_api_decref(vm, errors);
    pyl_api_decref(vm, wrapper);
    if (environ == NULL) {
        pyl_api_decref(vm, start);
        q.status = fail(&q, "cannot build the environ");
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
        q.status = fail(&q, "exception");
        goto disarm;
    }
    int rc = pyl_gw_respond(&q.g, result);
    if (rc < 0) {
        goto disarm;
    }
    if (rc == 1) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                      "mod_pyl: the client closed the connection; response ended");
    }
    if (!q.aborted) {
        if (!q.g.resp.sent) {
            apply_headers(&q);
        }
        if (q.g.resp.content_length >= 0 && q.g.body_sent < q.g.resp.content_length &&
            !r->header_only) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                          "mod_pyl: the application sent %" APR_INT64_T_FMT
                          " bytes of its Content-Length of %" APR_INT64_T_FMT
                          "; closing the connection",
                          (apr_int64_t)q.g.body_sent, (apr_int64_t)q.g.resp.content_length);
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
    pyl_gw_request_end(&q.g);
    if (q.elen > 0) {
        errors_flush_buf(&q, 1);
    }
    free(q.ebuf);
    if (pyl_api_err_pending(vm)) {
        pyl_log_exception(vm, r, NULL, "exception while ending the request");
    }
    return q.status;
}
