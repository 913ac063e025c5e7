/* list.c — the list type, its iterators, and list.sort (timsort).
 *
 *     PylList: | refcnt | type | size | cap | items* |
 *                                              |
 *                                              v
 *                             [ item0 | item1 | ... | item(size-1) | spare ... ]
 *                               <------------------ cap ------------------>
 *
 * Invariants: 0 <= size <= cap; items[0..size) are non-NULL owned references
 * (except in a list fresh from pyl_list_new that C code is still filling);
 * items == NULL iff cap == 0. While list.sort runs, the items are moved out and
 * the list looks empty with cap == -1; any change made to it by user code during
 * the sort shows up as cap != -1 and the sort then raises ValueError.
 *
 * Growth follows CPython's over-allocation (newsize + newsize/8 + 6, rounded to
 * a multiple of 4) so that append is amortised O(1) and __sizeof__ agrees.
 */
#include <stdio.h>

#include "vm/core.h"

#define LIST(o) ((PylList *)(o))

/* ---- storage ------------------------------------------------------------------ */

/* Set the size to newsize, reallocating when the capacity is too small or more
 * than twice too big. New slots are not initialised. */
static int list_resize(PylThread *t, PylList *l, intptr_t newsize)
{
    intptr_t cap = l->cap;
    if (cap >= newsize && newsize >= (cap >> 1)) {
        l->size = newsize;
        return 0;
    }
    size_t newcap = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    intptr_t oldsize = l->size;
    if (newsize - oldsize > (intptr_t)(newcap - (size_t)newsize)) {
        newcap = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        newcap = 0;
    }
    if (newcap > (size_t)INTPTR_MAX / sizeof(PylObject *)) {
        pyl_err_nomemory(t);
        return -1;
    }
    PylObject **items;
    if (newcap == 0) {
        pyl_mem_free(t, l->items);
        items = NULL;
    } else {
        items = pyl_mem_realloc(t, l->items, newcap * sizeof(PylObject *));
        if (items == NULL) {
            return -1;
        }
    }
    l->items = items;
    l->cap = (intptr_t)newcap;
    l->size = newsize;
    return 0;
}

/* Give an empty list with no storage room for exactly n items (rounded up to
 * even, as CPython), without changing its size. */
static int list_preallocate_exact(PylThread *t, PylList *l, intptr_t n)
{
    n = (n + 1) & ~(intptr_t)1;
    if ((size_t)n > (size_t)INTPTR_MAX / sizeof(PylObject *)) {
        pyl_err_nomemory(t);
        return -1;
    }
    PylObject **items = pyl_mem_alloc(t, (size_t)n * sizeof(PylObject *));
    if (items == NULL) {
        return -1;
    }
    l->items = items;
    l->cap = n;
    return 0;
}

/* Drop every item; the list ends up empty with no storage. Items are released
 * after the list is consistent, since their finalisers may look at it. */
static void list_clear_items(PylThread *t, PylList *l)
{
    PylObject **items = l->items;
    intptr_t n = l->size;
    if (items == NULL) {
        return; /* (also while sorting: clearing the empty-looking list is no change) */
    }
    l->items = NULL;
    l->size = 0;
    l->cap = 0;
    {
        while (--n >= 0) {
            pyl_xdecref(t, items[n]);
        }
        pyl_mem_free(t, items);
    }
}

static PylObject *list_alloc(PylThread *t, PylType *type, intptr_t n)
{
    if ((size_t)n > (size_t)INTPTR_MAX / sizeof(PylObject *)) {
        return pyl_err_nomemory(t);
    }
    PylList *l = (PylList *)pyl_obj_alloc(t, type, type->basicsize);
    if (l == NULL) {
        return NULL;
    }
    if (n > 0) {
        l->items = pyl_mem_calloc(t, (size_t)n * sizeof(PylObject *));
        if (l->items == NULL) {
            pyl_obj_free(t, (PylObject *)l);
            return NULL;
        }
    }
    l->size = n;
    l->cap = n;
    return (PylObject *)l;
}

PylObject *pyl_list_new(PylThread *t, intptr_t n)
{
    return list_alloc(t, PYL_TYPE(t, LIST), n);
}

int pyl_list_append(PylThread *t, PylObject *list, PylObject *item)
{
    PylList *l = LIST(list);
    intptr_t n = l->size;
    if (PYL_LIKELY(n < l->cap)) {
        l->items[n] = pyl_incref(item);
        l->size = n + 1;
        return 0;
    }
    if (list_resize(t, l, n + 1) < 0) {
        return -1;
    }
    l->items[n] = pyl_incref(item);
    return 0;
}

/* Append, stealing item (also on failure). */
static int list_append_steal(PylThread *t, PylList *l, PylObject *item)
{
    intptr_t n = l->size;
    if (PYL_LIKELY(n < l->cap)) {
        l->items[n] = item;
        l->size = n + 1;
        return 0;
    }
    if (list_resize(t, l, n + 1) < 0) {
        pyl_decref(t, item);
        return -1;
    }
    l->items[n] = item;
    return 0;
}

