/* type.c — type objects.
 *
 * Start-up: every builtin type is a const template (types.def, exceptions.def);
 * pyl_types_init copies each into the VM, links it to its base, and pyl_type_ready
 * fills its dict: methods, members and getsets from the template's tables, and a
 * slot wrapper (int.__add__, list.__len__ ...) for every slot the type defines
 * itself. Then NULL slots are inherited from the base.
 *
 * Lookup: pyl_type_lookup walks the MRO's dicts. Results are cached per VM in a
 * direct-mapped table keyed by (type version, interned name); a type gets a fresh
 * version number whenever it or an ancestor changes, which orphans its entries.
 */
#include <stdio.h>

#include "vm/core.h"

/* ---- method cache ------------------------------------------------------- */

static inline uint32_t mcache_index(uint32_t version, PylObject *name)
{
    uint32_t h = version * 2654435761u ^ (uint32_t)((uintptr_t)name >> 4);
    return h & ((1u << PYL_MCACHE_BITS) - 1);
}

static PylObject *find_in_mro(PylThread *t, PylType *type, PylObject *name)
{
    PylObject *mro = type->mro;
    if (mro == NULL) {
        return type->dict ? pyl_dict_get_str(t, type->dict, name) : NULL;
    }
    intptr_t n = PYL_TUPLE_SIZE(mro);
    for (intptr_t i = 0; i < n; i++) {
        PylType *base = (PylType *)PYL_TUPLE_ITEM(mro, i);
        PylObject *v = pyl_dict_get_str(t, base->dict, name);
        if (v != NULL) {
            return v;
        }
    }
    return NULL;
}

PylObject *pyl_type_lookup(PylThread *t, PylType *type, PylObject *name)
{
    PylVM *vm = t->vm;
    if (PYL_UNLIKELY(!((PylStr *)name)->interned)) {
        return find_in_mro(t, type, name);
    }
    if (PYL_UNLIKELY(type->version == 0)) {
        if (vm->next_type_version == UINT32_MAX) {
            return find_in_mro(t, type, name);
        }
        type->version = ++vm->next_type_version;
    }
    PylMCacheEntry *e = &vm->mcache[mcache_index(type->version, name)];
    if (PYL_LIKELY(e->version == type->version && e->name == name)) {
        return e->value;
    }
    PylObject *v = find_in_mro(t, type, name);
    e->version = type->version;
    e->name = name;
    e->value = v;
    return v;
}

void pyl_type_modified(PylThread *t, PylType *type)
{
    type->version = 0;
    if (type->flags & PYL_TF_HEAPTYPE) {
        PylHeapType *ht = (PylHeapType *)type;
        for (intptr_t i = 0; i < ht->nsubs; i++) {
            pyl_type_modified(t, ht->subs[i]);
        }
    }
}

bool pyl_type_is_subtype(PylType *a, PylType *b)
{
    if (a == b) {
        return true;
    }
    PylObject *mro = a->mro;
    if (mro == NULL) {
        for (PylType *p = a->base; p != NULL; p = p->base) {
            if (p == b) {
                return true;
            }
        }
        return false;
    }
    intptr_t n = PYL_TUPLE_SIZE(mro);
    for (intptr_t i = 1; i < n; i++) {
        if (PYL_TUPLE_ITEM(mro, i) == (PylObject *)b) {
            return true;
        }
    }
    return false;
}

const char *pyl_type_get_name(PylType *type)
{
    if (type->name_obj != NULL) {
        return PYL_STR_DATA(type->name_obj);
    }
    const char *dot = strrchr(type->name, '.');
    return dot ? dot + 1 : type->name;
}

const char *pyl_type_name(PylThread *t, PylObject *o)
{
    return pyl_type_get_name(PYL_TYPEOF(t, o));
}

PYL_INTERNAL int pyl_slots_add_wrappers(PylThread *t, PylType *type);

/* Every descriptor struct starts with ob, a def pointer, objtype and its
 * interned name (descr.c), which is the key it goes under. */
static int add_descr(PylThread *t, PylType *type, PylObject *d)
{
    if (d == NULL) {
        return -1;
    }
    int r = pyl_dict_set(t, type->dict, ((PylMethodDescr *)d)->name, d);
    pyl_decref(t, d);
    return r;
}

