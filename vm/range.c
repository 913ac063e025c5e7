/* range.c — range objects and their iterators.
 *
 * A range keeps start, stop, step and its length as int objects (any size);
 * arithmetic is done in C when they are small ints and with GMP otherwise.
 * Iteration uses range_iterator (C integers) whenever every value it can produce
 * fits in an int64, and longrange_iterator (int objects) otherwise.
 */
#include <stdio.h>

#include "vm/core.h"

#define RANGE(o) ((PylRange *)(o))

static bool all_small(PylObject *a, PylObject *b, PylObject *c)
{
    return PYL_IS_SMALLINT(a) && PYL_IS_SMALLINT(b) && PYL_IS_SMALLINT(c);
}

/* len(range(start, stop, step)) as an int object (step != 0). */
static PylObject *compute_length(PylThread *t, PylObject *start, PylObject *stop, PylObject *step)
{
    if (all_small(start, stop, step)) {
        /* Small ints have 63 bits, so differences fit in an intptr_t. */
        intptr_t lo = PYL_SMALLINT_VALUE(start), hi = PYL_SMALLINT_VALUE(stop);
        intptr_t st = PYL_SMALLINT_VALUE(step);
        if (st < 0) {
            intptr_t tmp = lo;
            lo = hi;
            hi = tmp;
            st = -st;
        }
        if (lo >= hi) {
            return PYL_SMALLINT(0);
        }
        return pyl_int_from_ssize(t, (hi - lo - 1) / st + 1);
    }
    mpz_t lo, hi, st;
    mpz_inits(lo, hi, st, NULL);
    pyl_int_to_mpz(start, lo);
    pyl_int_to_mpz(stop, hi);
    pyl_int_to_mpz(step, st);
    if (mpz_sgn(st) < 0) {
        mpz_swap(lo, hi);
        mpz_neg(st, st);
    }
    PylObject *r;
    if (mpz_cmp(lo, hi) >= 0) {
        r = PYL_SMALLINT(0);
    } else {
        mpz_sub(hi, hi, lo);
        mpz_sub_ui(hi, hi, 1);
        mpz_fdiv_q(hi, hi, st);
        mpz_add_ui(hi, hi, 1);
        r = pyl_int_from_mpz(t, hi);
    }
    mpz_clears(lo, hi, st, NULL);
    return r;
}

/* A range from three ints (new references taken); step must not be zero. */
static PylObject *make_range(PylThread *t, PylObject *start, PylObject *stop, PylObject *step)
{
    PylObject *len = compute_length(t, start, stop, step);
    if (len == NULL) {
        return NULL;
    }
    PylRange *r = (PylRange *)pyl_obj_alloc(t, PYL_TYPE(t, RANGE), sizeof(PylRange));
    if (r == NULL) {
        pyl_decref(t, len);
        return NULL;
    }
    r->start = pyl_incref(start);
    r->stop = pyl_incref(stop);
    r->step = pyl_incref(step);
    r->length = len;
    return (PylObject *)r;
}

PylObject *pyl_range_new(PylThread *t, PylObject *start, PylObject *stop, PylObject *step)
{
    if (pyl_int_sign(step) == 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "range() arg 3 must not be zero");
    }
    return make_range(t, start, stop, step);
}

/* start + i * step */
static PylObject *compute_item(PylThread *t, PylRange *r, PylObject *i)
{
    if (all_small(r->start, r->step, i)) {
        intptr_t s = PYL_SMALLINT_VALUE(r->start), st = PYL_SMALLINT_VALUE(r->step);
        intptr_t k = PYL_SMALLINT_VALUE(i), prod, sum;
        if (!__builtin_mul_overflow(k, st, &prod) && !__builtin_add_overflow(s, prod, &sum)) {
            return pyl_int_from_ssize(t, sum);
        }
    }
    PylObject *prod = pyl_int_mul(t, i, r->step);
    if (prod == NULL) {
        return NULL;
    }
    PylObject *sum = pyl_int_add(t, r->start, prod);
    pyl_decref(t, prod);
    return sum;
}

/* ---- slots ----------------------------------------------------------------------- */

static void range_dealloc(PylThread *t, PylObject *self)
{
    PylRange *r = RANGE(self);
    pyl_decref(t, r->start);
    pyl_decref(t, r->stop);
    pyl_decref(t, r->step);
    pyl_decref(t, r->length);
    pyl_obj_free(t, self);
}

