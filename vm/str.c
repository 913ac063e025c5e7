/* str.c — the str type: creation, hashing, comparison, interning, indexing (with
 * the sparse index of non-ASCII strs), repr, the slots and the iterator. Layout
 * and invariants are drawn in str.h. The methods are in strmethods.c,
 * formatting (%, str.format, __format__) in strformat.c, encodings in codecs.c,
 * character properties in unicode.c. ASCII strs take the O(1) paths. */
#include <stdio.h>
#include <stdlib.h>

#include "vm/codecs.h"
#include "vm/core.h"
#include "vm/format.h"
#include "vm/siphash.h"
#include "vm/unicode.h"

/* ---- UTF-8 ------------------------------------------------------------------ */

int pyl_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Code points in n bytes of valid UTF-8: the count of non-continuation bytes. */
intptr_t pyl_utf8_count(const char *s, intptr_t n, bool *ascii)
{
    const unsigned char *p = (const unsigned char *)s;
    intptr_t i = 0, cont = 0;
    uint64_t high = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        high |= w;
        if (w & 0x8080808080808080ULL) {
            /* continuation bytes are 10xxxxxx: bit 7 set and bit 6 clear */
            uint64_t c = w & ~(w << 1) & 0x8080808080808080ULL;
            cont += __builtin_popcountll(c);
        }
    }
    for (; i < n; i++) {
        high |= p[i];
        cont += (p[i] & 0xC0) == 0x80;
    }
    *ascii = (high & 0x8080808080808080ULL) == 0;
    return n - cont;
}

intptr_t pyl_utf8_count_only(const char *s, intptr_t n)
{
    bool ascii;
    return pyl_utf8_count(s, n, &ascii);
}

/* Byte offset after skipping n code points from byte offset off. */
static inline intptr_t skip_chars(const char *data, intptr_t off, intptr_t n)
{
    const unsigned char *p = (const unsigned char *)data;
    while (n > 0) {
        off += pyl_utf8_seqlen(p[off]);
        n--;
    }
    return off;
}

/* ---- creation ---------------------------------------------------------------- */

PylStr *pyl_str_alloc(PylThread *t, intptr_t nbytes)
{
    if (PYL_UNLIKELY(nbytes > INTPTR_MAX - (intptr_t)sizeof(PylStr) - 1)) {
        pyl_err_nomemory(t);
        return NULL;
    }
    PylStr *s = pyl_mem_alloc(t, offsetof(PylStr, data) + (size_t)nbytes + 1);
    if (s == NULL) {
        return NULL;
    }
    s->ob.refcnt = 1;
    s->ob.type = PYL_TYPE(t, STR);
    s->nbytes = nbytes;
    s->hash = -1;
    s->index = NULL;
    s->interned = 0;
    s->data[nbytes] = '\0';
    return s;
}

static PylObject *str_finish(PylStr *s)
{
    bool ascii;
    s->nchars = pyl_utf8_count(s->data, s->nbytes, &ascii);
    s->ascii = ascii;
    return (PylObject *)s;
}