PylObject *pyl_list_from_array(PylThread *t, PylObject *const *items, intptr_t n)
{
    PylObject *r = pyl_list_new(t, n);
    if (r == NULL) {
        return NULL;
    }
    PylObject **dst = PYL_LIST_ITEMS(r);
    for (intptr_t i = 0; i < n; i++) {
        dst[i] = pyl_incref(items[i]);
    }
    return r;
}

/* Append n borrowed items (which may live in l itself: they are read before the
 * storage moves). */
static int list_extend_array(PylThread *t, PylList *l, PylObject *const *src, intptr_t n)
{
    if (n == 0) {
        return 0;
    }
    intptr_t m = l->size;
    if (l->items == NULL) {
        if (list_preallocate_exact(t, l, n) < 0) {
            return -1;
        }
        l->size = n;
    } else {
        PylObject **old = l->items;
        bool self_extend = src >= old && src < old + m;
        intptr_t offset = self_extend ? src - old : 0;
        if (list_resize(t, l, m + n) < 0) {
            return -1;
        }
        if (self_extend) {
            src = l->items + offset;
        }
    }
    PylObject **dst = l->items + m;
    for (intptr_t i = 0; i < n; i++) {
        dst[i] = pyl_incref(src[i]);
    }
    return 0;
}

int pyl_list_extend(PylThread *t, PylObject *list, PylObject *iterable)
{
    PylList *l = LIST(list);
    if (PYL_IS_LIST_EXACT(iterable) || iterable == list) {
        return list_extend_array(t, l, PYL_LIST_ITEMS(iterable), PYL_LIST_SIZE(iterable));
    }
    if (PYL_IS_TUPLE_EXACT(iterable)) {
        return list_extend_array(t, l, PYL_TUPLE_ITEMS(iterable), PYL_TUPLE_SIZE(iterable));
    }
    PylObject *it = pyl_iter(t, iterable);
    if (it == NULL) {
        return -1;
    }
    PylUnaryFn next = PYL_TYPEOF(t, it)->iternext;
    intptr_t hint = pyl_length_hint(t, iterable, 8);
    if (hint < 0) {
        pyl_decref(t, it);
        return -1;
    }
    intptr_t m = l->size;
    if (hint > 0 && m <= INTPTR_MAX - hint && l->cap < m + hint) {
        /* Room for the guess; the size stays m. */
        if (list_resize(t, l, m + hint) < 0) {
            pyl_decref(t, it);
            return -1;
        }
        l->size = m;
    }
    for (;;) {
        PylObject *item = next(t, it);
        if (item == NULL) {
            if (pyl_err_occurred(t) != NULL) {
                if (!pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
                    pyl_decref(t, it);
                    return -1;
                }
                pyl_err_clear(t);
            }
            break;
        }
        if (list_append_steal(t, l, item) < 0) {
            pyl_decref(t, it);
            return -1;
        }
    }
    pyl_decref(t, it);
    if (l->size < l->cap && l->cap != -1) {
        return list_resize(t, l, l->size); /* give back a too generous guess */
    }
    return 0;
}

