/* _json.c — the fast half of the json module: the whole encoder (objects to JSON
 * text) and the whole decoder (JSON text to objects). lib/json/ holds the API
 * (dumps, loads, JSONEncoder, JSONDecoder, JSONDecodeError) and calls
 *
 *   _json.encode(obj, default, indent, key_separator, item_separator,
 *                sort_keys, skipkeys, ensure_ascii, check_circular, allow_nan) -> str
 *   _json.scan(s, idx, whole, strict, object_hook, object_pairs_hook,
 *              parse_float, parse_int, parse_constant, JSONDecodeError) -> (obj, end)
 *
 * Both work on the UTF-8 bytes of str objects. Positions reported to Python
 * (scan's idx and end, JSONDecodeError.pos) count code points, as CPython's.
 * The encoder appends to one PylBuf; any user code it calls (default, sort
 * comparisons) runs with the containers being walked referenced, not borrowed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"

/* ---- encoder -------------------------------------------------------------------------- */

typedef struct Enc {
    PylBuf b;
    PylObject *default_fn;         /* called for unknown objects (borrowed) */
    PylObject *indent;             /* str, or NULL for the compact form */
    PylObject *key_sep, *item_sep; /* str */
    bool sort_keys, skipkeys, ensure_ascii, check_circular, allow_nan;
    PylObject **marks; /* containers being encoded (check_circular) */
    intptr_t nmarks, capmarks;
    intptr_t level; /* indentation level */
} Enc;

static const char hexdigits[] = "0123456789abcdef";

static int put_u(PylThread *t, PylBuf *b, uint32_t c)
{
    char u[6] = {'\\',
                 'u',
                 hexdigits[(c >> 12) & 15],
                 hexdigits[(c >> 8) & 15],
                 hexdigits[(c >> 4) & 15],
                 hexdigits[c & 15]};
    return pyl_buf_append(t, b, u, 6);
}

/* s as a JSON string literal, quotes included. */
static int enc_str(PylThread *t, Enc *e, PylObject *s)
{
    const char *p = PYL_STR_DATA(s), *end = p + PYL_STR_NBYTES(s);
    PylBuf *b = &e->b;
    if (pyl_buf_putc(t, b, '"') < 0) {
        return -1;
    }
    while (p < end) {
        const char *run = p;
        /* the longest run that needs no escaping */
        while (p < end) {
            unsigned char c = (unsigned char)*p;
            if (c < 0x20 || c == '"' || c == '\\' || (c >= 0x7f && e->ensure_ascii)) {
                break;
            }
            p++;
        }
        if (p > run && pyl_buf_append(t, b, run, p - run) < 0) {
            return -1;
        }
        if (p >= end) {
            break;
        }
        unsigned char c = (unsigned char)*p;
        int r;
        if (c >= 0x80) {
            uint32_t cp = pyl_utf8_next(&p);
            if (cp >= 0x10000) {
                cp -= 0x10000;
                r = put_u(t, b, 0xD800 | (cp >> 10)) < 0 ? -1 : put_u(t, b, 0xDC00 | (cp & 0x3FF));
            } else {
                r = put_u(t, b, cp);
            }
        } else {
            p++;
            const char *esc = c == '"'    ? "\\\""
                              : c == '\\' ? "\\\\"
                              : c == '\n' ? "\\n"
                              : c == '\r' ? "\\r"
                              : c == '\t' ? "\\t"
                              : c == '\b' ? "\\b"
                              : c == '\f' ? "\\f"
                                          : NULL;
            r = esc ? pyl_buf_append(t, b, esc, 2) : put_u(t, b, c);
        }
        if (r < 0) {
            return -1;
        }
    }
    return pyl_buf_putc(t, b, '"');
}

