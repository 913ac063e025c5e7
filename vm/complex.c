/* complex.c — the complex type: a pair of IEEE doubles (see complex.h).
 *
 * Every algorithm here is CPython 3.11's (Objects/complexobject.c,
 * Python/formatter_unicode.c), step for step, because users compare the printed
 * digits: the Smith division of _Py_c_quot, integer powers by repeated squaring
 * for exponents up to 100 and the polar formula otherwise, errno as the overflow
 * signal of libm, hash(real) + 1000003 * hash(imag).
 *
 * Operand rule of the arithmetic slots: complex (or subclass), int (incl. bool,
 * OverflowError when too large for a double) and float (or subclasses) are
 * converted to a Cx with imag = +0.0; anything else gives NotImplemented. Results
 * are always exact complex, whatever the operands' types.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm/dtoa.h"
#include "vm/format.h"
#include "vm/unicode.h"

typedef struct Cx {
    double re, im;
} Cx;

static const Cx c_1 = {1.0, 0.0};

/* ---- allocation ------------------------------------------------------------------ */

PylObject *pyl_complex_new(PylThread *t, double real, double imag)
{
    PylComplex *c = (PylComplex *)pyl_obj_alloc(t, PYL_TYPE(t, COMPLEX), sizeof(PylComplex));
    if (c == NULL) {
        return NULL;
    }
    c->real = real;
    c->imag = imag;
    return &c->ob;
}

/* An instance of complex or of its subclass `type` holding real + imag*j. */
static PylObject *complex_subtype_new(PylThread *t, PylType *type, double real, double imag)
{
    if (type == PYL_TYPE(t, COMPLEX)) {
        return pyl_complex_new(t, real, imag);
    }
    PylComplex *c = (PylComplex *)pyl_obj_alloc(t, type, type->basicsize);
    if (c == NULL) {
        return NULL;
    }
    c->real = real;
    c->imag = imag;
    return &c->ob;
}

static PylObject *complex_from_cx(PylThread *t, Cx c)
{
    return pyl_complex_new(t, c.re, c.im);
}

static void complex_dealloc(PylThread *t, PylObject *o)
{
    pyl_obj_free(t, o);
}

static inline Cx cx_of(PylObject *o)
{
    Cx c = {PYL_COMPLEX_REAL(o), PYL_COMPLEX_IMAG(o)};
    return c;
}

/* An exact complex equal to the complex o (new reference). */
static PylObject *exact_complex(PylThread *t, PylObject *o)
{
    if (PYL_IS_COMPLEX_EXACT(o)) {
        return pyl_incref(o);
    }
    return pyl_complex_new(t, PYL_COMPLEX_REAL(o), PYL_COMPLEX_IMAG(o));
}

/* ---- the C arithmetic (CPython's _Py_c_*) ---------------------------------------- */

static Cx c_sum(Cx a, Cx b)
{
    Cx r = {a.re + b.re, a.im + b.im};
    return r;
}

static Cx c_diff(Cx a, Cx b)
{
    Cx r = {a.re - b.re, a.im - b.im};
    return r;
}

static Cx c_prod(Cx a, Cx b)
{
    Cx r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

/* a / b by Smith's method: divide through by the larger of |b.re|, |b.im|. Sets
 * errno = EDOM when b is zero (the result is then 0). */
static Cx c_quot(Cx a, Cx b)
{
    Cx r;
    double abs_bre = b.re < 0 ? -b.re : b.re;
    double abs_bim = b.im < 0 ? -b.im : b.im;
    if (abs_bre >= abs_bim) {
        if (abs_bre == 0.0) {
            errno = EDOM;
            r.re = r.im = 0.0;
        } else {
            double ratio = b.im / b.re;
            double denom = b.re + b.im * ratio;
            r.re = (a.re + a.im * ratio) / denom;
            r.im = (a.im - a.re * ratio) / denom;
        }
    } else if (abs_bim >= abs_bre) {
        double ratio = b.re / b.im;
        double denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {
        /* at least one of b.re, b.im is a NaN */
        r.re = r.im = NAN;
    }
    return r;
}

/* a ** b by the polar formula; errno = EDOM for 0 to a negative or complex power,
 * and whatever libm leaves in errno otherwise. */
static Cx c_pow(Cx a, Cx b)
{
    Cx r;
    if (b.re == 0.0 && b.im == 0.0) {
        r.re = 1.0;
        r.im = 0.0;
    } else if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) {
            errno = EDOM;
        }
        r.re = 0.0;
        r.im = 0.0;
    } else {
        double vabs = hypot(a.re, a.im);
        double len = pow(vabs, b.re);
        double at = atan2(a.im, a.re);
        double phase = at * b.re;
        if (b.im != 0.0) {
            len /= exp(at * b.im);
            phase += b.im * log(vabs);
        }
        r.re = len * cos(phase);
        r.im = len * sin(phase);
    }
    return r;
}