PylObject *pyl_list_from_iterable(PylThread *t, PylObject *iterable)
{
    PylObject *r = pyl_list_new(t, 0);
    if (r != NULL && pyl_list_extend(t, r, iterable) < 0) {
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

int pyl_list_insert(PylThread *t, PylObject *list, intptr_t where, PylObject *item)
{
    PylList *l = LIST(list);
    intptr_t n = l->size;
    if (list_resize(t, l, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    memmove(&l->items[where + 1], &l->items[where], (size_t)(n - where) * sizeof(PylObject *));
    l->items[where] = pyl_incref(item);
    return 0;
}

PylObject *pyl_list_as_tuple(PylThread *t, PylObject *list)
{
    return pyl_tuple_from_array(t, PYL_LIST_ITEMS(list), PYL_LIST_SIZE(list));
}

PylObject *pyl_list_slice(PylThread *t, PylObject *list, intptr_t start, intptr_t stop)
{
    intptr_t n = PYL_LIST_SIZE(list);
    if (start < 0) {
        start = 0;
    } else if (start > n) {
        start = n;
    }
    if (stop < start) {
        stop = start;
    } else if (stop > n) {
        stop = n;
    }
    if (stop == start) {
        return pyl_list_new(t, 0);
    }
    return pyl_list_from_array(t, PYL_LIST_ITEMS(list) + start, stop - start);
}

/* a[lo:hi] = v (v a list or tuple, or NULL to delete), bounds clamped to the
 * current size. v must not be a itself (copy it first). */
static int list_ass_slice_items(PylThread *t, PylList *a, intptr_t lo, intptr_t hi,
                                PylObject *const *v, intptr_t n)
{
    intptr_t size = a->size;
    if (lo < 0) {
        lo = 0;
    } else if (lo > size) {
        lo = size;
    }
    if (hi < lo) {
        hi = lo;
    } else if (hi > size) {
        hi = size;
    }
    intptr_t norig = hi - lo;
    intptr_t d = n - norig;
    if (size + d == 0) {
        list_clear_items(t, a);
        return 0;
    }
    /* Keep the replaced items until the list is consistent again. */
    PylObject *stack[8];
    PylObject **recycle = stack;
    if (norig > 8) {
        recycle = pyl_mem_alloc(t, (size_t)norig * sizeof(PylObject *));
        if (recycle == NULL) {
            return -1;
        }
    }
    if (norig > 0) {
        memcpy(recycle, &a->items[lo], (size_t)norig * sizeof(PylObject *));
    }
    if (d < 0) {
        memmove(&a->items[hi + d], &a->items[hi], (size_t)(size - hi) * sizeof(PylObject *));
        /* Shrinking cannot fail in a way that matters: on error keep the storage. */
        if (list_resize(t, a, size + d) < 0) {
            pyl_err_clear(t);
            a->size = size + d;
        }
    } else if (d > 0) {
        if (list_resize(t, a, size + d) < 0) {
            if (recycle != stack) {
                pyl_mem_free(t, recycle);
            }
            return -1;
        }
        memmove(&a->items[hi + d], &a->items[hi], (size_t)(size - hi) * sizeof(PylObject *));
    }
    for (intptr_t k = 0; k < n; k++) {
        a->items[lo + k] = pyl_incref(v[k]);
    }
    for (intptr_t k = norig - 1; k >= 0; k--) {
        pyl_decref(t, recycle[k]);
    }
    if (recycle != stack) {
        pyl_mem_free(t, recycle);
    }
    return 0;
}

/* The items of v as a list or tuple we can read directly: v itself when it is
 * an exact list/tuple (not a), else a new list. NULL + TypeError(msg) when v is
 * not iterable. Returns a new reference. */
static PylObject *as_fast_sequence(PylThread *t, PylObject *v, PylObject *a, const char *msg)
{
    if (v == a) {
        return pyl_list_from_array(t, PYL_LIST_ITEMS(v), PYL_LIST_SIZE(v));
    }
    if (PYL_IS_LIST_EXACT(v) || PYL_IS_TUPLE_EXACT(v)) {
        return pyl_incref(v);
    }
    PylObject *it = pyl_iter(t, v);
    if (it == NULL) {
        if (pyl_err_matches(t, PYL_EXC(t, TypeError))) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s", msg);
        }
        return NULL;
    }
    PylObject *r = pyl_list_from_iterable(t, it);
    pyl_decref(t, it);
    return r;
}

static PylObject *const *fast_items(PylObject *seq, intptr_t *n)
{
    if (PYL_IS_TUPLE(seq)) {
        *n = PYL_TUPLE_SIZE(seq);
        return PYL_TUPLE_ITEMS(seq);
    }
    *n = PYL_LIST_SIZE(seq);
    return PYL_LIST_ITEMS(seq);
}

static int list_ass_slice(PylThread *t, PylList *a, intptr_t lo, intptr_t hi, PylObject *v)
{
    if (v == NULL) {
        return list_ass_slice_items(t, a, lo, hi, NULL, 0);
    }
    PylObject *seq = as_fast_sequence(t, v, (PylObject *)a, "can only assign an iterable");
    if (seq == NULL) {
        return -1;
    }
    intptr_t n;
    PylObject *const *items = fast_items(seq, &n);
    int r = list_ass_slice_items(t, a, lo, hi, items, n);
    pyl_decref(t, seq);
    return r;
}

/* ---- the type: slots ------------------------------------------------------------ */

static void list_dealloc(PylThread *t, PylObject *self)
{
    list_clear_items(t, LIST(self));
    pyl_obj_free(t, self);
}

static int list_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylList *l = LIST(self);
    for (intptr_t i = 0; i < l->size; i++) {
        if (l->items[i] != NULL && visit(l->items[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *list_repr(PylThread *t, PylObject *self)
{
    PylList *l = LIST(self);
    if (l->size == 0) {
        return pyl_str_from_cstr(t, "[]");
    }
    int rec = pyl_repr_enter(t, self);
    if (rec != 0) {
        return rec > 0 ? pyl_str_from_cstr(t, "[...]") : NULL;
    }
    PylBuf b;
    pyl_buf_init(&b);
    int r = pyl_buf_putc(t, &b, '[');
    /* An item's __repr__ may change the list: re-read the size every time. */
    for (intptr_t i = 0; r == 0 && i < l->size; i++) {
        if (i > 0 && pyl_buf_append(t, &b, ", ", 2) < 0) {
            r = -1;
            break;
        }
        PylObject *item = pyl_incref(l->items[i]);
        PylObject *s = pyl_repr(t, item);
        pyl_decref(t, item);
        if (s == NULL) {
            r = -1;
            break;
        }
        r = pyl_buf_put_str(t, &b, s);
        pyl_decref(t, s);
    }
    pyl_repr_leave(t, self);
    if (r < 0 || pyl_buf_putc(t, &b, ']') < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
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

/* Lexicographic comparison; == and != first compare the sizes. Sizes are
 * re-read after every item comparison, which may run code that changes them. */
static PylObject *list_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_LIST(a) || !PYL_IS_LIST(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylList *x = LIST(a), *y = LIST(b);
    if (x->size != y->size && (op == PYL_EQ || op == PYL_NE)) {
        return PYL_BOOL(op == PYL_NE);
    }
    intptr_t i;
    for (i = 0; i < x->size && i < y->size; i++) {
        PylObject *vi = x->items[i], *wi = y->items[i];
        if (vi == wi) {
            continue;
        }
        pyl_incref(vi);
        pyl_incref(wi);
        int k = pyl_richcompare_bool(t, vi, wi, PYL_EQ);
        pyl_decref(t, vi);
        pyl_decref(t, wi);
        if (k < 0) {
            return NULL;
        }
        if (k == 0) {
            break;
        }
    }
    if (i >= x->size || i >= y->size) {
        return cmp_sizes(x->size, y->size, op);
    }
    if (op == PYL_EQ) {
        return PYL_FALSE;
    }
    if (op == PYL_NE) {
        return PYL_TRUE;
    }
    PylObject *vi = pyl_incref(x->items[i]), *wi = pyl_incref(y->items[i]);
    PylObject *r = pyl_richcompare(t, vi, wi, op);
    pyl_decref(t, vi);
    pyl_decref(t, wi);
    return r;
}

static intptr_t list_len(PylThread *t, PylObject *self)
{
    return LIST(self)->size;
}

static int list_contains(PylThread *t, PylObject *self, PylObject *el)
{
    PylList *l = LIST(self);
    for (intptr_t i = 0; i < l->size; i++) {
        PylObject *item = l->items[i];
        if (item == el) {
            return 1;
        }
        pyl_incref(item);
        int c = pyl_richcompare_bool(t, item, el, PYL_EQ);
        pyl_decref(t, item);
        if (c != 0) {
            return c;
        }
    }
    return 0;
}

static PylObject *list_subscript(PylThread *t, PylObject *self, PylObject *key)
{
    PylList *l = LIST(self);
    intptr_t i;
    if (PYL_LIKELY(PYL_IS_SMALLINT(key))) {
        i = PYL_SMALLINT_VALUE(key);
    } else if (PYL_IS_KIND(key, SLICE)) {
        intptr_t start, stop, step;
        intptr_t len = pyl_slice_unpack(t, key, l->size, &start, &stop, &step);
        if (len < 0) {
            return NULL;
        }
        if (len == 0) {
            return pyl_list_new(t, 0);
        }
        if (step == 1) {
            return pyl_list_from_array(t, l->items + start, len);
        }
        PylObject *r = pyl_list_new(t, len);
        if (r == NULL) {
            return NULL;
        }
        /* (start + k*step is an index for k < len: no overflow, unlike stepping past) */
        for (intptr_t k = 0; k < len; k++) {
            PYL_LIST_ITEMS(r)[k] = pyl_incref(l->items[start + k * step]);
        }
        return r;
    } else if (pyl_is_index(t, key)) {
        if (pyl_seq_index(t, key, &i) < 0) {
            return NULL;
        }
    } else {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "list indices must be integers or slices, not %T", key);
    }
    if (i < 0) {
        i += l->size;
    }
    if ((uintptr_t)i >= (uintptr_t)l->size) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "list index out of range");
    }
    return pyl_incref(l->items[i]);
}

/* del a[start:stop:step] for step != 1 (already adjusted, len > 0). */
static void list_del_extended(PylThread *t, PylList *l, intptr_t start, intptr_t step, intptr_t len,
                              PylObject **garbage)
{
    if (step < 0) {
        /* Walk the same items forwards. */
        start = start + step * (len - 1);
        step = -step;
    }
    intptr_t size = l->size;
    PylObject **items = l->items;
    intptr_t dst = start;
    for (intptr_t k = 0; k < len; k++) {
        intptr_t cur = start + k * step;
        garbage[k] = items[cur];
        intptr_t next = k + 1 < len ? cur + step : size;
        intptr_t keep = next - cur - 1; /* the items between two deleted ones */
        memmove(&items[dst], &items[cur + 1], (size_t)keep * sizeof(PylObject *));
        dst += keep;
    }
    l->size = size - len;
}

static int list_ass_subscript(PylThread *t, PylObject *self, PylObject *key, PylObject *value)
{
    PylList *l = LIST(self);
    intptr_t i;
    if (PYL_LIKELY(PYL_IS_SMALLINT(key))) {
        i = PYL_SMALLINT_VALUE(key);
    } else if (PYL_IS_KIND(key, SLICE)) {
        intptr_t rstart, rstop, step;
        if (pyl_slice_unpack_raw(t, key, &rstart, &rstop, &step) < 0) {
            return -1;
        }
        intptr_t start = rstart, stop = rstop;
        intptr_t len = pyl_slice_adjust(l->size, &start, &stop, step);
        if (step == 1) {
            return list_ass_slice(t, l, start, stop, value);
        }
        if (value == NULL) {
            if (len <= 0) {
                return 0;
            }
            PylObject **garbage = pyl_mem_alloc(t, (size_t)len * sizeof(PylObject *));
            if (garbage == NULL) {
                return -1;
            }
            list_del_extended(t, l, start, step, len, garbage);
            if (list_resize(t, l, l->size) < 0) {
                pyl_err_clear(t); /* keeping the bigger block is fine */
            }
            for (intptr_t k = 0; k < len; k++) {
                pyl_decref(t, garbage[k]);
            }
            pyl_mem_free(t, garbage);
            return 0;
        }
        PylObject *seq = as_fast_sequence(t, value, self, "must assign iterable to extended slice");
        if (seq == NULL) {
            return -1;
        }
        intptr_t n;
        PylObject *const *src = fast_items(seq, &n);
        if (n == len) {
            /* Building seq may have run code that resized the list: resolve the
             * slice again (CPython's message uses the size before). */
            start = rstart;
            stop = rstop;
            len = pyl_slice_adjust(l->size, &start, &stop, step);
        }
        if (n != len) {
            pyl_err_format(t, PYL_EXC(t, ValueError),
                           "attempt to assign sequence of size %zd to extended slice of size %zd",
                           (ssize_t)n, (ssize_t)len);
            pyl_decref(t, seq);
            return -1;
        }
        if (len == 0) {
            pyl_decref(t, seq);
            return 0;
        }
        PylObject **garbage = pyl_mem_alloc(t, (size_t)len * sizeof(PylObject *));
        if (garbage == NULL) {
            pyl_decref(t, seq);
            return -1;
        }
        for (intptr_t k = 0; k < len; k++) {
            intptr_t j = start + k * step;
            garbage[k] = l->items[j];
            l->items[j] = pyl_incref(src[k]);
        }
        for (intptr_t k = 0; k < len; k++) {
            pyl_decref(t, garbage[k]);
        }
        pyl_mem_free(t, garbage);
        pyl_decref(t, seq);
        return 0;
    } else if (pyl_is_index(t, key)) {
        if (pyl_seq_index(t, key, &i) < 0) {
            return -1;
        }
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError), "list indices must be integers or slices, not %T",
                       key);
        return -1;
    }
    if (i < 0) {
        i += l->size;
    }
    if ((uintptr_t)i >= (uintptr_t)l->size) {
        pyl_err_format(t, PYL_EXC(t, IndexError), "list assignment index out of range");
        return -1;
    }
    if (value == NULL) {
        return list_ass_slice_items(t, l, i, i + 1, NULL, 0);
    }
    PylObject *old = l->items[i];
    l->items[i] = pyl_incref(value);
    pyl_decref(t, old);
    return 0;
}

static PylObject *list_add(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_LIST(a) || !PYL_IS_LIST(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    intptr_t na = PYL_LIST_SIZE(a), nb = PYL_LIST_SIZE(b);
    PylObject *r = pyl_list_new(t, na + nb);
    if (r == NULL) {
        return NULL;
    }
    PylObject **dst = PYL_LIST_ITEMS(r);
    for (intptr_t i = 0; i < na; i++) {
        dst[i] = pyl_incref(PYL_LIST_ITEM(a, i));
    }
    for (intptr_t i = 0; i < nb; i++) {
        dst[na + i] = pyl_incref(PYL_LIST_ITEM(b, i));
    }
    return r;
}

static PylObject *list_iadd(PylThread *t, PylObject *a, PylObject *b)
{
    if (pyl_list_extend(t, a, b) < 0) {
        return NULL;
    }
    return pyl_incref(a);
}

/* The repeat count of seq * count, or NotImplemented-worthy (returns 1) when
 * count is not an index. 0 = ok, -1 = error. */
static int repeat_count(PylThread *t, PylObject *count, intptr_t *n)
{
    if (PYL_IS_SMALLINT(count)) {
        *n = PYL_SMALLINT_VALUE(count);
        return 0;
    }
    if (!pyl_is_index(t, count)) {
        return 1;
    }
    return pyl_index_as_ssize(t, count, n);
}

static PylObject *list_repeat(PylThread *t, PylObject *seq, intptr_t n)
{
    intptr_t size = PYL_LIST_SIZE(seq);
    if (n <= 0 || size == 0) {
        return pyl_list_new(t, 0);
    }
    if (size > INTPTR_MAX / n) {
        return pyl_err_nomemory(t);
    }
    PylObject *r = pyl_list_new(t, size * n);
    if (r == NULL) {
        return NULL;
    }
    PylObject **src = PYL_LIST_ITEMS(seq), **dst = PYL_LIST_ITEMS(r);
    if (size == 1) {
        PylObject *x = src[0];
        if (PYL_IS_PTR(x)) {
            x->refcnt += n;
        }
        for (intptr_t k = 0; k < n; k++) {
            dst[k] = x;
        }
        return r;
    }
    for (intptr_t k = 0; k < n; k++) {
        for (intptr_t i = 0; i < size; i++) {
            *dst++ = pyl_incref(src[i]);
        }
    }
    return r;
}

static PylObject *list_mul(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *seq, *count;
    if (PYL_IS_LIST(a)) {
        seq = a;
        count = b;
    } else if (PYL_IS_LIST(b)) {
        seq = b;
        count = a;
    } else {
        return PYL_NOTIMPLEMENTED;
    }
    intptr_t n;
    int rc = repeat_count(t, count, &n);
    if (rc != 0) {
        return rc > 0 ? PYL_NOTIMPLEMENTED : NULL;
    }
    return list_repeat(t, seq, n);
}

static PylObject *list_inplace_repeat(PylThread *t, PylObject *self, intptr_t n)
{
    PylList *l = LIST(self);
    intptr_t size = l->size;
    if (size == 0 || n == 1) {
        return pyl_incref(self);
    }
    if (n < 1) {
        list_clear_items(t, l);
        return pyl_incref(self);
    }
    if (size > INTPTR_MAX / n) {
        return pyl_err_nomemory(t);
    }
    if (list_resize(t, l, size * n) < 0) {
        return NULL;
    }
    PylObject **items = l->items;
    for (intptr_t k = 1; k < n; k++) {
        for (intptr_t i = 0; i < size; i++) {
            items[k * size + i] = pyl_incref(items[i]);
        }
    }
    return pyl_incref(self);
}

static PylObject *list_imul(PylThread *t, PylObject *a, PylObject *b)
{
    intptr_t n;
    int rc = repeat_count(t, b, &n);
    if (rc != 0) {
        return rc > 0 ? PYL_NOTIMPLEMENTED : NULL;
    }
    return list_inplace_repeat(t, a, n);
}

static PylObject *list_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return list_alloc(t, type, 0);
}

static int list_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                     PylObject *kwnames)
{
    PylType *type = PYL_TYPEOF(t, self);
    if ((type == PYL_TYPE(t, LIST) || type->new_ == PYL_TYPE(t, LIST)->new_) &&
        pyl_no_kwargs(t, "list", kwnames) < 0) {
        return -1;
    }
    if (pyl_check_nargs(t, "list", nargs, 0, 1) < 0) {
        return -1;
    }
    PylList *l = LIST(self);
    if (l->items != NULL) {
        list_clear_items(t, l);
    }
    if (nargs == 0) {
        return 0;
    }
    PylObject *iterable = args[0];
    PylType *it = PYL_TYPEOF(t, iterable);
    if (it->len != NULL && !PYL_IS_LIST_EXACT(iterable) && !PYL_IS_TUPLE_EXACT(iterable)) {
        intptr_t n = it->len(t, iterable);
        if (n < 0) {
            if (!pyl_err_matches(t, PYL_EXC(t, TypeError))) {
                return -1;
            }
            pyl_err_clear(t);
        } else if (n > 0 && l->items == NULL && list_preallocate_exact(t, l, n) < 0) {
            return -1;
        }
    }
    return pyl_list_extend(t, self, iterable);
}

/* ---- methods ----------------------------------------------------------------------- */

/* An argument-clinic Py_ssize_t argument: __index__, then OverflowError "Python
 * int too large to convert to C ssize_t". */
static int arg_ssize(PylThread *t, PylObject *o, intptr_t *out)
{
    if (PYL_IS_SMALLINT(o)) {
        *out = PYL_SMALLINT_VALUE(o);
        return 0;
    }
    PylObject *i = pyl_number_index(t, o);
    if (i == NULL) {
        return -1;
    }
    int r = pyl_int_as_ssize(t, i, out);
    pyl_decref(t, i);
    return r;
}

static PylObject *list_append_meth(PylThread *t, PylObject *self, PylObject *item)
{
    if (pyl_list_append(t, self, item) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

static PylObject *list_extend_meth(PylThread *t, PylObject *self, PylObject *iterable)
{
    if (pyl_list_extend(t, self, iterable) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

static PylObject *list_insert_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs)
{
    if (pyl_check_nargs(t, "insert", nargs, 2, 2) < 0) {
        return NULL;
    }
    intptr_t where;
    if (arg_ssize(t, args[0], &where) < 0 || pyl_list_insert(t, self, where, args[1]) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

static PylObject *list_pop(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "pop", nargs, 0, 1) < 0) {
        return NULL;
    }
    intptr_t i = -1;
    if (nargs == 1 && arg_ssize(t, args[0], &i) < 0) {
        return NULL;
    }
    PylList *l = LIST(self);
    if (l->size == 0) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "pop from empty list");
    }
    if (i < 0) {
        i += l->size;
    }
    if ((uintptr_t)i >= (uintptr_t)l->size) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "pop index out of range");
    }
    PylObject *v = l->items[i];
    if (i == l->size - 1) {
        if (list_resize(t, l, l->size - 1) < 0) {
            return NULL;
        }
        return v; /* the list's reference moves to the caller */
    }
    pyl_incref(v);
    if (list_ass_slice_items(t, l, i, i + 1, NULL, 0) < 0) {
        pyl_decref(t, v);
        return NULL;
    }
    return v;
}

static PylObject *list_remove(PylThread *t, PylObject *self, PylObject *value)
{
    PylList *l = LIST(self);
    for (intptr_t i = 0; i < l->size; i++) {
        PylObject *item = pyl_incref(l->items[i]);
        int c = pyl_richcompare_bool(t, item, value, PYL_EQ);
        pyl_decref(t, item);
        if (c < 0) {
            return NULL;
        }
        if (c > 0) {
            if (list_ass_slice_items(t, l, i, i + 1, NULL, 0) < 0) {
                return NULL;
            }
            return PYL_NONE;
        }
    }
    return pyl_err_format(t, PYL_EXC(t, ValueError), "list.remove(x): x not in list");
}

static PylObject *list_clear_meth(PylThread *t, PylObject *self)
{
    list_clear_items(t, LIST(self));
    return PYL_NONE;
}

static PylObject *list_index(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "index", nargs, 1, 3) < 0) {
        return NULL;
    }
    PylList *l = LIST(self);
    intptr_t start = 0, stop = INTPTR_MAX;
    if (nargs > 1 && pyl_slice_index_notnone(t, args[1], &start) < 0) {
        return NULL;
    }
    if (nargs > 2 && pyl_slice_index_notnone(t, args[2], &stop) < 0) {
        return NULL;
    }
    if (start < 0) {
        start += l->size;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += l->size;
        if (stop < 0) {
            stop = 0;
        }
    }
    for (intptr_t i = start; i < stop && i < l->size; i++) {
        PylObject *item = pyl_incref(l->items[i]);
        int c = pyl_richcompare_bool(t, item, args[0], PYL_EQ);
        pyl_decref(t, item);
        if (c < 0) {
            return NULL;
        }
        if (c > 0) {
            return pyl_int_from_ssize(t, i);
        }
    }
    return pyl_err_format(t, PYL_EXC(t, ValueError), "%R is not in list", args[0]);
}