static int add_tables(PylThread *t, PylType *type)
{
    for (const PylMethodDef *m = type->methods; m != NULL && m->name != NULL; m++) {
        if (m->flags & PYL_METH_STATIC) {
            PylObject *f = pyl_cfunction_new(t, m, NULL, NULL);
            PylObject *d = f ? pyl_staticmethod_new(t, f) : NULL;
            pyl_xdecref(t, f);
            if (d == NULL || pyl_dict_set_cstr(t, type->dict, m->name, d) < 0) {
                pyl_xdecref(t, d);
                return -1;
            }
            pyl_decref(t, d);
        } else if (add_descr(t, type, pyl_descr_new_method(t, type, m)) < 0) {
            return -1;
        }
    }
    for (const PylMemberDef *m = type->members; m != NULL && m->name != NULL; m++) {
        if (add_descr(t, type, pyl_descr_new_member(t, type, m)) < 0) {
            return -1;
        }
    }
    for (const PylGetSetDef *g = type->getset; g != NULL && g->name != NULL; g++) {
        if (add_descr(t, type, pyl_descr_new_getset(t, type, g)) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Copy the slots a type leaves NULL from its base. */
void pyl_type_inherit(PylType *type, PylType *base)
{
#define INHERIT(field)                                                                             \
    if (type->field == NULL) {                                                                     \
        type->field = base->field;                                                                 \
    }
    INHERIT(dealloc)
    INHERIT(traverse)
    INHERIT(clear)
    INHERIT(repr)
    INHERIT(str)
    INHERIT(getattr)
    INHERIT(setattr)
    INHERIT(call)
    INHERIT(iter)
    INHERIT(iternext)
    INHERIT(descr_get)
    INHERIT(descr_set)
    INHERIT(init)
    INHERIT(len)
    INHERIT(getitem)
    INHERIT(setitem)
    INHERIT(contains)
    INHERIT(divmod)
    INHERIT(pow3)
    INHERIT(neg)
    INHERIT(pos)
    INHERIT(abs)
    INHERIT(invert)
    INHERIT(int_)
    INHERIT(float_)
    INHERIT(index)
    INHERIT(bool_)
    for (int i = 0; i < PYL_NB_COUNT; i++) {
        INHERIT(nb[i])
        INHERIT(inb[i])
    }
    /* Comparison and hashing go together: a type defining == without a hash
     * does not inherit the base's hash. */
    if (type->richcompare == NULL && type->hash == NULL) {
        type->richcompare = base->richcompare;
        type->hash = base->hash;
    }
    if (type->flags & PYL_TF_HEAPTYPE) {
        INHERIT(new_)
    }
#undef INHERIT
    if (type->basicsize == 0) {
        type->basicsize = base->basicsize;
    }
    if (type->itemsize == 0) {
        type->itemsize = base->itemsize;
    }
    if (type->dictoffset == 0) {
        type->dictoffset = base->dictoffset;
    }
    type->flags |= base->flags & (PYL_TF_EXCEPTION | PYL_TF_GC);
}

int pyl_type_ready(PylThread *t, PylType *type)
{
    PylType *base = type->base;
    if (type->name_obj == NULL) {
        type->name_obj = pyl_str_intern_cstr(t, pyl_type_get_name(type));
        if (type->name_obj == NULL) {
            return -1;
        }
    }
    if (type->qualname == NULL) {
        type->qualname = pyl_incref(type->name_obj);
    }
    if (type->bases == NULL) {
        type->bases = base ? pyl_tuple_pack(t, 1, (PylObject *)base) : pyl_tuple_new(t, 0);
        if (type->bases == NULL) {
            return -1;
        }
    }
    if (type->mro == NULL) {
        /* Builtin types have single inheritance: the MRO is the base chain. */
        intptr_t n = 1;
        for (PylType *p = base; p != NULL; p = p->base) {
            n++;
        }
        PylObject *mro = pyl_tuple_new(t, n);
        if (mro == NULL) {
            return -1;
        }
        intptr_t i = 0;
        for (PylType *p = type; p != NULL; p = p->base) {
            PYL_TUPLE_ITEMS(mro)[i++] = pyl_incref((PylObject *)p);
        }
        type->mro = mro;
    }
    if (type->dict == NULL) {
        type->dict = pyl_dict_new(t);
        if (type->dict == NULL) {
            return -1;
        }
    }
    if (add_tables(t, type) < 0 || pyl_slots_add_wrappers(t, type) < 0) {
        return -1;
    }
    if (pyl_dict_get_str(t, type->dict, PYL_NAME(t, __doc__)) == NULL) {
        PylObject *doc = type->doc ? pyl_str_from_cstr(t, type->doc) : PYL_NONE;
        if (doc == NULL || pyl_dict_set(t, type->dict, PYL_NAME(t, __doc__), doc) < 0) {
            return -1;
        }
        pyl_decref(t, doc);
    }
    if (base != NULL) {
        pyl_type_inherit(type, base);
        if (type->base_kind == PYL_K_NONE) {
            type->base_kind = base->base_kind;
        }
    }
    type->flags |= PYL_TF_READY;
    return 0;
}

/* ---- the type of types --------------------------------------------------- */

static PylObject *type_module(PylThread *t, PylType *type)
{
    if (type->flags & PYL_TF_HEAPTYPE) {
        PylObject *m = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __module__));
        if (m != NULL) {
            return pyl_incref(m);
        }
    }
    const char *dot = strrchr(type->name, '.');
    if (dot != NULL) {
        return pyl_str_new(t, type->name, dot - type->name);
    }
    return pyl_str_from_cstr(t, "builtins");
}

static PylObject *type_repr(PylThread *t, PylObject *self)
{
    PylType *type = (PylType *)self;
    PylObject *mod = type_module(t, type);
    if (mod == NULL) {
        return NULL;
    }
    PylObject *r;
    if (PYL_IS_STR(mod) && !pyl_str_equal_cstr(mod, "builtins")) {
        r = pyl_str_format_c(t, "<class '%U.%U'>", mod, type->qualname);
    } else {
        r = pyl_str_format_c(t, "<class '%U'>", type->qualname);
    }
    pyl_decref(t, mod);
    return r;
}

static PylObject *call_descr_get(PylThread *t, PylObject *attr, PylObject *obj, PylType *type)
{
    PylDescrGetFn get = PYL_TYPEOF(t, attr)->descr_get;
    if (get == NULL) {
        return pyl_incref(attr);
    }
    return get(t, attr, obj, (PylObject *)type);
}

/* type.__getattribute__: data descriptors of the metatype, then the type's own
 * MRO (binding with obj = None), then other metatype attributes. */
static PylObject *type_getattr_impl(PylThread *t, PylObject *self, PylObject *name, bool raise)
{
    PylType *type = (PylType *)self;
    PylType *meta = PYL_TYPEOF(t, self);
    PylObject *meta_attr = pyl_type_lookup(t, meta, name);
    if (meta_attr != NULL) {
        PylType *mt = PYL_TYPEOF(t, meta_attr);
        if (mt->descr_get != NULL && mt->descr_set != NULL) {
            return mt->descr_get(t, meta_attr, self, (PylObject *)meta);
        }
    }
    PylObject *attr = pyl_type_lookup(t, type, name);
    if (attr != NULL) {
        return call_descr_get(t, attr, NULL, type);
    }
    if (meta_attr != NULL) {
        return call_descr_get(t, meta_attr, self, meta);
    }
    if (raise) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "type object '%U' has no attribute '%U'",
                       type->qualname, name);
    }
    return NULL;
}

