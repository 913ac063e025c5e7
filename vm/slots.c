/* slots.c — the two-way bridge between C slots and dunder methods.
 *
 * Builtin types: every slot a type defines shows up in its dict as a wrapper
 * (int.__add__ calls int's nb[ADD]); see pyl_slots_add_wrappers.
 * Classes: every dunder a class defines (or inherits from a Python class) fills
 * the matching slot with a generic function that looks the dunder up and calls
 * it (a class with __add__ gets nb[ADD] = slot_add); see pyl_slots_fixup. A
 * dunder inherited unchanged from a builtin keeps the builtin's C slot, so
 * subclasses of builtins stay fast.
 */
#include <stdio.h>

#include "vm/core.h"

/* ---- slot wrappers ------------------------------------------------------
 * Each adapts a Python-level call (self, *args) to one slot's C signature. */

static int wrapper_nargs(PylThread *t, const char *name, intptr_t nargs, PylObject *kwnames,
                         intptr_t min, intptr_t max)
{
    if (pyl_no_kwargs(t, name, kwnames) < 0) {
        return -1;
    }
    if (nargs < min || nargs > max) {
        if (min == max) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "expected %zd argument%s, got %zd",
                           (ssize_t)min, min == 1 ? "" : "s", (ssize_t)nargs);
        } else {
            pyl_err_format(t, PYL_EXC(t, TypeError), "expected %zd to %zd arguments, got %zd",
                           (ssize_t)min, (ssize_t)max, (ssize_t)nargs);
        }
        return -1;
    }
    return 0;
}

static PylObject *wrap_unary(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "wrapper", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    return ((PylUnaryFn)slot)(t, self);
}

static PylObject *wrap_next(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__next__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    PylObject *r = ((PylUnaryFn)slot)(t, self);
    if (r == NULL && pyl_err_occurred(t) == NULL) {
        pyl_err_set(t, PYL_EXC(t, StopIteration), NULL);
    }
    return r;
}

static PylObject *wrap_binary_l(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "wrapper", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return ((PylBinaryFn)slot)(t, self, args[0]);
}

static PylObject *wrap_binary_r(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "wrapper", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return ((PylBinaryFn)slot)(t, args[0], self);
}

static PylObject *wrap_pow(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "wrapper", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 2 && args[1] != PYL_NONE) {
        PylType *type = PYL_TYPEOF(t, self);
        if (type->pow3 == NULL) {
            return PYL_NOTIMPLEMENTED;
        }
        return type->pow3(t, self, args[0], args[1]);
    }
    return ((PylBinaryFn)slot)(t, self, args[0]);
}

static PylObject *wrap_rpow(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "wrapper", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    return ((PylBinaryFn)slot)(t, args[0], self);
}

static PylObject *wrap_hash(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__hash__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    PylHash h = ((PylHashFn)slot)(t, self);
    return h == -1 ? NULL : pyl_int_from_ssize(t, h);
}

static PylObject *wrap_len(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__len__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    intptr_t n = ((PylLenFn)slot)(t, self);
    return n < 0 ? NULL : pyl_int_from_ssize(t, n);
}

static PylObject *wrap_inquiry(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__bool__", nargs, kwnames, 0, 0) < 0) {
        return NULL;
    }
    int r = ((PylInquiryFn)slot)(t, self);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *wrap_contains(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__contains__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    int r = ((PylContainsFn)slot)(t, self, args[0]);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *wrap_setitem(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__setitem__", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    return ((PylSetItemFn)slot)(t, self, args[0], args[1]) < 0 ? NULL : PYL_NONE;
}

static PylObject *wrap_delitem(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__delitem__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return ((PylSetItemFn)slot)(t, self, args[0], NULL) < 0 ? NULL : PYL_NONE;
}

static PylObject *wrap_getattr(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__getattribute__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(args[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "attribute name must be string, not '%T'",
                              args[0]);
    }
    return ((PylGetAttrFn)slot)(t, self, args[0]);
}

static int slot_setattr(PylThread *t, PylObject *self, PylObject *name, PylObject *value);

/* object.__setattr__(x, ...) must not skip a C-level __setattr__ between type(x) and
 * object (type.__setattr__ keeps type dicts consistent): CPython's hackcheck. */
static int hackcheck(PylThread *t, PylObject *self, void *func, const char *what)
{
    PylType *type = PYL_TYPEOF(t, self);
    PylObject *mro = type->mro;
    if (mro == NULL) {
        return 0;
    }
    PylType *defining = type;
    for (intptr_t i = PYL_TUPLE_SIZE(mro) - 1; i >= 0; i--) {
        PylType *b = (PylType *)PYL_TUPLE_ITEM(mro, i);
        if (b->setattr != slot_setattr && b->setattr == type->setattr) {
            defining = b;
            break;
        }
    }
    for (PylType *b = defining; b != NULL; b = b->base) {
        if ((void *)b->setattr == func) {
            break;
        }
        if (b->setattr != slot_setattr) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "can't apply this %s to %s object", what,
                           type->name);
            return -1;
        }
    }
    return 0;
}

