/* str.c — the str type: creation, hashing, comparison, interning, indexing (with
 * the sparse index of non-ASCII strs), and the str methods. Layout and
 * invariants are drawn in str.h. Formatting (%, str.format, __format__) lives in
 * strformat.c, encodings in codecs.c, character properties in unicode.c.
 *
 * Every method works on the UTF-8 bytes directly: UTF-8 is self-synchronising,
 * so a byte search for a valid UTF-8 needle only matches at character
 * boundaries, and code point positions are computed only where Python exposes
 * them (indices, find results, widths). ASCII strs take the O(1) paths. */
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
static intptr_t count_chars(const char *s, intptr_t n, bool *ascii)
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

static intptr_t count_only(const char *s, intptr_t n)
{
    bool ascii;
    return count_chars(s, n, &ascii);
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

static PylStr *str_alloc(PylThread *t, intptr_t nbytes)
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
    s->nchars = count_chars(s->data, s->nbytes, &ascii);
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
    PylStr *s = str_alloc(t, nbytes);
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
    PylStr *s = str_alloc(t, nbytes);
    if (s == NULL) {
        return NULL;
    }
    memcpy(s->data, utf8, (size_t)nbytes);
    s->nchars = nchars;
    s->ascii = ascii;
    return (PylObject *)s;
}

/* A substring of s given by byte offsets [a, b). */
static PylObject *str_slice_bytes(PylThread *t, PylObject *s, intptr_t a, intptr_t b)
{
    if (PYL_STR_IS_ASCII(s)) {
        return pyl_str_new_counted(t, PYL_STR_DATA(s) + a, b - a, b - a, true);
    }
    return pyl_str_new(t, PYL_STR_DATA(s) + a, b - a);
}

/* s itself when it is an exact str, else an exact copy (what methods return when
 * nothing changes). */
static PylObject *str_same(PylThread *t, PylObject *s)
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
    PylStr *o = str_alloc(t, n + extra);
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

PylHash pyl_str_hash(PylThread *t, PylObject *o)
{
    PylStr *s = (PylStr *)o;
    if (PYL_LIKELY(s->hash != -1)) {
        return s->hash;
    }
    PylHash h = s->nbytes == 0 ? 0 : (PylHash)pyl_siphash13(t->vm->hash_key, s->data, s->nbytes);
    if (h == -1) {
        h = -2;
    }
    s->hash = h;
    return h;
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

PylObject *pyl_str_intern_cstr(PylThread *t, const char *s)
{
    return pyl_str_intern(t, pyl_str_from_cstr(t, s));
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
        return lo * PYL_STR_INDEX_STEP + count_only(s->data + s->index[lo], off - s->index[lo]);
    }
    if (off <= s->nbytes / 2) {
        return count_only(s->data, off);
    }
    return s->nchars - count_only(s->data + off, s->nbytes - off);
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
    PylStr *s = str_alloc(t, na + nb);
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
        return str_same(t, s);
    }
    if (len > (INTPTR_MAX - (intptr_t)sizeof(PylStr) - 1) / n) {
        return pyl_err_nomemory(t);
    }
    intptr_t total = len * n;
    PylStr *r = str_alloc(t, total);
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
    PylStr *s = str_alloc(t, total);
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

/* ---- argument helpers ------------------------------------------------------------- */

/* "slice index" argument (None or anything with __index__), clamped. 1 if given. */
static int slice_index_arg(PylThread *t, PylObject *o, intptr_t *out)
{
    if (o == NULL || o == PYL_NONE) {
        return 0;
    }
    if (PYL_IS_SMALLINT(o)) {
        *out = PYL_SMALLINT_VALUE(o);
        return 1;
    }
    if (!PYL_IS_INT(o) && PYL_TYPEOF(t, o)->index == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    if (pyl_index_as_ssize_clamped(t, o, out) < 0) {
        return -1;
    }
    return 1;
}

/* Optional start/end of find() & co. resolved against len like CPython's
 * ADJUST_INDICES: end is clamped to [0, len], start to >= 0 (but may exceed len). */
int pyl_str_adjust_range(PylThread *t, PylObject *so, PylObject *eo, intptr_t len, intptr_t *start,
                         intptr_t *end)
{
    intptr_t s = 0, e = INTPTR_MAX;
    if (slice_index_arg(t, so, &s) < 0 || slice_index_arg(t, eo, &e) < 0) {
        return -1;
    }
    if (e > len) {
        e = len;
    } else if (e < 0) {
        e += len;
        if (e < 0) {
            e = 0;
        }
    }
    if (s < 0) {
        s += len;
        if (s < 0) {
            s = 0;
        }
    }
    *start = s;
    *end = e;
    return 0;
}

/* A Py_ssize_t argument the way Argument Clinic converts it: __index__, then
 * OverflowError "Python int too large to convert to C ssize_t". */
int pyl_arg_ssize(PylThread *t, PylObject *o, intptr_t *out)
{
    if (PYL_IS_SMALLINT(o)) {
        *out = PYL_SMALLINT_VALUE(o);
        return 0;
    }
    PylObject *i = pyl_number_index(t, o);
    if (i == NULL) {
        return -1;
    }
    int r = pyl_int_as_ssize(t, i, out);
    pyl_decref(t, i);
    return r;
}

/* A C int argument (Argument Clinic's 'i'): floats refused, OverflowError
 * "Python int too large to convert to C int". */
int pyl_arg_cint(PylThread *t, PylObject *o, intptr_t *out)
{
    if (PYL_IS_FLOAT(o)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "'float' object cannot be interpreted as an integer");
        return -1;
    }
    intptr_t v;
    if (PYL_IS_SMALLINT(o)) {
        v = PYL_SMALLINT_VALUE(o);
    } else if (pyl_arg_ssize(t, o, &v) < 0) {
        if (!pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            return -1;
        }
        pyl_err_clear(t);
        v = INTPTR_MAX;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        pyl_err_format(t, PYL_EXC(t, OverflowError), "Python int too large to convert to C int");
        return -1;
    }
    *out = v;
    return 0;
}

#define index_arg pyl_arg_ssize
#define int_arg pyl_arg_cint

/* How Argument Clinic names an argument's type in messages: "None" for None. */
static const char *clinic_name(PylThread *t, PylObject *o)
{
    return o == PYL_NONE ? "None" : pyl_type_name(t, o);
}

