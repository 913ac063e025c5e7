/* strformat.c — text formatting: printf-style `str % args` and `bytes % args`,
 * and str.format / str.format_map (PEP 3101 fields with nested specs). The
 * format-spec mini-language itself (format(str, spec) included) is format.c's.
 *
 * Both engines write into one PylBuf and finish it once; every error message and
 * corner case follows CPython 3.11 (Objects/unicodeobject.c, bytesobject.c,
 * stringlib/unicode_format.h).
 *
 * The numeric % conversions are done here rather than with format.c's
 * pyl_format_number_printf because bytes formatting words some errors
 * differently ("float argument required", %i reported as %d) and a failed
 * int()/index() conversion is reported as the wrong-type error. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm/unicode.h"

/* ======================================================================
 * printf-style formatting
 * ====================================================================== */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct Fmt {
    PylThread *t;
    bool bytes; /* bytes % args (else str % args) */
    PylBuf out;
    PylObject *const *argv; /* the positional arguments */
    intptr_t argc, argi;
    PylObject *single; /* args when it is not a tuple */
    PylObject *dict;   /* args when it can be indexed by key, else NULL */
    PylObject *keyval; /* owned: the value of the last %(key) */
} Fmt;

static PylObject *next_arg(Fmt *f)
{
    if (f->argi < f->argc) {
        return f->argv[f->argi++];
    }
    pyl_err_format(f->t, PYL_EXC(f->t, TypeError), "not enough arguments for format string");
    return NULL;
}

/* Append text (UTF-8 for str, raw for bytes) of `chars` characters, padded to
 * width with spaces (left- or right-justified) and cut to prec characters. */
static int put_text(Fmt *f, const char *s, intptr_t n, intptr_t chars, int flags, intptr_t width,
                    intptr_t prec)
{
    PylThread *t = f->t;
    if (prec >= 0 && prec < chars) {
        if (f->bytes) {
            n = prec;
        } else {
            const char *p = s;
            for (intptr_t i = 0; i < prec; i++) {
                p += pyl_utf8_seqlen((unsigned char)*p);
            }
            n = p - s;
        }
        chars = prec;
    }
    intptr_t pad = width > chars ? width - chars : 0;
    if (pyl_buf_reserve(t, &f->out, n + pad) < 0) {
        return -1;
    }
    char *w = f->out.data + f->out.len;
    if (!(flags & F_LJUST)) {
        memset(w, ' ', (size_t)pad);
        w += pad;
    }
    memcpy(w, s, (size_t)n);
    w += n;
    if (flags & F_LJUST) {
        memset(w, ' ', (size_t)pad);
        w += pad;
    }
    f->out.len = w - f->out.data;
    return 0;
}

static int put_str_obj(Fmt *f, PylObject *s, int flags, intptr_t width, intptr_t prec)
{
    return put_text(f, PYL_STR_DATA(s), PYL_STR_NBYTES(s), PYL_STR_LEN(s), flags, width, prec);
}

/* Append a number's text s (optional leading '-', then an optional 2-char prefix
 * when prefix is set, then digits) with sign flags, width and zero padding. */
static int put_number(Fmt *f, const char *s, intptr_t n, int flags, intptr_t width, bool prefix)
{
    char sign = 0;
    if (n > 0 && (s[0] == '-' || s[0] == '+')) {
        sign = s[0];
        s++;
        n--;
    } else if (flags & F_SIGN) {
        sign = '+';
    } else if (flags & F_BLANK) {
        sign = ' ';
    }
    intptr_t plen = prefix ? 2 : 0;
    intptr_t total = n + (sign != 0);
    intptr_t pad = width > total ? width - total : 0;
    if (pyl_buf_reserve(f->t, &f->out, total + pad) < 0) {
        return -1;
    }
    char *w = f->out.data + f->out.len;
    bool zero = (flags & F_ZERO) && !(flags & F_LJUST);
    if (!zero && !(flags & F_LJUST)) {
        memset(w, ' ', (size_t)pad);
        w += pad;
    }
    if (sign) {
        *w++ = sign;
    }
    memcpy(w, s, (size_t)plen);
    w += plen;
    if (zero) {
        memset(w, '0', (size_t)pad);
        w += pad;
    }
    memcpy(w, s + plen, (size_t)(n - plen));
    w += n - plen;
    if (flags & F_LJUST) {
        memset(w, ' ', (size_t)pad);
        w += pad;
    }
    f->out.len = w - f->out.data;
    return 0;
}

