/* descr.h — the descriptors that put C functions and fields into type dicts
 * (method, classmethod, getset, member, slot wrapper) and the Python-visible
 * property / staticmethod / classmethod. */
#ifndef PYL_DESCR_H
#define PYL_DESCR_H

#include "vm/object.h"

typedef struct PylMethodDescr {
    PylObject ob;
    const PylMethodDef *def;
    PylType *objtype; /* borrowed: the type whose dict holds it */
    PylObject *name;
} PylMethodDescr;

typedef struct PylGetSetDescr {
    PylObject ob;
    const PylGetSetDef *def;
    PylType *objtype;
    PylObject *name;
} PylGetSetDescr;

typedef struct PylMemberDescr {
    PylObject ob;
    const PylMemberDef *def;
    PylType *objtype;
    PylObject *name;
} PylMemberDescr;

/* A slot exposed as a dunder method (int.__add__, list.__len__): `wrap` adapts the
 * Python call to the slot's C signature. */
typedef PylObject *(*PylWrapperFn)(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs, PylObject *kwnames, void *slot);
typedef struct PylWrapperDescr {
    PylObject ob;
    PylObject *name;
    PylType *objtype;
    PylWrapperFn wrap;
    void *slot;
} PylWrapperDescr;

typedef struct PylMethodWrapper {
    PylObject ob;
    PylObject *descr; /* PylWrapperDescr */
    PylObject *self;
} PylMethodWrapper;

typedef struct PylProperty {
    PylObject ob;
    PylObject *fget, *fset, *fdel, *doc;
    PylObject *name; /* set by __set_name__, for error messages; or NULL */
    bool getter_doc; /* doc was taken from fget */
} PylProperty;

typedef struct PylStaticMethod {
    PylObject ob;
    PylObject *callable;
    PylObject *dict;
} PylStaticMethod;

PYL_INTERNAL PylObject *pyl_descr_new_method(PylThread *t, PylType *type, const PylMethodDef *def);
PYL_INTERNAL PylObject *pyl_descr_new_getset(PylThread *t, PylType *type, const PylGetSetDef *def);
PYL_INTERNAL PylObject *pyl_descr_new_member(PylThread *t, PylType *type, const PylMemberDef *def);
/* name: an interned str (the descriptor takes a new reference) */
PYL_INTERNAL PylObject *pyl_descr_new_wrapper(PylThread *t, PylType *type, PylObject *name,
                                              PylWrapperFn wrap, void *slot);
PYL_INTERNAL PylObject *pyl_staticmethod_new(PylThread *t, PylObject *callable);
PYL_INTERNAL PylObject *pyl_classmethod_new(PylThread *t, PylObject *callable);
PYL_INTERNAL PylObject *pyl_property_new(PylThread *t, PylObject *fget, PylObject *fset,
                                         PylObject *fdel, PylObject *doc);
PYL_INTERNAL PylObject *pyl_mappingproxy_new(PylThread *t, PylObject *mapping);
/* Call a method def with self (NULL for static) and the vectorcall arguments. */
PYL_INTERNAL PylObject *pyl_methoddef_call(PylThread *t, const PylMethodDef *def, PylObject *self,
                                           PylObject *const *args, intptr_t nargs,
                                           PylObject *kwnames);

#endif
