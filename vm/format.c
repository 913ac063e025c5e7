/* format.c — the format-spec mini-language (format(), str.format, f-strings) for
 * int, float and str, and printf-style conversion of one number for `%`.
 *
 * A formatted number is assembled from parts, then padded:
 *
 *     [left pad][sign][prefix][= pad][grouped digits][rest][right pad]
 *                  -      0x            1,234,567     .89e+10%
 *
 * "digits" are the integer digits (grouping applies to them only); "rest" is
 * everything after them (fraction, exponent, '%', or the whole of "inf"). With
 * fill '0' and '=' alignment the padding becomes leading zeros of the digits,
 * grouped like them ('010,' gives 00,001,234). Widths count code points.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm/dtoa.h"
#include "vm/format.h"

/* ---- parsing --------------------------------------------------------------------- */

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static PylObject *bad_code(PylThread *t, const char *fmt_printable, const char *fmt_hex,
                           uint32_t type, int lead, const char *tname)
{
    if (type > 32 && type < 128) {
        if (lead) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), fmt_printable, lead, (int)type);
        }
        return pyl_err_format(t, PYL_EXC(t, ValueError), fmt_printable, (int)type, tname);
    }
    if (lead) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), fmt_hex, lead, (unsigned)type);
    }
    return pyl_err_format(t, PYL_EXC(t, ValueError), fmt_hex, (unsigned)type, tname);
}

static PylObject *unknown_code(PylThread *t, uint32_t type, const char *tname)
{
    return bad_code(t, "Unknown format code '%c' for object of type '%s'",
                    "Unknown format code '\\x%x' for object of type '%s'", type, 0, tname);
}

/* Read a decimal number at *pp; -1 + ValueError when it overflows. */
static int parse_count(PylThread *t, const char **pp, const char *end, intptr_t *out)
{
    const char *p = *pp;
    intptr_t v = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        if (v > (INTPTR_MAX - 9) / 10) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (*p - '0');
        p++;
    }
    *out = p == *pp ? -1 : v;
    *pp = p;
    return 0;
}

/* [[fill]align][sign][z][#][0][width][grouping][.precision][type]; default_type
 * is the type assumed when none is given ('d' for int, 's' for str, 0 for float),
 * which matters for the grouping check. */
static int parse_spec(PylThread *t, PylObject *specobj, const char *tname, char default_align,
                      uint32_t default_type, PylFormatSpec *f)
{
    const char *s = PYL_STR_DATA(specobj), *end = s + PYL_STR_NBYTES(specobj);
    f->fill = ' ';
    f->align = 0;
    f->sign = 0;
    f->no_neg_zero = false;
    f->alt = false;
    f->fill_given = false;
    f->grouping = 0;
    f->width = -1;
    f->precision = -1;
    f->type = default_type;
    if (s < end) {
        const char *q = s;
        uint32_t c = pyl_utf8_next(&q);
        if (q < end && is_align(*q)) {
            f->fill = c;
            f->fill_given = true;
            f->align = *q;
            s = q + 1;
        } else if (is_align(*s)) {
            f->align = *s++;
        }
    }
    if (s < end && (*s == '+' || *s == '-' || *s == ' ')) {
        f->sign = *s++;
    }
    if (s < end && *s == 'z') {
        f->no_neg_zero = true;
        s++;
    }
    if (s < end && *s == '#') {
        f->alt = true;
        s++;
    }
    if (!f->fill_given && s < end && *s == '0') {
        f->fill = '0';
        f->fill_given = true;
        if (f->align == 0 && default_align == '>') {
            f->align = '=';
        }
        s++;
    }
    if (parse_count(t, &s, end, &f->width) < 0) {
        return -1;
    }
    if (s < end && *s == ',') {
        f->grouping = ',';
        s++;
    }
    if (s < end && *s == '_') {
        if (f->grouping != 0) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->grouping = '_';
        s++;
    }
    if (s < end && *s == ',' && f->grouping == '_') {
        pyl_err_format(t, PYL_EXC(t, ValueError), "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (s < end && *s == '.') {
        s++;
        if (parse_count(t, &s, end, &f->precision) < 0) {
            return -1;
        }
        if (f->precision < 0) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "Format specifier missing precision");
            return -1;
        }
    }
    if (s < end) {
        const char *q = s;
        uint32_t c = pyl_utf8_next(&q);
        if (q != end) {
            pyl_err_format(t, PYL_EXC(t, ValueError),
                           "Invalid format specifier '%U' for object of type '%s'", specobj, tname);
            return -1;
        }
        f->type = c;
    }
    if (f->grouping != 0) {
        switch (f->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0:
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (f->grouping == '_') {
                break;
            }
            /* fall through */
        default:
            bad_code(t, "Cannot specify '%c' with '%c'.", "Cannot specify '%c' with '\\x%x'.",
                     f->type, f->grouping, tname);
            return -1;
        }
    }
    return 0;
}

