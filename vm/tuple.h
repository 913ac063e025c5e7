/* tuple.h — Python tuple: an immutable array of references.
 *     | refcnt | type | size | hash | items[size] |
 * The empty tuple is a per-VM singleton (vm->empty_tuple). */
#ifndef PYL_TUPLE_H
#define PYL_TUPLE_H

#include "vm/object.h"

typedef struct PylTuple {
    PylObject ob;
    intptr_t size;
    PylHash hash; /* -1 until computed */
    PylObject *items[];
} PylTuple;

#define PYL_TUPLE_SIZE(o) (((PylTuple *)(o))->size)
#define PYL_TUPLE_ITEMS(o) (((PylTuple *)(o))->items)
#define PYL_TUPLE_ITEM(o, i) (((PylTuple *)(o))->items[i])

/* A tuple of n NULL items, to be filled (stealing) before it escapes. */
PYL_INTERNAL PylObject *pyl_tuple_new(PylThread *t, intptr_t n);
/* A tuple of the n given objects (borrowed; the tuple takes new references). */
PYL_INTERNAL PylObject *pyl_tuple_pack(PylThread *t, intptr_t n, ...);
PYL_INTERNAL PylObject *pyl_tuple_from_array(PylThread *t, PylObject *const *items, intptr_t n);
PYL_INTERNAL PylObject *pyl_tuple_from_iterable(PylThread *t, PylObject *iterable);
PYL_INTERNAL PylObject *pyl_tuple_slice(PylThread *t, PylObject *tup, intptr_t start,
                                        intptr_t stop);

#endif
