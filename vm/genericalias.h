/* genericalias.h — types.GenericAlias (list[int], dict[str, int], type[X]) and
 * types.UnionType (int | str), the objects PEP 585 and PEP 604 annotations make. */
#ifndef PYL_GENERICALIAS_H
#define PYL_GENERICALIAS_H

#include "vm/object.h"

/* origin[args]: a parameterized generic.
 *
 *     | ob | origin | args (tuple) | parameters (tuple, NULL until asked) | starred |
 */
typedef struct PylGenericAlias {
    PylObject ob;
    PylObject *origin;
    PylObject *args;
    PylObject *parameters;
    bool starred;
} PylGenericAlias;

/* X | Y | ...: args is the flattened, de-duplicated tuple of the alternatives
 * (None stored as NoneType), at least two of them. */
typedef struct PylUnion {
    PylObject ob;
    PylObject *args;
    PylObject *parameters; /* NULL until asked */
} PylUnion;

/* origin[args] (args a tuple, or one item). New reference. */
PYL_INTERNAL PylObject *pyl_generic_alias_new(PylThread *t, PylObject *origin, PylObject *args);
/* The __class_getitem__ of builtin generic types: cls[arg]. A type's method table
 * gets it with the line PYL_METHOD_CLASS_GETITEM. */
PYL_INTERNAL PylObject *pyl_generic_alias_class_getitem(PylThread *t, PylObject *cls,
                                                        PylObject *arg);
#define PYL_METHOD_CLASS_GETITEM                                                                   \
    {                                                                                              \
        "__class_getitem__", {.o = pyl_generic_alias_class_getitem}, PYL_METH_O | PYL_METH_CLASS,  \
            NULL                                                                                   \
    }
/* a | b for types, aliases, unions and None (type.__or__); NotImplemented
 * (no reference) when one of them cannot be part of a union. */
PYL_INTERNAL PylObject *pyl_union_or(PylThread *t, PylObject *a, PylObject *b);

static inline bool pyl_is_union(PylThread *t, PylObject *o)
{
    return PYL_IS_PTR(o) && o->type->kind == PYL_K_UNION;
}

/* The alternatives of a union (borrowed tuple). */
static inline PylObject *pyl_union_args(PylObject *u)
{
    return ((PylUnion *)u)->args;
}

#endif