int pyl_format_parse(PylThread *t, PylObject *spec, const char *tname, char default_align,
                     PylFormatSpec *out)
{
    return parse_spec(t, spec, tname, default_align, 0, out);
}

/* ---- padding and assembly -------------------------------------------------------- */

static int put_fill(PylThread *t, PylBuf *b, uint32_t fill, intptr_t n)
{
    if (n <= 0) {
        return 0;
    }
    char enc[4];
    int len = pyl_utf8_encode(fill, enc);
    if (pyl_buf_reserve(t, b, n * len) < 0) {
        return -1;
    }
    char *p = b->data + b->len;
    if (len == 1) {
        memset(p, enc[0], (size_t)n);
    } else {
        for (intptr_t i = 0; i < n; i++) {
            memcpy(p + i * len, enc, (size_t)len);
        }
    }
    b->len += n * len;
    return 0;
}

typedef struct NumParts {
    char sign;          /* 0 or the sign character */
    const char *prefix; /* "0x" ... or "" */
    const char *digits; /* integer digits, ASCII */
    intptr_t ndigits;
    const char *rest; /* UTF-8 text after the digits */
    intptr_t nrest;   /* bytes */
    intptr_t crest;   /* code points */
} NumParts;

/* Length of digits grouped by `size` with separators, padded with leading zeros
 * (grouped as well) to at least minw characters, never starting with a separator.
 * When out is not NULL the text is written ending at out (backwards). */
static intptr_t group_digits(const char *digits, intptr_t nd, int size, char sep, intptr_t minw,
                             char *out)
{
    intptr_t count = 0, remaining = nd;
    bool use_sep = false;
    for (;;) {
        intptr_t want = remaining > minw ? remaining : minw;
        if (want < 1) {
            want = 1;
        }
        intptr_t l = sep ? (want < size ? want : size) : want;
        intptr_t chars = remaining < l ? remaining : l;
        intptr_t zeros = l - chars;
        if (use_sep) {
            count++;
            if (out) {
                *--out = sep;
            }
        }
        for (intptr_t i = 0; i < chars; i++) {
            if (out) {
                *--out = digits[remaining - 1 - i];
            }
        }
        for (intptr_t i = 0; i < zeros; i++) {
            if (out) {
                *--out = '0';
            }
        }
        count += l;
        remaining -= chars;
        minw -= l;
        if (remaining <= 0 && minw <= 0) {
            break;
        }
        minw -= 1;
        use_sep = true;
    }
    return count;
}

/* Assemble a formatted number into a new str (see the picture at the top). */
static PylObject *render_number(PylThread *t, const PylFormatSpec *f, const NumParts *np, char sep,
                                int group)
{
    char align = f->align ? f->align : '>';
    intptr_t nprefix = (intptr_t)strlen(np->prefix);
    intptr_t fixed = (np->sign ? 1 : 0) + nprefix + np->crest;
    intptr_t minw = 0;
    if (f->fill == '0' && align == '=' && f->width > fixed) {
        minw = f->width - fixed;
    }
    intptr_t glen = group_digits(np->digits, np->ndigits, group, sep, minw, NULL);
    if (np->ndigits == 0 && minw == 0) {
        glen = 0; /* inf / nan / 'c': no digits at all */
    }
    intptr_t total = fixed + glen;
    intptr_t pad = f->width > total ? f->width - total : 0;
    intptr_t lpad = 0, rpad = 0, mpad = 0;
    switch (align) {
    case '<':
        rpad = pad;
        break;
    case '^':
        lpad = pad / 2;
        rpad = pad - lpad;
        break;
    case '=':
        mpad = pad;
        break;
    default:
        lpad = pad;
        break;
    }
    PylBuf b;
    pyl_buf_init(&b);
    if (put_fill(t, &b, f->fill, lpad) < 0 || (np->sign && pyl_buf_putc(t, &b, np->sign) < 0) ||
        pyl_buf_append(t, &b, np->prefix, nprefix) < 0 || put_fill(t, &b, f->fill, mpad) < 0 ||
        pyl_buf_reserve(t, &b, glen) < 0) {
        goto error;
    }
    if (glen > 0) {
        group_digits(np->digits, np->ndigits, group, sep, minw, b.data + b.len + glen);
        b.len += glen;
    }
    if (pyl_buf_append(t, &b, np->rest, np->nrest) < 0 || put_fill(t, &b, f->fill, rpad) < 0) {
        goto error;
    }
    return pyl_buf_finish_str(t, &b);
error:
    pyl_buf_free(t, &b);
    return NULL;
}

