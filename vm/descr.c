/* descr.c — descriptors: how C methods, C fields and slots appear in type dicts
 * (method_descriptor, classmethod_descriptor, getset_descriptor,
 * member_descriptor, wrapper_descriptor, method-wrapper), and the descriptor
 * types Python code uses (property, staticmethod, classmethod), plus the read-only
 * mappingproxy that type.__dict__ returns. */
#include <stdio.h>

#include "vm/core.h"

/* ---- calling a PylMethodDef ---------------------------------------------- */

/* "str.partition()" for methods, "len()" for module functions: the name CPython
 * puts in argument errors. */
static PylObject *method_label(PylThread *t, const PylMethodDef *def, PylObject *self)
{
    if (self == NULL || PYL_IS_KIND(self, MODULE)) {
        return pyl_str_format_c(t, "%s()", def->name);
    }
    PylType *type = PYL_IS_TYPE(self) && (def->flags & (PYL_METH_CLASS | PYL_METH_STATIC))
                        ? (PylType *)self
                        : PYL_TYPEOF(t, self);
    return pyl_str_format_c(t, "%s.%s()", pyl_type_get_name(type), def->name);
}

static PylObject *arity_error(PylThread *t, const PylMethodDef *def, PylObject *self,
                              intptr_t nargs)
{
    PylObject *label = method_label(t, def, self);
    if (label == NULL) {
        return NULL;
    }
    if (def->flags & PYL_METH_NOARGS) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%U takes no arguments (%zd given)", label,
                       (ssize_t)nargs);
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%U takes exactly one argument (%zd given)", label,
                       (ssize_t)nargs);
    }
    pyl_decref(t, label);
    return NULL;
}

PylObject *pyl_methoddef_call(PylThread *t, const PylMethodDef *def, PylObject *self,
                              PylObject *const *args, intptr_t nargs, PylObject *kwnames)
{
    int how = def->flags & (PYL_METH_NOARGS | PYL_METH_O | PYL_METH_FAST | PYL_METH_KW);
    if (how != PYL_METH_KW && kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0) {
        PylObject *label = method_label(t, def, self);
        if (label != NULL) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%U takes no keyword arguments", label);
            pyl_decref(t, label);
        }
        return NULL;
    }
    PylObject *r;
    if (pyl_enter_call(t, " while calling a Python object") < 0) {
        return NULL;
    }
    switch (how) {
    case PYL_METH_NOARGS:
        r = nargs != 0 ? arity_error(t, def, self, nargs) : def->fn.noargs(t, self);
        break;
    case PYL_METH_O:
        r = nargs != 1 ? arity_error(t, def, self, nargs) : def->fn.o(t, self, args[0]);
        break;
    case PYL_METH_FAST:
        r = def->fn.fast(t, self, args, nargs);
        break;
    default:
        r = def->fn.kw(t, self, args, nargs, kwnames);
        break;
    }
    pyl_leave_call(t);
    return r;
}

/* "descriptor 'append' for 'list' objects doesn't apply to a 'int' object" */
static int check_self(PylThread *t, PylObject *name, PylType *objtype, PylObject *obj)
{
    if (!pyl_type_is_subtype(PYL_TYPEOF(t, obj), objtype)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "descriptor '%U' for '%s' objects doesn't apply to a '%T' object", name,
                       pyl_type_get_name(objtype), obj);
        return -1;
    }
    return 0;
}

/* ---- method_descriptor ----------------------------------------------------- */

static PylObject *new_descr(PylThread *t, int kind, intptr_t size, PylType *type, const char *name)
{
    PylObject *nm = pyl_str_intern_cstr(t, name);
    if (nm == NULL) {
        return NULL;
    }
    PylMethodDescr *d = (PylMethodDescr *)pyl_obj_alloc(t, t->vm->types[kind], size);
    if (d == NULL) {
        pyl_decref(t, nm);
        return NULL;
    }
    /* Every descriptor struct starts with ob, a def pointer, objtype, name. */
    d->objtype = type;
    d->name = nm;
    return (PylObject *)d;
}

PylObject *pyl_descr_new_method(PylThread *t, PylType *type, const PylMethodDef *def)
{
    int kind = (def->flags & PYL_METH_CLASS) ? PYL_K_CLASSMETHOD_DESCR : PYL_K_METHOD_DESCR;
    PylMethodDescr *d =
        (PylMethodDescr *)new_descr(t, kind, sizeof(PylMethodDescr), type, def->name);
    if (d != NULL) {
        d->def = def;
    }
    return (PylObject *)d;
}

static void descr_dealloc(PylThread *t, PylObject *self)
{
    pyl_decref(t, ((PylMethodDescr *)self)->name);
    pyl_obj_free(t, self);
}

static PylObject *method_descr_call(PylThread *t, PylObject *self, PylObject *const *args,
                                    intptr_t nargs, PylObject *kwnames)
{
    PylMethodDescr *d = (PylMethodDescr *)self;
    if (nargs < 1) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "unbound method %s.%U() needs an argument",
                              pyl_type_get_name(d->objtype), d->name);
    }
    if (check_self(t, d->name, d->objtype, args[0]) < 0) {
        return NULL;
    }
    return pyl_methoddef_call(t, d->def, args[0], args + 1, nargs - 1, kwnames);
}

