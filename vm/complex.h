/* complex.h — Python complex: a heap object holding two IEEE doubles.
 *
 *     PylComplex: | refcnt | type | double real | double imag |
 *
 * Arithmetic, pow, hash, repr and the constructor follow CPython 3.11
 * (Objects/complexobject.c) operation for operation, so results agree bit for bit
 * (including the nan/inf behaviour of mixed operands: an int or float operand is
 * converted to a complex with a +0.0 imaginary part first). */
#ifndef PYL_COMPLEX_H
#define PYL_COMPLEX_H

#include "vm/object.h"

typedef struct PylComplex {
    PylObject ob;
    double real;
    double imag;
} PylComplex;

#define PYL_COMPLEX_REAL(o) (((PylComplex *)(o))->real)
#define PYL_COMPLEX_IMAG(o) (((PylComplex *)(o))->imag)
/* complex or a subclass / exactly complex */
#define PYL_IS_COMPLEX(o) PYL_HAS_LAYOUT(o, COMPLEX)
#define PYL_IS_COMPLEX_EXACT(o) PYL_IS_KIND(o, COMPLEX)

/* A new exact complex real + imag*j. */
PYL_INTERNAL PylObject *pyl_complex_new(PylThread *t, double real, double imag);
/* a ** b where each operand is a complex, an int or a float (NotImplemented for
 * anything else): the nb[PYL_NB_POW] slot of complex. float ** float with a
 * negative base and a non-integral exponent calls this in CPython (the result is
 * complex). ZeroDivisionError "0.0 to a negative or complex power", OverflowError
 * "complex exponentiation". */
PYL_INTERNAL PylObject *pyl_complex_pow(PylThread *t, PylObject *a, PylObject *b);

#endif