static char sign_char(const PylFormatSpec *f, bool negative)
{
    if (negative) {
        return '-';
    }
    return f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
}

/* ---- floats ----------------------------------------------------------------------- */

/* Remove trailing zeros of the fraction in s[0..*n) (and the point when nothing
 * is left after it); the exponent part, if any, is kept. */
static void strip_fraction_zeros(char *s, intptr_t *n)
{
    char *dot = memchr(s, '.', (size_t)*n);
    if (dot == NULL) {
        return;
    }
    char *e = memchr(s, 'e', (size_t)*n);
    if (e == NULL) {
        e = memchr(s, 'E', (size_t)*n);
    }
    char *mend = e ? e : s + *n;
    char *p = mend;
    while (p > dot + 1 && p[-1] == '0') {
        p--;
    }
    if (p == dot + 1) {
        p = dot;
    }
    intptr_t tail = (s + *n) - mend;
    memmove(p, mend, (size_t)tail);
    *n = (p - s) + tail;
}

/* x (finite, >= 0) with p digits after the point into buf, rounded as printf
 * does (the exact binary value, ties to even), by exact integer arithmetic:
 * x = m * 2**e, so x * 10**p = m * 10**p * 2**e, a 128-bit integer shifted.
 * Covers x < 1e17 and p <= 20 (then x * 10**p < 1e37 < 2**123); false
 * otherwise. Several times faster than snprintf's general algorithm. */
static bool fixed_digits(double x, int p, bool alt, char *buf, int *len)
{
    if (!(x < 1e17) || p > 20) {
        return false;
    }
    int e;
    double fr = frexp(x, &e);
    uint64_t m = (uint64_t)ldexp(fr, 53);
    e -= 53;
    unsigned __int128 v = m;
    for (int i = 0; i < p; i++) {
        v *= 10;
    }
    if (e >= 0) {
        v <<= e;
    } else if (-e >= 128) {
        v = 0; /* m * 10**p < 2**120: the value is below 2**-8 */
    } else {
        int sh = -e;
        unsigned __int128 q = v >> sh, r = v - (q << sh), half = (unsigned __int128)1 << (sh - 1);
        if (r > half || (r == half && (q & 1))) {
            q++;
        }
        v = q;
    }
    char rev[48];
    int n = 0;
    do {
        rev[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v != 0);
    while (n < p + 1) {
        rev[n++] = '0';
    }
    int k = 0;
    for (int i = n - 1; i >= p; i--) {
        buf[k++] = rev[i];
    }
    if (p > 0 || alt) {
        buf[k++] = '.';
    }
    for (int i = p - 1; i >= 0; i--) {
        buf[k++] = rev[i];
    }
    buf[k] = '\0';
    *len = k;
    return true;
}

/* The text of finite |x| for presentation type (e E f F g G, 'r' = repr, 'q' =
 * the no-type form with a precision: 'g' that switches to exponents one digit
 * earlier and keeps a ".0"). A pyl_mem block of *len bytes (NUL-terminated). */
static char *float_digits(PylThread *t, double x, char type, intptr_t prec, bool alt, intptr_t *len)
{
    size_t cap = (size_t)prec + 360;
    char *buf = pyl_mem_alloc(t, cap);
    if (buf == NULL) {
        return NULL;
    }
    int n;
    int p = (int)prec;
    /* every printf result below goes through pyl_dtoa_c_point: '.' whatever the
     * process's LC_NUMERIC */
    if (type == 'r') {
        n = pyl_double_repr(x, buf);
        if (alt && memchr(buf, '.', (size_t)n) == NULL) {
            char *e = memchr(buf, 'e', (size_t)n);
            if (e != NULL) {
                memmove(e + 1, e, (size_t)(buf + n - e) + 1);
                *e = '.';
                n++;
            }
        }
    } else if (type == 'q' || type == 'g' || type == 'G') {
        /* 'g' rules by hand (glibc's %#g loses zeros when rounding carries):
         * exponent X of the value rounded to p digits picks the notation */
        bool q = type == 'q';
        const char *efmt =
            alt ? (type == 'G' ? "%#.*E" : "%#.*e") : (type == 'G' ? "%.*E" : "%.*e");
        if (p == 0) {
            p = 1;
        }
        n = pyl_dtoa_c_point(buf, snprintf(buf, cap, efmt, p - 1, x));
        int X = atoi(strpbrk(buf, "eE") + 1);
        bool expo = X < -4 || X >= (q ? p - 1 : p);
        if (!expo) {
            n = pyl_dtoa_c_point(buf, snprintf(buf, cap, alt ? "%#.*f" : "%.*f", p - 1 - X, x));
        }
        intptr_t ln = n;
        if (!alt) {
            strip_fraction_zeros(buf, &ln);
        }
        n = (int)ln;
        if (q && !expo && memchr(buf, '.', (size_t)n) == NULL) {
            buf[n++] = '.';
            buf[n++] = '0';
        }
        buf[n] = '\0';
    } else if ((type == 'f' || type == 'F') && fixed_digits(x, p, alt, buf, &n)) {
        /* done */
    } else {
        char fmt[8] = "%";
        int k = 1;
        if (alt) {
            fmt[k++] = '#';
        }
        fmt[k++] = '.';
        fmt[k++] = '*';
        fmt[k++] = type;
        fmt[k] = '\0';
        n = pyl_dtoa_c_point(buf, snprintf(buf, cap, fmt, p, x));
    }
    *len = n;
    return buf;
}

/* True when the digits of formatted text s (before any exponent) are all zero. */
static bool all_zero_digits(const char *s, intptr_t n)
{
    for (intptr_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == 'e' || c == 'E' || c == '%') {
            break;
        }
        if (c >= '1' && c <= '9') {
            return false;
        }
    }
    return true;
}

