/* dtoa.c — shortest round-trip double formatting.
 *
 * We look for the smallest precision p in 1..17 for which a p-digit decimal reads
 * back as the same double (17 always does, for IEEE binary64), and among those
 * the nearest, which is the string CPython's dtoa picks for repr(). glibc's
 * printf rounds correctly, so "%.{p-1}e" gives the nearest p-digit decimal; at a
 * power of two the next decimal up may be the only one that reads back (see
 * round_trips).
 *
 * Reading decimals back (pyl_decimal_to_double) does not use strtod: it would
 * follow the process's LC_NUMERIC (an embedding program or a future `locale`
 * module may set a ',' decimal point), and Python's float() and repr() never
 * do. Short decimals take the exact fast path (both factors exact doubles, one
 * rounding); the rest are rounded once with GMP (int.c). printf's output is
 * made locale-independent the same way by pyl_dtoa_c_point. */
#include "vm/dtoa.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "vm/int.h"

/* A decimal candidate for |v|: value = 0.D[0]D[1]..D[n-1] * 10**exp10, with the
 * digits as ASCII. */
typedef struct Decimal {
    char d[24];
    int n;
    int exp10;
} Decimal;

/* The p-digit decimal nearest to a (a finite double > 0), from printf. */
static void decimal_printf(double a, int p, Decimal *out)
{
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, a); /* D[.DDD]e[+-]XX, any decimal point */
    const char *s = tmp;
    int n = 0;
    for (; *s != 'e'; s++) {
        if (*s >= '0' && *s <= '9') {
            out->d[n++] = *s;
        }
    }
    out->n = n;
    out->exp10 = atoi(s + 1) + 1;
}

/* ---- decimal -> double ------------------------------------------------------ */

/* Exact powers of ten as doubles (10**22 is the last one). */
static const double exact_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Significant digits kept: a tie between two doubles needs at most 768 of them,
 * so any longer tail only matters through being nonzero, which one extra
 * nonzero digit stands for. */
#define KEEP_DIGITS 800

/* The digit at index i of the concatenation a[0..na) f[0..nf). */
static inline char digit_at(const char *a, size_t na, const char *f, size_t i)
{
    return i < na ? a[i] : f[i - na];
}

/* The double nearest to the decimal integer (a f) * 10**e10, where a[0..na) and
 * f[0..nf) are ASCII digits (either may be empty): ties to even, overflow to
 * inf, underflow to 0. */
static double digits_value(const char *a, size_t na, const char *f, size_t nf, int64_t e10)
{
    size_t lo = 0, hi = na + nf;
    while (lo < hi && digit_at(a, na, f, lo) == '0') {
        lo++;
    }
    while (hi > lo && digit_at(a, na, f, hi - 1) == '0') {
        hi--;
        e10++;
    }
    size_t n = hi - lo;
    if (n == 0) {
        return 0.0;
    }
    if ((int64_t)n + e10 > 310) {
        return HUGE_VAL;
    }
    if ((int64_t)n + e10 < -330) {
        return 0.0;
    }
    if (n <= 15 && e10 >= -22 && e10 <= 22) {
        uint64_t m = 0;
        for (size_t i = lo; i < hi; i++) {
            m = m * 10 + (uint64_t)(digit_at(a, na, f, i) - '0');
        }
        double x = (double)m; /* < 10**15: exact */
        return e10 >= 0 ? x * exact_pow10[e10] : x / exact_pow10[-e10];
    }
#if LDBL_MANT_DIG == 64
    if (n <= 19 && e10 >= -27 && e10 <= 27) {
        /* x87 extended precision: m (< 10**19 < 2**64) and 10**|e10| are exact,
         * so y is within half a 64-bit ulp of the value. Rounding y to 53 bits
         * is then correct unless y's 11 extra bits sit within one unit of the
         * halfway pattern 0x400 (or the result is not a normal double). */
        static const long double ld_pow10[] = {1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,
                                               1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
                                               1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
                                               1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L};
        uint64_t m = 0;
        for (size_t i = lo; i < hi; i++) {
            m = m * 10 + (uint64_t)(digit_at(a, na, f, i) - '0');
        }
        long double y = e10 >= 0 ? (long double)m * ld_pow10[e10] : (long double)m / ld_pow10[-e10];
        int ex;
        long double fm = frexpl(y, &ex);
        if (ex > DBL_MIN_EXP && ex <= DBL_MAX_EXP) {
            unsigned low = (unsigned)((uint64_t)ldexpl(fm, 64) & 0x7FF);
            if (low < 0x3FF || low > 0x401) {
                return (double)y;
            }
        }
    }
#endif
    char buf[KEEP_DIGITS + 2];
    size_t k = 0;
    for (size_t i = lo; i < hi && k < KEEP_DIGITS; i++) {
        buf[k++] = digit_at(a, na, f, i);
    }
    if (n > KEEP_DIGITS) {
        /* the dropped tail ends in a nonzero digit (zeros were stripped) */
        buf[k++] = '1';
        e10 += (int64_t)n - KEEP_DIGITS - 1;
    }
    buf[k] = '\0';
    mpz_t m, p;
    mpz_init_set_str(m, buf, 10);
    mpz_init(p);
    bool ovf;
    double r;
    if (e10 >= 0) {
        mpz_ui_pow_ui(p, 10, (unsigned long)e10);
        mpz_mul(m, m, p);
        r = pyl_mpz_ldexp(m, 0, &ovf);
    } else {
        mpz_ui_pow_ui(p, 10, (unsigned long)-e10);
        r = pyl_mpz_div_double(m, p, &ovf);
    }
    mpz_clear(m);
    mpz_clear(p);
    return ovf ? HUGE_VAL : r;
}