static PylObject *must_be_str(PylThread *t, PylObject *o)
{
    return pyl_err_format(t, PYL_EXC(t, TypeError), "must be str, not %T", o);
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

/* ---- find, count, index, startswith ------------------------------------------------ */

/* Resolve (sub[, start[, end]]) for find-like methods. Sets byte range [*bs, *be)
 * of self to search and *cs (char start). Returns 1 to search, 0 when the range
 * cannot contain sub, -1 on error. */
static int find_setup(PylThread *t, const char *fname, PylObject *self, PylObject *const *args,
                      intptr_t nargs, PylObject **sub, intptr_t *bs, intptr_t *be, intptr_t *cs,
                      intptr_t *ce)
{
    if (fast_nargs(t, fname, nargs, 1, 3) < 0) {
        return -1;
    }
    if (!PYL_IS_STR(args[0])) {
        must_be_str(t, args[0]);
        return -1;
    }
    *sub = args[0];
    intptr_t len = PYL_STR_LEN(self), start, end;
    if (pyl_str_adjust_range(t, nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, len, &start,
                             &end) < 0) {
        return -1;
    }
    *cs = start;
    *ce = end;
    if (end - start < PYL_STR_LEN(*sub)) {
        return 0;
    }
    if (PYL_STR_IS_ASCII(self)) {
        *bs = start;
        *be = end;
    } else {
        *bs = start == 0 ? 0 : pyl_str_offset_t(t, self, start);
        *be = end == len ? PYL_STR_NBYTES(self) : pyl_str_offset_t(t, self, end);
    }
    return 1;
}

/* -2 error, -1 not found, else char index. */
static intptr_t find_impl(PylThread *t, const char *fname, PylObject *self, PylObject *const *args,
                          intptr_t nargs, bool reverse)
{
    PylObject *sub;
    intptr_t bs, be, cs, ce;
    int r = find_setup(t, fname, self, args, nargs, &sub, &bs, &be, &cs, &ce);
    if (r <= 0) {
        return r - 1;
    }
    const char *d = PYL_STR_DATA(self);
    intptr_t off = reverse
                       ? pyl_bytes_rfind(d + bs, be - bs, PYL_STR_DATA(sub), PYL_STR_NBYTES(sub))
                       : pyl_bytes_find(d + bs, be - bs, PYL_STR_DATA(sub), PYL_STR_NBYTES(sub));
    if (off < 0) {
        return -1;
    }
    if (PYL_STR_IS_ASCII(self)) {
        return bs + off;
    }
    if (!reverse) {
        return cs + count_only(d + bs, off);
    }
    return pyl_str_char_index(t, self, bs + off);
}

static PylObject *str_find(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    intptr_t i = find_impl(t, "find", self, args, nargs, false);
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

static PylObject *str_rfind(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    intptr_t i = find_impl(t, "rfind", self, args, nargs, true);
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

static PylObject *str_index(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    intptr_t i = find_impl(t, "index", self, args, nargs, false);
    if (i == -1) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "substring not found");
    }
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

static PylObject *str_rindex(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    intptr_t i = find_impl(t, "rindex", self, args, nargs, true);
    if (i == -1) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "substring not found");
    }
    return i == -2 ? NULL : PYL_SMALLINT(i);
}

static PylObject *str_count(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    PylObject *sub;
    intptr_t bs, be, cs, ce;
    int r = find_setup(t, "count", self, args, nargs, &sub, &bs, &be, &cs, &ce);
    if (r <= 0) {
        return r < 0 ? NULL : PYL_SMALLINT(0);
    }
    if (PYL_STR_NBYTES(sub) == 0) {
        return PYL_SMALLINT(ce - cs + 1);
    }
    return PYL_SMALLINT(pyl_bytes_count(PYL_STR_DATA(self) + bs, be - bs, PYL_STR_DATA(sub),
                                        PYL_STR_NBYTES(sub), INTPTR_MAX));
}

/* Does self[start:end] start (or end) with sub? CPython's tailmatch. */
static bool tailmatch(PylThread *t, PylObject *self, PylObject *sub, intptr_t start, intptr_t end,
                      bool atend)
{
    intptr_t sublen = PYL_STR_LEN(sub);
    end -= sublen;
    if (end < start) {
        return false;
    }
    if (sublen == 0) {
        return true;
    }
    intptr_t nb = PYL_STR_NBYTES(sub);
    intptr_t off;
    if (PYL_STR_IS_ASCII(self)) {
        off = atend ? end : start;
    } else if (atend) {
        off = pyl_str_offset_t(t, self, end + sublen) - nb;
        /* the byte window must also start at a char boundary: true when the
         * bytes match, since sub is valid UTF-8 */
    } else {
        off = pyl_str_offset_t(t, self, start);
    }
    if (off < 0 || off + nb > PYL_STR_NBYTES(self)) {
        return false;
    }
    return memcmp(PYL_STR_DATA(self) + off, PYL_STR_DATA(sub), (size_t)nb) == 0;
}

static PylObject *startsend(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            bool atend)
{
    const char *fname = atend ? "endswith" : "startswith";
    if (fast_nargs(t, fname, nargs, 1, 3) < 0) {
        return NULL;
    }
    intptr_t start, end;
    if (pyl_str_adjust_range(t, nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                             PYL_STR_LEN(self), &start, &end) < 0) {
        return NULL;
    }
    PylObject *x = args[0];
    if (PYL_IS_TUPLE(x)) {
        for (intptr_t i = 0; i < PYL_TUPLE_SIZE(x); i++) {
            PylObject *s = PYL_TUPLE_ITEM(x, i);
            if (!PYL_IS_STR(s)) {
                return pyl_err_format(t, PYL_EXC(t, TypeError),
                                      "tuple for %s must only contain str, not %T", fname, s);
            }
            if (tailmatch(t, self, s, start, end, atend)) {
                return PYL_TRUE;
            }
        }
        return PYL_FALSE;
    }
    if (!PYL_IS_STR(x)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "%s first arg must be str or a tuple of str, not %T", fname, x);
    }
    return PYL_BOOL(tailmatch(t, self, x, start, end, atend));
}

static PylObject *str_startswith(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs)
{
    return startsend(t, self, args, nargs, false);
}

static PylObject *str_endswith(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs)
{
    return startsend(t, self, args, nargs, true);
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

/* ---- whitespace ---------------------------------------------------------------------- */

/* ASCII whitespace of str.split()/strip(): \t \n \v \f \r, \x1c-\x1f and space. */
static const uint8_t ascii_space[128] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [' '] = 1,
};

/* Is the character at p whitespace? *len receives its byte length. */
static inline bool space_at(const char *p, int *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return ascii_space[c];
    }
    const char *q = p;
    uint32_t cp = pyl_utf8_next(&q);
    *len = (int)(q - p);
    return pyl_unicode_isspace(cp);
}

/* Is the character ending at p (exclusive) whitespace? *len = its byte length. */
static inline bool space_before(const char *p, int *len)
{
    unsigned char c = (unsigned char)p[-1];
    if (c < 0x80) {
        *len = 1;
        return ascii_space[c];
    }
    const char *q = p;
    uint32_t cp = pyl_utf8_prev(&q);
    *len = (int)(p - q);
    return pyl_unicode_isspace(cp);
}

/* ---- split ------------------------------------------------------------------------------ */