static PylObject *range_repr(PylThread *t, PylObject *self)
{
    PylRange *r = RANGE(self);
    if (r->step == PYL_SMALLINT(1)) {
        return pyl_str_format_c(t, "range(%R, %R)", r->start, r->stop);
    }
    return pyl_str_format_c(t, "range(%R, %R, %R)", r->start, r->stop, r->step);
}

static PylObject *range_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "range", kwnames) < 0 || pyl_check_nargs(t, "range", nargs, 1, 3) < 0) {
        return NULL;
    }
    PylObject *v[3] = {NULL, NULL, NULL};
    for (intptr_t i = 0; i < nargs; i++) {
        v[i] = PYL_IS_INT_EXACT(args[i]) ? pyl_incref(args[i]) : pyl_number_index(t, args[i]);
        if (v[i] == NULL) {
            while (--i >= 0) {
                pyl_decref(t, v[i]);
            }
            return NULL;
        }
    }
    PylObject *r;
    if (nargs == 1) {
        r = make_range(t, PYL_SMALLINT(0), v[0], PYL_SMALLINT(1));
    } else {
        r = pyl_range_new(t, v[0], v[1], nargs == 3 ? v[2] : PYL_SMALLINT(1));
    }
    for (intptr_t i = 0; i < nargs; i++) {
        pyl_decref(t, v[i]);
    }
    return r;
}

static intptr_t range_len(PylThread *t, PylObject *self)
{
    PylObject *len = RANGE(self)->length;
    if (PYL_IS_SMALLINT(len)) {
        return PYL_SMALLINT_VALUE(len);
    }
    intptr_t n;
    if (pyl_int_as_ssize(t, len, &n) < 0) {
        return -1;
    }
    return n;
}

static int range_bool(PylThread *t, PylObject *self)
{
    return RANGE(self)->length != PYL_SMALLINT(0);
}

/* Is the int ob one of the range's values? */
static int contains_int(PylThread *t, PylRange *r, PylObject *ob)
{
    if (PYL_IS_SMALLINT(ob) && all_small(r->start, r->stop, r->step)) {
        intptr_t x = PYL_SMALLINT_VALUE(ob), s = PYL_SMALLINT_VALUE(r->start);
        intptr_t e = PYL_SMALLINT_VALUE(r->stop), st = PYL_SMALLINT_VALUE(r->step);
        if (st > 0 ? (x < s || x >= e) : (x > s || x <= e)) {
            return 0;
        }
        return (x - s) % st == 0;
    }
    mpz_t x, s, e, st;
    mpz_inits(x, s, e, st, NULL);
    pyl_int_to_mpz(ob, x);
    pyl_int_to_mpz(r->start, s);
    pyl_int_to_mpz(r->stop, e);
    pyl_int_to_mpz(r->step, st);
    int in;
    if (mpz_sgn(st) > 0) {
        in = mpz_cmp(s, x) <= 0 && mpz_cmp(x, e) < 0;
    } else {
        in = mpz_cmp(x, s) <= 0 && mpz_cmp(e, x) < 0;
    }
    if (in) {
        mpz_sub(x, x, s);
        in = mpz_divisible_p(x, st);
    }
    mpz_clears(x, s, e, st, NULL);
    return in;
}

static bool is_exact_int_or_bool(PylObject *o)
{
    return PYL_IS_INT_EXACT(o) || PYL_IS_BOOL(o);
}

/* Linear search by equality, for non-int values: the count of matches, or the
 * index of the first one (find_first). -1 error, -2 not found (find_first). */
static intptr_t iter_search(PylThread *t, PylObject *self, PylObject *ob, bool find_first)
{
    PylObject *it = pyl_iter(t, self);
    if (it == NULL) {
        return -1;
    }
    intptr_t n = 0, i = 0;
    PylObject *item;
    while ((item = pyl_iter_next(t, it)) != NULL) {
        int c = pyl_equal(t, item, ob);
        pyl_decref(t, item);
        if (c < 0) {
            pyl_decref(t, it);
            return -1;
        }
        if (c > 0) {
            if (find_first) {
                pyl_decref(t, it);
                return i;
            }
            n++;
        }
        i++;
    }
    pyl_decref(t, it);
    if (pyl_err_occurred(t)) {
        return -1;
    }
    return find_first ? -2 : n;
}

