/* float.c — the float type: a boxed IEEE double.
 *
 *     PylFloat: | refcnt | type | double value |
 *
 * Exact floats are recycled through a per-VM free list (vm->float_free, at most
 * PYL_FLOAT_FREELIST_MAX entries): a parked float's type field links to the next
 * parked float. pyl_float_fini frees the list at VM teardown.
 *
 * Arithmetic slots accept a float or an int on either side (ints are converted
 * with correct rounding, OverflowError when too large) and return NotImplemented
 * for anything else. Comparisons with ints are exact (pyl_int_compare_double).
 * Rounding (round(x, n)), as_integer_ratio and fromhex work on the exact binary
 * value with GMP, so they are correctly rounded like CPython's.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/complex.h"
#include "vm/core.h"
#include "vm/dtoa.h"
#include "vm/format.h"
#include "vm/unicode.h"

/* ---- allocation ---------------------------------------------------------------- */

PylObject *pyl_float_new(PylThread *t, double v)
{
    PylVM *vm = t->vm;
    PylFloat *f = vm->float_free;
    if (PYL_LIKELY(f != NULL)) {
        vm->float_free = (PylFloat *)(void *)f->ob.type;
        vm->float_nfree--;
        f->ob.refcnt = 1;
        f->ob.type = vm->types[PYL_K_FLOAT];
        f->value = v;
        return &f->ob;
    }
    f = (PylFloat *)pyl_obj_alloc(t, vm->types[PYL_K_FLOAT], sizeof(PylFloat));
    if (f == NULL) {
        return NULL;
    }
    f->value = v;
    return &f->ob;
}

static void float_dealloc(PylThread *t, PylObject *o)
{
    PylVM *vm = t->vm;
    if (o->type == vm->types[PYL_K_FLOAT] && vm->float_nfree < PYL_FLOAT_FREELIST_MAX) {
        o->type = (PylType *)(void *)vm->float_free;
        vm->float_free = (PylFloat *)o;
        vm->float_nfree++;
        return;
    }
    pyl_obj_free(t, o);
}

void pyl_float_fini(PylThread *t)
{
    PylVM *vm = t->vm;
    PylFloat *f = vm->float_free;
    while (f != NULL) {
        PylFloat *next = (PylFloat *)(void *)f->ob.type;
        pyl_mem_free(t, f);
        f = next;
    }
    vm->float_free = NULL;
    vm->float_nfree = 0;
}

/* An instance of the float subclass `type` holding v. */
static PylObject *float_subtype_new(PylThread *t, PylType *type, double v)
{
    PylFloat *f = (PylFloat *)pyl_obj_alloc(t, type, type->basicsize);
    if (f == NULL) {
        return NULL;
    }
    f->value = v;
    return &f->ob;
}

/* An exact float equal to the float o (new reference). */
static PylObject *exact_float(PylThread *t, PylObject *o)
{
    if (PYL_IS_FLOAT_EXACT(o)) {
        return pyl_incref(o);
    }
    return pyl_float_new(t, PYL_FLOAT_VALUE(o));
}

/* ---- conversions ------------------------------------------------------------------ */

/* The float result of __float__: exact, or TypeError. */
static PylObject *check_float_result(PylThread *t, PylObject *o, PylObject *r)
{
    if (r == NULL || PYL_IS_FLOAT_EXACT(r)) {
        return r;
    }
    if (!PYL_IS_FLOAT(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s.__float__ returned non-float (type %T)",
                       pyl_type_name(t, o), r);
        pyl_decref(t, r);
        return NULL;
    }
    PylObject *e = exact_float(t, r);
    pyl_decref(t, r);
    return e;
}