static int enc_float(PylThread *t, Enc *e, PylObject *o)
{
    double d;
    if (pyl_float_as_double(t, o, &d) < 0) {
        return -1;
    }
    if (!isfinite(d)) {
        if (!e->allow_nan) {
            pyl_err_format(t, PYL_EXC(t, ValueError),
                           "Out of range float values are not JSON compliant");
            return -1;
        }
        return pyl_buf_puts(t, &e->b, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
    PylObject *f = PYL_IS_FLOAT_EXACT(o) ? pyl_incref(o) : pyl_float_new(t, d);
    PylObject *r = f ? pyl_float_repr(t, f) : NULL;
    pyl_xdecref(t, f);
    if (r == NULL) {
        return -1;
    }
    int st = pyl_buf_put_str(t, &e->b, r);
    pyl_decref(t, r);
    return st;
}

static int enc_int(PylThread *t, Enc *e, PylObject *o)
{
    if (PYL_IS_SMALLINT(o)) {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "%ld", (long)PYL_SMALLINT_VALUE(o));
        return pyl_buf_append(t, &e->b, tmp, n);
    }
    PylObject *r = pyl_int_repr(t, o);
    if (r == NULL) {
        return -1;
    }
    int st = pyl_buf_put_str(t, &e->b, r);
    pyl_decref(t, r);
    return st;
}

static int newline_indent(PylThread *t, Enc *e)
{
    if (pyl_buf_putc(t, &e->b, '\n') < 0) {
        return -1;
    }
    for (intptr_t i = 0; i < e->level; i++) {
        if (pyl_buf_put_str(t, &e->b, e->indent) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Mark o as being encoded: ValueError when it already is. */
static int mark(PylThread *t, Enc *e, PylObject *o)
{
    if (!e->check_circular) {
        return 0;
    }
    for (intptr_t i = 0; i < e->nmarks; i++) {
        if (e->marks[i] == o) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "Circular reference detected");
            return -1;
        }
    }
    if (e->nmarks == e->capmarks) {
        intptr_t cap = e->capmarks ? e->capmarks * 2 : 16;
        PylObject **m = realloc(e->marks, cap * sizeof *m);
        if (m == NULL) {
            pyl_err_nomemory(t);
            return -1;
        }
        e->marks = m;
        e->capmarks = cap;
    }
    e->marks[e->nmarks++] = o;
    return 0;
}

static void unmark(Enc *e)
{
    if (e->check_circular) {
        e->nmarks--;
    }
}

static int enc_obj(PylThread *t, Enc *e, PylObject *o);

/* Open a container: its bracket, then the first line break when indenting. */
static int open_container(PylThread *t, Enc *e, char c)
{
    if (pyl_buf_putc(t, &e->b, c) < 0) {
        return -1;
    }
    e->level++;
    return e->indent ? newline_indent(t, e) : 0;
}

static int close_container(PylThread *t, Enc *e, char c)
{
    e->level--;
    if (e->indent && newline_indent(t, e) < 0) {
        return -1;
    }
    return pyl_buf_putc(t, &e->b, c);
}

static int separator(PylThread *t, Enc *e)
{
    if (pyl_buf_put_str(t, &e->b, e->item_sep) < 0) {
        return -1;
    }
    return e->indent ? newline_indent(t, e) : 0;
}

static int enc_list(PylThread *t, Enc *e, PylObject *o)
{
    intptr_t n = PYL_IS_LIST(o) ? PYL_LIST_SIZE(o) : PYL_TUPLE_SIZE(o);
    if (n == 0) {
        return pyl_buf_puts(t, &e->b, "[]");
    }
    if (mark(t, e, o) < 0 || open_container(t, e, '[') < 0) {
        return -1;
    }
    for (intptr_t i = 0;; i++) {
        /* a list may change size while default() runs */
        n = PYL_IS_LIST(o) ? PYL_LIST_SIZE(o) : PYL_TUPLE_SIZE(o);
        if (i >= n) {
            break;
        }
        if (i > 0 && separator(t, e) < 0) {
            return -1;
        }
        PylObject *item = pyl_incref(PYL_IS_LIST(o) ? PYL_LIST_ITEM(o, i) : PYL_TUPLE_ITEM(o, i));
        int st = enc_obj(t, e, item);
        pyl_decref(t, item);
        if (st < 0) {
            return -1;
        }
    }
    unmark(e);
    return close_container(t, e, ']');
}

/* A dict key as the str it is written as: new reference, NULL + exception, or
 * NULL without one to skip the item (skipkeys). */
static PylObject *key_str(PylThread *t, Enc *e, PylObject *k)
{
    if (PYL_IS_STR(k)) {
        return pyl_incref(k);
    }
    if (k == PYL_TRUE || k == PYL_FALSE || k == PYL_NONE) {
        return pyl_str_from_cstr(t, k == PYL_TRUE ? "true" : k == PYL_FALSE ? "false" : "null");
    }
    if (PYL_IS_FLOAT(k) || PYL_IS_INT(k)) {
        PylBuf saved = e->b;
        pyl_buf_init(&e->b);
        int st = PYL_IS_FLOAT(k) ? enc_float(t, e, k) : enc_int(t, e, k);
        PylObject *r = st < 0 ? NULL : pyl_buf_finish_str(t, &e->b);
        if (st < 0) {
            pyl_buf_free(t, &e->b);
        }
        e->b = saved;
        return r;
    }
    if (!e->skipkeys) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "keys must be str, int, float, bool or None, not %T", k);
    }
    return NULL;
}