static PylObject *method_descr_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylMethodDescr *d = (PylMethodDescr *)self;
    if (obj == NULL) {
        return pyl_incref(self);
    }
    if (check_self(t, d->name, d->objtype, obj) < 0) {
        return NULL;
    }
    return pyl_cfunction_new(t, d->def, obj, NULL);
}

static PylObject *method_descr_repr(PylThread *t, PylObject *self)
{
    PylMethodDescr *d = (PylMethodDescr *)self;
    return pyl_str_format_c(t, "<method '%U' of '%s' objects>", d->name,
                            pyl_type_get_name(d->objtype));
}

static PylObject *descr_get_name(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylMethodDescr *)self)->name);
}

static PylObject *descr_get_qualname(PylThread *t, PylObject *self)
{
    PylMethodDescr *d = (PylMethodDescr *)self;
    return pyl_str_format_c(t, "%U.%U", d->objtype->qualname, d->name);
}

static PylObject *descr_get_objclass(PylThread *t, PylObject *self)
{
    return pyl_incref((PylObject *)((PylMethodDescr *)self)->objtype);
}

static PylObject *method_descr_get_doc(PylThread *t, PylObject *self)
{
    const PylMethodDef *def = ((PylMethodDescr *)self)->def;
    return def->doc ? pyl_str_from_cstr(t, def->doc) : PYL_NONE;
}

static const PylGetSetDef method_descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {"__doc__", method_descr_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_method_descr_type = {
    .name = "method_descriptor",
    .kind = PYL_K_METHOD_DESCR,
    .basicsize = sizeof(PylMethodDescr),
    .dealloc = descr_dealloc,
    .repr = method_descr_repr,
    .call = method_descr_call,
    .descr_get = method_descr_get,
    .getset = method_descr_getset,
};

/* ---- classmethod_descriptor (dict.fromkeys) ------------------------------ */

static PylObject *classmethod_descr_get(PylThread *t, PylObject *self, PylObject *obj,
                                        PylObject *type)
{
    PylMethodDescr *d = (PylMethodDescr *)self;
    if (type == NULL) {
        type = (PylObject *)PYL_TYPEOF(t, obj);
    }
    if (!PYL_IS_TYPE(type) || !pyl_type_is_subtype((PylType *)type, d->objtype)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "descriptor '%U' for type '%s' needs a subtype of '%s'", d->name,
                              pyl_type_get_name(d->objtype), pyl_type_get_name(d->objtype));
    }
    return pyl_cfunction_new(t, d->def, type, NULL);
}

static PylObject *classmethod_descr_call(PylThread *t, PylObject *self, PylObject *const *args,
                                         intptr_t nargs, PylObject *kwnames)
{
    PylMethodDescr *d = (PylMethodDescr *)self;
    if (nargs < 1 || !PYL_IS_TYPE(args[0]) ||
        !pyl_type_is_subtype((PylType *)args[0], d->objtype)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "descriptor '%U' of '%s' object needs a type", d->name,
                              pyl_type_get_name(d->objtype));
    }
    return pyl_methoddef_call(t, d->def, args[0], args + 1, nargs - 1, kwnames);
}

static PylObject *classmethod_descr_repr(PylThread *t, PylObject *self)
{
    PylMethodDescr *d = (PylMethodDescr *)self;
    return pyl_str_format_c(t, "<method '%U' of '%s' objects>", d->name,
                            pyl_type_get_name(d->objtype));
}

const PylType pyl_classmethod_descr_type = {
    .name = "classmethod_descriptor",
    .kind = PYL_K_CLASSMETHOD_DESCR,
    .basicsize = sizeof(PylMethodDescr),
    .dealloc = descr_dealloc,
    .repr = classmethod_descr_repr,
    .call = classmethod_descr_call,
    .descr_get = classmethod_descr_get,
    .getset = method_descr_getset,
};

/* ---- getset_descriptor ------------------------------------------------------ */

PylObject *pyl_descr_new_getset(PylThread *t, PylType *type, const PylGetSetDef *def)
{
    PylGetSetDescr *d =
        (PylGetSetDescr *)new_descr(t, PYL_K_GETSET_DESCR, sizeof(PylGetSetDescr), type, def->name);
    if (d != NULL) {
        d->def = def;
    }
    return (PylObject *)d;
}

static PylObject *getset_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylGetSetDescr *d = (PylGetSetDescr *)self;
    if (obj == NULL) {
        return pyl_incref(self);
    }
    if (check_self(t, d->name, d->objtype, obj) < 0) {
        return NULL;
    }
    return d->def->get(t, obj);
}

static int getset_set(PylThread *t, PylObject *self, PylObject *obj, PylObject *value)
{
    PylGetSetDescr *d = (PylGetSetDescr *)self;
    if (check_self(t, d->name, d->objtype, obj) < 0) {
        return -1;
    }
    if (d->def->set == NULL) {
        pyl_err_format(t, PYL_EXC(t, AttributeError),
                       "attribute '%U' of '%s' objects is not writable", d->name,
                       pyl_type_get_name(d->objtype));
        return -1;
    }
    return d->def->set(t, obj, value);
}

