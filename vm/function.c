/* function.c — Python function objects, bound methods and cells. Calling a
 * function is the eval loop's business (eval.c); this file is the objects. */
#include <stdio.h>

#include "vm/core.h"
#include "vm/eval.h"

PylObject *pyl_builtins_for(PylThread *t, PylObject *globals)
{
    PylObject *b = pyl_dict_get_str(t, globals, PYL_NAME(t, __builtins__));
    if (b != NULL) {
        if (PYL_IS_KIND(b, MODULE)) {
            return PYL_MODULE_DICT(b);
        }
        if (PYL_IS_DICT(b)) {
            return b;
        }
    }
    return t->vm->builtins;
}

PylObject *pyl_function_new(PylThread *t, PylObject *code, PylObject *globals)
{
    PylFunction *f = (PylFunction *)pyl_obj_alloc(t, PYL_TYPE(t, FUNCTION), sizeof(PylFunction));
    if (f == NULL) {
        return NULL;
    }
    PylCode *co = (PylCode *)code;
    f->code = pyl_incref(code);
    f->globals = pyl_incref(globals);
    f->builtins = pyl_incref(pyl_builtins_for(t, globals));
    f->name = pyl_incref(co->name);
    f->qualname = pyl_incref(co->qualname);
    PylObject *consts = co->consts;
    f->doc = PYL_TUPLE_SIZE(consts) > 0 && PYL_IS_STR(PYL_TUPLE_ITEM(consts, 0)) &&
                     (co->flags & PYL_CO_OPTIMIZED)
                 ? pyl_incref(PYL_TUPLE_ITEM(consts, 0))
                 : PYL_NONE;
    PylObject *mod = pyl_dict_get_str(t, globals, PYL_NAME(t, __name__));
    f->module = mod ? pyl_incref(mod) : PYL_NONE;
    return (PylObject *)f;
}

static void function_clear(PylThread *t, PylObject *self)
{
    PylFunction *f = (PylFunction *)self;
    PYL_CLEAR(t, f->globals);
    PYL_CLEAR(t, f->builtins);
    PYL_CLEAR(t, f->defaults);
    PYL_CLEAR(t, f->kwdefaults);
    PYL_CLEAR(t, f->closure);
    PYL_CLEAR(t, f->doc);
    PYL_CLEAR(t, f->dict);
    PYL_CLEAR(t, f->module);
    PYL_CLEAR(t, f->annotations);
}

static void function_dealloc(PylThread *t, PylObject *self)
{
    PylFunction *f = (PylFunction *)self;
    function_clear(t, self);
    pyl_xdecref(t, f->code);
    pyl_xdecref(t, f->name);
    pyl_xdecref(t, f->qualname);
    pyl_obj_free(t, self);
}

static int function_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylFunction *f = (PylFunction *)self;
    PylObject *fields[] = {f->code,    f->globals, f->builtins, f->defaults, f->kwdefaults,
                           f->closure, f->doc,     f->dict,     f->module,   f->annotations};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *function_repr(PylThread *t, PylObject *self)
{
    return pyl_str_format_c(t, "<function %U at %p>", ((PylFunction *)self)->qualname,
                            (void *)self);
}

static PylObject *function_descr_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    if (obj == NULL) {
        return pyl_incref(self);
    }
    return pyl_method_new(t, self, obj);
}

#define FUNC_FIELD_GETTER(field, dflt)                                                             \
    static PylObject *function_get_##field(PylThread *t, PylObject *self)                          \
    {                                                                                              \
        PylObject *v = ((PylFunction *)self)->field;                                               \
        return v ? pyl_incref(v) : (dflt);                                                         \
    }
FUNC_FIELD_GETTER(name, PYL_NONE)
FUNC_FIELD_GETTER(qualname, PYL_NONE)
FUNC_FIELD_GETTER(defaults, PYL_NONE)
FUNC_FIELD_GETTER(kwdefaults, PYL_NONE)
FUNC_FIELD_GETTER(closure, PYL_NONE)
FUNC_FIELD_GETTER(code, PYL_NONE)
FUNC_FIELD_GETTER(globals, PYL_NONE)

