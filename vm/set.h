/* set.h — Python set and frozenset.
 *
 * An open-addressing table of {key, hash} entries, probed like CPython's (a few
 * linear probes, then perturbation) with the same growth policy, so that a set of
 * small ints iterates in the same order as in CPython (programs print sets). */
#ifndef PYL_SET_H
#define PYL_SET_H

#include "vm/object.h"

/* The key of a deleted slot: an immediate-shaped value (low bits 010, immediate
 * index 30) reserved for this use, so it is never a Python value, never needs
 * reference counting, and no VM state is needed to make one. No other immediate
 * may use 0x1E. Code scanning a table must skip NULL and PYL_SET_DUMMY keys. */
#define PYL_SET_DUMMY ((PylObject *)(uintptr_t)0x1E)

typedef struct PylSetEntry {
    PylObject *key; /* NULL = empty; the per-VM dummy marks a deleted slot */
    PylHash hash;
} PylSetEntry;

typedef struct PylSet {
    PylObject ob;
    intptr_t fill; /* active + dummy */
    intptr_t used; /* active */
    intptr_t mask; /* table size - 1 */
    PylSetEntry *table;
    PylHash hash; /* frozenset only; -1 until computed */
    intptr_t finger;
    PylSetEntry smalltable[8];
} PylSet;

#define PYL_SET_LEN(o) (((PylSet *)(o))->used)

PYL_INTERNAL PylObject *pyl_set_new(PylThread *t, PylObject *iterable /* or NULL */);
PYL_INTERNAL PylObject *pyl_frozenset_new(PylThread *t, PylObject *iterable /* or NULL */);
PYL_INTERNAL int pyl_set_add(PylThread *t, PylObject *set, PylObject *key);
PYL_INTERNAL int pyl_set_contains(PylThread *t, PylObject *set, PylObject *key);
PYL_INTERNAL int pyl_set_discard(PylThread *t, PylObject *set, PylObject *key); /* 1 found, 0 not */
/* Iterate: intptr_t pos = 0; while (pyl_set_next(s, &pos, &key)) ... (borrowed). */
PYL_INTERNAL bool pyl_set_next(PylObject *set, intptr_t *pos, PylObject **key);
PYL_INTERNAL int pyl_set_update(PylThread *t, PylObject *set, PylObject *iterable);
/* set.difference_update(other) / symmetric_difference_update(other) for a set
 * (not frozenset) `set`; 0 or -1. */
PYL_INTERNAL int pyl_set_difference_update(PylThread *t, PylObject *set, PylObject *other);
PYL_INTERNAL int pyl_set_symmetric_difference_update(PylThread *t, PylObject *set,
                                                     PylObject *other);
/* set & other for any iterable other: a new set (frozenset if set is one). */
PYL_INTERNAL PylObject *pyl_set_intersection(PylThread *t, PylObject *set, PylObject *other);

#endif