/* Append the str of bytes [a, b) of self to list. */
static int append_piece(PylThread *t, PylObject *list, PylObject *self, const char *a,
                        const char *b)
{
    PylObject *s = str_slice_bytes(t, self, a - PYL_STR_DATA(self), b - PYL_STR_DATA(self));
    if (s == NULL) {
        return -1;
    }
    int r = pyl_list_append(t, list, s);
    pyl_decref(t, s);
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

static PylObject *split_whitespace(PylThread *t, PylObject *self, intptr_t maxsplit)
{
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    int l;
    while (maxsplit-- != 0) {
        while (p < end && space_at(p, &l)) {
            p += l;
        }
        if (p == end) {
            break;
        }
        const char *w = p;
        while (p < end && !space_at(p, &l)) {
            p += l;
        }
        if (w == PYL_STR_DATA(self) && p == end && PYL_IS_STR_EXACT(self)) {
            if (pyl_list_append(t, list, self) < 0) {
                goto error;
            }
            return list;
        }
        if (append_piece(t, list, self, w, p) < 0) {
            goto error;
        }
    }
    if (p < end) {
        while (p < end && space_at(p, &l)) {
            p += l;
        }
        if (p != end && append_piece(t, list, self, p, end) < 0) {
            goto error;
        }
    }
    return list;
error:
    pyl_decref(t, list);
    return NULL;
}

static PylObject *rsplit_whitespace(PylThread *t, PylObject *self, intptr_t maxsplit)
{
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    const char *begin = PYL_STR_DATA(self), *p = begin + PYL_STR_NBYTES(self);
    int l;
    while (maxsplit-- != 0) {
        while (p > begin && space_before(p, &l)) {
            p -= l;
        }
        if (p == begin) {
            break;
        }
        const char *w = p;
        while (p > begin && !space_before(p, &l)) {
            p -= l;
        }
        if (append_piece(t, list, self, p, w) < 0) {
            goto error;
        }
    }
    if (p > begin) {
        while (p > begin && space_before(p, &l)) {
            p -= l;
        }
        if (p != begin && append_piece(t, list, self, begin, p) < 0) {
            goto error;
        }
    }
    list_reverse(list);
    return list;
error:
    pyl_decref(t, list);
    return NULL;
}

static PylObject *split_sep(PylThread *t, PylObject *self, PylObject *sep, intptr_t maxsplit,
                            bool reverse)
{
    intptr_t seplen = PYL_STR_NBYTES(sep);
    if (seplen == 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "empty separator");
    }
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    const char *d = PYL_STR_DATA(self), *sd = PYL_STR_DATA(sep);
    intptr_t n = PYL_STR_NBYTES(self);
    if (!reverse) {
        intptr_t pos = 0;
        while (maxsplit-- != 0) {
            intptr_t f = pyl_bytes_find(d + pos, n - pos, sd, seplen);
            if (f < 0) {
                break;
            }
            if (append_piece(t, list, self, d + pos, d + pos + f) < 0) {
                goto error;
            }
            pos += f + seplen;
        }
        if (pos == 0 && PYL_IS_STR_EXACT(self)) {
            if (pyl_list_append(t, list, self) < 0) {
                goto error;
            }
        } else if (append_piece(t, list, self, d + pos, d + n) < 0) {
            goto error;
        }
    } else {
        intptr_t end = n;
        while (maxsplit-- != 0) {
            intptr_t f = pyl_bytes_rfind(d, end, sd, seplen);
            if (f < 0) {
                break;
            }
            if (append_piece(t, list, self, d + f + seplen, d + end) < 0) {
                goto error;
            }
            end = f;
        }
        if (end == n && PYL_IS_STR_EXACT(self)) {
            if (pyl_list_append(t, list, self) < 0) {
                goto error;
            }
        } else if (append_piece(t, list, self, d, d + end) < 0) {
            goto error;
        }
        list_reverse(list);
    }
    return list;
error:
    pyl_decref(t, list);
    return NULL;
}

static PylObject *split_common(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames, bool reverse)
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
    if (a[0] == NULL || a[0] == PYL_NONE) {
        return reverse ? rsplit_whitespace(t, self, maxsplit) : split_whitespace(t, self, maxsplit);
    }
    if (!PYL_IS_STR(a[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "must be str or None, not %T", a[0]);
    }
    return split_sep(t, self, a[0], maxsplit, reverse);
}

static PylObject *str_split(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return split_common(t, self, args, nargs, kwnames, false);
}

static PylObject *str_rsplit(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    return split_common(t, self, args, nargs, kwnames, true);
}

/* Length of the line break at p (0 if none): \n \r \r\n \v \f \x1c-\x1e, U+0085,
 * U+2028, U+2029. */
static inline int linebreak_at(const unsigned char *p, const unsigned char *end)
{
    unsigned char c = *p;
    if (c < 0x80) {
        if (c == '\r') {
            return (p + 1 < end && p[1] == '\n') ? 2 : 1;
        }
        return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E);
    }
    if (c == 0xC2) {
        return p[1] == 0x85 ? 2 : 0;
    }
    if (c == 0xE2) {
        return (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) ? 3 : 0;
    }
    return 0;
}

static PylObject *str_splitlines(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
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
    const unsigned char *begin = (const unsigned char *)PYL_STR_DATA(self);
    const unsigned char *p = begin, *end = begin + PYL_STR_NBYTES(self);
    while (p < end) {
        const unsigned char *line = p;
        int bl = 0;
        while (p < end && (bl = linebreak_at(p, end)) == 0) {
            p++;
        }
        const unsigned char *eol = p;
        if (p < end) {
            p += bl;
            if (keep) {
                eol = p;
            }
        }
        if (line == begin && p == end && eol == end && PYL_IS_STR_EXACT(self)) {
            if (pyl_list_append(t, list, self) < 0) {
                goto error;
            }
            break;
        }
        if (append_piece(t, list, self, (const char *)line, (const char *)eol) < 0) {
            goto error;
        }
    }
    return list;
error:
    pyl_decref(t, list);
    return NULL;
}

/* ---- strip, partition, prefixes --------------------------------------------------------- */

/* Is code point cp (at p, length l) in the chars set given as a str? */
static bool in_chars(PylObject *chars, const char *p, int l)
{
    const char *c = PYL_STR_DATA(chars);
    intptr_t n = PYL_STR_NBYTES(chars);
    if (l == 1) {
        return memchr(c, *p, (size_t)n) != NULL;
    }
    intptr_t off = pyl_bytes_find(c, n, p, l);
    return off >= 0;
}