static int set_str_field(PylThread *t, PylObject **slot, PylObject *value, const char *what)
{
    if (value == NULL || !PYL_IS_STR(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s must be set to a string object", what);
        return -1;
    }
    pyl_setref(t, slot, pyl_incref(value));
    return 0;
}

static int function_set_name(PylThread *t, PylObject *self, PylObject *value)
{
    return set_str_field(t, &((PylFunction *)self)->name, value, "__name__");
}

static int function_set_qualname(PylThread *t, PylObject *self, PylObject *value)
{
    return set_str_field(t, &((PylFunction *)self)->qualname, value, "__qualname__");
}

static int function_set_defaults(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == PYL_NONE) {
        value = NULL;
    }
    if (value != NULL && !PYL_IS_TUPLE(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__defaults__ must be set to a tuple object");
        return -1;
    }
    pyl_setref(t, &((PylFunction *)self)->defaults, pyl_xincref(value));
    return 0;
}

static int function_set_kwdefaults(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == PYL_NONE) {
        value = NULL;
    }
    if (value != NULL && !PYL_IS_DICT(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    pyl_setref(t, &((PylFunction *)self)->kwdefaults, pyl_xincref(value));
    return 0;
}

static PylObject *function_get_annotations(PylThread *t, PylObject *self)
{
    PylFunction *f = (PylFunction *)self;
    if (f->annotations == NULL) {
        f->annotations = pyl_dict_new(t);
        if (f->annotations == NULL) {
            return NULL;
        }
    }
    return pyl_incref(f->annotations);
}

static int function_set_annotations(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == PYL_NONE) {
        value = NULL;
    }
    if (value != NULL && !PYL_IS_DICT(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__annotations__ must be set to a dict object");
        return -1;
    }
    pyl_setref(t, &((PylFunction *)self)->annotations, pyl_xincref(value));
    return 0;
}

static PylObject *function_get_dict(PylThread *t, PylObject *self)
{
    PylFunction *f = (PylFunction *)self;
    if (f->dict == NULL) {
        f->dict = pyl_dict_new(t);
        if (f->dict == NULL) {
            return NULL;
        }
    }
    return pyl_incref(f->dict);
}

static PylObject *function_get_builtins(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylFunction *)self)->builtins);
}

static const PylGetSetDef function_getset[] = {
    {"__name__", function_get_name, function_set_name, NULL},
    {"__qualname__", function_get_qualname, function_set_qualname, NULL},
    {"__defaults__", function_get_defaults, function_set_defaults, NULL},
    {"__kwdefaults__", function_get_kwdefaults, function_set_kwdefaults, NULL},
    {"__annotations__", function_get_annotations, function_set_annotations, NULL},
    {"__closure__", function_get_closure, NULL, NULL},
    {"__code__", function_get_code, NULL, NULL},
    {"__globals__", function_get_globals, NULL, NULL},
    {"__builtins__", function_get_builtins, NULL, NULL},
    {"__dict__", function_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const PylMemberDef function_members[] = {
    {"__doc__", PYL_MEMBER_OBJECT, offsetof(PylFunction, doc), false, NULL},
    {"__module__", PYL_MEMBER_OBJECT, offsetof(PylFunction, module), false, NULL},
    {NULL, 0, 0, false, NULL},
};

const PylType pyl_function_type = {
    .name = "function",
    .kind = PYL_K_FUNCTION,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylFunction),
    .dictoffset = offsetof(PylFunction, dict),
    .dealloc = function_dealloc,
    .traverse = function_traverse,
    .clear = function_clear,
    .repr = function_repr,
    .call = pyl_function_call,
    .descr_get = function_descr_get,
    .getset = function_getset,
    .members = function_members,
};

/* ---- bound methods ----------------------------------------------------------------- */

PylObject *pyl_method_new(PylThread *t, PylObject *func, PylObject *self)
{
    PylMethod *m = (PylMethod *)pyl_obj_alloc(t, PYL_TYPE(t, METHOD), sizeof(PylMethod));
    if (m == NULL) {
        return NULL;
    }
    m->func = pyl_incref(func);
    m->self = pyl_incref(self);
    return (PylObject *)m;
}

/* types.MethodType(func, obj) */
static PylObject *method_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "method", kwnames) < 0 || pyl_check_nargs(t, "method", nargs, 2, 2) < 0) {
        return NULL;
    }
    if (!pyl_callable(t, args[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "first argument must be callable");
    }
    if (args[1] == PYL_NONE) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "instance must not be None");
    }
    return pyl_method_new(t, args[0], args[1]);
}

static void method_clear(PylThread *t, PylObject *self)
{
    PylMethod *m = (PylMethod *)self;
    PYL_CLEAR(t, m->func);
    PYL_CLEAR(t, m->self);
}

static void method_dealloc(PylThread *t, PylObject *self)
{
    method_clear(t, self);
    pyl_obj_free(t, self);
}

static int method_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylMethod *m = (PylMethod *)self;
    if (m->func != NULL && visit(m->func, arg) != 0) {
        return -1;
    }
    return m->self != NULL ? visit(m->self, arg) : 0;
}