static int enc_item(PylThread *t, Enc *e, PylObject *k, PylObject *v, bool *first)
{
    PylObject *ks = key_str(t, e, k);
    if (ks == NULL) {
        return pyl_err_occurred(t) ? -1 : 0;
    }
    int st = (!*first && separator(t, e) < 0) || enc_str(t, e, ks) < 0 ||
                     pyl_buf_put_str(t, &e->b, e->key_sep) < 0 || enc_obj(t, e, v) < 0
                 ? -1
                 : 0;
    *first = false;
    pyl_decref(t, ks);
    return st;
}

static int enc_dict(PylThread *t, Enc *e, PylObject *o)
{
    if (pyl_len(t, o) == 0) {
        return pyl_buf_puts(t, &e->b, "{}");
    }
    if (mark(t, e, o) < 0 || open_container(t, e, '{') < 0) {
        return -1;
    }
    bool first = true;
    if (e->sort_keys) {
        PylObject *name = PYL_NAME(t, items);
        PylObject *view = name ? pyl_call_method(t, o, name, NULL, 0) : NULL;
        PylObject *items = view ? pyl_list_from_iterable(t, view) : NULL;
        pyl_xdecref(t, view);
        if (items == NULL || pyl_list_sort(t, items, NULL, false) < 0) {
            pyl_xdecref(t, items);
            return -1;
        }
        for (intptr_t i = 0; i < PYL_LIST_SIZE(items); i++) {
            PylObject *kv = PYL_LIST_ITEM(items, i);
            if (!PYL_IS_TUPLE(kv) || PYL_TUPLE_SIZE(kv) != 2) {
                pyl_err_format(t, PYL_EXC(t, ValueError), "items must return 2-tuples");
                pyl_decref(t, items);
                return -1;
            }
            if (enc_item(t, e, PYL_TUPLE_ITEM(kv, 0), PYL_TUPLE_ITEM(kv, 1), &first) < 0) {
                pyl_decref(t, items);
                return -1;
            }
        }
        pyl_decref(t, items);
    } else {
        intptr_t pos = 0;
        PylObject *k, *v;
        while (pyl_dict_next(o, &pos, &k, &v)) {
            pyl_incref(k);
            pyl_incref(v);
            int st = enc_item(t, e, k, v, &first);
            pyl_decref(t, k);
            pyl_decref(t, v);
            if (st < 0) {
                return -1;
            }
        }
    }
    unmark(e);
    return close_container(t, e, '}');
}