static PylObject *list_count(PylThread *t, PylObject *self, PylObject *value)
{
    PylList *l = LIST(self);
    intptr_t count = 0;
    for (intptr_t i = 0; i < l->size; i++) {
        PylObject *item = l->items[i];
        if (item == value) {
            count++;
            continue;
        }
        pyl_incref(item);
        int c = pyl_richcompare_bool(t, item, value, PYL_EQ);
        pyl_decref(t, item);
        if (c < 0) {
            return NULL;
        }
        count += c;
    }
    return pyl_int_from_ssize(t, count);
}

static void reverse_items(PylObject **lo, PylObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        PylObject *tmp = *lo;
        *lo = *hi;
        *hi = tmp;
    }
}

static PylObject *list_reverse(PylThread *t, PylObject *self)
{
    PylList *l = LIST(self);
    if (l->size > 1) {
        reverse_items(l->items, l->items + l->size);
    }
    return PYL_NONE;
}

static PylObject *list_copy(PylThread *t, PylObject *self)
{
    return pyl_list_from_array(t, PYL_LIST_ITEMS(self), PYL_LIST_SIZE(self));
}

static PylObject *list_sort_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"key", "reverse", NULL};
    static const PylArgSpec spec = {"sort", names, 0, 0};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *key = a[0] == PYL_NONE ? NULL : a[0];
    bool reverse = false;
    if (a[1] != NULL) {
        intptr_t r;
        if (arg_ssize(t, a[1], &r) < 0) {
            if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, OverflowError),
                               "Python int too large to convert to C int");
            }
            return NULL;
        }
        if (r != (int)r) {
            return pyl_err_format(t, PYL_EXC(t, OverflowError),
                                  "Python int too large to convert to C int");
        }
        reverse = r != 0;
    }
    if (pyl_list_sort(t, self, key, reverse) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

static PylObject *list_sizeof(PylThread *t, PylObject *self)
{
    PylList *l = LIST(self);
    intptr_t cap = l->cap > 0 ? l->cap : 0;
    return pyl_int_from_ssize(t,
                              PYL_TYPEOF(t, self)->basicsize + cap * (intptr_t)sizeof(PylObject *));
}

/* list.__add__ / __mul__ / __rmul__ / __imul__ called as methods: CPython
 * exposes its sequence slots here, which raise instead of returning
 * NotImplemented. (The operators themselves go through the nb slots.) */
static PylObject *list_add_meth(PylThread *t, PylObject *self, PylObject *other)
{
    if (!PYL_IS_LIST(other)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "can only concatenate list (not \"%T\") to list", other);
    }
    return list_add(t, self, other);
}