static PylObject *wrap_setattr(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__setattr__", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(args[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "attribute name must be string, not '%T'",
                              args[0]);
    }
    if (hackcheck(t, self, slot, "__setattr__") < 0) {
        return NULL;
    }
    return ((PylSetAttrFn)slot)(t, self, args[0], args[1]) < 0 ? NULL : PYL_NONE;
}

static PylObject *wrap_delattr(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__delattr__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(args[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "attribute name must be string, not '%T'",
                              args[0]);
    }
    if (hackcheck(t, self, slot, "__delattr__") < 0) {
        return NULL;
    }
    return ((PylSetAttrFn)slot)(t, self, args[0], NULL) < 0 ? NULL : PYL_NONE;
}

static PylObject *wrap_call(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames, void *slot)
{
    return ((PylCallFn)slot)(t, self, args, nargs, kwnames);
}

static PylObject *wrap_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames, void *slot)
{
    return ((PylInitFn)slot)(t, self, args, nargs, kwnames) < 0 ? NULL : PYL_NONE;
}

static PylObject *wrap_descr_get(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__get__", nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    PylObject *obj = args[0] == PYL_NONE ? NULL : args[0];
    PylObject *type = nargs > 1 && args[1] != PYL_NONE ? args[1] : NULL;
    if (obj == NULL && type == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "__get__(None, None) is invalid");
    }
    return ((PylDescrGetFn)slot)(t, self, obj, type);
}

static PylObject *wrap_descr_set(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__set__", nargs, kwnames, 2, 2) < 0) {
        return NULL;
    }
    return ((PylDescrSetFn)slot)(t, self, args[0], args[1]) < 0 ? NULL : PYL_NONE;
}