/* The text of an int for %d %o %x %X: sign, "0x"-style prefix when alt, digits
 * zero-padded to prec. Returns a pyl_mem block (caller frees) and its length. */
static char *int_text(PylThread *t, PylObject *v, char type, bool alt, intptr_t prec, intptr_t *len)
{
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    char small[80];
    char *digits;
    char *big = NULL;
    bool neg;
    if (PYL_IS_SMALLINT(v) || PYL_IS_BOOL(v)) {
        intptr_t x = PYL_IS_BOOL(v) ? (v == PYL_TRUE) : PYL_SMALLINT_VALUE(v);
        neg = x < 0;
        unsigned long long u = neg ? 0ULL - (unsigned long long)x : (unsigned long long)x;
        snprintf(small, sizeof small, base == 8 ? "%llo" : base == 16 ? "%llx" : "%llu", u);
        digits = small;
    } else {
        mpz_t z;
        mpz_init(z);
        pyl_int_to_mpz(v, z);
        neg = mpz_sgn(z) < 0;
        mpz_abs(z, z);
        size_t need = mpz_sizeinbase(z, base) + 2;
        big = pyl_mem_alloc(t, need);
        if (big == NULL) {
            mpz_clear(z);
            return NULL;
        }
        mpz_get_str(big, base, z);
        mpz_clear(z);
        digits = big;
    }
    if (type == 'X') {
        for (char *p = digits; *p; p++) {
            if (*p >= 'a' && *p <= 'f') {
                *p -= 32;
            }
        }
    }
    intptr_t nd = (intptr_t)strlen(digits);
    intptr_t zeros = prec > nd ? prec - nd : 0;
    intptr_t total = neg + (alt && base != 10 ? 2 : 0) + zeros + nd;
    char *r = pyl_mem_alloc(t, (size_t)total + 1);
    if (r != NULL) {
        char *w = r;
        if (neg) {
            *w++ = '-';
        }
        if (alt && base != 10) {
            *w++ = '0';
            *w++ = type == 'o' ? 'o' : type;
        }
        memset(w, '0', (size_t)zeros);
        w += zeros;
        memcpy(w, digits, (size_t)nd);
        w += nd;
        *w = '\0';
        *len = total;
    }
    pyl_mem_free(t, big);
    return r;
}

/* The text of a float for %e %f %g (and upper-case forms). pyl_mem block. */
static char *float_text(PylThread *t, double x, char type, bool alt, intptr_t prec, intptr_t *len)
{
    if (prec < 0) {
        prec = 6;
    }
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char *r;
    if (!isfinite(x)) {
        const char *s = isnan(x) ? (upper ? "NAN" : "nan")
                        : x > 0  ? (upper ? "INF" : "inf")
                                 : (upper ? "-INF" : "-inf");
        size_t n = strlen(s);
        r = pyl_mem_alloc(t, n + 1);
        if (r != NULL) {
            memcpy(r, s, n + 1);
            *len = (intptr_t)n;
        }
        return r;
    }
    if (prec > 100000000) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "precision too big");
        return NULL;
    }
    char spec[8];
    int k = 0;
    spec[k++] = '%';
    if (alt) {
        spec[k++] = '#';
    }
    spec[k++] = '.';
    spec[k++] = '*';
    spec[k++] = type;
    spec[k] = '\0';
    int n = snprintf(NULL, 0, spec, (int)prec, x);
    if (n < 0) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "precision too big");
        return NULL;
    }
    r = pyl_mem_alloc(t, (size_t)n + 1);
    if (r != NULL) {
        snprintf(r, (size_t)n + 1, spec, (int)prec, x);
        *len = n;
    }
    return r;
}

/* Does o count as a number for %d (int, float, or __index__/__int__/__float__)? */
static bool is_number(PylThread *t, PylObject *o)
{
    if (PYL_IS_INT(o) || PYL_IS_FLOAT(o)) {
        return true;
    }
    PylType *tp = PYL_TYPEOF(t, o);
    return tp->index != NULL || tp->int_ != NULL || tp->float_ != NULL;
}