/* x ** n for 0 <= n by binary powering. */
static Cx c_powu(Cx x, long n)
{
    Cx r = c_1, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

/* x ** n for an integral n with |n| <= 100. */
static Cx c_powi(Cx x, long n)
{
    if (n > 0) {
        return c_powu(x, n);
    }
    return c_quot(c_1, c_powu(x, -n));
}

/* |z| with C99's rules for infinities; *overflow when a finite z has an infinite
 * modulus. */
static double c_abs(Cx z, bool *overflow)
{
    *overflow = false;
    if (!isfinite(z.re) || !isfinite(z.im)) {
        if (isinf(z.re)) {
            return fabs(z.re);
        }
        if (isinf(z.im)) {
            return fabs(z.im);
        }
        return NAN;
    }
    double r = hypot(z.re, z.im);
    *overflow = !isfinite(r);
    return r;
}

/* ---- operands ------------------------------------------------------------------------ */

/* The value of a complex, int or float operand: 1; 0 for another type
 * (NotImplemented); -1 on error (int too large for a double). */
static int operand(PylThread *t, PylObject *o, Cx *out)
{
    if (PYL_IS_COMPLEX(o)) {
        *out = cx_of(o);
        return 1;
    }
    out->im = 0.0;
    if (PYL_IS_SMALLINT(o)) {
        out->re = (double)PYL_SMALLINT_VALUE(o);
        return 1;
    }
    if (PYL_IS_FLOAT(o)) {
        out->re = PYL_FLOAT_VALUE(o);
        return 1;
    }
    if (PYL_IS_INT(o)) {
        return pyl_int_as_double(t, o, &out->re) < 0 ? -1 : 1;
    }
    return 0;
}

#define OPERANDS(a, b, x, y)                                                                       \
    Cx x, y;                                                                                       \
    do {                                                                                           \
        int ra_ = operand(t, a, &x);                                                               \
        if (ra_ <= 0) {                                                                            \
            return ra_ < 0 ? NULL : PYL_NOTIMPLEMENTED;                                            \
        }                                                                                          \
        int rb_ = operand(t, b, &y);                                                               \
        if (rb_ <= 0) {                                                                            \
            return rb_ < 0 ? NULL : PYL_NOTIMPLEMENTED;                                            \
        }                                                                                          \
    } while (0)

/* ---- arithmetic slots ------------------------------------------------------------------ */

static PylObject *complex_add(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    return complex_from_cx(t, c_sum(x, y));
}

static PylObject *complex_sub(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    return complex_from_cx(t, c_diff(x, y));
}

static PylObject *complex_mul(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    return complex_from_cx(t, c_prod(x, y));
}

static PylObject *complex_truediv(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    errno = 0;
    Cx q = c_quot(x, y);
    if (errno == EDOM) {
        return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError), "complex division by zero");
    }
    return complex_from_cx(t, q);
}

PylObject *pyl_complex_pow(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    errno = 0;
    Cx p;
    /* CPython takes the integer path when (long)y.re == y.re; exponents beyond
     * +-100 then go to c_pow anyway, so the test reduces to this */
    if (y.im == 0.0 && y.re == floor(y.re) && fabs(y.re) <= 100.0) {
        p = c_powi(x, (long)y.re);
    } else {
        p = c_pow(x, y);
    }
    int err = errno;
    if (isinf(p.re) || isinf(p.im)) {
        if (err == 0) {
            err = ERANGE;
        }
    } else if (err == ERANGE) {
        err = 0;
    }
    if (err == EDOM) {
        return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError),
                              "0.0 to a negative or complex power");
    }
    if (err == ERANGE) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "complex exponentiation");
    }
    return complex_from_cx(t, p);
}

