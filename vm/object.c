/* object.c — allocation of heap objects, and the types at the root of everything:
 * `object`, NoneType, NotImplementedType and ellipsis. */
#include <stdio.h>

#include "vm/core.h"

PylObject *pyl_obj_alloc(PylThread *t, PylType *type, intptr_t size)
{
    PylObject *o;
    if (type->flags & PYL_TF_GC) {
        PylGCHead *g = pyl_mem_alloc(t, sizeof(PylGCHead) + (size_t)size);
        if (g == NULL) {
            return NULL;
        }
        PylGCHead *list = &t->vm->gc_list;
        g->next = list;
        g->prev = list->prev;
        list->prev->next = g;
        list->prev = g;
        g->refs = 0;
        t->vm->gc_count++;
        o = PYL_GC_OBJ(g);
    } else {
        o = pyl_mem_alloc(t, (size_t)size);
        if (o == NULL) {
            return NULL;
        }
    }
    memset(o, 0, (size_t)size);
    o->refcnt = 1;
    o->type = type;
    if (type->flags & PYL_TF_HEAPTYPE) {
        pyl_incref((PylObject *)type);
    }
    return o;
}

void pyl_obj_free(PylThread *t, PylObject *o)
{
    PylType *type = o->type;
    if (type->flags & PYL_TF_GC) {
        PylGCHead *g = PYL_GC_HEAD(o);
        g->prev->next = g->next;
        g->next->prev = g->prev;
        t->vm->gc_count--;
        pyl_mem_free(t, g);
    } else {
        pyl_mem_free(t, o);
    }
    if (type->flags & PYL_TF_HEAPTYPE) {
        pyl_decref(t, (PylObject *)type);
    }
}

void pyl_dealloc(PylThread *t, PylObject *o)
{
    if (PYL_UNLIKELY(t->dealloc_depth >= PYL_DEALLOC_DEPTH)) {
        o->refcnt = (intptr_t)t->trash; /* dead: the field can hold the link */
        t->trash = o;
        return;
    }
    t->dealloc_depth++;
    o->type->dealloc(t, o);
    t->dealloc_depth--;
    if (PYL_UNLIKELY(t->trash != NULL) && t->dealloc_depth == 0) {
        while (t->trash != NULL) {
            PylObject *x = t->trash;
            t->trash = (PylObject *)x->refcnt;
            x->refcnt = 0;
            t->dealloc_depth++;
            x->type->dealloc(t, x);
            t->dealloc_depth--;
        }
    }
}

/* ---- object ------------------------------------------------------------ */

static void object_dealloc(PylThread *t, PylObject *self)
{
    PylType *type = self->type;
    if (type->dictoffset != 0) {
        PylObject **dictp = (PylObject **)((char *)self + type->dictoffset);
        PYL_CLEAR(t, *dictp);
    }
    pyl_obj_free(t, self);
}

/* The module name shown in reprs of instances of classes. */
static PylObject *type_module_name(PylThread *t, PylType *type)
{
    if (type->flags & PYL_TF_HEAPTYPE) {
        PylObject *m = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __module__));
        if (m != NULL && PYL_IS_STR(m)) {
            return m;
        }
    }
    return NULL;
}

static PylObject *object_repr(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    PylObject *mod = type_module_name(t, type);
    PylObject *qual = type->qualname ? type->qualname : type->name_obj;
    if (mod != NULL && !pyl_str_equal_cstr(mod, "builtins")) {
        return pyl_str_format_c(t, "<%U.%U object at %p>", mod, qual, (void *)self);
    }
    return pyl_str_format_c(t, "<%U object at %p>", qual, (void *)self);
}

static PylObject *object_str(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    if (type->repr == NULL) {
        return object_repr(t, self);
    }
    return type->repr(t, self);
}

PylHash pyl_hash_pointer(const void *p)
{
    /* Rotate by 4 so the alignment zeros do not all land in the low bits. */
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    PylHash h = (PylHash)y;
    return h == -1 ? -2 : h;
}

static PylHash object_hash(PylThread *t, PylObject *self)
{
    return pyl_hash_pointer(self);
}

static PylObject *object_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    switch (op) {
    case PYL_EQ:
        return a == b ? PYL_TRUE : PYL_NOTIMPLEMENTED;
    case PYL_NE: {
        /* By default, != is the inverse of ==, unless == is not implemented. */
        PylType *ta = PYL_TYPEOF(t, a);
        if (ta->richcompare == NULL) {
            return PYL_NOTIMPLEMENTED;
        }
        PylObject *r = ta->richcompare(t, a, b, PYL_EQ);
        if (r == NULL || r == PYL_NOTIMPLEMENTED) {
            return r;
        }
        int v = pyl_is_true(t, r);
        pyl_decref(t, r);
        if (v < 0) {
            return NULL;
        }
        return PYL_BOOL(!v);
    }
    default:
        return PYL_NOTIMPLEMENTED;
    }
}