PylObject *pyl_str_new(PylThread *t, const char *utf8, intptr_t nbytes)
{
    if (nbytes == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    if (nbytes == 1 && (unsigned char)utf8[0] < 0x80 &&
        t->vm->latin1_chars[(unsigned char)utf8[0]] != NULL) {
        return pyl_incref(t->vm->latin1_chars[(unsigned char)utf8[0]]);
    }
    PylStr *s = pyl_str_alloc(t, nbytes);
    if (s == NULL) {
        return NULL;
    }
    memcpy(s->data, utf8, (size_t)nbytes);
    return str_finish(s);
}

PylObject *pyl_str_new_counted(PylThread *t, const char *utf8, intptr_t nbytes, intptr_t nchars,
                               bool ascii)
{
    if (nbytes == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    if (nchars == 1) {
        const char *q = utf8;
        uint32_t cp = pyl_utf8_next(&q);
        if (cp < 256 && t->vm->latin1_chars[cp] != NULL) {
            return pyl_incref(t->vm->latin1_chars[cp]);
        }
    }
    PylStr *s = pyl_str_alloc(t, nbytes);
    if (s == NULL) {
        return NULL;
    }
    memcpy(s->data, utf8, (size_t)nbytes);
    s->nchars = nchars;
    s->ascii = ascii;
    return (PylObject *)s;
}

/* A substring of s given by byte offsets [a, b). */
PylObject *pyl_str_slice_bytes(PylThread *t, PylObject *s, intptr_t a, intptr_t b)
{
    if (PYL_STR_IS_ASCII(s)) {
        return pyl_str_new_counted(t, PYL_STR_DATA(s) + a, b - a, b - a, true);
    }
    return pyl_str_new(t, PYL_STR_DATA(s) + a, b - a);
}

/* s itself when it is an exact str, else an exact copy (what methods return when
 * nothing changes). */
PylObject *pyl_str_same(PylThread *t, PylObject *s)
{
    if (PYL_IS_STR_EXACT(s)) {
        return pyl_incref(s);
    }
    return pyl_str_new_counted(t, PYL_STR_DATA(s), PYL_STR_NBYTES(s), PYL_STR_LEN(s),
                               PYL_STR_IS_ASCII(s));
}

PylObject *pyl_str_from_block(PylThread *t, char *block, intptr_t nbytes)
{
    if (nbytes == 0) {
        pyl_mem_free(t, block);
        return pyl_incref(t->vm->empty_str);
    }
    if (nbytes == 1 && (unsigned char)block[offsetof(PylStr, data)] < 0x80 &&
        t->vm->latin1_chars[(unsigned char)block[offsetof(PylStr, data)]] != NULL) {
        unsigned char c = (unsigned char)block[offsetof(PylStr, data)];
        pyl_mem_free(t, block);
        return pyl_incref(t->vm->latin1_chars[c]);
    }
    PylStr *s = pyl_mem_realloc(t, block, offsetof(PylStr, data) + (size_t)nbytes + 1);
    if (s == NULL) {
        pyl_mem_free(t, block);
        return NULL;
    }
    s->ob.refcnt = 1;
    s->ob.type = PYL_TYPE(t, STR);
    s->nbytes = nbytes;
    s->hash = -1;
    s->index = NULL;
    s->interned = 0;
    s->data[nbytes] = '\0';
    return str_finish(s);
}

PylObject *pyl_str_from_cstr(PylThread *t, const char *s)
{
    return pyl_str_new(t, s, (intptr_t)strlen(s));
}

PylObject *pyl_str_from_codepoint(PylThread *t, uint32_t cp)
{
    if (cp < 256 && t->vm->latin1_chars[cp] != NULL) {
        return pyl_incref(t->vm->latin1_chars[cp]);
    }
    char buf[4];
    int n = pyl_utf8_encode(cp, buf);
    return pyl_str_new_counted(t, buf, n, 1, n == 1);
}

PylObject *pyl_str_from_latin1(PylThread *t, const char *s, intptr_t n)
{
    intptr_t extra = 0;
    for (intptr_t i = 0; i < n; i++) {
        extra += (unsigned char)s[i] >> 7;
    }
    if (extra == 0) {
        return pyl_str_new_counted(t, s, n, n, true);
    }
    if (n == 1 && t->vm->latin1_chars[(unsigned char)s[0]] != NULL) {
        return pyl_incref(t->vm->latin1_chars[(unsigned char)s[0]]);
    }
    PylStr *o = pyl_str_alloc(t, n + extra);
    if (o == NULL) {
        return NULL;
    }
    char *d = o->data;
    for (intptr_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            *d++ = (char)c;
        } else {
            *d++ = (char)(0xC0 | (c >> 6));
            *d++ = (char)(0x80 | (c & 0x3F));
        }
    }
    o->nchars = n;
    o->ascii = 0;
    return (PylObject *)o;
}

PylObject *pyl_str_format_c(PylThread *t, const char *fmt, ...)
{
    PylBuf b;
    pyl_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    int r = pyl_buf_vformat(t, &b, fmt, ap);
    va_end(ap);
    if (r < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

PylObject *pyl_str_decode_utf8(PylThread *t, const char *s, intptr_t n, const char *errors)
{
    return pyl_codec_decode_utf8(t, s, n, errors);
}

/* ---- hashing, comparison, interning ------------------------------------------ */

PylHash pyl_str_hash_bytes(PylVM *vm, const char *utf8, intptr_t nbytes)
{
    PylHash h = nbytes == 0 ? 0 : (PylHash)pyl_siphash13(vm->hash_key, utf8, nbytes);
    return h == -1 ? -2 : h;
}

PylHash pyl_str_hash(PylThread *t, PylObject *o)
{
    PylStr *s = (PylStr *)o;
    if (PYL_LIKELY(s->hash != -1)) {
        return s->hash;
    }
    s->hash = pyl_str_hash_bytes(t->vm, s->data, s->nbytes);
    return s->hash;
}

bool pyl_str_equal(PylObject *a, PylObject *b)
{
    if (a == b) {
        return true;
    }
    PylStr *x = (PylStr *)a, *y = (PylStr *)b;
    if (x->nbytes != y->nbytes) {
        return false;
    }
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) {
        return false;
    }
    if (x->interned && y->interned) {
        return false;
    }
    return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

bool pyl_str_equal_cstr(PylObject *a, const char *s)
{
    size_t n = strlen(s);
    return (size_t)PYL_STR_NBYTES(a) == n && memcmp(PYL_STR_DATA(a), s, n) == 0;
}

int pyl_str_compare(PylObject *a, PylObject *b)
{
    intptr_t na = PYL_STR_NBYTES(a), nb = PYL_STR_NBYTES(b);
    int c = memcmp(PYL_STR_DATA(a), PYL_STR_DATA(b), (size_t)(na < nb ? na : nb));
    if (c != 0) {
        return c;
    }
    return na < nb ? -1 : na > nb;
}

PylObject *pyl_str_intern(PylThread *t, PylObject *s)
{
    if (s == NULL) {
        return NULL;
    }
    PylStr *str = (PylStr *)s;
    if (str->interned) {
        return s;
    }
    PylObject *found = pyl_dict_get_str(t, t->vm->interned, s);
    if (found != NULL) {
        pyl_incref(found);
        pyl_decref(t, s);
        return found;
    }
    if (!PYL_IS_STR_EXACT(s)) {
        return s; /* subclass instances are not interned */
    }
    if (pyl_dict_set(t, t->vm->interned, s, s) < 0) {
        pyl_decref(t, s);
        return NULL;
    }
    str->interned = 1;
    return s;
}

/* Looks the bytes up in the interned table first, so that a name interned
 * before (the common case: method tables, names.def) costs one hash and no
 * allocation. */
PylObject *pyl_str_intern_cstr(PylThread *t, const char *s)
{
    intptr_t n = (intptr_t)strlen(s);
    PylHash h = pyl_str_hash_bytes(t->vm, s, n);
    PylObject *found = pyl_dict_get_str_bytes(t->vm->interned, s, n, h);
    if (found != NULL) {
        return pyl_incref(found);
    }
    PylObject *o = pyl_str_new(t, s, n);
    if (o != NULL && !((PylStr *)o)->interned) {
        ((PylStr *)o)->hash = h;
    }
    return pyl_str_intern(t, o);
}

/* ---- the sparse index: code point index <-> byte offset ------------------------ */

/* Strings shorter than this are scanned; longer non-ASCII strs get an index on
 * their first positional access. */
#define INDEX_MIN_CHARS (2 * PYL_STR_INDEX_STEP)

static void build_index(PylThread *t, PylStr *s)
{
    if (t->exc != NULL) {
        return; /* never clobber a pending exception with an allocation failure */
    }
    intptr_t n = s->nchars / PYL_STR_INDEX_STEP + 1;
    intptr_t *ix = pyl_mem_alloc(t, sizeof(intptr_t) * (size_t)n);
    if (ix == NULL) {
        pyl_err_clear(t); /* the index is only a cache */
        return;
    }
    const unsigned char *p = (const unsigned char *)s->data;
    intptr_t off = 0, end = s->nbytes;
    for (intptr_t k = 0; k < n; k++) {
        ix[k] = off;
        for (int j = 0; j < PYL_STR_INDEX_STEP && off < end; j++) {
            off += pyl_utf8_seqlen(p[off]);
        }
    }
    s->index = ix;
}

static intptr_t offset_scan(PylStr *s, intptr_t i)
{
    const unsigned char *p = (const unsigned char *)s->data;
    if (s->index != NULL) {
        return skip_chars(s->data, s->index[i / PYL_STR_INDEX_STEP], i % PYL_STR_INDEX_STEP);
    }
    /* Scan from whichever end is nearer. */
    if (i <= s->nchars / 2) {
        return skip_chars(s->data, 0, i);
    }
    intptr_t off = s->nbytes, k = s->nchars;
    while (k > i) {
        off--;
        while ((p[off] & 0xC0) == 0x80) {
            off--;
        }
        k--;
    }
    return off;
}

intptr_t pyl_str_offset(PylObject *o, intptr_t i)
{
    PylStr *s = (PylStr *)o;
    if (s->ascii) {
        return i;
    }
    if (i >= s->nchars) {
        return s->nbytes;
    }
    return offset_scan(s, i);
}

intptr_t pyl_str_offset_t(PylThread *t, PylObject *o, intptr_t i)
{
    PylStr *s = (PylStr *)o;
    if (PYL_LIKELY(s->ascii)) {
        return i;
    }
    if (i >= s->nchars) {
        return s->nbytes;
    }
    if (s->index == NULL && s->nchars >= INDEX_MIN_CHARS) {
        build_index(t, s);
    }
    return offset_scan(s, i);
}

intptr_t pyl_str_char_index(PylThread *t, PylObject *o, intptr_t off)
{
    PylStr *s = (PylStr *)o;
    if (s->ascii) {
        return off;
    }
    if (off >= s->nbytes) {
        return s->nchars;
    }
    if (s->index == NULL && s->nchars >= INDEX_MIN_CHARS) {
        build_index(t, s);
    }
    if (s->index != NULL) {
        /* the last index entry at or before off */
        intptr_t lo = 0, hi = s->nchars / PYL_STR_INDEX_STEP;
        while (lo < hi) {
            intptr_t mid = lo + (hi - lo + 1) / 2;
            if (s->index[mid] <= off) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo * PYL_STR_INDEX_STEP +
               pyl_utf8_count_only(s->data + s->index[lo], off - s->index[lo]);
    }
    if (off <= s->nbytes / 2) {
        return pyl_utf8_count_only(s->data, off);
    }
    return s->nchars - pyl_utf8_count_only(s->data + off, s->nbytes - off);
}

/* Bytes spanned by n code points starting at byte offset `from`. */
intptr_t pyl_str_offset_from(PylObject *s, intptr_t from, intptr_t n)
{
    if (PYL_STR_IS_ASCII(s)) {
        return n;
    }
    return skip_chars(PYL_STR_DATA(s), from, n) - from;
}

PylObject *pyl_str_char_at(PylThread *t, PylObject *s, intptr_t i)
{
    if (PYL_STR_IS_ASCII(s)) {
        return pyl_incref(t->vm->latin1_chars[(unsigned char)PYL_STR_DATA(s)[i]]);
    }
    const char *p = PYL_STR_DATA(s) + pyl_str_offset_t(t, s, i);
    const char *q = p;
    uint32_t cp = pyl_utf8_next(&q);
    if (cp < 256) {
        return pyl_incref(t->vm->latin1_chars[cp]);
    }
    return pyl_str_new_counted(t, p, q - p, 1, false);
}

PylObject *pyl_str_substr(PylThread *t, PylObject *s, intptr_t start, intptr_t stop)
{
    if (start == 0 && stop == PYL_STR_LEN(s) && PYL_IS_STR_EXACT(s)) {
        return pyl_incref(s);
    }
    if (start >= stop) {
        return pyl_incref(t->vm->empty_str);
    }
    if (PYL_STR_IS_ASCII(s)) {
        return pyl_str_new_counted(t, PYL_STR_DATA(s) + start, stop - start, stop - start, true);
    }
    intptr_t a = pyl_str_offset_t(t, s, start);
    intptr_t b = stop - start <= PYL_STR_INDEX_STEP ? skip_chars(PYL_STR_DATA(s), a, stop - start)
                                                    : pyl_str_offset_t(t, s, stop);
    return pyl_str_new(t, PYL_STR_DATA(s) + a, b - a);
}

/* ---- building ------------------------------------------------------------------- */

PylObject *pyl_str_concat(PylThread *t, PylObject *a, PylObject *b)
{
    intptr_t na = PYL_STR_NBYTES(a), nb = PYL_STR_NBYTES(b);
    if (nb == 0 && PYL_IS_STR_EXACT(a)) {
        return pyl_incref(a);
    }
    if (na == 0 && PYL_IS_STR_EXACT(b)) {
        return pyl_incref(b);
    }
    if (na > INTPTR_MAX / 2 - nb) {
        return pyl_err_nomemory(t);
    }
    PylStr *s = pyl_str_alloc(t, na + nb);
    if (s == NULL) {
        return NULL;
    }
    memcpy(s->data, PYL_STR_DATA(a), (size_t)na);
    memcpy(s->data + na, PYL_STR_DATA(b), (size_t)nb);
    s->nchars = PYL_STR_LEN(a) + PYL_STR_LEN(b);
    s->ascii = PYL_STR_IS_ASCII(a) && PYL_STR_IS_ASCII(b);
    return (PylObject *)s;
}

int pyl_str_append_inplace(PylThread *t, PylObject **sp, PylObject *b)
{
    PylStr *a = (PylStr *)*sp;
    intptr_t nb = PYL_STR_NBYTES(b);
    if (a->ob.refcnt == 1 && PYL_IS_STR_EXACT(*sp) && !a->interned && a->nbytes > 0 &&
        (PylObject *)a != b) {
        if (nb == 0) {
            return 0;
        }
        intptr_t na = a->nbytes;
        if (na > INTPTR_MAX / 2 - nb) {
            pyl_err_nomemory(t);
            return -1;
        }
        PylStr *s = pyl_mem_realloc(t, a, offsetof(PylStr, data) + (size_t)(na + nb) + 1);
        if (s == NULL) {
            return -1;
        }
        memcpy(s->data + na, PYL_STR_DATA(b), (size_t)nb);
        s->data[na + nb] = '\0';
        s->nbytes = na + nb;
        s->nchars += PYL_STR_LEN(b);
        s->ascii = s->ascii && PYL_STR_IS_ASCII(b);
        s->hash = -1;
        if (s->index != NULL) {
            pyl_mem_free(t, s->index);
            s->index = NULL;
        }
        *sp = (PylObject *)s;
        return 0;
    }
    PylObject *r = pyl_str_concat(t, *sp, b);
    if (r == NULL) {
        return -1;
    }
    pyl_setref(t, sp, r);
    return 0;
}

PylObject *pyl_str_repeat(PylThread *t, PylObject *s, intptr_t n)
{
    intptr_t len = PYL_STR_NBYTES(s);
    if (n <= 0 || len == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    if (n == 1) {
        return pyl_str_same(t, s);
    }
    if (len > (INTPTR_MAX - (intptr_t)sizeof(PylStr) - 1) / n) {
        return pyl_err_nomemory(t);
    }
    intptr_t total = len * n;
    PylStr *r = pyl_str_alloc(t, total);
    if (r == NULL) {
        return NULL;
    }
    if (len == 1) {
        memset(r->data, PYL_STR_DATA(s)[0], (size_t)total);
    } else {
        /* double the filled prefix */
        memcpy(r->data, PYL_STR_DATA(s), (size_t)len);
        intptr_t done = len;
        while (done < total) {
            intptr_t chunk = done <= total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)chunk);
            done += chunk;
        }
    }
    r->nchars = PYL_STR_LEN(s) * n;
    r->ascii = PYL_STR_IS_ASCII(s);
    return (PylObject *)r;
}

/* sep.join over an array of items (borrowed; no user code runs meanwhile). */
static PylObject *join_array(PylThread *t, PylObject *sep, PylObject *const *items, intptr_t n)
{
    if (n == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    if (n == 1 && PYL_IS_STR_EXACT(items[0])) {
        return pyl_incref(items[0]);
    }
    intptr_t seplen = PYL_STR_NBYTES(sep);
    intptr_t total = 0, nchars = 0;
    bool ascii = PYL_STR_IS_ASCII(sep) || n == 1;
    for (intptr_t i = 0; i < n; i++) {
        PylObject *it = items[i];
        if (PYL_UNLIKELY(!PYL_IS_STR(it))) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "sequence item %zd: expected str instance, %T found", (ssize_t)i,
                                  it);
        }
        intptr_t l = PYL_STR_NBYTES(it);
        if (l > INTPTR_MAX / 2 - total) {
            return pyl_err_nomemory(t);
        }
        total += l;
        nchars += PYL_STR_LEN(it);
        ascii &= PYL_STR_IS_ASCII(it);
    }
    if (seplen > 0) {
        if ((n - 1) > (INTPTR_MAX / 2 - total) / seplen) {
            return pyl_err_nomemory(t);
        }
        total += (n - 1) * seplen;
        nchars += (n - 1) * PYL_STR_LEN(sep);
    }
    if (total == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    PylStr *s = pyl_str_alloc(t, total);
    if (s == NULL) {
        return NULL;
    }
    char *d = s->data;
    const char *sd = PYL_STR_DATA(sep);
    for (intptr_t i = 0; i < n; i++) {
        if (i > 0) {
            if (seplen == 1) {
                *d++ = sd[0];
            } else if (seplen > 0) {
                memcpy(d, sd, (size_t)seplen);
                d += seplen;
            }
        }
        intptr_t l = PYL_STR_NBYTES(items[i]);
        memcpy(d, PYL_STR_DATA(items[i]), (size_t)l);
        d += l;
    }
    s->nchars = nchars;
    s->ascii = ascii;
    return (PylObject *)s;
}

PylObject *pyl_str_join(PylThread *t, PylObject *sep, PylObject *iterable)
{
    if (PYL_IS_LIST_EXACT(iterable)) {
        return join_array(t, sep, PYL_LIST_ITEMS(iterable), PYL_LIST_SIZE(iterable));
    }
    if (PYL_IS_TUPLE_EXACT(iterable)) {
        return join_array(t, sep, PYL_TUPLE_ITEMS(iterable), PYL_TUPLE_SIZE(iterable));
    }
    PylObject *seq = pyl_sequence_list(t, iterable);
    if (seq == NULL) {
        if (pyl_err_matches(t, PYL_EXC(t, TypeError)) && PYL_TYPEOF(t, iterable)->iter == NULL &&
            PYL_TYPEOF(t, iterable)->getitem == NULL) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, TypeError), "can only join an iterable");
        }
        return NULL;
    }
    PylObject *r = join_array(t, sep, PYL_LIST_ITEMS(seq), PYL_LIST_SIZE(seq));
    pyl_decref(t, seq);
    return r;
}

