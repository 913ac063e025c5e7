/* list.h — Python list: a growable array of references.
 *     | refcnt | type | size | cap | items* -> [cap] |  */
#ifndef PYL_LIST_H
#define PYL_LIST_H

#include "vm/object.h"

typedef struct PylList {
    PylObject ob;
    intptr_t size;
    intptr_t cap;
    PylObject **items;
} PylList;

#define PYL_LIST_SIZE(o) (((PylList *)(o))->size)
#define PYL_LIST_ITEMS(o) (((PylList *)(o))->items)
#define PYL_LIST_ITEM(o, i) (((PylList *)(o))->items[i])

/* A list of n NULL items, to be filled (stealing) before it escapes. */
PYL_INTERNAL PylObject *pyl_list_new(PylThread *t, intptr_t n);
/* Append (the list takes a new reference). */
PYL_INTERNAL int pyl_list_append(PylThread *t, PylObject *list, PylObject *item);
PYL_INTERNAL PylObject *pyl_list_from_array(PylThread *t, PylObject *const *items, intptr_t n);
PYL_INTERNAL PylObject *pyl_list_from_iterable(PylThread *t, PylObject *iterable);
/* list.extend(iterable) */
PYL_INTERNAL int pyl_list_extend(PylThread *t, PylObject *list, PylObject *iterable);
PYL_INTERNAL int pyl_list_insert(PylThread *t, PylObject *list, intptr_t where, PylObject *item);
/* Stable sort (timsort) with optional key (NULL) and reverse. */
PYL_INTERNAL int pyl_list_sort(PylThread *t, PylObject *list, PylObject *key, bool reverse);
PYL_INTERNAL PylObject *pyl_list_as_tuple(PylThread *t, PylObject *list);
PYL_INTERNAL PylObject *pyl_list_slice(PylThread *t, PylObject *list, intptr_t start,
                                       intptr_t stop);

#endif