/* pow(a, b, m) with a complex a: CPython checks the operands, then refuses. */
static PylObject *complex_pow3(PylThread *t, PylObject *a, PylObject *b, PylObject *m)
{
    OPERANDS(a, b, x, y);
    return pyl_err_format(t, PYL_EXC(t, ValueError), "complex modulo");
}

static PylObject *complex_neg(PylThread *t, PylObject *a)
{
    return pyl_complex_new(t, -PYL_COMPLEX_REAL(a), -PYL_COMPLEX_IMAG(a));
}

static PylObject *complex_pos(PylThread *t, PylObject *a)
{
    return exact_complex(t, a);
}

static PylObject *complex_abs(PylThread *t, PylObject *a)
{
    bool overflow;
    double r = c_abs(cx_of(a), &overflow);
    if (overflow) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "absolute value too large");
    }
    return pyl_float_new(t, r);
}

static int complex_bool(PylThread *t, PylObject *a)
{
    return PYL_COMPLEX_REAL(a) != 0.0 || PYL_COMPLEX_IMAG(a) != 0.0;
}

/* == and != with int (exactly, through the float comparison), float and complex;
 * NotImplemented for every ordering. */
static PylObject *complex_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if ((op != PYL_EQ && op != PYL_NE) || !PYL_IS_COMPLEX(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    Cx x = cx_of(a);
    bool equal;
    if (PYL_IS_INT(b)) {
        equal = x.im == 0.0 && pyl_int_compare_double(b, x.re) == 0;
    } else if (PYL_IS_FLOAT(b)) {
        equal = x.re == PYL_FLOAT_VALUE(b) && x.im == 0.0;
    } else if (PYL_IS_COMPLEX(b)) {
        equal = x.re == PYL_COMPLEX_REAL(b) && x.im == PYL_COMPLEX_IMAG(b);
    } else {
        return PYL_NOTIMPLEMENTED;
    }
    return PYL_BOOL(op == PYL_EQ ? equal : !equal);
}

/* hash(real) + 1000003 * hash(imag) in unsigned arithmetic, -1 -> -2; a NaN part
 * hashes by the object's identity, as CPython 3.10+ does for floats. */
static PylHash complex_hash(PylThread *t, PylObject *o)
{
    double re = PYL_COMPLEX_REAL(o), im = PYL_COMPLEX_IMAG(o);
    uintptr_t hr = (uintptr_t)(isnan(re) ? pyl_hash_pointer(o) : pyl_float_hash_double(re));
    uintptr_t hi = (uintptr_t)(isnan(im) ? pyl_hash_pointer(o) : pyl_float_hash_double(im));
    uintptr_t combined = hr + (uintptr_t)1000003 * hi;
    if (combined == (uintptr_t)-1) {
        combined = (uintptr_t)-2;
    }
    return (PylHash)combined;
}

/* ---- text -------------------------------------------------------------------------- */

/* The shortest repr of x without float's ".0" (CPython's 'r' format code with no
 * flags), with a '+' in front of a non-negative value when sign is set; a NaN
 * never shows a sign of its own. Returns the length written to buf (>= 34 bytes). */
static int part_repr(double x, bool sign, char *buf)
{
    int n = 0;
    if (isnan(x)) {
        if (sign) {
            buf[n++] = '+';
        }
        memcpy(buf + n, "nan", 4);
        return n + 3;
    }
    if (sign && !signbit(x)) {
        buf[n++] = '+';
    }
    n += pyl_double_repr(x, buf + n);
    if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0') {
        n -= 2;
        buf[n] = '\0';
    }
    return n;
}

/* repr: "1j" when the real part is +0.0, "(re+imj)" otherwise. */
static PylObject *complex_repr(PylThread *t, PylObject *o)
{
    double re = PYL_COMPLEX_REAL(o), im = PYL_COMPLEX_IMAG(o);
    char buf[80];
    int n = 0;
    if (re == 0.0 && !signbit(re)) {
        n = part_repr(im, false, buf);
        buf[n++] = 'j';
    } else {
        buf[n++] = '(';
        n += part_repr(re, false, buf + n);
        n += part_repr(im, true, buf + n);
        buf[n++] = 'j';
        buf[n++] = ')';
    }
    return pyl_str_new_counted(t, buf, n, n, true);
}

/* ---- format ------------------------------------------------------------------------ */

static PylObject *format_error(PylThread *t, const char *msg)
{
    return pyl_err_format(t, PYL_EXC(t, ValueError), "%s", msg);
}