static PylObject *strip_impl(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             const char *fname, bool left, bool right)
{
    if (pyl_check_nargs(t, fname, nargs, 0, 1) < 0) {
        return NULL;
    }
    PylObject *chars = nargs > 0 ? args[0] : PYL_NONE;
    if (chars != PYL_NONE && !PYL_IS_STR(chars)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%s arg must be None or str", fname);
    }
    const char *begin = PYL_STR_DATA(self), *end = begin + PYL_STR_NBYTES(self);
    const char *a = begin, *b = end;
    int l;
    if (chars == PYL_NONE) {
        if (left) {
            while (a < b && space_at(a, &l)) {
                a += l;
            }
        }
        if (right) {
            while (b > a && space_before(b, &l)) {
                b -= l;
            }
        }
    } else if (PYL_STR_IS_ASCII(chars)) {
        uint8_t set[256] = {0};
        for (intptr_t i = 0; i < PYL_STR_NBYTES(chars); i++) {
            set[(unsigned char)PYL_STR_DATA(chars)[i]] = 1;
        }
        if (left) {
            while (a < b && set[(unsigned char)*a]) {
                a++;
            }
        }
        if (right) {
            while (b > a && set[(unsigned char)b[-1]]) {
                b--;
            }
        }
    } else {
        if (left) {
            while (a < b) {
                l = pyl_utf8_seqlen((unsigned char)*a);
                if (!in_chars(chars, a, l)) {
                    break;
                }
                a += l;
            }
        }
        if (right) {
            while (b > a) {
                const char *q = b;
                pyl_utf8_prev(&q);
                if (!in_chars(chars, q, (int)(b - q))) {
                    break;
                }
                b = q;
            }
        }
    }
    if (a == begin && b == end) {
        return str_same(t, self);
    }
    return str_slice_bytes(t, self, a - begin, b - begin);
}

static PylObject *str_strip(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return strip_impl(t, self, args, nargs, "strip", true, true);
}

static PylObject *str_lstrip(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return strip_impl(t, self, args, nargs, "lstrip", true, false);
}

static PylObject *str_rstrip(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return strip_impl(t, self, args, nargs, "rstrip", false, true);
}

static PylObject *partition_impl(PylThread *t, PylObject *self, PylObject *sep, bool reverse)
{
    if (!PYL_IS_STR(sep)) {
        return must_be_str(t, sep);
    }
    intptr_t sl = PYL_STR_NBYTES(sep);
    if (sl == 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "empty separator");
    }
    const char *d = PYL_STR_DATA(self);
    intptr_t n = PYL_STR_NBYTES(self);
    intptr_t f = reverse ? pyl_bytes_rfind(d, n, PYL_STR_DATA(sep), sl)
                         : pyl_bytes_find(d, n, PYL_STR_DATA(sep), sl);
    PylObject *parts[3];
    if (f < 0) {
        PylObject *whole = str_same(t, self);
        if (whole == NULL) {
            return NULL;
        }
        PylObject *r = reverse ? pyl_tuple_pack(t, 3, t->vm->empty_str, t->vm->empty_str, whole)
                               : pyl_tuple_pack(t, 3, whole, t->vm->empty_str, t->vm->empty_str);
        pyl_decref(t, whole);
        return r;
    }
    parts[0] = str_slice_bytes(t, self, 0, f);
    parts[1] = sep;
    parts[2] = str_slice_bytes(t, self, f + sl, n);
    PylObject *r = NULL;
    if (parts[0] != NULL && parts[2] != NULL) {
        r = pyl_tuple_pack(t, 3, parts[0], parts[1], parts[2]);
    }
    pyl_xdecref(t, parts[0]);
    pyl_xdecref(t, parts[2]);
    return r;
}

static PylObject *str_partition(PylThread *t, PylObject *self, PylObject *sep)
{
    return partition_impl(t, self, sep, false);
}

static PylObject *str_rpartition(PylThread *t, PylObject *self, PylObject *sep)
{
    return partition_impl(t, self, sep, true);
}

static PylObject *str_removeprefix(PylThread *t, PylObject *self, PylObject *p)
{
    if (!PYL_IS_STR(p)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "removeprefix() argument must be str, not %s", clinic_name(t, p));
    }
    intptr_t n = PYL_STR_NBYTES(p);
    if (n > 0 && n <= PYL_STR_NBYTES(self) && memcmp(PYL_STR_DATA(self), PYL_STR_DATA(p), n) == 0) {
        return str_slice_bytes(t, self, n, PYL_STR_NBYTES(self));
    }
    return str_same(t, self);
}

static PylObject *str_removesuffix(PylThread *t, PylObject *self, PylObject *p)
{
    if (!PYL_IS_STR(p)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "removesuffix() argument must be str, not %s", clinic_name(t, p));
    }
    intptr_t n = PYL_STR_NBYTES(p), len = PYL_STR_NBYTES(self);
    if (n > 0 && n <= len && memcmp(PYL_STR_DATA(self) + len - n, PYL_STR_DATA(p), n) == 0) {
        return str_slice_bytes(t, self, 0, len - n);
    }
    return str_same(t, self);
}

/* ---- replace ------------------------------------------------------------------------------ */

static PylObject *str_replace(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    PylObject *old = args[0], *new = args[1];
    if (!PYL_IS_STR(old)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "replace() argument 1 must be str, not %s",
                              clinic_name(t, old));
    }
    if (!PYL_IS_STR(new)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "replace() argument 2 must be str, not %s",
                              clinic_name(t, new));
    }
    intptr_t maxcount = -1;
    if (nargs > 2 && index_arg(t, args[2], &maxcount) < 0) {
        return NULL;
    }
    if (maxcount < 0) {
        maxcount = INTPTR_MAX;
    }
    const char *d = PYL_STR_DATA(self), *od = PYL_STR_DATA(old), *nd = PYL_STR_DATA(new);
    intptr_t n = PYL_STR_NBYTES(self), on = PYL_STR_NBYTES(old), nn = PYL_STR_NBYTES(new);
    intptr_t count;
    if (on == 0) {
        count = PYL_STR_LEN(self) + 1;
        if (count > maxcount) {
            count = maxcount;
        }
    } else {
        count = pyl_bytes_count(d, n, od, on, maxcount);
    }
    if (count == 0 || (on == nn && memcmp(od, nd, (size_t)on) == 0)) {
        return str_same(t, self);
    }
    intptr_t delta = nn - on;
    if (delta > 0 && count > (INTPTR_MAX / 2 - n) / delta) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "replace string is too long");
    }
    intptr_t total = n + count * delta;
    if (total == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    PylStr *r = str_alloc(t, total);
    if (r == NULL) {
        return NULL;
    }
    char *w = r->data;
    intptr_t pos = 0;
    if (on == 0) {
        /* new before each of the first `count` chars (and at the end) */
        for (intptr_t i = 0; i < count; i++) {
            memcpy(w, nd, (size_t)nn);
            w += nn;
            if (pos < n) {
                int l = pyl_utf8_seqlen((unsigned char)d[pos]);
                memcpy(w, d + pos, (size_t)l);
                w += l;
                pos += l;
            }
        }
    } else if (on == 1 && nn == 1) {
        memcpy(w, d, (size_t)n);
        char oc = od[0], nc = nd[0];
        for (intptr_t i = 0; i < count; i++) {
            char *q = memchr(w + pos, oc, (size_t)(n - pos));
            *q = nc;
            pos = q - w + 1;
        }
        pos = n;
        w += n;
    } else {
        for (intptr_t i = 0; i < count; i++) {
            intptr_t f = pyl_bytes_find(d + pos, n - pos, od, on);
            memcpy(w, d + pos, (size_t)f);
            w += f;
            memcpy(w, nd, (size_t)nn);
            w += nn;
            pos += f + on;
        }
    }
    memcpy(w, d + pos, (size_t)(n - pos));
    r->nchars = PYL_STR_LEN(self) + count * (PYL_STR_LEN(new) - PYL_STR_LEN(old));
    r->ascii = PYL_STR_IS_ASCII(self) && PYL_STR_IS_ASCII(new);
    if (!r->ascii && PYL_STR_IS_ASCII(new)) {
        bool ascii;
        r->nchars = count_chars(r->data, total, &ascii);
        r->ascii = ascii;
    }
    return (PylObject *)r;
}