PYL_INTERNAL PylObject *pyl_type_getattr(PylThread *t, PylObject *self, PylObject *name);
PylObject *pyl_type_getattr(PylThread *t, PylObject *self, PylObject *name)
{
    return type_getattr_impl(t, self, name, true);
}

static int type_setattr(PylThread *t, PylObject *self, PylObject *name, PylObject *value)
{
    PylType *type = (PylType *)self;
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "cannot set '%U' attribute of immutable type '%s'",
                       name, pyl_type_get_name(type));
        return -1;
    }
    /* Data descriptors on the metatype (e.g. __name__) take the assignment. */
    PylType *meta = PYL_TYPEOF(t, self);
    PylObject *meta_attr = pyl_type_lookup(t, meta, name);
    if (meta_attr != NULL && PYL_TYPEOF(t, meta_attr)->descr_set != NULL) {
        return PYL_TYPEOF(t, meta_attr)->descr_set(t, meta_attr, self, value);
    }
    name = pyl_str_intern(t, pyl_incref(name));
    int r;
    if (value == NULL) {
        r = pyl_dict_del(t, type->dict, name);
        if (r < 0 && pyl_err_matches(t, PYL_EXC(t, KeyError))) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, AttributeError), "type object '%U' has no attribute '%U'",
                           type->qualname, name);
        }
    } else {
        r = pyl_dict_set(t, type->dict, name, value);
    }
    pyl_type_modified(t, type);
    const char *ns = PYL_STR_DATA(name);
    intptr_t nn = PYL_STR_NBYTES(name);
    if (r == 0 && nn > 4 && ns[0] == '_' && ns[1] == '_' && ns[nn - 1] == '_' &&
        ns[nn - 2] == '_') {
        pyl_slots_fixup(t, type); /* and its subclasses */
    }
    pyl_decref(t, name);
    return r;
}

static PylObject *type_new(PylThread *t, PylType *meta, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    if (nargs != 3) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "type.__new__() takes exactly 3 arguments (%zd given)",
                              (ssize_t)nargs);
    }
    PylObject *kwargs = NULL;
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    if (nkw > 0) {
        kwargs = pyl_dict_new(t);
        for (intptr_t i = 0; kwargs != NULL && i < nkw; i++) {
            if (pyl_dict_set(t, kwargs, PYL_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
                PYL_CLEAR(t, kwargs);
            }
        }
        if (kwargs == NULL) {
            return NULL;
        }
    }
    PylObject *r = pyl_class_new(t, meta, args[0], args[1], args[2], kwargs);
    pyl_xdecref(t, kwargs);
    return r;
}