/* ---- repr ------------------------------------------------------------------------ */

PylObject *pyl_str_repr_ex(PylThread *t, PylObject *o, bool ascii_only)
{
    const char *p = PYL_STR_DATA(o), *end = p + PYL_STR_NBYTES(o);
    bool has_sq = memchr(p, '\'', (size_t)(end - p)) != NULL;
    bool has_dq = has_sq && memchr(p, '"', (size_t)(end - p)) != NULL;
    char quote = (has_sq && !has_dq) ? '"' : '\'';
    PylBuf b;
    pyl_buf_init(&b);
    if (pyl_buf_reserve(t, &b, PYL_STR_NBYTES(o) + 2) < 0) {
        return NULL;
    }
    b.data[b.len++] = quote;
    int r = 0;
    while (p < end && r == 0) {
        /* copy the run that needs no escaping in one go */
        const char *run = p;
        while (p < end && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F && *p != quote &&
               *p != '\\') {
            p++;
        }
        if (p > run && (r = pyl_buf_append(t, &b, run, p - run)) < 0) {
            break;
        }
        if (p >= end) {
            break;
        }
        const char *start = p;
        uint32_t c = pyl_utf8_next(&p);
        if (c == (uint32_t)quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            r = pyl_buf_append(t, &b, esc, 2);
        } else if (c == '\n') {
            r = pyl_buf_append(t, &b, "\\n", 2);
        } else if (c == '\r') {
            r = pyl_buf_append(t, &b, "\\r", 2);
        } else if (c == '\t') {
            r = pyl_buf_append(t, &b, "\\t", 2);
        } else if (c < 0x20 || c == 0x7F) {
            r = pyl_buf_printf(t, &b, "\\x%02x", c);
        } else if (!ascii_only && pyl_unicode_isprintable(c)) {
            r = pyl_buf_append(t, &b, start, p - start);
        } else if (c < 0x100) {
            r = pyl_buf_printf(t, &b, "\\x%02x", c);
        } else if (c < 0x10000) {
            r = pyl_buf_printf(t, &b, "\\u%04x", c);
        } else {
            r = pyl_buf_printf(t, &b, "\\U%08x", c);
        }
    }
    if (r < 0 || pyl_buf_putc(t, &b, quote) < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

static int str_contains(PylThread *t, PylObject *self, PylObject *item)
{
    if (!PYL_IS_STR(item)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "'in <string>' requires string as left operand, not %T", item);
        return -1;
    }
    return pyl_bytes_find(PYL_STR_DATA(self), PYL_STR_NBYTES(self), PYL_STR_DATA(item),
                          PYL_STR_NBYTES(item)) >= 0;
}

/* ---- slots ---------------------------------------------------------------------------------------- */

static void str_dealloc(PylThread *t, PylObject *self)
{
    PylStr *s = (PylStr *)self;
    if (s->index != NULL) {
        pyl_mem_free(t, s->index);
    }
    pyl_obj_free(t, self);
}

static PylObject *str_repr(PylThread *t, PylObject *self)
{
    return pyl_str_repr_ex(t, self, false);
}

static PylObject *str_str(PylThread *t, PylObject *self)
{
    return pyl_str_same(t, self);
}

static PylObject *str_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_STR(b) || !PYL_IS_STR(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    if (op == PYL_EQ || op == PYL_NE) {
        bool eq = pyl_str_equal(a, b);
        return PYL_BOOL(op == PYL_EQ ? eq : !eq);
    }
    int c = pyl_str_compare(a, b);
    switch (op) {
    case PYL_LT:
        return PYL_BOOL(c < 0);
    case PYL_LE:
        return PYL_BOOL(c <= 0);
    case PYL_GT:
        return PYL_BOOL(c > 0);
    default:
        return PYL_BOOL(c >= 0);
    }
}

static intptr_t str_len(PylThread *t, PylObject *self)
{
    return PYL_STR_LEN(self);
}

/* A class defined in Python that implements the operator itself gets its turn
 * (its reflected method) before the sequence operation raises. */
static bool defers_to(PylThread *t, PylObject *o, int op)
{
    PylType *tp = PYL_TYPEOF(t, o);
    return (tp->flags & PYL_TF_HEAPTYPE) && tp->nb[op] != NULL;
}

static PylObject *str_add(PylThread *t, PylObject *a, PylObject *b)
{
    if (PYL_LIKELY(PYL_IS_STR(a) && PYL_IS_STR(b))) {
        return pyl_str_concat(t, a, b);
    }
    if (PYL_IS_STR(a) && !defers_to(t, b, PYL_NB_ADD)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "can only concatenate str (not \"%T\") to str", b);
    }
    return PYL_NOTIMPLEMENTED;
}