static bool excess_args(intptr_t nargs, PylObject *kwnames)
{
    return nargs > 0 || (kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0);
}

static int object_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                       PylObject *kwnames);

static PylObject *object_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        PylType *obj = PYL_TYPE(t, OBJECT);
        if (type->new_ != obj->new_) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->init == obj->init) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%N() takes no arguments", (PylObject *)type);
            return NULL;
        }
    }
    if (type->flags & PYL_TF_ABSTRACT) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "Can't instantiate abstract class %N", (PylObject *)type);
    }
    return pyl_obj_alloc(t, type, type->basicsize);
}

static int object_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                       PylObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        PylType *type = PYL_TYPEOF(t, self);
        PylType *obj = PYL_TYPE(t, OBJECT);
        if (type->init != obj->init) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "object.__init__() takes exactly one argument (the instance to "
                           "initialize)");
            return -1;
        }
        if (type->new_ == obj->new_) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%N.__init__() takes exactly one argument (the instance to "
                           "initialize)",
                           (PylObject *)type);
            return -1;
        }
    }
    return 0;
}

static PylObject *object_format(PylThread *t, PylObject *self, PylObject *spec)
{
    if (!PYL_IS_STR(spec)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "__format__() argument must be str, not %T", spec);
    }
    if (PYL_STR_NBYTES(spec) > 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "unsupported format string passed to %T.__format__", self);
    }
    return pyl_str(t, self);
}

static PylObject *object_get_class(PylThread *t, PylObject *self)
{
    return pyl_incref((PylObject *)PYL_TYPEOF(t, self));
}

static PylObject *object_init_subclass(PylThread *t, PylObject *cls, PylObject *const *args,
                                       intptr_t nargs, PylObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "%N.__init_subclass__() takes no keyword arguments",
                              cls);
    }
    return PYL_NONE;
}

static PylObject *object_sizeof(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    return pyl_int_from_ssize(t, type->basicsize);
}

PYL_INTERNAL PylObject *pyl_object_dir(PylThread *t, PylObject *self);

static const PylMethodDef object_methods[] = {
    PYL_METHOD_O("__format__", object_format),
    {"__init_subclass__", {.kw = object_init_subclass}, PYL_METH_KW | PYL_METH_CLASS, NULL},
    PYL_METHOD_NOARGS("__sizeof__", object_sizeof),
    PYL_METHOD_NOARGS("__dir__", pyl_object_dir),
    PYL_METHOD_END,
};

static const PylGetSetDef object_getset[] = {
    {"__class__", object_get_class, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_object_type = {
    .name = "object",
    .kind = PYL_K_OBJECT,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = pyl_generic_getattr,
    .setattr = pyl_generic_setattr,
    .new_ = object_new,
    .init = object_init,
    .methods = object_methods,
    .getset = object_getset,
    .doc = "The base class of the class hierarchy.",
};

/* ---- the immediate singletons ------------------------------------------ */

static void immortal_dealloc(PylThread *t, PylObject *o)
{
    /* Immediates are never heap objects; nothing reaches here. */
}

static PylObject *none_repr(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "None");
}

static int none_bool(PylThread *t, PylObject *self)
{
    return 0;
}

static PylObject *singleton_new(PylThread *t, PylType *type, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%N takes no arguments",
                              (PylObject *)type);
    }
    switch (type->kind) {
    case PYL_K_NONETYPE:
        return PYL_NONE;
    case PYL_K_NOTIMPLTYPE:
        return PYL_NOTIMPLEMENTED;
    default:
        return PYL_ELLIPSIS;
    }
}

const PylType pyl_none_type = {
    .name = "NoneType",
    .kind = PYL_K_NONETYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = immortal_dealloc,
    .repr = none_repr,
    .bool_ = none_bool,
    .new_ = singleton_new,
};

static PylObject *notimpl_repr(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "NotImplemented");
}

const PylType pyl_notimpl_type = {
    .name = "NotImplementedType",
    .kind = PYL_K_NOTIMPLTYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = immortal_dealloc,
    .repr = notimpl_repr,
    .new_ = singleton_new,
};

static PylObject *ellipsis_repr(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "Ellipsis");
}

const PylType pyl_ellipsis_type = {
    .name = "ellipsis",
    .kind = PYL_K_ELLIPSISTYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = immortal_dealloc,
    .repr = ellipsis_repr,
    .new_ = singleton_new,
};