static int type_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                     PylObject *kwnames)
{
    if (nargs == 1 && kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

PylObject *pyl_type_call(PylThread *t, PylObject *callable, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    PylType *type = (PylType *)callable;
    if (type == PYL_TYPE(t, TYPE)) {
        if (nargs == 1) {
            if (kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0) {
                return pyl_err_format(t, PYL_EXC(t, TypeError),
                                      "type() takes no keyword arguments");
            }
            return pyl_incref((PylObject *)PYL_TYPEOF(t, args[0]));
        }
        if (nargs != 3) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "type() takes 1 or 3 arguments");
        }
    }
    if (type->new_ == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot create '%s' instances", type->name);
    }
    PylObject *obj = type->new_(t, type, args, nargs, kwnames);
    if (obj == NULL) {
        return NULL;
    }
    PylType *ot = PYL_TYPEOF(t, obj);
    if (!pyl_type_is_subtype(ot, type)) {
        return obj;
    }
    if (ot->init != NULL && ot->init(t, obj, args, nargs, kwnames) < 0) {
        pyl_decref(t, obj);
        return NULL;
    }
    return obj;
}

static void type_dealloc(PylThread *t, PylObject *self)
{
    PylType *type = (PylType *)self;
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        return; /* builtin types die with the VM (pyl_types_fini) */
    }
    pyl_type_modified(t, type);
    pyl_class_unregister(t, type);
    PYL_CLEAR(t, type->dict);
    PYL_CLEAR(t, type->mro);
    PYL_CLEAR(t, type->bases);
    PYL_CLEAR(t, type->name_obj);
    PYL_CLEAR(t, type->qualname);
    PYL_CLEAR(t, type->subclasses);
    PYL_CLEAR(t, *(PylObject **)&type->base);
    pyl_obj_free(t, self);
}

/* Classes are in cycles (class -> dict -> method -> globals -> class): */
static int type_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylType *type = (PylType *)self;
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        return 0;
    }
    PylObject *fields[] = {type->dict, type->mro, type->bases, (PylObject *)type->base};
    for (int i = 0; i < 4; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static void type_clear(PylThread *t, PylObject *self)
{
    PylType *type = (PylType *)self;
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        return;
    }
    /* As CPython: forget cached lookups first, empty the dict in place (so that
     * lookups in the class, which may still happen while the garbage dies, find a
     * dict), and drop the MRO, a cycle of its own (its first item is the class). */
    pyl_type_modified(t, type);
    if (type->dict != NULL) {
        pyl_dict_clear(t, type->dict);
    }
    PYL_CLEAR(t, type->mro);
}

static PylObject *type_get_name(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylType *)self)->name_obj);
}

static PylObject *type_get_qualname(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylType *)self)->qualname);
}

/* The checks before assigning __name__, __qualname__, __module__ or __doc__. */
static int check_special_set(PylThread *t, PylType *type, PylObject *value, const char *attr)
{
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "cannot set '%s' attribute of immutable type '%s'",
                       attr, pyl_type_get_name(type));
        return -1;
    }
    if (value == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "cannot delete '%s' attribute of immutable type '%s'", attr,
                       pyl_type_get_name(type));
        return -1;
    }
    return 0;
}

static int type_set_name(PylThread *t, PylObject *self, PylObject *value)
{
    PylType *type = (PylType *)self;
    if (check_special_set(t, type, value, "__name__") < 0) {
        return -1;
    }
    if (!PYL_IS_STR(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "can only assign string to %s.__name__, not '%T'",
                       pyl_type_get_name(type), value);
        return -1;
    }
    if (memchr(PYL_STR_DATA(value), 0, (size_t)PYL_STR_NBYTES(value)) != NULL) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "type name must not contain null characters");
        return -1;
    }
    PylObject *name = pyl_str_intern(t, pyl_str_new(t, PYL_STR_DATA(value), PYL_STR_NBYTES(value)));
    if (name == NULL) {
        return -1;
    }
    PylObject *old = type->name_obj;
    type->name_obj = name;
    type->name = PYL_STR_DATA(name);
    pyl_decref(t, old);
    return 0;
}

static int type_set_qualname(PylThread *t, PylObject *self, PylObject *value)
{
    PylType *type = (PylType *)self;
    if (check_special_set(t, type, value, "__qualname__") < 0) {
        return -1;
    }
    if (!PYL_IS_STR(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "can only assign string to %s.__qualname__, not '%T'",
                       pyl_type_get_name(type), value);
        return -1;
    }
    pyl_setref(t, &type->qualname, pyl_incref(value));
    return 0;
}

/* __module__ and __doc__ of a class live in its dict. */
static int set_in_dict(PylThread *t, PylType *type, PylObject *value, PylObject *name)
{
    if (check_special_set(t, type, value, PYL_STR_DATA(name)) < 0) {
        return -1;
    }
    int r = pyl_dict_set(t, type->dict, name, value);
    pyl_type_modified(t, type);
    return r;
}

static int type_set_module(PylThread *t, PylObject *self, PylObject *value)
{
    return set_in_dict(t, (PylType *)self, value, PYL_NAME(t, __module__));
}

static int type_set_doc(PylThread *t, PylObject *self, PylObject *value)
{
    return set_in_dict(t, (PylType *)self, value, PYL_NAME(t, __doc__));
}

static PylObject *type_get_module(PylThread *t, PylObject *self)
{
    return type_module(t, (PylType *)self);
}