static PylObject *attr_descr_repr(PylThread *t, PylObject *self)
{
    PylGetSetDescr *d = (PylGetSetDescr *)self;
    return pyl_str_format_c(t, "<attribute '%U' of '%s' objects>", d->name,
                            pyl_type_get_name(d->objtype));
}

static const PylGetSetDef attr_descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_getset_descr_type = {
    .name = "getset_descriptor",
    .kind = PYL_K_GETSET_DESCR,
    .basicsize = sizeof(PylGetSetDescr),
    .dealloc = descr_dealloc,
    .repr = attr_descr_repr,
    .descr_get = getset_get,
    .descr_set = getset_set,
    .getset = attr_descr_getset,
};

/* ---- member_descriptor --------------------------------------------------------- */

PylObject *pyl_descr_new_member(PylThread *t, PylType *type, const PylMemberDef *def)
{
    PylMemberDescr *d =
        (PylMemberDescr *)new_descr(t, PYL_K_MEMBER_DESCR, sizeof(PylMemberDescr), type, def->name);
    if (d != NULL) {
        d->def = def;
    }
    return (PylObject *)d;
}

static PylObject *member_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylMemberDescr *d = (PylMemberDescr *)self;
    if (obj == NULL) {
        return pyl_incref(self);
    }
    if (check_self(t, d->name, d->objtype, obj) < 0) {
        return NULL;
    }
    char *addr = pyl_object_field(obj, d->def->offset);
    switch (d->def->type) {
    case PYL_MEMBER_OBJECT: {
        PylObject *v = *(PylObject **)addr;
        return v ? pyl_incref(v) : PYL_NONE;
    }
    case PYL_MEMBER_OBJECT_EX: {
        PylObject *v = *(PylObject **)addr;
        if (v == NULL) {
            return pyl_err_format(t, PYL_EXC(t, AttributeError),
                                  "'%s' object has no attribute '%U'",
                                  pyl_type_get_name(d->objtype), d->name);
        }
        return pyl_incref(v);
    }
    case PYL_MEMBER_INTPTR:
        return pyl_int_from_ssize(t, *(intptr_t *)addr);
    case PYL_MEMBER_INT:
        return pyl_int_from_ssize(t, *(int *)addr);
    case PYL_MEMBER_DOUBLE:
        return pyl_float_new(t, *(double *)addr);
    default:
        return PYL_BOOL(*(bool *)addr);
    }
}

static int member_set(PylThread *t, PylObject *self, PylObject *obj, PylObject *value)
{
    PylMemberDescr *d = (PylMemberDescr *)self;
    if (check_self(t, d->name, d->objtype, obj) < 0) {
        return -1;
    }
    if (d->def->readonly || d->def->type == PYL_MEMBER_DOUBLE) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "readonly attribute");
        return -1;
    }
    char *addr = pyl_object_field(obj, d->def->offset);
    switch (d->def->type) {
    case PYL_MEMBER_OBJECT:
    case PYL_MEMBER_OBJECT_EX: {
        PylObject **slot = (PylObject **)addr;
        if (value == NULL && *slot == NULL && d->def->type == PYL_MEMBER_OBJECT_EX) {
            pyl_err_set(t, PYL_EXC(t, AttributeError), d->name);
            return -1;
        }
        pyl_setref(t, slot, pyl_xincref(value));
        return 0;
    }
    default: {
        if (value == NULL) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "can't delete numeric/char attribute");
            return -1;
        }
        if (d->def->type == PYL_MEMBER_BOOL) {
            if (!PYL_IS_BOOL(value)) {
                pyl_err_format(t, PYL_EXC(t, TypeError), "attribute value type must be bool");
                return -1;
            }
            *(bool *)addr = value == PYL_TRUE;
            return 0;
        }
        intptr_t v;
        if (pyl_index_as_ssize(t, value, &v) < 0) {
            return -1;
        }
        if (d->def->type == PYL_MEMBER_INT) {
            *(int *)addr = (int)v;
        } else {
            *(intptr_t *)addr = v;
        }
        return 0;
    }
    }
}

static PylObject *member_repr(PylThread *t, PylObject *self)
{
    PylMemberDescr *d = (PylMemberDescr *)self;
    return pyl_str_format_c(t, "<member '%U' of '%s' objects>", d->name,
                            pyl_type_get_name(d->objtype));
}

const PylType pyl_member_descr_type = {
    .name = "member_descriptor",
    .kind = PYL_K_MEMBER_DESCR,
    .basicsize = sizeof(PylMemberDescr),
    .dealloc = descr_dealloc,
    .repr = member_repr,
    .descr_get = member_get,
    .descr_set = member_set,
    .getset = attr_descr_getset,
};

/* ---- wrapper_descriptor and method-wrapper ---------------------------------- */

PylObject *pyl_descr_new_wrapper(PylThread *t, PylType *type, PylObject *name, PylWrapperFn wrap,
                                 void *slot)
{
    PylWrapperDescr *d =
        (PylWrapperDescr *)pyl_obj_alloc(t, PYL_TYPE(t, WRAPPER_DESCR), sizeof(PylWrapperDescr));
    if (d == NULL) {
        return NULL;
    }
    d->name = pyl_incref(name);
    d->objtype = type;
    d->wrap = wrap;
    d->slot = slot;
    return (PylObject *)d;
}

