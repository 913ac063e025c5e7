/* int.c — the int type.
 *
 * An int is one of three things (see object.h and int.h):
 *
 *     tagged      ...vvvvvvv1   63-bit value in the pointer itself, never allocated
 *     bool        PYL_TRUE / PYL_FALSE immediates, worth 1 and 0
 *     PylInt      | refcnt | type | mpz_t (alloc, size, limbs*) |   GMP big int
 *
 * Invariant: a PylInt of exact type int holds a value outside the tagged range;
 * every result is built through from_mpz() / pyl_int_from_*, which tag values that
 * fit. Instances of int subclasses are PylInts holding any value.
 *
 * Operations on two "immediate" ints (tagged or bool) work on C integers with
 * overflow checks and fall back to GMP only when the result does not fit. Mixed
 * and big operations see every operand as an mpz: immediates through a read-only
 * one-limb view on the stack (zview), so no operand is ever copied.
 *
 * GMP aborts the process when an allocation fails, so results whose size would be
 * absurd (more than MAX_BITS bits) raise MemoryError before GMP is asked.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "vm/core.h"
#include "vm/format.h"
#include "vm/unicode.h"

_Static_assert(sizeof(intptr_t) == 8 && sizeof(mp_limb_t) == 8 && sizeof(long) == 8,
               "int.c assumes a 64-bit platform with 64-bit GMP limbs");

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)
#define MAX_BITS ((uint64_t)1 << 36) /* 8 GiB ints: refuse before GMP aborts */

/* ---- operand access ------------------------------------------------------------ */

/* An int that is not a heap object (tagged or bool). */
#define IS_IMM(o) (!PYL_IS_PTR(o))

static inline intptr_t imm_value(PylObject *o)
{
    return PYL_IS_SMALLINT(o) ? PYL_SMALLINT_VALUE(o) : (intptr_t)(o == PYL_TRUE);
}

/* A read-only mpz view of any int: a PylInt's own mpz, or a one-limb view of an
 * immediate's value kept in v (valid while v lives). */
typedef struct ZView {
    mpz_t z;
    mp_limb_t limb;
} ZView;

static mpz_srcptr zview(PylObject *o, ZView *v)
{
    if (PYL_IS_PTR(o)) {
        return PYL_INT_MPZ(o);
    }
    intptr_t x = imm_value(o);
    v->limb = x < 0 ? -(mp_limb_t)x : (mp_limb_t)x;
    return mpz_roinit_n(v->z, &v->limb, x < 0 ? -1 : (x > 0));
}

static inline uint64_t uabs(intptr_t x)
{
    return x < 0 ? -(uint64_t)x : (uint64_t)x;
}

/* ---- construction ---------------------------------------------------------------- */

/* A PylInt of `type` taking over z's storage (z must not be cleared by the caller
 * afterwards). */
static PylObject *int_alloc_take(PylThread *t, PylType *type, mpz_t z)
{
    PylInt *o = (PylInt *)pyl_obj_alloc(t, type, type->basicsize);
    if (o == NULL) {
        mpz_clear(z);
        return NULL;
    }
    *o->z = *z;
    return &o->ob;
}

/* The int with z's value; consumes z (tagged when it fits). */
static PylObject *from_mpz(PylThread *t, mpz_t z)
{
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        if (PYL_FITS_SMALLINT(v)) {
            mpz_clear(z);
            return PYL_SMALLINT(v);
        }
    }
    return int_alloc_take(t, PYL_TYPE(t, INT), z);
}

PylObject *pyl_int_from_ssize(PylThread *t, intptr_t v)
{
    if (PYL_LIKELY(PYL_FITS_SMALLINT(v))) {
        return PYL_SMALLINT(v);
    }
    mpz_t z;
    mpz_init_set_si(z, v);
    return int_alloc_take(t, PYL_TYPE(t, INT), z);
}

PylObject *pyl_int_from_i64(PylThread *t, int64_t v)
{
    return pyl_int_from_ssize(t, (intptr_t)v);
}

PylObject *pyl_int_from_u64(PylThread *t, uint64_t v)
{
    if (v <= (uint64_t)PYL_SMALLINT_MAX) {
        return PYL_SMALLINT((intptr_t)v);
    }
    mpz_t z;
    mpz_init_set_ui(z, v);
    return int_alloc_take(t, PYL_TYPE(t, INT), z);
}

PylObject *pyl_int_from_mpz(PylThread *t, const mpz_t z)
{
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        if (PYL_FITS_SMALLINT(v)) {
            return PYL_SMALLINT(v);
        }
    }
    mpz_t c;
    mpz_init_set(c, z);
    return int_alloc_take(t, PYL_TYPE(t, INT), c);
}

PylObject *pyl_int_from_double(PylThread *t, double v)
{
    if (isnan(v)) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "cannot convert float NaN to integer");
    }
    if (isinf(v)) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError),
                              "cannot convert float infinity to integer");
    }
    if (fabs(v) < 4611686018427387904.0) { /* 2**62 */
        return PYL_SMALLINT((intptr_t)v);
    }
    mpz_t z;
    mpz_init_set_d(z, v);
    return from_mpz(t, z);
}

/* An exact int equal to the int o (new reference). */
static PylObject *exact_int(PylThread *t, PylObject *o)
{
    if (PYL_IS_SMALLINT(o) || PYL_IS_KIND(o, INT)) {
        return pyl_incref(o);
    }
    if (IS_IMM(o)) {
        return PYL_SMALLINT(imm_value(o));
    }
    return pyl_int_from_mpz(t, PYL_INT_MPZ(o));
}

/* An instance of the int subclass `type` with the value of the int v. */
static PylObject *int_subtype_new(PylThread *t, PylType *type, PylObject *v)
{
    mpz_t z;
    mpz_init(z);
    pyl_int_to_mpz(v, z);
    return int_alloc_take(t, type, z);
}

static int too_big(PylThread *t)
{
    pyl_err_nomemory(t);
    return -1;
}

/* Would a result of `bits` bits be absurd, or break the VM's heap limit? GMP's
 * memory is not counted in heap_bytes, but a single int larger than the whole
 * allowed heap is refused here (MemoryError) rather than risking GMP's abort. */
static bool bits_too_many(PylThread *t, uint64_t bits)
{
    PylVM *vm = t->vm;
    return bits > MAX_BITS || (vm->heap_limit != 0 && bits / 8 > vm->heap_limit);
}

/* ---- reading ints ---------------------------------------------------------------- */

int pyl_int_as_ssize(PylThread *t, PylObject *o, intptr_t *out)
{
    if (IS_IMM(o)) {
        *out = imm_value(o);
        return 0;
    }
    if (mpz_fits_slong_p(PYL_INT_MPZ(o))) {
        *out = mpz_get_si(PYL_INT_MPZ(o));
        return 0;
    }
    pyl_err_format(t, PYL_EXC(t, OverflowError), "Python int too large to convert to C ssize_t");
    return -1;
}