static PylObject *list_mul_meth(PylThread *t, PylObject *self, PylObject *count)
{
    intptr_t n;
    if (pyl_index_as_ssize(t, count, &n) < 0) {
        return NULL;
    }
    return list_repeat(t, self, n);
}

static PylObject *list_imul_meth(PylThread *t, PylObject *self, PylObject *count)
{
    intptr_t n;
    if (pyl_index_as_ssize(t, count, &n) < 0) {
        return NULL;
    }
    return list_inplace_repeat(t, self, n);
}

PYL_INTERNAL PylObject *pyl_list_iter(PylThread *t, PylObject *self);
static PylObject *list_reversed(PylThread *t, PylObject *self);

static const PylMethodDef list_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_O("append", list_append_meth),
    PYL_METHOD_O("extend", list_extend_meth),
    PYL_METHOD_FAST("insert", list_insert_meth),
    PYL_METHOD_FAST("pop", list_pop),
    PYL_METHOD_O("remove", list_remove),
    PYL_METHOD_NOARGS("clear", list_clear_meth),
    PYL_METHOD_FAST("index", list_index),
    PYL_METHOD_O("count", list_count),
    PYL_METHOD_NOARGS("reverse", list_reverse),
    PYL_METHOD_NOARGS("copy", list_copy),
    PYL_METHOD_KW("sort", list_sort_meth),
    PYL_METHOD_NOARGS("__reversed__", list_reversed),
    PYL_METHOD_NOARGS("__sizeof__", list_sizeof),
    PYL_METHOD_O("__add__", list_add_meth),
    PYL_METHOD_O("__mul__", list_mul_meth),
    PYL_METHOD_O("__rmul__", list_mul_meth),
    PYL_METHOD_O("__imul__", list_imul_meth),
    PYL_METHOD_END,
};