/* ---- case mapping -------------------------------------------------------------------------- */

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE };

/* Lowercase of the char at p in s (CPython's lower_ucs4): a capital sigma becomes
 * final sigma when it ends a word — preceded by a cased letter (skipping
 * case-ignorables) and not followed by one. */
static int lower_at(const char *begin, const char *end, const char *p, uint32_t c, uint32_t out[3])
{
    if (c != 0x3A3) {
        return pyl_unicode_tolower(c, out);
    }
    const char *q = p;
    bool final = false;
    while (q > begin) {
        uint32_t b = pyl_utf8_prev(&q);
        if (!pyl_unicode_iscaseignorable(b)) {
            final = pyl_unicode_iscased(b);
            break;
        }
    }
    if (final) {
        q = p;
        pyl_utf8_next(&q);
        while (q < end) {
            uint32_t a = pyl_utf8_next(&q);
            if (!pyl_unicode_iscaseignorable(a)) {
                final = !pyl_unicode_iscased(a);
                break;
            }
        }
    }
    out[0] = final ? 0x3C2 : 0x3C3;
    return 1;
}

static PylObject *case_ascii(PylThread *t, PylObject *self, int how)
{
    intptr_t n = PYL_STR_NBYTES(self);
    if (n == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    PylStr *r = str_alloc(t, n);
    if (r == NULL) {
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)PYL_STR_DATA(self);
    unsigned char *d = (unsigned char *)r->data;
    switch (how) {
    case CASE_LOWER:
    case CASE_FOLD:
        for (intptr_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            d[i] = (unsigned char)(c - 'A' < 26u ? c + 32 : c);
        }
        break;
    case CASE_UPPER:
        for (intptr_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            d[i] = (unsigned char)(c - 'a' < 26u ? c - 32 : c);
        }
        break;
    case CASE_SWAP:
        for (intptr_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            d[i] = (unsigned char)(c - 'a' < 26u ? c - 32 : c - 'A' < 26u ? c + 32 : c);
        }
        break;
    case CASE_CAPITALIZE:
        d[0] = (unsigned char)(s[0] - 'a' < 26u ? s[0] - 32 : s[0]);
        for (intptr_t i = 1; i < n; i++) {
            unsigned char c = s[i];
            d[i] = (unsigned char)(c - 'A' < 26u ? c + 32 : c);
        }
        break;
    default: { /* title */
        bool prev_cased = false;
        for (intptr_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            bool up = c - 'A' < 26u, lo = c - 'a' < 26u;
            if (prev_cased) {
                d[i] = (unsigned char)(up ? c + 32 : c);
            } else {
                d[i] = (unsigned char)(lo ? c - 32 : c);
            }
            prev_cased = up || lo;
        }
        break;
    }
    }
    r->nchars = n;
    r->ascii = 1;
    return (PylObject *)r;
}

static PylObject *case_convert(PylThread *t, PylObject *self, int how)
{
    if (PYL_STR_IS_ASCII(self)) {
        return case_ascii(t, self, how);
    }
    const char *begin = PYL_STR_DATA(self), *end = begin + PYL_STR_NBYTES(self);
    PylBuf b;
    pyl_buf_init(&b);
    if (pyl_buf_reserve(t, &b, PYL_STR_NBYTES(self)) < 0) {
        return NULL;
    }
    const char *p = begin;
    bool prev_cased = false, first = true;
    while (p < end) {
        const char *at = p;
        uint32_t c = pyl_utf8_next(&p);
        uint32_t out[3];
        int n;
        switch (how) {
        case CASE_LOWER:
            n = lower_at(begin, end, at, c, out);
            break;
        case CASE_UPPER:
            n = pyl_unicode_toupper(c, out);
            break;
        case CASE_FOLD:
            n = pyl_unicode_casefold(c, out);
            break;
        case CASE_SWAP:
            if (pyl_unicode_isupper(c)) {
                n = lower_at(begin, end, at, c, out);
            } else if (pyl_unicode_islower(c)) {
                n = pyl_unicode_toupper(c, out);
            } else {
                out[0] = c;
                n = 1;
            }
            break;
        case CASE_CAPITALIZE:
            n = first ? pyl_unicode_totitle(c, out) : lower_at(begin, end, at, c, out);
            break;
        default:
            n = prev_cased ? lower_at(begin, end, at, c, out) : pyl_unicode_totitle(c, out);
            prev_cased = pyl_unicode_iscased(c);
            break;
        }
        first = false;
        if (pyl_buf_reserve(t, &b, 12) < 0) {
            return NULL;
        }
        for (int i = 0; i < n; i++) {
            b.len += pyl_utf8_encode(out[i], b.data + b.len);
        }
    }
    return pyl_buf_finish_str(t, &b);
}

static PylObject *str_lower(PylThread *t, PylObject *self)
{
    return case_convert(t, self, CASE_LOWER);
}

static PylObject *str_upper(PylThread *t, PylObject *self)
{
    return case_convert(t, self, CASE_UPPER);
}

static PylObject *str_swapcase(PylThread *t, PylObject *self)
{
    return case_convert(t, self, CASE_SWAP);
}

static PylObject *str_casefold(PylThread *t, PylObject *self)
{
    return case_convert(t, self, CASE_FOLD);
}

static PylObject *str_title(PylThread *t, PylObject *self)
{
    return case_convert(t, self, CASE_TITLE);
}

static PylObject *str_capitalize(PylThread *t, PylObject *self)
{
    return case_convert(t, self, CASE_CAPITALIZE);
}

/* ---- predicates ------------------------------------------------------------------------------ */

/* True when s is non-empty and every code point satisfies pred. */
static PylObject *all_chars(PylObject *s, bool (*pred)(uint32_t))
{
    const char *p = PYL_STR_DATA(s), *end = p + PYL_STR_NBYTES(s);
    if (p == end) {
        return PYL_FALSE;
    }
    while (p < end) {
        if (!pred(pyl_utf8_next(&p))) {
            return PYL_FALSE;
        }
    }
    return PYL_TRUE;
}

static PylObject *str_isalpha(PylThread *t, PylObject *self)
{
    return all_chars(self, pyl_unicode_isalpha);
}

static PylObject *str_isalnum(PylThread *t, PylObject *self)
{
    return all_chars(self, pyl_unicode_isalnum);
}

static PylObject *str_isdecimal(PylThread *t, PylObject *self)
{
    return all_chars(self, pyl_unicode_isdecimal);
}

static PylObject *str_isdigit(PylThread *t, PylObject *self)
{
    return all_chars(self, pyl_unicode_isdigit);
}

static PylObject *str_isnumeric(PylThread *t, PylObject *self)
{
    return all_chars(self, pyl_unicode_isnumeric);
}

static PylObject *str_isspace(PylThread *t, PylObject *self)
{
    return all_chars(self, pyl_unicode_isspace);
}

static PylObject *str_isprintable(PylThread *t, PylObject *self)
{
    return PYL_STR_NBYTES(self) == 0 ? PYL_TRUE : all_chars(self, pyl_unicode_isprintable);
}

static PylObject *str_isascii(PylThread *t, PylObject *self)
{
    return PYL_BOOL(PYL_STR_IS_ASCII(self));
}

static PylObject *str_islower(PylThread *t, PylObject *self)
{
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    bool cased = false;
    while (p < end) {
        uint32_t c = pyl_utf8_next(&p);
        if (pyl_unicode_isupper(c) || pyl_unicode_istitle(c)) {
            return PYL_FALSE;
        }
        cased = cased || pyl_unicode_islower(c);
    }
    return PYL_BOOL(cased);
}

static PylObject *str_isupper(PylThread *t, PylObject *self)
{
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    bool cased = false;
    while (p < end) {
        uint32_t c = pyl_utf8_next(&p);
        if (pyl_unicode_islower(c) || pyl_unicode_istitle(c)) {
            return PYL_FALSE;
        }
        cased = cased || pyl_unicode_isupper(c);
    }
    return PYL_BOOL(cased);
}

static PylObject *str_istitle(PylThread *t, PylObject *self)
{
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        uint32_t c = pyl_utf8_next(&p);
        if (pyl_unicode_isupper(c) || pyl_unicode_istitle(c)) {
            if (prev_cased) {
                return PYL_FALSE;
            }
            prev_cased = cased = true;
        } else if (pyl_unicode_islower(c)) {
            if (!prev_cased) {
                return PYL_FALSE;
            }
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return PYL_BOOL(cased);
}

bool pyl_str_isidentifier(PylObject *s)
{
    const char *p = PYL_STR_DATA(s), *end = p + PYL_STR_NBYTES(s);
    if (p == end) {
        return false;
    }
    uint32_t c = pyl_utf8_next(&p);
    if (c != '_' && !pyl_unicode_isxidstart(c)) {
        return false;
    }
    while (p < end) {
        c = pyl_utf8_next(&p);
        if (!pyl_unicode_isxidcontinue(c)) {
            return false;
        }
    }
    return true;
}

static PylObject *str_isidentifier(PylThread *t, PylObject *self)
{
    return PYL_BOOL(pyl_str_isidentifier(self));
}

/* ---- padding ---------------------------------------------------------------------------------- */

/* self padded with `left` and `right` copies of the fill character (UTF-8 in fc/fl). */
static PylObject *pad(PylThread *t, PylObject *self, intptr_t left, intptr_t right, const char *fc,
                      int fl)
{
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return str_same(t, self);
    }
    intptr_t n = PYL_STR_NBYTES(self);
    if (left + right > (INTPTR_MAX / 2 - n) / fl) {
        return pyl_err_nomemory(t);
    }
    PylStr *r = str_alloc(t, n + (left + right) * fl);
    if (r == NULL) {
        return NULL;
    }
    char *w = r->data;
    if (fl == 1) {
        memset(w, fc[0], (size_t)left);
        w += left;
    } else {
        for (intptr_t i = 0; i < left; i++, w += fl) {
            memcpy(w, fc, (size_t)fl);
        }
    }
    memcpy(w, PYL_STR_DATA(self), (size_t)n);
    w += n;
    if (fl == 1) {
        memset(w, fc[0], (size_t)right);
    } else {
        for (intptr_t i = 0; i < right; i++, w += fl) {
            memcpy(w, fc, (size_t)fl);
        }
    }
    r->nchars = PYL_STR_LEN(self) + left + right;
    r->ascii = PYL_STR_IS_ASCII(self) && fl == 1;
    return (PylObject *)r;
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
    const char *fc = " ";
    int fl = 1;
    if (nargs > 1) {
        PylObject *f = args[1];
        if (!PYL_IS_STR(f)) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "The fill character must be a unicode character, not %T", f);
        }
        if (PYL_STR_LEN(f) != 1) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "The fill character must be exactly one character long");
        }
        fc = PYL_STR_DATA(f);
        fl = (int)PYL_STR_NBYTES(f);
    }
    intptr_t len = PYL_STR_LEN(self);
    if (width <= len) {
        return str_same(t, self);
    }
    intptr_t marg = width - len;
    switch (how) {
    case 'l':
        return pad(t, self, 0, marg, fc, fl);
    case 'r':
        return pad(t, self, marg, 0, fc, fl);
    default: {
        intptr_t left = marg / 2 + (marg & width & 1);
        return pad(t, self, left, marg - left, fc, fl);
    }
    }
}