int pyl_float_as_double(PylThread *t, PylObject *o, double *out)
{
    if (PYL_IS_FLOAT(o)) {
        *out = PYL_FLOAT_VALUE(o);
        return 0;
    }
    if (PYL_IS_INT(o)) {
        return pyl_int_as_double(t, o, out);
    }
    PylType *tp = PYL_TYPEOF(t, o);
    if (tp->float_ != NULL) {
        PylObject *r = check_float_result(t, o, tp->float_(t, o));
        if (r == NULL) {
            return -1;
        }
        *out = PYL_FLOAT_VALUE(r);
        pyl_decref(t, r);
        return 0;
    }
    if (tp->index != NULL) {
        PylObject *i = pyl_number_index(t, o);
        if (i == NULL) {
            return -1;
        }
        int rc = pyl_int_as_double(t, i, out);
        pyl_decref(t, i);
        return rc;
    }
    pyl_err_format(t, PYL_EXC(t, TypeError), "must be real number, not %T", o);
    return -1;
}

PylObject *pyl_number_float(PylThread *t, PylObject *o)
{
    if (PYL_IS_FLOAT_EXACT(o)) {
        return pyl_incref(o);
    }
    if (PYL_IS_INT(o)) {
        double d;
        if (pyl_int_as_double(t, o, &d) < 0) {
            return NULL;
        }
        return pyl_float_new(t, d);
    }
    PylType *tp = PYL_TYPEOF(t, o);
    if (tp->float_ != NULL) {
        return check_float_result(t, o, tp->float_(t, o));
    }
    if (tp->index != NULL) {
        double d;
        if (pyl_float_as_double(t, o, &d) < 0) {
            return NULL;
        }
        return pyl_float_new(t, d);
    }
    if (PYL_IS_STR(o)) {
        return pyl_float_from_text(t, PYL_STR_DATA(o), PYL_STR_NBYTES(o), o);
    }
    if (PYL_IS_BYTES(o) || PYL_IS_BYTEARRAY(o)) {
        const char *d;
        intptr_t n;
        if (pyl_bytes_view(t, o, &d, &n) < 0) {
            return NULL;
        }
        return pyl_float_from_text(t, d, n, o);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "float() argument must be a string or a real number, not '%T'", o);
}

static bool is_space(uint32_t c, bool uni)
{
    if (c < 0x80) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
    return uni && pyl_unicode_isspace(c);
}

/* Copy the text between whitespace into an ASCII buffer, with Unicode decimal
 * digits turned into ASCII ones (str input) and spaces stripped. Returns the
 * length, or -1 when a non-ASCII, non-digit character is present (invalid
 * anyway). buf has room for n + 1 bytes. */
static intptr_t ascii_core(const char *s, intptr_t n, bool uni, char *buf)
{
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *q = p;
        uint32_t c = uni ? pyl_utf8_next(&q) : (unsigned char)*q++;
        if (!is_space(c, uni)) {
            break;
        }
        p = q;
    }
    while (end > p) {
        const char *q = end;
        uint32_t c;
        if (uni) {
            c = pyl_utf8_prev(&q);
        } else {
            c = (unsigned char)*--q;
        }
        if (!is_space(c, uni)) {
            break;
        }
        end = q;
    }
    intptr_t len = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            if (c == 0) {
                return -1;
            }
            buf[len++] = (char)c;
            p++;
            continue;
        }
        if (!uni) {
            return -1;
        }
        int dv = pyl_unicode_decimal(pyl_utf8_next(&p));
        if (dv < 0) {
            return -1;
        }
        buf[len++] = (char)('0' + dv);
    }
    buf[len] = '\0';
    return len;
}

/* Remove underscores that sit between two digits (in place); 0 when an underscore
 * sits anywhere else. */
static bool strip_underscores(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '_') {
            if (r == s || !(r[-1] >= '0' && r[-1] <= '9') || !(r[1] >= '0' && r[1] <= '9')) {
                return false;
            }
            continue;
        }
        *w++ = *r;
    }
    *w = '\0';
    return true;
}

static bool ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        if ((*a | 0x20) != *b) {
            return false;
        }
    }
    return *a == *b;
}

