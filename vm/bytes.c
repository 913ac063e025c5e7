/* bytes.c — the bytes type, the byte-string algorithms str shares (find, count),
 * and every method bytes and bytearray have in common (bytearray.c reuses them
 * through PYL_BYTES_COMMON_METHODS). A shared method looks at self through
 * view(), which works for both layouts, and builds results of self's kind with
 * new_like(): bytes.upper() is a bytes, bytearray.upper() a bytearray.
 *
 * bytearray contents can change whenever Python code runs (an __index__ method
 * of an argument, say), so methods convert their arguments first and take the
 * view of self afterwards. */
#define _GNU_SOURCE /* memmem, memrchr */
#include <stdio.h>
#include <stdlib.h>

#include "vm/codecs.h"
#include "vm/core.h"
#include "vm/siphash.h"

/* ---- raw algorithms ------------------------------------------------------------ */

intptr_t pyl_bytes_find(const char *h, intptr_t hn, const char *n, intptr_t nn)
{
    if (nn == 0) {
        return 0;
    }
    if (nn > hn) {
        return -1;
    }
    if (nn == 1) {
        const char *p = memchr(h, n[0], (size_t)hn);
        return p ? p - h : -1;
    }
    const char *p = memmem(h, (size_t)hn, n, (size_t)nn);
    return p ? p - h : -1;
}

intptr_t pyl_bytes_rfind(const char *h, intptr_t hn, const char *n, intptr_t nn)
{
    if (nn == 0) {
        return hn;
    }
    if (nn > hn) {
        return -1;
    }
    if (nn == 1) {
        const char *p = memrchr(h, n[0], (size_t)hn);
        return p ? p - h : -1;
    }
    intptr_t i = hn - nn; /* last possible start */
    while (i >= 0) {
        const char *p = memrchr(h, n[0], (size_t)i + 1);
        if (p == NULL) {
            return -1;
        }
        i = p - h;
        if (memcmp(p + 1, n + 1, (size_t)nn - 1) == 0) {
            return i;
        }
        i--;
    }
    return -1;
}

intptr_t pyl_bytes_count(const char *h, intptr_t hn, const char *n, intptr_t nn, intptr_t max)
{
    intptr_t count = 0;
    if (nn == 1) {
        const char *p = h, *end = h + hn;
        while (count < max && (p = memchr(p, n[0], (size_t)(end - p))) != NULL) {
            count++;
            p++;
        }
        return count;
    }
    intptr_t pos = 0;
    while (count < max) {
        intptr_t f = pyl_bytes_find(h + pos, hn - pos, n, nn);
        if (f < 0) {
            break;
        }
        count++;
        pos += f + nn;
    }
    return count;
}

/* ---- creation ------------------------------------------------------------------- */

static PylBytes *bytes_alloc(PylThread *t, intptr_t n)
{
    if (PYL_UNLIKELY(n < 0 || n > INTPTR_MAX - (intptr_t)sizeof(PylBytes) - 1)) {
        pyl_err_nomemory(t);
        return NULL;
    }
    PylBytes *b = pyl_mem_alloc(t, offsetof(PylBytes, data) + (size_t)n + 1);
    if (b == NULL) {
        return NULL;
    }
    b->ob.refcnt = 1;
    b->ob.type = PYL_TYPE(t, BYTES);
    b->size = n;
    b->hash = -1;
    b->data[n] = '\0';
    return b;
}

PylObject *pyl_bytes_alloc(PylThread *t, intptr_t n)
{
    return (PylObject *)bytes_alloc(t, n);
}

PylObject *pyl_bytes_new(PylThread *t, const void *data, intptr_t n)
{
    if (n == 0 && t->vm->empty_bytes != NULL) {
        return pyl_incref(t->vm->empty_bytes);
    }
    PylBytes *b = bytes_alloc(t, n);
    if (b != NULL && n > 0) {
        memcpy(b->data, data, (size_t)n);
    }
    return (PylObject *)b;
}

PylObject *pyl_bytes_from_buf(PylThread *t, PylBuf *buf)
{
    if (buf->block == NULL || buf->len == 0) {
        pyl_buf_free(t, buf);
        return pyl_incref(t->vm->empty_bytes);
    }
    char *block = buf->block;
    intptr_t n = buf->len;
    memmove(block + offsetof(PylBytes, data), buf->data, (size_t)n);
    pyl_buf_init(buf);
    PylBytes *b = pyl_mem_realloc(t, block, offsetof(PylBytes, data) + (size_t)n + 1);
    if (b == NULL) {
        pyl_mem_free(t, block);
        return NULL;
    }
    b->ob.refcnt = 1;
    b->ob.type = PYL_TYPE(t, BYTES);
    b->size = n;
    b->hash = -1;
    b->data[n] = '\0';
    return (PylObject *)b;
}

int pyl_bytes_view(PylThread *t, PylObject *o, const char **data, intptr_t *n)
{
    if (PYL_IS_BYTES(o)) {
        *data = PYL_BYTES_DATA(o);
        *n = PYL_BYTES_SIZE(o);
        return 0;
    }
    if (PYL_IS_BYTEARRAY(o)) {
        *data = PYL_BYTEARRAY_DATA(o);
        *n = PYL_BYTEARRAY_SIZE(o);
        return 0;
    }
    pyl_err_format(t, PYL_EXC(t, TypeError), "a bytes-like object is required, not '%T'", o);
    return -1;
}

static inline void view(PylObject *o, const char **d, intptr_t *n)
{
    if (PYL_IS_BYTEARRAY(o)) {
        *d = PYL_BYTEARRAY_DATA(o);
        *n = PYL_BYTEARRAY_SIZE(o);
    } else {
        *d = PYL_BYTES_DATA(o);
        *n = PYL_BYTES_SIZE(o);
    }
}

/* n bytes as a new object of self's kind (bytes or bytearray). */
static PylObject *new_like(PylThread *t, PylObject *self, const char *data, intptr_t n)
{
    if (PYL_IS_BYTEARRAY(self)) {
        return pyl_bytearray_new(t, data, n);
    }
    return pyl_bytes_new(t, data, n);
}

/* An uninitialised object of self's kind with n bytes; *data receives where to
 * write. */
static PylObject *alloc_like(PylThread *t, PylObject *self, intptr_t n, char **data)
{
    PylObject *r;
    if (PYL_IS_BYTEARRAY(self)) {
        r = pyl_bytearray_new(t, NULL, 0);
        if (r != NULL && pyl_bytearray_resize(t, r, n) < 0) {
            pyl_decref(t, r);
            return NULL;
        }
        if (r != NULL) {
            *data = PYL_BYTEARRAY_DATA(r);
        }
        return r;
    }
    r = (PylObject *)bytes_alloc(t, n);
    if (r != NULL) {
        *data = PYL_BYTES_DATA(r);
    }
    return r;
}