static PylObject *str_center(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return justify(t, self, args, nargs, "center", 'c');
}

static PylObject *str_ljust(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return justify(t, self, args, nargs, "ljust", 'l');
}

static PylObject *str_rjust(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return justify(t, self, args, nargs, "rjust", 'r');
}

static PylObject *str_zfill(PylThread *t, PylObject *self, PylObject *arg)
{
    intptr_t width;
    if (index_arg(t, arg, &width) < 0) {
        return NULL;
    }
    intptr_t len = PYL_STR_LEN(self);
    if (width <= len) {
        return str_same(t, self);
    }
    PylObject *r = pad(t, self, width - len, 0, "0", 1);
    if (r == NULL) {
        return NULL;
    }
    char *d = PYL_STR_DATA(r);
    intptr_t fill = width - len;
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}

static PylObject *str_expandtabs(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
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
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    if (memchr(p, '\t', (size_t)(end - p)) == NULL) {
        return str_same(t, self);
    }
    PylBuf b;
    pyl_buf_init(&b);
    intptr_t col = 0;
    while (p < end) {
        const char *run = p;
        /* copy up to the next tab or newline, counting columns */
        while (p < end && *p != '\t' && *p != '\n' && *p != '\r') {
            col += ((unsigned char)*p & 0xC0) != 0x80;
            p++;
        }
        if (pyl_buf_append(t, &b, run, p - run) < 0) {
            goto error;
        }
        if (p == end) {
            break;
        }
        if (*p == '\t') {
            if (tabsize > 0) {
                intptr_t incr = tabsize - col % tabsize;
                if (col > INTPTR_MAX / 2 - incr || pyl_buf_reserve(t, &b, incr) < 0) {
                    if (t->exc == NULL) {
                        pyl_err_format(t, PYL_EXC(t, OverflowError), "new string is too long");
                    }
                    goto error;
                }
                memset(b.data + b.len, ' ', (size_t)incr);
                b.len += incr;
                col += incr;
            }
        } else {
            if (pyl_buf_putc(t, &b, *p) < 0) {
                goto error;
            }
            col = 0;
        }
        p++;
    }
    return pyl_buf_finish_str(t, &b);
error:
    pyl_buf_free(t, &b);
    return NULL;
}