/* The GC's clear slot: drop every item (breaks cycles through lists). */
static void list_gc_clear(PylThread *t, PylObject *self)
{
    list_clear_items(t, (PylList *)self);
}

const PylType pyl_list_type = {
    .name = "list",
    .kind = PYL_K_LIST,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC | PYL_TF_SEQUENCE,
    .basicsize = sizeof(PylList),
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .clear = list_gc_clear,
    .repr = list_repr,
    .hash = pyl_hash_unhashable,
    .richcompare = list_richcompare,
    .iter = pyl_list_iter,
    .new_ = list_new_,
    .init = list_init,
    .len = list_len,
    .getitem = list_subscript,
    .setitem = list_ass_subscript,
    .contains = list_contains,
    .nb = {[PYL_NB_ADD] = list_add, [PYL_NB_MUL] = list_mul},
    .inb = {[PYL_NB_ADD] = list_iadd, [PYL_NB_MUL] = list_imul},
    .methods = list_methods,
    .doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a "
           "new empty list.\nThe argument must be an iterable if specified.",
};

/* ---- iterators ----------------------------------------------------------------------- */

/* list_iterator walks forwards while index < len(list) (so items appended
 * during the loop are seen); list_reverseiterator walks backwards. Both drop the
 * list when exhausted. */
