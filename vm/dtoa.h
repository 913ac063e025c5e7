/* dtoa.h — shortest round-trip formatting of doubles (pure functions, no VM state),
 * shared by float.__repr__, the AST dumper and the number formatter. */
#ifndef PYL_DTOA_H
#define PYL_DTOA_H

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

#endif