/* seq * n for the sequence types of this area: the count from __index__, or the
 * CPython TypeError. Returns 1 with *n set, 0 for NotImplemented, -1 error.
 * seq is the sequence operand: when count is itself a builtin sequence (list *
 * str), CPython repeats the left operand, so the message names seq's type. */
int pyl_seq_repeat_count(PylThread *t, PylObject *seq, PylObject *count, intptr_t *n,
                         bool seq_on_right)
{
    if (seq_on_right && (PYL_IS_LIST(count) || PYL_IS_TUPLE(count) || PYL_IS_STR(count) ||
                         PYL_IS_BYTES(count) || PYL_IS_BYTEARRAY(count))) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "can't multiply sequence by non-int of type '%T'",
                       seq);
        return -1;
    }
    if (PYL_IS_SMALLINT(count)) {
        *n = PYL_SMALLINT_VALUE(count);
        return 1;
    }
    if (PYL_IS_INT(count) || PYL_TYPEOF(t, count)->index != NULL) {
        PylObject *i = pyl_number_index(t, count);
        if (i == NULL) {
            return -1;
        }
        int r = pyl_int_as_ssize(t, i, n);
        pyl_decref(t, i);
        if (r < 0) {
            if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, OverflowError),
                               "cannot fit '%T' into an index-sized integer", count);
            }
            return -1;
        }
        return 1;
    }
    if (defers_to(t, count, PYL_NB_MUL)) {
        return 0;
    }
    pyl_err_format(t, PYL_EXC(t, TypeError), "can't multiply sequence by non-int of type '%T'",
                   count);
    return -1;
}

