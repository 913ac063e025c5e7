/* iterators.c — the builtin iterator types that are not tied to one container:
 * the sequence iterator (iteration through __getitem__), the callable iterator
 * (iter(f, sentinel)), and enumerate, zip, map, filter and reversed, whose
 * constructors are the builtins of the same names.
 *
 * Every one drops what it iterates over once exhausted (a finished iterator
 * keeps no objects alive), and takes its next item through pyl_iter_next, so a
 * StopIteration raised by an inner iterator ends the iteration.
 */
#include <stdio.h>

#include "vm/core.h"

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

/* ---- iterator (the sequence protocol) -------------------------------------------- */

typedef struct SeqIter {
    PylObject ob;
    PylObject *seq; /* NULL once exhausted */
    intptr_t index;
} SeqIter;

PylObject *pyl_seq_iter_new(PylThread *t, PylObject *seq)
{
    SeqIter *it = (SeqIter *)pyl_obj_alloc(t, PYL_TYPE(t, SEQ_ITER), sizeof(SeqIter));
    if (it == NULL) {
        return NULL;
    }
    it->seq = pyl_incref(seq);
    return (PylObject *)it;
}

static void seqiter_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((SeqIter *)self)->seq);
    pyl_obj_free(t, self);
}

static int seqiter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    SeqIter *it = (SeqIter *)self;
    return it->seq ? visit(it->seq, arg) : 0;
}

/* seq[index], index + 1 ...: IndexError or StopIteration ends it. */
static PylObject *seqiter_next(PylThread *t, PylObject *self)
{
    SeqIter *it = (SeqIter *)self;
    PylObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index == INTPTR_MAX) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError), "iter index too large");
    }
    PylObject *idx = pyl_int_from_ssize(t, it->index);
    if (idx == NULL) {
        return NULL;
    }
    PylObject *r = pyl_getitem(t, seq, idx);
    pyl_decref(t, idx);
    if (r != NULL) {
        it->index++;
        return r;
    }
    if (pyl_err_matches(t, PYL_EXC(t, IndexError)) ||
        pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
        pyl_err_clear(t);
        it->seq = NULL;
        pyl_decref(t, seq);
    }
    return NULL;
}

static PylObject *seqiter_length_hint(PylThread *t, PylObject *self)
{
    SeqIter *it = (SeqIter *)self;
    if (it->seq == NULL) {
        return PYL_SMALLINT(0);
    }
    PylType *type = PYL_TYPEOF(t, it->seq);
    if (type->len == NULL) {
        return PYL_NOTIMPLEMENTED;
    }
    intptr_t n = type->len(t, it->seq);
    if (n < 0) {
        return NULL;
    }
    n -= it->index;
    return pyl_int_from_ssize(t, n >= 0 ? n : 0);
}

static const PylMethodDef seqiter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", seqiter_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_seq_iter_type = {
    .name = "iterator",
    .kind = PYL_K_SEQ_ITER,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(SeqIter),
    .dealloc = seqiter_dealloc,
    .traverse = seqiter_traverse,
    .iter = iter_self,
    .iternext = seqiter_next,
    .methods = seqiter_methods,
};

/* ---- callable_iterator ----------------------------------------------------------- */

typedef struct CallableIter {
    PylObject ob;
    PylObject *callable; /* both NULL once exhausted */
    PylObject *sentinel;
} CallableIter;

PylObject *pyl_callable_iter_new(PylThread *t, PylObject *callable, PylObject *sentinel)
{
    CallableIter *it =
        (CallableIter *)pyl_obj_alloc(t, PYL_TYPE(t, CALLABLE_ITER), sizeof(CallableIter));
    if (it == NULL) {
        return NULL;
    }
    it->callable = pyl_incref(callable);
    it->sentinel = pyl_incref(sentinel);
    return (PylObject *)it;
}

static void calliter_dealloc(PylThread *t, PylObject *self)
{
    CallableIter *it = (CallableIter *)self;
    pyl_xdecref(t, it->callable);
    pyl_xdecref(t, it->sentinel);
    pyl_obj_free(t, self);
}

