/* protocol.c — the generic operations on any value (see protocol.h): each finds
 * the right slot on the operand types, applies Python's dispatch rules
 * (reflected operands, NotImplemented, descriptors) and raises CPython's errors. */
#include <stdio.h>

#include "vm/core.h"

/* ---- text ------------------------------------------------------------------------ */

static PylObject *check_str_result(PylThread *t, PylObject *r, const char *what)
{
    if (r != NULL && !PYL_IS_STR(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s returned non-string (type %T)", what, r);
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

PylObject *pyl_repr(PylThread *t, PylObject *o)
{
    PylType *type = PYL_TYPEOF(t, o);
    if (pyl_enter_call(t, " while getting the repr of an object") < 0) {
        return NULL;
    }
    PylObject *r = type->repr(t, o);
    pyl_leave_call(t);
    return check_str_result(t, r, "__repr__");
}

PylObject *pyl_str(PylThread *t, PylObject *o)
{
    if (PYL_IS_STR_EXACT(o)) {
        return pyl_incref(o);
    }
    PylType *type = PYL_TYPEOF(t, o);
    PylUnaryFn f = type->str ? type->str : type->repr;
    if (pyl_enter_call(t, " while getting the str of an object") < 0) {
        return NULL;
    }
    PylObject *r = f(t, o);
    pyl_leave_call(t);
    return check_str_result(t, r, "__str__");
}

PylObject *pyl_ascii(PylThread *t, PylObject *o)
{
    PylObject *r = pyl_repr(t, o);
    if (r == NULL || PYL_STR_IS_ASCII(r)) {
        return r;
    }
    PylBuf b;
    pyl_buf_init(&b);
    const char *p = PYL_STR_DATA(r), *end = p + PYL_STR_NBYTES(r);
    int rc = 0;
    while (p < end && rc == 0) {
        uint32_t c = pyl_utf8_next(&p);
        if (c < 0x80) {
            rc = pyl_buf_putc(t, &b, (char)c);
        } else if (c < 0x100) {
            rc = pyl_buf_printf(t, &b, "\\x%02x", c);
        } else if (c < 0x10000) {
            rc = pyl_buf_printf(t, &b, "\\u%04x", c);
        } else {
            rc = pyl_buf_printf(t, &b, "\\U%08x", c);
        }
    }
    pyl_decref(t, r);
    if (rc < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

PylObject *pyl_format(PylThread *t, PylObject *o, PylObject *spec)
{
    if (spec == NULL) {
        spec = t->vm->empty_str;
    }
    if (PYL_STR_NBYTES(spec) == 0) {
        if (PYL_IS_STR_EXACT(o)) {
            return pyl_incref(o);
        }
        if (PYL_IS_SMALLINT(o)) {
            return pyl_str(t, o);
        }
    }
    PylObject *meth = pyl_type_lookup(t, PYL_TYPEOF(t, o), PYL_NAME(t, __format__));
    if (meth == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "Type %T doesn't define __format__", o);
    }
    PylObject *args[2] = {o, spec};
    pyl_incref(meth);
    PylObject *r = pyl_call(t, meth, args, 2, NULL);
    pyl_decref(t, meth);
    if (r != NULL && !PYL_IS_STR(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__format__ must return a str, not %T", r);
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

int pyl_repr_enter(PylThread *t, PylObject *o)
{
    if (t->repr_stack == NULL) {
        t->repr_stack = pyl_list_new(t, 0);
        if (t->repr_stack == NULL) {
            return -1;
        }
    }
    PylObject *list = t->repr_stack;
    for (intptr_t i = PYL_LIST_SIZE(list) - 1; i >= 0; i--) {
        if (PYL_LIST_ITEM(list, i) == o) {
            return 1;
        }
    }
    return pyl_list_append(t, list, o) < 0 ? -1 : 0;
}

void pyl_repr_leave(PylThread *t, PylObject *o)
{
    PylObject *list = t->repr_stack;
    if (list == NULL) {
        return;
    }
    PylObject *exc = pyl_err_fetch(t);
    for (intptr_t i = PYL_LIST_SIZE(list) - 1; i >= 0; i--) {
        if (PYL_LIST_ITEM(list, i) == o) {
            PylList *l = (PylList *)list;
            PylObject *item = l->items[i];
            memmove(&l->items[i], &l->items[i + 1],
                    (size_t)(l->size - i - 1) * sizeof(PylObject *));
            l->size--;
            pyl_decref(t, item);
            break;
        }
    }
    pyl_err_restore(t, exc);
}

/* ---- hashing and truth -------------------------------------------------------------- */

PylHash pyl_hash(PylThread *t, PylObject *o)
{
    if (PYL_IS_STR_EXACT(o)) {
        return pyl_str_hash(t, o);
    }
    PylType *type = PYL_TYPEOF(t, o);
    if (type->hash == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "unhashable type: '%T'", o);
        return -1;
    }
    return type->hash(t, o);
}

int pyl_is_true(PylThread *t, PylObject *o)
{
    if (o == PYL_TRUE) {
        return 1;
    }
    if (o == PYL_FALSE || o == PYL_NONE) {
        return 0;
    }
    if (PYL_IS_SMALLINT(o)) {
        return PYL_SMALLINT_VALUE(o) != 0;
    }
    PylType *type = PYL_TYPEOF(t, o);
    if (type->bool_ != NULL) {
        return type->bool_(t, o);
    }
    if (type->len != NULL) {
        intptr_t n = type->len(t, o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- comparisons ----------------------------------------------------------------------- */

static const int swapped_op[] = {PYL_GT, PYL_GE, PYL_EQ, PYL_NE, PYL_LT, PYL_LE};
static const char *const op_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

static PylObject *do_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    PylType *ta = PYL_TYPEOF(t, a), *tb = PYL_TYPEOF(t, b);
    PylObject *r;
    bool checked_reverse = false;
    if (ta != tb && tb->richcompare != NULL && pyl_type_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->richcompare(t, b, a, swapped_op[op]);
        if (r != PYL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (ta->richcompare != NULL) {
        r = ta->richcompare(t, a, b, op);
        if (r != PYL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (!checked_reverse && tb->richcompare != NULL) {
        r = tb->richcompare(t, b, a, swapped_op[op]);
        if (r != PYL_NOTIMPLEMENTED) {
            return r;
        }
    }
    switch (op) {
    case PYL_EQ:
        return PYL_BOOL(a == b);
    case PYL_NE:
        return PYL_BOOL(a != b);
    default:
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "'%s' not supported between instances of '%T' and '%T'",
                              op_symbols[op], a, b);
    }
}

PylObject *pyl_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (pyl_enter_call(t, " in comparison") < 0) {
        return NULL;
    }
    PylObject *r = do_richcompare(t, a, b, op);
    pyl_leave_call(t);
    return r;
}

int pyl_richcompare_bool(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (a == b) {
        if (op == PYL_EQ) {
            return 1;
        }
        if (op == PYL_NE) {
            return 0;
        }
    }
    PylObject *r = pyl_richcompare(t, a, b, op);
    if (r == NULL) {
        return -1;
    }
    if (PYL_IS_BOOL(r)) {
        return r == PYL_TRUE;
    }
    int v = pyl_is_true(t, r);
    pyl_decref(t, r);
    return v;
}

/* ---- attributes ------------------------------------------------------------------------ */

static int check_name(PylThread *t, PylObject *name)
{
    if (!PYL_IS_STR(name)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

static PylObject **instance_dict_ptr(PylType *type, PylObject *o)
{
    return type->dictoffset == 0 || !PYL_IS_PTR(o) ? NULL : pyl_object_dict_ptr(o);
}

static PylObject *generic_getattr_impl(PylThread *t, PylObject *o, PylObject *name, bool raise)
{
    PylType *type = PYL_TYPEOF(t, o);
    PylObject *descr = pyl_type_lookup(t, type, name);
    PylDescrGetFn get = NULL;
    if (descr != NULL) {
        PylType *dt = PYL_TYPEOF(t, descr);
        get = dt->descr_get;
        if (get != NULL && dt->descr_set != NULL) {
            pyl_incref(descr);
            PylObject *r = get(t, descr, o, (PylObject *)type);
            pyl_decref(t, descr);
            return r;
        }
    }
    PylObject **dictp = instance_dict_ptr(type, o);
    if (dictp != NULL && *dictp != NULL) {
        PylObject *v = PYL_IS_STR_EXACT(name) ? pyl_dict_get_str(t, *dictp, name)
                                              : pyl_dict_get(t, *dictp, name);
        if (v != NULL) {
            return pyl_incref(v);
        }
        if (pyl_err_occurred(t)) {
            return NULL;
        }
    }
    if (get != NULL) {
        pyl_incref(descr);
        PylObject *r = get(t, descr, o, (PylObject *)type);
        pyl_decref(t, descr);
        return r;
    }
    if (descr != NULL) {
        return pyl_incref(descr);
    }
    if (raise) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "'%s' object has no attribute '%U'",
                       pyl_type_get_name(type), name);
    }
    return NULL;
}

PylObject *pyl_generic_getattr(PylThread *t, PylObject *o, PylObject *name)
{
    return generic_getattr_impl(t, o, name, true);
}

PylObject *pyl_generic_getattr_opt(PylThread *t, PylObject *o, PylObject *name)
{
    return generic_getattr_impl(t, o, name, false);
}

int pyl_generic_setattr(PylThread *t, PylObject *o, PylObject *name, PylObject *value)
{
    PylType *type = PYL_TYPEOF(t, o);
    PylObject *descr = pyl_type_lookup(t, type, name);
    if (descr != NULL) {
        PylDescrSetFn set = PYL_TYPEOF(t, descr)->descr_set;
        if (set != NULL) {
            pyl_incref(descr);
            int r = set(t, descr, o, value);
            pyl_decref(t, descr);
            return r;
        }
    }
    PylObject **dictp = instance_dict_ptr(type, o);
    if (dictp == NULL) {
        if (descr != NULL) {
            pyl_err_format(t, PYL_EXC(t, AttributeError), "'%s' object attribute '%U' is read-only",
                           pyl_type_get_name(type), name);
        } else {
            pyl_err_format(t, PYL_EXC(t, AttributeError), "'%s' object has no attribute '%U'",
                           pyl_type_get_name(type), name);
        }
        return -1;
    }
    if (value == NULL) {
        int r = *dictp ? pyl_dict_del(t, *dictp, name) : -1;
        if (r < 0) {
            if (*dictp == NULL || pyl_err_matches(t, PYL_EXC(t, KeyError))) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, AttributeError), "'%s' object has no attribute '%U'",
                               pyl_type_get_name(type), name);
            }
            return -1;
        }
        return 0;
    }
    if (*dictp == NULL) {
        *dictp = pyl_dict_new(t);
        if (*dictp == NULL) {
            return -1;
        }
    }
    if (PYL_IS_STR_EXACT(name) && !((PylStr *)name)->interned) {
        name = pyl_str_intern(t, pyl_incref(name));
        if (name == NULL) {
            return -1;
        }
        int r = pyl_dict_set(t, *dictp, name, value);
        pyl_decref(t, name);
        return r;
    }
    return pyl_dict_set(t, *dictp, name, value);
}

/* An AttributeError from looking up o.name records `name` and `obj`, as CPython
 * 3.11's PyObject_GetAttr does: the traceback printer's "Did you mean" uses them. */
static void attribute_error_context(PylThread *t, PylObject *o, PylObject *name)
{
    PylObject *exc = t->exc;
    if (exc != NULL && PYL_IS_EXCEPTION(exc) && pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
        pyl_incref(exc);
        if (pyl_exception_set_attr(t, exc, "name", pyl_incref(name)) < 0 ||
            pyl_exception_set_attr(t, exc, "obj", pyl_incref(o)) < 0) {
            pyl_err_restore(t, exc); /* keep the AttributeError itself */
            return;
        }
        pyl_decref(t, exc);
    }
}

PylObject *pyl_getattr(PylThread *t, PylObject *o, PylObject *name)
{
    if (check_name(t, name) < 0) {
        return NULL;
    }
    PylType *type = PYL_TYPEOF(t, o);
    PylObject *r;
    if (type->getattr == NULL) {
        r = pyl_err_format(t, PYL_EXC(t, AttributeError), "'%T' object has no attribute '%U'", o,
                           name);
    } else {
        r = type->getattr(t, o, name);
    }
    if (r == NULL) {
        attribute_error_context(t, o, name);
    }
    return r;
}

PylObject *pyl_getattr_cstr(PylThread *t, PylObject *o, const char *name)
{
    PylObject *n = pyl_str_intern_cstr(t, name);
    if (n == NULL) {
        return NULL;
    }
    PylObject *r = pyl_getattr(t, o, n);
    pyl_decref(t, n);
    return r;
}

PylObject *pyl_getattr_opt(PylThread *t, PylObject *o, PylObject *name)
{
    if (check_name(t, name) < 0) {
        return NULL;
    }
    PylType *type = PYL_TYPEOF(t, o);
    if (type->getattr == pyl_generic_getattr) {
        PylObject *r = pyl_generic_getattr_opt(t, o, name);
        if (r == NULL && pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
            pyl_err_clear(t); /* raised by a descriptor */
        }
        return r;
    }
    PylObject *r = type->getattr ? type->getattr(t, o, name) : NULL;
    if (r == NULL && (type->getattr == NULL || pyl_err_matches(t, PYL_EXC(t, AttributeError)))) {
        pyl_err_clear(t);
    }
    return r;
}

int pyl_hasattr(PylThread *t, PylObject *o, PylObject *name)
{
    PylObject *r = pyl_getattr_opt(t, o, name);
    if (r == NULL) {
        return pyl_err_occurred(t) ? -1 : 0;
    }
    pyl_decref(t, r);
    return 1;
}

int pyl_setattr(PylThread *t, PylObject *o, PylObject *name, PylObject *value)
{
    if (check_name(t, name) < 0) {
        return -1;
    }
    PylType *type = PYL_TYPEOF(t, o);
    if (type->setattr == NULL) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "'%T' object has no attribute '%U'", o, name);
        return -1;
    }
    return type->setattr(t, o, name, value);
}

int pyl_delattr(PylThread *t, PylObject *o, PylObject *name)
{
    return pyl_setattr(t, o, name, NULL);
}

PylObject *pyl_getmethod(PylThread *t, PylObject *o, PylObject *name, int *unbound)
{
    PylType *type = PYL_TYPEOF(t, o);
    *unbound = 0;
    if (type->getattr != pyl_generic_getattr) {
        return pyl_getattr(t, o, name);
    }
    PylObject *descr = pyl_type_lookup(t, type, name);
    if (descr == NULL || !(PYL_IS_KIND(descr, FUNCTION) || PYL_IS_KIND(descr, METHOD_DESCR))) {
        PylObject *r = pyl_generic_getattr(t, o, name);
        if (r == NULL) {
            attribute_error_context(t, o, name);
        }
        return r;
    }
    PylObject **dictp = instance_dict_ptr(type, o);
    if (dictp != NULL && *dictp != NULL) {
        PylObject *v = pyl_dict_get_str(t, *dictp, name);
        if (v != NULL) {
            return pyl_incref(v);
        }
    }
    *unbound = 1;
    return pyl_incref(descr);
}

/* ---- items ----------------------------------------------------------------------------- */

PylObject *pyl_getitem(PylThread *t, PylObject *o, PylObject *key)
{
    PylType *type = PYL_TYPEOF(t, o);
    if (type->getitem != NULL) {
        return type->getitem(t, o, key);
    }
    if (PYL_IS_TYPE(o)) {
        if (o == (PylObject *)PYL_TYPE(t, TYPE)) {
            return pyl_generic_alias_new(t, o, key); /* type[int] */
        }
        PylObject *meth = pyl_type_lookup(t, (PylType *)o, PYL_NAME(t, __class_getitem__));
        if (meth != NULL && meth != PYL_NONE) {
            PylObject *f = pyl_incref(meth);
            PylDescrGetFn get = PYL_TYPEOF(t, meth)->descr_get;
            if (get != NULL) {
                pyl_decref(t, f);
                f = get(t, meth, NULL, o);
                if (f == NULL) {
                    return NULL;
                }
            }
            PylObject *r = pyl_call1(t, f, key);
            pyl_decref(t, f);
            return r;
        }
        return pyl_err_format(t, PYL_EXC(t, TypeError), "type '%s' is not subscriptable",
                              ((PylType *)o)->name);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not subscriptable", o);
}

int pyl_setitem(PylThread *t, PylObject *o, PylObject *key, PylObject *value)
{
    PylType *type = PYL_TYPEOF(t, o);
    if (type->setitem == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object does not support item assignment", o);
        return -1;
    }
    return type->setitem(t, o, key, value);
}

int pyl_delitem(PylThread *t, PylObject *o, PylObject *key)
{
    PylType *type = PYL_TYPEOF(t, o);
    if (type->setitem == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object doesn't support item deletion", o);
        return -1;
    }
    return type->setitem(t, o, key, NULL);
}

intptr_t pyl_len(PylThread *t, PylObject *o)
{
    PylType *type = PYL_TYPEOF(t, o);
    if (type->len == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "object of type '%T' has no len()", o);
        return -1;
    }
    return type->len(t, o);
}

int pyl_contains(PylThread *t, PylObject *container, PylObject *item)
{
    PylType *type = PYL_TYPEOF(t, container);
    if (type->contains != NULL) {
        return type->contains(t, container, item);
    }
    if (type->iter == NULL && type->getitem == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "argument of type '%T' is not iterable",
                       container);
        return -1;
    }
    PylObject *it = pyl_iter(t, container);
    if (it == NULL) {
        return -1;
    }
    PylObject *x;
    int found = 0;
    while ((x = pyl_iter_next(t, it)) != NULL) {
        int c = pyl_equal(t, x, item);
        pyl_decref(t, x);
        if (c != 0) {
            found = c;
            break;
        }
    }
    pyl_decref(t, it);
    if (found == 0 && pyl_err_occurred(t)) {
        return -1;
    }
    return found;
}

/* ---- iteration ----------------------------------------------------------------------------- */

PylObject *pyl_iter(PylThread *t, PylObject *o)
{
    PylType *type = PYL_TYPEOF(t, o);
    if (type->iter == NULL) {
        if (type->getitem != NULL && !PYL_IS_DICT(o)) {
            return pyl_seq_iter_new(t, o);
        }
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not iterable", o);
    }
    PylObject *it = type->iter(t, o);
    if (it != NULL && PYL_TYPEOF(t, it)->iternext == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "iter() returned non-iterator of type '%T'", it);
        pyl_decref(t, it);
        return NULL;
    }
    return it;
}

PylObject *pyl_iter_next(PylThread *t, PylObject *it)
{
    PylType *type = PYL_TYPEOF(t, it);
    if (type->iternext == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not an iterator", it);
    }
    PylObject *r = type->iternext(t, it);
    if (r == NULL && t->exc != NULL && pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
        pyl_err_clear(t);
    }
    return r;
}

intptr_t pyl_length_hint(PylThread *t, PylObject *o, intptr_t dflt)
{
    PylType *type = PYL_TYPEOF(t, o);
    if (type->len != NULL) {
        intptr_t n = type->len(t, o);
        if (n >= 0) {
            return n;
        }
        if (!pyl_err_matches(t, PYL_EXC(t, TypeError))) {
            return -1;
        }
        pyl_err_clear(t);
    }
    PylObject *hint = pyl_type_lookup(t, type, PYL_NAME(t, __length_hint__));
    if (hint == NULL) {
        return dflt;
    }
    PylObject *r = pyl_call1(t, hint, o);
    if (r == NULL) {
        if (pyl_err_matches(t, PYL_EXC(t, TypeError))) {
            pyl_err_clear(t);
            return dflt;
        }
        return -1;
    }
    if (r == PYL_NOTIMPLEMENTED) {
        return dflt;
    }
    intptr_t n;
    if (!PYL_IS_INT(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__length_hint__ must be an integer, not %T", r);
        pyl_decref(t, r);
        return -1;
    }
    int rc = pyl_int_as_ssize(t, r, &n);
    pyl_decref(t, r);
    if (rc < 0) {
        return -1;
    }
    if (n < 0) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

PylObject *pyl_sequence_list(PylThread *t, PylObject *o)
{
    if (PYL_IS_LIST_EXACT(o)) {
        return pyl_list_from_array(t, PYL_LIST_ITEMS(o), PYL_LIST_SIZE(o));
    }
    if (PYL_IS_TUPLE_EXACT(o)) {
        return pyl_list_from_array(t, PYL_TUPLE_ITEMS(o), PYL_TUPLE_SIZE(o));
    }
    return pyl_list_from_iterable(t, o);
}

PylObject *pyl_sequence_tuple(PylThread *t, PylObject *o)
{
    if (PYL_IS_TUPLE_EXACT(o)) {
        return pyl_incref(o);
    }
    if (PYL_IS_LIST_EXACT(o)) {
        return pyl_tuple_from_array(t, PYL_LIST_ITEMS(o), PYL_LIST_SIZE(o));
    }
    PylObject *list = pyl_list_from_iterable(t, o);
    if (list == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_from_array(t, PYL_LIST_ITEMS(list), PYL_LIST_SIZE(list));
    pyl_decref(t, list);
    return r;
}

/* ---- calls ------------------------------------------------------------------------------------ */

PylObject *pyl_call(PylThread *t, PylObject *callable, PylObject *const *args, intptr_t nargs,
                    PylObject *kwnames)
{
    PylType *type = PYL_TYPEOF(t, callable);
    if (PYL_UNLIKELY(type->call == NULL)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not callable", callable);
    }
    return type->call(t, callable, args, nargs, kwnames);
}

PylObject *pyl_call0(PylThread *t, PylObject *callable)
{
    return pyl_call(t, callable, NULL, 0, NULL);
}

PylObject *pyl_call1(PylThread *t, PylObject *callable, PylObject *a)
{
    return pyl_call(t, callable, &a, 1, NULL);
}

PylObject *pyl_call2(PylThread *t, PylObject *callable, PylObject *a, PylObject *b)
{
    PylObject *args[2] = {a, b};
    return pyl_call(t, callable, args, 2, NULL);
}

PylObject *pyl_call_tuple_dict(PylThread *t, PylObject *callable, PylObject *args,
                               PylObject *kwargs)
{
    intptr_t npos = args ? PYL_TUPLE_SIZE(args) : 0;
    intptr_t nkw = kwargs ? PYL_DICT_LEN(kwargs) : 0;
    if (nkw == 0) {
        return pyl_call(t, callable, npos ? PYL_TUPLE_ITEMS(args) : NULL, npos, NULL);
    }
    PylObject *stack_buf[16];
    PylObject **stack = stack_buf;
    if (npos + nkw > 16) {
        stack = pyl_mem_alloc(t, sizeof(PylObject *) * (size_t)(npos + nkw));
        if (stack == NULL) {
            return NULL;
        }
    }
    PylObject *kwnames = pyl_tuple_new(t, nkw);
    PylObject *r = NULL;
    if (kwnames != NULL) {
        for (intptr_t i = 0; i < npos; i++) {
            stack[i] = PYL_TUPLE_ITEM(args, i);
        }
        intptr_t pos = 0, i = 0;
        PylObject *k, *v;
        while (pyl_dict_next(kwargs, &pos, &k, &v) && i < nkw) {
            PYL_TUPLE_ITEMS(kwnames)[i] = pyl_incref(k);
            stack[npos + i] = v;
            i++;
        }
        r = pyl_call(t, callable, stack, npos, kwnames);
        pyl_decref(t, kwnames);
    }
    if (stack != stack_buf) {
        pyl_mem_free(t, stack);
    }
    return r;
}

PylObject *pyl_call_method(PylThread *t, PylObject *o, PylObject *name, PylObject *const *args,
                           intptr_t nargs)
{
    int unbound;
    PylObject *f = pyl_getmethod(t, o, name, &unbound);
    if (f == NULL) {
        return NULL;
    }
    PylObject *r;
    if (unbound) {
        PylObject *stack_buf[8];
        PylObject **stack = stack_buf;
        if (nargs + 1 > 8) {
            stack = pyl_mem_alloc(t, sizeof(PylObject *) * (size_t)(nargs + 1));
            if (stack == NULL) {
                pyl_decref(t, f);
                return NULL;
            }
        }
        stack[0] = o;
        for (intptr_t i = 0; i < nargs; i++) {
            stack[i + 1] = args[i];
        }
        r = pyl_call(t, f, stack, nargs + 1, NULL);
        if (stack != stack_buf) {
            pyl_mem_free(t, stack);
        }
    } else {
        r = pyl_call(t, f, args, nargs, NULL);
    }
    pyl_decref(t, f);
    return r;
}

int pyl_callable(PylThread *t, PylObject *o)
{
    return PYL_TYPEOF(t, o)->call != NULL;
}

/* ---- operators ----------------------------------------------------------------------------------- */

static const char *const binop_symbols[PYL_NB_COUNT] = {
    [PYL_NB_ADD] = "+",    [PYL_NB_AND] = "&",     [PYL_NB_FLOORDIV] = "//", [PYL_NB_LSHIFT] = "<<",
    [PYL_NB_MATMUL] = "@", [PYL_NB_MUL] = "*",     [PYL_NB_MOD] = "%",       [PYL_NB_OR] = "|",
    [PYL_NB_POW] = "**",   [PYL_NB_RSHIFT] = ">>", [PYL_NB_SUB] = "-",       [PYL_NB_TRUEDIV] = "/",
    [PYL_NB_XOR] = "^",
};

const char *pyl_binop_symbol(int op)
{
    return binop_symbols[op];
}

/* Try a's slot then b's (b's first when b's type is a proper subclass). */
static PylObject *binary_op1(PylThread *t, PylObject *a, PylObject *b, size_t offset)
{
    PylType *ta = PYL_TYPEOF(t, a), *tb = PYL_TYPEOF(t, b);
    PylBinaryFn sa = *(PylBinaryFn *)((char *)ta + offset);
    PylBinaryFn sb = NULL;
    if (tb != ta) {
        sb = *(PylBinaryFn *)((char *)tb + offset);
        if (sb == sa) {
            sb = NULL;
        }
    }
    PylObject *r;
    if (sa != NULL) {
        if (sb != NULL && pyl_type_is_subtype(tb, ta)) {
            r = sb(t, a, b);
            if (r != PYL_NOTIMPLEMENTED) {
                return r;
            }
            sb = NULL;
        }
        r = sa(t, a, b);
        if (r != PYL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (sb != NULL) {
        return sb(t, a, b);
    }
    return PYL_NOTIMPLEMENTED;
}

static bool is_sequence_kind(PylObject *o, const char **name)
{
    if (PYL_IS_STR(o)) {
        *name = "str";
    } else if (PYL_IS_LIST(o)) {
        *name = "list";
    } else if (PYL_IS_TUPLE(o)) {
        *name = "tuple";
    } else if (PYL_IS_BYTES(o)) {
        *name = "bytes";
    } else if (PYL_IS_BYTEARRAY(o)) {
        *name = "bytearray";
    } else {
        return false;
    }
    return true;
}

static PylObject *binop_error(PylThread *t, PylObject *a, PylObject *b, int op, const char *sym)
{
    const char *seq;
    if (op == PYL_NB_ADD && is_sequence_kind(a, &seq) && !PYL_IS_BYTES(a) && !PYL_IS_BYTEARRAY(a)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "can only concatenate %s (not \"%T\") to %s", seq, b, seq);
    }
    if (op == PYL_NB_ADD && (PYL_IS_BYTES(a) || PYL_IS_BYTEARRAY(a))) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "can't concat %T to %T", b, a);
    }
    if (op == PYL_NB_MUL && (is_sequence_kind(a, &seq) || is_sequence_kind(b, &seq))) {
        PylObject *other = is_sequence_kind(a, &seq) ? b : a;
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "can't multiply sequence by non-int of type '%T'", other);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "unsupported operand type(s) for %s: '%T' and '%T'", sym, a, b);
}

PylObject *pyl_binop(PylThread *t, PylObject *a, PylObject *b, int op)
{
    PylObject *r = binary_op1(t, a, b, offsetof(PylType, nb) + (size_t)op * sizeof(PylBinaryFn));
    if (r != PYL_NOTIMPLEMENTED) {
        return r;
    }
    if (op == PYL_NB_POW) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "unsupported operand type(s) for ** or pow(): '%T' and '%T'", a, b);
    }
    return binop_error(t, a, b, op, binop_symbols[op]);
}

PylObject *pyl_inplace_binop(PylThread *t, PylObject *a, PylObject *b, int op)
{
    PylType *ta = PYL_TYPEOF(t, a);
    PylBinaryFn islot = ta->inb[op];
    if (islot != NULL) {
        PylObject *r = islot(t, a, b);
        if (r != PYL_NOTIMPLEMENTED) {
            return r;
        }
    }
    PylObject *r = binary_op1(t, a, b, offsetof(PylType, nb) + (size_t)op * sizeof(PylBinaryFn));
    if (r != PYL_NOTIMPLEMENTED) {
        return r;
    }
    char sym[8];
    snprintf(sym, sizeof sym, "%s=", binop_symbols[op]);
    return binop_error(t, a, b, op, sym);
}

static PylObject *unary(PylThread *t, PylObject *o, size_t offset, const char *sym)
{
    PylType *type = PYL_TYPEOF(t, o);
    PylUnaryFn f = *(PylUnaryFn *)((char *)type + offset);
    if (f == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "bad operand type for %s: '%T'", sym, o);
    }
    return f(t, o);
}

PylObject *pyl_neg(PylThread *t, PylObject *o)
{
    return unary(t, o, offsetof(PylType, neg), "unary -");
}

PylObject *pyl_pos(PylThread *t, PylObject *o)
{
    return unary(t, o, offsetof(PylType, pos), "unary +");
}

PylObject *pyl_invert(PylThread *t, PylObject *o)
{
    return unary(t, o, offsetof(PylType, invert), "unary ~");
}

PylObject *pyl_abs(PylThread *t, PylObject *o)
{
    return unary(t, o, offsetof(PylType, abs), "abs()");
}

PylObject *pyl_divmod(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *r = binary_op1(t, a, b, offsetof(PylType, divmod));
    if (r != PYL_NOTIMPLEMENTED) {
        return r;
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}

PylObject *pyl_pow(PylThread *t, PylObject *a, PylObject *b, PylObject *mod)
{
    if (mod == NULL || mod == PYL_NONE) {
        return pyl_binop(t, a, b, PYL_NB_POW);
    }
    PylType *ta = PYL_TYPEOF(t, a);
    if (ta->pow3 != NULL) {
        PylObject *r = ta->pow3(t, a, b, mod);
        if (r != PYL_NOTIMPLEMENTED) {
            return r;
        }
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'", a, b,
                          mod);
}

/* ---- types --------------------------------------------------------------------------------------- */

int pyl_isinstance(PylThread *t, PylObject *o, PylObject *cls)
{
    return pyl_type_isinstance(t, o, cls); /* the whole protocol is in vm/type.c */
}

int pyl_issubclass(PylThread *t, PylObject *derived, PylObject *cls)
{
    return pyl_type_issubclass(t, derived, cls);
}