/* self unchanged: the same object for an exact bytes, a copy otherwise. */
static PylObject *same_like(PylThread *t, PylObject *self)
{
    if (PYL_IS_KIND(self, BYTES)) {
        return pyl_incref(self);
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    return new_like(t, self, d, n);
}

/* ---- repr and hex ----------------------------------------------------------------- */

PylObject *pyl_bytes_repr_data(PylThread *t, const char *data, intptr_t n, const char *prefix)
{
    return pyl_bytes_repr_ex(t, data, n, prefix, false);
}

PylObject *pyl_bytes_repr_ex(PylThread *t, const char *data, intptr_t n, const char *prefix,
                             bool escape_squote)
{
    const unsigned char *p = (const unsigned char *)data;
    bool sq = memchr(data, '\'', (size_t)n) != NULL;
    bool dq = sq && memchr(data, '"', (size_t)n) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    PylBuf b;
    pyl_buf_init(&b);
    if (pyl_buf_reserve(t, &b, n + 3 + (intptr_t)strlen(prefix)) < 0 ||
        pyl_buf_puts(t, &b, prefix) < 0 || pyl_buf_putc(t, &b, 'b') < 0 ||
        pyl_buf_putc(t, &b, quote) < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    static const char hex[] = "0123456789abcdef";
    for (intptr_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (pyl_buf_reserve(t, &b, 4) < 0) {
            pyl_buf_free(t, &b);
            return NULL;
        }
        char *w = b.data + b.len;
        if (c == (unsigned)quote || c == '\\' || (escape_squote && c == '\'')) {
            w[0] = '\\';
            w[1] = (char)c;
            b.len += 2;
        } else if (c == '\t') {
            memcpy(w, "\\t", 2);
            b.len += 2;
        } else if (c == '\n') {
            memcpy(w, "\\n", 2);
            b.len += 2;
        } else if (c == '\r') {
            memcpy(w, "\\r", 2);
            b.len += 2;
        } else if (c < 0x20 || c >= 0x7F) {
            w[0] = '\\';
            w[1] = 'x';
            w[2] = hex[c >> 4];
            w[3] = hex[c & 15];
            b.len += 4;
        } else {
            w[0] = (char)c;
            b.len++;
        }
    }
    if (pyl_buf_putc(t, &b, quote) < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

PylObject *pyl_bytes_hex(PylThread *t, const char *data, intptr_t n, PylObject *sepo,
                         PylObject *bps_o)
{
    char sep = 0;
    intptr_t bps = 1;
    if (sepo != NULL) {
        intptr_t sl;
        const char *sd;
        if (PYL_IS_STR(sepo)) {
            sl = PYL_STR_LEN(sepo);
            sd = PYL_STR_DATA(sepo);
            if (sl == 1 && !PYL_STR_IS_ASCII(sepo)) {
                return pyl_err_format(t, PYL_EXC(t, ValueError), "sep must be ASCII.");
            }
        } else if (PYL_IS_BYTES(sepo) || PYL_IS_BYTEARRAY(sepo)) {
            view(sepo, &sd, &sl);
            if (sl == 1 && (unsigned char)sd[0] >= 0x80) {
                return pyl_err_format(t, PYL_EXC(t, ValueError), "sep must be ASCII.");
            }
        } else {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "object of type '%T' has no len()",
                                  sepo);
        }
        if (sl != 1) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "sep must be length 1.");
        }
        sep = sd[0];
        if (bps_o != NULL && pyl_arg_cint(t, bps_o, &bps) < 0) {
            return NULL;
        }
    }
    intptr_t group = bps < 0 ? -bps : bps;
    intptr_t nseps = (sep && group > 0 && n > 0) ? (n - 1) / group : 0;
    if (sep == 0 || group == 0) {
        nseps = 0;
    }
    if (n > (INTPTR_MAX / 2 - nseps) / 2) {
        return pyl_err_nomemory(t);
    }
    intptr_t total = 2 * n + nseps;
    PylBuf b;
    pyl_buf_init(&b);
    if (total == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    if (pyl_buf_reserve(t, &b, total) < 0) {
        return NULL;
    }
    static const char hex[] = "0123456789abcdef";
    char *w = b.data;
    const unsigned char *p = (const unsigned char *)data;
    for (intptr_t i = 0; i < n; i++) {
        if (nseps > 0 && i > 0) {
            /* bps > 0 counts groups from the right, < 0 from the left */
            bool at = bps > 0 ? (n - i) % group == 0 : i % group == 0;
            if (at) {
                *w++ = sep;
            }
        }
        *w++ = hex[p[i] >> 4];
        *w++ = hex[p[i] & 15];
    }
    b.len = w - b.data;
    return pyl_buf_finish_str(t, &b);
}

PYL_BYTES_PROTO_KW(hex)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    static const PylArgSpec spec = {"hex", names, 0, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    return pyl_bytes_hex(t, d, n, a[0], a[1]);
}

static int hexdigit(unsigned c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    c |= 0x20;
    return (c >= 'a' && c <= 'f') ? (int)(c - 'a' + 10) : -1;
}

static const uint8_t bspace[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
};

PylObject *pyl_bytes_fromhex(PylThread *t, PylObject *cls, PylObject *arg)
{
    if (!PYL_IS_STR(arg)) {
        return pyl_bad_argument(t, "fromhex", NULL, "str", arg);
    }
    const unsigned char *p = (const unsigned char *)PYL_STR_DATA(arg);
    intptr_t n = PYL_STR_NBYTES(arg);
    PylBuf b;
    pyl_buf_init(&b);
    if (pyl_buf_reserve(t, &b, n / 2 + 1) < 0) {
        return NULL;
    }
    intptr_t i = 0;
    while (i < n) {
        if (bspace[p[i]]) {
            i++;
            continue;
        }
        int hi = hexdigit(p[i]);
        int lo = i + 1 < n ? hexdigit(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            intptr_t pos = hi < 0 ? i : i + 1;
            pyl_buf_free(t, &b);
            /* positions count code points */
            intptr_t cpos = pyl_str_char_index(t, arg, pos < n ? pos : n);
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "non-hexadecimal number found in fromhex() arg at position %zd",
                                  (ssize_t)cpos);
        }
        b.data[b.len++] = (char)(hi << 4 | lo);
        i += 2;
    }
    PylObject *r = pyl_bytes_from_buf(t, &b);
    if (r == NULL) {
        return NULL;
    }
    PylType *type = (PylType *)cls;
    if (type == PYL_TYPE(t, BYTES)) {
        return r;
    }
    if (type == PYL_TYPE(t, BYTEARRAY)) {
        PylObject *ba = pyl_bytearray_new(t, PYL_BYTES_DATA(r), PYL_BYTES_SIZE(r));
        pyl_decref(t, r);
        return ba;
    }
    PylObject *sub = pyl_call1(t, cls, r);
    pyl_decref(t, r);
    return sub;
}

/* ---- argument helpers ---------------------------------------------------------------- */

/* A bytes-like argument; TypeError "a bytes-like object is required, not 'str'". */
static int buffer_arg(PylThread *t, PylObject *o, const char **d, intptr_t *n)
{
    return pyl_bytes_view(t, o, d, n);
}

/* The sub argument of find() & co.: an int in range(256) or a bytes-like. byte
 * receives the single byte for ints. */
static int sub_arg(PylThread *t, PylObject *o, const char **d, intptr_t *n, char *byte)
{
    if (PYL_IS_BYTES(o) || PYL_IS_BYTEARRAY(o)) {
        view(o, d, n);
        return 0;
    }
    if (PYL_IS_INT(o) || (PYL_IS_PTR(o) && o->type->index != NULL)) {
        intptr_t v;
        if (pyl_index_as_ssize(t, o, &v) < 0) {
            if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
                pyl_err_clear(t);
                v = -1;
            } else {
                return -1;
            }
        }
        if (v < 0 || v > 255) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (char)v;
        *d = byte;
        *n = 1;
        return 0;
    }
    pyl_err_format(t, PYL_EXC(t, TypeError),
                   "argument should be integer or bytes-like object, not '%T'", o);
    return -1;
}

static int fast_nargs(PylThread *t, const char *fname, intptr_t nargs, intptr_t min, intptr_t max)
{
    if (nargs < min) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes at least %zd argument%s (%zd given)",
                       fname, (ssize_t)min, min == 1 ? "" : "s", (ssize_t)nargs);
        return -1;
    }
    if (nargs > max) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes at most %zd argument%s (%zd given)",
                       fname, (ssize_t)max, max == 1 ? "" : "s", (ssize_t)nargs);
        return -1;
    }
    return 0;
}

#define index_arg pyl_arg_ssize
#define int_arg pyl_arg_cint

