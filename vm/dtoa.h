/* dtoa.h — shortest round-trip formatting of doubles (pure functions, no VM state),
 * shared by float.__repr__, the AST dumper and the number formatter. */
#ifndef PYL_DTOA_H
#define PYL_DTOA_H

#include <stdbool.h>
#include <stddef.h>

/* Python's repr(float): the shortest digit string that reads back as v, with
 * '.0' for integral values, exponent form outside 1e-4 <= |v| < 1e16, and
 * 'inf', '-inf', 'nan'. Writes at most 32 bytes including the NUL; returns the
 * length. */
int pyl_double_repr(double v, char *buf);

/* The shortest decimal digits of v: digits (no dot, no sign, no trailing zeros)
 * into buf and the decimal exponent such that v = 0.DIGITS * 10**exp10.
 * v must be finite and nonzero. Returns the number of digits. */
int pyl_double_shortest(double v, char *buf, int *exp10);

/* The double nearest to the decimal s[0..n) = [digits][.digits][(e|E)[+-]digits]
 * (at least one mantissa digit; no sign, spaces or underscores), correctly rounded
 * (ties to even; overflow gives inf, underflow 0) whatever the C locale. false
 * when s is not such a decimal. */
bool pyl_decimal_to_double(const char *s, size_t n, double *out);

/* Turn the decimal point printf wrote for the current LC_NUMERIC (one or more
 * bytes) back into '.', in place, for finite %e / %f / %g output; NUL-terminates
 * and returns the new length. */
int pyl_dtoa_c_point(char *s, int n);

#endif