static PylObject *str_mul(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *s = a, *count = b;
    if (!PYL_IS_STR(a)) {
        s = b;
        count = a;
    }
    intptr_t n;
    int r = pyl_seq_repeat_count(t, s, count, &n, s != a);
    if (r <= 0) {
        return r < 0 ? NULL : PYL_NOTIMPLEMENTED;
    }
    return pyl_str_repeat(t, s, n);
}

static PylObject *str_mod(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_STR(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    return pyl_str_mod(t, a, b);
}

static PylObject *str_getitem(PylThread *t, PylObject *self, PylObject *key)
{
    intptr_t len = PYL_STR_LEN(self);
    if (PYL_IS_SMALLINT(key)) {
        intptr_t i = PYL_SMALLINT_VALUE(key);
        if (i < 0) {
            i += len;
        }
        if ((uintptr_t)i >= (uintptr_t)len) {
            return pyl_err_format(t, PYL_EXC(t, IndexError), "string index out of range");
        }
        return pyl_str_char_at(t, self, i);
    }
    if (PYL_IS_KIND(key, SLICE)) {
        intptr_t start, stop, step;
        intptr_t n = pyl_slice_unpack(t, key, len, &start, &stop, &step);
        if (n < 0) {
            return NULL;
        }
        if (n == 0) {
            return pyl_incref(t->vm->empty_str);
        }
        if (step == 1) {
            return pyl_str_substr(t, self, start, start + n);
        }
        const char *d = PYL_STR_DATA(self);
        if (PYL_STR_IS_ASCII(self)) {
            PylStr *r = pyl_str_alloc(t, n);
            if (r == NULL) {
                return NULL;
            }
            for (intptr_t i = 0, k = start; i < n; i++, k += step) {
                r->data[i] = d[k];
            }
            r->nchars = n;
            r->ascii = 1;
            if (n == 1) {
                PylObject *c = pyl_incref(t->vm->latin1_chars[(unsigned char)r->data[0]]);
                pyl_decref(t, (PylObject *)r);
                return c;
            }
            return (PylObject *)r;
        }
        PylBuf b;
        pyl_buf_init(&b);
        /* walk from the first selected char, step chars at a time */
        intptr_t off = pyl_str_offset_t(t, self, start);
        for (intptr_t i = 0; i < n; i++) {
            const char *p = d + off, *q = p;
            pyl_utf8_next(&q);
            if (pyl_buf_append(t, &b, p, q - p) < 0) {
                pyl_buf_free(t, &b);
                return NULL;
            }
            if (i + 1 == n) {
                break;
            }
            if (step > 0) {
                off = step <= PYL_STR_INDEX_STEP
                          ? skip_chars(d, off, step)
                          : pyl_str_offset_t(t, self, start + (i + 1) * step);
            } else if (-step <= PYL_STR_INDEX_STEP) {
                const char *r = d + off;
                for (intptr_t k = 0; k < -step; k++) {
                    pyl_utf8_prev(&r);
                }
                off = r - d;
            } else {
                off = pyl_str_offset_t(t, self, start + (i + 1) * step);
            }
        }
        return pyl_buf_finish_str(t, &b);
    }
    if (!PYL_IS_INT(key) && PYL_TYPEOF(t, key)->index == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "string indices must be integers, not '%T'",
                              key);
    }
    intptr_t i;
    if (pyl_index_as_ssize(t, key, &i) < 0) {
        if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, IndexError), "cannot fit '%T' into an index-sized integer",
                           key);
        }
        return NULL;
    }
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "string index out of range");
    }
    return pyl_str_char_at(t, self, i);
}