/* Format one argument for conversion `type` at format index `pos`. */
static int format_one(Fmt *f, PylObject *v, uint32_t type, int flags, intptr_t width, intptr_t prec,
                      intptr_t pos)
{
    PylThread *t = f->t;
    int r = 0;
    switch (type) {
    case 's':
    case 'r':
    case 'a':
    case 'b': {
        if (f->bytes) {
            if (type == 'r' || type == 'a') {
                PylObject *s = pyl_ascii(t, v);
                if (s == NULL) {
                    return -1;
                }
                r = put_text(f, PYL_STR_DATA(s), PYL_STR_NBYTES(s), PYL_STR_NBYTES(s), flags, width,
                             prec);
                pyl_decref(t, s);
                return r;
            }
            const char *d;
            intptr_t n;
            if (PYL_IS_BYTES(v) || PYL_IS_BYTEARRAY(v)) {
                pyl_bytes_view(t, v, &d, &n);
                return put_text(f, d, n, n, flags, width, prec);
            }
            if (pyl_type_lookup(t, PYL_TYPEOF(t, v), PYL_NAME(t, __bytes__)) != NULL) {
                PylObject *b = pyl_bytes_from_object(t, v);
                if (b == NULL) {
                    return -1;
                }
                r = put_text(f, PYL_BYTES_DATA(b), PYL_BYTES_SIZE(b), PYL_BYTES_SIZE(b), flags,
                             width, prec);
                pyl_decref(t, b);
                return r;
            }
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%%b requires a bytes-like object, or an object that implements "
                           "__bytes__, not '%T'",
                           v);
            return -1;
        }
        if (type == 'b') {
            break; /* unsupported for str */
        }
        PylObject *s;
        if (type == 's') {
            if (PYL_IS_STR_EXACT(v)) {
                return put_str_obj(f, v, flags, width, prec);
            }
            s = pyl_str(t, v);
        } else if (type == 'r') {
            s = pyl_repr(t, v);
        } else {
            s = pyl_ascii(t, v);
        }
        if (s == NULL) {
            return -1;
        }
        r = put_str_obj(f, s, flags, width, prec);
        pyl_decref(t, s);
        return r;
    }
    case 'c': {
        char buf[4];
        intptr_t n;
        if (f->bytes) {
            if ((PYL_IS_BYTES(v) || PYL_IS_BYTEARRAY(v))) {
                const char *d;
                pyl_bytes_view(t, v, &d, &n);
                if (n == 1) {
                    return put_text(f, d, 1, 1, flags, width, -1);
                }
            } else if (PYL_IS_INT(v) || PYL_TYPEOF(t, v)->index != NULL) {
                intptr_t x;
                if (pyl_index_as_ssize(t, v, &x) < 0) {
                    if (!pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
                        return -1;
                    }
                    pyl_err_clear(t);
                    x = -1;
                }
                if (x < 0 || x > 255) {
                    pyl_err_format(t, PYL_EXC(t, OverflowError), "%%c arg not in range(256)");
                    return -1;
                }
                buf[0] = (char)x;
                return put_text(f, buf, 1, 1, flags, width, -1);
            }
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%%c requires an integer in range(256) or a single byte");
            return -1;
        }
        if (PYL_IS_STR(v)) {
            if (PYL_STR_LEN(v) == 1) {
                return put_text(f, PYL_STR_DATA(v), PYL_STR_NBYTES(v), 1, flags, width, -1);
            }
        } else if (PYL_IS_INT(v)) {
            intptr_t x;
            if (pyl_int_as_ssize(t, v, &x) < 0) {
                if (!pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
                    return -1;
                }
                pyl_err_clear(t);
                x = -1;
            }
            if (x < 0 || x > 0x10FFFF) {
                pyl_err_format(t, PYL_EXC(t, OverflowError), "%%c arg not in range(0x110000)");
                return -1;
            }
            n = pyl_utf8_encode((uint32_t)x, buf);
            return put_text(f, buf, n, 1, flags, width, -1);
        }
        pyl_err_format(t, PYL_EXC(t, TypeError), "%%c requires int or char");
        return -1;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
        PylObject *iv;
        if (f->bytes && type == 'i') {
            type = 'd'; /* bytes formatting names %i %d in messages */
        }
        if (PYL_IS_INT(v)) {
            iv = pyl_incref(v);
        } else if (type == 'o' || type == 'x' || type == 'X') {
            if (PYL_TYPEOF(t, v)->index == NULL) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%%%c format: an integer is required, not %T", (int)type, v);
                return -1;
            }
            iv = pyl_number_index(t, v);
        } else {
            if (!is_number(t, v)) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%%%c format: a real number is required, not %T", (int)type, v);
                return -1;
            }
            iv = pyl_number_int(t, v);
        }
        if (iv == NULL) {
            /* CPython reports a failed conversion as the wrong type */
            if (pyl_err_matches(t, PYL_EXC(t, TypeError))) {
                pyl_err_clear(t);
                if (type == 'o' || type == 'x' || type == 'X') {
                    pyl_err_format(t, PYL_EXC(t, TypeError),
                                   "%%%c format: an integer is required, not %T", (int)type, v);
                } else {
                    pyl_err_format(t, PYL_EXC(t, TypeError),
                                   "%%%c format: a real number is required, not %T", (int)type, v);
                }
            }
            return -1;
        }
        intptr_t len;
        bool alt = (flags & F_ALT) && type != 'd' && type != 'i' && type != 'u';
        char *s = int_text(t, iv, (char)type, alt, prec, &len);
        pyl_decref(t, iv);
        if (s == NULL) {
            return -1;
        }
        r = put_number(f, s, len, flags, width, alt);
        pyl_mem_free(t, s);
        return r;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
        double x;
        if (PYL_IS_FLOAT(v)) {
            x = PYL_FLOAT_VALUE(v);
        } else if (pyl_float_as_double(t, v, &x) < 0) {
            if (f->bytes && pyl_err_matches(t, PYL_EXC(t, TypeError))) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, TypeError), "float argument required, not %T", v);
            }
            return -1;
        }
        intptr_t len;
        char *s = float_text(t, x, (char)type, (flags & F_ALT) != 0, prec, &len);
        if (s == NULL) {
            return -1;
        }
        r = put_number(f, s, len, flags, width, false);
        pyl_mem_free(t, s);
        return r;
    }
    default:
        break;
    }
    pyl_err_format(t, PYL_EXC(t, ValueError),
                   "unsupported format character '%c' (0x%x) at index %zd",
                   (type >= 31 && type <= 126) ? (int)type : '?', (unsigned)type, (ssize_t)pos);
    return -1;
}