PylObject *pyl_format_double(PylThread *t, double x, const PylFormatSpec *spec)
{
    PylFormatSpec f = *spec;
    char type = (char)f.type;
    bool pct = false;
    intptr_t prec = f.precision;
    if (prec > INT_MAX) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "precision too big");
    }
    if (type == 0) {
        type = prec < 0 ? 'r' : 'q';
    } else if (type == 'n') {
        type = 'g';
    } else if (type == '%') {
        type = 'f';
        x *= 100;
        pct = true;
    }
    if (prec < 0) {
        prec = 6;
    }
    bool upper = type == 'E' || type == 'F' || type == 'G';
    NumParts np = {0, "", "", 0, "", 0, 0};
    char special[8];
    char *text = NULL;
    bool negative = signbit(x) && !isnan(x);
    if (!isfinite(x)) {
        int k = 0;
        const char *w = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        memcpy(special, w, 3);
        k = 3;
        if (pct) {
            special[k++] = '%';
        }
        special[k] = '\0';
        np.rest = special;
        np.nrest = np.crest = k;
        np.sign = sign_char(&f, negative);
        return render_number(t, &f, &np, 0, 3);
    }
    intptr_t n;
    text = float_digits(t, fabs(x), type, prec, f.alt, &n);
    if (text == NULL) {
        return NULL;
    }
    if (pct) {
        text[n++] = '%';
    }
    if (negative && f.no_neg_zero && all_zero_digits(text, n)) {
        negative = false;
    }
    np.sign = sign_char(&f, negative);
    intptr_t nd = 0;
    while (nd < n && text[nd] >= '0' && text[nd] <= '9') {
        nd++;
    }
    np.digits = text;
    np.ndigits = nd;
    np.rest = text + nd;
    np.nrest = np.crest = n - nd;
    PylObject *r = render_number(t, &f, &np, f.grouping, 3);
    pyl_mem_free(t, text);
    return r;
}

PylObject *pyl_format_float(PylThread *t, PylObject *v, PylObject *spec)
{
    double x = PYL_FLOAT_VALUE(v);
    if (PYL_STR_NBYTES(spec) == 0) {
        return pyl_str(t, v);
    }
    PylFormatSpec f;
    if (parse_spec(t, spec, pyl_type_name(t, v), '>', 0, &f) < 0) {
        return NULL;
    }
    switch (f.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        return pyl_format_double(t, x, &f);
    default:
        return unknown_code(t, f.type, pyl_type_name(t, v));
    }
}

/* ---- ints ------------------------------------------------------------------------- */