static PylObject *method_call(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    PylMethod *m = (PylMethod *)self;
    intptr_t total = nargs + (kwnames ? PYL_TUPLE_SIZE(kwnames) : 0);
    PylObject *buf[8];
    PylObject **stack = buf;
    if (total + 1 > 8) {
        stack = pyl_mem_alloc(t, sizeof(PylObject *) * (size_t)(total + 1));
        if (stack == NULL) {
            return NULL;
        }
    }
    stack[0] = m->self;
    for (intptr_t i = 0; i < total; i++) {
        stack[i + 1] = args[i];
    }
    PylObject *func = pyl_incref(m->func);
    PylObject *r = pyl_call(t, func, stack, nargs + 1, kwnames);
    pyl_decref(t, func);
    if (stack != buf) {
        pyl_mem_free(t, stack);
    }
    return r;
}

static PylObject *method_repr(PylThread *t, PylObject *self)
{
    PylMethod *m = (PylMethod *)self;
    PylObject *name = pyl_getattr_opt(t, m->func, PYL_NAME(t, __qualname__));
    if (name == NULL) {
        if (pyl_err_occurred(t)) {
            return NULL;
        }
        name = pyl_getattr_opt(t, m->func, PYL_NAME(t, __name__));
    }
    if (name == NULL && pyl_err_occurred(t)) {
        return NULL;
    }
    PylObject *r = pyl_str_format_c(t, "<bound method %S of %R>", name ? name : PYL_NONE, m->self);
    pyl_xdecref(t, name);
    return r;
}

static PylObject *method_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if ((op != PYL_EQ && op != PYL_NE) || !PYL_IS_KIND(b, METHOD)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylMethod *x = (PylMethod *)a, *y = (PylMethod *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = pyl_equal(t, x->func, y->func);
        if (eq < 0) {
            return NULL;
        }
    }
    return PYL_BOOL(op == PYL_EQ ? eq : !eq);
}

static PylHash method_hash(PylThread *t, PylObject *self)
{
    PylMethod *m = (PylMethod *)self;
    PylHash h = pyl_hash(t, m->func);
    if (h == -1) {
        return -1;
    }
    h ^= pyl_hash_pointer(m->self);
    return h == -1 ? -2 : h;
}

static PylObject *method_getattr(PylThread *t, PylObject *self, PylObject *name)
{
    PylObject *r = pyl_generic_getattr_opt(t, self, name);
    if (r != NULL || pyl_err_occurred(t)) {
        return r;
    }
    return pyl_getattr(t, ((PylMethod *)self)->func, name);
}

static PylObject *method_get_doc(PylThread *t, PylObject *self)
{
    return pyl_getattr(t, ((PylMethod *)self)->func, PYL_NAME(t, __doc__));
}

static const PylMemberDef method_members[] = {
    {"__func__", PYL_MEMBER_OBJECT, offsetof(PylMethod, func), true, NULL},
    {"__self__", PYL_MEMBER_OBJECT, offsetof(PylMethod, self), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_method_type = {
    .name = "method",
    .kind = PYL_K_METHOD,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylMethod),
    .dealloc = method_dealloc,
    .traverse = method_traverse,
    .clear = method_clear,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .getattr = method_getattr,
    .call = method_call,
    .new_ = method_new,
    .members = method_members,
    .getset = method_getset,
};

/* ---- cells --------------------------------------------------------------------------- */

PylObject *pyl_cell_new(PylThread *t, PylObject *value)
{
    PylCell *c = (PylCell *)pyl_obj_alloc(t, PYL_TYPE(t, CELL), sizeof(PylCell));
    if (c != NULL) {
        c->ref = pyl_xincref(value);
    }
    return (PylObject *)c;
}

static void cell_clear(PylThread *t, PylObject *self)
{
    PYL_CLEAR(t, ((PylCell *)self)->ref);
}

static void cell_dealloc(PylThread *t, PylObject *self)
{
    cell_clear(t, self);
    pyl_obj_free(t, self);
}

static int cell_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylObject *r = ((PylCell *)self)->ref;
    return r != NULL ? visit(r, arg) : 0;
}

static PylObject *cell_repr(PylThread *t, PylObject *self)
{
    PylObject *r = ((PylCell *)self)->ref;
    if (r == NULL) {
        return pyl_str_format_c(t, "<cell at %p: empty>", (void *)self);
    }
    return pyl_str_format_c(t, "<cell at %p: %T object at %p>", (void *)self, r, (void *)r);
}

static PylObject *cell_get_contents(PylThread *t, PylObject *self)
{
    PylObject *r = ((PylCell *)self)->ref;
    if (r == NULL) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "Cell is empty");
    }
    return pyl_incref(r);
}

static int cell_set_contents(PylThread *t, PylObject *self, PylObject *value)
{
    pyl_setref(t, &((PylCell *)self)->ref, pyl_xincref(value));
    return 0;
}

static const PylGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_cell_type = {
    .name = "cell",
    .kind = PYL_K_CELL,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylCell),
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .repr = cell_repr,
    .getset = cell_getset,
};
