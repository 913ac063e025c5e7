/* tuple.c — the tuple type and its iterator. Layout in tuple.h.
 *
 * Invariants: every item of a tuple that escaped to Python code is non-NULL; the
 * empty tuple is the per-VM singleton vm->empty_tuple (once it exists); hash is
 * cached after the first successful computation (-1 = not yet).
 */
#include <stdarg.h>
#include <stdio.h>

#include "vm/core.h"

/* ---- construction ------------------------------------------------------------- */

static PylObject *tuple_alloc(PylThread *t, PylType *type, intptr_t n)
{
    if (n > (INTPTR_MAX - (intptr_t)type->basicsize) / (intptr_t)sizeof(PylObject *)) {
        return pyl_err_nomemory(t);
    }
    PylTuple *tup =
        (PylTuple *)pyl_obj_alloc(t, type, type->basicsize + n * (intptr_t)sizeof(PylObject *));
    if (tup == NULL) {
        return NULL;
    }
    tup->size = n;
    tup->hash = -1;
    return (PylObject *)tup;
}

PylObject *pyl_tuple_new(PylThread *t, intptr_t n)
{
    if (n == 0 && t->vm->empty_tuple != NULL) {
        return pyl_incref(t->vm->empty_tuple);
    }
    return tuple_alloc(t, PYL_TYPE(t, TUPLE), n);
}