static int calliter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    CallableIter *it = (CallableIter *)self;
    if (it->callable != NULL && visit(it->callable, arg) != 0) {
        return -1;
    }
    return it->sentinel != NULL ? visit(it->sentinel, arg) : 0;
}

static PylObject *calliter_next(PylThread *t, PylObject *self)
{
    CallableIter *it = (CallableIter *)self;
    if (it->callable == NULL) {
        return NULL;
    }
    PylObject *r = pyl_call0(t, it->callable);
    if (r != NULL) {
        int ok = pyl_equal(t, it->sentinel, r);
        if (ok == 0) {
            return r;
        }
        pyl_decref(t, r);
        if (ok < 0) {
            return NULL;
        }
    } else if (pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
        pyl_err_clear(t);
    } else {
        return NULL;
    }
    PYL_CLEAR(t, it->callable);
    PYL_CLEAR(t, it->sentinel);
    return NULL;
}

const PylType pyl_callable_iter_type = {
    .name = "callable_iterator",
    .kind = PYL_K_CALLABLE_ITER,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(CallableIter),
    .dealloc = calliter_dealloc,
    .traverse = calliter_traverse,
    .iter = iter_self,
    .iternext = calliter_next,
};

/* ---- enumerate ------------------------------------------------------------------------ */

/* The count is a C integer until it would pass INTPTR_MAX, then an int object. */
typedef struct Enumerate {
    PylObject ob;
    PylObject *it;
    intptr_t index;
    PylObject *long_index; /* used once index == INTPTR_MAX (or start was huge) */
} Enumerate;

/* A keyword of enumerate() must be the expected one. */
static bool enum_keyword(PylThread *t, PylObject *kwnames, intptr_t i, const char *name)
{
    PylObject *kw = PYL_TUPLE_ITEM(kwnames, i);
    if (!pyl_str_equal_cstr(kw, name)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "'%U' is an invalid keyword argument for enumerate()", kw);
        return false;
    }
    return true;
}

static PylObject *enumerate_make(PylThread *t, PylType *type, PylObject *iterable,
                                 PylObject *start_arg)
{
    intptr_t index = 0;
    PylObject *long_index = NULL;
    if (start_arg != NULL) {
        PylObject *start = pyl_number_index(t, start_arg);
        if (start == NULL) {
            return NULL;
        }
        if (PYL_IS_SMALLINT(start)) {
            index = PYL_SMALLINT_VALUE(start);
        } else if (pyl_int_as_ssize(t, start, &index) < 0) {
            pyl_err_clear(t);
            index = INTPTR_MAX;
            long_index = start;
            start = NULL;
        }
        pyl_xdecref(t, start);
    }
    PylObject *it = pyl_iter(t, iterable);
    if (it == NULL) {
        pyl_xdecref(t, long_index);
        return NULL;
    }
    Enumerate *en = (Enumerate *)pyl_obj_alloc(t, type, type->basicsize);
    if (en == NULL) {
        pyl_decref(t, it);
        pyl_xdecref(t, long_index);
        return NULL;
    }
    en->it = it;
    en->index = index;
    en->long_index = long_index;
    return (PylObject *)en;
}

/* enumerate(iterable, start=0). The exact type checks its arguments the way
 * CPython's enumerate vectorcall does (hence its particular messages); a
 * subclass parses them generically. */
static PylObject *enumerate_new_(PylThread *t, PylType *type, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    if (type != PYL_TYPE(t, ENUMERATE)) {
        static const char *const names[] = {"iterable", "start", NULL};
        static const PylArgSpec spec = {"enumerate", names, 1, 2};
        PylObject *a[2];
        if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
            return NULL;
        }
        return enumerate_make(t, type, a[0], a[1]);
    }
    if (nargs + nkw == 2) {
        if (nkw == 1 && !enum_keyword(t, kwnames, 0, "start")) {
            return NULL;
        }
        if (nkw == 2) {
            if (pyl_str_equal_cstr(PYL_TUPLE_ITEM(kwnames, 0), "start")) {
                if (!enum_keyword(t, kwnames, 1, "iterable")) {
                    return NULL;
                }
                return enumerate_make(t, type, args[1], args[0]);
            }
            if (!enum_keyword(t, kwnames, 0, "iterable") || !enum_keyword(t, kwnames, 1, "start")) {
                return NULL;
            }
        }
        return enumerate_make(t, type, args[0], args[1]);
    }
    if (nargs + nkw == 1) {
        if (nkw == 1 && !enum_keyword(t, kwnames, 0, "iterable")) {
            return NULL;
        }
        return enumerate_make(t, type, args[0], NULL);
    }
    if (nargs == 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "enumerate() missing required argument 'iterable'");
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "enumerate() takes at most 2 arguments (%zd given)",
                          (ssize_t)(nargs + nkw));
}