static void wrapper_descr_dealloc(PylThread *t, PylObject *self)
{
    pyl_decref(t, ((PylWrapperDescr *)self)->name);
    pyl_obj_free(t, self);
}

static PylObject *wrapper_descr_call(PylThread *t, PylObject *self, PylObject *const *args,
                                     intptr_t nargs, PylObject *kwnames)
{
    PylWrapperDescr *d = (PylWrapperDescr *)self;
    if (nargs < 1) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "descriptor '%U' of '%s' object needs an argument", d->name,
                              pyl_type_get_name(d->objtype));
    }
    if (!pyl_type_is_subtype(PYL_TYPEOF(t, args[0]), d->objtype)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "descriptor '%U' requires a '%s' object but received a '%T'", d->name,
                              pyl_type_get_name(d->objtype), args[0]);
    }
    return d->wrap(t, args[0], args + 1, nargs - 1, kwnames, d->slot);
}

static PylObject *wrapper_descr_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylWrapperDescr *d = (PylWrapperDescr *)self;
    if (obj == NULL) {
        return pyl_incref(self);
    }
    if (check_self(t, d->name, d->objtype, obj) < 0) {
        return NULL;
    }
    PylMethodWrapper *w =
        (PylMethodWrapper *)pyl_obj_alloc(t, PYL_TYPE(t, METHOD_WRAPPER), sizeof(PylMethodWrapper));
    if (w == NULL) {
        return NULL;
    }
    w->descr = pyl_incref(self);
    w->self = pyl_incref(obj);
    return (PylObject *)w;
}

static PylObject *wrapper_descr_repr(PylThread *t, PylObject *self)
{
    PylWrapperDescr *d = (PylWrapperDescr *)self;
    return pyl_str_format_c(t, "<slot wrapper '%U' of '%s' objects>", d->name,
                            pyl_type_get_name(d->objtype));
}

static PylObject *wrapper_get_name(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylWrapperDescr *)self)->name);
}

static PylObject *wrapper_get_objclass(PylThread *t, PylObject *self)
{
    return pyl_incref((PylObject *)((PylWrapperDescr *)self)->objtype);
}

static const PylGetSetDef wrapper_descr_getset[] = {
    {"__name__", wrapper_get_name, NULL, NULL},
    {"__objclass__", wrapper_get_objclass, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_wrapper_descr_type = {
    .name = "wrapper_descriptor",
    .kind = PYL_K_WRAPPER_DESCR,
    .basicsize = sizeof(PylWrapperDescr),
    .dealloc = wrapper_descr_dealloc,
    .repr = wrapper_descr_repr,
    .call = wrapper_descr_call,
    .descr_get = wrapper_descr_get,
    .getset = wrapper_descr_getset,
};

static void method_wrapper_dealloc(PylThread *t, PylObject *self)
{
    PylMethodWrapper *w = (PylMethodWrapper *)self;
    pyl_decref(t, w->descr);
    pyl_decref(t, w->self);
    pyl_obj_free(t, self);
}

static PylObject *method_wrapper_call(PylThread *t, PylObject *self, PylObject *const *args,
                                      intptr_t nargs, PylObject *kwnames)
{
    PylMethodWrapper *w = (PylMethodWrapper *)self;
    PylWrapperDescr *d = (PylWrapperDescr *)w->descr;
    return d->wrap(t, w->self, args, nargs, kwnames, d->slot);
}

static PylObject *method_wrapper_repr(PylThread *t, PylObject *self)
{
    PylMethodWrapper *w = (PylMethodWrapper *)self;
    PylWrapperDescr *d = (PylWrapperDescr *)w->descr;
    return pyl_str_format_c(t, "<method-wrapper '%U' of %T object at %p>", d->name, w->self,
                            (void *)w->self);
}

static PylObject *method_wrapper_get_self(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylMethodWrapper *)self)->self);
}

static PylObject *method_wrapper_get_name(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylWrapperDescr *)((PylMethodWrapper *)self)->descr)->name);
}

static PylObject *method_wrapper_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if ((op != PYL_EQ && op != PYL_NE) || !PYL_IS_KIND(b, METHOD_WRAPPER)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylMethodWrapper *wa = (PylMethodWrapper *)a, *wb = (PylMethodWrapper *)b;
    bool eq = wa->descr == wb->descr && wa->self == wb->self;
    return PYL_BOOL(op == PYL_EQ ? eq : !eq);
}

static PylHash method_wrapper_hash(PylThread *t, PylObject *self)
{
    PylMethodWrapper *w = (PylMethodWrapper *)self;
    PylHash h = pyl_hash_pointer(w->self) ^ pyl_hash_pointer(w->descr);
    return h == -1 ? -2 : h;
}

