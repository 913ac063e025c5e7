/* dtoa.c — shortest round-trip double formatting.
 *
 * We look for the smallest precision p in 1..17 for which "%.{p}e" reads back as
 * the same double (17 always does, for IEEE binary64). glibc's printf rounds
 * correctly, so the digits are those CPython's dtoa picks for repr(). */
#include "vm/dtoa.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pyl_double_shortest(double v, char *buf, int *exp10)
{
    char tmp[40];
    int p;
    for (p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (strtod(tmp, NULL) == v) {
            break;
        }
    }
    /* tmp is [-]D[.DDD]e[+-]XX */
    const char *s = tmp;
    if (*s == '-') {
        s++;
    }
    int n = 0;
    for (; *s != 'e'; s++) {
        if (*s != '.') {
            buf[n++] = *s;
        }
    }
    int e = atoi(s + 1);
    while (n > 1 && buf[n - 1] == '0') {
        n--;
    }
    buf[n] = '\0';
    *exp10 = e + 1;
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
