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