int pyl_int_as_i64(PylThread *t, PylObject *o, int64_t *out)
{
    if (IS_IMM(o)) {
        *out = imm_value(o);
        return 0;
    }
    if (mpz_fits_slong_p(PYL_INT_MPZ(o))) {
        *out = mpz_get_si(PYL_INT_MPZ(o));
        return 0;
    }
    pyl_err_format(t, PYL_EXC(t, OverflowError), "Python int too large to convert to C long");
    return -1;
}

/* m * 2**e correctly rounded: keep the leading `keep` significant bits (53, fewer
 * for subnormal results) plus two guard bits, OR every lower bit into the last
 * guard bit (sticky), round half-even by hand, then scale exactly. */
double pyl_mpz_ldexp(const mpz_t m, intptr_t e, bool *overflow)
{
    *overflow = false;
    int sgn = mpz_sgn(m);
    if (sgn == 0) {
        return 0.0;
    }
    intptr_t nbits = (intptr_t)mpz_sizeinbase(m, 2);
    if (nbits <= 53 && e == 0) {
        return mpz_get_d(m); /* exact */
    }
    intptr_t top = nbits - 1 + e; /* exponent of the leading bit */
    if (top >= 1024) {
        *overflow = true;
        return sgn < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    intptr_t keep = top < -1022 ? top + 1075 : 53;
    if (keep < 0) {
        return sgn < 0 ? -0.0 : 0.0; /* below half the smallest subnormal */
    }
    intptr_t s = nbits - (keep + 2); /* low bits dropped into the sticky bit */
    uint64_t q;
    if (s <= 0) {
        q = (uint64_t)mpz_getlimbn(m, 0) << -s;
    } else {
        mp_size_t li = (mp_size_t)(s / 64);
        unsigned sh = (unsigned)(s % 64);
        uint64_t lo = mpz_getlimbn(m, li), hi = mpz_getlimbn(m, li + 1);
        q = sh ? (lo >> sh) | (hi << (64 - sh)) : lo;
        if (mpz_scan1(m, 0) < (mp_bitcnt_t)s) {
            q |= 1;
        }
    }
    unsigned r = (unsigned)(q & 3);
    q >>= 2;
    if (r > 2 || (r == 2 && (q & 1))) {
        q++;
    }
    double d = ldexp((double)q, (int)(s + e + 2));
    if (isinf(d)) {
        *overflow = true;
    }
    return sgn < 0 ? -d : d;
}

int pyl_int_as_double(PylThread *t, PylObject *o, double *out)
{
    if (IS_IMM(o)) {
        *out = (double)imm_value(o);
        return 0;
    }
    bool ovf;
    *out = pyl_mpz_ldexp(PYL_INT_MPZ(o), 0, &ovf);
    if (ovf) {
        pyl_err_format(t, PYL_EXC(t, OverflowError), "int too large to convert to float");
        return -1;
    }
    return 0;
}

void pyl_int_to_mpz(PylObject *o, mpz_t out)
{
    if (IS_IMM(o)) {
        mpz_set_si(out, imm_value(o));
    } else {
        mpz_set(out, PYL_INT_MPZ(o));
    }
}

int pyl_int_sign(PylObject *o)
{
    if (IS_IMM(o)) {
        intptr_t x = imm_value(o);
        return (x > 0) - (x < 0);
    }
    return mpz_sgn(PYL_INT_MPZ(o));
}

static PylHash hash_finish(uint64_t h, bool neg)
{
    PylHash r = neg ? -(PylHash)h : (PylHash)h;
    return r == -1 ? -2 : r;
}

PylHash pyl_int_hash(PylObject *o)
{
    if (IS_IMM(o)) {
        intptr_t x = imm_value(o);
        uint64_t u = uabs(x); /* <= 2**62 < 3 * HASH_MODULUS */
        if (u >= HASH_MODULUS) {
            u -= HASH_MODULUS;
            if (u >= HASH_MODULUS) {
                u -= HASH_MODULUS;
            }
        }
        return hash_finish(u, x < 0);
    }
    mpz_srcptr z = PYL_INT_MPZ(o);
    return hash_finish(mpz_tdiv_ui(z, HASH_MODULUS), mpz_sgn(z) < 0);
}

int pyl_int_compare(PylObject *a, PylObject *b)
{
    if (IS_IMM(a) && IS_IMM(b)) {
        intptr_t x = imm_value(a), y = imm_value(b);
        return (x > y) - (x < y);
    }
    ZView va, vb;
    int c = mpz_cmp(zview(a, &va), zview(b, &vb));
    return (c > 0) - (c < 0);
}

int pyl_int_compare_double(PylObject *i, double d)
{
    if (isnan(d)) {
        return 2;
    }
    if (IS_IMM(i)) {
        intptr_t x = imm_value(i);
        if (uabs(x) <= ((uint64_t)1 << 53)) {
            double dx = (double)x;
            return (dx > d) - (dx < d);
        }
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    ZView v;
    int c = mpz_cmp_d(zview(i, &v), d);
    return (c > 0) - (c < 0);
}

/* ---- text -------------------------------------------------------------------------- */

/* Decimal digits of u, written backwards ending at end; returns the start. */
static char *u64_to_dec(uint64_t u, char *end)
{
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    return p;
}

static PylObject *limit_error(PylThread *t)
{
    return pyl_err_format(t, PYL_EXC(t, ValueError),
                          "Exceeds the limit (%d digits) for integer string conversion; use "
                          "sys.set_int_max_str_digits() to increase the limit",
                          t->vm->int_max_str_digits);
}

int pyl_int_put_digits(PylThread *t, PylBuf *b, PylObject *o, int base, bool upper)
{
    static const char lower_digits[] = "0123456789abcdef", upper_digits[] = "0123456789ABCDEF";
    const char *dig = upper ? upper_digits : lower_digits;
    if (IS_IMM(o)) {
        char tmp[72], *end = tmp + sizeof tmp, *p = end;
        uint64_t u = uabs(imm_value(o));
        do {
            *--p = dig[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u != 0);
        return pyl_buf_append(t, b, p, end - p);
    }
    mpz_srcptr z = PYL_INT_MPZ(o);
    size_t n = mpz_sizeinbase(z, base);
    intptr_t limit = t->vm->int_max_str_digits;
    if (base == 10 && limit > 0 && (intptr_t)n - 1 > limit) {
        limit_error(t);
        return -1;
    }
    if (pyl_buf_reserve(t, b, (intptr_t)n + 2) < 0) {
        return -1;
    }
    mpz_t absz;
    mpz_roinit_n(absz, mpz_limbs_read(z), (mp_size_t)mpz_size(z));
    char *p = b->data + b->len;
    mpz_get_str(p, upper ? -base : base, absz);
    intptr_t len = (intptr_t)strlen(p);
    if (base == 10 && limit > 0 && len > limit) {
        limit_error(t);
        return -1;
    }
    b->len += len;
    return 0;
}

PylObject *pyl_int_repr(PylThread *t, PylObject *o)
{
    if (IS_IMM(o)) {
        char tmp[24], *end = tmp + sizeof tmp;
        intptr_t x = imm_value(o);
        char *p = u64_to_dec(uabs(x), end);
        if (x < 0) {
            *--p = '-';
        }
        return pyl_str_new_counted(t, p, end - p, end - p, true);
    }
    PylBuf b;
    pyl_buf_init(&b);
    if ((mpz_sgn(PYL_INT_MPZ(o)) < 0 && pyl_buf_putc(t, &b, '-') < 0) ||
        pyl_int_put_digits(t, &b, o, 10, false) < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

/* ValueError "invalid literal for int() with base 10: 'x'" (repr cut at 200
 * characters, as CPython's %.200R). */
static PylObject *invalid_literal(PylThread *t, const char *text, intptr_t n, int base,
                                  PylObject *orig)
{
    PylObject *tmp = NULL;
    if (orig == NULL) {
        orig = tmp = pyl_str_decode_utf8(t, text, n, "replace");
        if (tmp == NULL) {
            return NULL;
        }
    }
    PylObject *r = pyl_repr(t, orig);
    pyl_xdecref(t, tmp);
    if (r == NULL) {
        return NULL;
    }
    if (PYL_STR_LEN(r) > 200) {
        pyl_setref(t, &r, pyl_str_substr(t, r, 0, 200));
        if (r == NULL) {
            return NULL;
        }
    }
    pyl_err_format(t, PYL_EXC(t, ValueError), "invalid literal for int() with base %d: %U", base,
                   r);
    pyl_decref(t, r);
    return NULL;
}

static int digit_value(unsigned c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'z') {
        return (int)(c - 'a' + 10);
    }
    return 99;
}

/* Skip ASCII whitespace, and non-ASCII Unicode whitespace too when uni (CPython
 * treats \x1c-\x1f as non-space here). */
static const char *skip_space(const char *p, const char *end, bool uni)
{
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                p++;
                continue;
            }
            break;
        }
        if (!uni) {
            break;
        }
        const char *q = p;
        if (!pyl_unicode_isspace(pyl_utf8_next(&q))) {
            break;
        }
        p = q;
    }
    return p;
}

/* The end of the text with trailing whitespace removed. */
static const char *rskip_space(const char *start, const char *end, bool uni)
{
    while (end > start) {
        unsigned char c = (unsigned char)end[-1];
        if (c < 0x80) {
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                end--;
                continue;
            }
            break;
        }
        if (!uni) {
            break;
        }
        const char *q = end;
        if (!pyl_unicode_isspace(pyl_utf8_prev(&q))) {
            break;
        }
        end = q;
    }
    return end;
}