static PylObject *str_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    static const PylArgSpec spec = {"str", names, 0, 3};
    PylObject *a[3];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *r;
    if (a[0] == NULL) {
        r = pyl_incref(t->vm->empty_str);
    } else if (a[1] == NULL && a[2] == NULL) {
        r = pyl_str(t, a[0]);
    } else {
        const char *enc = NULL, *err = NULL;
        if (pyl_str_arg_cstr(t, a[1], "str", "encoding", &enc) < 0 ||
            pyl_str_arg_cstr(t, a[2], "str", "errors", &err) < 0) {
            return NULL;
        }
        const char *data;
        intptr_t n;
        if (PYL_IS_STR(a[0])) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "decoding str is not supported");
        }
        if (!PYL_IS_BYTES(a[0]) && !PYL_IS_BYTEARRAY(a[0])) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "decoding to str: need a bytes-like object, %T found", a[0]);
        }
        if (pyl_bytes_view(t, a[0], &data, &n) < 0) {
            return NULL;
        }
        r = pyl_codec_decode(t, data, n, enc, err);
    }
    if (r == NULL || type == PYL_TYPE(t, STR)) {
        return r;
    }
    /* a subclass instance: same layout, copied: the data, its NUL, then the
     * class's tail (__dict__, __slots__) if it has one */
    intptr_t nb = PYL_STR_NBYTES(r);
    PylStr *s = (PylStr *)pyl_obj_alloc(t, type, type->basicsize + nb + 1);
    if (s != NULL) {
        memcpy(s->data, PYL_STR_DATA(r), (size_t)nb + 1);
        s->nbytes = nb;
        s->nchars = PYL_STR_LEN(r);
        s->ascii = PYL_STR_IS_ASCII(r);
        s->hash = -1;
        s->index = NULL;
    }
    pyl_decref(t, r);
    return (PylObject *)s;
}