/* A number in the format string (width / precision). */
static int parse_num(Fmt *f, const unsigned char **pp, const unsigned char *end, intptr_t *out,
                     const char *what)
{
    const unsigned char *p = *pp;
    intptr_t v = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        if (v > (INTPTR_MAX - 9) / 10) {
            pyl_err_format(f->t, PYL_EXC(f->t, ValueError), "%s too big", what);
            return -1;
        }
        v = v * 10 + (*p++ - '0');
    }
    *pp = p;
    *out = v;
    return 0;
}

static int star_arg(Fmt *f, intptr_t *out)
{
    PylObject *v = next_arg(f);
    if (v == NULL) {
        return -1;
    }
    if (!PYL_IS_INT(v)) {
        pyl_err_format(f->t, PYL_EXC(f->t, TypeError), "* wants int");
        return -1;
    }
    if (pyl_int_as_ssize(f->t, v, out) < 0) {
        return -1;
    }
    return 0;
}

static PylObject *printf_format(PylThread *t, const char *fmt, intptr_t n, PylObject *args,
                                bool bytes, bool bytearray)
{
    Fmt f;
    f.t = t;
    f.bytes = bytes;
    pyl_buf_init(&f.out);
    f.keyval = NULL;
    f.dict = NULL;
    if (PYL_IS_TUPLE(args)) {
        f.argv = PYL_TUPLE_ITEMS(args);
        f.argc = PYL_TUPLE_SIZE(args);
    } else {
        f.single = args;
        f.argv = &f.single;
        f.argc = 1;
        bool textlike = bytes ? (PYL_IS_BYTES(args) || PYL_IS_BYTEARRAY(args)) : PYL_IS_STR(args);
        if (PYL_TYPEOF(t, args)->getitem != NULL && !textlike) {
            f.dict = args;
        }
    }
    f.argi = 0;
    const unsigned char *p = (const unsigned char *)fmt, *end = p + n;
    if (pyl_buf_reserve(t, &f.out, n + 16) < 0) {
        return NULL;
    }
    while (p < end) {
        const unsigned char *pct = memchr(p, '%', (size_t)(end - p));
        if (pct == NULL) {
            pct = end;
        }
        if (pyl_buf_append(t, &f.out, p, pct - p) < 0) {
            goto error;
        }
        if (pct == end) {
            break;
        }
        p = pct + 1;
        if (p < end && *p == '%') {
            if (pyl_buf_putc(t, &f.out, '%') < 0) {
                goto error;
            }
            p++;
            continue;
        }
        /* %(key) */
        if (p < end && *p == '(') {
            if (f.dict == NULL) {
                pyl_err_format(t, PYL_EXC(t, TypeError), "format requires a mapping");
                goto error;
            }
            const unsigned char *k = ++p;
            int depth = 1;
            while (p < end && depth > 0) {
                if (*p == '(') {
                    depth++;
                } else if (*p == ')') {
                    depth--;
                }
                p++;
            }
            if (depth > 0) {
                pyl_err_format(t, PYL_EXC(t, ValueError), "incomplete format key");
                goto error;
            }
            PylObject *key =
                bytes ? pyl_bytes_new(t, k, p - 1 - k) : pyl_str_new(t, (const char *)k, p - 1 - k);
            if (key == NULL) {
                goto error;
            }
            PylObject *val = pyl_getitem(t, f.dict, key);
            pyl_decref(t, key);
            if (val == NULL) {
                goto error;
            }
            pyl_setref(t, &f.keyval, val);
            f.single = val;
            f.argv = &f.single;
            f.argc = 1;
            f.argi = 0;
        }
        int flags = 0;
        for (; p < end; p++) {
            if (*p == '-') {
                flags |= F_LJUST;
            } else if (*p == '+') {
                flags |= F_SIGN;
            } else if (*p == ' ') {
                flags |= F_BLANK;
            } else if (*p == '#') {
                flags |= F_ALT;
            } else if (*p == '0') {
                flags |= F_ZERO;
            } else {
                break;
            }
        }
        intptr_t width = -1, prec = -1;
        if (p < end && *p == '*') {
            p++;
            if (star_arg(&f, &width) < 0) {
                goto error;
            }
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
        } else if (p < end && *p >= '0' && *p <= '9') {
            if (parse_num(&f, &p, end, &width, "width") < 0) {
                goto error;
            }
        }
        if (p < end && *p == '.') {
            p++;
            prec = 0;
            if (p < end && *p == '*') {
                p++;
                if (star_arg(&f, &prec) < 0) {
                    goto error;
                }
                if (prec < 0) {
                    prec = 0;
                }
            } else if (parse_num(&f, &p, end, &prec, "precision") < 0) {
                goto error;
            }
        }
        while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) {
            p++;
        }
        if (p >= end) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "incomplete format");
            goto error;
        }
        const char *tp = (const char *)p;
        uint32_t type = bytes ? *p : pyl_utf8_next(&tp);
        intptr_t pos = bytes ? (intptr_t)(p - (const unsigned char *)fmt) : (intptr_t)0;
        if (!bytes) {
            /* the index CPython reports counts code points */
            const unsigned char *q = (const unsigned char *)fmt;
            for (; q < p; q++) {
                pos += (*q & 0xC0) != 0x80;
            }
        }
        p = bytes ? p + 1 : (const unsigned char *)tp;
        PylObject *v = next_arg(&f);
        if (v == NULL || format_one(&f, v, type, flags, width, prec, pos) < 0) {
            goto error;
        }
    }
    if (f.argi < f.argc && f.dict == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "not all arguments converted during %s formatting",
                       bytes ? "bytes" : "string");
        goto error;
    }
    pyl_xdecref(t, f.keyval);
    if (!bytes) {
        return pyl_buf_finish_str(t, &f.out);
    }
    if (bytearray) {
        PylObject *r = pyl_bytearray_new(t, f.out.data, f.out.len);
        pyl_buf_free(t, &f.out);
        return r;
    }
    return pyl_bytes_from_buf(t, &f.out);