static PylObject *type_get_bases(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylType *)self)->bases);
}

/* A class's __annotations__ live in its dict; reading them makes an empty dict
 * when there are none (3.10+). Builtin types have none. */
static PylObject *type_get_annotations(PylThread *t, PylObject *self)
{
    PylType *type = (PylType *)self;
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        return pyl_err_format(t, PYL_EXC(t, AttributeError),
                              "type object '%s' has no attribute '__annotations__'", type->name);
    }
    PylObject *ann = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __annotations__));
    if (ann != NULL) {
        return call_descr_get(t, ann, NULL, type);
    }
    ann = pyl_dict_new(t);
    if (ann == NULL || pyl_dict_set(t, type->dict, PYL_NAME(t, __annotations__), ann) < 0) {
        pyl_xdecref(t, ann);
        return NULL;
    }
    pyl_type_modified(t, type);
    return ann;
}

static int type_set_annotations(PylThread *t, PylObject *self, PylObject *value)
{
    PylType *type = (PylType *)self;
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "cannot set '__annotations__' attribute of immutable type '%s'", type->name);
        return -1;
    }
    int r;
    if (value == NULL) {
        r = pyl_dict_del(t, type->dict, PYL_NAME(t, __annotations__));
        if (r < 0 && pyl_err_matches(t, PYL_EXC(t, KeyError))) {
            pyl_err_clear(t);
            pyl_err_set(t, PYL_EXC(t, AttributeError), PYL_NAME(t, __annotations__));
        }
    } else {
        r = pyl_dict_set(t, type->dict, PYL_NAME(t, __annotations__), value);
    }
    pyl_type_modified(t, type);
    return r;
}

/* __abstractmethods__ (set by abc.ABCMeta): while true, the class cannot be
 * instantiated (PYL_TF_ABSTRACT). type itself has the descriptor but no value. */
static PylObject *type_get_abstractmethods(PylThread *t, PylObject *self)
{
    PylType *type = (PylType *)self;
    PylObject *v = type != PYL_TYPE(t, TYPE)
                       ? pyl_dict_get_str(t, type->dict, PYL_NAME(t, __abstractmethods__))
                       : NULL;
    if (v == NULL) {
        return pyl_err_set(t, PYL_EXC(t, AttributeError), PYL_NAME(t, __abstractmethods__));
    }
    return pyl_incref(v);
}

static int type_set_abstractmethods(PylThread *t, PylObject *self, PylObject *value)
{
    PylType *type = (PylType *)self;
    int abstract = 0, r;
    if (value != NULL) {
        abstract = pyl_is_true(t, value);
        if (abstract < 0) {
            return -1;
        }
        r = pyl_dict_set(t, type->dict, PYL_NAME(t, __abstractmethods__), value);
    } else {
        r = pyl_dict_del(t, type->dict, PYL_NAME(t, __abstractmethods__));
        if (r < 0 && pyl_err_matches(t, PYL_EXC(t, KeyError))) {
            pyl_err_clear(t);
            pyl_err_set(t, PYL_EXC(t, AttributeError), PYL_NAME(t, __abstractmethods__));
        }
    }
    if (r < 0) {
        return -1;
    }
    pyl_type_modified(t, type);
    if (abstract) {
        type->flags |= PYL_TF_ABSTRACT;
    } else {
        type->flags &= ~(uint32_t)PYL_TF_ABSTRACT;
    }
    return 0;
}

static int type_set_bases(PylThread *t, PylObject *self, PylObject *value)
{
    return pyl_class_set_bases(t, (PylType *)self, value);
}

static PylObject *type_get_base(PylThread *t, PylObject *self)
{
    PylType *b = ((PylType *)self)->base;
    return b ? pyl_incref((PylObject *)b) : PYL_NONE;
}

static PylObject *type_get_mro(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylType *)self)->mro);
}

static PylObject *type_get_dict(PylThread *t, PylObject *self)
{
    return pyl_mappingproxy_new(t, ((PylType *)self)->dict);
}

static PylObject *type_get_doc(PylThread *t, PylObject *self)
{
    PylType *type = (PylType *)self;
    PylObject *d = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __doc__));
    if (d == NULL) {
        return PYL_NONE;
    }
    PylDescrGetFn get = PYL_TYPEOF(t, d)->descr_get;
    if (get != NULL) {
        return get(t, d, NULL, self);
    }
    return pyl_incref(d);
}

static PylObject *type_mro_method(PylThread *t, PylObject *self)
{
    return pyl_list_from_iterable(t, ((PylType *)self)->mro);
}

static PylObject *type_subclasses(PylThread *t, PylObject *self)
{
    PylType *type = (PylType *)self;
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL || !(type->flags & PYL_TF_HEAPTYPE)) {
        return list;
    }
    PylHeapType *ht = (PylHeapType *)type;
    for (intptr_t i = 0; i < ht->nsubs; i++) {
        if (pyl_list_append(t, list, (PylObject *)ht->subs[i]) < 0) {
            pyl_decref(t, list);
            return NULL;
        }
    }
    return list;
}