static PylObject *wrap_descr_delete(PylThread *t, PylObject *self, PylObject *const *args,
                                    intptr_t nargs, PylObject *kwnames, void *slot)
{
    if (wrapper_nargs(t, "__delete__", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    return ((PylDescrSetFn)slot)(t, self, args[0], NULL) < 0 ? NULL : PYL_NONE;
}

#define RICHCMP_WRAPPER(fname, OP)                                                                 \
    static PylObject *fname(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs, \
                            PylObject *kwnames, void *slot)                                        \
    {                                                                                              \
        if (wrapper_nargs(t, "wrapper", nargs, kwnames, 1, 1) < 0) {                               \
            return NULL;                                                                           \
        }                                                                                          \
        return ((PylCompareFn)slot)(t, self, args[0], OP);                                         \
    }
RICHCMP_WRAPPER(wrap_lt, PYL_LT)
RICHCMP_WRAPPER(wrap_le, PYL_LE)
RICHCMP_WRAPPER(wrap_eq, PYL_EQ)
RICHCMP_WRAPPER(wrap_ne, PYL_NE)
RICHCMP_WRAPPER(wrap_gt, PYL_GT)
RICHCMP_WRAPPER(wrap_ge, PYL_GE)

/* ---- generic slots: C slot -> dunder method ---------------------------------
 * A class's slots point here when it (or a Python base) defines the dunder. */

/* Call f, found on type(self)'s MRO, as a method of self. */
static PylObject *call_found(PylThread *t, PylObject *f, PylObject *self, PylObject *const *args,
                             intptr_t nargs, PylObject *kwnames)
{
    PylObject *r;
    pyl_incref(f);
    if (PYL_IS_KIND(f, FUNCTION) || PYL_IS_KIND(f, METHOD_DESCR) || PYL_IS_KIND(f, WRAPPER_DESCR)) {
        intptr_t total = nargs + (kwnames ? PYL_TUPLE_SIZE(kwnames) : 0);
        PylObject *buf[8];
        PylObject **stack = buf;
        if (total + 1 > 8) {
            stack = pyl_mem_alloc(t, sizeof(PylObject *) * (size_t)(total + 1));
            if (stack == NULL) {
                pyl_decref(t, f);
                return NULL;
            }
        }
        stack[0] = self;
        for (intptr_t i = 0; i < total; i++) {
            stack[i + 1] = args[i];
        }
        r = pyl_call(t, f, stack, nargs + 1, kwnames);
        if (stack != buf) {
            pyl_mem_free(t, stack);
        }
    } else {
        PylDescrGetFn get = PYL_TYPEOF(t, f)->descr_get;
        if (get != NULL) {
            PylObject *bound = get(t, f, self, (PylObject *)PYL_TYPEOF(t, self));
            r = bound ? pyl_call(t, bound, args, nargs, kwnames) : NULL;
            pyl_xdecref(t, bound);
        } else {
            r = pyl_call(t, f, args, nargs, kwnames);
        }
    }
    pyl_decref(t, f);
    return r;
}

/* self.<name>(*args) looked up on the type; NULL without exception when the
 * type has no such attribute. */
static PylObject *call_special(PylThread *t, PylObject *self, PylObject *name,
                               PylObject *const *args, intptr_t nargs)
{
    PylObject *f = pyl_type_lookup(t, PYL_TYPEOF(t, self), name);
    if (f == NULL) {
        return NULL;
    }
    return call_found(t, f, self, args, nargs, NULL);
}

/* Like call_special, but raising AttributeError(name) when missing (as CPython's
 * vectorcall_method). */
static PylObject *call_required(PylThread *t, PylObject *self, PylObject *name,
                                PylObject *const *args, intptr_t nargs)
{
    PylObject *r = call_special(t, self, name, args, nargs);
    if (r == NULL && pyl_err_occurred(t) == NULL) {
        pyl_err_set(t, PYL_EXC(t, AttributeError), name);
    }
    return r;
}

static PylObject *slot_repr(PylThread *t, PylObject *self)
{
    return call_required(t, self, PYL_NAME(t, __repr__), NULL, 0);
}

static PylObject *slot_str(PylThread *t, PylObject *self)
{
    return call_required(t, self, PYL_NAME(t, __str__), NULL, 0);
}

static PylHash slot_hash(PylThread *t, PylObject *self)
{
    PylObject *r = call_required(t, self, PYL_NAME(t, __hash__), NULL, 0);
    if (r == NULL) {
        return -1;
    }
    if (!PYL_IS_INT(r)) {
        pyl_decref(t, r);
        pyl_err_format(t, PYL_EXC(t, TypeError), "__hash__ method should return an integer");
        return -1;
    }
    PylHash h = pyl_int_hash(r);
    pyl_decref(t, r);
    return h == -1 ? -2 : h;
}

static PylObject *slot_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    static const int ids[] = {PYL_NAME_ID___lt__, PYL_NAME_ID___le__, PYL_NAME_ID___eq__,
                              PYL_NAME_ID___ne__, PYL_NAME_ID___gt__, PYL_NAME_ID___ge__};
    PylObject *r = call_special(t, a, t->vm->names[ids[op]], &b, 1);
    if (r == NULL && pyl_err_occurred(t) == NULL) {
        return PYL_NOTIMPLEMENTED;
    }
    return r;
}

static PylObject *slot_getattr_hook(PylThread *t, PylObject *self, PylObject *name)
{
    PylType *type = PYL_TYPEOF(t, self);
    PylObject *getattribute = pyl_type_lookup(t, type, PYL_NAME(t, __getattribute__));
    PylObject *r;
    if (getattribute == NULL ||
        (PYL_IS_KIND(getattribute, WRAPPER_DESCR) &&
         ((PylWrapperDescr *)getattribute)->slot == (void *)pyl_generic_getattr)) {
        r = pyl_generic_getattr(t, self, name);
    } else {
        r = call_found(t, getattribute, self, &name, 1, NULL);
    }
    if (r != NULL || !pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
        return r;
    }
    PylObject *getattr = pyl_type_lookup(t, type, PYL_NAME(t, __getattr__));
    if (getattr == NULL) {
        return NULL;
    }
    pyl_err_clear(t);
    return call_found(t, getattr, self, &name, 1, NULL);
}

static int slot_setattr(PylThread *t, PylObject *self, PylObject *name, PylObject *value)
{
    PylObject *r;
    if (value == NULL) {
        r = call_required(t, self, PYL_NAME(t, __delattr__), &name, 1);
    } else {
        PylObject *args[2] = {name, value};
        r = call_required(t, self, PYL_NAME(t, __setattr__), args, 2);
    }
    if (r == NULL) {
        return -1;
    }
    pyl_decref(t, r);
    return 0;
}

static PylObject *slot_call(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    PylObject *f = pyl_type_lookup(t, PYL_TYPEOF(t, self), PYL_NAME(t, __call__));
    if (f == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not callable", self);
    }
    return call_found(t, f, self, args, nargs, kwnames);
}

static PylObject *slot_iter(PylThread *t, PylObject *self)
{
    PylObject *f = pyl_type_lookup(t, PYL_TYPEOF(t, self), PYL_NAME(t, __iter__));
    if (f == NULL || f == PYL_NONE) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not iterable", self);
    }
    return call_found(t, f, self, NULL, 0, NULL);
}

static PylObject *slot_iternext(PylThread *t, PylObject *self)
{
    return call_required(t, self, PYL_NAME(t, __next__), NULL, 0);
}

static PylObject *slot_descr_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylObject *args[2] = {obj ? obj : PYL_NONE, type ? type : PYL_NONE};
    return call_required(t, self, PYL_NAME(t, __get__), args, 2);
}

