/* slice.c — slice objects, and the index arithmetic every sequence shares:
 * resolving a slice against a length (slice.indices, PySlice_Unpack +
 * AdjustIndices semantics) and reading an index key. */
#include <stdio.h>

#include "vm/core.h"

/* ---- index keys ------------------------------------------------------------------ */

bool pyl_is_index(PylThread *t, PylObject *o)
{
    return PYL_IS_INT(o) || PYL_TYPEOF(t, o)->index != NULL;
}

int pyl_seq_index(PylThread *t, PylObject *key, intptr_t *out)
{
    if (PYL_LIKELY(PYL_IS_SMALLINT(key))) {
        *out = PYL_SMALLINT_VALUE(key);
        return 0;
    }
    if (pyl_index_as_ssize(t, key, out) == 0) {
        return 0;
    }
    if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
        /* Same message, raised as IndexError (PyNumber_AsSsize_t(o, IndexError)). */
        PylObject *exc = pyl_err_fetch(t);
        PylObject *args = PYL_EXC_ARGS(exc);
        pyl_xincref(args);
        pyl_decref(t, exc);
        pyl_err_set(t, PYL_EXC(t, IndexError), args);
        pyl_xdecref(t, args);
    }
    return -1;
}

int pyl_slice_index_notnone(PylThread *t, PylObject *v, intptr_t *out)
{
    if (PYL_IS_SMALLINT(v)) {
        *out = PYL_SMALLINT_VALUE(v);
        return 0;
    }
    if (!pyl_is_index(t, v)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return pyl_index_as_ssize_clamped(t, v, out);
}

/* ---- slice arithmetic ---------------------------------------------------------- */

/* One bound: None keeps *out, anything else must be an index (clamped). */
static int slice_bound(PylThread *t, PylObject *v, intptr_t *out)
{
    if (v == PYL_NONE) {
        return 0;
    }
    if (PYL_IS_SMALLINT(v)) {
        *out = PYL_SMALLINT_VALUE(v);
        return 0;
    }
    if (!pyl_is_index(t, v)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return pyl_index_as_ssize_clamped(t, v, out);
}

int pyl_slice_unpack_raw(PylThread *t, PylObject *slice, intptr_t *start, intptr_t *stop,
                         intptr_t *step)
{
    PylSlice *s = (PylSlice *)slice;
    *step = 1;
    if (slice_bound(t, s->step, step) < 0) {
        return -1;
    }
    if (*step == 0) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "slice step cannot be zero");
        return -1;
    }
    if (*step < -INTPTR_MAX) {
        *step = -INTPTR_MAX; /* so that -step never overflows */
    }
    *start = *step < 0 ? INTPTR_MAX : 0;
    if (slice_bound(t, s->start, start) < 0) {
        return -1;
    }
    *stop = *step < 0 ? INTPTR_MIN : INTPTR_MAX;
    return slice_bound(t, s->stop, stop);
}

intptr_t pyl_slice_adjust(intptr_t len, intptr_t *start, intptr_t *stop, intptr_t step)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        if (*stop < *start) {
            return (intptr_t)((uintptr_t)(*start - *stop - 1) / (uintptr_t)(-step)) + 1;
        }
    } else if (*start < *stop) {
        return (intptr_t)((uintptr_t)(*stop - *start - 1) / (uintptr_t)step) + 1;
    }
    return 0;
}

intptr_t pyl_slice_unpack(PylThread *t, PylObject *slice, intptr_t len, intptr_t *start,
                          intptr_t *stop, intptr_t *step)
{
    if (pyl_slice_unpack_raw(t, slice, start, stop, step) < 0) {
        return -1;
    }
    return pyl_slice_adjust(len, start, stop, *step);
}

/* A slice bound as an mpz (None excluded by the caller). */
static int bound_mpz(PylThread *t, PylObject *v, mpz_t out)
{
    if (!pyl_is_index(t, v)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    PylObject *i = pyl_number_index(t, v);
    if (i == NULL) {
        return -1;
    }
    pyl_int_to_mpz(i, out);
    pyl_decref(t, i);
    return 0;
}

static void clamp_bound(mpz_t v, const mpz_t len, const mpz_t lower, const mpz_t upper)
{
    if (mpz_sgn(v) < 0) {
        mpz_add(v, v, len);
        if (mpz_cmp(v, lower) < 0) {
            mpz_set(v, lower);
        }
    } else if (mpz_cmp(v, upper) > 0) {
        mpz_set(v, upper);
    }
}

int pyl_slice_long_indices(PylThread *t, PylObject *slice, PylObject *length, PylObject **start,
                           PylObject **stop, PylObject **step)
{
    PylSlice *s = (PylSlice *)slice;
    mpz_t len, st, sp, sz, lower, upper;
    mpz_inits(len, st, sp, sz, lower, upper, NULL);
    int rc = -1;
    pyl_int_to_mpz(length, len);
    if (s->step == PYL_NONE) {
        mpz_set_ui(sz, 1);
    } else {
        if (bound_mpz(t, s->step, sz) < 0) {
            goto done;
        }
        if (mpz_sgn(sz) == 0) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "slice step cannot be zero");
            goto done;
        }
    }
    bool neg = mpz_sgn(sz) < 0;
    if (neg) {
        mpz_set_si(lower, -1);
        mpz_add(upper, len, lower);
    } else {
        mpz_set_ui(lower, 0);
        mpz_set(upper, len);
    }
    if (s->start == PYL_NONE) {
        mpz_set(st, neg ? upper : lower);
    } else {
        if (bound_mpz(t, s->start, st) < 0) {
            goto done;
        }
        clamp_bound(st, len, lower, upper);
    }
    if (s->stop == PYL_NONE) {
        mpz_set(sp, neg ? lower : upper);
    } else {
        if (bound_mpz(t, s->stop, sp) < 0) {
            goto done;
        }
        clamp_bound(sp, len, lower, upper);
    }
    *start = pyl_int_from_mpz(t, st);
    *stop = *start ? pyl_int_from_mpz(t, sp) : NULL;
    *step = *stop ? pyl_int_from_mpz(t, sz) : NULL;
    if (*step == NULL) {
        pyl_xdecref(t, *start);
        pyl_xdecref(t, *stop);
        goto done;
    }
    rc = 0;
