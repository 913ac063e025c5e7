/* namespace.c — types.SimpleNamespace: an object whose attributes are given as
 * keyword arguments, with repr `namespace(a=1, b=2)` and equality by attributes.
 * sys.implementation is one. */
#include "vm/core.h"

typedef struct PylNamespace {
    PylObject ob;
    PylObject *dict;
} PylNamespace;

static PylObject *namespace_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                                PylObject *kwnames)
{
    PylNamespace *ns = (PylNamespace *)pyl_obj_alloc(t, type, type->basicsize);
    if (ns == NULL) {
        return NULL;
    }
    ns->dict = pyl_dict_new(t);
    if (ns->dict == NULL) {
        pyl_decref(t, (PylObject *)ns);
        return NULL;
    }
    return (PylObject *)ns;
}

static int namespace_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    if (nargs != 0) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "no positional arguments expected");
        return -1;
    }
    PylObject *dict = ((PylNamespace *)self)->dict;
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        if (pyl_dict_set(t, dict, PYL_TUPLE_ITEM(kwnames, i), args[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static void namespace_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((PylNamespace *)self)->dict);
    pyl_obj_free(t, self);
}

static int namespace_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylObject *d = ((PylNamespace *)self)->dict;
    return d != NULL ? visit(d, arg) : 0;
}

static void namespace_clear(PylThread *t, PylObject *self)
{
    PYL_CLEAR(t, ((PylNamespace *)self)->dict);
}

static PylObject *namespace_repr(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    const char *name = type == PYL_TYPE(t, SIMPLENAMESPACE) ? "namespace" : pyl_type_get_name(type);
    int rec = pyl_repr_enter(t, self);
    if (rec != 0) {
        return rec > 0 ? pyl_str_format_c(t, "%s(...)", name) : NULL;
    }
    PylBuf b;
    pyl_buf_init(&b);
    int r = pyl_buf_puts(t, &b, name) < 0 || pyl_buf_putc(t, &b, '(') < 0 ? -1 : 0;
    PylObject *dict = ((PylNamespace *)self)->dict;
    intptr_t pos = 0, written = 0;
    PylObject *k, *v;
    while (r == 0 && dict != NULL && pyl_dict_next(dict, &pos, &k, &v)) {
        if (!PYL_IS_STR(k)) {
            continue;
        }
        pyl_incref(v);
        PylObject *s = pyl_repr(t, v);
        pyl_decref(t, v);
        if (s == NULL || (written++ > 0 && pyl_buf_puts(t, &b, ", ") < 0) ||
            pyl_buf_put_str(t, &b, k) < 0 || pyl_buf_putc(t, &b, '=') < 0 ||
            pyl_buf_put_str(t, &b, s) < 0) {
            r = -1;
        }
        pyl_xdecref(t, s);
    }
    pyl_repr_leave(t, self);
    if (r < 0 || pyl_buf_putc(t, &b, ')') < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

static PylObject *namespace_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    PylType *ns = PYL_TYPE(t, SIMPLENAMESPACE);
    if ((op != PYL_EQ && op != PYL_NE) || !pyl_type_is_subtype(PYL_TYPEOF(t, a), ns) ||
        !pyl_type_is_subtype(PYL_TYPEOF(t, b), ns)) {
        return PYL_NOTIMPLEMENTED;
    }
    return pyl_richcompare(t, ((PylNamespace *)a)->dict, ((PylNamespace *)b)->dict, op);
}

static PylObject *namespace_reduce(PylThread *t, PylObject *self)
{
    PylObject *type = (PylObject *)PYL_TYPEOF(t, self);
    return pyl_tuple_pack(t, 3, type, t->vm->empty_tuple, ((PylNamespace *)self)->dict);
}

static PylObject *namespace_get_dict(PylThread *t, PylObject *self)
{
    return pyl_incref(((PylNamespace *)self)->dict);
}

static const PylGetSetDef namespace_getset[] = {
    {"__dict__", namespace_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const PylMethodDef namespace_methods[] = {
    PYL_METHOD_NOARGS("__reduce__", namespace_reduce),
    PYL_METHOD_END,
};

const PylType pyl_simplenamespace_type = {
    .name = "types.SimpleNamespace",
    .kind = PYL_K_SIMPLENAMESPACE,
    .flags = PYL_TF_GC | PYL_TF_BASETYPE,
    .basicsize = sizeof(PylNamespace),
    .dictoffset = offsetof(PylNamespace, dict),
    .dealloc = namespace_dealloc,
    .traverse = namespace_traverse,
    .clear = namespace_clear,
    .repr = namespace_repr,
    .richcompare = namespace_richcompare,
    .new_ = namespace_new,
    .init = namespace_init,
    .methods = namespace_methods,
    .getset = namespace_getset,
    .doc = "A simple attribute-based namespace.",
};