PylObject *pyl_tuple_pack(PylThread *t, intptr_t n, ...)
{
    PylObject *r = pyl_tuple_new(t, n);
    if (r == NULL) {
        return NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (intptr_t i = 0; i < n; i++) {
        PYL_TUPLE_ITEMS(r)[i] = pyl_incref(va_arg(ap, PylObject *));
    }
    va_end(ap);
    return r;
}

PylObject *pyl_tuple_from_array(PylThread *t, PylObject *const *items, intptr_t n)
{
    PylObject *r = pyl_tuple_new(t, n);
    if (r == NULL) {
        return NULL;
    }
    PylObject **dst = PYL_TUPLE_ITEMS(r);
    for (intptr_t i = 0; i < n; i++) {
        dst[i] = pyl_incref(items[i]);
    }
    return r;
}

/* A tuple made of the items of a list we own: the items move (the list ends up
 * empty), no reference counting. */
static PylObject *tuple_from_owned_list(PylThread *t, PylObject *list)
{
    intptr_t n = PYL_LIST_SIZE(list);
    PylObject *r = pyl_tuple_new(t, n);
    if (r == NULL) {
        return NULL;
    }
    if (n > 0) {
        memcpy(PYL_TUPLE_ITEMS(r), PYL_LIST_ITEMS(list), (size_t)n * sizeof(PylObject *));
        ((PylList *)list)->size = 0;
    }
    return r;
}

PylObject *pyl_tuple_from_iterable(PylThread *t, PylObject *iterable)
{
    if (PYL_IS_TUPLE_EXACT(iterable)) {
        return pyl_incref(iterable);
    }
    if (PYL_IS_LIST_EXACT(iterable)) {
        return pyl_tuple_from_array(t, PYL_LIST_ITEMS(iterable), PYL_LIST_SIZE(iterable));
    }
    PylObject *list = pyl_list_from_iterable(t, iterable);
    if (list == NULL) {
        return NULL;
    }
    PylObject *r = tuple_from_owned_list(t, list);
    pyl_decref(t, list);
    return r;
}

PylObject *pyl_tuple_slice(PylThread *t, PylObject *tup, intptr_t start, intptr_t stop)
{
    intptr_t n = PYL_TUPLE_SIZE(tup);
    if (start < 0) {
        start = 0;
    }
    if (stop > n) {
        stop = n;
    }
    if (stop < start) {
        stop = start;
    }
    if (start == 0 && stop == n && PYL_IS_TUPLE_EXACT(tup)) {
        return pyl_incref(tup);
    }
    return pyl_tuple_from_array(t, PYL_TUPLE_ITEMS(tup) + start, stop - start);
}

/* ---- slots --------------------------------------------------------------------- */

static void tuple_dealloc(PylThread *t, PylObject *self)
{
    PylTuple *tup = (PylTuple *)self;
    for (intptr_t i = tup->size - 1; i >= 0; i--) {
        pyl_xdecref(t, tup->items[i]);
    }
    pyl_obj_free(t, self);
}

static int tuple_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylTuple *tup = (PylTuple *)self;
    for (intptr_t i = 0; i < tup->size; i++) {
        if (tup->items[i] != NULL && visit(tup->items[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *tuple_repr(PylThread *t, PylObject *self)
{
    intptr_t n = PYL_TUPLE_SIZE(self);
    if (n == 0) {
        return pyl_str_from_cstr(t, "()");
    }
    /* A tuple cannot contain itself directly, but an object inside it can lead
     * back to it through its own __repr__. */
    int rec = pyl_repr_enter(t, self);
    if (rec != 0) {
        return rec > 0 ? pyl_str_from_cstr(t, "(...)") : NULL;
    }
    PylBuf b;
    pyl_buf_init(&b);
    int r = pyl_buf_putc(t, &b, '(');
    for (intptr_t i = 0; r == 0 && i < n; i++) {
        if (i > 0) {
            r = pyl_buf_append(t, &b, ", ", 2);
            if (r < 0) {
                break;
            }
        }
        PylObject *s = pyl_repr(t, PYL_TUPLE_ITEM(self, i));
        if (s == NULL) {
            r = -1;
            break;
        }
        r = pyl_buf_put_str(t, &b, s);
        pyl_decref(t, s);
    }
    pyl_repr_leave(t, self);
    if (r == 0 && n == 1) {
        r = pyl_buf_putc(t, &b, ',');
    }
    if (r < 0 || pyl_buf_putc(t, &b, ')') < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

/* CPython 3.11's tuple hash (xxHash's round function over the item hashes), so
 * that hashes, and thus the order of sets of tuples, match CPython. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

static PylHash tuple_hash(PylThread *t, PylObject *self)
{
    PylTuple *tup = (PylTuple *)self;
    if (tup->hash != -1) {
        return tup->hash;
    }
    /* Nested tuples hash recursively. CPython sets no depth limit here, so only
     * the C stack is guarded. */
    char here;
    if (PYL_UNLIKELY(&here < t->cstack_limit)) {
        t->depth++; /* pyl_recursion_error undoes it */
        pyl_recursion_error(t, " while hashing");
        return -1;
    }
    uint64_t acc = XXPRIME_5;
    for (intptr_t i = 0; i < tup->size; i++) {
        PylObject *item = tup->items[i];
        PylHash h = PYL_IS_STR_EXACT(item) ? pyl_str_hash(t, item) : pyl_hash(t, item);
        if (h == -1) {
            return -1;
        }
        acc += (uint64_t)h * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)tup->size ^ (XXPRIME_5 ^ 3527539ULL);
    PylHash h = acc == UINT64_MAX ? 1546275796 : (PylHash)acc;
    tup->hash = h;
    return h;
}

static PylObject *cmp_sizes(intptr_t a, intptr_t b, int op)
{
    switch (op) {
    case PYL_LT:
        return PYL_BOOL(a < b);
    case PYL_LE:
        return PYL_BOOL(a <= b);
    case PYL_EQ:
        return PYL_BOOL(a == b);
    case PYL_NE:
        return PYL_BOOL(a != b);
    case PYL_GT:
        return PYL_BOOL(a > b);
    default:
        return PYL_BOOL(a >= b);
    }
}

/* Lexicographic comparison: find the first pair of items that differ (identity
 * counts as equal), then compare those with op; no such pair compares sizes.
 * Unlike lists, tuples do not shortcut == on different sizes (as CPython). */
static PylObject *tuple_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_TUPLE(a) || !PYL_IS_TUPLE(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    intptr_t na = PYL_TUPLE_SIZE(a), nb = PYL_TUPLE_SIZE(b);
    intptr_t i;
    for (i = 0; i < na && i < nb; i++) {
        int k = pyl_equal(t, PYL_TUPLE_ITEM(a, i), PYL_TUPLE_ITEM(b, i));
        if (k < 0) {
            return NULL;
        }
        if (k == 0) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        return cmp_sizes(na, nb, op);
    }
    if (op == PYL_EQ) {
        return PYL_FALSE;
    }
    if (op == PYL_NE) {
        return PYL_TRUE;
    }
    return pyl_richcompare(t, PYL_TUPLE_ITEM(a, i), PYL_TUPLE_ITEM(b, i), op);
}

static intptr_t tuple_len(PylThread *t, PylObject *self)
{
    return PYL_TUPLE_SIZE(self);
}

static int tuple_contains(PylThread *t, PylObject *self, PylObject *item)
{
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(self); i++) {
        int c = pyl_equal(t, PYL_TUPLE_ITEM(self, i), item);
        if (c != 0) {
            return c;
        }
    }
    return 0;
}

static PylObject *tuple_subscript(PylThread *t, PylObject *self, PylObject *key)
{
    intptr_t n = PYL_TUPLE_SIZE(self);
    if (PYL_IS_KIND(key, SLICE)) {
        intptr_t start, stop, step;
        intptr_t len = pyl_slice_unpack(t, key, n, &start, &stop, &step);
        if (len < 0) {
            return NULL;
        }
        if (step == 1) {
            return pyl_tuple_slice(t, self, start, stop);
        }
        PylObject *r = pyl_tuple_new(t, len);
        if (r == NULL) {
            return NULL;
        }
        /* (start + i*step is an index for i < len: no overflow, unlike stepping past) */
        for (intptr_t i = 0; i < len; i++) {
            PYL_TUPLE_ITEMS(r)[i] = pyl_incref(PYL_TUPLE_ITEM(self, start + i * step));
        }
        return r;
    }
    if (!pyl_is_index(t, key)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "tuple indices must be integers or slices, not %T", key);
    }
    intptr_t i;
    if (pyl_seq_index(t, key, &i) < 0) {
        return NULL;
    }
    if (i < 0) {
        i += n;
    }
    if ((uintptr_t)i >= (uintptr_t)n) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "tuple index out of range");
    }
    return pyl_incref(PYL_TUPLE_ITEM(self, i));
}

static PylObject *tuple_add(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_TUPLE(a) || !PYL_IS_TUPLE(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    intptr_t na = PYL_TUPLE_SIZE(a), nb = PYL_TUPLE_SIZE(b);
    if (nb == 0 && PYL_IS_TUPLE_EXACT(a)) {
        return pyl_incref(a);
    }
    if (na == 0 && PYL_IS_TUPLE_EXACT(b)) {
        return pyl_incref(b);
    }
    PylObject *r = pyl_tuple_new(t, na + nb);
    if (r == NULL) {
        return NULL;
    }
    PylObject **dst = PYL_TUPLE_ITEMS(r);
    for (intptr_t i = 0; i < na; i++) {
        dst[i] = pyl_incref(PYL_TUPLE_ITEM(a, i));
    }
    for (intptr_t i = 0; i < nb; i++) {
        dst[na + i] = pyl_incref(PYL_TUPLE_ITEM(b, i));
    }
    return r;
}

static PylObject *tuple_repeat(PylThread *t, PylObject *self, intptr_t n)
{
    intptr_t size = PYL_TUPLE_SIZE(self);
    if ((size == 0 || n == 1) && PYL_IS_TUPLE_EXACT(self)) {
        return pyl_incref(self);
    }
    if (size == 0 || n <= 0) {
        return pyl_tuple_new(t, 0);
    }
    if (n > INTPTR_MAX / size) {
        return pyl_err_nomemory(t);
    }
    PylObject *r = pyl_tuple_new(t, size * n);
    if (r == NULL) {
        return NULL;
    }
    PylObject **src = PYL_TUPLE_ITEMS(self), **dst = PYL_TUPLE_ITEMS(r);
    for (intptr_t k = 0; k < n; k++) {
        for (intptr_t i = 0; i < size; i++) {
            *dst++ = pyl_incref(src[i]);
        }
    }
    return r;
}

static PylObject *tuple_mul(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *seq, *count;
    if (PYL_IS_TUPLE(a)) {
        seq = a;
        count = b;
    } else if (PYL_IS_TUPLE(b)) {
        seq = b;
        count = a;
    } else {
        return PYL_NOTIMPLEMENTED;
    }
    if (!pyl_is_index(t, count)) {
        return PYL_NOTIMPLEMENTED;
    }
    intptr_t n;
    if (PYL_IS_SMALLINT(count)) {
        n = PYL_SMALLINT_VALUE(count);
    } else if (pyl_index_as_ssize(t, count, &n) < 0) {
        return NULL;
    }
    return tuple_repeat(t, seq, n);
}

PYL_INTERNAL PylObject *pyl_tuple_iter(PylThread *t, PylObject *self);

static PylObject *tuple_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (type == PYL_TYPE(t, TUPLE) && pyl_no_kwargs(t, "tuple", kwnames) < 0) {
        return NULL;
    }
    if (pyl_check_nargs(t, "tuple", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (type == PYL_TYPE(t, TUPLE)) {
        return nargs == 0 ? pyl_tuple_new(t, 0) : pyl_tuple_from_iterable(t, args[0]);
    }
    /* A subclass: build a plain tuple, then move its items into the instance. */
    PylObject *tmp = nargs == 0 ? pyl_tuple_new(t, 0) : pyl_tuple_from_iterable(t, args[0]);
    if (tmp == NULL) {
        return NULL;
    }
    intptr_t n = PYL_TUPLE_SIZE(tmp);
    PylObject *r = tuple_alloc(t, type, n);
    if (r != NULL) {
        for (intptr_t i = 0; i < n; i++) {
            PYL_TUPLE_ITEMS(r)[i] = pyl_incref(PYL_TUPLE_ITEM(tmp, i));
        }
    }
    pyl_decref(t, tmp);
    return r;
}

/* ---- methods -------------------------------------------------------------------- */

static PylObject *tuple_count(PylThread *t, PylObject *self, PylObject *value)
{
    intptr_t count = 0;
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(self); i++) {
        int c = pyl_equal(t, PYL_TUPLE_ITEM(self, i), value);
        if (c < 0) {
            return NULL;
        }
        count += c;
    }
    return pyl_int_from_ssize(t, count);
}

static PylObject *tuple_index(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "index", nargs, 1, 3) < 0) {
        return NULL;
    }
    intptr_t n = PYL_TUPLE_SIZE(self);
    intptr_t start = 0, stop = INTPTR_MAX;
    if (nargs > 1 && pyl_slice_index_notnone(t, args[1], &start) < 0) {
        return NULL;
    }
    if (nargs > 2 && pyl_slice_index_notnone(t, args[2], &stop) < 0) {
        return NULL;
    }
    if (start < 0) {
        start += n;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += n;
    } else if (stop > n) {
        stop = n;
    }
    for (intptr_t i = start; i < stop; i++) {
        int c = pyl_equal(t, PYL_TUPLE_ITEM(self, i), args[0]);
        if (c < 0) {
            return NULL;
        }
        if (c > 0) {
            return pyl_int_from_ssize(t, i);
        }
    }
    return pyl_err_format(t, PYL_EXC(t, ValueError), "tuple.index(x): x not in tuple");
}

static PylObject *tuple_getnewargs(PylThread *t, PylObject *self)
{
    PylObject *copy = pyl_tuple_slice(t, self, 0, PYL_TUPLE_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 1, copy);
    pyl_decref(t, copy);
    return r;
}

/* tuple.__add__ / __mul__ / __rmul__ called as methods raise like CPython's
 * sequence slots instead of returning NotImplemented. */
static PylObject *tuple_add_meth(PylThread *t, PylObject *self, PylObject *other)
{
    if (!PYL_IS_TUPLE(other)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "can only concatenate tuple (not \"%T\") to tuple", other);
    }
    return tuple_add(t, self, other);
}