/* Parse the stripped ASCII text of a float; false when it is not one. */
static bool parse_float_core(char *s, double *out)
{
    char *body = s;
    bool neg = false;
    if (*body == '+' || *body == '-') {
        neg = *body++ == '-';
    }
    if (ieq(body, "inf") || ieq(body, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (ieq(body, "nan")) {
        *out = neg ? -NAN : NAN;
        return true;
    }
    double v;
    if (!strip_underscores(body) || !pyl_decimal_to_double(body, strlen(body), &v)) {
        return false;
    }
    *out = neg ? -v : v;
    return true;
}

PylObject *pyl_float_from_text(PylThread *t, const char *s, intptr_t n, PylObject *orig)
{
    bool uni = orig == NULL || PYL_IS_STR(orig);
    char small[64];
    char *buf = n < (intptr_t)sizeof small ? small : pyl_mem_alloc(t, (size_t)n + 1);
    if (buf == NULL) {
        return NULL;
    }
    double v;
    intptr_t len = ascii_core(s, n, uni, buf);
    bool ok = len > 0 && parse_float_core(buf, &v);
    if (buf != small) {
        pyl_mem_free(t, buf);
    }
    if (ok) {
        return pyl_float_new(t, v);
    }
    PylObject *tmp = NULL;
    if (orig == NULL) {
        orig = tmp = pyl_str_decode_utf8(t, s, n, "replace");
        if (tmp == NULL) {
            return NULL;
        }
    }
    pyl_err_format(t, PYL_EXC(t, ValueError), "could not convert string to float: %R", orig);
    pyl_xdecref(t, tmp);
    return NULL;
}

PylObject *pyl_float_from_string(PylThread *t, const char *s, intptr_t n)
{
    return pyl_float_from_text(t, s, n, NULL);
}

/* float(x=0.0, /) */
static PylObject *float_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "float", kwnames) < 0 || pyl_check_nargs(t, "float", nargs, 0, 1) < 0) {
        return NULL;
    }
    PylObject *v = nargs == 0 ? pyl_float_new(t, 0.0) : pyl_number_float(t, args[0]);
    if (v == NULL || type == PYL_TYPE(t, FLOAT)) {
        return v;
    }
    PylObject *r = float_subtype_new(t, type, PYL_FLOAT_VALUE(v));
    pyl_decref(t, v);
    return r;
}

/* ---- text ------------------------------------------------------------------------- */

PylObject *pyl_float_repr(PylThread *t, PylObject *o)
{
    char buf[40];
    int n = pyl_double_repr(PYL_FLOAT_VALUE(o), buf);
    return pyl_str_new_counted(t, buf, n, n, true);
}

/* ---- hashing ------------------------------------------------------------------------ */

/* v = M * 2**E with M < 2**53, and 2**61 == 1 (mod 2**61 - 1), so
 * hash(v) = M * 2**(E mod 61) mod P: a rotation of M within 61 bits. This is the
 * value CPython's numeric hash gives, equal to hash(int(v)) for integral v. */
PylHash pyl_float_hash_double(double v)
{
    if (isinf(v)) {
        return v > 0 ? 314159 : -314159;
    }
    if (isnan(v) || v == 0) {
        return 0;
    }
    int e;
    double m = frexp(fabs(v), &e); /* 0.5 <= m < 1 */
    uint64_t M = (uint64_t)ldexp(m, 53);
    int E = e - 53;
    int s = E % 61;
    if (s < 0) {
        s += 61;
    }
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t x = s == 0 ? M : (((M << s) & P) | (M >> (61 - s)));
    if (x >= P) {
        x -= P;
    }
    PylHash h = v < 0 ? -(PylHash)x : (PylHash)x;
    return h == -1 ? -2 : h;
}

static PylHash float_hash(PylThread *t, PylObject *o)
{
    double v = PYL_FLOAT_VALUE(o);
    if (isnan(v)) {
        return pyl_hash_pointer(o);
    }
    return pyl_float_hash_double(v);
}

/* ---- arithmetic ----------------------------------------------------------------------- */

/* The value of a float or int operand: 1, 0 for another type (NotImplemented),
 * -1 on error (int too large). */