done:
    mpz_clears(len, st, sp, sz, lower, upper, NULL);
    return rc;
}

/* ---- the type ------------------------------------------------------------------- */

PylObject *pyl_slice_new(PylThread *t, PylObject *start, PylObject *stop, PylObject *step)
{
    PylSlice *s = (PylSlice *)pyl_obj_alloc(t, PYL_TYPE(t, SLICE), sizeof(PylSlice));
    if (s == NULL) {
        return NULL;
    }
    s->start = pyl_incref(start ? start : PYL_NONE);
    s->stop = pyl_incref(stop ? stop : PYL_NONE);
    s->step = pyl_incref(step ? step : PYL_NONE);
    return (PylObject *)s;
}

static void slice_dealloc(PylThread *t, PylObject *self)
{
    PylSlice *s = (PylSlice *)self;
    pyl_decref(t, s->start);
    pyl_decref(t, s->stop);
    pyl_decref(t, s->step);
    pyl_obj_free(t, self);
}

static int slice_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylSlice *s = (PylSlice *)self;
    if (visit(s->start, arg) != 0 || visit(s->stop, arg) != 0 || visit(s->step, arg) != 0) {
        return -1;
    }
    return 0;
}

static PylObject *slice_repr(PylThread *t, PylObject *self)
{
    PylSlice *s = (PylSlice *)self;
    return pyl_str_format_c(t, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static PylObject *slice_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_KIND(a, SLICE) || !PYL_IS_KIND(b, SLICE)) {
        return PYL_NOTIMPLEMENTED;
    }
    if (a == b) {
        return PYL_BOOL(op == PYL_EQ || op == PYL_LE || op == PYL_GE);
    }
    PylSlice *x = (PylSlice *)a, *y = (PylSlice *)b;
    PylObject *tx = pyl_tuple_pack(t, 3, x->start, x->stop, x->step);
    if (tx == NULL) {
        return NULL;
    }
    PylObject *ty = pyl_tuple_pack(t, 3, y->start, y->stop, y->step);
    if (ty == NULL) {
        pyl_decref(t, tx);
        return NULL;
    }
    PylObject *r = pyl_richcompare(t, tx, ty, op);
    pyl_decref(t, tx);
    pyl_decref(t, ty);
    return r;
}

static PylObject *slice_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "slice", kwnames) < 0 || pyl_check_nargs(t, "slice", nargs, 1, 3) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return pyl_slice_new(t, NULL, args[0], NULL);
    }
    return pyl_slice_new(t, args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static PylObject *slice_indices(PylThread *t, PylObject *self, PylObject *len)
{
    PylObject *n = pyl_number_index(t, len);
    if (n == NULL) {
        return NULL;
    }
    if (pyl_int_sign(n) < 0) {
        pyl_decref(t, n);
        return pyl_err_format(t, PYL_EXC(t, ValueError), "length should not be negative");
    }
    PylObject *start, *stop, *step;
    int rc = pyl_slice_long_indices(t, self, n, &start, &stop, &step);
    pyl_decref(t, n);
    if (rc < 0) {
        return NULL;
    }
    PylObject *r = pyl_tuple_new(t, 3);
    if (r == NULL) {
        pyl_decref(t, start);
        pyl_decref(t, stop);
        pyl_decref(t, step);
        return NULL;
    }
    PYL_TUPLE_ITEMS(r)[0] = start;
    PYL_TUPLE_ITEMS(r)[1] = stop;
    PYL_TUPLE_ITEMS(r)[2] = step;
    return r;
}

static PylObject *slice_reduce(PylThread *t, PylObject *self)
{
    PylSlice *s = (PylSlice *)self;
    PylObject *args = pyl_tuple_pack(t, 3, s->start, s->stop, s->step);
    if (args == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 2, (PylObject *)PYL_TYPEOF(t, self), args);
    pyl_decref(t, args);
    return r;
}

static const PylMethodDef slice_methods[] = {
    PYL_METHOD_O("indices", slice_indices),
    PYL_METHOD_NOARGS("__reduce__", slice_reduce),
    PYL_METHOD_END,
};

static const PylMemberDef slice_members[] = {
    {"start", PYL_MEMBER_OBJECT, offsetof(PylSlice, start), true, NULL},
    {"stop", PYL_MEMBER_OBJECT, offsetof(PylSlice, stop), true, NULL},
    {"step", PYL_MEMBER_OBJECT, offsetof(PylSlice, step), true, NULL},
    {NULL, 0, 0, false, NULL},
};

const PylType pyl_slice_type = {
    .name = "slice",
    .kind = PYL_K_SLICE,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylSlice),
    .dealloc = slice_dealloc,
    .traverse = slice_traverse,
    .repr = slice_repr,
    .hash = pyl_hash_unhashable,
    .richcompare = slice_richcompare,
    .new_ = slice_new_,
    .methods = slice_methods,
    .members = slice_members,
    .doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used "
           "for extended slicing (e.g. a[0:10:2]).",
};