/* Grammar (base b; base 0 picks it from the prefix, decimal then allows no
 * leading zeros unless the value is zero):
 *     ws* [+-] [0x|0o|0b] ['_'] digit (['_'] digit)* ws*
 * Unicode decimal digits count as digits for str input. */
PylObject *pyl_int_from_text(PylThread *t, const char *text, intptr_t n, int base, PylObject *orig)
{
    bool uni = orig == NULL || PYL_IS_STR(orig);
    const char *p = skip_space(text, text + n, uni);
    const char *end = rskip_space(p, text + n, uni);
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p++ == '-';
    }
    int b = base;
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            b = pb;
            p += 2;
            prefixed = true;
        }
    }
    if (b == 0) {
        b = 10;
    }
    /* Collect the digits as ASCII (no underscores). */
    char small[64];
    char *digits = small;
    intptr_t cap = (intptr_t)sizeof small, nd = 0;
    bool ok = p < end, last_us = false, nonzero = false, first = true;
    if (prefixed && p < end && *p == '_') {
        p++; /* 0x_1f */
        ok = p < end;
    }
    while (ok && p < end) {
        unsigned char c = (unsigned char)*p;
        int dv;
        if (c == '_') {
            if (first || last_us) {
                ok = false;
                break;
            }
            last_us = true;
            p++;
            continue;
        }
        if (c < 0x80) {
            dv = digit_value(c);
            p++;
        } else if (uni) {
            dv = pyl_unicode_decimal(pyl_utf8_next(&p));
            if (dv < 0) {
                dv = 99;
            }
        } else {
            dv = 99;
        }
        if (dv >= b) {
            ok = false;
            break;
        }
        if (nd + 1 >= cap) {
            intptr_t ncap = cap * 2;
            char *nbuf = pyl_mem_alloc(t, (size_t)ncap);
            if (nbuf == NULL) {
                if (digits != small) {
                    pyl_mem_free(t, digits);
                }
                return NULL;
            }
            memcpy(nbuf, digits, (size_t)nd);
            if (digits != small) {
                pyl_mem_free(t, digits);
            }
            digits = nbuf;
            cap = ncap;
        }
        digits[nd++] = "0123456789abcdefghijklmnopqrstuvwxyz"[dv];
        nonzero |= dv != 0;
        last_us = false;
        first = false;
    }
    if (last_us || nd == 0) {
        ok = false;
    }
    if (ok && base == 0 && !prefixed && digits[0] == '0' && nonzero) {
        ok = false; /* base 0: "010" is not a literal */
    }
    if (!ok) {
        if (digits != small) {
            pyl_mem_free(t, digits);
        }
        return invalid_literal(t, text, n, base, orig);
    }
    digits[nd] = '\0';
    PylObject *r;
    intptr_t limit = t->vm->int_max_str_digits;
    if ((b & (b - 1)) != 0 && limit > 0 && nd > limit) {
        r = pyl_err_format(t, PYL_EXC(t, ValueError),
                           "Exceeds the limit (%d digits) for integer string conversion: value "
                           "has %zd digits; use sys.set_int_max_str_digits() to increase the "
                           "limit",
                           (int)limit, (ssize_t)nd);
    } else if (nd <= 12) {
        uint64_t v = 0;
        for (intptr_t i = 0; i < nd; i++) {
            v = v * (uint64_t)b + (uint64_t)digit_value((unsigned char)digits[i]);
        }
        r = pyl_int_from_ssize(t, neg ? -(intptr_t)v : (intptr_t)v);
    } else {
        mpz_t z;
        mpz_init(z);
        mpz_set_str(z, digits, b);
        if (neg) {
            mpz_neg(z, z);
        }
        r = from_mpz(t, z);
    }
    if (digits != small) {
        pyl_mem_free(t, digits);
    }
    return r;
}