PylObject *pyl_format_int(PylThread *t, PylObject *v, PylObject *spec)
{
    if (PYL_STR_NBYTES(spec) == 0) {
        return pyl_str(t, v);
    }
    PylFormatSpec f;
    const char *tname = pyl_type_name(t, v);
    if (parse_spec(t, spec, tname, '>', 'd', &f) < 0) {
        return NULL;
    }
    int base = 10;
    const char *prefix = "";
    switch (f.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        double x;
        if (pyl_int_as_double(t, v, &x) < 0) {
            return NULL;
        }
        return pyl_format_double(t, x, &f);
    }
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    case 'c':
    case 'd':
    case 'n':
        break;
    default:
        return unknown_code(t, f.type, tname);
    }
    if (f.precision >= 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Precision not allowed in integer format specifier");
    }
    if (f.no_neg_zero) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Negative zero coercion (z) not allowed in integer format specifier");
    }
    NumParts np = {0, "", "", 0, "", 0, 0};
    if (f.type == 'c') {
        if (f.sign) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "Sign not allowed with integer format specifier 'c'");
        }
        if (f.alt) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "Alternate form (#) not allowed with integer format specifier "
                                  "'c'");
        }
        int64_t cp;
        if (pyl_int_as_i64(t, v, &cp) < 0) {
            return NULL;
        }
        if (cp < 0 || cp > 0x10FFFF) {
            return pyl_err_format(t, PYL_EXC(t, OverflowError), "%%c arg not in range(0x110000)");
        }
        char enc[4];
        np.rest = enc;
        np.nrest = pyl_utf8_encode((uint32_t)cp, enc);
        np.crest = 1;
        return render_number(t, &f, &np, 0, 3);
    }
    PylBuf digits;
    pyl_buf_init(&digits);
    if (pyl_int_put_digits(t, &digits, v, base, f.type == 'X') < 0) {
        pyl_buf_free(t, &digits);
        return NULL;
    }
    np.sign = sign_char(&f, pyl_int_sign(v) < 0);
    np.prefix = f.alt ? prefix : "";
    np.digits = digits.data;
    np.ndigits = digits.len;
    char sep = f.type == 'n' ? 0 : f.grouping;
    PylObject *r = render_number(t, &f, &np, sep, base == 10 ? 3 : 4);
    pyl_buf_free(t, &digits);
    return r;
}

/* ---- strings ------------------------------------------------------------------------ */

PylObject *pyl_format_str(PylThread *t, PylObject *s, PylObject *spec)
{
    if (PYL_STR_NBYTES(spec) == 0) {
        return pyl_str(t, s);
    }
    PylFormatSpec f;
    if (parse_spec(t, spec, pyl_type_name(t, s), '<', 's', &f) < 0) {
        return NULL;
    }
    if (f.type != 's') {
        return unknown_code(t, f.type, pyl_type_name(t, s));
    }
    if (f.sign == ' ') {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Space not allowed in string format specifier");
    }
    if (f.sign) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Sign not allowed in string format specifier");
    }
    if (f.no_neg_zero) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (f.alt) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Alternate form (#) not allowed in string format specifier");
    }
    if (f.align == '=') {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "'=' alignment not allowed in string format specifier");
    }
    intptr_t nchars = PYL_STR_LEN(s), nbytes = PYL_STR_NBYTES(s);
    if (f.precision >= 0 && f.precision < nchars) {
        nchars = f.precision;
        nbytes = pyl_str_offset(s, nchars);
    }
    if (f.width <= nchars && nbytes == PYL_STR_NBYTES(s) && PYL_IS_STR_EXACT(s)) {
        return pyl_incref(s);
    }
    return pyl_format_pad(t, PYL_STR_DATA(s), nbytes, nchars, &f, '<');
}

