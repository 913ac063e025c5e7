/* range.h — range objects (immutable arithmetic sequences of ints). */
#ifndef PYL_RANGE_H
#define PYL_RANGE_H

#include "vm/object.h"

typedef struct PylRange {
    PylObject ob;
    PylObject *start, *stop, *step, *length; /* ints */
} PylRange;

PYL_INTERNAL PylObject *pyl_range_new(PylThread *t, PylObject *start, PylObject *stop,
                                      PylObject *step);

#endif