static int slot_descr_set(PylThread *t, PylObject *self, PylObject *obj, PylObject *value)
{
    PylObject *r;
    if (value == NULL) {
        r = call_required(t, self, PYL_NAME(t, __delete__), &obj, 1);
    } else {
        PylObject *args[2] = {obj, value};
        r = call_required(t, self, PYL_NAME(t, __set__), args, 2);
    }
    if (r == NULL) {
        return -1;
    }
    pyl_decref(t, r);
    return 0;
}

static int slot_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                     PylObject *kwnames)
{
    PylObject *f = pyl_type_lookup(t, PYL_TYPEOF(t, self), PYL_NAME(t, __init__));
    if (f == NULL) {
        return 0;
    }
    PylObject *r = call_found(t, f, self, args, nargs, kwnames);
    if (r == NULL) {
        return -1;
    }
    if (r != PYL_NONE) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__init__() should return None, not '%T'", r);
        pyl_decref(t, r);
        return -1;
    }
    return 0;
}

PYL_INTERNAL PylObject *pyl_slot_new(PylThread *t, PylType *type, PylObject *const *args,
                                     intptr_t nargs, PylObject *kwnames);
PylObject *pyl_slot_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                        PylObject *kwnames)
{
    PylObject *f = pyl_type_lookup(t, type, PYL_NAME(t, __new__));
    if (f == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot create '%s' instances",
                              pyl_type_get_name(type));
    }
    PylDescrGetFn get = PYL_TYPEOF(t, f)->descr_get;
    PylObject *fn = get ? get(t, f, NULL, (PylObject *)type) : pyl_incref(f);
    if (fn == NULL) {
        return NULL;
    }
    intptr_t total = nargs + (kwnames ? PYL_TUPLE_SIZE(kwnames) : 0);
    PylObject *buf[8];
    PylObject **stack = buf;
    if (total + 1 > 8) {
        stack = pyl_mem_alloc(t, sizeof(PylObject *) * (size_t)(total + 1));
        if (stack == NULL) {
            pyl_decref(t, fn);
            return NULL;
        }
    }
    stack[0] = (PylObject *)type;
    for (intptr_t i = 0; i < total; i++) {
        stack[i + 1] = args[i];
    }
    PylObject *r = pyl_call(t, fn, stack, nargs + 1, kwnames);
    if (stack != buf) {
        pyl_mem_free(t, stack);
    }
    pyl_decref(t, fn);
    return r;
}

static intptr_t slot_len(PylThread *t, PylObject *self)
{
    PylObject *r = call_required(t, self, PYL_NAME(t, __len__), NULL, 0);
    if (r == NULL) {
        return -1;
    }
    PylObject *i = pyl_number_index(t, r);
    pyl_decref(t, r);
    if (i == NULL) {
        return -1;
    }
    if (pyl_int_sign(i) < 0) {
        pyl_decref(t, i);
        pyl_err_format(t, PYL_EXC(t, ValueError), "__len__() should return >= 0");
        return -1;
    }
    intptr_t n;
    int rc = pyl_index_as_ssize(t, i, &n);
    pyl_decref(t, i);
    return rc < 0 ? -1 : n;
}

static PylObject *slot_getitem(PylThread *t, PylObject *self, PylObject *key)
{
    return call_required(t, self, PYL_NAME(t, __getitem__), &key, 1);
}

static int slot_setitem(PylThread *t, PylObject *self, PylObject *key, PylObject *value)
{
    PylObject *r;
    if (value == NULL) {
        r = call_required(t, self, PYL_NAME(t, __delitem__), &key, 1);
    } else {
        PylObject *args[2] = {key, value};
        r = call_required(t, self, PYL_NAME(t, __setitem__), args, 2);
    }
    if (r == NULL) {
        return -1;
    }
    pyl_decref(t, r);
    return 0;
}

static int slot_contains(PylThread *t, PylObject *self, PylObject *item)
{
    PylObject *f = pyl_type_lookup(t, PYL_TYPEOF(t, self), PYL_NAME(t, __contains__));
    if (f == PYL_NONE) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not a container", self);
        return -1;
    }
    if (f == NULL) {
        /* no __contains__ (it was deleted): search by iterating */
        PylObject *it = pyl_iter(t, self);
        if (it == NULL) {
            return -1;
        }
        PylObject *x;
        int found = 0;
        while ((x = pyl_iter_next(t, it)) != NULL) {
            found = pyl_equal(t, x, item);
            pyl_decref(t, x);
            if (found != 0) {
                break;
            }
        }
        pyl_decref(t, it);
        return found == 0 && pyl_err_occurred(t) ? -1 : found;
    }
    PylObject *r = call_found(t, f, self, &item, 1, NULL);
    if (r == NULL) {
        return -1;
    }
    int b = pyl_is_true(t, r);
    pyl_decref(t, r);
    return b;
}