/* ---- find family ---------------------------------------------------------------------- */

/* -2 error, -1 not found, else the index. */
static intptr_t find_impl(PylThread *t, const char *fname, PylObject *self, PylObject *const *args,
                          intptr_t nargs, bool reverse, bool count)
{
    if (fast_nargs(t, fname, nargs, 1, 3) < 0) {
        return -2;
    }
    const char *sd;
    intptr_t sn;
    char byte;
    if (sub_arg(t, args[0], &sd, &sn, &byte) < 0) {
        return -2;
    }
    PylObject *keep = pyl_incref(args[0]); /* sd may point into it */
    intptr_t start, end;
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    if (pyl_str_adjust_range(t, nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, n, &start,
                             &end) < 0) {
        pyl_decref(t, keep);
        return -2;
    }
    view(self, &d, &n);
    if (sub_arg(t, args[0], &sd, &sn, &byte) < 0) { /* re-read after user code */
        pyl_decref(t, keep);
        return -2;
    }
    intptr_t r;
    if (end - start < sn) {
        r = count ? 0 : -1;
    } else if (count) {
        r = sn == 0 ? end - start + 1 : pyl_bytes_count(d + start, end - start, sd, sn, INTPTR_MAX);
    } else {
        intptr_t f = reverse ? pyl_bytes_rfind(d + start, end - start, sd, sn)
                             : pyl_bytes_find(d + start, end - start, sd, sn);
        r = f < 0 ? -1 : start + f;
    }
    pyl_decref(t, keep);
    return r;
}

PYL_BYTES_PROTO_FAST(find)
{
    intptr_t i = find_impl(t, "find", self, args, nargs, false, false);
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

PYL_BYTES_PROTO_FAST(rfind)
{
    intptr_t i = find_impl(t, "rfind", self, args, nargs, true, false);
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

PYL_BYTES_PROTO_FAST(index)
{
    intptr_t i = find_impl(t, "index", self, args, nargs, false, false);
    if (i == -1) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "subsection not found");
    }
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

PYL_BYTES_PROTO_FAST(rindex)
{
    intptr_t i = find_impl(t, "rindex", self, args, nargs, true, false);
    if (i == -1) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "subsection not found");
    }
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

PYL_BYTES_PROTO_FAST(count)
{
    intptr_t i = find_impl(t, "count", self, args, nargs, false, true);
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

static int tailmatch(PylThread *t, PylObject *self, PylObject *sub, intptr_t start, intptr_t end,
                     bool atend)
{
    const char *sd, *d;
    intptr_t sn, n;
    if (buffer_arg(t, sub, &sd, &sn) < 0) {
        return -1;
    }
    view(self, &d, &n);
    if (end > n) {
        end = n;
    }
    end -= sn;
    if (end < start) {
        return 0;
    }
    if (sn == 0) {
        return 1;
    }
    return memcmp(d + (atend ? end : start), sd, (size_t)sn) == 0;
}

static PylObject *startsend(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            bool atend)
{
    const char *fname = atend ? "endswith" : "startswith";
    if (fast_nargs(t, fname, nargs, 1, 3) < 0) {
        return NULL;
    }
    const char *d;
    intptr_t n, start, end;
    view(self, &d, &n);
    if (pyl_str_adjust_range(t, nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, n, &start,
                             &end) < 0) {
        return NULL;
    }
    PylObject *x = args[0];
    if (PYL_IS_TUPLE(x)) {
        for (intptr_t i = 0; i < PYL_TUPLE_SIZE(x); i++) {
            int r = tailmatch(t, self, PYL_TUPLE_ITEM(x, i), start, end, atend);
            if (r != 0) {
                return r < 0 ? NULL : PYL_TRUE;
            }
        }
        return PYL_FALSE;
    }
    if (!PYL_IS_BYTES(x) && !PYL_IS_BYTEARRAY(x)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "%s first arg must be bytes or a tuple of bytes, not %T", fname, x);
    }
    int r = tailmatch(t, self, x, start, end, atend);
    return r < 0 ? NULL : PYL_BOOL(r);
}

PYL_BYTES_PROTO_FAST(startswith)
{
    return startsend(t, self, args, nargs, false);
}

PYL_BYTES_PROTO_FAST(endswith)
{
    return startsend(t, self, args, nargs, true);
}

int pyl_bytes_contains_any(PylThread *t, PylObject *self, PylObject *item)
{
    const char *sd, *d;
    intptr_t sn, n;
    char byte;
    if (PYL_IS_INT(item) || PYL_IS_BYTES(item) || PYL_IS_BYTEARRAY(item) ||
        (PYL_IS_PTR(item) && item->type->index != NULL)) {
        if (sub_arg(t, item, &sd, &sn, &byte) < 0) {
            return -1;
        }
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError), "a bytes-like object is required, not '%T'", item);
        return -1;
    }
    view(self, &d, &n);
    return pyl_bytes_find(d, n, sd, sn) >= 0;
}

/* ---- split family ---------------------------------------------------------------------- */

static int append_new(PylThread *t, PylObject *list, PylObject *self, const char *d, intptr_t n)
{
    PylObject *o = new_like(t, self, d, n);
    if (o == NULL) {
        return -1;
    }
    int r = pyl_list_append(t, list, o);
    pyl_decref(t, o);
    return r;
}

static void list_reverse(PylObject *list)
{
    PylObject **it = PYL_LIST_ITEMS(list);
    for (intptr_t i = 0, j = PYL_LIST_SIZE(list) - 1; i < j; i++, j--) {
        PylObject *tmp = it[i];
        it[i] = it[j];
        it[j] = tmp;
    }
}

static PylObject *split_impl(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames, bool reverse)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    static const PylArgSpec spec = {"split", names, 0, 2};
    static const PylArgSpec rspec = {"rsplit", names, 0, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, reverse ? &rspec : &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    intptr_t maxsplit = -1;
    if (a[1] != NULL && index_arg(t, a[1], &maxsplit) < 0) {
        return NULL;
    }
    if (maxsplit < 0) {
        maxsplit = -1;
    }
    const char *sd = NULL;
    intptr_t sn = 0;
    if (a[0] != NULL && a[0] != PYL_NONE) {
        if (buffer_arg(t, a[0], &sd, &sn) < 0) {
            return NULL;
        }
        if (sn == 0) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "empty separator");
        }
    }
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    if (sd == NULL) {
        if (!reverse) {
            intptr_t i = 0;
            while (maxsplit-- != 0) {
                while (i < n && bspace[(unsigned char)d[i]]) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                intptr_t j = i;
                while (i < n && !bspace[(unsigned char)d[i]]) {
                    i++;
                }
                if (append_new(t, list, self, d + j, i - j) < 0) {
                    goto error;
                }
            }
            while (i < n && bspace[(unsigned char)d[i]]) {
                i++;
            }
            if (i < n && append_new(t, list, self, d + i, n - i) < 0) {
                goto error;
            }
        } else {
            intptr_t i = n;
            while (maxsplit-- != 0) {
                while (i > 0 && bspace[(unsigned char)d[i - 1]]) {
                    i--;
                }
                if (i == 0) {
                    break;
                }
                intptr_t j = i;
                while (i > 0 && !bspace[(unsigned char)d[i - 1]]) {
                    i--;
                }
                if (append_new(t, list, self, d + i, j - i) < 0) {
                    goto error;
                }
            }
            while (i > 0 && bspace[(unsigned char)d[i - 1]]) {
                i--;
            }
            if (i > 0 && append_new(t, list, self, d, i) < 0) {
                goto error;
            }
            list_reverse(list);
        }
        return list;
    }
    if (!reverse) {
        intptr_t pos = 0;
        while (maxsplit-- != 0) {
            intptr_t f = pyl_bytes_find(d + pos, n - pos, sd, sn);
            if (f < 0) {
                break;
            }
            if (append_new(t, list, self, d + pos, f) < 0) {
                goto error;
            }
            pos += f + sn;
        }
        if (append_new(t, list, self, d + pos, n - pos) < 0) {
            goto error;
        }
    } else {
        intptr_t end = n;
        while (maxsplit-- != 0) {
            intptr_t f = pyl_bytes_rfind(d, end, sd, sn);
            if (f < 0) {
                break;
            }
            if (append_new(t, list, self, d + f + sn, end - f - sn) < 0) {
                goto error;
            }
            end = f;
        }
        if (append_new(t, list, self, d, end) < 0) {
            goto error;
        }
        list_reverse(list);
    }
    return list;