/* ---- str iterator ------------------------------------------------------------------------ */

typedef struct StrIter {
    PylObject ob;
    PylObject *str; /* NULL when exhausted */
    intptr_t offset;
} StrIter;

static PylObject *str_iter(PylThread *t, PylObject *self)
{
    StrIter *it = (StrIter *)pyl_obj_alloc(t, PYL_TYPE(t, STR_ITER), sizeof(StrIter));
    if (it != NULL) {
        it->str = pyl_incref(self);
    }
    return (PylObject *)it;
}

static PylObject *str_iter_next(PylThread *t, PylObject *self)
{
    StrIter *it = (StrIter *)self;
    if (it->str == NULL) {
        return NULL;
    }
    if (it->offset >= PYL_STR_NBYTES(it->str)) {
        PYL_CLEAR(t, it->str);
        return NULL;
    }
    const char *p = PYL_STR_DATA(it->str) + it->offset, *q = p;
    uint32_t cp = pyl_utf8_next(&q);
    it->offset += q - p;
    if (cp < 256) {
        return pyl_incref(t->vm->latin1_chars[cp]);
    }
    return pyl_str_new_counted(t, p, q - p, 1, false);
}

static PylObject *str_iter_length_hint(PylThread *t, PylObject *self)
{
    StrIter *it = (StrIter *)self;
    if (it->str == NULL) {
        return PYL_SMALLINT(0);
    }
    intptr_t done = pyl_str_char_index(t, it->str, it->offset);
    return PYL_SMALLINT(PYL_STR_LEN(it->str) - done);
}