PylObject *pyl_int_from_string(PylThread *t, const char *text, intptr_t n, int base)
{
    return pyl_int_from_text(t, text, n, base, NULL);
}

/* ---- arithmetic ------------------------------------------------------------------ */

#define BOTH_INTS(a, b)                                                                            \
    do {                                                                                           \
        if (!PYL_IS_INT(a) || !PYL_IS_INT(b)) {                                                    \
            return PYL_NOTIMPLEMENTED;                                                             \
        }                                                                                          \
    } while (0)

typedef void (*MpzBinFn)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static PylObject *mpz_binop(PylThread *t, PylObject *a, PylObject *b, MpzBinFn fn)
{
    ZView va, vb;
    mpz_t r;
    mpz_init(r);
    fn(r, zview(a, &va), zview(b, &vb));
    return from_mpz(t, r);
}

PylObject *pyl_int_add(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (IS_IMM(a) && IS_IMM(b)) {
        return pyl_int_from_ssize(t, imm_value(a) + imm_value(b)); /* 63+63 bits fit */
    }
    return mpz_binop(t, a, b, mpz_add);
}

PylObject *pyl_int_sub(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (IS_IMM(a) && IS_IMM(b)) {
        return pyl_int_from_ssize(t, imm_value(a) - imm_value(b));
    }
    return mpz_binop(t, a, b, mpz_sub);
}

PylObject *pyl_int_mul(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (IS_IMM(a) && IS_IMM(b)) {
        intptr_t r;
        if (!__builtin_mul_overflow(imm_value(a), imm_value(b), &r)) {
            return pyl_int_from_ssize(t, r);
        }
    }
    ZView va, vb;
    mpz_srcptr za = zview(a, &va), zb = zview(b, &vb);
    if (bits_too_many(t, ((uint64_t)mpz_size(za) + (uint64_t)mpz_size(zb)) * 64)) {
        too_big(t);
        return NULL;
    }
    mpz_t r;
    mpz_init(r);
    mpz_mul(r, za, zb);
    return from_mpz(t, r);
}

static PylObject *zero_division(PylThread *t, const char *msg)
{
    return pyl_err_format(t, PYL_EXC(t, ZeroDivisionError), "%s", msg);
}

static inline intptr_t floor_div(intptr_t x, intptr_t y)
{
    intptr_t q = x / y;
    if ((x % y != 0) && ((x ^ y) < 0)) {
        q--;
    }
    return q;
}

static inline intptr_t floor_mod(intptr_t x, intptr_t y)
{
    intptr_t r = x % y;
    if (r != 0 && ((r ^ y) < 0)) {
        r += y;
    }
    return r;
}

static PylObject *int_floordiv(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (pyl_int_sign(b) == 0) {
        return zero_division(t, "integer division or modulo by zero");
    }
    if (IS_IMM(a) && IS_IMM(b)) {
        return pyl_int_from_ssize(t, floor_div(imm_value(a), imm_value(b)));
    }
    return mpz_binop(t, a, b, mpz_fdiv_q);
}

static PylObject *int_mod(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (pyl_int_sign(b) == 0) {
        return zero_division(t, "integer modulo by zero");
    }
    if (IS_IMM(a) && IS_IMM(b)) {
        return PYL_SMALLINT(floor_mod(imm_value(a), imm_value(b)));
    }
    return mpz_binop(t, a, b, mpz_fdiv_r);
}

static PylObject *int_divmod(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (pyl_int_sign(b) == 0) {
        return zero_division(t, "integer division or modulo by zero");
    }
    PylObject *q, *r;
    if (IS_IMM(a) && IS_IMM(b)) {
        intptr_t x = imm_value(a), y = imm_value(b);
        q = pyl_int_from_ssize(t, floor_div(x, y));
        r = PYL_SMALLINT(floor_mod(x, y));
        if (q == NULL) {
            return NULL;
        }
    } else {
        ZView va, vb;
        mpz_t zq, zr;
        mpz_init(zq);
        mpz_init(zr);
        mpz_fdiv_qr(zq, zr, zview(a, &va), zview(b, &vb));
        q = from_mpz(t, zq);
        r = from_mpz(t, zr);
        if (q == NULL || r == NULL) {
            pyl_xdecref(t, q);
            pyl_xdecref(t, r);
            return NULL;
        }
    }
    PylObject *tup = pyl_tuple_new(t, 2);
    if (tup == NULL) {
        pyl_decref(t, q);
        pyl_decref(t, r);
        return NULL;
    }
    PYL_TUPLE_ITEMS(tup)[0] = q;
    PYL_TUPLE_ITEMS(tup)[1] = r;
    return tup;
}

/* a / b correctly rounded: scale a so the integer quotient has at least 56
 * significant bits, append one sticky bit for an inexact division, and let
 * pyl_mpz_ldexp round once. */
double pyl_mpz_div_double(const mpz_t a, const mpz_t b, bool *overflow)
{
    *overflow = false;
    bool neg = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) {
        return neg ? -0.0 : 0.0;
    }
    intptr_t diff = (intptr_t)mpz_sizeinbase(a, 2) - (intptr_t)mpz_sizeinbase(b, 2);
    if (diff > 1025) {
        *overflow = true;
        return neg ? -HUGE_VAL : HUGE_VAL;
    }
    if (diff < -1080) {
        return neg ? -0.0 : 0.0;
    }
    intptr_t sh = diff - 56;
    mpz_t q, r;
    mpz_init(q);
    mpz_init(r);
    bool inexact = false;
    if (sh <= 0) {
        mpz_mul_2exp(q, a, (mp_bitcnt_t)-sh);
    } else {
        mpz_tdiv_q_2exp(q, a, (mp_bitcnt_t)sh);
        inexact = mpz_scan1(a, 0) < (mp_bitcnt_t)sh;
    }
    mpz_tdiv_qr(q, r, q, b);
    inexact |= mpz_sgn(r) != 0;
    mpz_abs(q, q);
    mpz_mul_2exp(q, q, 1);
    if (inexact) {
        mpz_setbit(q, 0);
    }
    double d = pyl_mpz_ldexp(q, sh - 1, overflow);
    mpz_clear(q);
    mpz_clear(r);
    return neg ? -d : d;
}

PylObject *pyl_int_true_divide(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (IS_IMM(a) && IS_IMM(b)) {
        intptr_t x = imm_value(a), y = imm_value(b);
        if (y == 0) {
            return zero_division(t, "division by zero");
        }
        if (uabs(x) <= ((uint64_t)1 << 53) && uabs(y) <= ((uint64_t)1 << 53)) {
            return pyl_float_new(t, (double)x / (double)y);
        }
    }
    ZView va, vb;
    mpz_srcptr za = zview(a, &va), zb = zview(b, &vb);
    if (mpz_sgn(zb) == 0) {
        return zero_division(t, "division by zero");
    }
    bool ovf;
    double d = pyl_mpz_div_double(za, zb, &ovf);
    if (ovf) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError),
                              "integer division result too large for a float");
    }
    return pyl_float_new(t, d);
}

