/* dtoa.c — shortest round-trip double formatting.
 *
 * We look for the smallest precision p in 1..17 for which a p-digit decimal reads
 * back as the same double (17 always does, for IEEE binary64), and among those
 * the nearest, which is the string CPython's dtoa picks for repr(). glibc's
 * printf rounds correctly, so "%.{p-1}e" gives the nearest p-digit decimal; at a
 * power of two the next decimal up may be the only one that reads back (see
 * round_trips). */
#include "vm/dtoa.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, a); /* D[.DDD]e[+-]XX */
    const char *s = tmp;
    int n = 0;
    for (; *s != 'e'; s++) {
        if (*s != '.') {
            out->d[n++] = *s;
        }
    }
    out->n = n;
    out->exp10 = atoi(s + 1) + 1;
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
    char tmp[48];
    tmp[0] = '0';
    tmp[1] = '.';
    memcpy(tmp + 2, c->d, (size_t)c->n);
    snprintf(tmp + 2 + c->n, sizeof tmp - 2 - (size_t)c->n, "e%d", c->exp10);
    return strtod(tmp, NULL);
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