static PylObject *type_prepare(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    return pyl_dict_new(t);
}

/* ---- isinstance and issubclass ------------------------------------------------
 * As CPython's abstract.c: exact type first, tuples (and unions) item by item, then
 * the metaclass's __instancecheck__ / __subclasscheck__; the default checks use the
 * MRO for types, and __class__ / __bases__ for other objects that pose as classes. */

/* cls.__bases__ when it is a tuple (NULL, no exception, when not). */
static PylObject *abstract_bases(PylThread *t, PylObject *cls)
{
    PylObject *b = pyl_getattr_opt(t, cls, PYL_NAME(t, __bases__));
    if (b != NULL && !PYL_IS_TUPLE(b)) {
        PYL_CLEAR(t, b);
    }
    return b;
}

static int check_class(PylThread *t, PylObject *cls, const char *error)
{
    PylObject *b = abstract_bases(t, cls);
    if (b == NULL) {
        if (!pyl_err_occurred(t)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s", error);
        }
        return -1;
    }
    pyl_decref(t, b);
    return 0;
}

/* Is cls among derived's __bases__, recursively? 1, 0, -1. */
static int abstract_issubclass(PylThread *t, PylObject *derived, PylObject *cls)
{
    for (;;) {
        if (derived == cls) {
            return 1;
        }
        PylObject *bases = abstract_bases(t, derived);
        if (bases == NULL) {
            return pyl_err_occurred(t) ? -1 : 0;
        }
        intptr_t n = PYL_TUPLE_SIZE(bases);
        if (n == 0) {
            pyl_decref(t, bases);
            return 0;
        }
        if (n == 1) {
            derived = PYL_TUPLE_ITEM(bases, 0); /* kept alive by the class hierarchy */
            pyl_decref(t, bases);
            continue;
        }
        if (pyl_enter_call(t, " in __issubclass__") < 0) {
            pyl_decref(t, bases);
            return -1;
        }
        int r = 0;
        for (intptr_t i = 0; i < n && r == 0; i++) {
            r = abstract_issubclass(t, PYL_TUPLE_ITEM(bases, i), cls);
        }
        pyl_leave_call(t);
        pyl_decref(t, bases);
        return r;
    }
}