static inline int operand(PylThread *t, PylObject *o, double *out)
{
    if (PYL_IS_FLOAT(o)) {
        *out = PYL_FLOAT_VALUE(o);
        return 1;
    }
    if (PYL_IS_SMALLINT(o)) {
        *out = (double)PYL_SMALLINT_VALUE(o);
        return 1;
    }
    if (PYL_IS_INT(o)) {
        return pyl_int_as_double(t, o, out) < 0 ? -1 : 1;
    }
    return 0;
}

#define OPERANDS(a, b, x, y)                                                                       \
    double x, y;                                                                                   \
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

static PylObject *float_add(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    return pyl_float_new(t, x + y);
}

static PylObject *float_sub(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    return pyl_float_new(t, x - y);
}

static PylObject *float_mul(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    return pyl_float_new(t, x * y);
}

static PylObject *float_truediv(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0) {
        return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError), "float division by zero");
    }
    return pyl_float_new(t, x / y);
}

/* Python's float modulo: the result has the sign of y (a zero too). */
static double float_mod_d(double x, double y)
{
    double m = fmod(x, y);
    if (m != 0) {
        if ((y < 0) != (m < 0)) {
            m += y;
        }
    } else {
        m = copysign(0.0, y);
    }
    return m;
}

/* floor(x / y) and x mod y computed so that q * y + r == x as nearly as doubles
 * allow: derive the quotient from the exact remainder fmod gives, not from x / y
 * (which can round across an integer). */
static void float_divmod_d(double x, double y, double *q, double *r)
{
    double m = fmod(x, y);
    double div = (x - m) / y;
    if (m != 0) {
        if ((y < 0) != (m < 0)) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, y);
    }
    double fq;
    if (div != 0) {
        fq = floor(div);
        if (div - fq > 0.5) {
            fq += 1.0;
        }
    } else {
        fq = copysign(0.0, x / y);
    }
    *q = fq;
    *r = m;
}

static PylObject *float_floordiv(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0) {
        return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError), "float floor division by zero");
    }
    double q, r;
    float_divmod_d(x, y, &q, &r);
    return pyl_float_new(t, q);
}

static PylObject *float_mod(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0) {
        return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError), "float modulo");
    }
    return pyl_float_new(t, float_mod_d(x, y));
}

static PylObject *float_divmod(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    if (y == 0) {
        return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError), "float divmod()");
    }
    double q, r;
    float_divmod_d(x, y, &q, &r);
    PylObject *fq = pyl_float_new(t, q);
    if (fq == NULL) {
        return NULL;
    }
    PylObject *fr = pyl_float_new(t, r);
    if (fr == NULL) {
        pyl_decref(t, fq);
        return NULL;
    }
    PylObject *tup = pyl_tuple_new(t, 2);
    if (tup == NULL) {
        pyl_decref(t, fq);
        pyl_decref(t, fr);
        return NULL;
    }
    PYL_TUPLE_ITEMS(tup)[0] = fq;
    PYL_TUPLE_ITEMS(tup)[1] = fr;
    return tup;
}

static bool is_odd_integer(double y)
{
    return fmod(fabs(y), 2.0) == 1.0;
}

static PylObject *range_error(PylThread *t)
{
    PylObject *msg = pyl_str_from_cstr(t, "Numerical result out of range");
    if (msg == NULL) {
        return NULL;
    }
    PylObject *args = pyl_tuple_pack(t, 2, PYL_SMALLINT(ERANGE), msg);
    pyl_decref(t, msg);
    if (args == NULL) {
        return NULL;
    }
    pyl_err_set(t, PYL_EXC(t, OverflowError), args);
    pyl_decref(t, args);
    return NULL;
}