static int enc_obj(PylThread *t, Enc *e, PylObject *o)
{
    if (o == PYL_NONE) {
        return pyl_buf_puts(t, &e->b, "null");
    }
    if (o == PYL_TRUE) {
        return pyl_buf_puts(t, &e->b, "true");
    }
    if (o == PYL_FALSE) {
        return pyl_buf_puts(t, &e->b, "false");
    }
    if (PYL_IS_STR(o)) {
        return enc_str(t, e, o);
    }
    if (PYL_IS_INT(o)) {
        return enc_int(t, e, o);
    }
    if (PYL_IS_FLOAT(o)) {
        return enc_float(t, e, o);
    }
    if (pyl_enter_call(t, " while encoding a JSON object") < 0) {
        return -1;
    }
    int st;
    if (PYL_IS_LIST(o) || PYL_IS_TUPLE(o)) {
        st = enc_list(t, e, o);
    } else if (PYL_IS_DICT(o)) {
        st = enc_dict(t, e, o);
    } else if (mark(t, e, o) < 0) {
        st = -1;
    } else {
        PylObject *r = pyl_call1(t, e->default_fn, o);
        st = r ? enc_obj(t, e, r) : -1;
        pyl_xdecref(t, r);
        if (st == 0) {
            unmark(e);
        }
    }
    pyl_leave_call(t);
    return st;
}

static int bool_arg(PylThread *t, PylObject *o, bool *out)
{
    int r = pyl_is_true(t, o);
    if (r < 0) {
        return -1;
    }
    *out = r;
    return 0;
}

static PylObject *m_encode(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "encode", nargs, 10, 10) < 0) {
        return NULL;
    }
    Enc e;
    memset(&e, 0, sizeof e);
    e.default_fn = args[1];
    e.indent = args[2] == PYL_NONE ? NULL : args[2];
    e.key_sep = args[3];
    e.item_sep = args[4];
    if ((e.indent && !PYL_IS_STR(e.indent)) || !PYL_IS_STR(e.key_sep) || !PYL_IS_STR(e.item_sep)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "encode: separators must be str");
    }
    if (bool_arg(t, args[5], &e.sort_keys) < 0 || bool_arg(t, args[6], &e.skipkeys) < 0 ||
        bool_arg(t, args[7], &e.ensure_ascii) < 0 || bool_arg(t, args[8], &e.check_circular) < 0 ||
        bool_arg(t, args[9], &e.allow_nan) < 0) {
        return NULL;
    }
    pyl_buf_init(&e.b);
    int st = enc_obj(t, &e, args[0]);
    free(e.marks);
    if (st < 0) {
        pyl_buf_free(t, &e.b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &e.b);
}

/* ---- decoder -------------------------------------------------------------------------- */

typedef struct Dec {
    PylObject *s; /* the document (str, borrowed) */
    const char *start, *end;
    bool strict;
    PylObject *object_hook, *pairs_hook, *parse_float, *parse_int, *parse_constant; /* or NULL */
    PylObject *errcls;
} Dec;

/* Raise JSONDecodeError(msg, s, pos) with pos the code point index of p. NULL. */
static PylObject *dec_error(PylThread *t, Dec *d, const char *msg, const char *p)
{
    intptr_t pos = pyl_str_char_index(t, d->s, p - d->start);
    PylObject *m = pyl_str_from_cstr(t, msg);
    PylObject *ip = m ? pyl_int_from_ssize(t, pos) : NULL;
    if (ip != NULL) {
        PylObject *args[3] = {m, d->s, ip};
        PylObject *exc = pyl_call(t, d->errcls, args, 3, NULL);
        if (exc != NULL) {
            pyl_err_raise_steal(t, exc);
        }
    }
    pyl_xdecref(t, m);
    pyl_xdecref(t, ip);
    return NULL;
}

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
        p++;
    }
    return p;
}