static void enumerate_dealloc(PylThread *t, PylObject *self)
{
    Enumerate *en = (Enumerate *)self;
    pyl_xdecref(t, en->it);
    pyl_xdecref(t, en->long_index);
    pyl_obj_free(t, self);
}

static int enumerate_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    Enumerate *en = (Enumerate *)self;
    if (en->it != NULL && visit(en->it, arg) != 0) {
        return -1;
    }
    return en->long_index != NULL ? visit(en->long_index, arg) : 0;
}

static PylObject *enumerate_next(PylThread *t, PylObject *self)
{
    Enumerate *en = (Enumerate *)self;
    PylObject *item = pyl_iter_next(t, en->it);
    if (item == NULL) {
        return NULL;
    }
    PylObject *idx;
    if (en->index < INTPTR_MAX) {
        idx = pyl_int_from_ssize(t, en->index);
        en->index++;
    } else {
        if (en->long_index == NULL) {
            en->long_index = pyl_int_from_ssize(t, INTPTR_MAX);
            if (en->long_index == NULL) {
                pyl_decref(t, item);
                return NULL;
            }
        }
        idx = en->long_index;
        PylObject *next = pyl_int_add(t, idx, PYL_SMALLINT(1));
        if (next == NULL) {
            pyl_decref(t, item);
            return NULL;
        }
        en->long_index = next; /* idx keeps the reference it had */
    }
    if (idx == NULL) {
        pyl_decref(t, item);
        return NULL;
    }
    PylObject *r = pyl_tuple_new(t, 2);
    if (r == NULL) {
        pyl_decref(t, idx);
        pyl_decref(t, item);
        return NULL;
    }
    PYL_TUPLE_ITEMS(r)[0] = idx;
    PYL_TUPLE_ITEMS(r)[1] = item;
    return r;
}

static const PylMethodDef enumerate_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_END,
};

const PylType pyl_enumerate_type = {
    .name = "enumerate",
    .kind = PYL_K_ENUMERATE,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(Enumerate),
    .dealloc = enumerate_dealloc,
    .traverse = enumerate_traverse,
    .iter = iter_self,
    .iternext = enumerate_next,
    .new_ = enumerate_new_,
    .methods = enumerate_methods,
    .doc = "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
           "The enumerate object yields pairs containing a count (from start, which\n"
           "defaults to zero) and a value yielded by the iterable argument.\n\n"
           "enumerate is useful for obtaining an indexed list:\n"
           "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
};

/* ---- zip -------------------------------------------------------------------------- */

typedef struct Zip {
    PylObject ob;
    PylObject *iters; /* tuple of iterators */
    bool strict;
} Zip;

static PylObject *zip_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    static const char *const names[] = {"strict", NULL};
    static const PylArgSpec spec = {"zip", names, 0, 0};
    PylObject *kw[1];
    if (pyl_parse_args(t, &spec, args + nargs, 0, kwnames, kw) < 0) {
        return NULL;
    }
    bool strict = false;
    if (kw[0] != NULL) {
        int v = pyl_is_true(t, kw[0]);
        if (v < 0) {
            return NULL;
        }
        strict = v != 0;
    }
    PylObject *iters = pyl_tuple_new(t, nargs);
    if (iters == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < nargs; i++) {
        PylObject *it = pyl_iter(t, args[i]);
        if (it == NULL) {
            /* fill the rest so the tuple can be released */
            for (intptr_t j = i; j < nargs; j++) {
                PYL_TUPLE_ITEMS(iters)[j] = PYL_NONE;
            }
            pyl_decref(t, iters);
            return NULL;
        }
        PYL_TUPLE_ITEMS(iters)[i] = it;
    }
    Zip *z = (Zip *)pyl_obj_alloc(t, type, type->basicsize);
    if (z == NULL) {
        pyl_decref(t, iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    return (PylObject *)z;
}

static void zip_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((Zip *)self)->iters);
    pyl_obj_free(t, self);
}

