/* structseq.c — named tuples made from C (see structseq.h).
 *
 * The type is an ordinary class deriving from tuple (made with pyl_class_new, so
 * it has __mro__, can be subclassed, pickles like a tuple) with `__slots__ = ()`.
 * Each field is a read-only descriptor of the builtin type structseq_field that
 * returns one tuple item; the repr walks those descriptors in the class dict,
 * which keeps them in field order. */
#include "vm/core.h"
#include "vm/structseq.h"

PYL_INTERNAL void pyl_slots_fixup(PylThread *t, PylType *type);

typedef struct PylStructSeqField {
    PylObject ob;
    intptr_t index;
    PylObject *name;
} PylStructSeqField;

static void field_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((PylStructSeqField *)self)->name);
    pyl_obj_free(t, self);
}

static PylObject *field_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylStructSeqField *f = (PylStructSeqField *)self;
    if (obj == NULL || obj == PYL_NONE) {
        return pyl_incref(self);
    }
    if (!PYL_HAS_LAYOUT(obj, TUPLE) || f->index >= PYL_TUPLE_SIZE(obj)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "descriptor '%U' for struct sequence doesn't apply to a '%T' object",
                              f->name, obj);
    }
    return pyl_incref(PYL_TUPLE_ITEM(obj, f->index));
}

static int field_set(PylThread *t, PylObject *self, PylObject *obj, PylObject *value)
{
    pyl_err_format(t, PYL_EXC(t, AttributeError), "readonly attribute");
    return -1;
}

static PylObject *field_repr(PylThread *t, PylObject *self)
{
    return pyl_str_format_c(t, "<member %R of struct sequence>", ((PylStructSeqField *)self)->name);
}

const PylType pyl_structseq_field_type = {
    .name = "structseq_field",
    .kind = PYL_K_STRUCTSEQ_FIELD,
    .basicsize = sizeof(PylStructSeqField),
    .dealloc = field_dealloc,
    .repr = field_repr,
    .descr_get = field_get,
    .descr_set = field_set,
};

static PylObject *field_new(PylThread *t, intptr_t index, const char *name)
{
    PylStructSeqField *f = (PylStructSeqField *)pyl_obj_alloc(t, PYL_TYPE(t, STRUCTSEQ_FIELD),
                                                              sizeof(PylStructSeqField));
    if (f == NULL) {
        return NULL;
    }
    f->index = index;
    f->name = pyl_str_intern_cstr(t, name);
    if (f->name == NULL) {
        pyl_decref(t, (PylObject *)f);
        return NULL;
    }
    return (PylObject *)f;
}