error:
    pyl_decref(t, list);
    return NULL;
}

PYL_BYTES_PROTO_KW(split)
{
    return split_impl(t, self, args, nargs, kwnames, false);
}

PYL_BYTES_PROTO_KW(rsplit)
{
    return split_impl(t, self, args, nargs, kwnames, true);
}

PYL_BYTES_PROTO_KW(splitlines)
{
    static const char *const names[] = {"keepends", NULL};
    static const PylArgSpec spec = {"splitlines", names, 0, 1};
    PylObject *a[1];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    intptr_t keep = 0;
    if (a[0] != NULL && int_arg(t, a[0], &keep) < 0) {
        return NULL;
    }
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    intptr_t i = 0;
    while (i < n) {
        intptr_t j = i;
        while (i < n && d[i] != '\n' && d[i] != '\r') {
            i++;
        }
        intptr_t eol = i;
        if (i < n) {
            i += (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') ? 2 : 1;
            if (keep) {
                eol = i;
            }
        }
        if (append_new(t, list, self, d + j, eol - j) < 0) {
            pyl_decref(t, list);
            return NULL;
        }
    }
    return list;
}

static PylObject *partition_impl(PylThread *t, PylObject *self, PylObject *sep, bool reverse)
{
    const char *sd, *d;
    intptr_t sn, n;
    if (buffer_arg(t, sep, &sd, &sn) < 0) {
        return NULL;
    }
    if (sn == 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "empty separator");
    }
    view(self, &d, &n);
    intptr_t f = reverse ? pyl_bytes_rfind(d, n, sd, sn) : pyl_bytes_find(d, n, sd, sn);
    PylObject *p[3];
    if (f < 0) {
        PylObject *whole = same_like(t, self);
        PylObject *e1 = new_like(t, self, "", 0), *e2 = new_like(t, self, "", 0);
        if (reverse) {
            p[0] = e1;
            p[1] = e2;
            p[2] = whole;
        } else {
            p[0] = whole;
            p[1] = e1;
            p[2] = e2;
        }
    } else {
        p[0] = new_like(t, self, d, f);
        p[1] = PYL_IS_BYTEARRAY(self) ? new_like(t, self, sd, sn) : same_like(t, sep);
        if (p[1] != NULL && !PYL_IS_BYTEARRAY(self) && !PYL_IS_KIND(p[1], BYTES)) {
            pyl_decref(t, p[1]);
            p[1] = pyl_bytes_new(t, sd, sn);
        }
        p[2] = new_like(t, self, d + f + sn, n - f - sn);
    }
    PylObject *r = NULL;
    if (p[0] && p[1] && p[2]) {
        r = pyl_tuple_pack(t, 3, p[0], p[1], p[2]);
    }
    for (int i = 0; i < 3; i++) {
        pyl_xdecref(t, p[i]);
    }
    return r;
}

PYL_BYTES_PROTO_O(partition)
{
    return partition_impl(t, self, arg, false);
}

PYL_BYTES_PROTO_O(rpartition)
{
    return partition_impl(t, self, arg, true);
}

/* ---- strip, prefixes, replace, join ------------------------------------------------------- */

static PylObject *strip_impl(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             const char *fname, bool left, bool right)
{
    if (pyl_check_nargs(t, fname, nargs, 0, 1) < 0) {
        return NULL;
    }
    uint8_t set[256];
    if (nargs == 0 || args[0] == PYL_NONE) {
        memcpy(set, bspace, sizeof set);
    } else {
        const char *cd;
        intptr_t cn;
        if (buffer_arg(t, args[0], &cd, &cn) < 0) {
            return NULL;
        }
        memset(set, 0, sizeof set);
        for (intptr_t i = 0; i < cn; i++) {
            set[(unsigned char)cd[i]] = 1;
        }
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    intptr_t a = 0, b = n;
    if (left) {
        while (a < b && set[(unsigned char)d[a]]) {
            a++;
        }
    }
    if (right) {
        while (b > a && set[(unsigned char)d[b - 1]]) {
            b--;
        }
    }
    if (a == 0 && b == n) {
        return same_like(t, self);
    }
    return new_like(t, self, d + a, b - a);
}

PYL_BYTES_PROTO_FAST(strip)
{
    return strip_impl(t, self, args, nargs, "strip", true, true);
}

PYL_BYTES_PROTO_FAST(lstrip)
{
    return strip_impl(t, self, args, nargs, "lstrip", true, false);
}

PYL_BYTES_PROTO_FAST(rstrip)
{
    return strip_impl(t, self, args, nargs, "rstrip", false, true);
}

PYL_BYTES_PROTO_O(removeprefix)
{
    const char *pd, *d;
    intptr_t pn, n;
    if (buffer_arg(t, arg, &pd, &pn) < 0) {
        return NULL;
    }
    view(self, &d, &n);
    if (pn > 0 && pn <= n && memcmp(d, pd, (size_t)pn) == 0) {
        return new_like(t, self, d + pn, n - pn);
    }
    return same_like(t, self);
}

PYL_BYTES_PROTO_O(removesuffix)
{
    const char *pd, *d;
    intptr_t pn, n;
    if (buffer_arg(t, arg, &pd, &pn) < 0) {
        return NULL;
    }
    view(self, &d, &n);
    if (pn > 0 && pn <= n && memcmp(d + n - pn, pd, (size_t)pn) == 0) {
        return new_like(t, self, d, n - pn);
    }
    return same_like(t, self);
}

PYL_BYTES_PROTO_FAST(replace)
{
    if (pyl_check_nargs(t, "replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    intptr_t maxcount = -1;
    if (nargs > 2 && index_arg(t, args[2], &maxcount) < 0) {
        return NULL;
    }
    if (maxcount < 0) {
        maxcount = INTPTR_MAX;
    }
    const char *od, *nd, *d;
    intptr_t on, nn, n;
    if (buffer_arg(t, args[0], &od, &on) < 0 || buffer_arg(t, args[1], &nd, &nn) < 0) {
        return NULL;
    }
    view(self, &d, &n);
    intptr_t count;
    if (on == 0) {
        count = n + 1 < maxcount ? n + 1 : maxcount;
    } else {
        count = pyl_bytes_count(d, n, od, on, maxcount);
    }
    if (count == 0) {
        return same_like(t, self);
    }
    intptr_t delta = nn - on;
    if (delta > 0 && count > (INTPTR_MAX / 2 - n) / delta) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "replace bytes is too long");
    }
    intptr_t total = n + count * delta;
    char *w;
    PylObject *r = alloc_like(t, self, total, &w);
    if (r == NULL) {
        return NULL;
    }
    intptr_t pos = 0;
    for (intptr_t i = 0; i < count; i++) {
        if (on == 0) {
            memcpy(w, nd, (size_t)nn);
            w += nn;
            if (pos < n) {
                *w++ = d[pos++];
            }
            continue;
        }
        intptr_t f = pyl_bytes_find(d + pos, n - pos, od, on);
        memcpy(w, d + pos, (size_t)f);
        w += f;
        memcpy(w, nd, (size_t)nn);
        w += nn;
        pos += f + on;
    }
    memcpy(w, d + pos, (size_t)(n - pos));
    return r;
}

PYL_BYTES_PROTO_O(join)
{
    PylObject *seq;
    if (PYL_IS_LIST_EXACT(arg) || PYL_IS_TUPLE_EXACT(arg)) {
        seq = pyl_incref(arg);
    } else {
        seq = pyl_sequence_list(t, arg);
        if (seq == NULL) {
            if (pyl_err_matches(t, PYL_EXC(t, TypeError)) && PYL_TYPEOF(t, arg)->iter == NULL &&
                PYL_TYPEOF(t, arg)->getitem == NULL) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, TypeError), "can only join an iterable");
            }
            return NULL;
        }
    }
    PylObject *const *items = PYL_IS_TUPLE(seq) ? PYL_TUPLE_ITEMS(seq) : PYL_LIST_ITEMS(seq);
    intptr_t count = PYL_IS_TUPLE(seq) ? PYL_TUPLE_SIZE(seq) : PYL_LIST_SIZE(seq);
    const char *sd;
    intptr_t sn;
    view(self, &sd, &sn);
    intptr_t total = 0;
    PylObject *r = NULL;
    for (intptr_t i = 0; i < count; i++) {
        PylObject *it = items[i];
        if (!PYL_IS_BYTES(it) && !PYL_IS_BYTEARRAY(it)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "sequence item %zd: expected a bytes-like object, %T found", (ssize_t)i,
                           it);
            goto done;
        }
        const char *d;
        intptr_t n;
        view(it, &d, &n);
        if (n > INTPTR_MAX / 4 - total || (i > 0 && sn > INTPTR_MAX / 4 - total - n)) {
            pyl_err_nomemory(t);
            goto done;
        }
        total += n + (i > 0 ? sn : 0);
    }
    if (count == 1 && PYL_IS_KIND(items[0], BYTES) && !PYL_IS_BYTEARRAY(self)) {
        r = pyl_incref(items[0]);
        goto done;
    }
    char *w;
    r = alloc_like(t, self, total, &w);
    if (r == NULL) {
        goto done;
    }
    for (intptr_t i = 0; i < count; i++) {
        const char *d;
        intptr_t n;
        if (i > 0) {
            memcpy(w, sd, (size_t)sn);
            w += sn;
        }
        view(items[i], &d, &n);
        memcpy(w, d, (size_t)n);
        w += n;
    }