static int zip_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    Zip *z = (Zip *)self;
    return z->iters ? visit(z->iters, arg) : 0;
}

/* An iterator ran out: the end, or with strict=True a ValueError when the
 * others disagree (CPython's wording: "argument 3 is shorter than arguments
 * 1-2"). i is the index of the exhausted iterator. */
static PylObject *zip_strict_check(PylThread *t, Zip *z, intptr_t i)
{
    if (pyl_err_occurred(t)) {
        return NULL;
    }
    if (i > 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "zip() argument %zd is shorter than argument%s%zd", (ssize_t)(i + 1),
                              i == 1 ? " " : "s 1-", (ssize_t)i);
    }
    intptr_t n = PYL_TUPLE_SIZE(z->iters);
    for (i = 1; i < n; i++) {
        PylObject *item = pyl_iter_next(t, PYL_TUPLE_ITEM(z->iters, i));
        if (item != NULL) {
            pyl_decref(t, item);
            return pyl_err_format(t, PYL_EXC(t, ValueError),
                                  "zip() argument %zd is longer than argument%s%zd",
                                  (ssize_t)(i + 1), i == 1 ? " " : "s 1-", (ssize_t)i);
        }
        if (pyl_err_occurred(t)) {
            return NULL;
        }
    }
    return NULL;
}

static PylObject *zip_next(PylThread *t, PylObject *self)
{
    Zip *z = (Zip *)self;
    intptr_t n = PYL_TUPLE_SIZE(z->iters);
    if (n == 0) {
        return NULL;
    }
    PylObject *r = pyl_tuple_new(t, n);
    if (r == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < n; i++) {
        PylObject *item = pyl_iter_next(t, PYL_TUPLE_ITEM(z->iters, i));
        if (item == NULL) {
            for (intptr_t j = i; j < n; j++) {
                PYL_TUPLE_ITEMS(r)[j] = PYL_NONE;
            }
            pyl_decref(t, r);
            return z->strict ? zip_strict_check(t, z, i) : NULL;
        }
        PYL_TUPLE_ITEMS(r)[i] = item;
    }
    return r;
}

const PylType pyl_zip_type = {
    .name = "zip",
    .kind = PYL_K_ZIP,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(Zip),
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .iter = iter_self,
    .iternext = zip_next,
    .new_ = zip_new_,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
           "   >>> list(zip('abcdefg', range(3), range(4)))\n"
           "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
           "The zip object yields n-length tuples, where n is the number of iterables\n"
           "passed as positional arguments to zip().  The i-th element in every tuple\n"
           "comes from the i-th iterable argument to zip().  This continues until the\n"
           "shortest argument is exhausted.\n\n"
           "If strict is true and one of the arguments is exhausted before the others,\n"
           "raise a ValueError.",
};

/* ---- map ---------------------------------------------------------------------------- */

typedef struct Map {
    PylObject ob;
    PylObject *func;
    PylObject *iters; /* tuple of iterators */
} Map;

static PylObject *map_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    PylType *mt = PYL_TYPE(t, MAP);
    if ((type == mt || type->init == mt->init) && pyl_no_kwargs(t, "map", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 2) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "map() must have at least two arguments.");
    }
    PylObject *iters = pyl_tuple_new(t, nargs - 1);
    if (iters == NULL) {
        return NULL;
    }
    for (intptr_t i = 1; i < nargs; i++) {
        PylObject *it = pyl_iter(t, args[i]);
        if (it == NULL) {
            for (intptr_t j = i; j < nargs; j++) {
                PYL_TUPLE_ITEMS(iters)[j - 1] = PYL_NONE;
            }
            pyl_decref(t, iters);
            return NULL;
        }
        PYL_TUPLE_ITEMS(iters)[i - 1] = it;
    }
    Map *m = (Map *)pyl_obj_alloc(t, type, type->basicsize);
    if (m == NULL) {
        pyl_decref(t, iters);
        return NULL;
    }
    m->func = pyl_incref(args[0]);
    m->iters = iters;
    return (PylObject *)m;
}