typedef struct ListIter {
    PylObject ob;
    PylObject *seq; /* NULL once exhausted */
    intptr_t index;
} ListIter;

static PylObject *new_list_iter(PylThread *t, int kind, PylObject *list, intptr_t index)
{
    ListIter *it = (ListIter *)pyl_obj_alloc(t, t->vm->types[kind], sizeof(ListIter));
    if (it == NULL) {
        return NULL;
    }
    it->seq = pyl_incref(list);
    it->index = index;
    return (PylObject *)it;
}

PylObject *pyl_list_iter(PylThread *t, PylObject *self)
{
    return new_list_iter(t, PYL_K_LIST_ITER, self, 0);
}

static PylObject *list_reversed(PylThread *t, PylObject *self)
{
    return new_list_iter(t, PYL_K_LIST_REVITER, self, PYL_LIST_SIZE(self) - 1);
}

static void listiter_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((ListIter *)self)->seq);
    pyl_obj_free(t, self);
}

static int listiter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    ListIter *it = (ListIter *)self;
    return it->seq ? visit(it->seq, arg) : 0;
}

static PylObject *listiter_next(PylThread *t, PylObject *self)
{
    ListIter *it = (ListIter *)self;
    PylObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < PYL_LIST_SIZE(seq)) {
        return pyl_incref(PYL_LIST_ITEM(seq, it->index++));
    }
    it->seq = NULL;
    pyl_decref(t, seq);
    return NULL;
}