/* One part of a formatted complex, per the already adjusted spec part (no width,
 * left aligned); repr_mode strips the ".0" float formatting adds to integral
 * values (keeping the '.' under '#'). Appends to b. 0 or -1. */
static int format_part(PylThread *t, PylBuf *b, double x, const PylFormatSpec *part, bool repr_mode)
{
    PylObject *s = pyl_format_double(t, x, part);
    if (s == NULL) {
        return -1;
    }
    const char *d = PYL_STR_DATA(s);
    intptr_t n = PYL_STR_NBYTES(s);
    if (repr_mode && isfinite(x) && n >= 2 && d[n - 2] == '.' && d[n - 1] == '0') {
        n -= part->alt ? 1 : 2;
    }
    int r = pyl_buf_append(t, b, d, n);
    pyl_decref(t, s);
    return r;
}

static int put_fill(PylThread *t, PylBuf *b, uint32_t fill, intptr_t n)
{
    for (intptr_t i = 0; i < n; i++) {
        if (pyl_buf_put_codepoint(t, b, fill) < 0) {
            return -1;
        }
    }
    return 0;
}

/* format(z, spec) with a non-empty spec, as CPython's format_complex_internal:
 * both parts are formatted alone (the imaginary one with a forced sign unless the
 * real part is left out), then "(re+imj)" is padded as a whole. No type means the
 * repr form (with parentheses unless the real part is +0.0), or 'g' when a
 * precision is given. */
static PylObject *format_complex(PylThread *t, PylObject *self, PylObject *spec)
{
    PylFormatSpec f;
    const char *tname = pyl_type_name(t, self);
    if (pyl_format_parse(t, spec, tname, '>', &f) < 0) {
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
        break;
    default:
        if (f.type > 32 && f.type < 128) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "Unknown format code '%c' for object of type '%s'", (int)f.type,
                                  tname);
        }
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "Unknown format code '\\x%x' for object of type '%s'",
                              (unsigned)f.type, tname);
    }
    if (f.fill == '0') {
        return format_error(t, "Zero padding is not allowed in complex format specifier");
    }
    if (f.align == '=') {
        return format_error(t, "'=' alignment flag is not allowed in complex format specifier");
    }
    double re = PYL_COMPLEX_REAL(self), im = PYL_COMPLEX_IMAG(self);
    bool skip_re = false, add_parens = false, repr_mode = false;
    PylFormatSpec part = f;
    part.fill = ' ';
    part.fill_given = false;
    part.align = '<';
    part.width = -1;
    if (f.type == 0) {
        if (re == 0.0 && !signbit(re)) {
            skip_re = true;
        } else {
            add_parens = true;
        }
        if (f.precision >= 0) {
            part.type = 'g';
        } else {
            repr_mode = true; /* pyl_format_double's repr form, minus ".0" */
        }
    } else if (f.type == 'n') {
        part.type = 'g';
    }
    PylBuf body;
    pyl_buf_init(&body);
    if (add_parens && pyl_buf_putc(t, &body, '(') < 0) {
        goto error;
    }
    if (!skip_re && format_part(t, &body, re, &part, repr_mode) < 0) {
        goto error;
    }
    if (!skip_re) {
        part.sign = '+';
    }
    if (format_part(t, &body, im, &part, repr_mode) < 0 || pyl_buf_putc(t, &body, 'j') < 0 ||
        (add_parens && pyl_buf_putc(t, &body, ')') < 0)) {
        goto error;
    }
    /* the body is ASCII: its length in bytes is its width */
    intptr_t pad = f.width > body.len ? f.width - body.len : 0;
    intptr_t lpad = 0;
    switch (f.align) {
    case '<':
        lpad = 0;
        break;
    case '^':
        lpad = pad / 2;
        break;
    default:
        lpad = pad;
        break;
    }
    PylBuf out;
    pyl_buf_init(&out);
    if (put_fill(t, &out, f.fill, lpad) < 0 || pyl_buf_append(t, &out, body.data, body.len) < 0 ||
        put_fill(t, &out, f.fill, pad - lpad) < 0) {
        pyl_buf_free(t, &out);
        goto error;
    }
    pyl_buf_free(t, &body);
    return pyl_buf_finish_str(t, &out);
error:
    pyl_buf_free(t, &body);
    return NULL;
}