static const PylGetSetDef method_wrapper_getset[] = {
    {"__self__", method_wrapper_get_self, NULL, NULL},
    {"__name__", method_wrapper_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_method_wrapper_type = {
    .name = "method-wrapper",
    .kind = PYL_K_METHOD_WRAPPER,
    .basicsize = sizeof(PylMethodWrapper),
    .dealloc = method_wrapper_dealloc,
    .repr = method_wrapper_repr,
    .hash = method_wrapper_hash,
    .richcompare = method_wrapper_richcompare,
    .call = method_wrapper_call,
    .getset = method_wrapper_getset,
};

/* ---- property ---------------------------------------------------------------- */

/* "property 'x' of 'C' object has no setter" */
static PylObject *property_error(PylThread *t, PylProperty *p, PylObject *obj, const char *what)
{
    PylObject *qual = PYL_TYPEOF(t, obj)->qualname;
    if (p->name != NULL) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "property %R of %R object has no %s", p->name,
                       qual, what);
    } else {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "property of %R object has no %s", qual,
                       what);
    }
    return NULL;
}

/* Fill a fresh property (of `type`, possibly a subclass). 0 or -1. */
static int property_fill(PylThread *t, PylProperty *p, PylObject *fget, PylObject *fset,
                         PylObject *fdel, PylObject *doc)
{
    PYL_CLEAR(t, p->fget);
    PYL_CLEAR(t, p->fset);
    PYL_CLEAR(t, p->fdel);
    PYL_CLEAR(t, p->doc);
    p->fget = fget && fget != PYL_NONE ? pyl_incref(fget) : NULL;
    p->fset = fset && fset != PYL_NONE ? pyl_incref(fset) : NULL;
    p->fdel = fdel && fdel != PYL_NONE ? pyl_incref(fdel) : NULL;
    p->getter_doc = false;
    if (doc != NULL && doc != PYL_NONE) {
        p->doc = pyl_incref(doc);
    } else if (p->fget != NULL) {
        p->doc = pyl_getattr_opt(t, p->fget, PYL_NAME(t, __doc__));
        if (p->doc == NULL && pyl_err_occurred(t)) {
            return -1;
        }
        p->getter_doc = p->doc != NULL;
    }
    /* A subclass of property keeps the doc in its instance dict (it may define
     * __doc__ as a class attribute). */
    PylObject **dictp = pyl_object_dict_ptr((PylObject *)p);
    if (PYL_TYPEOF(t, (PylObject *)p) != PYL_TYPE(t, PROPERTY) && dictp != NULL) {
        if (*dictp == NULL && (*dictp = pyl_dict_new(t)) == NULL) {
            return -1;
        }
        if (pyl_dict_set(t, *dictp, PYL_NAME(t, __doc__), p->doc ? p->doc : PYL_NONE) < 0) {
            return -1;
        }
    }
    return 0;
}

PylObject *pyl_property_new(PylThread *t, PylObject *fget, PylObject *fset, PylObject *fdel,
                            PylObject *doc)
{
    PylProperty *p = (PylProperty *)pyl_obj_alloc(t, PYL_TYPE(t, PROPERTY), sizeof(PylProperty));
    if (p != NULL && property_fill(t, p, fget, fset, fdel, doc) < 0) {
        PYL_CLEAR(t, p);
    }
    return (PylObject *)p;
}

static PylObject *property_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                               PylObject *kwnames)
{
    return pyl_obj_alloc(t, type, type->basicsize);
}

static int property_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    static const PylArgSpec spec = {"property", names, 0, 4};
    PylObject *a[4];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return -1;
    }
    return property_fill(t, (PylProperty *)self, a[0], a[1], a[2], a[3]);
}

static void property_clear(PylThread *t, PylObject *self)
{
    PylProperty *p = (PylProperty *)self;
    PYL_CLEAR(t, p->fget);
    PYL_CLEAR(t, p->fset);
    PYL_CLEAR(t, p->fdel);
    PYL_CLEAR(t, p->doc);
    PYL_CLEAR(t, p->name);
}

static void property_dealloc(PylThread *t, PylObject *self)
{
    property_clear(t, self);
    pyl_obj_free(t, self);
}