static int slot_bool(PylThread *t, PylObject *self)
{
    PylObject *r = call_required(t, self, PYL_NAME(t, __bool__), NULL, 0);
    if (r == NULL) {
        return -1;
    }
    if (!PYL_IS_BOOL(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__bool__ should return bool, returned %T", r);
        pyl_decref(t, r);
        return -1;
    }
    return r == PYL_TRUE;
}

#define UNARY_SLOT(fname, ident)                                                                   \
    static PylObject *fname(PylThread *t, PylObject *self)                                         \
    {                                                                                              \
        return call_required(t, self, PYL_NAME(t, ident), NULL, 0);                                \
    }
UNARY_SLOT(slot_neg, __neg__)
UNARY_SLOT(slot_pos, __pos__)
UNARY_SLOT(slot_abs, __abs__)
UNARY_SLOT(slot_invert, __invert__)

static PylObject *checked_number(PylThread *t, PylObject *self, PylObject *name, bool want_float,
                                 const char *what)
{
    PylObject *r = call_required(t, self, name, NULL, 0);
    if (r == NULL) {
        return NULL;
    }
    bool ok = want_float ? PYL_IS_FLOAT(r) : PYL_IS_INT(r);
    if (!ok && want_float) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%T.%s returned non-float (type %T)", self, what,
                       r);
        pyl_decref(t, r);
        return NULL;
    }
    if (!ok) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s returned non-int (type %T)", what, r);
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

static PylObject *slot_int(PylThread *t, PylObject *self)
{
    return checked_number(t, self, PYL_NAME(t, __int__), false, "__int__");
}

static PylObject *slot_float(PylThread *t, PylObject *self)
{
    return checked_number(t, self, PYL_NAME(t, __float__), true, "__float__");
}

static PylObject *slot_index(PylThread *t, PylObject *self)
{
    return checked_number(t, self, PYL_NAME(t, __index__), false, "__index__");
}

/* Does type b define `name` differently from type a? */
static bool overrides(PylThread *t, PylType *b, PylType *a, PylObject *name)
{
    return pyl_type_lookup(t, b, name) != pyl_type_lookup(t, a, name);
}

static PylObject *call_binop(PylThread *t, PylObject *self, PylObject *name, PylObject *other)
{
    PylObject *r = call_special(t, self, name, &other, 1);
    if (r == NULL && pyl_err_occurred(t) == NULL) {
        return PYL_NOTIMPLEMENTED;
    }
    return r;
}

/* a OP b for classes: a.__op__(b), then b.__rop__(a); b's first when b's type is
 * a subclass of a's overriding __rop__. `self_fn` is the slot function itself,
 * telling which operand types dispatch through dunders. */
static PylObject *binop_dunder(PylThread *t, PylObject *a, PylObject *b, PylObject *lname,
                               PylObject *rname, size_t offset, PylBinaryFn self_fn)
{
    PylType *ta = PYL_TYPEOF(t, a), *tb = PYL_TYPEOF(t, b);
    bool do_other = ta != tb && *(PylBinaryFn *)((char *)tb + offset) == self_fn;
    if (*(PylBinaryFn *)((char *)ta + offset) == self_fn) {
        if (do_other && pyl_type_is_subtype(tb, ta) && overrides(t, tb, ta, rname)) {
            PylObject *r = call_binop(t, b, rname, a);
            if (r != PYL_NOTIMPLEMENTED) {
                return r;
            }
            do_other = false;
        }
        PylObject *r = call_binop(t, a, lname, b);
        if (r != PYL_NOTIMPLEMENTED || ta == tb) {
            return r;
        }
    }
    if (do_other) {
        return call_binop(t, b, rname, a);
    }
    return PYL_NOTIMPLEMENTED;
}

#define BINOP_SLOT(fname, OP, lident, rident)                                                      \
    static PylObject *fname(PylThread *t, PylObject *a, PylObject *b)                              \
    {                                                                                              \
        return binop_dunder(t, a, b, PYL_NAME(t, lident), PYL_NAME(t, rident),                     \
                            offsetof(PylType, nb) + (OP) * sizeof(PylBinaryFn), fname);            \
    }
BINOP_SLOT(slot_add, PYL_NB_ADD, __add__, __radd__)
BINOP_SLOT(slot_sub, PYL_NB_SUB, __sub__, __rsub__)
BINOP_SLOT(slot_mul, PYL_NB_MUL, __mul__, __rmul__)
BINOP_SLOT(slot_matmul, PYL_NB_MATMUL, __matmul__, __rmatmul__)
BINOP_SLOT(slot_truediv, PYL_NB_TRUEDIV, __truediv__, __rtruediv__)
BINOP_SLOT(slot_floordiv, PYL_NB_FLOORDIV, __floordiv__, __rfloordiv__)
BINOP_SLOT(slot_mod, PYL_NB_MOD, __mod__, __rmod__)
BINOP_SLOT(slot_lshift, PYL_NB_LSHIFT, __lshift__, __rlshift__)
BINOP_SLOT(slot_rshift, PYL_NB_RSHIFT, __rshift__, __rrshift__)
BINOP_SLOT(slot_and, PYL_NB_AND, __and__, __rand__)
BINOP_SLOT(slot_or, PYL_NB_OR, __or__, __ror__)
BINOP_SLOT(slot_xor, PYL_NB_XOR, __xor__, __rxor__)
BINOP_SLOT(slot_pow, PYL_NB_POW, __pow__, __rpow__)