static int hex4(const char *p, const char *end, uint32_t *out)
{
    if (end - p < 4) {
        return -1;
    }
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (h < 0) {
            return -1;
        }
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return 0;
}

/* The string whose opening quote is at *pp; *pp moves past the closing one. */
static PylObject *dec_string(PylThread *t, Dec *d, const char **pp)
{
    const char *quote = *pp, *p = quote + 1, *end = d->end;
    const char *run = p;
    /* fast path: no escapes */
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) {
        p++;
    }
    if (p < end && *p == '"') {
        *pp = p + 1;
        return pyl_str_new(t, run, p - run);
    }
    PylBuf b;
    pyl_buf_init(&b);
    if (pyl_buf_append(t, &b, run, p - run) < 0) {
        return NULL;
    }
    for (;;) {
        run = p;
        while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) {
            p++;
        }
        if (p > run && pyl_buf_append(t, &b, run, p - run) < 0) {
            goto error;
        }
        if (p >= end) {
            dec_error(t, d, "Unterminated string starting at", quote);
            goto error;
        }
        char c = *p;
        if (c == '"') {
            break;
        }
        if (c != '\\') { /* a control character */
            if (d->strict) {
                dec_error(t, d, "Invalid control character at", p);
                goto error;
            }
            if (pyl_buf_putc(t, &b, c) < 0) {
                goto error;
            }
            p++;
            continue;
        }
        if (p + 1 >= end) {
            dec_error(t, d, "Unterminated string starting at", quote);
            goto error;
        }
        char esc = p[1];
        const char *simple = strchr("\"\\/bfnrt", esc);
        if (esc != '\0' && simple != NULL) {
            static const char repl[] = "\"\\/\b\f\n\r\t";
            if (pyl_buf_putc(t, &b, repl[simple - "\"\\/bfnrt"]) < 0) {
                goto error;
            }
            p += 2;
            continue;
        }
        if (esc != 'u') {
            dec_error(t, d, "Invalid \\escape", p);
            goto error;
        }
        uint32_t cp;
        if (hex4(p + 2, end, &cp) < 0) {
            dec_error(t, d, "Invalid \\uXXXX escape", p + 1);
            goto error;
        }
        p += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
            uint32_t lo;
            if (hex4(p + 2, end, &lo) < 0) {
                dec_error(t, d, "Invalid \\uXXXX escape", p + 1);
                goto error;
            }
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
        }
        if (pyl_buf_put_codepoint(t, &b, cp) < 0) {
            goto error;
        }
    }
    *pp = p + 1;
    return pyl_buf_finish_str(t, &b);
error:
    pyl_buf_free(t, &b);
    return NULL;
}

static PylObject *dec_value(PylThread *t, Dec *d, const char **pp);

static PylObject *dec_number(PylThread *t, Dec *d, const char **pp)
{
    const char *start = *pp, *p = start, *end = d->end;
    if (p < end && *p == '-') {
        p++;
    }
    if (p >= end || !(*p >= '0' && *p <= '9')) {
        return dec_error(t, d, "Expecting value", start);
    }
    if (*p == '0') {
        p++;
    } else {
        while (p < end && *p >= '0' && *p <= '9') {
            p++;
        }
    }
    bool is_float = false;
    if (p + 1 < end && *p == '.' && p[1] >= '0' && p[1] <= '9') {
        is_float = true;
        p += 2;
        while (p < end && *p >= '0' && *p <= '9') {
            p++;
        }
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-')) {
            q++;
        }
        if (q < end && *q >= '0' && *q <= '9') {
            while (q < end && *q >= '0' && *q <= '9') {
                q++;
            }
            p = q;
            is_float = true;
        }
    }
    *pp = p;
    PylObject *hook = is_float ? d->parse_float : d->parse_int;
    if (hook != NULL) {
        PylObject *text = pyl_str_new(t, start, p - start);
        PylObject *r = text ? pyl_call1(t, hook, text) : NULL;
        pyl_xdecref(t, text);
        return r;
    }
    if (is_float) {
        return pyl_float_from_string(t, start, p - start);
    }
    return pyl_int_from_string(t, start, p - start, 10);
}