static void map_dealloc(PylThread *t, PylObject *self)
{
    Map *m = (Map *)self;
    pyl_xdecref(t, m->func);
    pyl_xdecref(t, m->iters);
    pyl_obj_free(t, self);
}

static int map_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    Map *m = (Map *)self;
    if (m->func != NULL && visit(m->func, arg) != 0) {
        return -1;
    }
    return m->iters ? visit(m->iters, arg) : 0;
}

static PylObject *map_next(PylThread *t, PylObject *self)
{
    Map *m = (Map *)self;
    intptr_t n = PYL_TUPLE_SIZE(m->iters);
    PylObject *small[8];
    PylObject **vals = small;
    if (n > 8) {
        vals = pyl_mem_alloc(t, (size_t)n * sizeof(PylObject *));
        if (vals == NULL) {
            return NULL;
        }
    }
    intptr_t got = 0;
    PylObject *r = NULL;
    for (; got < n; got++) {
        vals[got] = pyl_iter_next(t, PYL_TUPLE_ITEM(m->iters, got));
        if (vals[got] == NULL) {
            goto done;
        }
    }
    r = pyl_call(t, m->func, vals, n, NULL);
done:
    for (intptr_t i = 0; i < got; i++) {
        pyl_decref(t, vals[i]);
    }
    if (vals != small) {
        pyl_mem_free(t, vals);
    }
    return r;
}

const PylType pyl_map_type = {
    .name = "map",
    .kind = PYL_K_MAP,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(Map),
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = iter_self,
    .iternext = map_next,
    .new_ = map_new_,
    .doc = "map(func, *iterables) --> map object\n\n"
           "Make an iterator that computes the function using arguments from\n"
           "each of the iterables.  Stops when the shortest iterable is exhausted.",
};

/* ---- filter ------------------------------------------------------------------------ */

typedef struct Filter {
    PylObject ob;
    PylObject *func; /* None: keep the true items */
    PylObject *it;
} Filter;

static PylObject *filter_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    PylType *ft = PYL_TYPE(t, FILTER);
    if ((type == ft || type->init == ft->init) && pyl_no_kwargs(t, "filter", kwnames) < 0) {
        return NULL;
    }
    if (pyl_check_nargs(t, "filter", nargs, 2, 2) < 0) {
        return NULL;
    }
    PylObject *it = pyl_iter(t, args[1]);
    if (it == NULL) {
        return NULL;
    }
    Filter *f = (Filter *)pyl_obj_alloc(t, type, type->basicsize);
    if (f == NULL) {
        pyl_decref(t, it);
        return NULL;
    }
    f->func = pyl_incref(args[0]);
    f->it = it;
    return (PylObject *)f;
}

static void filter_dealloc(PylThread *t, PylObject *self)
{
    Filter *f = (Filter *)self;
    pyl_xdecref(t, f->func);
    pyl_xdecref(t, f->it);
    pyl_obj_free(t, self);
}

static int filter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    Filter *f = (Filter *)self;
    if (f->func != NULL && visit(f->func, arg) != 0) {
        return -1;
    }
    return f->it ? visit(f->it, arg) : 0;
}

static PylObject *filter_next(PylThread *t, PylObject *self)
{
    Filter *f = (Filter *)self;
    bool truth = f->func == PYL_NONE || f->func == (PylObject *)PYL_TYPE(t, BOOL);
    for (;;) {
        PylObject *item = pyl_iter_next(t, f->it);
        if (item == NULL) {
            return NULL;
        }
        int ok;
        if (truth) {
            ok = pyl_is_true(t, item);
        } else {
            PylObject *good = pyl_call1(t, f->func, item);
            if (good == NULL) {
                pyl_decref(t, item);
                return NULL;
            }
            ok = pyl_is_true(t, good);
            pyl_decref(t, good);
        }
        if (ok > 0) {
            return item;
        }
        pyl_decref(t, item);
        if (ok < 0) {
            return NULL;
        }
    }
}