static int property_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylProperty *p = (PylProperty *)self;
    PylObject *fields[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (int i = 0; i < 5; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *property_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylProperty *p = (PylProperty *)self;
    if (obj == NULL || obj == PYL_NONE) {
        return pyl_incref(self);
    }
    if (p->fget == NULL) {
        return property_error(t, p, obj, "getter");
    }
    return pyl_call1(t, p->fget, obj);
}

static int property_set(PylThread *t, PylObject *self, PylObject *obj, PylObject *value)
{
    PylProperty *p = (PylProperty *)self;
    PylObject *r;
    if (value == NULL) {
        if (p->fdel == NULL) {
            property_error(t, p, obj, "deleter");
            return -1;
        }
        r = pyl_call1(t, p->fdel, obj);
    } else {
        if (p->fset == NULL) {
            property_error(t, p, obj, "setter");
            return -1;
        }
        r = pyl_call2(t, p->fset, obj, value);
    }
    if (r == NULL) {
        return -1;
    }
    pyl_decref(t, r);
    return 0;
}

/* getter/setter/deleter return a copy (of the same type) with one accessor
 * replaced. */
static PylObject *property_copy(PylThread *t, PylObject *self, int which, PylObject *f)
{
    PylProperty *p = (PylProperty *)self;
    PylObject *fs[3] = {p->fget, p->fset, p->fdel};
    fs[which] = f;
    /* a doc that came from the old getter is taken from the new one instead */
    PylObject *doc = p->getter_doc && fs[0] != NULL ? NULL : p->doc;
    PylType *type = PYL_TYPEOF(t, self);
    PylObject *args[4] = {fs[0] ? fs[0] : PYL_NONE, fs[1] ? fs[1] : PYL_NONE,
                          fs[2] ? fs[2] : PYL_NONE, doc ? doc : PYL_NONE};
    PylObject *r = pyl_call(t, (PylObject *)type, args, 4, NULL);
    if (r != NULL && PYL_IS_PTR(r) && pyl_type_is_subtype(r->type, PYL_TYPE(t, PROPERTY))) {
        pyl_setref(t, &((PylProperty *)r)->name, pyl_xincref(p->name));
    }
    return r;
}

static PylObject *property_getter(PylThread *t, PylObject *self, PylObject *f)
{
    return property_copy(t, self, 0, f);
}

static PylObject *property_setter(PylThread *t, PylObject *self, PylObject *f)
{
    return property_copy(t, self, 1, f);
}

static PylObject *property_deleter(PylThread *t, PylObject *self, PylObject *f)
{
    return property_copy(t, self, 2, f);
}

static PylObject *property_set_name(PylThread *t, PylObject *self, PylObject *const *args,
                                    intptr_t nargs)
{
    if (nargs != 2) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "__set_name__() takes 2 positional arguments but %zd were given",
                              (ssize_t)nargs);
    }
    pyl_setref(t, &((PylProperty *)self)->name, pyl_incref(args[1]));
    return PYL_NONE;
}

static PylObject *property_get_isabstract(PylThread *t, PylObject *self)
{
    PylProperty *p = (PylProperty *)self;
    PylObject *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (fs[i] == NULL) {
            continue;
        }
        PylObject *v = pyl_getattr_cstr(t, fs[i], "__isabstractmethod__");
        if (v == NULL) {
            if (!pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
                return NULL;
            }
            pyl_err_clear(t);
            continue;
        }
        int b = pyl_is_true(t, v);
        pyl_decref(t, v);
        if (b != 0) {
            return b < 0 ? NULL : PYL_TRUE;
        }
    }
    return PYL_FALSE;
}

static const PylMethodDef property_methods[] = {
    PYL_METHOD_O("getter", property_getter),
    PYL_METHOD_O("setter", property_setter),
    PYL_METHOD_O("deleter", property_deleter),
    PYL_METHOD_FAST("__set_name__", property_set_name),
    PYL_METHOD_END,
};

static const PylMemberDef property_members[] = {
    {"fget", PYL_MEMBER_OBJECT, offsetof(PylProperty, fget), true, NULL},
    {"fset", PYL_MEMBER_OBJECT, offsetof(PylProperty, fset), true, NULL},
    {"fdel", PYL_MEMBER_OBJECT, offsetof(PylProperty, fdel), true, NULL},
    {"__doc__", PYL_MEMBER_OBJECT, offsetof(PylProperty, doc), false, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_property_type = {
    .name = "property",
    .kind = PYL_K_PROPERTY,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylProperty),
    .dealloc = property_dealloc,
    .traverse = property_traverse,
    .clear = property_clear,
    .descr_get = property_get,
    .descr_set = property_set,
    .new_ = property_new,
    .init = property_init,
    .methods = property_methods,
    .members = property_members,
    .getset = property_getset,
};

/* ---- staticmethod and classmethod ---------------------------------------------- */

static PylObject *new_wrapping(PylThread *t, PylType *type, PylObject *callable)
{
    PylStaticMethod *s = (PylStaticMethod *)pyl_obj_alloc(t, type, type->basicsize);
    if (s != NULL) {
        s->callable = pyl_incref(callable);
    }
    return (PylObject *)s;
}

PylObject *pyl_staticmethod_new(PylThread *t, PylObject *callable)
{
    return new_wrapping(t, PYL_TYPE(t, STATICMETHOD), callable);
}

PylObject *pyl_classmethod_new(PylThread *t, PylObject *callable)
{
    return new_wrapping(t, PYL_TYPE(t, CLASSMETHOD), callable);
}

/* staticmethod(f) / classmethod(f): the argument checks of both. */
static int wrapping_args(PylThread *t, PylType *type, intptr_t nargs, PylObject *kwnames)
{
    const char *name = type->base_kind == PYL_K_STATICMETHOD ? "staticmethod" : "classmethod";
    if (kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s expected 1 argument, got %zd", name,
                       (ssize_t)nargs);
        return -1;
    }
    return 0;
}

static PylObject *wrapping_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                               PylObject *kwnames)
{
    if (wrapping_args(t, type, nargs, kwnames) < 0) {
        return NULL;
    }
    return new_wrapping(t, type, args[0]);
}

/* Like functools.wraps: the wrapper shows the function's __module__, __name__,
 * __qualname__, __doc__ and __annotations__ (through its own __dict__). */