/* IEEE-754 / C99 pow() special cases as Python defines them, then libm. */
PylObject *pyl_float_pow_double(PylThread *t, double x, double y)
{
    if (y == 0) {
        return pyl_float_new(t, 1.0);
    }
    if (isnan(x)) {
        return pyl_float_new(t, x);
    }
    if (isnan(y)) {
        return pyl_float_new(t, x == 1.0 ? 1.0 : y);
    }
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0) {
            return pyl_float_new(t, 1.0);
        }
        return pyl_float_new(t, (y > 0) == (ax > 1.0) ? HUGE_VAL : 0.0);
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0) {
            return pyl_float_new(t, odd ? x : fabs(x));
        }
        return pyl_float_new(t, odd ? copysign(0.0, x) : 0.0);
    }
    if (x == 0) {
        if (y < 0) {
            return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError),
                                  "0.0 cannot be raised to a negative power");
        }
        return pyl_float_new(t, is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0) {
        if (y != floor(y)) {
            /* a negative number to a fractional power is complex */
            PylObject *fx = pyl_float_new(t, x), *fy = fx ? pyl_float_new(t, y) : NULL;
            PylObject *r = fy ? pyl_complex_pow(t, fx, fy) : NULL;
            pyl_xdecref(t, fx);
            pyl_xdecref(t, fy);
            return r;
        }
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) {
        return pyl_float_new(t, negate ? -1.0 : 1.0);
    }
    double r = pow(x, y);
    if (isinf(r)) {
        return range_error(t);
    }
    return pyl_float_new(t, negate ? -r : r);
}

static PylObject *float_pow(PylThread *t, PylObject *a, PylObject *b)
{
    OPERANDS(a, b, x, y);
    return pyl_float_pow_double(t, x, y);
}

static PylObject *float_pow3(PylThread *t, PylObject *a, PylObject *b, PylObject *m)
{
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "pow() 3rd argument not allowed unless all arguments are integers");
}

static PylObject *float_neg(PylThread *t, PylObject *a)
{
    return pyl_float_new(t, -PYL_FLOAT_VALUE(a));
}

static PylObject *float_pos(PylThread *t, PylObject *a)
{
    return exact_float(t, a);
}

static PylObject *float_abs(PylThread *t, PylObject *a)
{
    return pyl_float_new(t, fabs(PYL_FLOAT_VALUE(a)));
}

static int float_bool(PylThread *t, PylObject *a)
{
    return PYL_FLOAT_VALUE(a) != 0;
}

static PylObject *float_int(PylThread *t, PylObject *a)
{
    return pyl_int_from_double(t, PYL_FLOAT_VALUE(a));
}

static PylObject *float_float(PylThread *t, PylObject *a)
{
    return exact_float(t, a);
}

static PylObject *float_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_FLOAT(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    double x = PYL_FLOAT_VALUE(a);
    int c;
    if (PYL_IS_FLOAT(b)) {
        double y = PYL_FLOAT_VALUE(b);
        switch (op) {
        case PYL_LT:
            return PYL_BOOL(x < y);
        case PYL_LE:
            return PYL_BOOL(x <= y);
        case PYL_EQ:
            return PYL_BOOL(x == y);
        case PYL_NE:
            return PYL_BOOL(x != y);
        case PYL_GT:
            return PYL_BOOL(x > y);
        default:
            return PYL_BOOL(x >= y);
        }
    }
    if (!PYL_IS_INT(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    c = pyl_int_compare_double(b, x);
    if (c == 2) {
        return PYL_BOOL(op == PYL_NE);
    }
    c = -c; /* float vs int */
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

/* ---- exact binary value ------------------------------------------------------------ */

/* Finite nonzero v as M * 2**E with M odd (sign in M). */
static void float_split(double v, mpz_t M, intptr_t *E)
{
    int e;
    double m = frexp(v, &e);
    int64_t im = (int64_t)ldexp(m, 53);
    intptr_t ex = e - 53;
    int tz = __builtin_ctzll((uint64_t)(im < 0 ? -im : im));
    im >>= tz;
    ex += tz;
    mpz_set_si(M, im);
    *E = ex;
}

static PylObject *float_as_integer_ratio(PylThread *t, PylObject *self)
{
    double v = PYL_FLOAT_VALUE(self);
    if (isinf(v)) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError),
                              "cannot convert Infinity to integer ratio");
    }
    if (isnan(v)) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "cannot convert NaN to integer ratio");
    }
    mpz_t num, den;
    mpz_init(num);
    mpz_init_set_ui(den, 1);
    if (v != 0) {
        intptr_t e;
        float_split(v, num, &e);
        if (e >= 0) {
            mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
        } else {
            mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
        }
    }
    PylObject *n = pyl_int_from_mpz(t, num), *d = n ? pyl_int_from_mpz(t, den) : NULL;
    mpz_clear(num);
    mpz_clear(den);
    if (d == NULL) {
        pyl_xdecref(t, n);
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 2, n, d);
    pyl_decref(t, n);
    pyl_decref(t, d);
    return r;
}