static int range_contains(PylThread *t, PylObject *self, PylObject *ob)
{
    if (is_exact_int_or_bool(ob)) {
        return contains_int(t, RANGE(self), ob);
    }
    intptr_t i = iter_search(t, self, ob, true);
    return i == -1 ? -1 : i >= 0;
}

static PylObject *range_subscript(PylThread *t, PylObject *self, PylObject *key)
{
    PylRange *r = RANGE(self);
    if (PYL_IS_KIND(key, SLICE)) {
        PylObject *start, *stop, *step;
        if (pyl_slice_long_indices(t, key, r->length, &start, &stop, &step) < 0) {
            return NULL;
        }
        PylObject *nstep = pyl_int_mul(t, r->step, step);
        PylObject *nstart = nstep ? compute_item(t, r, start) : NULL;
        PylObject *nstop = nstart ? compute_item(t, r, stop) : NULL;
        PylObject *res = nstop ? make_range(t, nstart, nstop, nstep) : NULL;
        pyl_decref(t, start);
        pyl_decref(t, stop);
        pyl_decref(t, step);
        pyl_xdecref(t, nstep);
        pyl_xdecref(t, nstart);
        pyl_xdecref(t, nstop);
        return res;
    }
    if (!pyl_is_index(t, key)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "range indices must be integers or slices, not %T", key);
    }
    if (PYL_IS_SMALLINT(key) && PYL_IS_SMALLINT(r->length)) {
        intptr_t i = PYL_SMALLINT_VALUE(key), n = PYL_SMALLINT_VALUE(r->length);
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            return pyl_err_format(t, PYL_EXC(t, IndexError), "range object index out of range");
        }
        return compute_item(t, r, PYL_SMALLINT(i));
    }
    PylObject *i = pyl_number_index(t, key);
    if (i == NULL) {
        return NULL;
    }
    if (pyl_int_sign(i) < 0) {
        PylObject *j = pyl_int_add(t, i, r->length);
        pyl_decref(t, i);
        if (j == NULL) {
            return NULL;
        }
        i = j;
    }
    if (pyl_int_sign(i) < 0 || pyl_int_compare(i, r->length) >= 0) {
        pyl_decref(t, i);
        return pyl_err_format(t, PYL_EXC(t, IndexError), "range object index out of range");
    }
    PylObject *res = compute_item(t, r, i);
    pyl_decref(t, i);
    return res;
}

static int int_eq(PylObject *a, PylObject *b)
{
    return a == b || pyl_int_compare(a, b) == 0;
}

static bool ranges_equal(PylRange *a, PylRange *b)
{
    if (a == b) {
        return true;
    }
    if (!int_eq(a->length, b->length)) {
        return false;
    }
    if (a->length == PYL_SMALLINT(0)) {
        return true;
    }
    if (!int_eq(a->start, b->start)) {
        return false;
    }
    if (a->length == PYL_SMALLINT(1)) {
        return true;
    }
    return int_eq(a->step, b->step);
}

static PylObject *range_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_KIND(a, RANGE) || !PYL_IS_KIND(b, RANGE) || (op != PYL_EQ && op != PYL_NE)) {
        return PYL_NOTIMPLEMENTED;
    }
    bool eq = ranges_equal(RANGE(a), RANGE(b));
    return PYL_BOOL(op == PYL_EQ ? eq : !eq);
}

/* hash((len, start, step)) with None for what does not matter, so that equal
 * ranges hash equal. */
static PylHash range_hash(PylThread *t, PylObject *self)
{
    PylRange *r = RANGE(self);
    PylObject *start = PYL_NONE, *step = PYL_NONE;
    if (r->length != PYL_SMALLINT(0)) {
        start = r->start;
        if (r->length != PYL_SMALLINT(1)) {
            step = r->step;
        }
    }
    PylObject *tup = pyl_tuple_pack(t, 3, r->length, start, step);
    if (tup == NULL) {
        return -1;
    }
    PylHash h = pyl_hash(t, tup);
    pyl_decref(t, tup);
    return h;
}

/* ---- methods ----------------------------------------------------------------------- */