error:
    pyl_xdecref(t, f.keyval);
    pyl_buf_free(t, &f.out);
    return NULL;
}

PylObject *pyl_str_mod(PylThread *t, PylObject *fmt, PylObject *args)
{
    return printf_format(t, PYL_STR_DATA(fmt), PYL_STR_NBYTES(fmt), args, false, false);
}

PylObject *pyl_bytes_mod(PylThread *t, PylObject *fmt, PylObject *args)
{
    const char *d;
    intptr_t n;
    if (pyl_bytes_view(t, fmt, &d, &n) < 0) {
        return NULL;
    }
    /* a bytearray format could be changed by the arguments' methods: use a copy */
    if (PYL_IS_BYTEARRAY(fmt)) {
        PylObject *copy = pyl_bytes_new(t, d, n);
        if (copy == NULL) {
            return NULL;
        }
        PylObject *r = printf_format(t, PYL_BYTES_DATA(copy), n, args, true, true);
        pyl_decref(t, copy);
        return r;
    }
    return printf_format(t, d, n, args, true, false);
}

/* ======================================================================
 * str.format / str.format_map
 * ====================================================================== */

typedef struct Fields {
    PylThread *t;
    PylObject *const *args; /* NULL for format_map */
    intptr_t nargs;
    PylObject *kwnames; /* format(): names of kwargs (values follow args) */
    PylObject *mapping; /* format_map(): the mapping */
    int auto_state;     /* 0 init, 1 auto numbering, 2 manual */
    intptr_t auto_next;
} Fields;