bool pyl_decimal_to_double(const char *s, size_t n, double *out)
{
    const char *p = s, *end = s + n;
    const char *a = p;
    while (p < end && *p >= '0' && *p <= '9') {
        p++;
    }
    size_t na = (size_t)(p - a);
    const char *f = p;
    size_t nf = 0;
    if (p < end && *p == '.') {
        f = ++p;
        while (p < end && *p >= '0' && *p <= '9') {
            p++;
        }
        nf = (size_t)(p - f);
    }
    if (na + nf == 0) {
        return false;
    }
    int64_t e10 = 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        bool neg = false;
        if (p < end && (*p == '+' || *p == '-')) {
            neg = *p++ == '-';
        }
        if (p == end || !(*p >= '0' && *p <= '9')) {
            return false;
        }
        while (p < end && *p >= '0' && *p <= '9') {
            if (e10 < ((int64_t)1 << 40)) { /* beyond any double: saturate */
                e10 = e10 * 10 + (*p - '0');
            }
            p++;
        }
        if (neg) {
            e10 = -e10;
        }
    }
    if (p != end) {
        return false;
    }
    *out = digits_value(a, na, f, nf, e10 - (int64_t)nf);
    return true;
}

int pyl_dtoa_c_point(char *s, int n)
{
    int w = 0;
    bool in_point = false;
    for (int r = 0; r < n; r++) {
        char c = s[r];
        if ((c >= '0' && c <= '9') || c == 'e' || c == 'E' || c == '+' || c == '-') {
            s[w++] = c;
            in_point = false;
        } else if (!in_point) {
            s[w++] = '.';
            in_point = true;
        }
    }
    s[w] = '\0';
    return w;
}

/* Round the 17-digit nearest decimal `full` to p (15 or 16) digits. The tail it
 * drops is within half a unit of the true tail, so the direction is certain
 * unless the dropped digits read exactly "5" / "50": then 0 (ask printf). */
static bool decimal_round(const Decimal *full, int p, Decimal *out)
{
    int tail = 0, half = 1;
    for (int i = p; i < full->n; i++) {
        tail = tail * 10 + (full->d[i] - '0');
        half *= 10;
    }
    half /= 2;
    if (tail == half) {
        return false;
    }
    memcpy(out->d, full->d, (size_t)p);
    out->n = p;
    out->exp10 = full->exp10;
    if (tail > half) {
        int i = p - 1;
        while (i >= 0 && out->d[i] == '9') {
            out->d[i--] = '0';
        }
        if (i < 0) {
            out->d[0] = '1'; /* 99..9 rounded up: 10..0, one place higher */
            out->exp10++;
        } else {
            out->d[i]++;
        }
    }
    return true;
}