done:
    pyl_decref(t, seq);
    return r;
}

/* ---- case, predicates -------------------------------------------------------------------- */

static inline bool a_upper(unsigned char c)
{
    return c - 'A' < 26u;
}
static inline bool a_lower(unsigned char c)
{
    return c - 'a' < 26u;
}
static inline bool a_alpha(unsigned char c)
{
    return ((c | 0x20) - 'a') < 26u;
}
static inline bool a_digit(unsigned char c)
{
    return c - '0' < 10u;
}

enum { C_LOWER, C_UPPER, C_SWAP, C_CAP, C_TITLE };

static PylObject *bcase(PylThread *t, PylObject *self, int how)
{
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    char *w;
    PylObject *r = alloc_like(t, self, n, &w);
    if (r == NULL) {
        return NULL;
    }
    view(self, &d, &n);
    bool prev = false;
    for (intptr_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        switch (how) {
        case C_LOWER:
            c = a_upper(c) ? c + 32 : c;
            break;
        case C_UPPER:
            c = a_lower(c) ? c - 32 : c;
            break;
        case C_SWAP:
            c = a_upper(c) ? c + 32 : a_lower(c) ? c - 32 : c;
            break;
        case C_CAP:
            c = i == 0 ? (a_lower(c) ? c - 32 : c) : (a_upper(c) ? c + 32 : c);
            break;
        default: {
            bool alpha = a_alpha(c);
            c = prev ? (a_upper(c) ? c + 32 : c) : (a_lower(c) ? c - 32 : c);
            prev = alpha;
            break;
        }
        }
        w[i] = (char)c;
    }
    return r;
}

PYL_BYTES_PROTO_NOARGS(lower)
{
    return bcase(t, self, C_LOWER);
}

PYL_BYTES_PROTO_NOARGS(upper)
{
    return bcase(t, self, C_UPPER);
}

PYL_BYTES_PROTO_NOARGS(swapcase)
{
    return bcase(t, self, C_SWAP);
}

PYL_BYTES_PROTO_NOARGS(capitalize)
{
    return bcase(t, self, C_CAP);
}

PYL_BYTES_PROTO_NOARGS(title)
{
    return bcase(t, self, C_TITLE);
}

static PylObject *ball(PylObject *self, bool (*pred)(unsigned char))
{
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    if (n == 0) {
        return PYL_FALSE;
    }
    for (intptr_t i = 0; i < n; i++) {
        if (!pred((unsigned char)d[i])) {
            return PYL_FALSE;
        }
    }
    return PYL_TRUE;
}

static bool p_alnum(unsigned char c)
{
    return a_alpha(c) || a_digit(c);
}
static bool p_space(unsigned char c)
{
    return bspace[c];
}

PYL_BYTES_PROTO_NOARGS(isalnum)
{
    return ball(self, p_alnum);
}

PYL_BYTES_PROTO_NOARGS(isalpha)
{
    return ball(self, a_alpha);
}

PYL_BYTES_PROTO_NOARGS(isdigit)
{
    return ball(self, a_digit);
}

PYL_BYTES_PROTO_NOARGS(isspace)
{
    return ball(self, p_space);
}

PYL_BYTES_PROTO_NOARGS(isascii)
{
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    for (intptr_t i = 0; i < n; i++) {
        if ((unsigned char)d[i] >= 0x80) {
            return PYL_FALSE;
        }
    }
    return PYL_TRUE;
}

PYL_BYTES_PROTO_NOARGS(islower)
{
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    bool cased = false;
    for (intptr_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (a_upper(c)) {
            return PYL_FALSE;
        }
        cased |= a_lower(c);
    }
    return PYL_BOOL(cased);
}

PYL_BYTES_PROTO_NOARGS(isupper)
{
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    bool cased = false;
    for (intptr_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (a_lower(c)) {
            return PYL_FALSE;
        }
        cased |= a_upper(c);
    }
    return PYL_BOOL(cased);
}

PYL_BYTES_PROTO_NOARGS(istitle)
{
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    bool cased = false, prev = false;
    for (intptr_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (a_upper(c)) {
            if (prev) {
                return PYL_FALSE;
            }
            prev = cased = true;
        } else if (a_lower(c)) {
            if (!prev) {
                return PYL_FALSE;
            }
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return PYL_BOOL(cased);
}

/* ---- padding, tabs ----------------------------------------------------------------------- */

static PylObject *pad(PylThread *t, PylObject *self, intptr_t left, intptr_t right, char fill)
{
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return same_like(t, self);
    }
    if (left + right > INTPTR_MAX / 2 - n) {
        return pyl_err_nomemory(t);
    }
    char *w;
    PylObject *r = alloc_like(t, self, n + left + right, &w);
    if (r == NULL) {
        return NULL;
    }
    view(self, &d, &n);
    memset(w, fill, (size_t)left);
    memcpy(w + left, d, (size_t)n);
    memset(w + left + n, fill, (size_t)right);
    return r;
}

static PylObject *justify(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          const char *fname, int how)
{
    if (pyl_check_nargs(t, fname, nargs, 1, 2) < 0) {
        return NULL;
    }
    intptr_t width;
    if (index_arg(t, args[0], &width) < 0) {
        return NULL;
    }
    char fill = ' ';
    if (nargs > 1) {
        PylObject *f = args[1];
        const char *fd;
        intptr_t fn = 0;
        if (PYL_IS_BYTES(f) || PYL_IS_BYTEARRAY(f)) {
            view(f, &fd, &fn);
        }
        if (fn != 1) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "%s() argument 2 must be a byte string of length 1, not %T",
                                  fname, f);
        }
        fill = fd[0];
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    if (width <= n) {
        return same_like(t, self);
    }
    intptr_t marg = width - n;
    switch (how) {
    case 'l':
        return pad(t, self, 0, marg, fill);
    case 'r':
        return pad(t, self, marg, 0, fill);
    default: {
        intptr_t left = marg / 2 + (marg & width & 1);
        return pad(t, self, left, marg - left, fill);
    }
    }
}