static PylObject *dec_array(PylThread *t, Dec *d, const char **pp)
{
    const char *p = skip_ws(*pp + 1, d->end);
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    if (p < d->end && *p == ']') {
        *pp = p + 1;
        return list;
    }
    for (;;) {
        PylObject *v = dec_value(t, d, &p);
        if (v == NULL || pyl_list_append(t, list, v) < 0) {
            pyl_xdecref(t, v);
            goto error;
        }
        pyl_decref(t, v);
        p = skip_ws(p, d->end);
        if (p < d->end && *p == ']') {
            *pp = p + 1;
            return list;
        }
        if (p >= d->end || *p != ',') {
            dec_error(t, d, "Expecting ',' delimiter", p);
            goto error;
        }
        p = skip_ws(p + 1, d->end);
    }
error:
    pyl_decref(t, list);
    return NULL;
}

static PylObject *dec_object(PylThread *t, Dec *d, const char **pp)
{
    const char *p = skip_ws(*pp + 1, d->end);
    PylObject *obj = d->pairs_hook ? pyl_list_new(t, 0) : pyl_dict_new(t);
    if (obj == NULL) {
        return NULL;
    }
    if (p < d->end && *p == '}') {
        p++;
    } else {
        for (;;) {
            if (p >= d->end || *p != '"') {
                dec_error(t, d, "Expecting property name enclosed in double quotes", p);
                goto error;
            }
            PylObject *k = dec_string(t, d, &p);
            if (k == NULL) {
                goto error;
            }
            p = skip_ws(p, d->end);
            if (p >= d->end || *p != ':') {
                pyl_decref(t, k);
                dec_error(t, d, "Expecting ':' delimiter", p);
                goto error;
            }
            p = skip_ws(p + 1, d->end);
            PylObject *v = dec_value(t, d, &p);
            if (v == NULL) {
                pyl_decref(t, k);
                goto error;
            }
            int st;
            if (d->pairs_hook) {
                PylObject *kv = pyl_tuple_pack(t, 2, k, v);
                st = kv ? pyl_list_append(t, obj, kv) : -1;
                pyl_xdecref(t, kv);
            } else {
                st = pyl_dict_set(t, obj, k, v);
            }
            pyl_decref(t, k);
            pyl_decref(t, v);
            if (st < 0) {
                goto error;
            }
            p = skip_ws(p, d->end);
            if (p < d->end && *p == '}') {
                p++;
                break;
            }
            if (p >= d->end || *p != ',') {
                dec_error(t, d, "Expecting ',' delimiter", p);
                goto error;
            }
            p = skip_ws(p + 1, d->end);
        }
    }
    *pp = p;
    PylObject *hook = d->pairs_hook ? d->pairs_hook : d->object_hook;
    if (hook != NULL) {
        PylObject *r = pyl_call1(t, hook, obj);
        pyl_decref(t, obj);
        return r;
    }
    return obj;
error:
    pyl_decref(t, obj);
    return NULL;
}

static bool word_at(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(end - p) >= n && memcmp(p, w, n) == 0;
}

static PylObject *dec_constant(PylThread *t, Dec *d, const char **pp, const char *name, double v)
{
    *pp += strlen(name);
    if (d->parse_constant != NULL) {
        PylObject *s = pyl_str_from_cstr(t, name);
        PylObject *r = s ? pyl_call1(t, d->parse_constant, s) : NULL;
        pyl_xdecref(t, s);
        return r;
    }
    return pyl_float_new(t, v);
}

