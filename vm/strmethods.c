/* strmethods.c — the methods of str (find/count, split, strip, replace, case
 * mapping, predicates, padding, translate, encode, join ...), working on the
 * UTF-8 bytes directly: UTF-8 is self-synchronising, so a byte search for a
 * valid UTF-8 needle only matches at character boundaries, and code point
 * positions are computed only where Python exposes them. The type itself is in
 * str.c. */
#include <stdio.h>
#include <stdlib.h>

#include "vm/codecs.h"
#include "vm/core.h"
#include "vm/format.h"
#include "vm/unicode.h"

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
        return cs + pyl_utf8_count_only(d + bs, off);
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
    PylObject *s = pyl_str_slice_bytes(t, self, a - PYL_STR_DATA(self), b - PYL_STR_DATA(self));
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
        return pyl_str_same(t, self);
    }
    return pyl_str_slice_bytes(t, self, a - begin, b - begin);
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
        PylObject *whole = pyl_str_same(t, self);
        if (whole == NULL) {
            return NULL;
        }
        PylObject *r = reverse ? pyl_tuple_pack(t, 3, t->vm->empty_str, t->vm->empty_str, whole)
                               : pyl_tuple_pack(t, 3, whole, t->vm->empty_str, t->vm->empty_str);
        pyl_decref(t, whole);
        return r;
    }
    parts[0] = pyl_str_slice_bytes(t, self, 0, f);
    parts[1] = sep;
    parts[2] = pyl_str_slice_bytes(t, self, f + sl, n);
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
        return pyl_str_slice_bytes(t, self, n, PYL_STR_NBYTES(self));
    }
    return pyl_str_same(t, self);
}

static PylObject *str_removesuffix(PylThread *t, PylObject *self, PylObject *p)
{
    if (!PYL_IS_STR(p)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "removesuffix() argument must be str, not %s", clinic_name(t, p));
    }
    intptr_t n = PYL_STR_NBYTES(p), len = PYL_STR_NBYTES(self);
    if (n > 0 && n <= len && memcmp(PYL_STR_DATA(self) + len - n, PYL_STR_DATA(p), n) == 0) {
        return pyl_str_slice_bytes(t, self, 0, len - n);
    }
    return pyl_str_same(t, self);
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
        return pyl_str_same(t, self);
    }
    intptr_t delta = nn - on;
    if (delta > 0 && count > (INTPTR_MAX / 2 - n) / delta) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "replace string is too long");
    }
    intptr_t total = n + count * delta;
    if (total == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    PylStr *r = pyl_str_alloc(t, total);
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
        r->nchars = pyl_utf8_count(r->data, total, &ascii);
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
    PylStr *r = pyl_str_alloc(t, n);
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

/* islower / isupper: at least one cased character, all of them `want`ed (no
 * character of the other case, nor titlecase). */
static PylObject *all_cased_as(PylObject *self, bool (*want)(uint32_t), bool (*other)(uint32_t))
{
    const char *p = PYL_STR_DATA(self), *end = p + PYL_STR_NBYTES(self);
    bool cased = false;
    while (p < end) {
        uint32_t c = pyl_utf8_next(&p);
        if (other(c) || pyl_unicode_istitle(c)) {
            return PYL_FALSE;
        }
        cased = cased || want(c);
    }
    return PYL_BOOL(cased);
}

static PylObject *str_islower(PylThread *t, PylObject *self)
{
    return all_cased_as(self, pyl_unicode_islower, pyl_unicode_isupper);
}

static PylObject *str_isupper(PylThread *t, PylObject *self)
{
    return all_cased_as(self, pyl_unicode_isupper, pyl_unicode_islower);
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
        return pyl_str_same(t, self);
    }
    intptr_t n = PYL_STR_NBYTES(self);
    if (left + right > (INTPTR_MAX / 2 - n) / fl) {
        return pyl_err_nomemory(t);
    }
    PylStr *r = pyl_str_alloc(t, n + (left + right) * fl);
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
        return pyl_str_same(t, self);
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
        return pyl_str_same(t, self);
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
        return pyl_str_same(t, self);
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

/* ---- the method table ------------------------------------------------------------- */

#define STR_METHOD_FAST_STATIC(name, fn)                                                           \
    {                                                                                              \
        name, {.fast = (fn)}, PYL_METH_FAST | PYL_METH_STATIC, NULL                                \
    }

const PylMethodDef pyl_str_methods[] = {
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