/* isinstance without the __instancecheck__ hook (type.__instancecheck__). */
static int real_isinstance(PylThread *t, PylObject *inst, PylObject *cls)
{
    PylObject *icls;
    if (PYL_IS_TYPE(cls)) {
        if (pyl_type_is_subtype(PYL_TYPEOF(t, inst), (PylType *)cls)) {
            return 1;
        }
        icls = pyl_getattr_opt(t, inst, PYL_NAME(t, __class__));
        if (icls == NULL) {
            return pyl_err_occurred(t) ? -1 : 0;
        }
        int r = icls != (PylObject *)PYL_TYPEOF(t, inst) && PYL_IS_TYPE(icls) &&
                pyl_type_is_subtype((PylType *)icls, (PylType *)cls);
        pyl_decref(t, icls);
        return r;
    }
    if (check_class(t, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") <
        0) {
        return -1;
    }
    icls = pyl_getattr_opt(t, inst, PYL_NAME(t, __class__));
    if (icls == NULL) {
        return pyl_err_occurred(t) ? -1 : 0;
    }
    int r = abstract_issubclass(t, icls, cls);
    pyl_decref(t, icls);
    return r;
}

/* issubclass without the __subclasscheck__ hook (type.__subclasscheck__). */
static int real_issubclass(PylThread *t, PylObject *derived, PylObject *cls)
{
    if (PYL_IS_TYPE(cls) && PYL_IS_TYPE(derived)) {
        return pyl_type_is_subtype((PylType *)derived, (PylType *)cls);
    }
    if (check_class(t, derived, "issubclass() arg 1 must be a class") < 0) {
        return -1;
    }
    if (!pyl_is_union(t, cls) &&
        check_class(t, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") <
            0) {
        return -1;
    }
    return abstract_issubclass(t, derived, cls);
}

/* type(cls).<name> bound to cls, or NULL (no exception) when absent. */
static PylObject *lookup_special(PylThread *t, PylObject *cls, PylObject *name)
{
    PylObject *f = pyl_type_lookup(t, PYL_TYPEOF(t, cls), name);
    if (f == NULL) {
        return NULL;
    }
    return call_descr_get(t, f, cls, PYL_TYPEOF(t, cls));
}

static int call_check(PylThread *t, PylObject *checker, PylObject *arg, const char *where)
{
    if (pyl_enter_call(t, where) < 0) {
        pyl_decref(t, checker);
        return -1;
    }
    PylObject *r = pyl_call1(t, checker, arg);
    pyl_leave_call(t);
    pyl_decref(t, checker);
    if (r == NULL) {
        return -1;
    }
    int v = pyl_is_true(t, r);
    pyl_decref(t, r);
    return v;
}

int pyl_type_isinstance(PylThread *t, PylObject *inst, PylObject *cls)
{
    if ((PylObject *)PYL_TYPEOF(t, inst) == cls) {
        return 1;
    }
    if (PYL_IS_KIND(cls, TYPE)) {
        return real_isinstance(t, inst, cls);
    }
    if (pyl_is_union(t, cls)) {
        cls = pyl_union_args(cls);
    }
    if (PYL_IS_TUPLE(cls)) {
        if (pyl_enter_call(t, " in __instancecheck__") < 0) {
            return -1;
        }
        int r = 0;
        for (intptr_t i = 0; i < PYL_TUPLE_SIZE(cls) && r == 0; i++) {
            r = pyl_type_isinstance(t, inst, PYL_TUPLE_ITEM(cls, i));
        }
        pyl_leave_call(t);
        return r;
    }
    PylObject *checker = lookup_special(t, cls, PYL_NAME(t, __instancecheck__));
    if (checker != NULL) {
        return call_check(t, checker, inst, " in __instancecheck__");
    }
    if (pyl_err_occurred(t)) {
        return -1;
    }
    return real_isinstance(t, inst, cls);
}

int pyl_type_issubclass(PylThread *t, PylObject *derived, PylObject *cls)
{
    if (PYL_IS_KIND(cls, TYPE)) {
        if (derived == cls) {
            return 1;
        }
        return real_issubclass(t, derived, cls);
    }
    if (pyl_is_union(t, cls)) {
        cls = pyl_union_args(cls);
    }
    if (PYL_IS_TUPLE(cls)) {
        if (pyl_enter_call(t, " in __subclasscheck__") < 0) {
            return -1;
        }
        int r = 0;
        for (intptr_t i = 0; i < PYL_TUPLE_SIZE(cls) && r == 0; i++) {
            r = pyl_type_issubclass(t, derived, PYL_TUPLE_ITEM(cls, i));
        }
        pyl_leave_call(t);
        return r;
    }
    PylObject *checker = lookup_special(t, cls, PYL_NAME(t, __subclasscheck__));
    if (checker != NULL) {
        return call_check(t, checker, derived, " in __subclasscheck__");
    }
    if (pyl_err_occurred(t)) {
        return -1;
    }
    return real_issubclass(t, derived, cls);
}

static PylObject *type_instancecheck(PylThread *t, PylObject *self, PylObject *inst)
{
    int r = real_isinstance(t, inst, self);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *type_subclasscheck(PylThread *t, PylObject *self, PylObject *sub)
{
    int r = real_issubclass(t, sub, self);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static const PylMethodDef type_methods[] = {
    PYL_METHOD_NOARGS("mro", type_mro_method),
    PYL_METHOD_NOARGS("__subclasses__", type_subclasses),
    PYL_METHOD_O("__instancecheck__", type_instancecheck),
    PYL_METHOD_O("__subclasscheck__", type_subclasscheck),
    {"__prepare__", {.kw = type_prepare}, PYL_METH_KW | PYL_METH_CLASS, NULL},
    PYL_METHOD_END,
};

static const PylGetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_type_type = {
    .name = "type",
    .kind = PYL_K_TYPE,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylHeapType),
    .dictoffset = offsetof(PylType, dict),
    .dealloc = type_dealloc,
    .traverse = type_traverse,
    .clear = type_clear,
    .repr = type_repr,
    .getattr = pyl_type_getattr,
    .setattr = type_setattr,
    .call = pyl_type_call,
    .nb[PYL_NB_OR] = pyl_union_or,
    .new_ = type_new,
    .init = type_init,
    .methods = type_methods,
    .getset = type_getset,
};

/* ---- dir() --------------------------------------------------------------- */

static int merge_dict_keys(PylThread *t, PylObject *set, PylObject *dict)
{
    intptr_t pos = 0;
    PylObject *k, *v;
    while (pyl_dict_next(dict, &pos, &k, &v)) {
        if (pyl_set_add(t, set, k) < 0) {
            return -1;
        }
    }
    return 0;
}

/* object.__dir__: the instance dict's keys plus every attribute along the MRO
 * (for a type: its own MRO). Returns a list (sorting is dir()'s job). */
PylObject *pyl_object_dir(PylThread *t, PylObject *self)
{
    PylObject *set = pyl_set_new(t, NULL);
    if (set == NULL) {
        return NULL;
    }
    PylType *type = PYL_TYPEOF(t, self);
    PylObject *mro_owner = PYL_IS_TYPE(self) ? self : (PylObject *)type;
    if (!PYL_IS_TYPE(self) && pyl_object_dict_ptr(self) != NULL) {
        PylObject *d = *pyl_object_dict_ptr(self);
        if (d != NULL && PYL_IS_DICT(d) && merge_dict_keys(t, set, d) < 0) {
            goto error;
        }
    }
    PylObject *mro = ((PylType *)mro_owner)->mro;
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(mro); i++) {
        if (merge_dict_keys(t, set, ((PylType *)PYL_TUPLE_ITEM(mro, i))->dict) < 0) {
            goto error;
        }
    }
    PylObject *list = pyl_list_from_iterable(t, set);
    pyl_decref(t, set);
    return list;
error:
    pyl_decref(t, set);
    return NULL;
}

/* ---- start-up ------------------------------------------------------------ */

static const PylType *const templates[] = {
    NULL,
#define PYL_TYPE_ENTRY(KIND, cname) &cname,
#include "vm/types.def"
#undef PYL_TYPE_ENTRY
};

static const struct {
    const char *name;
    int base_kind;
} exception_defs[] = {
#define PYL_EXC_ENTRY(Name, Base) {#Name, PYL_K_EXC_##Base},
#define PYL_K_EXC_NONE PYL_K_OBJECT
#include "vm/exceptions.def"
#undef PYL_K_EXC_NONE
#undef PYL_EXC_ENTRY
};

#define FIRST_EXC PYL_K_EXC_BaseException

int pyl_types_init(PylThread *t)
{
    PylVM *vm = t->vm;
    /* 1. Copy every template; nothing else may run until all types exist. */
    for (int k = 1; k < PYL_K_COUNT; k++) {
        const PylType *tpl = k < FIRST_EXC ? templates[k] : pyl_exception_template();
        PylType *type = pyl_vmem_alloc(vm, sizeof(PylType));
        if (type == NULL) {
            return -1;
        }
        *type = *tpl;
        type->ob.refcnt = 1;
        type->kind = (uint16_t)k;
        if (k >= FIRST_EXC) {
            type->name = exception_defs[k - FIRST_EXC].name;
            type->template_base = (uint16_t)exception_defs[k - FIRST_EXC].base_kind;
            type->base_kind = PYL_K_EXC_BaseException;
            type->flags |= PYL_TF_EXCEPTION | PYL_TF_BASETYPE;
            if (k != FIRST_EXC) {
                /* Subclasses inherit init/str... from their base (new_ is never
                 * inherited by builtin types, so each keeps BaseException's). */
                type->init = NULL;
                type->repr = NULL;
                type->str = NULL;
                type->methods = NULL;
                type->getset = NULL;
                type->members = NULL;
                type->dealloc = NULL;
                type->getattr = NULL;
                type->setattr = NULL;
                type->doc = NULL;
            }
        } else {
            type->base_kind = (uint16_t)k;
        }
        vm->types[k] = type;
    }
    /* 2. Link metatypes and bases. */
    for (int k = 1; k < PYL_K_COUNT; k++) {
        PylType *type = vm->types[k];
        type->ob.type = vm->types[PYL_K_TYPE];
        if (k != PYL_K_OBJECT) {
            int b = type->template_base ? type->template_base : PYL_K_OBJECT;
            type->base = vm->types[b];
        }
    }
    for (int i = 0; i < PYL_TAGGED_TYPES; i++) {
        vm->tagged_types[i] = (i & 1) ? vm->types[PYL_K_INT] : vm->types[PYL_K_OBJECT];
    }
    vm->tagged_types[(uintptr_t)PYL_NONE & 31] = vm->types[PYL_K_NONETYPE];
    vm->tagged_types[(uintptr_t)PYL_TRUE & 31] = vm->types[PYL_K_BOOL];
    vm->tagged_types[(uintptr_t)PYL_FALSE & 31] = vm->types[PYL_K_BOOL];
    vm->tagged_types[(uintptr_t)PYL_NOTIMPLEMENTED & 31] = vm->types[PYL_K_NOTIMPLTYPE];
    vm->tagged_types[(uintptr_t)PYL_ELLIPSIS & 31] = vm->types[PYL_K_ELLIPSISTYPE];
    return 0;
}

/* Second stage, once str/dict/tuple work: names, MROs and dicts. */
int pyl_types_ready_all(PylThread *t)
{
    for (int k = 1; k < PYL_K_COUNT; k++) {
        if (pyl_type_ready(t, t->vm->types[k]) < 0) {
            return -1;
        }
    }
    return 0;
}

void pyl_types_fini(PylThread *t)
{
    PylVM *vm = t->vm;
    for (int k = 1; k < PYL_K_COUNT; k++) {
        PylType *type = vm->types[k];
        if (type != NULL) {
            PYL_CLEAR(t, type->dict);
        }
    }
    for (int k = 1; k < PYL_K_COUNT; k++) {
        PylType *type = vm->types[k];
        if (type != NULL) {
            PYL_CLEAR(t, type->mro);
            PYL_CLEAR(t, type->bases);
            PYL_CLEAR(t, type->name_obj);
            PYL_CLEAR(t, type->qualname);
            PYL_CLEAR(t, type->subclasses);
        }
    }
    for (int k = 1; k < PYL_K_COUNT; k++) {
        pyl_vmem_free(vm, vm->types[k]);
        vm->types[k] = NULL;
    }
}