static void str_iter_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((StrIter *)self)->str);
    pyl_obj_free(t, self);
}

static int str_iter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    StrIter *it = (StrIter *)self;
    return it->str != NULL ? visit(it->str, arg) : 0;
}

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static const PylMethodDef str_iter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", str_iter_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_str_iter_type = {
    .name = "str_ascii_iterator",
    .kind = PYL_K_STR_ITER,
    .basicsize = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .traverse = str_iter_traverse,
    .iter = iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
};

/* ---- the type ---------------------------------------------------------------------------------- */

static PylHash str_hash_slot(PylThread *t, PylObject *self)
{
    return pyl_str_hash(t, self);
}

const PylType pyl_str_type = {
    .name = "str",
    .kind = PYL_K_STR,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylStr),
    .itemsize = 1, /* variable-size: subclasses cannot put a __dict__ at basicsize */
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .len = str_len,
    .contains = str_contains,
    .getitem = str_getitem,
    .iter = str_iter,
    .nb = {[PYL_NB_ADD] = str_add, [PYL_NB_MUL] = str_mul, [PYL_NB_MOD] = str_mod},
    .new_ = str_new,
    .methods = pyl_str_methods,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object. If encoding or\n"
           "errors is specified, then the object must expose a data buffer\n"
           "that will be decoded using the given encoding and error handler.\n"
           "Otherwise, returns the result of object.__str__() (if defined)\n"
           "or repr(object).\n"
           "encoding defaults to sys.getdefaultencoding().\n"
           "errors defaults to 'strict'.",
};