static PylObject *tuple_mul_meth(PylThread *t, PylObject *self, PylObject *count)
{
    intptr_t n;
    if (pyl_index_as_ssize(t, count, &n) < 0) {
        return NULL;
    }
    return tuple_repeat(t, self, n);
}

static const PylMethodDef tuple_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_O("count", tuple_count),
    PYL_METHOD_FAST("index", tuple_index),
    PYL_METHOD_NOARGS("__getnewargs__", tuple_getnewargs),
    PYL_METHOD_O("__add__", tuple_add_meth),
    PYL_METHOD_O("__mul__", tuple_mul_meth),
    PYL_METHOD_O("__rmul__", tuple_mul_meth),
    PYL_METHOD_END,
};

const PylType pyl_tuple_type = {
    .name = "tuple",
    .kind = PYL_K_TUPLE,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC | PYL_TF_SEQUENCE,
    .basicsize = sizeof(PylTuple),
    .itemsize = sizeof(PylObject *),
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = pyl_tuple_iter,
    .new_ = tuple_new_,
    .len = tuple_len,
    .getitem = tuple_subscript,
    .contains = tuple_contains,
    .nb = {[PYL_NB_ADD] = tuple_add, [PYL_NB_MUL] = tuple_mul},
    .methods = tuple_methods,
    .doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns "
           "an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's "
           "items.\n\nIf the argument is a tuple, the return value is the same object.",
};