static PylObject *complex_format_method(PylThread *t, PylObject *self, PylObject *spec)
{
    if (!PYL_IS_STR(spec)) {
        return pyl_bad_argument(t, "__format__", NULL, "str", spec);
    }
    if (PYL_STR_NBYTES(spec) == 0) {
        return pyl_str(t, self);
    }
    return format_complex(t, self, spec);
}

/* ---- parsing a string ------------------------------------------------------------------ */

static bool ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* A decimal float at s as Python's strtod reads it: [+-] digits [. digits]
 * [e [+-] digits] with at least one mantissa digit (an exponent without digits is
 * not part of it). *end = s when there is none. */
static double scan_decimal(char *s, char **end)
{
    char *p = s;
    if (*p == '+' || *p == '-') {
        p++;
    }
    int nd = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        nd++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            nd++;
        }
    }
    if (nd == 0) {
        *end = s;
        return 0.0;
    }
    if (*p == 'e' || *p == 'E') {
        char *q = p + 1;
        if (*q == '+' || *q == '-') {
            q++;
        }
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9') {
                q++;
            }
            p = q;
        }
    }
    *end = p;
    /* correctly rounded, whatever the C locale; overflow gives inf, as Python keeps */
    bool neg = *s == '-';
    const char *digits = *s == '+' || *s == '-' ? s + 1 : s;
    double v = 0.0;
    pyl_decimal_to_double(digits, (size_t)(p - digits), &v);
    return neg ? -v : v;
}

static bool match_ci(const char *s, const char *word)
{
    for (; *word; s++, word++) {
        if ((*s | 0x20) != *word) {
            return false;
        }
    }
    return true;
}

/* PyOS_string_to_double(s, &end, NULL): a decimal, or [+-] inf / infinity / nan
 * in any case. *end = s when s does not start with a number. */
static double scan_double(char *s, char **end)
{
    double v = scan_decimal(s, end);
    if (*end != s) {
        return v;
    }
    char *p = s;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    } else if (*p == '+') {
        p++;
    }
    if (match_ci(p, "inf")) {
        p += 3;
        if (match_ci(p, "inity")) {
            p += 5;
        }
        *end = p;
        return neg ? -HUGE_VAL : HUGE_VAL;
    }
    if (match_ci(p, "nan")) {
        *end = p + 3;
        return neg ? -NAN : NAN;
    }
    *end = s;
    return 0.0;
}

/* complex_from_string_inner: s is NUL-terminated ASCII of len bytes (a NUL inside
 * makes it malformed).
 *     ws* ['(' ws*] (<float> | <float>j | <float><signed-float>j | <float><sign>j
 *                    | <sign>j | j) ws* [')' ws*]
 * 0 with *re / *im, or -1 when malformed (no exception set). s is modified
 * while it is read and restored. */
static int parse_complex(char *s, intptr_t len, double *re, double *im)
{
    char *start = s, *end;
    double x = 0.0, y = 0.0;
    bool bracket = false;
    while (ascii_space(*s)) {
        s++;
    }
    if (*s == '(') {
        bracket = true;
        s++;
        while (ascii_space(*s)) {
            s++;
        }
    }
    double z = scan_double(s, &end);
    if (end != s) {
        s = end;
        if (*s == '+' || *s == '-') {
            x = z;
            y = scan_double(s, &end);
            if (end != s) {
                s = end;
            } else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (!(*s == 'j' || *s == 'J')) {
                return -1;
            }
            s++;
        } else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (*s == '+' || *s == '-') {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        } else {
            y = 1.0;
        }
        if (!(*s == 'j' || *s == 'J')) {
            return -1;
        }
        s++;
    }
    while (ascii_space(*s)) {
        s++;
    }
    if (bracket) {
        if (*s != ')') {
            return -1;
        }
        s++;
        while (ascii_space(*s)) {
            s++;
        }
    }
    if (s - start != len) {
        return -1;
    }
    *re = x;
    *im = y;
    return 0;
}

/* Drop underscores from s (NUL-terminated) in place, as
 * _Py_string_to_number_with_underscores: each must sit between two digits, and
 * no NUL may follow (len is the full length). false when the text is invalid. */
