/* type.h — type objects: start-up of the builtin types and the machinery shared
 * by all types (MRO lookup with the method cache, version tags, slot wrappers). */
#ifndef PYL_TYPE_H
#define PYL_TYPE_H

#include "vm/object.h"

/* A class made at run time: the type plus what its instances' __slots__ need
 * and the registry of its subclasses (borrowed pointers: a subclass removes
 * itself when it dies). */
typedef struct PylHeapType {
    PylType type;
    PylMemberDef *slot_members; /* __slots__ descriptors' definitions, NULL-terminated */
    PylObject *slot_names;      /* tuple of the (mangled) slot names, owning the strings */
    bool weakref;               /* instances have a __weakref__ slot (for __slots__ checks) */
    PylType **subs;
    intptr_t nsubs, capsubs;
} PylHeapType;

/* Instances of classes derived from a builtin whose items are stored inline
 * (itemsize != 0: str, bytes, tuple) keep their __slots__ and __dict__ after the
 * items, in a "tail" that starts at the first 8-aligned byte past them:
 *
 *     | builtin struct | items (+ NUL) | pad | slot_1 .. slot_k | __dict__ |
 *                                            ^ pyl_object_tail(o)
 *
 * Offsets into the tail are stored negated (PYL_TAIL_OFFSET), both as
 * PylType.dictoffset and as slot member offsets; pyl_object_field resolves either
 * kind. Such classes have basicsize = builtin basicsize + itemsize + 7 + tail
 * size, so that allocating basicsize + n * itemsize bytes always leaves room. */
#define PYL_TAIL_OFFSET(e) (-1 - (intptr_t)(e))
PYL_INTERNAL char *pyl_object_tail(PylObject *o);

/* The address of the field at `offset` (a member or dict offset) of heap object o. */
static inline char *pyl_object_field(PylObject *o, intptr_t offset)
{
    return offset >= 0 ? (char *)o + offset : pyl_object_tail(o) + (-1 - offset);
}

/* Where o keeps its __dict__ pointer, or NULL when its type has none. */
static inline PylObject **pyl_object_dict_ptr(PylObject *o)
{
    if (!PYL_IS_PTR(o) || o->type->dictoffset == 0) {
        return NULL;
    }
    return (PylObject **)pyl_object_field(o, o->type->dictoffset);
}

/* The hash slot of unhashable types (list, dict ...): raises TypeError. Types using
 * it get __hash__ = None in their dict. */
PYL_INTERNAL PylHash pyl_hash_unhashable(PylThread *t, PylObject *o);

/* Copy every builtin template (types.def, exceptions.def) into vm->types, link
 * bases and MROs, and fill the type dicts. 0 or -1. */
PYL_INTERNAL int pyl_types_init(PylThread *t);
/* Drop the type dicts (cycles through descriptors) before the VM is freed. */
PYL_INTERNAL void pyl_types_fini(PylThread *t);
/* A type's dict or an ancestor's changed: forget cached lookups. */
PYL_INTERNAL void pyl_type_modified(PylThread *t, PylType *type);
/* type.__name__ of a type as a C string (borrowed). */
PYL_INTERNAL const char *pyl_type_get_name(PylType *type);
/* Fill slots and dict for a type being created (builtin or class): called by
 * pyl_types_init and type.__new__. */
PYL_INTERNAL int pyl_type_ready(PylThread *t, PylType *type);
/* The generic type() call: type(o), or creating an instance: new_ then init. */
PYL_INTERNAL PylObject *pyl_type_call(PylThread *t, PylObject *type, PylObject *const *args,
                                      intptr_t nargs, PylObject *kwnames);

/* object.__dir__: the names of o's attributes, unsorted (a new list). */
PYL_INTERNAL PylObject *pyl_object_dir(PylThread *t, PylObject *o);
/* isinstance(inst, cls) and issubclass(derived, cls) with CPython's whole protocol
 * (tuples, unions, __instancecheck__ / __subclasscheck__, __class__, __bases__).
 * 1, 0, -1. */
PYL_INTERNAL int pyl_type_isinstance(PylThread *t, PylObject *inst, PylObject *cls);
PYL_INTERNAL int pyl_type_issubclass(PylThread *t, PylObject *derived, PylObject *cls);

/* Copy the slots type leaves NULL from base (and sizes, and inheritable flags). */
PYL_INTERNAL void pyl_type_inherit(PylType *type, PylType *base);
/* type(name, bases, dict, **kwargs) for a new class (vm/class.c). */
PYL_INTERNAL PylObject *pyl_class_new(PylThread *t, PylType *meta, PylObject *name,
                                      PylObject *bases, PylObject *ns, PylObject *kwargs);
/* Can an object of type oldto become one of newto (obj.__class__ = newto, and
 * cls.__bases__ = ... for the base)? 0, or -1 with CPython's TypeError naming attr. */
PYL_INTERNAL int pyl_class_compatible(PylThread *t, PylType *oldto, PylType *newto,
                                      const char *attr);
/* cls.__bases__ = value (a new MRO for cls and its subclasses). 0 or -1. */
PYL_INTERNAL int pyl_class_set_bases(PylThread *t, PylType *type, PylObject *value);
/* Forget a dying class in its bases' registries; free its slot tables. */
PYL_INTERNAL void pyl_class_unregister(PylThread *t, PylType *type);
/* Recompute a class's slots from its MRO after a dunder changed (slots.c). */
PYL_INTERNAL void pyl_slots_fixup(PylThread *t, PylType *type);

/* Make every builtin type of the VM ready (start-up). 0 or -1. */
PYL_INTERNAL int pyl_types_ready_all(PylThread *t);

#endif