static PylObject *float_is_integer(PylThread *t, PylObject *self)
{
    double v = PYL_FLOAT_VALUE(self);
    return PYL_BOOL(isfinite(v) && floor(v) == v);
}

/* Round to the nearest integer, ties to even. */
static double round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5) {
        r = 2.0 * round(x / 2.0);
    }
    return r;
}

/* round(x, nd) for finite nonzero x: k = round-half-even(x * 10**nd) computed
 * exactly, then k / 10**nd correctly rounded. */
static PylObject *round_digits(PylThread *t, double x, intptr_t nd)
{
    mpz_t num, den, k, rem, p;
    mpz_init(num);
    mpz_init_set_ui(den, 1);
    mpz_init(k);
    mpz_init(rem);
    mpz_init(p);
    intptr_t e;
    float_split(x, num, &e);
    mpz_ui_pow_ui(p, 10, (unsigned long)(nd < 0 ? -nd : nd));
    if (e >= 0) {
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    } else {
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    }
    if (nd >= 0) {
        mpz_mul(num, num, p);
    } else {
        mpz_mul(den, den, p);
    }
    mpz_fdiv_qr(k, rem, num, den);
    mpz_mul_2exp(rem, rem, 1);
    int c = mpz_cmp(rem, den);
    if (c > 0 || (c == 0 && mpz_odd_p(k))) {
        mpz_add_ui(k, k, 1);
    }
    PylObject *r;
    if (mpz_sgn(k) == 0) {
        r = pyl_float_new(t, copysign(0.0, x));
    } else if (nd >= 0) {
        PylObject *ko = pyl_int_from_mpz(t, k), *po = ko ? pyl_int_from_mpz(t, p) : NULL;
        r = po ? pyl_int_true_divide(t, ko, po) : NULL;
        pyl_xdecref(t, ko);
        pyl_xdecref(t, po);
    } else {
        mpz_mul(k, k, p);
        bool ovf;
        double d = pyl_mpz_ldexp(k, 0, &ovf);
        r = ovf ? pyl_err_format(t, PYL_EXC(t, OverflowError),
                                 "rounded value too large to represent")
                : pyl_float_new(t, d);
    }
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(k);
    mpz_clear(rem);
    mpz_clear(p);
    return r;
}

static PylObject *float_round(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "__round__", nargs, 0, 1) < 0) {
        return NULL;
    }
    double x = PYL_FLOAT_VALUE(self);
    if (nargs == 0 || args[0] == PYL_NONE) {
        return pyl_int_from_double(t, round_half_even(x));
    }
    intptr_t nd;
    if (pyl_index_as_ssize_clamped(t, args[0], &nd) < 0) {
        return NULL;
    }
    if (!isfinite(x) || x == 0 || nd > 323) {
        return pyl_float_new(t, x);
    }
    if (nd < -308) {
        return pyl_float_new(t, copysign(0.0, x));
    }
    return round_digits(t, x, nd);
}

static PylObject *float_trunc(PylThread *t, PylObject *self)
{
    return pyl_int_from_double(t, PYL_FLOAT_VALUE(self));
}

static PylObject *float_floor(PylThread *t, PylObject *self)
{
    return pyl_int_from_double(t, floor(PYL_FLOAT_VALUE(self)));
}