PYL_BYTES_PROTO_FAST(center)
{
    return justify(t, self, args, nargs, "center", 'c');
}

PYL_BYTES_PROTO_FAST(ljust)
{
    return justify(t, self, args, nargs, "ljust", 'l');
}

PYL_BYTES_PROTO_FAST(rjust)
{
    return justify(t, self, args, nargs, "rjust", 'r');
}

PYL_BYTES_PROTO_O(zfill)
{
    intptr_t width;
    if (index_arg(t, arg, &width) < 0) {
        return NULL;
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    if (width <= n) {
        return same_like(t, self);
    }
    PylObject *r = pad(t, self, width - n, 0, '0');
    if (r == NULL) {
        return NULL;
    }
    char *w;
    intptr_t rn;
    view(r, (const char **)&w, &rn);
    intptr_t fill = width - n;
    if (w[fill] == '+' || w[fill] == '-') {
        w[0] = w[fill];
        w[fill] = '0';
    }
    return r;
}

PYL_BYTES_PROTO_KW(expandtabs)
{
    static const char *const names[] = {"tabsize", NULL};
    static const PylArgSpec spec = {"expandtabs", names, 0, 1};
    PylObject *a[1];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    intptr_t tabsize = 8;
    if (a[0] != NULL && int_arg(t, a[0], &tabsize) < 0) {
        return NULL;
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    PylBuf b;
    pyl_buf_init(&b);
    intptr_t col = 0;
    for (intptr_t i = 0; i < n; i++) {
        char c = d[i];
        if (c == '\t') {
            if (tabsize > 0) {
                intptr_t incr = tabsize - col % tabsize;
                if (col > INTPTR_MAX / 2 - incr) {
                    pyl_buf_free(t, &b);
                    return pyl_err_format(t, PYL_EXC(t, OverflowError), "result too long");
                }
                if (pyl_buf_reserve(t, &b, incr) < 0) {
                    return NULL;
                }
                memset(b.data + b.len, ' ', (size_t)incr);
                b.len += incr;
                col += incr;
            }
            continue;
        }
        if (pyl_buf_putc(t, &b, c) < 0) {
            return NULL;
        }
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
    if (PYL_IS_BYTEARRAY(self)) {
        PylObject *r = pyl_bytearray_new(t, b.data, b.len);
        pyl_buf_free(t, &b);
        return r;
    }
    return pyl_bytes_from_buf(t, &b);
}

/* ---- translate, maketrans, decode ----------------------------------------------------------- */

PYL_BYTES_PROTO_KW(translate)
{
    static const char *const names[] = {"", "delete", NULL};
    static const PylArgSpec spec = {"translate", names, 1, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *table = NULL, *del = NULL;
    intptr_t tn = 0, dn = 0;
    if (a[0] != PYL_NONE) {
        if (buffer_arg(t, a[0], &table, &tn) < 0) {
            return NULL;
        }
        if (tn != 256) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "translation table must be 256 characters long");
        }
    }
    if (a[1] != NULL && buffer_arg(t, a[1], &del, &dn) < 0) {
        return NULL;
    }
    uint8_t delset[256] = {0};
    for (intptr_t i = 0; i < dn; i++) {
        delset[(unsigned char)del[i]] = 1;
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    char *w;
    intptr_t kept = 0;
    for (intptr_t i = 0; i < n; i++) {
        kept += !delset[(unsigned char)d[i]];
    }
    if (table == NULL && kept == n) {
        return same_like(t, self);
    }
    PylObject *r = alloc_like(t, self, kept, &w);
    if (r == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (!delset[c]) {
            *w++ = table ? table[c] : (char)c;
        }
    }
    return r;
}

PylObject *pyl_bytes_maketrans(PylThread *t, PylObject *unused, PylObject *const *args,
                               intptr_t nargs)
{
    if (pyl_check_nargs(t, "maketrans", nargs, 2, 2) < 0) {
        return NULL;
    }
    const char *f, *to;
    intptr_t fn, tn;
    if (buffer_arg(t, args[0], &f, &fn) < 0 || buffer_arg(t, args[1], &to, &tn) < 0) {
        return NULL;
    }
    if (fn != tn) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "maketrans arguments must have same length");
    }
    PylBytes *r = bytes_alloc(t, 256);
    if (r == NULL) {
        return NULL;
    }
    for (int i = 0; i < 256; i++) {
        r->data[i] = (char)i;
    }
    for (intptr_t i = 0; i < fn; i++) {
        r->data[(unsigned char)f[i]] = to[i];
    }
    return (PylObject *)r;
}

PYL_BYTES_PROTO_KW(decode)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    static const PylArgSpec spec = {"decode", names, 0, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *enc = NULL, *err = NULL;
    if (pyl_str_arg_cstr(t, a[0], "decode", "encoding", &enc) < 0 ||
        pyl_str_arg_cstr(t, a[1], "decode", "errors", &err) < 0) {
        return NULL;
    }
    const char *d;
    intptr_t n;
    view(self, &d, &n);
    return pyl_codec_decode(t, d, n, enc, err);
}

PylObject *pyl_bytes_decode(PylThread *t, const char *data, intptr_t n, const char *encoding,
                            const char *errors)
{
    return pyl_codec_decode(t, data, n, encoding, errors);
}

/* ---- construction from objects ---------------------------------------------------------- */

/* Collect the ints of an iterable into buf (range-checked; err is the range
 * message, which differs between bytes() and bytearray()). */
static int bytes_from_iterable(PylThread *t, PylObject *o, PylBuf *b, const char *err)
{
    PylObject *it = pyl_iter(t, o);
    if (it == NULL) {
        return -1;
    }
    PylObject *x;
    while ((x = pyl_iter_next(t, it)) != NULL) {
        intptr_t v;
        int r = index_arg(t, x, &v);
        if (r < 0 && pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            pyl_err_clear(t);
            v = -1;
            r = 0;
        }
        pyl_decref(t, x);
        if (r < 0) {
            pyl_decref(t, it);
            return -1;
        }
        if (v < 0 || v > 255) {
            pyl_decref(t, it);
            pyl_err_format(t, PYL_EXC(t, ValueError), "%s", err);
            return -1;
        }
        if (pyl_buf_putc(t, b, (char)v) < 0) {
            pyl_decref(t, it);
            return -1;
        }
    }
    pyl_decref(t, it);
    return t->exc != NULL ? -1 : 0;
}

/* The bytes for one-argument bytes(o) / bytearray(o); what names the type in the
 * "cannot convert" message. */
PylObject *pyl_bytes_convert(PylThread *t, PylObject *o, const char *what)
{
    if (PYL_IS_BYTES(o) || PYL_IS_BYTEARRAY(o)) {
        const char *d;
        intptr_t n;
        view(o, &d, &n);
        if (PYL_IS_KIND(o, BYTES)) {
            return pyl_incref(o);
        }
        return pyl_bytes_new(t, d, n);
    }
    if (PYL_IS_STR(o)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "string argument without an encoding");
    }
    if (PYL_IS_INT(o) || (PYL_IS_PTR(o) && o->type->index != NULL)) {
        intptr_t n;
        if (pyl_index_as_ssize(t, o, &n) < 0) {
            return NULL;
        }
        if (n < 0) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "negative count");
        }
        PylBytes *r = bytes_alloc(t, n);
        if (r != NULL) {
            memset(r->data, 0, (size_t)n);
        }
        return (PylObject *)r;
    }
    PylBuf b;
    pyl_buf_init(&b);
    if (PYL_IS_LIST_EXACT(o) || PYL_IS_TUPLE_EXACT(o) || PYL_TYPEOF(t, o)->iter != NULL ||
        PYL_TYPEOF(t, o)->getitem != NULL) {
        intptr_t hint = pyl_length_hint(t, o, 0);
        if (hint < 0 || (hint > 0 && pyl_buf_reserve(t, &b, hint) < 0)) {
            pyl_buf_free(t, &b);
            return NULL;
        }
        const char *err = strcmp(what, "bytes") == 0 ? "bytes must be in range(0, 256)"
                                                     : "byte must be in range(0, 256)";
        if (bytes_from_iterable(t, o, &b, err) < 0) {
            pyl_buf_free(t, &b);
            if (pyl_err_matches(t, PYL_EXC(t, TypeError)) && PYL_TYPEOF(t, o)->iter == NULL &&
                PYL_TYPEOF(t, o)->getitem == NULL) {
                pyl_err_clear(t);
                return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot convert '%T' object to %s",
                                      o, what);
            }
            return NULL;
        }
        return pyl_bytes_from_buf(t, &b);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot convert '%T' object to %s", o, what);
}