static PylObject *slot_divmod(PylThread *t, PylObject *a, PylObject *b)
{
    return binop_dunder(t, a, b, PYL_NAME(t, __divmod__), PYL_NAME(t, __rdivmod__),
                        offsetof(PylType, divmod), slot_divmod);
}

static PylObject *slot_pow3(PylThread *t, PylObject *a, PylObject *b, PylObject *m)
{
    PylObject *args[2] = {b, m};
    PylObject *r = call_special(t, a, PYL_NAME(t, __pow__), args, 2);
    if (r == NULL && pyl_err_occurred(t) == NULL) {
        return PYL_NOTIMPLEMENTED;
    }
    return r;
}

#define INPLACE_SLOT(fname, ident)                                                                 \
    static PylObject *fname(PylThread *t, PylObject *a, PylObject *b)                              \
    {                                                                                              \
        return call_binop(t, a, PYL_NAME(t, ident), b);                                            \
    }
INPLACE_SLOT(slot_iadd, __iadd__)
INPLACE_SLOT(slot_isub, __isub__)
INPLACE_SLOT(slot_imul, __imul__)
INPLACE_SLOT(slot_imatmul, __imatmul__)
INPLACE_SLOT(slot_itruediv, __itruediv__)
INPLACE_SLOT(slot_ifloordiv, __ifloordiv__)
INPLACE_SLOT(slot_imod, __imod__)
INPLACE_SLOT(slot_ipow, __ipow__)
INPLACE_SLOT(slot_ilshift, __ilshift__)
INPLACE_SLOT(slot_irshift, __irshift__)
INPLACE_SLOT(slot_iand, __iand__)
INPLACE_SLOT(slot_ior, __ior__)
INPLACE_SLOT(slot_ixor, __ixor__)

typedef struct SlotDef {
    uint16_t name_id; /* the dunder's name: t->vm->names[name_id] (names.def) */
    size_t offset;
    PylWrapperFn wrap; /* NULL: no wrapper (the dunder has no C slot of its own) */
    void *generic;     /* the slot function that calls the dunder */
} SlotDef;

#define SLOT(name, field, wrap, generic)                                                           \
    {                                                                                              \
        PYL_NAME_ID_##name, offsetof(PylType, field), wrap, (void *)(generic)                      \
    }
#define NB(lname, rname, op, generic)                                                              \
    SLOT(lname, nb[op], wrap_binary_l, generic), SLOT(rname, nb[op], wrap_binary_r, generic)