static PylObject *float_ceil(PylThread *t, PylObject *self)
{
    return pyl_int_from_double(t, ceil(PYL_FLOAT_VALUE(self)));
}

static PylObject *float_conjugate(PylThread *t, PylObject *self)
{
    return exact_float(t, self);
}

static PylObject *float_get_imag(PylThread *t, PylObject *self)
{
    return pyl_float_new(t, 0.0);
}

static PylObject *float_getnewargs(PylThread *t, PylObject *self)
{
    PylObject *v = exact_float(t, self);
    if (v == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 1, v);
    pyl_decref(t, v);
    return r;
}

static PylObject *float_format_method(PylThread *t, PylObject *self, PylObject *spec)
{
    if (!PYL_IS_STR(spec)) {
        return pyl_bad_argument(t, "__format__", NULL, "str", spec);
    }
    return pyl_format_float(t, self, spec);
}

static PylObject *float_sizeof(PylThread *t, PylObject *self)
{
    return PYL_SMALLINT(24);
}

static PylObject *float_getformat(PylThread *t, PylObject *cls, PylObject *arg)
{
    if (!PYL_IS_STR(arg)) {
        return pyl_bad_argument(t, "__getformat__", NULL, "str", arg);
    }
    if (!pyl_str_equal_cstr(arg, "double") && !pyl_str_equal_cstr(arg, "float")) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "__getformat__() argument 1 must be 'double' or 'float'");
    }
    return pyl_str_from_cstr(t, "IEEE, little-endian");
}

/* ---- hex ------------------------------------------------------------------------------- */

/* float.hex(): [-]0xD.DDDDDDDDDDDDDp[+-]E with 13 fraction digits; subnormals
 * keep the exponent -1022 and a leading 0. */
static PylObject *float_hex(PylThread *t, PylObject *self)
{
    double x = PYL_FLOAT_VALUE(self);
    char buf[64];
    int n;
    if (!isfinite(x)) {
        n = pyl_double_repr(x, buf);
    } else if (x == 0) {
        n = snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(x) ? "-" : "");
    } else {
        int e;
        double m = frexp(fabs(x), &e);
        int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
        m = ldexp(m, shift);
        e -= shift;
        char *p = buf;
        if (x < 0) {
            *p++ = '-';
        }
        int lead = (int)m;
        m -= lead;
        p += sprintf(p, "0x%d.", lead);
        for (int i = 0; i < 13; i++) {
            m *= 16.0;
            int d = (int)m;
            m -= d;
            *p++ = "0123456789abcdef"[d];
        }
        p += sprintf(p, "p%+d", e);
        n = (int)(p - buf);
    }
    return pyl_str_new_counted(t, buf, n, n, true);
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/* float.fromhex(s), a classmethod:
 *     ws* [+-] (inf | infinity | nan | [0x] hex* [. hex*] [p [+-] dec+]) ws*
 * with at least one hex digit; the value is rounded once (pyl_mpz_ldexp). */
