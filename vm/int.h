/* int.h — Python int: tagged small ints (see object.h) and GMP-backed big ints.
 *
 * An exact int that fits in 63 bits is always a tagged value; a PylInt heap
 * object of exact type int always holds a value outside that range. Instances of
 * int subclasses (#3) are PylInt objects holding any value. bool is int's subclass
 * whose two values are the immediates PYL_TRUE / PYL_FALSE (worth 1 and 0).
 */
#ifndef PYL_INT_H
#define PYL_INT_H

#include <gmp.h>

#include "vm/buf.h"
#include "vm/object.h"

typedef struct PylInt {
    PylObject ob;
    mpz_t z;
} PylInt;

#define PYL_INT_MPZ(o) (((PylInt *)(o))->z)

PYL_INTERNAL PylObject *pyl_int_from_ssize(PylThread *t, intptr_t v);
PYL_INTERNAL PylObject *pyl_int_from_i64(PylThread *t, int64_t v);
PYL_INTERNAL PylObject *pyl_int_from_u64(PylThread *t, uint64_t v);
/* The int with z's value (copied), tagged when it fits. */
PYL_INTERNAL PylObject *pyl_int_from_mpz(PylThread *t, const mpz_t z);
/* int(v) for a double: OverflowError for inf, ValueError for nan. */
PYL_INTERNAL PylObject *pyl_int_from_double(PylThread *t, double v);
/* int(text, base) semantics: base 0 or 2..36, underscores, whitespace, sign;
 * ValueError "invalid literal for int() with base 10: 'x'" otherwise. text is
 * UTF-8 of length n (Unicode digits may be rejected). */
PYL_INTERNAL PylObject *pyl_int_from_string(PylThread *t, const char *text, intptr_t n, int base);

/* Read an int (incl. bool) into a C value; OverflowError "Python int too large to
 * convert to C ssize_t" when it does not fit. o must be an int. */
PYL_INTERNAL int pyl_int_as_ssize(PylThread *t, PylObject *o, intptr_t *out);
PYL_INTERNAL int pyl_int_as_i64(PylThread *t, PylObject *o, int64_t *out);
/* OverflowError "int too large to convert to float". */
PYL_INTERNAL int pyl_int_as_double(PylThread *t, PylObject *o, double *out);
/* Copy any int (incl. bool, tagged) into an initialised mpz. */
PYL_INTERNAL void pyl_int_to_mpz(PylObject *o, mpz_t out);
/* -1, 0, 1 */
PYL_INTERNAL int pyl_int_sign(PylObject *o);
/* Python's hash of an int (modulo 2**61 - 1, -1 -> -2), equal to float hash of
 * equal values. */
PYL_INTERNAL PylHash pyl_int_hash(PylObject *o);
/* Compare two ints: -1, 0, 1. */
PYL_INTERNAL int pyl_int_compare(PylObject *a, PylObject *b);
/* Decimal text (repr); new str. */
PYL_INTERNAL PylObject *pyl_int_repr(PylThread *t, PylObject *o);

/* operator.index(o): an exact int for any object with __index__ (new ref);
 * TypeError "'float' object cannot be interpreted as an integer". */
PYL_INTERNAL PylObject *pyl_number_index(PylThread *t, PylObject *o);
/* __index__ then as ssize; OverflowError "cannot fit 'int' into an index-sized
 * integer" (IndexError when exc is given: pass PYL_EXC(t, IndexError)). */
PYL_INTERNAL int pyl_index_as_ssize(PylThread *t, PylObject *o, intptr_t *out);
/* Same, but clamps out-of-range values to INTPTR_MIN/MAX (for slice indices). */
PYL_INTERNAL int pyl_index_as_ssize_clamped(PylThread *t, PylObject *o, intptr_t *out);
/* int(o) for any o (the int() constructor with one argument). */
PYL_INTERNAL PylObject *pyl_number_int(PylThread *t, PylObject *o);

/* Arithmetic slow paths used by the eval loop (operands are ints; they return
 * NotImplemented for non-int operands like every nb slot). */
PYL_INTERNAL PylObject *pyl_int_add(PylThread *t, PylObject *a, PylObject *b);
PYL_INTERNAL PylObject *pyl_int_sub(PylThread *t, PylObject *a, PylObject *b);
PYL_INTERNAL PylObject *pyl_int_mul(PylThread *t, PylObject *a, PylObject *b);

/* ---- shared with float.c and format.c ---- */

/* CPython 3.11's default limit on decimal digits in int <-> str conversions;
 * the VM's limit (vm->int_max_str_digits, 0 = none) is set by
 * sys.set_int_max_str_digits. */
#define PYL_INT_MAX_STR_DIGITS 4300
/* The smallest nonzero limit sys.set_int_max_str_digits accepts. */
#define PYL_INT_MAX_STR_DIGITS_THRESHOLD 640

/* The value of m * 2**e correctly rounded to a double (round-half-even, also in
 * the subnormal range). On overflow sets *overflow and returns +-HUGE_VAL. */
PYL_INTERNAL double pyl_mpz_ldexp(const mpz_t m, intptr_t e, bool *overflow);
/* a / b correctly rounded to a double (b != 0); *overflow as for pyl_mpz_ldexp. */
PYL_INTERNAL double pyl_mpz_div_double(const mpz_t a, const mpz_t b, bool *overflow);
/* int(text, base) where orig (a str, bytes or bytearray, borrowed) is what the
 * ValueError message shows. */
PYL_INTERNAL PylObject *pyl_int_from_text(PylThread *t, const char *text, intptr_t n, int base,
                                          PylObject *orig);
/* a / b for two ints: the correctly rounded float (ZeroDivisionError, OverflowError
 * "integer division result too large for a float"); NotImplemented for non-ints. */
PYL_INTERNAL PylObject *pyl_int_true_divide(PylThread *t, PylObject *a, PylObject *b);
/* Append the digits of abs(o) in base 2, 8, 10 or 16 (upper: A-F) to b; base 10
 * enforces the VM's digit limit (ValueError). 0 or -1. */
PYL_INTERNAL int pyl_int_put_digits(PylThread *t, PylBuf *b, PylObject *o, int base, bool upper);
/* Compare int i with double d exactly: -1, 0, 1, or 2 when d is a NaN. */
PYL_INTERNAL int pyl_int_compare_double(PylObject *i, double d);
/* round(o, ndigits) for an int o and an int ndigits (exact int result). */
PYL_INTERNAL PylObject *pyl_int_round(PylThread *t, PylObject *o, PylObject *ndigits);

#endif