/* x ** e for x, e >= 0 in C, or false on overflow. */
static bool pow_small(intptr_t x, uint64_t e, intptr_t *out)
{
    intptr_t r = 1, base = x;
    while (e != 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(r, base, &r)) {
                return false;
            }
        }
        e >>= 1;
        if (e != 0 && __builtin_mul_overflow(base, base, &base)) {
            return false;
        }
    }
    *out = r;
    return true;
}

static PylObject *int_pow(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    int bs = pyl_int_sign(b);
    if (bs < 0) {
        double x, y;
        if (pyl_int_as_double(t, a, &x) < 0 || pyl_int_as_double(t, b, &y) < 0) {
            return NULL;
        }
        return pyl_float_pow_double(t, x, y);
    }
    if (IS_IMM(a) && IS_IMM(b)) {
        intptr_t r;
        if (pow_small(imm_value(a), (uint64_t)imm_value(b), &r)) {
            return pyl_int_from_ssize(t, r);
        }
    }
    ZView va;
    mpz_srcptr za = zview(a, &va);
    /* 0, 1 and -1 stay small whatever the exponent */
    if (mpz_cmpabs_ui(za, 1) <= 0) {
        if (mpz_sgn(za) == 0) {
            return PYL_SMALLINT(bs == 0 ? 1 : 0);
        }
        bool odd = IS_IMM(b) ? (imm_value(b) & 1) : mpz_odd_p(PYL_INT_MPZ(b));
        return PYL_SMALLINT(mpz_sgn(za) < 0 && odd ? -1 : 1);
    }
    if (!IS_IMM(b)) {
        too_big(t);
        return NULL;
    }
    uint64_t e = (uint64_t)imm_value(b);
    uint64_t bits = mpz_sizeinbase(za, 2);
    if (e > MAX_BITS || bits_too_many(t, (bits - 1) * e)) {
        too_big(t);
        return NULL;
    }
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, za, e);
    return from_mpz(t, r);
}

static PylObject *int_pow3(PylThread *t, PylObject *a, PylObject *b, PylObject *m)
{
    if (!PYL_IS_INT(a) || !PYL_IS_INT(b) || !PYL_IS_INT(m)) {
        if (PYL_IS_FLOAT(a) || PYL_IS_FLOAT(b) || PYL_IS_FLOAT(m)) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "pow() 3rd argument not allowed unless all arguments are "
                                  "integers");
        }
        return PYL_NOTIMPLEMENTED;
    }
    int ms = pyl_int_sign(m);
    if (ms == 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "pow() 3rd argument cannot be 0");
    }
    int bs = pyl_int_sign(b);
    if (IS_IMM(a) && IS_IMM(b) && IS_IMM(m) && bs >= 0) {
        /* all small: square and multiply in 128-bit arithmetic */
        intptr_t mv = imm_value(m);
        unsigned __int128 mod = uabs(mv);
        intptr_t x = imm_value(a) % (intptr_t)mod;
        if (x < 0) {
            x += (intptr_t)mod;
        }
        unsigned __int128 r = 1 % mod, base = (unsigned __int128)x;
        uint64_t e = (uint64_t)imm_value(b);
        while (e != 0) {
            if (e & 1) {
                r = r * base % mod;
            }
            base = base * base % mod;
            e >>= 1;
        }
        intptr_t rv = (intptr_t)r;
        if (mv < 0 && rv != 0) {
            rv += mv;
        }
        return PYL_SMALLINT(rv);
    }
    ZView va, vb, vm;
    mpz_srcptr za = zview(a, &va), zb = zview(b, &vb), zm = zview(m, &vm);
    mpz_t mabs, base, e, r;
    mpz_init(mabs);
    mpz_abs(mabs, zm);
    mpz_init_set(base, za);
    mpz_init_set(e, zb);
    mpz_init(r);
    if (bs < 0) {
        if (!mpz_invert(base, base, mabs)) {
            if (mpz_cmp_ui(mabs, 1) == 0) {
                mpz_set_ui(base, 0); /* everything is invertible mod 1 */
            } else {
                mpz_clear(mabs);
                mpz_clear(base);
                mpz_clear(e);
                mpz_clear(r);
                return pyl_err_format(t, PYL_EXC(t, ValueError),
                                      "base is not invertible for the given modulus");
            }
        }
        mpz_neg(e, e);
    }
    mpz_powm(r, base, e, mabs);
    if (ms < 0 && mpz_sgn(r) != 0) {
        mpz_sub(r, r, mabs);
    }
    mpz_clear(mabs);
    mpz_clear(base);
    mpz_clear(e);
    return from_mpz(t, r);
}

static int shift_count(PylThread *t, PylObject *b, intptr_t *out)
{
    if (pyl_int_sign(b) < 0) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "negative shift count");
        return -1;
    }
    if (!IS_IMM(b)) {
        *out = INTPTR_MAX;
        return 0;
    }
    *out = imm_value(b);
    return 0;
}

static PylObject *int_lshift(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    intptr_t n;
    if (shift_count(t, b, &n) < 0) {
        return NULL;
    }
    if (pyl_int_sign(a) == 0) {
        return PYL_SMALLINT(0);
    }
    if (IS_IMM(a) && n < 62) {
        intptr_t x = imm_value(a);
        intptr_t r = (intptr_t)((uint64_t)x << n);
        if ((r >> n) == x && PYL_FITS_SMALLINT(r)) {
            return PYL_SMALLINT(r);
        }
    }
    ZView va;
    mpz_srcptr za = zview(a, &va);
    if ((uint64_t)n > MAX_BITS || bits_too_many(t, mpz_sizeinbase(za, 2) + (uint64_t)n)) {
        too_big(t);
        return NULL;
    }
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, za, (mp_bitcnt_t)n);
    return from_mpz(t, r);
}

static PylObject *int_rshift(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    intptr_t n;
    if (shift_count(t, b, &n) < 0) {
        return NULL;
    }
    if (IS_IMM(a)) {
        intptr_t x = imm_value(a);
        return PYL_SMALLINT(n >= 63 ? (x < 0 ? -1 : 0) : x >> n);
    }
    mpz_srcptr za = PYL_INT_MPZ(a);
    if ((uint64_t)n >= mpz_sizeinbase(za, 2)) {
        return PYL_SMALLINT(mpz_sgn(za) < 0 ? -1 : 0);
    }
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, za, (mp_bitcnt_t)n);
    return from_mpz(t, r);
}