static int wrapping_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    if (wrapping_args(t, PYL_TYPEOF(t, self), nargs, kwnames) < 0) {
        return -1;
    }
    PylStaticMethod *s = (PylStaticMethod *)self;
    pyl_setref(t, &s->callable, pyl_incref(args[0]));
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        PylObject *name = pyl_str_intern_cstr(t, attrs[i]);
        if (name == NULL) {
            return -1;
        }
        PylObject *v = pyl_getattr_opt(t, args[0], name);
        int r = v != NULL ? pyl_setattr(t, self, name, v) : pyl_err_occurred(t) ? -1 : 0;
        pyl_xdecref(t, v);
        pyl_decref(t, name);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *wrapping_get_dict(PylThread *t, PylObject *self)
{
    PylStaticMethod *s = (PylStaticMethod *)self;
    if (s->dict == NULL && (s->dict = pyl_dict_new(t)) == NULL) {
        return NULL;
    }
    return pyl_incref(s->dict);
}

static int wrapping_set_dict(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == NULL || !PYL_IS_DICT(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__dict__ must be set to a dictionary, not a '%T'",
                       value ? value : PYL_NONE);
        return -1;
    }
    pyl_setref(t, &((PylStaticMethod *)self)->dict, pyl_incref(value));
    return 0;
}

static void wrapping_clear(PylThread *t, PylObject *self)
{
    PylStaticMethod *s = (PylStaticMethod *)self;
    PYL_CLEAR(t, s->callable);
    PYL_CLEAR(t, s->dict);
}

static void wrapping_dealloc(PylThread *t, PylObject *self)
{
    wrapping_clear(t, self);
    pyl_obj_free(t, self);
}

static int wrapping_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylStaticMethod *s = (PylStaticMethod *)self;
    if (s->callable != NULL && visit(s->callable, arg) != 0) {
        return -1;
    }
    return s->dict != NULL ? visit(s->dict, arg) : 0;
}

/* The wrapped callable, or NULL + RuntimeError once the wrapper was cleared. */
static PylObject *wrapped(PylThread *t, PylObject *self)
{
    PylObject *f = ((PylStaticMethod *)self)->callable;
    if (f == NULL) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "uninitialized %T object", self);
    }
    return f;
}

static PylObject *staticmethod_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylObject *f = wrapped(t, self);
    return f ? pyl_incref(f) : NULL;
}

static PylObject *staticmethod_call(PylThread *t, PylObject *self, PylObject *const *args,
                                    intptr_t nargs, PylObject *kwnames)
{
    PylObject *f = wrapped(t, self);
    return f ? pyl_call(t, f, args, nargs, kwnames) : NULL;
}

PYL_INTERNAL PylObject *pyl_method_new(PylThread *t, PylObject *func, PylObject *self);

static PylObject *classmethod_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    if (type == NULL) {
        type = (PylObject *)PYL_TYPEOF(t, obj);
    }
    PylObject *f = wrapped(t, self);
    if (f == NULL) {
        return NULL;
    }
    /* A classmethod wrapping a descriptor binds through it (3.9+). */
    PylDescrGetFn get = PYL_TYPEOF(t, f)->descr_get;
    if (get != NULL && !PYL_IS_KIND(f, FUNCTION) && !PYL_IS_KIND(f, CFUNCTION)) {
        return get(t, f, type, (PylObject *)PYL_TYPEOF(t, type));
    }
    return pyl_method_new(t, f, type);
}

static PylObject *wrapping_repr(PylThread *t, PylObject *self)
{
    PylObject *f = ((PylStaticMethod *)self)->callable;
    return pyl_str_format_c(t, "<%T(%R)>", self, f ? f : PYL_NONE);
}

static PylObject *wrapping_get_isabstract(PylThread *t, PylObject *self)
{
    PylObject *f = ((PylStaticMethod *)self)->callable;
    PylObject *v = f ? pyl_getattr_cstr(t, f, "__isabstractmethod__") : NULL;
    if (v == NULL) {
        pyl_err_clear(t);
        return PYL_FALSE;
    }
    return v;
}