static bool strip_underscores(char *s, intptr_t *len)
{
    if (strchr(s, '_') == NULL) {
        return true;
    }
    char *w = s, prev = '\0';
    const char *p;
    for (p = s; *p; p++) {
        if (*p == '_') {
            if (!(prev >= '0' && prev <= '9')) {
                return false;
            }
        } else {
            *w++ = *p;
            if (prev == '_' && !(*p >= '0' && *p <= '9')) {
                return false;
            }
        }
        prev = *p;
    }
    if (prev == '_' || p != s + *len) {
        return false;
    }
    *w = '\0';
    *len = w - s;
    return true;
}

/* complex(v) for a str v (borrowed): Unicode spaces become ' ' and decimal digits
 * ASCII digits; any other non-ASCII character ends the text with a '?' (as
 * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII), which cannot parse. */
static PylObject *complex_from_str(PylThread *t, PylType *type, PylObject *v)
{
    const char *p = PYL_STR_DATA(v), *end = p + PYL_STR_NBYTES(v);
    char *buf = pyl_mem_alloc(t, (size_t)PYL_STR_NBYTES(v) + 1);
    if (buf == NULL) {
        return NULL;
    }
    intptr_t n = 0;
    while (p < end) {
        uint32_t c = pyl_utf8_next(&p);
        if (c < 127) {
            buf[n++] = (char)c;
        } else if (pyl_unicode_isspace(c)) {
            buf[n++] = ' ';
        } else {
            int d = pyl_unicode_decimal(c);
            if (d < 0) {
                buf[n++] = '?';
                break;
            }
            buf[n++] = (char)('0' + d);
        }
    }
    buf[n] = '\0';
    double re, im;
    PylObject *r = NULL;
    if (!strip_underscores(buf, &n)) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "could not convert string to complex: %R", v);
    } else if (parse_complex(buf, n, &re, &im) < 0) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "complex() arg is a malformed string");
    } else {
        r = complex_subtype_new(t, type, re, im);
    }
    pyl_mem_free(t, buf);
    return r;
}

/* ---- the constructor ----------------------------------------------------------------- */

/* type(o).__complex__ bound to o: new reference, or NULL without an exception
 * when the type has none. */
static PylObject *lookup_complex(PylThread *t, PylObject *o)
{
    PylType *type = PYL_TYPEOF(t, o);
    PylObject *f = pyl_type_lookup(t, type, PYL_NAME(t, __complex__));
    if (f == NULL) {
        return NULL;
    }
    PylDescrGetFn get = PYL_TYPEOF(t, f)->descr_get;
    if (get == NULL) {
        return pyl_incref(f);
    }
    return get(t, f, o, (PylObject *)type);
}

/* o.__complex__() if its type has one: *out gets the complex result (new
 * reference) or NULL when there is no such method. 0 or -1. */