static PylObject *listreviter_next(PylThread *t, PylObject *self)
{
    ListIter *it = (ListIter *)self;
    PylObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    intptr_t i = it->index;
    if (i >= 0 && i < PYL_LIST_SIZE(seq)) {
        it->index--;
        return pyl_incref(PYL_LIST_ITEM(seq, i));
    }
    it->index = -1;
    it->seq = NULL;
    pyl_decref(t, seq);
    return NULL;
}

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static PylObject *listiter_length_hint(PylThread *t, PylObject *self)
{
    ListIter *it = (ListIter *)self;
    intptr_t n = 0;
    if (it->seq != NULL) {
        n = PYL_LIST_SIZE(it->seq) - it->index;
        if (n < 0) {
            n = 0;
        }
    }
    return pyl_int_from_ssize(t, n);
}

static PylObject *listreviter_length_hint(PylThread *t, PylObject *self)
{
    ListIter *it = (ListIter *)self;
    intptr_t n = it->index + 1;
    if (it->seq == NULL || PYL_LIST_SIZE(it->seq) < n) {
        n = 0;
    }
    return pyl_int_from_ssize(t, n);
}

static const PylMethodDef listiter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", listiter_length_hint),
    PYL_METHOD_END,
};

static const PylMethodDef listreviter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", listreviter_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_list_iter_type = {
    .name = "list_iterator",
    .kind = PYL_K_LIST_ITER,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(ListIter),
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = iter_self,
    .iternext = listiter_next,
    .methods = listiter_methods,
};

const PylType pyl_list_reviter_type = {
    .name = "list_reverseiterator",
    .kind = PYL_K_LIST_REVITER,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(ListIter),
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = iter_self,
    .iternext = listreviter_next,
    .methods = listreviter_methods,
};
