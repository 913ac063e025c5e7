/* slice.h — slice objects (a[start:stop:step]). */
#ifndef PYL_SLICE_H
#define PYL_SLICE_H

#include "vm/object.h"

typedef struct PylSlice {
    PylObject ob;
    PylObject *start, *stop, *step; /* any objects, None when omitted */
} PylSlice;

PYL_INTERNAL PylObject *pyl_slice_new(PylThread *t, PylObject *start, PylObject *stop,
                                      PylObject *step);
/* Resolve a slice against a sequence of length len (slice.indices semantics):
 * fills start/stop/step and returns the slice length, or -1 + exception
 * (ValueError "slice step cannot be zero", TypeError for non-index bounds). */
PYL_INTERNAL intptr_t pyl_slice_unpack(PylThread *t, PylObject *slice, intptr_t len,
                                       intptr_t *start, intptr_t *stop, intptr_t *step);
/* The two halves of pyl_slice_unpack, as CPython's PySlice_Unpack and
 * PySlice_AdjustIndices: _raw reads the bounds (None -> the extreme values, ints
 * clamped to the C range), _adjust clamps them to a length and returns the slice
 * length (call it again with the current length if user code ran in between). */
PYL_INTERNAL int pyl_slice_unpack_raw(PylThread *t, PylObject *slice, intptr_t *start,
                                      intptr_t *stop, intptr_t *step);
PYL_INTERNAL intptr_t pyl_slice_adjust(intptr_t len, intptr_t *start, intptr_t *stop,
                                       intptr_t step);
/* slice.indices() on big ints: start/stop/step (new references) for a sequence of
 * `length` (a non-negative int). 0 or -1. */
PYL_INTERNAL int pyl_slice_long_indices(PylThread *t, PylObject *slice, PylObject *length,
                                        PylObject **start, PylObject **stop, PylObject **step);

/* Does o have __index__ (any int included)? */
PYL_INTERNAL bool pyl_is_index(PylThread *t, PylObject *o);
/* An index key (int or __index__) as a C integer, for seq[key]: IndexError
 * "cannot fit 'int' into an index-sized integer" when it does not fit. 0 or -1. */
PYL_INTERNAL int pyl_seq_index(PylThread *t, PylObject *key, intptr_t *out);
/* A start/stop argument of index()-like methods (None not allowed), clamped to
 * the C range: TypeError "slice indices must be integers or have an __index__
 * method". 0 or -1. */
PYL_INTERNAL int pyl_slice_index_notnone(PylThread *t, PylObject *v, intptr_t *out);

#endif