static PylObject *int_and(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (IS_IMM(a) && IS_IMM(b)) {
        return PYL_SMALLINT(imm_value(a) & imm_value(b));
    }
    return mpz_binop(t, a, b, mpz_and);
}

static PylObject *int_or(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (IS_IMM(a) && IS_IMM(b)) {
        return PYL_SMALLINT(imm_value(a) | imm_value(b));
    }
    return mpz_binop(t, a, b, mpz_ior);
}

static PylObject *int_xor(PylThread *t, PylObject *a, PylObject *b)
{
    BOTH_INTS(a, b);
    if (IS_IMM(a) && IS_IMM(b)) {
        return PYL_SMALLINT(imm_value(a) ^ imm_value(b));
    }
    return mpz_binop(t, a, b, mpz_xor);
}

typedef void (*MpzUnFn)(mpz_ptr, mpz_srcptr);

static PylObject *mpz_unop(PylThread *t, PylObject *a, MpzUnFn fn)
{
    mpz_t r;
    mpz_init(r);
    fn(r, PYL_INT_MPZ(a));
    return from_mpz(t, r);
}

static PylObject *int_neg(PylThread *t, PylObject *a)
{
    if (IS_IMM(a)) {
        return pyl_int_from_ssize(t, -imm_value(a));
    }
    return mpz_unop(t, a, mpz_neg);
}

static PylObject *int_pos(PylThread *t, PylObject *a)
{
    return exact_int(t, a);
}

static PylObject *int_abs(PylThread *t, PylObject *a)
{
    if (IS_IMM(a)) {
        intptr_t x = imm_value(a);
        return pyl_int_from_ssize(t, x < 0 ? -x : x);
    }
    if (mpz_sgn(PYL_INT_MPZ(a)) >= 0) {
        return exact_int(t, a);
    }
    return mpz_unop(t, a, mpz_abs);
}

static PylObject *int_invert(PylThread *t, PylObject *a)
{
    if (IS_IMM(a)) {
        return PYL_SMALLINT(~imm_value(a));
    }
    return mpz_unop(t, a, mpz_com);
}

static PylObject *int_float(PylThread *t, PylObject *a)
{
    double d;
    if (pyl_int_as_double(t, a, &d) < 0) {
        return NULL;
    }
    return pyl_float_new(t, d);
}

static int int_bool(PylThread *t, PylObject *a)
{
    return pyl_int_sign(a) != 0;
}

static PylHash int_hash(PylThread *t, PylObject *a)
{
    return pyl_int_hash(a);
}

static PylObject *compare_result(int c, int op)
{
    bool r;
    switch (op) {
    case PYL_LT:
        r = c < 0;
        break;
    case PYL_LE:
        r = c <= 0;
        break;
    case PYL_EQ:
        r = c == 0;
        break;
    case PYL_NE:
        r = c != 0;
        break;
    case PYL_GT:
        r = c > 0;
        break;
    default:
        r = c >= 0;
        break;
    }
    return PYL_BOOL(r);
}

static PylObject *int_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_INT(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    if (PYL_IS_INT(b)) {
        return compare_result(pyl_int_compare(a, b), op);
    }
    return PYL_NOTIMPLEMENTED; /* float's slot compares floats with ints */
}

/* ---- conversions from other objects ------------------------------------------------ */

PylObject *pyl_number_index(PylThread *t, PylObject *o)
{
    if (PYL_IS_INT(o)) {
        return exact_int(t, o);
    }
    PylType *tp = PYL_TYPEOF(t, o);
    if (tp->index == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "'%T' object cannot be interpreted as an integer", o);
    }
    PylObject *r = tp->index(t, o);
    if (r == NULL || PYL_IS_INT_EXACT(r)) {
        return r;
    }
    if (!PYL_IS_INT(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__index__ returned non-int (type %T)", r);
        pyl_decref(t, r);
        return NULL;
    }
    PylObject *e = exact_int(t, r);
    pyl_decref(t, r);
    return e;
}

int pyl_index_as_ssize(PylThread *t, PylObject *o, intptr_t *out)
{
    if (PYL_LIKELY(PYL_IS_SMALLINT(o))) {
        *out = PYL_SMALLINT_VALUE(o);
        return 0;
    }
    PylObject *i = pyl_number_index(t, o);
    if (i == NULL) {
        return -1;
    }
    int rc = 0;
    if (IS_IMM(i)) {
        *out = imm_value(i);
    } else if (mpz_fits_slong_p(PYL_INT_MPZ(i))) {
        *out = mpz_get_si(PYL_INT_MPZ(i));
    } else {
        pyl_err_format(t, PYL_EXC(t, OverflowError), "cannot fit '%T' into an index-sized integer",
                       o);
        rc = -1;
    }
    pyl_decref(t, i);
    return rc;
}

int pyl_index_as_ssize_clamped(PylThread *t, PylObject *o, intptr_t *out)
{
    if (PYL_LIKELY(PYL_IS_SMALLINT(o))) {
        *out = PYL_SMALLINT_VALUE(o);
        return 0;
    }
    PylObject *i = pyl_number_index(t, o);
    if (i == NULL) {
        return -1;
    }
    if (IS_IMM(i)) {
        *out = imm_value(i);
    } else if (mpz_fits_slong_p(PYL_INT_MPZ(i))) {
        *out = mpz_get_si(PYL_INT_MPZ(i));
    } else {
        *out = mpz_sgn(PYL_INT_MPZ(i)) < 0 ? INTPTR_MIN : INTPTR_MAX;
    }
    pyl_decref(t, i);
    return 0;
}

/* The int result of a conversion method; exact, or TypeError naming the method. */
static PylObject *check_int_result(PylThread *t, PylObject *r, const char *what)
{
    if (r == NULL || PYL_IS_INT_EXACT(r)) {
        return r;
    }
    if (!PYL_IS_INT(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s returned non-int (type %T)", what, r);
        pyl_decref(t, r);
        return NULL;
    }
    PylObject *e = exact_int(t, r);
    pyl_decref(t, r);
    return e;
}

PylObject *pyl_number_int(PylThread *t, PylObject *o)
{
    if (PYL_IS_INT_EXACT(o)) {
        return pyl_incref(o);
    }
    PylType *tp = PYL_TYPEOF(t, o);
    if (tp->int_ != NULL) {
        return check_int_result(t, tp->int_(t, o), "__int__");
    }
    if (tp->index != NULL) {
        return pyl_number_index(t, o);
    }
    PylObject *trunc = pyl_type_lookup(t, tp, PYL_NAME(t, __trunc__));
    if (trunc != NULL) {
        pyl_incref(trunc);
        PylObject *r = pyl_call1(t, trunc, o);
        pyl_decref(t, trunc);
        if (r == NULL || PYL_IS_INT(r)) {
            return check_int_result(t, r, "__trunc__");
        }
        if (PYL_TYPEOF(t, r)->index == NULL) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "__trunc__ returned non-Integral (type %T)",
                           r);
            pyl_decref(t, r);
            return NULL;
        }
        PylObject *i = pyl_number_index(t, r);
        pyl_decref(t, r);
        return i;
    }
    if (PYL_IS_STR(o)) {
        return pyl_int_from_text(t, PYL_STR_DATA(o), PYL_STR_NBYTES(o), 10, o);
    }
    if (PYL_IS_BYTES(o) || PYL_IS_BYTEARRAY(o)) {
        const char *d;
        intptr_t n;
        if (pyl_bytes_view(t, o, &d, &n) < 0) {
            return NULL;
        }
        return pyl_int_from_text(t, d, n, 10, o);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "int() argument must be a string, a bytes-like object or a real "
                          "number, not '%T'",
                          o);
}