PylObject *pyl_format_pad(PylThread *t, const char *text, intptr_t nbytes, intptr_t nchars,
                          const PylFormatSpec *f, char default_align)
{
    char align = f->align ? f->align : default_align;
    intptr_t pad = f->width > nchars ? f->width - nchars : 0;
    intptr_t lpad = 0, rpad = 0;
    if (align == '>') {
        lpad = pad;
    } else if (align == '^') {
        lpad = pad / 2;
        rpad = pad - lpad;
    } else {
        rpad = pad;
    }
    PylBuf b;
    pyl_buf_init(&b);
    if (put_fill(t, &b, f->fill, lpad) < 0 || pyl_buf_append(t, &b, text, nbytes) < 0 ||
        put_fill(t, &b, f->fill, rpad) < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

/* ---- printf-style ------------------------------------------------------------------ */

static bool has_number_slots(PylThread *t, PylObject *o)
{
    PylType *tp = PYL_TYPEOF(t, o);
    return tp->index != NULL || tp->int_ != NULL || tp->float_ != NULL;
}

/* Append [pad][sign][prefix][zeros][body][pad] for printf conversions. */
static int printf_assemble(PylThread *t, PylBuf *b, char sign, const char *prefix, const char *body,
                           intptr_t nbody, int flags, intptr_t width, bool zero_ok)
{
    intptr_t np = (intptr_t)strlen(prefix);
    intptr_t total = (sign ? 1 : 0) + np + nbody;
    intptr_t pad = width > total ? width - total : 0;
    bool ljust = flags & PYL_PF_LJUST;
    bool zero = !ljust && (flags & PYL_PF_ZERO) && zero_ok;
    if (!ljust && !zero && put_fill(t, b, ' ', pad) < 0) {
        return -1;
    }
    if ((sign && pyl_buf_putc(t, b, sign) < 0) || pyl_buf_append(t, b, prefix, np) < 0) {
        return -1;
    }
    if (zero && put_fill(t, b, '0', pad) < 0) {
        return -1;
    }
    if (pyl_buf_append(t, b, body, nbody) < 0) {
        return -1;
    }
    if (ljust && put_fill(t, b, ' ', pad) < 0) {
        return -1;
    }
    return 0;
}

int pyl_format_number_printf(PylThread *t, PylBuf *b, PylObject *num, char conv, int flags,
                             intptr_t width, intptr_t prec)
{
    char sign_pos = (flags & PYL_PF_PLUS) ? '+' : (flags & PYL_PF_SPACE) ? ' ' : 0;
    switch (conv) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
        bool radix = conv == 'o' || conv == 'x' || conv == 'X';
        PylObject *v;
        if (PYL_IS_INT(num)) {
            v = pyl_incref(num);
        } else if (radix) {
            if (PYL_TYPEOF(t, num)->index == NULL) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%%%c format: an integer is required, not %T", conv, num);
                return -1;
            }
            v = pyl_number_index(t, num);
        } else {
            if (!has_number_slots(t, num)) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%%%c format: a real number is required, not %T", conv, num);
                return -1;
            }
            v = pyl_number_int(t, num);
        }
        if (v == NULL) {
            return -1;
        }
        int base = conv == 'o' ? 8 : radix ? 16 : 10;
        PylBuf digits;
        pyl_buf_init(&digits);
        if (pyl_int_put_digits(t, &digits, v, base, conv == 'X') < 0) {
            pyl_buf_free(t, &digits);
            pyl_decref(t, v);
            return -1;
        }
        char sign = pyl_int_sign(v) < 0 ? '-' : sign_pos;
        pyl_decref(t, v);
        const char *prefix = "";
        if (flags & PYL_PF_ALT) {
            prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "";
        }
        /* precision: minimum number of digits */
        PylBuf body;
        pyl_buf_init(&body);
        int rc = -1;
        if (put_fill(t, &body, '0', prec - digits.len) == 0 &&
            pyl_buf_append(t, &body, digits.data, digits.len) == 0) {
            rc = printf_assemble(t, b, sign, prefix, body.data, body.len, flags, width, true);
        }
        pyl_buf_free(t, &digits);
        pyl_buf_free(t, &body);
        return rc;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
        double x;
        if (pyl_float_as_double(t, num, &x) < 0) {
            return -1;
        }
        if (prec < 0) {
            prec = 6;
        }
        if (prec > INT_MAX) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "precision too big");
            return -1;
        }
        bool negative = signbit(x) && !isnan(x);
        char sign = negative ? '-' : sign_pos;
        if (!isfinite(x)) {
            bool upper = conv == 'E' || conv == 'F' || conv == 'G';
            const char *w = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
            return printf_assemble(t, b, sign, "", w, 3, flags, width, true);
        }
        intptr_t n;
        char *text = float_digits(t, fabs(x), conv, prec, (flags & PYL_PF_ALT) != 0, &n);
        if (text == NULL) {
            return -1;
        }
        int rc = printf_assemble(t, b, sign, "", text, n, flags, width, true);
        pyl_mem_free(t, text);
        return rc;
    }
    default:
        pyl_err_format(t, PYL_EXC(t, ValueError), "unsupported format character '%c' (0x%x)", conv,
                       (unsigned)(unsigned char)conv);
        return -1;
    }
}