/* ---- tuple_iterator ---------------------------------------------------------------- */

typedef struct TupleIter {
    PylObject ob;
    PylObject *seq; /* NULL once exhausted */
    intptr_t index;
} TupleIter;

PylObject *pyl_tuple_iter(PylThread *t, PylObject *self)
{
    TupleIter *it = (TupleIter *)pyl_obj_alloc(t, PYL_TYPE(t, TUPLE_ITER), sizeof(TupleIter));
    if (it == NULL) {
        return NULL;
    }
    it->seq = pyl_incref(self);
    return (PylObject *)it;
}

static void tupleiter_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((TupleIter *)self)->seq);
    pyl_obj_free(t, self);
}

static int tupleiter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    TupleIter *it = (TupleIter *)self;
    return it->seq ? visit(it->seq, arg) : 0;
}

static PylObject *tupleiter_next(PylThread *t, PylObject *self)
{
    TupleIter *it = (TupleIter *)self;
    PylObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < PYL_TUPLE_SIZE(seq)) {
        return pyl_incref(PYL_TUPLE_ITEM(seq, it->index++));
    }
    it->seq = NULL;
    pyl_decref(t, seq);
    return NULL;
}

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static PylObject *tupleiter_length_hint(PylThread *t, PylObject *self)
{
    TupleIter *it = (TupleIter *)self;
    return pyl_int_from_ssize(t, it->seq ? PYL_TUPLE_SIZE(it->seq) - it->index : 0);
}

static const PylMethodDef tupleiter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", tupleiter_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_tuple_iter_type = {
    .name = "tuple_iterator",
    .kind = PYL_K_TUPLE_ITER,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(TupleIter),
    .dealloc = tupleiter_dealloc,
    .traverse = tupleiter_traverse,
    .iter = iter_self,
    .iternext = tupleiter_next,
    .methods = tupleiter_methods,
};
