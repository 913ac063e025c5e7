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
    PylType **subs;
    intptr_t nsubs, capsubs;
} PylHeapType;

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

/* Copy the slots type leaves NULL from base (and sizes, and inheritable flags). */
PYL_INTERNAL void pyl_type_inherit(PylType *type, PylType *base);
/* type(name, bases, dict, **kwargs) for a new class (vm/class.c). */
PYL_INTERNAL PylObject *pyl_class_new(PylThread *t, PylType *meta, PylObject *name,
                                      PylObject *bases, PylObject *ns, PylObject *kwargs);
/* Forget a dying class in its bases' registries; free its slot tables. */
PYL_INTERNAL void pyl_class_unregister(PylThread *t, PylType *type);
/* Recompute a class's slots from its MRO after a dunder changed (slots.c). */
PYL_INTERNAL void pyl_slots_fixup(PylThread *t, PylType *type);

#endif