const PylType pyl_filter_type = {
    .name = "filter",
    .kind = PYL_K_FILTER,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(Filter),
    .dealloc = filter_dealloc,
    .traverse = filter_traverse,
    .iter = iter_self,
    .iternext = filter_next,
    .new_ = filter_new_,
    .doc = "filter(function or None, iterable) --> filter object\n\n"
           "Return an iterator yielding those items of iterable for which function(item)\n"
           "is true. If function is None, return the items that are true.",
};

/* ---- reversed ------------------------------------------------------------------------ */

typedef struct Reversed {
    PylObject ob;
    PylObject *seq; /* NULL once exhausted */
    intptr_t index; /* next index to produce; -1 = done */
} Reversed;

/* type(o).name bound to o (CPython's special method lookup): a new reference,
 * or NULL without an exception when the type has no such attribute. */
static PylObject *lookup_special(PylThread *t, PylObject *o, PylObject *name)
{
    PylType *type = PYL_TYPEOF(t, o);
    PylObject *f = pyl_type_lookup(t, type, name);
    if (f == NULL) {
        return NULL;
    }
    PylDescrGetFn get = PYL_TYPEOF(t, f)->descr_get;
    if (get == NULL) {
        return pyl_incref(f);
    }
    return get(t, f, o, (PylObject *)type);
}

static PylObject *reversed_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                                PylObject *kwnames)
{
    if (type == PYL_TYPE(t, REVERSED) && pyl_no_kwargs(t, "reversed", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "reversed expected 1 argument, got %zd",
                              (ssize_t)nargs);
    }
    PylObject *seq = args[0];
    PylType *st = PYL_TYPEOF(t, seq);
    PylObject *found = pyl_type_lookup(t, st, PYL_NAME(t, __reversed__));
    if (found == PYL_NONE) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not reversible", seq);
    }
    if (found != NULL) {
        PylObject *meth = lookup_special(t, seq, PYL_NAME(t, __reversed__));
        if (meth == NULL) {
            return NULL;
        }
        PylObject *r = pyl_call0(t, meth);
        pyl_decref(t, meth);
        return r;
    }
    if (st->getitem == NULL || PYL_IS_DICT(seq)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not reversible", seq);
    }
    intptr_t n = pyl_len(t, seq);
    if (n < 0) {
        return NULL;
    }
    Reversed *r = (Reversed *)pyl_obj_alloc(t, type, type->basicsize);
    if (r == NULL) {
        return NULL;
    }
    r->seq = pyl_incref(seq);
    r->index = n - 1;
    return (PylObject *)r;
}

static void reversed_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((Reversed *)self)->seq);
    pyl_obj_free(t, self);
}

static int reversed_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    Reversed *r = (Reversed *)self;
    return r->seq ? visit(r->seq, arg) : 0;
}

static PylObject *reversed_next(PylThread *t, PylObject *self)
{
    Reversed *r = (Reversed *)self;
    if (r->index >= 0 && r->seq != NULL) {
        PylObject *idx = pyl_int_from_ssize(t, r->index);
        if (idx == NULL) {
            return NULL;
        }
        PylObject *item = pyl_getitem(t, r->seq, idx);
        pyl_decref(t, idx);
        if (item != NULL) {
            r->index--;
            return item;
        }
        if (!pyl_err_matches(t, PYL_EXC(t, IndexError)) &&
            !pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
            return NULL;
        }
        pyl_err_clear(t);
    }
    r->index = -1;
    PYL_CLEAR(t, r->seq);
    return NULL;
}

static PylObject *reversed_length_hint(PylThread *t, PylObject *self)
{
    Reversed *r = (Reversed *)self;
    if (r->seq == NULL) {
        return PYL_SMALLINT(0);
    }
    intptr_t n = pyl_len(t, r->seq);
    if (n < 0) {
        return NULL;
    }
    intptr_t pos = r->index + 1;
    return pyl_int_from_ssize(t, n < pos ? 0 : pos);
}

static const PylMethodDef reversed_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", reversed_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_reversed_type = {
    .name = "reversed",
    .kind = PYL_K_REVERSED,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(Reversed),
    .dealloc = reversed_dealloc,
    .traverse = reversed_traverse,
    .iter = iter_self,
    .iternext = reversed_next,
    .new_ = reversed_new_,
    .methods = reversed_methods,
    .doc = "Return a reverse iterator over the values of the given sequence.",
};