PylObject *pyl_bytes_from_object(PylThread *t, PylObject *o)
{
    PylObject *meth = pyl_type_lookup(t, PYL_TYPEOF(t, o), PYL_NAME(t, __bytes__));
    if (meth != NULL) {
        PylObject *r = pyl_call_method(t, o, PYL_NAME(t, __bytes__), NULL, 0);
        if (r != NULL && !PYL_IS_BYTES(r)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "__bytes__ returned non-bytes (type %T)", r);
            pyl_decref(t, r);
            return NULL;
        }
        return r;
    }
    return pyl_bytes_convert(t, o, "bytes");
}

/* ---- slots ----------------------------------------------------------------------------------- */

static PylObject *bytes_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    static const PylArgSpec spec = {"bytes", names, 0, 3};
    PylObject *a[3];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *r;
    if (a[1] != NULL || a[2] != NULL) {
        const char *enc = NULL, *err = NULL;
        if (pyl_str_arg_cstr(t, a[1], "bytes", "encoding", &enc) < 0 ||
            pyl_str_arg_cstr(t, a[2], "bytes", "errors", &err) < 0) {
            return NULL;
        }
        if (a[0] == NULL || !PYL_IS_STR(a[0])) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  a[1] != NULL ? "encoding without a string argument"
                                               : "errors without a string argument");
        }
        if (a[1] == NULL) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "string argument without an encoding");
        }
        r = pyl_codec_encode(t, a[0], enc, err);
    } else if (a[0] == NULL) {
        r = pyl_incref(t->vm->empty_bytes);
    } else {
        r = pyl_bytes_from_object(t, a[0]);
    }
    if (r == NULL || type == PYL_TYPE(t, BYTES)) {
        return r;
    }
    /* a subclass instance: the data, its NUL, then the class's tail (if any) */
    intptr_t n = PYL_BYTES_SIZE(r);
    PylBytes *s = (PylBytes *)pyl_obj_alloc(t, type, type->basicsize + n + 1);
    if (s != NULL) {
        memcpy(s->data, PYL_BYTES_DATA(r), (size_t)n + 1);
        s->size = n;
        s->hash = -1;
    }
    pyl_decref(t, r);
    return (PylObject *)s;
}

static void bytes_dealloc(PylThread *t, PylObject *self)
{
    pyl_obj_free(t, self);
}

static PylObject *bytes_repr(PylThread *t, PylObject *self)
{
    return pyl_bytes_repr_data(t, PYL_BYTES_DATA(self), PYL_BYTES_SIZE(self), "");
}

static PylHash bytes_hash(PylThread *t, PylObject *self)
{
    PylBytes *b = (PylBytes *)self;
    if (b->hash != -1) {
        return b->hash;
    }
    PylHash h = b->size == 0 ? 0 : (PylHash)pyl_siphash13(t->vm->hash_key, b->data, b->size);
    if (h == -1) {
        h = -2;
    }
    b->hash = h;
    return h;
}

PylObject *pyl_bytes_richcompare_any(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!(PYL_IS_BYTES(a) || PYL_IS_BYTEARRAY(a)) || !(PYL_IS_BYTES(b) || PYL_IS_BYTEARRAY(b))) {
        return PYL_NOTIMPLEMENTED;
    }
    const char *x, *y;
    intptr_t nx, ny;
    view(a, &x, &nx);
    view(b, &y, &ny);
    if ((op == PYL_EQ || op == PYL_NE) && nx != ny) {
        return PYL_BOOL(op == PYL_NE);
    }
    int c = memcmp(x, y, (size_t)(nx < ny ? nx : ny));
    if (c == 0) {
        c = nx < ny ? -1 : nx > ny;
    }
    switch (op) {
    case PYL_LT:
        return PYL_BOOL(c < 0);
    case PYL_LE:
        return PYL_BOOL(c <= 0);
    case PYL_EQ:
        return PYL_BOOL(c == 0);
    case PYL_NE:
        return PYL_BOOL(c != 0);
    case PYL_GT:
        return PYL_BOOL(c > 0);
    default:
        return PYL_BOOL(c >= 0);
    }
}

static intptr_t bytes_len(PylThread *t, PylObject *self)
{
    return PYL_BYTES_SIZE(self);
}

static bool defers_to(PylThread *t, PylObject *o, int op)
{
    PylType *tp = PYL_TYPEOF(t, o);
    return (tp->flags & PYL_TF_HEAPTYPE) && tp->nb[op] != NULL;
}