static PylObject *range_count(PylThread *t, PylObject *self, PylObject *ob)
{
    if (is_exact_int_or_bool(ob)) {
        return PYL_SMALLINT(contains_int(t, RANGE(self), ob));
    }
    intptr_t n = iter_search(t, self, ob, false);
    return n < 0 ? NULL : pyl_int_from_ssize(t, n);
}

static PylObject *range_index(PylThread *t, PylObject *self, PylObject *ob)
{
    PylRange *r = RANGE(self);
    if (!is_exact_int_or_bool(ob)) {
        intptr_t i = iter_search(t, self, ob, true);
        if (i == -2) {
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "sequence.index(x): x not in sequence");
        }
        return i < 0 ? NULL : pyl_int_from_ssize(t, i);
    }
    if (!contains_int(t, r, ob)) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "%R is not in range", ob);
    }
    mpz_t x, s, st;
    mpz_inits(x, s, st, NULL);
    pyl_int_to_mpz(ob, x);
    pyl_int_to_mpz(r->start, s);
    pyl_int_to_mpz(r->step, st);
    mpz_sub(x, x, s);
    mpz_fdiv_q(x, x, st);
    PylObject *res = pyl_int_from_mpz(t, x);
    mpz_clears(x, s, st, NULL);
    return res;
}

static PylObject *range_reduce(PylThread *t, PylObject *self)
{
    PylRange *r = RANGE(self);
    PylObject *args = pyl_tuple_pack(t, 3, r->start, r->stop, r->step);
    if (args == NULL) {
        return NULL;
    }
    PylObject *res = pyl_tuple_pack(t, 2, (PylObject *)PYL_TYPEOF(t, self), args);
    pyl_decref(t, args);
    return res;
}

PYL_INTERNAL PylObject *pyl_range_iter(PylThread *t, PylObject *self);
static PylObject *range_reversed(PylThread *t, PylObject *self);

static const PylMethodDef range_methods[] = {
    PYL_METHOD_O("count", range_count),
    PYL_METHOD_O("index", range_index),
    PYL_METHOD_NOARGS("__reversed__", range_reversed),
    PYL_METHOD_NOARGS("__reduce__", range_reduce),
    PYL_METHOD_END,
};

static const PylMemberDef range_members[] = {
    {"start", PYL_MEMBER_OBJECT, offsetof(PylRange, start), true, NULL},
    {"stop", PYL_MEMBER_OBJECT, offsetof(PylRange, stop), true, NULL},
    {"step", PYL_MEMBER_OBJECT, offsetof(PylRange, step), true, NULL},
    {NULL, 0, 0, false, NULL},
};

const PylType pyl_range_type = {
    .name = "range",
    .kind = PYL_K_RANGE,
    .flags = PYL_TF_SEQUENCE,
    .basicsize = sizeof(PylRange),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = pyl_range_iter,
    .new_ = range_new_,
    .len = range_len,
    .getitem = range_subscript,
    .contains = range_contains,
    .bool_ = range_bool,
    .methods = range_methods,
    .members = range_members,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
           "Return an object that produces a sequence of integers from start (inclusive)\n"
           "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
           "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
           "These are exactly the valid indices for a list of 4 elements.\n"
           "When step is given, it specifies the increment (or decrement).",
};

/* ---- iterators --------------------------------------------------------------------- */

/* range_iterator: `left` more values, the next being `next`; next is only
 * advanced while values remain, so it never overflows. */
typedef struct RangeIter {
    PylObject ob;
    int64_t next;
    int64_t step;
    int64_t left;
} RangeIter;

/* longrange_iterator: the same with int objects. */
typedef struct LongRangeIter {
    PylObject ob;
    PylObject *next;
    PylObject *step;
    PylObject *left;
} LongRangeIter;

static bool as_i64(PylObject *o, int64_t *out)
{
    if (PYL_IS_SMALLINT(o)) {
        *out = PYL_SMALLINT_VALUE(o);
        return true;
    }
    if (!mpz_fits_slong_p(PYL_INT_MPZ(o))) {
        return false;
    }
    *out = mpz_get_si(PYL_INT_MPZ(o));
    return true;
}