/* ---- translate / maketrans ---------------------------------------------------------------------- */

static PylObject *str_maketrans(PylThread *t, PylObject *unused, PylObject *const *args,
                                intptr_t nargs)
{
    if (pyl_check_nargs(t, "maketrans", nargs, 1, 3) < 0) {
        return NULL;
    }
    PylObject *x = args[0];
    PylObject *d = pyl_dict_new(t);
    if (d == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        if (!PYL_IS_DICT(x)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "if you give only one argument to maketrans it must be a dict");
            goto error;
        }
        intptr_t pos = 0;
        PylObject *k, *v;
        while (pyl_dict_next(x, &pos, &k, &v)) {
            PylObject *key;
            if (PYL_IS_STR(k)) {
                if (PYL_STR_LEN(k) != 1) {
                    pyl_err_format(t, PYL_EXC(t, ValueError),
                                   "string keys in translate table must be of length 1");
                    goto error;
                }
                const char *q = PYL_STR_DATA(k);
                key = PYL_SMALLINT(pyl_utf8_next(&q));
            } else if (PYL_IS_INT(k)) {
                key = k;
            } else {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "keys in translate table must be strings or integers");
                goto error;
            }
            if (pyl_dict_set(t, d, key, v) < 0) {
                goto error;
            }
        }
        return d;
    }
    PylObject *y = args[1];
    if (!PYL_IS_STR(x)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "first maketrans argument must be a string if there is a second argument");
        goto error;
    }
    if (!PYL_IS_STR(y)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "maketrans() argument 2 must be str, not %s",
                       clinic_name(t, y));
        goto error;
    }
    if (nargs > 2 && !PYL_IS_STR(args[2])) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "maketrans() argument 3 must be str, not %s",
                       clinic_name(t, args[2]));
        goto error;
    }
    if (PYL_STR_LEN(x) != PYL_STR_LEN(y)) {
        pyl_err_format(t, PYL_EXC(t, ValueError),
                       "the first two maketrans arguments must have equal length");
        goto error;
    }
    const char *p = PYL_STR_DATA(x), *pe = p + PYL_STR_NBYTES(x), *q = PYL_STR_DATA(y);
    while (p < pe) {
        uint32_t a = pyl_utf8_next(&p), b = pyl_utf8_next(&q);
        if (pyl_dict_set(t, d, PYL_SMALLINT(a), PYL_SMALLINT(b)) < 0) {
            goto error;
        }
    }
    if (nargs > 2) {
        p = PYL_STR_DATA(args[2]);
        pe = p + PYL_STR_NBYTES(args[2]);
        while (p < pe) {
            if (pyl_dict_set(t, d, PYL_SMALLINT(pyl_utf8_next(&p)), PYL_NONE) < 0) {
                goto error;
            }
        }
    }
    return d;
error:
    pyl_decref(t, d);
    return NULL;
}

/* table[c] for translate: 1 found (*out new ref), 0 not mapped, -1 error. */
static int translate_lookup(PylThread *t, PylObject *table, uint32_t c, PylObject **out)
{
    PylObject *r = pyl_getitem(t, table, PYL_SMALLINT(c));
    if (r == NULL) {
        if (pyl_err_matches(t, PYL_EXC(t, LookupError))) {
            pyl_err_clear(t);
            return 0;
        }
        return -1;
    }
    *out = r;
    return 1;
}

/* Append the translation of c per table to b. */
static int translate_one(PylThread *t, PylBuf *b, PylObject *table, uint32_t c)
{
    PylObject *r;
    int found = translate_lookup(t, table, c, &r);
    if (found < 0) {
        return -1;
    }
    if (found == 0) {
        return pyl_buf_put_codepoint(t, b, c);
    }
    int rc = 0;
    if (r == PYL_NONE) {
        rc = 0;
    } else if (PYL_IS_INT(r)) {
        intptr_t v;
        if (pyl_int_as_ssize(t, r, &v) < 0 || v < 0 || v > 0x10FFFF) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, ValueError),
                           "character mapping must be in range(0x110000)");
            rc = -1;
        } else {
            rc = pyl_buf_put_codepoint(t, b, (uint32_t)v);
        }
    } else if (PYL_IS_STR(r)) {
        rc = pyl_buf_put_str(t, b, r);
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "character mapping must return integer, None or str");
        rc = -1;
    }
    pyl_decref(t, r);
    return rc;
}

static PylObject *str_translate(PylThread *t, PylObject *self, PylObject *table)
{
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    PylBuf b;
    pyl_buf_init(&b);
    if (pyl_buf_reserve(t, &b, PYL_STR_NBYTES(self)) < 0) {
        return NULL;
    }
    /* cache of ASCII translations that are themselves 0 or 1 ASCII chars:
     * -1 unknown, -2 deleted, -3 not cacheable, else the char */
    int16_t cache[128];
    for (int i = 0; i < 128; i++) {
        cache[i] = -1;
    }
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80 && cache[c] != -3) {
            if (cache[c] >= 0) {
                if (pyl_buf_putc(t, &b, (char)cache[c]) < 0) {
                    goto error;
                }
                p++;
                continue;
            }
            if (cache[c] == -2) {
                p++;
                continue;
            }
            intptr_t before = b.len;
            if (translate_one(t, &b, table, c) < 0) {
                goto error;
            }
            intptr_t added = b.len - before;
            if (added == 0) {
                cache[c] = -2;
            } else if (added == 1 && (unsigned char)b.data[before] < 0x80) {
                cache[c] = (int16_t)(unsigned char)b.data[before];
            } else {
                cache[c] = -3;
            }
            p++;
            continue;
        }
        uint32_t cp = pyl_utf8_next(&p);
        if (translate_one(t, &b, table, cp) < 0) {
            goto error;
        }
    }
    return pyl_buf_finish_str(t, &b);
error:
    pyl_buf_free(t, &b);
    return NULL;
}

/* ---- encode, join, misc ------------------------------------------------------------------------ */

/* A str argument of a keyword-taking function, for messages like
 * "encode() argument 'encoding' must be str, not int". */
