/* float.h — Python float: a boxed double, recycled through a per-VM free list. */
#ifndef PYL_FLOAT_H
#define PYL_FLOAT_H

#include "vm/object.h"

struct PylFloat {
    PylObject ob;
    double value;
};

#define PYL_FLOAT_VALUE(o) (((PylFloat *)(o))->value)

PYL_INTERNAL PylObject *pyl_float_new(PylThread *t, double v);
/* float(o)'s number conversion for float, int, bool, __float__, __index__:
 * TypeError "must be real number, not str" otherwise. */
PYL_INTERNAL int pyl_float_as_double(PylThread *t, PylObject *o, double *out);
/* float(o), the constructor with one argument (strings too). */
PYL_INTERNAL PylObject *pyl_number_float(PylThread *t, PylObject *o);
PYL_INTERNAL PylHash pyl_float_hash_double(double v);
/* repr(float) as a new str. */
PYL_INTERNAL PylObject *pyl_float_repr(PylThread *t, PylObject *o);
/* Parse a float literal / float() argument (ValueError "could not convert string
 * to float: 'x'"). */
PYL_INTERNAL PylObject *pyl_float_from_string(PylThread *t, const char *s, intptr_t n);

/* x ** y with float semantics (ZeroDivisionError, OverflowError; a negative base
 * with a fractional exponent gives a complex, as in CPython). */
PYL_INTERNAL PylObject *pyl_float_pow_double(PylThread *t, double x, double y);
/* float(text) where orig (a str, bytes or bytearray, borrowed) is what the
 * ValueError message shows. */
PYL_INTERNAL PylObject *pyl_float_from_text(PylThread *t, const char *s, intptr_t n,
                                            PylObject *orig);
/* Drain the VM's float free list (VM teardown). */
PYL_INTERNAL void pyl_float_fini(PylThread *t);

#endif