/* The slots exposed as dunder methods, in the order `dir()` does not care about. */
static const SlotDef slotdefs[] = {
    SLOT(__repr__, repr, wrap_unary, slot_repr),
    SLOT(__str__, str, wrap_unary, slot_str),
    SLOT(__hash__, hash, wrap_hash, slot_hash),
    SLOT(__call__, call, wrap_call, slot_call),
    SLOT(__getattribute__, getattr, wrap_getattr, slot_getattr_hook),
    SLOT(__getattr__, getattr, NULL, slot_getattr_hook),
    SLOT(__setattr__, setattr, wrap_setattr, slot_setattr),
    SLOT(__delattr__, setattr, wrap_delattr, slot_setattr),
    SLOT(__lt__, richcompare, wrap_lt, slot_richcompare),
    SLOT(__le__, richcompare, wrap_le, slot_richcompare),
    SLOT(__eq__, richcompare, wrap_eq, slot_richcompare),
    SLOT(__ne__, richcompare, wrap_ne, slot_richcompare),
    SLOT(__gt__, richcompare, wrap_gt, slot_richcompare),
    SLOT(__ge__, richcompare, wrap_ge, slot_richcompare),
    SLOT(__iter__, iter, wrap_unary, slot_iter),
    SLOT(__next__, iternext, wrap_next, slot_iternext),
    SLOT(__get__, descr_get, wrap_descr_get, slot_descr_get),
    SLOT(__set__, descr_set, wrap_descr_set, slot_descr_set),
    SLOT(__delete__, descr_set, wrap_descr_delete, slot_descr_set),
    SLOT(__init__, init, wrap_init, slot_init),
    SLOT(__len__, len, wrap_len, slot_len),
    SLOT(__getitem__, getitem, wrap_binary_l, slot_getitem),
    SLOT(__setitem__, setitem, wrap_setitem, slot_setitem),
    SLOT(__delitem__, setitem, wrap_delitem, slot_setitem),
    SLOT(__contains__, contains, wrap_contains, slot_contains),
    NB(__add__, __radd__, PYL_NB_ADD, slot_add),
    NB(__sub__, __rsub__, PYL_NB_SUB, slot_sub),
    NB(__mul__, __rmul__, PYL_NB_MUL, slot_mul),
    NB(__matmul__, __rmatmul__, PYL_NB_MATMUL, slot_matmul),
    NB(__truediv__, __rtruediv__, PYL_NB_TRUEDIV, slot_truediv),
    NB(__floordiv__, __rfloordiv__, PYL_NB_FLOORDIV, slot_floordiv),
    NB(__mod__, __rmod__, PYL_NB_MOD, slot_mod),
    NB(__lshift__, __rlshift__, PYL_NB_LSHIFT, slot_lshift),
    NB(__rshift__, __rrshift__, PYL_NB_RSHIFT, slot_rshift),
    NB(__and__, __rand__, PYL_NB_AND, slot_and),
    NB(__or__, __ror__, PYL_NB_OR, slot_or),
    NB(__xor__, __rxor__, PYL_NB_XOR, slot_xor),
    SLOT(__pow__, nb[PYL_NB_POW], wrap_pow, slot_pow),
    SLOT(__rpow__, nb[PYL_NB_POW], wrap_rpow, slot_pow),
    SLOT(__divmod__, divmod, wrap_binary_l, slot_divmod),
    SLOT(__rdivmod__, divmod, wrap_binary_r, slot_divmod),
    SLOT(__iadd__, inb[PYL_NB_ADD], wrap_binary_l, slot_iadd),
    SLOT(__isub__, inb[PYL_NB_SUB], wrap_binary_l, slot_isub),
    SLOT(__imul__, inb[PYL_NB_MUL], wrap_binary_l, slot_imul),
    SLOT(__imatmul__, inb[PYL_NB_MATMUL], wrap_binary_l, slot_imatmul),
    SLOT(__itruediv__, inb[PYL_NB_TRUEDIV], wrap_binary_l, slot_itruediv),
    SLOT(__ifloordiv__, inb[PYL_NB_FLOORDIV], wrap_binary_l, slot_ifloordiv),
    SLOT(__imod__, inb[PYL_NB_MOD], wrap_binary_l, slot_imod),
    SLOT(__ipow__, inb[PYL_NB_POW], wrap_binary_l, slot_ipow),
    SLOT(__ilshift__, inb[PYL_NB_LSHIFT], wrap_binary_l, slot_ilshift),
    SLOT(__irshift__, inb[PYL_NB_RSHIFT], wrap_binary_l, slot_irshift),
    SLOT(__iand__, inb[PYL_NB_AND], wrap_binary_l, slot_iand),
    SLOT(__ior__, inb[PYL_NB_OR], wrap_binary_l, slot_ior),
    SLOT(__ixor__, inb[PYL_NB_XOR], wrap_binary_l, slot_ixor),
    SLOT(__neg__, neg, wrap_unary, slot_neg),
    SLOT(__pos__, pos, wrap_unary, slot_pos),
    SLOT(__abs__, abs, wrap_unary, slot_abs),
    SLOT(__invert__, invert, wrap_unary, slot_invert),
    SLOT(__int__, int_, wrap_unary, slot_int),
    SLOT(__float__, float_, wrap_unary, slot_float),
    SLOT(__index__, index, wrap_unary, slot_index),
    SLOT(__bool__, bool_, wrap_inquiry, slot_bool),
};

#define NSLOTDEFS (sizeof slotdefs / sizeof slotdefs[0])

static void *slot_at(const PylType *type, size_t offset)
{
    return *(void *const *)((const char *)type + offset);
}

/* The function a type uses as its hash slot to say "unhashable": its dict gets
 * __hash__ = None. */
PylHash pyl_hash_unhashable(PylThread *t, PylObject *o)
{
    pyl_err_format(t, PYL_EXC(t, TypeError), "unhashable type: '%s'", pyl_type_name(t, o));
    return -1;
}

/* __new__ of a builtin type, as a function bound to the type:
 * T.__new__(S, *args) creates an S via T's new slot after checking S <: T. */
static PylObject *tp_new_wrapper(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    PylType *type = (PylType *)self;
    if (nargs < 1) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%s.__new__(): not enough arguments",
                              pyl_type_get_name(type));
    }
    PylObject *sub = args[0];
    if (!PYL_IS_TYPE(sub)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "%s.__new__(X): X is not a type object (%T)", pyl_type_get_name(type),
                              sub);
    }
    PylType *subtype = (PylType *)sub;
    if (!pyl_type_is_subtype(subtype, type)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%s.__new__(%s): %s is not a subtype of %s",
                              pyl_type_get_name(type), pyl_type_get_name(subtype),
                              pyl_type_get_name(subtype), pyl_type_get_name(type));
    }
    /* The builtin nearest to subtype must be type itself (or share its new_):
     * object.__new__(int) would make an int without its value. */
    PylType *staticbase = subtype;
    while (staticbase != NULL && staticbase->new_ == pyl_slot_new) {
        staticbase = staticbase->base;
    }
    PylType *builtin = staticbase;
    while (builtin != NULL && (builtin->flags & PYL_TF_HEAPTYPE)) {
        builtin = builtin->base; /* a class without __new__ uses its builtin's */
    }
    if (builtin != NULL && builtin->new_ != type->new_) {
        return pyl_err_format(
            t, PYL_EXC(t, TypeError), "%s.__new__(%s) is not safe, use %s.__new__()",
            pyl_type_get_name(type), pyl_type_get_name(subtype), pyl_type_get_name(staticbase));
    }
    return type->new_(t, subtype, args + 1, nargs - 1, kwnames);
}