static PylObject *fmt_error(PylThread *t, const char *msg)
{
    return pyl_err_format(t, PYL_EXC(t, ValueError), "%s", msg);
}

/* All-decimal-digit text as an index: 1 with *out, 0 when not all digits (or
 * empty), -1 on overflow. */
static int field_integer(PylThread *t, const char *p, const char *end, intptr_t *out)
{
    if (p == end) {
        return 0;
    }
    intptr_t v = 0;
    while (p < end) {
        int d = pyl_unicode_decimal(pyl_utf8_next(&p));
        if (d < 0) {
            return 0;
        }
        if (v > (INTPTR_MAX - d) / 10) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

/* The object a field name refers to: arg_name then .attr / [key] accessors. */
static PylObject *field_object(Fields *fl, const char *p, const char *end)
{
    PylThread *t = fl->t;
    const char *first_end = p;
    while (first_end < end && *first_end != '.' && *first_end != '[') {
        first_end++;
    }
    intptr_t index = -1;
    int isint = field_integer(t, p, first_end, &index);
    if (isint < 0) {
        return NULL;
    }
    PylObject *obj;
    if (p == first_end) {
        if (fl->auto_state == 2) {
            return fmt_error(t, "cannot switch from manual field specification to automatic field "
                                "numbering");
        }
        fl->auto_state = 1;
        index = fl->auto_next++;
        isint = 1;
    } else if (isint) {
        if (fl->auto_state == 1) {
            return fmt_error(t, "cannot switch from automatic field numbering to manual field "
                                "specification");
        }
        fl->auto_state = 2;
    }
    if (!isint) {
        PylObject *key = pyl_str_new(t, p, first_end - p);
        if (key == NULL) {
            return NULL;
        }
        obj = NULL;
        if (fl->mapping != NULL) {
            obj = pyl_getitem(t, fl->mapping, key);
        } else {
            intptr_t nkw = fl->kwnames ? PYL_TUPLE_SIZE(fl->kwnames) : 0;
            for (intptr_t i = 0; i < nkw; i++) {
                if (pyl_str_equal(PYL_TUPLE_ITEM(fl->kwnames, i), key)) {
                    obj = pyl_incref(fl->args[fl->nargs + i]);
                    break;
                }
            }
            if (obj == NULL) {
                pyl_err_set(t, PYL_EXC(t, KeyError), key);
            }
        }
        pyl_decref(t, key);
        if (obj == NULL) {
            return NULL;
        }
    } else {
        if (fl->mapping != NULL) {
            return fmt_error(t, "Format string contains positional fields");
        }
        if (index >= fl->nargs) {
            return pyl_err_format(t, PYL_EXC(t, IndexError),
                                  "Replacement index %zd out of range for positional args tuple",
                                  (ssize_t)index);
        }
        obj = pyl_incref(fl->args[index]);
    }
    /* accessors */
    p = first_end;
    while (p < end) {
        char c = *p++;
        const char *name = p;
        PylObject *next;
        if (c == '.') {
            while (p < end && *p != '.' && *p != '[') {
                p++;
            }
            if (p == name) {
                pyl_decref(t, obj);
                return fmt_error(t, "Empty attribute in format string");
            }
            PylObject *attr = pyl_str_new(t, name, p - name);
            if (attr == NULL) {
                pyl_decref(t, obj);
                return NULL;
            }
            next = pyl_getattr(t, obj, attr);
            pyl_decref(t, attr);
        } else if (c == '[') {
            while (p < end && *p != ']') {
                p++;
            }
            if (p >= end) {
                pyl_decref(t, obj);
                return fmt_error(t, "Missing ']' in format string");
            }
            if (p == name) {
                pyl_decref(t, obj);
                return fmt_error(t, "Empty attribute in format string");
            }
            intptr_t k;
            int r = field_integer(t, name, p, &k);
            if (r < 0) {
                pyl_decref(t, obj);
                return NULL;
            }
            PylObject *key = r ? pyl_int_from_ssize(t, k) : pyl_str_new(t, name, p - name);
            p++; /* ']' */
            if (key == NULL) {
                pyl_decref(t, obj);
                return NULL;
            }
            next = pyl_getitem(t, obj, key);
            pyl_decref(t, key);
        } else {
            pyl_decref(t, obj);
            return fmt_error(t, "Only '.' or '[' may follow ']' in format field specifier");
        }
        pyl_decref(t, obj);
        if (next == NULL) {
            return NULL;
        }
        obj = next;
    }
    return obj;
}

static int build_string(Fields *fl, const char *p, const char *end, int depth, PylBuf *out);

/* Render one replacement field whose text (between the braces) is [p, end). */
static int render_field(Fields *fl, const char *p, const char *end, int depth, PylBuf *out)
{
    PylThread *t = fl->t;
    /* field name: up to '!' or ':' (brackets may contain anything but ']') */
    const char *name_end = p;
    char c = 0;
    while (name_end < end) {
        c = *name_end;
        if (c == '[') {
            while (name_end < end && *name_end != ']') {
                name_end++;
            }
            if (name_end >= end) {
                break;
            }
            name_end++;
            c = 0;
            continue;
        }
        if (c == '!' || c == ':') {
            break;
        }
        if (c == '{') {
            fmt_error(t, "unexpected '{' in field name");
            return -1;
        }
        name_end++;
        c = 0;
    }
    uint32_t conversion = 0;
    const char *spec = NULL, *spec_end = NULL;
    const char *q = name_end;
    if (q < end && *q == '!') {
        q++;
        if (q >= end) {
            fmt_error(t, "end of string while looking for conversion specifier");
            return -1;
        }
        conversion = pyl_utf8_next(&q);
        if (q < end) {
            if (*q != ':') {
                fmt_error(t, "expected ':' after conversion specifier");
                return -1;
            }
            q++;
            spec = q;
            spec_end = end;
        }
    } else if (q < end && *q == ':') {
        spec = q + 1;
        spec_end = end;
    }
    PylObject *obj = field_object(fl, p, name_end);
    if (obj == NULL) {
        return -1;
    }
    if (conversion != 0) {
        PylObject *conv;
        switch (conversion) {
        case 'r':
            conv = pyl_repr(t, obj);
            break;
        case 's':
            conv = pyl_str(t, obj);
            break;
        case 'a':
            conv = pyl_ascii(t, obj);
            break;
        default:
            if (conversion > 32 && conversion < 127) {
                pyl_err_format(t, PYL_EXC(t, ValueError), "Unknown conversion specifier %c",
                               (int)conversion);
            } else {
                pyl_err_format(t, PYL_EXC(t, ValueError), "Unknown conversion specifier \\x%x",
                               (unsigned)conversion);
            }
            conv = NULL;
            break;
        }
        pyl_decref(t, obj);
        if (conv == NULL) {
            return -1;
        }
        obj = conv;
    }
    PylObject *specobj = NULL;
    if (spec != NULL && spec < spec_end) {
        if (memchr(spec, '{', (size_t)(spec_end - spec)) != NULL) {
            PylBuf sb;
            pyl_buf_init(&sb);
            if (build_string(fl, spec, spec_end, depth - 1, &sb) < 0) {
                pyl_buf_free(t, &sb);
                pyl_decref(t, obj);
                return -1;
            }
            specobj = pyl_buf_finish_str(t, &sb);
        } else {
            specobj = pyl_str_new(t, spec, spec_end - spec);
        }
        if (specobj == NULL) {
            pyl_decref(t, obj);
            return -1;
        }
    }
    int r;
    if (specobj == NULL && PYL_IS_STR_EXACT(obj)) {
        r = pyl_buf_put_str(t, out, obj);
    } else {
        PylObject *s = pyl_format(t, obj, specobj);
        r = s == NULL ? -1 : pyl_buf_put_str(t, out, s);
        pyl_xdecref(t, s);
    }
    pyl_xdecref(t, specobj);
    pyl_decref(t, obj);
    return r;
}

/* Expand the format string [p, end) into out. depth counts the nesting left
 * (2 at the top: a spec may contain fields, whose specs may not). */
static int build_string(Fields *fl, const char *p, const char *end, int depth, PylBuf *out)
{
    PylThread *t = fl->t;
    if (depth <= 0) {
        fmt_error(t, "Max string recursion exceeded");
        return -1;
    }
    while (p < end) {
        /* literal text up to the next brace */
        const char *b = p;
        while (b < end && *b != '{' && *b != '}') {
            b++;
        }
        if (pyl_buf_append(t, out, p, b - p) < 0) {
            return -1;
        }
        if (b == end) {
            break;
        }
        char c = *b;
        p = b + 1;
        if (c == '}') {
            if (p < end && *p == '}') {
                if (pyl_buf_putc(t, out, '}') < 0) {
                    return -1;
                }
                p++;
                continue;
            }
            fmt_error(t, "Single '}' encountered in format string");
            return -1;
        }
        if (p >= end) {
            fmt_error(t, "Single '{' encountered in format string");
            return -1;
        }
        if (*p == '{') {
            if (pyl_buf_putc(t, out, '{') < 0) {
                return -1;
            }
            p++;
            continue;
        }
        /* a field: find its closing brace (parse_field's rules) */
        const char *f = p, *q = p;
        char last = 0;
        while (q < end) {
            last = *q++;
            if (last == '{') {
                fmt_error(t, "unexpected '{' in field name");
                return -1;
            }
            if (last == '[') {
                while (q < end && *q != ']') {
                    q++;
                }
                last = '[';
                continue;
            }
            if (last == '}' || last == ':' || last == '!') {
                break;
            }
        }
        const char *field_end;
        if (last == '!' || last == ':') {
            if (last == '!') {
                if (q >= end) {
                    fmt_error(t, "end of string while looking for conversion specifier");
                    return -1;
                }
                pyl_utf8_next(&q); /* the conversion character */
                if (q < end) {
                    char c2 = *q++;
                    if (c2 == '}') {
                        if (render_field(fl, f, q - 1, depth, out) < 0) {
                            return -1;
                        }
                        p = q;
                        continue;
                    }
                    if (c2 != ':') {
                        fmt_error(t, "expected ':' after conversion specifier");
                        return -1;
                    }
                }
            }
            int count = 1;
            field_end = NULL;
            while (q < end) {
                char d = *q++;
                if (d == '{') {
                    count++;
                } else if (d == '}') {
                    if (--count == 0) {
                        field_end = q - 1;
                        break;
                    }
                }
            }
            if (field_end == NULL) {
                fmt_error(t, "unmatched '{' in format spec");
                return -1;
            }
        } else if (last == '}') {
            field_end = q - 1;
        } else {
            fmt_error(t, "expected '}' before end of string");
            return -1;
        }
        if (render_field(fl, f, field_end, depth, out) < 0) {
            return -1;
        }
        p = field_end + 1;
    }
    return 0;
}

PylObject *pyl_str_format_method(PylThread *t, PylObject *fmt, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames, PylObject *mapping)
{
    Fields fl = {t, args, nargs, kwnames, mapping, 0, 0};
    if (mapping != NULL) {
        fl.args = NULL;
        fl.nargs = 0;
    }
    const char *p = PYL_STR_DATA(fmt), *end = p + PYL_STR_NBYTES(fmt);
    if (memchr(p, '{', (size_t)(end - p)) == NULL && memchr(p, '}', (size_t)(end - p)) == NULL) {
        if (PYL_IS_STR_EXACT(fmt)) {
            return pyl_incref(fmt);
        }
        return pyl_str_new(t, p, end - p);
    }
    PylBuf out;
    pyl_buf_init(&out);
    if (pyl_buf_reserve(t, &out, PYL_STR_NBYTES(fmt) + 16) < 0) {
        return NULL;
    }
    if (pyl_enter_call(t, " while formatting a string") < 0) {
        pyl_buf_free(t, &out);
        return NULL;
    }
    int r = build_string(&fl, p, end, 2, &out);
    pyl_leave_call(t);
    if (r < 0) {
        pyl_buf_free(t, &out);
        return NULL;
    }
    return pyl_buf_finish_str(t, &out);
}