static int try_complex_method(PylThread *t, PylObject *o, PylObject **out)
{
    *out = NULL;
    if (PYL_IS_INT_EXACT(o) || PYL_IS_BOOL(o) || PYL_IS_FLOAT_EXACT(o)) {
        return 0; /* no __complex__, and subclasses cannot add one to these */
    }
    PylObject *m = lookup_complex(t, o);
    if (m == NULL) {
        return pyl_err_occurred(t) ? -1 : 0;
    }
    PylObject *r = pyl_call0(t, m);
    pyl_decref(t, m);
    if (r == NULL) {
        return -1;
    }
    if (!PYL_IS_COMPLEX(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__complex__ returned non-complex (type %T)", r);
        pyl_decref(t, r);
        return -1;
    }
    *out = r;
    return 0;
}

/* Can o be a complex() argument as a number? */
static bool is_number(PylThread *t, PylObject *o)
{
    if (PYL_IS_INT(o) || PYL_IS_FLOAT(o) || PYL_IS_COMPLEX(o)) {
        return true;
    }
    PylType *tp = PYL_TYPEOF(t, o);
    return tp->float_ != NULL || tp->index != NULL;
}

/* float(o) for a number o that is not complex. */
static int real_value(PylThread *t, PylObject *o, double *out)
{
    PylObject *f = pyl_number_float(t, o);
    if (f == NULL) {
        return -1;
    }
    *out = PYL_FLOAT_VALUE(f);
    pyl_decref(t, f);
    return 0;
}

/* complex(real=0, imag=0): CPython's complex_new_impl. The value is
 * real + imag*1j computed on the parts, so complex parts of either argument
 * contribute to both components. */
static PylObject *complex_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    static const char *const names[] = {"real", "imag", NULL};
    static const PylArgSpec spec = {"complex", names, 0, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *r = a[0] != NULL ? a[0] : PYL_SMALLINT(0), *i = a[1];
    if (PYL_IS_COMPLEX_EXACT(r) && i == NULL && type == PYL_TYPE(t, COMPLEX)) {
        return pyl_incref(r);
    }
    if (PYL_IS_STR(r)) {
        if (i != NULL) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "complex() can't take second arg if first is a string");
        }
        return complex_from_str(t, type, r);
    }
    if (i != NULL && PYL_IS_STR(i)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "complex() second arg can't be a string");
    }
    PylObject *own_r;
    if (try_complex_method(t, r, &own_r) < 0) {
        return NULL;
    }
    if (own_r != NULL) {
        r = own_r;
    }
    if (!is_number(t, r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "complex() first argument must be a string or a number, not '%T'", r);
        goto error;
    }
    if (i != NULL && !is_number(t, i)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "complex() second argument must be a number, not '%T'", i);
        goto error;
    }
    Cx cr, ci;
    bool cr_is_complex = false, ci_is_complex = false;
    if (PYL_IS_COMPLEX(r)) {
        cr = cx_of(r);
        cr_is_complex = true;
    } else {
        cr.im = 0.0;
        if (real_value(t, r, &cr.re) < 0) {
            goto error;
        }
    }
    PYL_CLEAR(t, own_r);
    ci.im = 0.0;
    if (i == NULL) {
        ci.re = cr.im;
    } else if (PYL_IS_COMPLEX(i)) {
        ci = cx_of(i);
        ci_is_complex = true;
    } else if (real_value(t, i, &ci.re) < 0) {
        return NULL;
    }
    if (ci_is_complex) {
        cr.re -= ci.im;
    }
    if (cr_is_complex && i != NULL) {
        ci.re += cr.im;
    }
    return complex_subtype_new(t, type, cr.re, ci.re);
error:
    pyl_xdecref(t, own_r);
    return NULL;
}

/* ---- methods and attributes ------------------------------------------------------------ */

static PylObject *complex_conjugate(PylThread *t, PylObject *self)
{
    return pyl_complex_new(t, PYL_COMPLEX_REAL(self), -PYL_COMPLEX_IMAG(self));
}

static PylObject *complex_complex(PylThread *t, PylObject *self)
{
    return exact_complex(t, self);
}

static PylObject *complex_getnewargs(PylThread *t, PylObject *self)
{
    PylObject *re = pyl_float_new(t, PYL_COMPLEX_REAL(self));
    PylObject *im = re ? pyl_float_new(t, PYL_COMPLEX_IMAG(self)) : NULL;
    PylObject *r = im ? pyl_tuple_pack(t, 2, re, im) : NULL;
    pyl_xdecref(t, re);
    pyl_xdecref(t, im);
    return r;
}

static const PylMethodDef complex_methods[] = {
    PYL_METHOD_NOARGS("conjugate", complex_conjugate),
    PYL_METHOD_NOARGS("__complex__", complex_complex),
    PYL_METHOD_NOARGS("__getnewargs__", complex_getnewargs),
    PYL_METHOD_O("__format__", complex_format_method),
    PYL_METHOD_END,
};

static const PylMemberDef complex_members[] = {
    {"real", PYL_MEMBER_DOUBLE, offsetof(PylComplex, real), true,
     "the real part of a complex number"},
    {"imag", PYL_MEMBER_DOUBLE, offsetof(PylComplex, imag), true,
     "the imaginary part of a complex number"},
    {NULL, 0, 0, false, NULL},
};

const PylType pyl_complex_type = {
    .name = "complex",
    .kind = PYL_K_COMPLEX,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylComplex),
    .dealloc = complex_dealloc,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .new_ = complex_new,
    .nb =
        {
            [PYL_NB_ADD] = complex_add,
            [PYL_NB_SUB] = complex_sub,
            [PYL_NB_MUL] = complex_mul,
            [PYL_NB_TRUEDIV] = complex_truediv,
            [PYL_NB_POW] = pyl_complex_pow,
        },
    .pow3 = complex_pow3,
    .neg = complex_neg,
    .pos = complex_pos,
    .abs = complex_abs,
    .bool_ = complex_bool,
    .methods = complex_methods,
    .members = complex_members,
    .doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
           "This is equivalent to (real + imag*1j) where imag defaults to 0.",
};