/* The next decimal up with as many digits. */
static void decimal_bump(Decimal *c)
{
    int i = c->n - 1;
    while (i >= 0 && c->d[i] == '9') {
        c->d[i--] = '0';
    }
    if (i < 0) {
        c->d[0] = '1';
        c->exp10++;
    } else {
        c->d[i]++;
    }
}

static double decimal_value(const Decimal *c)
{
    return digits_value(c->d, (size_t)c->n, NULL, 0, (int64_t)c->exp10 - c->n);
}

/* Does candidate c (the nearest p-digit decimal to a) read back as a? If not,
 * and a is a power of two (pow2), its upper neighbour may: the rounding interval
 * of a is symmetric except at a power of two, where the gap below is half the
 * gap above, so the nearest decimal can miss below while the next one up is
 * still inside. On success c holds the decimal that reads back. */
static bool round_trips(double a, bool pow2, Decimal *c)
{
    double r = decimal_value(c);
    if (r == a) {
        return true;
    }
    if (pow2 && r < a) {
        decimal_bump(c);
        return decimal_value(c) == a;
    }
    return false;
}

int pyl_double_shortest(double v, char *buf, int *exp10)
{
    double a = fabs(v);
    int e2;
    bool pow2 = frexp(a, &e2) == 0.5;
    Decimal best;
    if (a >= DBL_MIN) {
        /* For a normal a, half an ulp is at most 2**-53 of a, far below half the
         * spacing of 15-digit decimals (over 5e-16 of a). So when the shortest
         * round-trip decimal has p <= 15 digits, it is also the 15-digit decimal
         * nearest to a, padded with zeros (dropped below): one probe settles
         * every short value. Otherwise 16 digits may do, and 17 always do. One
         * printf call gives the 17 digits; 15 and 16 are rounded from them. */
        Decimal full, c;
        decimal_printf(a, 17, &full);
        best = full;
        for (int p = 15; p <= 16; p++) {
            if (!decimal_round(&full, p, &c)) {
                decimal_printf(a, p, &c);
            }
            if (round_trips(a, pow2, &c)) {
                best = c;
                break;
            }
        }
    } else {
        /* Subnormals have wide rounding intervals: bisect for the least p in
         * 1..17 (if p digits round-trip so do p + 1, as the (p+1)-digit grid
         * contains the p-digit one). */
        int lo = 1, hi = 17;
        decimal_printf(a, 17, &best);
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            Decimal c;
            decimal_printf(a, mid, &c);
            if (round_trips(a, pow2, &c)) {
                hi = mid;
                best = c;
            } else {
                lo = mid + 1;
            }
        }
    }
    int n = best.n;
    while (n > 1 && best.d[n - 1] == '0') {
        n--;
    }
    memcpy(buf, best.d, (size_t)n);
    buf[n] = '\0';
    *exp10 = best.exp10;
    return n;
}

int pyl_double_repr(double v, char *buf)
{
    if (isnan(v)) {
        return sprintf(buf, "nan");
    }
    if (isinf(v)) {
        return sprintf(buf, v < 0 ? "-inf" : "inf");
    }
    if (v == 0) {
        return sprintf(buf, signbit(v) ? "-0.0" : "0.0");
    }
    char digits[24];
    int exp10;
    int nd = pyl_double_shortest(v, digits, &exp10);
    char *o = buf;
    if (v < 0) {
        *o++ = '-';
    }
    /* repr uses plain notation when -4 <= exponent-of-first-digit < 16 */
    int dexp = exp10 - 1;
    if (dexp >= -5 + 1 && dexp < 16) {
        if (exp10 <= 0) {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -exp10; i++) {
                *o++ = '0';
            }
            memcpy(o, digits, nd);
            o += nd;
        } else if (exp10 >= nd) {
            memcpy(o, digits, nd);
            o += nd;
            for (int i = nd; i < exp10; i++) {
                *o++ = '0';
            }
            *o++ = '.';
            *o++ = '0';
        } else {
            memcpy(o, digits, exp10);
            o += exp10;
            *o++ = '.';
            memcpy(o, digits + exp10, nd - exp10);
            o += nd - exp10;
        }
    } else {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, nd - 1);
            o += nd - 1;
        }
        o += sprintf(o, "e%c%02d", dexp < 0 ? '-' : '+', dexp < 0 ? -dexp : dexp);
    }
    *o = '\0';
    return (int)(o - buf);
}
