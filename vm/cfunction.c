/* cfunction.c — builtin_function_or_method: a C function from a PylMethodDef
 * bound to its module (len, print) or to an instance ([].append). */
#include <stdio.h>

#include "vm/core.h"

PylObject *pyl_cfunction_new(PylThread *t, const PylMethodDef *def, PylObject *self,
                             PylObject *module)
{
    PylCFunction *f =
        (PylCFunction *)pyl_obj_alloc(t, PYL_TYPE(t, CFUNCTION), sizeof(PylCFunction));
    if (f == NULL) {
        return NULL;
    }
    f->def = def;
    f->self = pyl_xincref(self);
    f->module = pyl_xincref(module);
    return (PylObject *)f;
}

static void cfunction_dealloc(PylThread *t, PylObject *self)
{
    PylCFunction *f = (PylCFunction *)self;
    pyl_xdecref(t, f->self);
    pyl_xdecref(t, f->module);
    pyl_obj_free(t, self);
}

static int cfunction_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylCFunction *f = (PylCFunction *)self;
    if (f->self != NULL && visit(f->self, arg) != 0) {
        return -1;
    }
    return f->module != NULL ? visit(f->module, arg) : 0;
}

static PylObject *cfunction_call(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    PylCFunction *f = (PylCFunction *)self;
    return pyl_methoddef_call(t, f->def, f->self, args, nargs, kwnames);
}

/* Module functions and static methods show as plain built-ins. */
static bool is_plain_function(PylThread *t, PylCFunction *f)
{
    return f->self == NULL || PYL_IS_KIND(f->self, MODULE);
}

static PylObject *cfunction_repr(PylThread *t, PylObject *self)
{
    PylCFunction *f = (PylCFunction *)self;
    if (is_plain_function(t, f)) {
        return pyl_str_format_c(t, "<built-in function %s>", f->def->name);
    }
    return pyl_str_format_c(t, "<built-in method %s of %T object at %p>", f->def->name, f->self,
                            (void *)f->self);
}

static PylObject *cfunction_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if ((op != PYL_EQ && op != PYL_NE) || !PYL_IS_KIND(b, CFUNCTION)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylCFunction *fa = (PylCFunction *)a, *fb = (PylCFunction *)b;
    bool eq = fa->def == fb->def && fa->self == fb->self;
    return PYL_BOOL(op == PYL_EQ ? eq : !eq);
}

static PylHash cfunction_hash(PylThread *t, PylObject *self)
{
    PylCFunction *f = (PylCFunction *)self;
    PylHash h = pyl_hash_pointer(f->def) ^ pyl_hash_pointer(f->self);
    return h == -1 ? -2 : h;
}

static PylObject *cfunction_get_name(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, ((PylCFunction *)self)->def->name);
}

static PylObject *cfunction_get_qualname(PylThread *t, PylObject *self)
{
    PylCFunction *f = (PylCFunction *)self;
    if (is_plain_function(t, f)) {
        return pyl_str_from_cstr(t, f->def->name);
    }
    PylType *type = PYL_IS_TYPE(f->self) ? (PylType *)f->self : PYL_TYPEOF(t, f->self);
    return pyl_str_format_c(t, "%U.%s", type->qualname, f->def->name);
}

static PylObject *cfunction_get_self(PylThread *t, PylObject *self)
{
    PylCFunction *f = (PylCFunction *)self;
    return f->self ? pyl_incref(f->self) : PYL_NONE;
}

static PylObject *cfunction_get_doc(PylThread *t, PylObject *self)
{
    const char *doc = ((PylCFunction *)self)->def->doc;
    return doc ? pyl_str_from_cstr(t, doc) : PYL_NONE;
}

static PylObject *cfunction_get_module(PylThread *t, PylObject *self)
{
    PylCFunction *f = (PylCFunction *)self;
    return f->module ? pyl_incref(f->module) : PYL_NONE;
}

static const PylGetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_cfunction_type = {
    .name = "builtin_function_or_method",
    .kind = PYL_K_CFUNCTION,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylCFunction),
    .dealloc = cfunction_dealloc,
    .traverse = cfunction_traverse,
    .repr = cfunction_repr,
    .hash = cfunction_hash,
    .richcompare = cfunction_richcompare,
    .call = cfunction_call,
    .getset = cfunction_getset,
};