static const PylMethodDef tp_new_def = {"__new__", {.kw = tp_new_wrapper}, PYL_METH_KW, NULL};

int pyl_slots_add_wrappers(PylThread *t, PylType *type)
{
    PylType *base = type->base;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *sd = &slotdefs[i];
        void *fn = slot_at(type, sd->offset);
        if (sd->wrap == NULL || fn == NULL || (base != NULL && slot_at(base, sd->offset) == fn)) {
            continue;
        }
        PylObject *name = t->vm->names[sd->name_id];
        if (pyl_dict_get_str(t, type->dict, name) != NULL) {
            continue; /* an explicit method of the same name wins */
        }
        PylObject *w;
        if (sd->offset == offsetof(PylType, hash) && fn == (void *)pyl_hash_unhashable) {
            w = PYL_NONE;
        } else {
            w = pyl_descr_new_wrapper(t, type, name, sd->wrap, fn);
            if (w == NULL) {
                return -1;
            }
        }
        int r = pyl_dict_set(t, type->dict, name, w);
        pyl_decref(t, w);
        if (r < 0) {
            return -1;
        }
    }
    if (type->new_ != NULL && (base == NULL || base->new_ != type->new_)) {
        PylObject *f = pyl_cfunction_new(t, &tp_new_def, (PylObject *)type, NULL);
        if (f == NULL || pyl_dict_set(t, type->dict, PYL_NAME(t, __new__), f) < 0) {
            pyl_xdecref(t, f);
            return -1;
        }
        pyl_decref(t, f);
    }
    return 0;
}

/* Point every slot of a class at what its MRO says: the generic dunder caller
 * when a Python-level dunder is found, the builtin C function when the dunder
 * found is that builtin's wrapper, nothing when none is found. */
PYL_INTERNAL void pyl_slots_fixup(PylThread *t, PylType *type);
void pyl_slots_fixup(PylThread *t, PylType *type)
{
    bool done[NSLOTDEFS] = {false};
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        if (done[i]) {
            continue;
        }
        size_t offset = slotdefs[i].offset;
        void *builtin = NULL;
        bool generic = false, any = false, unhashable = false;
        for (size_t k = i; k < NSLOTDEFS; k++) {
            if (slotdefs[k].offset != offset) {
                continue;
            }
            done[k] = true;
            PylObject *f = pyl_type_lookup(t, type, t->vm->names[slotdefs[k].name_id]);
            if (f == NULL) {
                continue;
            }
            any = true;
            if (f == PYL_NONE && offset == offsetof(PylType, hash)) {
                unhashable = true;
            } else if (PYL_IS_KIND(f, WRAPPER_DESCR) &&
                       ((PylWrapperDescr *)f)->wrap == slotdefs[k].wrap) {
                void *fn = ((PylWrapperDescr *)f)->slot;
                if (builtin != NULL && builtin != fn) {
                    generic = true;
                }
                builtin = fn;
            } else {
                generic = true;
            }
        }
        void **slot = (void **)((char *)type + offset);
        if (unhashable && !generic) {
            *slot = (void *)pyl_hash_unhashable;
        } else if (generic) {
            *slot = slotdefs[i].generic;
        } else if (any) {
            *slot = builtin;
        } else if (type->base != NULL) {
            /* no dunder anywhere: the base's slot (a builtin's slot always has one) */
            *slot = slot_at(type->base, offset);
        }
    }
    if (type->nb[PYL_NB_POW] == slot_pow) {
        type->pow3 = slot_pow3;
    } else if (type->base != NULL) {
        type->pow3 = type->base->pow3;
    }
    /* __new__: a Python-level __new__ (a staticmethod in some class dict) */
    PylObject *nf = pyl_type_lookup(t, type, PYL_NAME(t, __new__));
    if (nf != NULL && !PYL_IS_KIND(nf, CFUNCTION)) {
        type->new_ = pyl_slot_new;
    }
    if (type->flags & PYL_TF_HEAPTYPE) {
        PylHeapType *ht = (PylHeapType *)type;
        for (intptr_t i = 0; i < ht->nsubs; i++) {
            pyl_slots_fixup(t, ht->subs[i]);
        }
    }
}