/* An iterator over len values from first by step (all ints). */
static PylObject *new_range_iter(PylThread *t, PylObject *first, PylObject *step, PylObject *len)
{
    int64_t f, s, n;
    if (as_i64(first, &f) && as_i64(step, &s) && as_i64(len, &n)) {
        /* The last value, first + (n-1)*step, lies between first and the range's
         * stop; check it fits anyway. */
        int64_t prod, last;
        if (n == 0 ||
            (!__builtin_mul_overflow(n - 1, s, &prod) && !__builtin_add_overflow(f, prod, &last))) {
            RangeIter *it =
                (RangeIter *)pyl_obj_alloc(t, PYL_TYPE(t, RANGE_ITER), sizeof(RangeIter));
            if (it == NULL) {
                return NULL;
            }
            it->next = f;
            it->step = s;
            it->left = n;
            return (PylObject *)it;
        }
    }
    LongRangeIter *it =
        (LongRangeIter *)pyl_obj_alloc(t, PYL_TYPE(t, LONGRANGE_ITER), sizeof(LongRangeIter));
    if (it == NULL) {
        return NULL;
    }
    it->next = pyl_incref(first);
    it->step = pyl_incref(step);
    it->left = pyl_incref(len);
    return (PylObject *)it;
}

PylObject *pyl_range_iter(PylThread *t, PylObject *self)
{
    PylRange *r = RANGE(self);
    return new_range_iter(t, r->start, r->step, r->length);
}

static PylObject *range_reversed(PylThread *t, PylObject *self)
{
    /* reversed(range(a, b, s)) walks from a + (n-1)*s down by s. */
    PylRange *r = RANGE(self);
    PylObject *nm1 = pyl_int_sub(t, r->length, PYL_SMALLINT(1));
    if (nm1 == NULL) {
        return NULL;
    }
    PylObject *last = compute_item(t, r, nm1);
    pyl_decref(t, nm1);
    if (last == NULL) {
        return NULL;
    }
    PylObject *negstep = pyl_neg(t, r->step);
    if (negstep == NULL) {
        pyl_decref(t, last);
        return NULL;
    }
    PylObject *it = new_range_iter(t, last, negstep, r->length);
    pyl_decref(t, last);
    pyl_decref(t, negstep);
    return it;
}

static PylObject *rangeiter_next(PylThread *t, PylObject *self)
{
    RangeIter *it = (RangeIter *)self;
    if (it->left <= 0) {
        return NULL;
    }
    int64_t v = it->next;
    if (--it->left > 0) {
        it->next = v + it->step;
    }
    if (PYL_FITS_SMALLINT(v)) {
        return PYL_SMALLINT(v);
    }
    return pyl_int_from_i64(t, v);
}

static PylObject *rangeiter_length_hint(PylThread *t, PylObject *self)
{
    return pyl_int_from_i64(t, ((RangeIter *)self)->left);
}

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static void longrangeiter_dealloc(PylThread *t, PylObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    pyl_decref(t, it->next);
    pyl_decref(t, it->step);
    pyl_decref(t, it->left);
    pyl_obj_free(t, self);
}

static PylObject *longrangeiter_next(PylThread *t, PylObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    if (pyl_int_sign(it->left) <= 0) {
        return NULL;
    }
    PylObject *next = pyl_int_add(t, it->next, it->step);
    if (next == NULL) {
        return NULL;
    }
    PylObject *left = pyl_int_sub(t, it->left, PYL_SMALLINT(1));
    if (left == NULL) {
        pyl_decref(t, next);
        return NULL;
    }
    PylObject *result = it->next;
    it->next = next;
    pyl_setref(t, &it->left, left);
    return result;
}

static PylObject *longrangeiter_length_hint(PylThread *t, PylObject *self)
{
    return pyl_incref(((LongRangeIter *)self)->left);
}

static const PylMethodDef rangeiter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", rangeiter_length_hint),
    PYL_METHOD_END,
};

static const PylMethodDef longrangeiter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", longrangeiter_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_range_iter_type = {
    .name = "range_iterator",
    .kind = PYL_K_RANGE_ITER,
    .basicsize = sizeof(RangeIter),
    .iter = iter_self,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};

const PylType pyl_longrange_iter_type = {
    .name = "longrange_iterator",
    .kind = PYL_K_LONGRANGE_ITER,
    .basicsize = sizeof(LongRangeIter),
    .dealloc = longrangeiter_dealloc,
    .iter = iter_self,
    .iternext = longrangeiter_next,
    .methods = longrangeiter_methods,
};