int pyl_str_arg_cstr(PylThread *t, PylObject *o, const char *fname, const char *pname,
                     const char **out)
{
    if (o == NULL) {
        return 0;
    }
    if (!PYL_IS_STR(o)) {
        char which[64];
        snprintf(which, sizeof which, "'%s'", pname);
        pyl_bad_argument(t, fname, which, "str", o);
        return -1;
    }
    if ((intptr_t)strlen(PYL_STR_DATA(o)) != PYL_STR_NBYTES(o)) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "embedded null character");
        return -1;
    }
    *out = PYL_STR_DATA(o);
    return 0;
}

PylObject *pyl_str_encode(PylThread *t, PylObject *s, const char *encoding, const char *errors)
{
    return pyl_codec_encode(t, s, encoding, errors);
}

static PylObject *str_encode(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    static const PylArgSpec spec = {"encode", names, 0, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *enc = NULL, *err = NULL;
    if (pyl_str_arg_cstr(t, a[0], "encode", "encoding", &enc) < 0 ||
        pyl_str_arg_cstr(t, a[1], "encode", "errors", &err) < 0) {
        return NULL;
    }
    return pyl_codec_encode(t, self, enc, err);
}

static PylObject *str_join_method(PylThread *t, PylObject *self, PylObject *iterable)
{
    return pyl_str_join(t, self, iterable);
}

static PylObject *str_format_method(PylThread *t, PylObject *self, PylObject *const *args,
                                    intptr_t nargs, PylObject *kwnames)
{
    return pyl_str_format_method(t, self, args, nargs, kwnames, NULL);
}

static PylObject *str_format_map(PylThread *t, PylObject *self, PylObject *mapping)
{
    return pyl_str_format_method(t, self, NULL, 0, NULL, mapping);
}

static PylObject *str_dunder_format(PylThread *t, PylObject *self, PylObject *spec)
{
    if (!PYL_IS_STR(spec)) {
        return pyl_bad_argument(t, "__format__", NULL, "str", spec);
    }
    return pyl_format_str(t, self, spec);
}

static PylObject *str_getnewargs(PylThread *t, PylObject *self)
{
    PylObject *s = pyl_str_new_counted(t, PYL_STR_DATA(self), PYL_STR_NBYTES(self),
                                       PYL_STR_LEN(self), PYL_STR_IS_ASCII(self));
    if (s == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 1, s);
    pyl_decref(t, s);
    return r;
}

/* CPython's figure for its own layout (compact ASCII / UCS1 / UCS2 / UCS4 objects),
 * which is what programs that print sys.getsizeof expect. */
static PylObject *str_sizeof(PylThread *t, PylObject *self)
{
    intptr_t n = PYL_STR_LEN(self);
    if (PYL_STR_IS_ASCII(self)) {
        return pyl_int_from_ssize(t, 48 + n + 1);
    }
    uint32_t maxc = 0;
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    while (p < end) {
        uint32_t c = pyl_utf8_next(&p);
        if (c > maxc) {
            maxc = c;
        }
    }
    intptr_t kind = maxc < 0x100 ? 1 : maxc < 0x10000 ? 2 : 4;
    return pyl_int_from_ssize(t, 72 + (n + 1) * kind);
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
    return str_same(t, self);
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
            PylStr *r = str_alloc(t, n);
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

#define STR_METHOD_FAST_STATIC(name, fn)                                                           \
    {                                                                                              \
        name, {.fast = (fn)}, PYL_METH_FAST | PYL_METH_STATIC, NULL                                \
    }

static const PylMethodDef str_methods[] = {
    PYL_METHOD_NOARGS("capitalize", str_capitalize),
    PYL_METHOD_NOARGS("casefold", str_casefold),
    PYL_METHOD_FAST("center", str_center),
    PYL_METHOD_FAST("count", str_count),
    PYL_METHOD_KW("encode", str_encode),
    PYL_METHOD_FAST("endswith", str_endswith),
    PYL_METHOD_KW("expandtabs", str_expandtabs),
    PYL_METHOD_FAST("find", str_find),
    PYL_METHOD_KW("format", str_format_method),
    PYL_METHOD_O("format_map", str_format_map),
    PYL_METHOD_O("__format__", str_dunder_format),
    PYL_METHOD_FAST("index", str_index),
    PYL_METHOD_NOARGS("isalnum", str_isalnum),
    PYL_METHOD_NOARGS("isalpha", str_isalpha),
    PYL_METHOD_NOARGS("isascii", str_isascii),
    PYL_METHOD_NOARGS("isdecimal", str_isdecimal),
    PYL_METHOD_NOARGS("isdigit", str_isdigit),
    PYL_METHOD_NOARGS("isidentifier", str_isidentifier),
    PYL_METHOD_NOARGS("islower", str_islower),
    PYL_METHOD_NOARGS("isnumeric", str_isnumeric),
    PYL_METHOD_NOARGS("isprintable", str_isprintable),
    PYL_METHOD_NOARGS("isspace", str_isspace),
    PYL_METHOD_NOARGS("istitle", str_istitle),
    PYL_METHOD_NOARGS("isupper", str_isupper),
    PYL_METHOD_O("join", str_join_method),
    PYL_METHOD_FAST("ljust", str_ljust),
    PYL_METHOD_NOARGS("lower", str_lower),
    PYL_METHOD_FAST("lstrip", str_lstrip),
    STR_METHOD_FAST_STATIC("maketrans", str_maketrans),
    PYL_METHOD_O("partition", str_partition),
    PYL_METHOD_O("removeprefix", str_removeprefix),
    PYL_METHOD_O("removesuffix", str_removesuffix),
    PYL_METHOD_FAST("replace", str_replace),
    PYL_METHOD_FAST("rfind", str_rfind),
    PYL_METHOD_FAST("rindex", str_rindex),
    PYL_METHOD_FAST("rjust", str_rjust),
    PYL_METHOD_O("rpartition", str_rpartition),
    PYL_METHOD_KW("rsplit", str_rsplit),
    PYL_METHOD_FAST("rstrip", str_rstrip),
    PYL_METHOD_KW("split", str_split),
    PYL_METHOD_KW("splitlines", str_splitlines),
    PYL_METHOD_FAST("startswith", str_startswith),
    PYL_METHOD_FAST("strip", str_strip),
    PYL_METHOD_NOARGS("swapcase", str_swapcase),
    PYL_METHOD_NOARGS("title", str_title),
    PYL_METHOD_O("translate", str_translate),
    PYL_METHOD_NOARGS("upper", str_upper),
    PYL_METHOD_O("zfill", str_zfill),
    PYL_METHOD_NOARGS("__getnewargs__", str_getnewargs),
    PYL_METHOD_NOARGS("__sizeof__", str_sizeof),
    PYL_METHOD_END,
};

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
    .methods = str_methods,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object. If encoding or\n"
           "errors is specified, then the object must expose a data buffer\n"
           "that will be decoded using the given encoding and error handler.\n"
           "Otherwise, returns the result of object.__str__() (if defined)\n"
           "or repr(object).\n"
           "encoding defaults to sys.getdefaultencoding().\n"
           "errors defaults to 'strict'.",
};