/* The value starting exactly at *pp (no whitespace skipped). */
static PylObject *dec_value(PylThread *t, Dec *d, const char **pp)
{
    const char *p = *pp, *end = d->end;
    if (p >= end) {
        return dec_error(t, d, "Expecting value", p);
    }
    PylObject *r;
    switch (*p) {
    case '"':
        return dec_string(t, d, pp);
    case '{':
    case '[':
        if (pyl_enter_call(t, *p == '{'
                                  ? " while decoding a JSON object from a unicode string"
                                  : " while decoding a JSON array from a unicode string") < 0) {
            return NULL;
        }
        r = *p == '{' ? dec_object(t, d, pp) : dec_array(t, d, pp);
        pyl_leave_call(t);
        return r;
    case 'n':
        if (word_at(p, end, "null")) {
            *pp = p + 4;
            return pyl_incref(PYL_NONE);
        }
        break;
    case 't':
        if (word_at(p, end, "true")) {
            *pp = p + 4;
            return pyl_incref(PYL_TRUE);
        }
        break;
    case 'f':
        if (word_at(p, end, "false")) {
            *pp = p + 5;
            return pyl_incref(PYL_FALSE);
        }
        break;
    case 'N':
        if (word_at(p, end, "NaN")) {
            return dec_constant(t, d, pp, "NaN", NAN);
        }
        break;
    case 'I':
        if (word_at(p, end, "Infinity")) {
            return dec_constant(t, d, pp, "Infinity", INFINITY);
        }
        break;
    case '-':
        if (word_at(p, end, "-Infinity")) {
            return dec_constant(t, d, pp, "-Infinity", -INFINITY);
        }
        return dec_number(t, d, pp);
    default:
        if (*p >= '0' && *p <= '9') {
            return dec_number(t, d, pp);
        }
        break;
    }
    return dec_error(t, d, "Expecting value", p);
}

static PylObject *m_scan(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "scan", nargs, 10, 10) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(args[0])) {
        return pyl_bad_argument(t, "scan", "1", "str", args[0]);
    }
    Dec d;
    d.s = args[0];
    d.start = PYL_STR_DATA(d.s);
    d.end = d.start + PYL_STR_NBYTES(d.s);
    intptr_t idx;
    int whole, strict;
    if (pyl_index_as_ssize(t, args[1], &idx) < 0 || (whole = pyl_is_true(t, args[2])) < 0 ||
        (strict = pyl_is_true(t, args[3])) < 0) {
        return NULL;
    }
    if (idx < 0 || idx > PYL_STR_LEN(d.s)) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "idx cannot be negative");
    }
    d.strict = strict;
    d.object_hook = args[4] == PYL_NONE ? NULL : args[4];
    d.pairs_hook = args[5] == PYL_NONE ? NULL : args[5];
    d.parse_float = args[6] == PYL_NONE ? NULL : args[6];
    d.parse_int = args[7] == PYL_NONE ? NULL : args[7];
    d.parse_constant = args[8] == PYL_NONE ? NULL : args[8];
    d.errcls = args[9];
    const char *p = d.start + pyl_str_offset_t(t, d.s, idx);
    if (whole) {
        p = skip_ws(p, d.end);
    }
    PylObject *v = dec_value(t, &d, &p);
    if (v == NULL) {
        return NULL;
    }
    if (whole) {
        p = skip_ws(p, d.end);
        if (p != d.end) {
            pyl_decref(t, v);
            return dec_error(t, &d, "Extra data", p);
        }
    }
    PylObject *endpos = pyl_int_from_ssize(t, pyl_str_char_index(t, d.s, p - d.start));
    PylObject *r = endpos ? pyl_tuple_pack(t, 2, v, endpos) : NULL;
    pyl_decref(t, v);
    pyl_xdecref(t, endpos);
    return r;
}

static const PylMethodDef json_methods[] = {
    PYL_METHOD_FAST("encode", m_encode),
    PYL_METHOD_FAST("scan", m_scan),
    PYL_METHOD_END,
};

const PylModuleDef pyl_module__json = {"_json", json_methods, NULL,
                                       "The JSON encoder and decoder behind the json module."};