static PylObject *float_fromhex(PylThread *t, PylObject *cls, PylObject *arg)
{
    if (!PYL_IS_STR(arg)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "bad argument type for built-in operation");
    }
    const char *s = PYL_STR_DATA(arg), *end = s + PYL_STR_NBYTES(arg);
    while (s < end && is_space((unsigned char)*s, false)) {
        s++;
    }
    while (end > s && is_space((unsigned char)end[-1], false)) {
        end--;
    }
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) {
        neg = *s++ == '-';
    }
    double v = 0;
    bool ok = false, ovf = false;
    char word[10];
    intptr_t wl = end - s;
    if (wl > 0 && wl < (intptr_t)sizeof word) {
        memcpy(word, s, (size_t)wl);
        word[wl] = '\0';
        if (ieq(word, "inf") || ieq(word, "infinity")) {
            v = HUGE_VAL;
            ok = true;
            s = end;
        } else if (ieq(word, "nan")) {
            v = NAN;
            ok = true;
            s = end;
        }
    }
    if (!ok) {
        if (end - s >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
            s += 2;
        }
        mpz_t m;
        mpz_init(m);
        intptr_t ndig = 0, nfrac = 0;
        bool seen_dot = false;
        for (; s < end; s++) {
            if (*s == '.' && !seen_dot) {
                seen_dot = true;
                continue;
            }
            int h = hex_value((unsigned char)*s);
            if (h < 0) {
                break;
            }
            mpz_mul_2exp(m, m, 4);
            mpz_add_ui(m, m, (unsigned long)h);
            ndig++;
            if (seen_dot) {
                nfrac++;
            }
        }
        int64_t exp = 0;
        bool exp_ok = true;
        if (ndig > 0 && s < end && (*s | 0x20) == 'p') {
            s++;
            bool eneg = false;
            if (s < end && (*s == '+' || *s == '-')) {
                eneg = *s++ == '-';
            }
            exp_ok = s < end && *s >= '0' && *s <= '9';
            while (s < end && *s >= '0' && *s <= '9') {
                if (exp < ((int64_t)1 << 40)) {
                    exp = exp * 10 + (*s - '0');
                }
                s++;
            }
            if (eneg) {
                exp = -exp;
            }
        }
        if (ndig > 0 && exp_ok && s == end) {
            ok = true;
            v = pyl_mpz_ldexp(m, (intptr_t)(exp - 4 * nfrac), &ovf);
        }
        mpz_clear(m);
    }
    if (!ok || s != end) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "invalid hexadecimal floating-point string");
    }
    if (ovf) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError),
                              "hexadecimal value too large to represent as a float");
    }
    PylObject *r = pyl_float_new(t, neg ? -v : v);
    if (r == NULL || cls == (PylObject *)PYL_TYPE(t, FLOAT)) {
        return r;
    }
    PylObject *o = pyl_call1(t, cls, r);
    pyl_decref(t, r);
    return o;
}

static const PylMethodDef float_methods[] = {
    PYL_METHOD_NOARGS("as_integer_ratio", float_as_integer_ratio),
    PYL_METHOD_NOARGS("is_integer", float_is_integer),
    PYL_METHOD_NOARGS("hex", float_hex),
    {"fromhex", {.o = float_fromhex}, PYL_METH_O | PYL_METH_CLASS, NULL},
    PYL_METHOD_NOARGS("conjugate", float_conjugate),
    PYL_METHOD_FAST("__round__", float_round),
    PYL_METHOD_NOARGS("__trunc__", float_trunc),
    PYL_METHOD_NOARGS("__floor__", float_floor),
    PYL_METHOD_NOARGS("__ceil__", float_ceil),
    PYL_METHOD_O("__format__", float_format_method),
    PYL_METHOD_NOARGS("__getnewargs__", float_getnewargs),
    PYL_METHOD_NOARGS("__sizeof__", float_sizeof),
    {"__getformat__", {.o = float_getformat}, PYL_METH_O | PYL_METH_CLASS, NULL},
    PYL_METHOD_END,
};

static const PylGetSetDef float_getset[] = {
    {"real", float_conjugate, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_float_type = {
    .name = "float",
    .kind = PYL_K_FLOAT,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylFloat),
    .dealloc = float_dealloc,
    .repr = pyl_float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new_ = float_new,
    .nb =
        {
            [PYL_NB_ADD] = float_add,
            [PYL_NB_SUB] = float_sub,
            [PYL_NB_MUL] = float_mul,
            [PYL_NB_TRUEDIV] = float_truediv,
            [PYL_NB_FLOORDIV] = float_floordiv,
            [PYL_NB_MOD] = float_mod,
            [PYL_NB_POW] = float_pow,
        },
    .divmod = float_divmod,
    .pow3 = float_pow3,
    .neg = float_neg,
    .pos = float_pos,
    .abs = float_abs,
    .int_ = float_int,
    .float_ = float_float,
    .bool_ = float_bool,
    .methods = float_methods,
    .getset = float_getset,
    .doc = "Convert a string or number to a floating point number, if possible.",
};