static const PylMemberDef wrapping_members[] = {
    {"__func__", PYL_MEMBER_OBJECT, offsetof(PylStaticMethod, callable), true, NULL},
    {"__wrapped__", PYL_MEMBER_OBJECT, offsetof(PylStaticMethod, callable), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef wrapping_getset[] = {
    {"__isabstractmethod__", wrapping_get_isabstract, NULL, NULL},
    {"__dict__", wrapping_get_dict, wrapping_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_staticmethod_type = {
    .name = "staticmethod",
    .kind = PYL_K_STATICMETHOD,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylStaticMethod),
    .dictoffset = offsetof(PylStaticMethod, dict),
    .dealloc = wrapping_dealloc,
    .traverse = wrapping_traverse,
    .clear = wrapping_clear,
    .repr = wrapping_repr,
    .call = staticmethod_call,
    .descr_get = staticmethod_get,
    .new_ = wrapping_new,
    .init = wrapping_init,
    .members = wrapping_members,
    .getset = wrapping_getset,
};

const PylType pyl_classmethod_type = {
    .name = "classmethod",
    .kind = PYL_K_CLASSMETHOD,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylStaticMethod),
    .dictoffset = offsetof(PylStaticMethod, dict),
    .dealloc = wrapping_dealloc,
    .traverse = wrapping_traverse,
    .clear = wrapping_clear,
    .repr = wrapping_repr,
    .descr_get = classmethod_get,
    .new_ = wrapping_new,
    .init = wrapping_init,
    .members = wrapping_members,
    .getset = wrapping_getset,
};

/* ---- mappingproxy ------------------------------------------------------------------ */

typedef struct PylMappingProxy {
    PylObject ob;
    PylObject *mapping;
} PylMappingProxy;

PylObject *pyl_mappingproxy_new(PylThread *t, PylObject *mapping)
{
    PylMappingProxy *p =
        (PylMappingProxy *)pyl_obj_alloc(t, PYL_TYPE(t, MAPPINGPROXY), sizeof(PylMappingProxy));
    if (p != NULL) {
        p->mapping = pyl_incref(mapping);
    }
    return (PylObject *)p;
}

static PylObject *mappingproxy_new(PylThread *t, PylType *type, PylObject *const *args,
                                   intptr_t nargs, PylObject *kwnames)
{
    if (pyl_check_nargs(t, "mappingproxy", nargs, 1, 1) < 0) {
        return NULL;
    }
    return pyl_mappingproxy_new(t, args[0]);
}

static void mappingproxy_dealloc(PylThread *t, PylObject *self)
{
    pyl_decref(t, ((PylMappingProxy *)self)->mapping);
    pyl_obj_free(t, self);
}

static int mappingproxy_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    return visit(((PylMappingProxy *)self)->mapping, arg);
}

static PylObject *mappingproxy_getitem(PylThread *t, PylObject *self, PylObject *key)
{
    return pyl_getitem(t, ((PylMappingProxy *)self)->mapping, key);
}

static intptr_t mappingproxy_len(PylThread *t, PylObject *self)
{
    return pyl_len(t, ((PylMappingProxy *)self)->mapping);
}

static int mappingproxy_contains(PylThread *t, PylObject *self, PylObject *key)
{
    return pyl_contains(t, ((PylMappingProxy *)self)->mapping, key);
}

static PylObject *mappingproxy_iter(PylThread *t, PylObject *self)
{
    return pyl_iter(t, ((PylMappingProxy *)self)->mapping);
}

static PylObject *mappingproxy_repr(PylThread *t, PylObject *self)
{
    return pyl_str_format_c(t, "mappingproxy(%R)", ((PylMappingProxy *)self)->mapping);
}

static PylObject *mappingproxy_str(PylThread *t, PylObject *self)
{
    return pyl_str(t, ((PylMappingProxy *)self)->mapping);
}

static PylObject *mappingproxy_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    return pyl_richcompare(t, ((PylMappingProxy *)a)->mapping, b, op);
}

static PylObject *mappingproxy_forward(PylThread *t, PylObject *self, const char *name,
                                       PylObject *const *args, intptr_t nargs)
{
    PylObject *n = pyl_str_intern_cstr(t, name);
    if (n == NULL) {
        return NULL;
    }
    PylObject *r = pyl_call_method(t, ((PylMappingProxy *)self)->mapping, n, args, nargs);
    pyl_decref(t, n);
    return r;
}

static PylObject *mappingproxy_keys(PylThread *t, PylObject *self)
{
    return mappingproxy_forward(t, self, "keys", NULL, 0);
}

static PylObject *mappingproxy_values(PylThread *t, PylObject *self)
{
    return mappingproxy_forward(t, self, "values", NULL, 0);
}

static PylObject *mappingproxy_items(PylThread *t, PylObject *self)
{
    return mappingproxy_forward(t, self, "items", NULL, 0);
}

static PylObject *mappingproxy_copy(PylThread *t, PylObject *self)
{
    return mappingproxy_forward(t, self, "copy", NULL, 0);
}

static PylObject *mappingproxy_get(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs)
{
    if (pyl_check_nargs(t, "get", nargs, 1, 2) < 0) {
        return NULL;
    }
    return mappingproxy_forward(t, self, "get", args, nargs);
}

static const PylMethodDef mappingproxy_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_NOARGS("keys", mappingproxy_keys),
    PYL_METHOD_NOARGS("values", mappingproxy_values),
    PYL_METHOD_NOARGS("items", mappingproxy_items),
    PYL_METHOD_NOARGS("copy", mappingproxy_copy),
    PYL_METHOD_FAST("get", mappingproxy_get),
    PYL_METHOD_END,
};

const PylType pyl_mappingproxy_type = {
    .name = "mappingproxy",
    .kind = PYL_K_MAPPINGPROXY,
    .flags = PYL_TF_GC | PYL_TF_MAPPING,
    .basicsize = sizeof(PylMappingProxy),
    .dealloc = mappingproxy_dealloc,
    .traverse = mappingproxy_traverse,
    .repr = mappingproxy_repr,
    .str = mappingproxy_str,
    .richcompare = mappingproxy_richcompare,
    .getitem = mappingproxy_getitem,
    .len = mappingproxy_len,
    .contains = mappingproxy_contains,
    .iter = mappingproxy_iter,
    .new_ = mappingproxy_new,
    .methods = mappingproxy_methods,
};