/* module.name(field=value, ...) */
static PylObject *structseq_repr(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    while (type->base != NULL && type->base != PYL_TYPE(t, TUPLE) &&
           pyl_dict_get_cstr(t, type->dict, "n_fields") == NULL) {
        type = type->base; /* a Python subclass: use the struct sequence's own fields */
    }
    PylBuf b;
    pyl_buf_init(&b);
    int r = pyl_buf_puts(t, &b, type->name) < 0 || pyl_buf_putc(t, &b, '(') < 0 ? -1 : 0;
    int rec = r < 0 ? -1 : pyl_repr_enter(t, self);
    if (rec > 0) {
        r = pyl_buf_puts(t, &b, "...");
    } else if (rec < 0) {
        r = -1;
    }
    intptr_t pos = 0, written = 0;
    PylObject *k, *v;
    while (rec == 0 && r == 0 && pyl_dict_next(type->dict, &pos, &k, &v)) {
        if (!PYL_IS_KIND(v, STRUCTSEQ_FIELD)) {
            continue;
        }
        PylStructSeqField *f = (PylStructSeqField *)v;
        if (f->index >= PYL_TUPLE_SIZE(self)) {
            continue;
        }
        PylObject *s = pyl_repr(t, PYL_TUPLE_ITEM(self, f->index));
        if (s == NULL || (written++ > 0 && pyl_buf_puts(t, &b, ", ") < 0) ||
            pyl_buf_put_str(t, &b, f->name) < 0 || pyl_buf_putc(t, &b, '=') < 0 ||
            pyl_buf_put_str(t, &b, s) < 0) {
            r = -1;
        }
        pyl_xdecref(t, s);
    }
    if (rec == 0) {
        pyl_repr_leave(t, self);
    }
    if (r < 0 || pyl_buf_putc(t, &b, ')') < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

static PylObject *structseq_reduce(PylThread *t, PylObject *self)
{
    PylObject *items = pyl_tuple_from_array(t, PYL_TUPLE_ITEMS(self), PYL_TUPLE_SIZE(self));
    PylObject *r = items ? pyl_tuple_pack(t, 2, (PylObject *)PYL_TYPEOF(t, self), items) : NULL;
    PylObject *args = r ? pyl_tuple_pack(t, 1, items) : NULL;
    pyl_xdecref(t, r);
    r = args ? pyl_tuple_pack(t, 2, (PylObject *)PYL_TYPEOF(t, self), args) : NULL;
    pyl_xdecref(t, args);
    pyl_xdecref(t, items);
    return r;
}

static const PylMethodDef structseq_methods[] = {
    PYL_METHOD_NOARGS("__repr__", structseq_repr),
    PYL_METHOD_NOARGS("__reduce__", structseq_reduce),
    PYL_METHOD_END,
};

PylObject *pyl_structseq_type(PylThread *t, const PylStructSeqDesc *desc)
{
    intptr_t n = 0;
    while (desc->fields[n] != NULL) {
        n++;
    }
    const char *dot = strrchr(desc->name, '.');
    PylObject *ns = pyl_dict_new(t);
    PylObject *name = pyl_str_from_cstr(t, dot + 1);
    PylObject *module = pyl_str_from_latin1(t, desc->name, dot - desc->name);
    PylObject *doc = desc->doc ? pyl_str_from_cstr(t, desc->doc) : pyl_incref(PYL_NONE);
    PylObject *bases = pyl_tuple_pack(t, 1, (PylObject *)PYL_TYPE(t, TUPLE));
    PylObject *type = NULL;
    if (ns == NULL || name == NULL || module == NULL || doc == NULL || bases == NULL ||
        pyl_dict_set(t, ns, PYL_NAME(t, __slots__), t->vm->empty_tuple) < 0 ||
        pyl_dict_set(t, ns, PYL_NAME(t, __module__), module) < 0 ||
        pyl_dict_set(t, ns, PYL_NAME(t, __doc__), doc) < 0 ||
        pyl_dict_set_cstr(t, ns, "n_fields", PYL_SMALLINT(n)) < 0 ||
        pyl_dict_set_cstr(t, ns, "n_sequence_fields", PYL_SMALLINT(n)) < 0 ||
        pyl_dict_set_cstr(t, ns, "n_unnamed_fields", PYL_SMALLINT(0)) < 0) {
        goto done;
    }
    for (intptr_t i = 0; i < n; i++) {
        PylObject *f = field_new(t, i, desc->fields[i]);
        if (f == NULL || pyl_dict_set(t, ns, ((PylStructSeqField *)f)->name, f) < 0) {
            pyl_xdecref(t, f);
            goto done;
        }
        pyl_decref(t, f);
    }
    type = pyl_class_new(t, PYL_TYPE(t, TYPE), name, bases, ns, NULL);
    if (type == NULL) {
        goto done;
    }
    /* What setting each as a class attribute does, with one slot fixup for all */
    for (const PylMethodDef *m = structseq_methods; m->name != NULL; m++) {
        PylObject *d = pyl_descr_new_method(t, (PylType *)type, m);
        int r = d ? pyl_dict_set(t, ((PylType *)type)->dict, ((PylMethodDescr *)d)->name, d) : -1;
        pyl_xdecref(t, d);
        if (r < 0) {
            PYL_CLEAR(t, type);
            goto done;
        }
    }
    pyl_type_modified(t, (PylType *)type);
    pyl_slots_fixup(t, (PylType *)type);
    ((PylType *)type)->name = desc->name; /* messages say 'sys.version_info', like CPython */
    if (!desc->creatable) {
        ((PylType *)type)->new_ = NULL; /* "cannot create 'sys.flags' instances" */
    }
done:
    pyl_xdecref(t, ns);
    pyl_xdecref(t, name);
    pyl_xdecref(t, module);
    pyl_xdecref(t, doc);
    pyl_xdecref(t, bases);
    return type;
}

PylObject *pyl_structseq_new(PylThread *t, PylObject *type, PylObject *const *items, intptr_t n)
{
    PylObject *tup = pyl_tuple_from_array(t, items, n);
    if (tup == NULL) {
        return NULL;
    }
    PylObject *r = PYL_TYPE(t, TUPLE)->new_(t, (PylType *)type, &tup, 1, NULL);
    pyl_decref(t, tup);
    return r;
}