/* int(x=0, /, base=10) */
static PylObject *int_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    static const char *const names[] = {"", "base", NULL};
    static const PylArgSpec spec = {"int", names, 0, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *v;
    if (a[0] == NULL) {
        if (a[1] != NULL) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "int() missing string argument");
        }
        v = PYL_SMALLINT(0);
    } else if (a[1] == NULL) {
        v = pyl_number_int(t, a[0]);
    } else {
        intptr_t base;
        if (pyl_index_as_ssize(t, a[1], &base) < 0) {
            if (!pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
                return NULL;
            }
            pyl_err_clear(t);
            base = -1;
        }
        if (base != 0 && (base < 2 || base > 36)) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "int() base must be >= 2 and <= 36, or 0");
        }
        PylObject *x = a[0];
        if (PYL_IS_STR(x)) {
            v = pyl_int_from_text(t, PYL_STR_DATA(x), PYL_STR_NBYTES(x), (int)base, x);
        } else if (PYL_IS_BYTES(x) || PYL_IS_BYTEARRAY(x)) {
            const char *d;
            intptr_t n;
            if (pyl_bytes_view(t, x, &d, &n) < 0) {
                return NULL;
            }
            v = pyl_int_from_text(t, d, n, (int)base, x);
        } else {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "int() can't convert non-string with explicit base");
        }
    }
    if (v == NULL || type == PYL_TYPE(t, INT)) {
        return v;
    }
    PylObject *r = int_subtype_new(t, type, v);
    pyl_decref(t, v);
    return r;
}

static void int_dealloc(PylThread *t, PylObject *o)
{
    mpz_clear(PYL_INT_MPZ(o));
    pyl_obj_free(t, o);
}

/* ---- methods ---------------------------------------------------------------------- */

static uint64_t bit_length(PylObject *o)
{
    if (IS_IMM(o)) {
        uint64_t u = uabs(imm_value(o));
        return u == 0 ? 0 : 64 - (uint64_t)__builtin_clzll(u);
    }
    return mpz_sizeinbase(PYL_INT_MPZ(o), 2);
}

static PylObject *int_bit_length(PylThread *t, PylObject *self)
{
    return pyl_int_from_u64(t, bit_length(self));
}

static PylObject *int_bit_count(PylThread *t, PylObject *self)
{
    if (IS_IMM(self)) {
        return PYL_SMALLINT(__builtin_popcountll(uabs(imm_value(self))));
    }
    mpz_srcptr z = PYL_INT_MPZ(self);
    const mp_limb_t *limbs = mpz_limbs_read(z);
    uint64_t n = 0;
    for (size_t i = 0; i < mpz_size(z); i++) {
        n += (uint64_t)__builtin_popcountll(limbs[i]);
    }
    return pyl_int_from_u64(t, n);
}

/* byteorder argument: 1 little, 0 big, -1 error. */
static int parse_byteorder(PylThread *t, PylObject *o, const char *fname)
{
    if (o == NULL) {
        return 0;
    }
    if (!PYL_IS_STR(o)) {
        pyl_bad_argument(t, fname, "'byteorder'", "str", o);
        return -1;
    }
    if (pyl_str_equal_cstr(o, "little")) {
        return 1;
    }
    if (pyl_str_equal_cstr(o, "big")) {
        return 0;
    }
    pyl_err_format(t, PYL_EXC(t, ValueError), "byteorder must be either 'little' or 'big'");
    return -1;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False) */
static PylObject *int_to_bytes(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed", NULL};
    static const PylArgSpec spec = {"to_bytes", names, 0, 2};
    PylObject *a[3];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    intptr_t length = 1;
    if (a[0] != NULL && pyl_index_as_ssize(t, a[0], &length) < 0) {
        return NULL;
    }
    if (length < 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "length argument must be non-negative");
    }
    int little = parse_byteorder(t, a[1], "to_bytes");
    if (little < 0) {
        return NULL;
    }
    int is_signed = a[2] ? pyl_is_true(t, a[2]) : 0;
    if (is_signed < 0) {
        return NULL;
    }
    int sgn = pyl_int_sign(self);
    if (sgn < 0 && !is_signed) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError),
                              "can't convert negative int to unsigned");
    }
    /* bits needed: |x| for unsigned; one more than x (or ~x when negative) for signed */
    mpz_t z;
    mpz_init(z);
    pyl_int_to_mpz(self, z);
    uint64_t need;
    if (sgn < 0) {
        mpz_com(z, z); /* ~x = -x - 1 >= 0 */
        need = (mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0) + 1;
        mpz_com(z, z);
    } else if (sgn > 0) {
        need = mpz_sizeinbase(z, 2) + (is_signed ? 1 : 0);
    } else {
        need = 0;
    }
    if (need > (uint64_t)length * 8) {
        mpz_clear(z);
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "int too big to convert");
    }
    PylObject *res = pyl_bytes_alloc(t, length);
    if (res == NULL) {
        mpz_clear(z);
        return NULL;
    }
    unsigned char *d = (unsigned char *)PYL_BYTES_DATA(res);
    memset(d, 0, (size_t)length);
    if (sgn != 0) {
        /* magnitude little-endian, then two's complement for negatives */
        size_t count = 0;
        mpz_export(d, &count, -1, 1, 0, 0, z);
        if (sgn < 0) {
            int carry = 1;
            for (intptr_t i = 0; i < length; i++) {
                unsigned v = (unsigned)(unsigned char)~d[i] + (unsigned)carry;
                d[i] = (unsigned char)v;
                carry = v > 0xFF;
            }
        }
    }
    mpz_clear(z);
    if (!little) {
        for (intptr_t i = 0, j = length - 1; i < j; i++, j--) {
            unsigned char c = d[i];
            d[i] = d[j];
            d[j] = c;
        }
    }
    return res;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod */
static PylObject *int_from_bytes(PylThread *t, PylObject *cls, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
    static const PylArgSpec spec = {"from_bytes", names, 1, 2};
    PylObject *a[3];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    int little = parse_byteorder(t, a[1], "from_bytes");
    if (little < 0) {
        return NULL;
    }
    int is_signed = a[2] ? pyl_is_true(t, a[2]) : 0;
    if (is_signed < 0) {
        return NULL;
    }
    PylObject *src = a[0], *owned = NULL;
    if (!PYL_IS_BYTES(src) && !PYL_IS_BYTEARRAY(src)) {
        if (PYL_IS_INT(src) || PYL_IS_STR(src)) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot convert '%T' object to bytes",
                                  src);
        }
        owned = src = pyl_bytes_from_object(t, src);
        if (src == NULL) {
            return NULL;
        }
    }
    const char *d;
    intptr_t n;
    if (pyl_bytes_view(t, src, &d, &n) < 0) {
        pyl_xdecref(t, owned);
        return NULL;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, (size_t)n, little ? -1 : 1, 1, 0, 0, d);
    if (is_signed && n > 0) {
        unsigned char msb = (unsigned char)(little ? d[n - 1] : d[0]);
        if (msb & 0x80) {
            mpz_t p;
            mpz_init(p);
            mpz_setbit(p, (mp_bitcnt_t)n * 8);
            mpz_sub(z, z, p);
            mpz_clear(p);
        }
    }
    pyl_xdecref(t, owned);
    PylObject *v = from_mpz(t, z);
    if (v == NULL || cls == (PylObject *)PYL_TYPE(t, INT)) {
        return v;
    }
    PylObject *r = pyl_call1(t, cls, v);
    pyl_decref(t, v);
    return r;
}

static PylObject *int_as_integer_ratio(PylThread *t, PylObject *self)
{
    PylObject *v = exact_int(t, self);
    if (v == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 2, v, PYL_SMALLINT(1));
    pyl_decref(t, v);
    return r;
}

PylObject *pyl_int_round(PylThread *t, PylObject *o, PylObject *ndigits)
{
    if (pyl_int_sign(ndigits) >= 0) {
        return exact_int(t, o);
    }
    /* round half to even at 10**-ndigits */
    ZView vo;
    mpz_srcptr z = zview(o, &vo);
    size_t ndec = mpz_sizeinbase(z, 10);
    if (!IS_IMM(ndigits) || (uint64_t)-imm_value(ndigits) > ndec + 1) {
        return PYL_SMALLINT(0);
    }
    mpz_t p, q, r;
    mpz_init(p);
    mpz_init(q);
    mpz_init(r);
    mpz_ui_pow_ui(p, 10, (unsigned long)-imm_value(ndigits));
    mpz_fdiv_qr(q, r, z, p);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, p);
    mpz_clear(p);
    mpz_clear(r);
    return from_mpz(t, q);
}

static PylObject *int_round(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "__round__", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return exact_int(t, self);
    }
    PylObject *nd = pyl_number_index(t, args[0]);
    if (nd == NULL) {
        return NULL;
    }
    PylObject *r = pyl_int_round(t, self, nd);
    pyl_decref(t, nd);
    return r;
}

static PylObject *int_self(PylThread *t, PylObject *self)
{
    return exact_int(t, self);
}

static PylObject *int_format_method(PylThread *t, PylObject *self, PylObject *spec)
{
    if (!PYL_IS_STR(spec)) {
        return pyl_bad_argument(t, "__format__", NULL, "str", spec);
    }
    return pyl_format_int(t, self, spec);
}

static PylObject *int_sizeof(PylThread *t, PylObject *self)
{
    uint64_t digits = (bit_length(self) + 29) / 30;
    return pyl_int_from_u64(t, 24 + 4 * (digits ? digits : 1));
}

static PylObject *int_getnewargs(PylThread *t, PylObject *self)
{
    PylObject *v = exact_int(t, self);
    if (v == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 1, v);
    pyl_decref(t, v);
    return r;
}

static PylObject *int_get_zero(PylThread *t, PylObject *self)
{
    return PYL_SMALLINT(0);
}

static PylObject *int_get_one(PylThread *t, PylObject *self)
{
    return PYL_SMALLINT(1);
}

static const PylMethodDef int_methods[] = {
    PYL_METHOD_NOARGS("bit_length", int_bit_length),
    PYL_METHOD_NOARGS("bit_count", int_bit_count),
    PYL_METHOD_KW("to_bytes", int_to_bytes),
    {"from_bytes", {.kw = int_from_bytes}, PYL_METH_KW | PYL_METH_CLASS, NULL},
    PYL_METHOD_NOARGS("as_integer_ratio", int_as_integer_ratio),
    PYL_METHOD_NOARGS("conjugate", int_self),
    PYL_METHOD_FAST("__round__", int_round),
    PYL_METHOD_NOARGS("__trunc__", int_self),
    PYL_METHOD_NOARGS("__floor__", int_self),
    PYL_METHOD_NOARGS("__ceil__", int_self),
    PYL_METHOD_O("__format__", int_format_method),
    PYL_METHOD_NOARGS("__sizeof__", int_sizeof),
    PYL_METHOD_NOARGS("__getnewargs__", int_getnewargs),
    PYL_METHOD_END,
};

static const PylGetSetDef int_getset[] = {
    {"real", int_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_self, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms"},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_int_type = {
    .name = "int",
    .kind = PYL_K_INT,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylInt),
    .dealloc = int_dealloc,
    .repr = pyl_int_repr,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .new_ = int_new,
    .nb =
        {
            [PYL_NB_ADD] = pyl_int_add,
            [PYL_NB_SUB] = pyl_int_sub,
            [PYL_NB_MUL] = pyl_int_mul,
            [PYL_NB_TRUEDIV] = pyl_int_true_divide,
            [PYL_NB_FLOORDIV] = int_floordiv,
            [PYL_NB_MOD] = int_mod,
            [PYL_NB_POW] = int_pow,
            [PYL_NB_LSHIFT] = int_lshift,
            [PYL_NB_RSHIFT] = int_rshift,
            [PYL_NB_AND] = int_and,
            [PYL_NB_OR] = int_or,
            [PYL_NB_XOR] = int_xor,
        },
    .divmod = int_divmod,
    .pow3 = int_pow3,
    .neg = int_neg,
    .pos = int_pos,
    .abs = int_abs,
    .invert = int_invert,
    .int_ = int_self,
    .float_ = int_float,
    .index = int_self,
    .bool_ = int_bool,
    .methods = int_methods,
    .getset = int_getset,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to "
           "an integer, or return 0 if no arguments\nare given.  If x is a number, return "
           "x.__int__().  For floating point\nnumbers, this truncates towards zero.",
};