static PylObject *bytes_add(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_BYTES(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    if (!PYL_IS_BYTES(b) && !PYL_IS_BYTEARRAY(b)) {
        if (defers_to(t, b, PYL_NB_ADD)) {
            return PYL_NOTIMPLEMENTED;
        }
        return pyl_err_format(t, PYL_EXC(t, TypeError), "can't concat %T to bytes", b);
    }
    const char *y;
    intptr_t ny;
    view(b, &y, &ny);
    intptr_t nx = PYL_BYTES_SIZE(a);
    if (ny == 0 && PYL_IS_KIND(a, BYTES)) {
        return pyl_incref(a);
    }
    if (nx == 0 && PYL_IS_KIND(b, BYTES)) {
        return pyl_incref(b);
    }
    if (nx > INTPTR_MAX / 2 - ny) {
        return pyl_err_nomemory(t);
    }
    PylBytes *r = bytes_alloc(t, nx + ny);
    if (r == NULL) {
        return NULL;
    }
    memcpy(r->data, PYL_BYTES_DATA(a), (size_t)nx);
    memcpy(r->data + nx, y, (size_t)ny);
    return (PylObject *)r;
}

/* self * n for bytes or bytearray self: a new object of self's kind. */
PylObject *pyl_bytes_repeat_like(PylThread *t, PylObject *self, intptr_t n)
{
    const char *d;
    intptr_t len;
    view(self, &d, &len);
    if (n < 0) {
        n = 0;
    }
    if (n == 1) {
        return same_like(t, self);
    }
    if (len > 0 && n > (INTPTR_MAX - (intptr_t)sizeof(PylBytes) - 1) / len) {
        return pyl_err_nomemory(t);
    }
    char *w;
    PylObject *r = alloc_like(t, self, len * n, &w);
    if (r == NULL) {
        return NULL;
    }
    view(self, &d, &len);
    if (len == 1) {
        memset(w, d[0], (size_t)n);
    } else if (len > 0 && n > 0) {
        intptr_t total = len * n, done = len;
        memcpy(w, d, (size_t)len);
        while (done < total) {
            intptr_t chunk = done <= total - done ? done : total - done;
            memcpy(w + done, w, (size_t)chunk);
            done += chunk;
        }
    }
    return r;
}

static PylObject *bytes_mul(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *s = a, *count = b;
    if (!PYL_IS_BYTES(a)) {
        s = b;
        count = a;
    }
    intptr_t n;
    int r = pyl_seq_repeat_count(t, s, count, &n, s != a);
    if (r <= 0) {
        return r < 0 ? NULL : PYL_NOTIMPLEMENTED;
    }
    return pyl_bytes_repeat_like(t, s, n);
}

static PylObject *bytes_mod(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_BYTES(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    return pyl_bytes_mod(t, a, b);
}

static int bytes_contains(PylThread *t, PylObject *self, PylObject *item)
{
    return pyl_bytes_contains_any(t, self, item);
}

/* self[key] for bytes and bytearray: an int, or a new object of self's kind. */
PylObject *pyl_bytes_getitem_any(PylThread *t, PylObject *self, PylObject *key)
{
    const char *d;
    intptr_t n;
    bool ba = PYL_IS_BYTEARRAY(self);
    if (PYL_IS_KIND(key, SLICE)) {
        intptr_t start, stop, step;
        view(self, &d, &n);
        intptr_t len = pyl_slice_unpack(t, key, n, &start, &stop, &step);
        if (len < 0) {
            return NULL;
        }
        view(self, &d, &n); /* the slice's __index__ may have resized a bytearray */
        if (step == 1) {
            if (start + len > n) {
                len = n > start ? n - start : 0;
            }
            if (!ba && start == 0 && len == n && PYL_IS_KIND(self, BYTES)) {
                return pyl_incref(self);
            }
            return new_like(t, self, d + start, len);
        }
        char *w;
        PylObject *r = alloc_like(t, self, len, &w);
        if (r == NULL) {
            return NULL;
        }
        view(self, &d, &n);
        for (intptr_t i = 0, k = start; i < len; i++, k += step) {
            w[i] = k >= 0 && k < n ? d[k] : 0;
        }
        return r;
    }
    if (!PYL_IS_INT(key) && PYL_TYPEOF(t, key)->index == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "%s indices must be integers or slices, not %T",
                              ba ? "bytearray" : "byte", key);
    }
    intptr_t i;
    if (PYL_IS_SMALLINT(key)) {
        i = PYL_SMALLINT_VALUE(key);
    } else if (pyl_index_as_ssize(t, key, &i) < 0) {
        if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, IndexError), "cannot fit '%T' into an index-sized integer",
                           key);
        }
        return NULL;
    }
    view(self, &d, &n);
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return pyl_err_format(t, PYL_EXC(t, IndexError),
                              ba ? "bytearray index out of range" : "index out of range");
    }
    return PYL_SMALLINT((unsigned char)d[i]);
}

static PylObject *bytes_getnewargs(PylThread *t, PylObject *self)
{
    PylObject *b = pyl_bytes_new(t, PYL_BYTES_DATA(self), PYL_BYTES_SIZE(self));
    if (b == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 1, b);
    pyl_decref(t, b);
    return r;
}

static PylObject *bytes_bytes(PylThread *t, PylObject *self)
{
    if (PYL_IS_KIND(self, BYTES)) {
        return pyl_incref(self);
    }
    return pyl_bytes_new(t, PYL_BYTES_DATA(self), PYL_BYTES_SIZE(self));
}

static PylObject *bytes_sizeof(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, 33 + PYL_BYTES_SIZE(self));
}

/* ---- iterators (bytes_iterator and bytearray_iterator) ----------------------------------- */

typedef struct BytesIter {
    PylObject ob;
    PylObject *seq; /* NULL when exhausted */
    intptr_t index;
} BytesIter;

static PylObject *iter_new(PylThread *t, PylObject *self, PylType *type)
{
    BytesIter *it = (BytesIter *)pyl_obj_alloc(t, type, sizeof(BytesIter));
    if (it != NULL) {
        it->seq = pyl_incref(self);
    }
    return (PylObject *)it;
}

static PylObject *bytes_iter(PylThread *t, PylObject *self)
{
    return iter_new(t, self, PYL_TYPE(t, BYTES_ITER));
}

PylObject *pyl_bytearray_iter(PylThread *t, PylObject *self)
{
    return iter_new(t, self, PYL_TYPE(t, BYTEARRAY_ITER));
}

static PylObject *biter_next(PylThread *t, PylObject *self)
{
    BytesIter *it = (BytesIter *)self;
    if (it->seq == NULL) {
        return NULL;
    }
    const char *d;
    intptr_t n;
    view(it->seq, &d, &n);
    if (it->index >= n) {
        PYL_CLEAR(t, it->seq);
        return NULL;
    }
    return PYL_SMALLINT((unsigned char)d[it->index++]);
}

static PylObject *biter_length_hint(PylThread *t, PylObject *self)
{
    BytesIter *it = (BytesIter *)self;
    if (it->seq == NULL) {
        return PYL_SMALLINT(0);
    }
    const char *d;
    intptr_t n;
    view(it->seq, &d, &n);
    return PYL_SMALLINT(n > it->index ? n - it->index : 0);
}

static void biter_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((BytesIter *)self)->seq);
    pyl_obj_free(t, self);
}

static int biter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    BytesIter *it = (BytesIter *)self;
    return it->seq != NULL ? visit(it->seq, arg) : 0;
}

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static const PylMethodDef biter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", biter_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_bytes_iter_type = {
    .name = "bytes_iterator",
    .kind = PYL_K_BYTES_ITER,
    .basicsize = sizeof(BytesIter),
    .dealloc = biter_dealloc,
    .traverse = biter_traverse,
    .iter = iter_self,
    .iternext = biter_next,
    .methods = biter_methods,
};

const PylType pyl_bytearray_iter_type = {
    .name = "bytearray_iterator",
    .kind = PYL_K_BYTEARRAY_ITER,
    .basicsize = sizeof(BytesIter),
    .dealloc = biter_dealloc,
    .traverse = biter_traverse,
    .iter = iter_self,
    .iternext = biter_next,
    .methods = biter_methods,
};

/* ---- the type -------------------------------------------------------------------------------- */

/* clang-format off */
static const PylMethodDef bytes_methods[] = {
    PYL_BYTES_COMMON_METHODS
    {"fromhex", {.o = pyl_bytes_fromhex}, PYL_METH_O | PYL_METH_CLASS, NULL},
    {"maketrans", {.fast = pyl_bytes_maketrans}, PYL_METH_FAST | PYL_METH_STATIC, NULL},
    PYL_METHOD_NOARGS("__getnewargs__", bytes_getnewargs),
    PYL_METHOD_NOARGS("__bytes__", bytes_bytes),
    PYL_METHOD_NOARGS("__sizeof__", bytes_sizeof),
    PYL_METHOD_END,
};
/* clang-format on */

const PylType pyl_bytes_type = {
    .name = "bytes",
    .kind = PYL_K_BYTES,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylBytes),
    .itemsize = 1, /* variable-size: subclasses cannot put a __dict__ at basicsize */
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = pyl_bytes_richcompare_any,
    .len = bytes_len,
    .contains = bytes_contains,
    .getitem = pyl_bytes_getitem_any,
    .iter = bytes_iter,
    .nb = {[PYL_NB_ADD] = bytes_add, [PYL_NB_MUL] = bytes_mul, [PYL_NB_MOD] = bytes_mod},
    .new_ = bytes_new,
    .methods = bytes_methods,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
           "bytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object",
};
