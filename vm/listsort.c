/* listsort.c — list.sort(): a stable natural merge sort (timsort), split out of
 * list.c because it is a world of its own.
 *
 * The algorithm is CPython 3.11's, step for step, so that user comparison
 * functions see the same sequence of calls: runs are found left to right (a
 * strictly descending run is reversed in place), short runs are extended to
 * `minrun` with binary insertion, and each new run decides from the "power" of
 * the boundary it shares with the previous run (powersort) which pending runs
 * to merge. Merging gallops when one side keeps winning.
 *
 * What is sorted is an array of records, one per list item:
 *
 *     SortItem: | key: object, or the key's double | value: the list item |
 *
 * The key is the item itself, or key(item) when a key function is given.
 * Before sorting, the keys are scanned once (CPython's pre-sort check): when
 * all are exact floats, the records hold the doubles and the comparison is a
 * plain `<` inlined into a dedicated copy of the merge code, with no pointer
 * chasing; exact small ints are compared as tagged words; exact strs by
 * memcmp; tuples of those by their first items; any other single type through
 * its own comparison slot. The engine functions are always inlined into each
 * instantiation (generic, float, int) so that the constant comparison function
 * becomes direct code.
 *
 * Every comparison that can fail returns -1 with an exception; the merge
 * routines then still leave a permutation of the records in place, so no
 * reference is lost or duplicated.
 */
#include <stdio.h>

#include "vm/core.h"

#define MIN_GALLOP 7
#define MAX_PENDING 85
#define SMALL_TMP 64
#define ENGINE static inline __attribute__((always_inline))

typedef struct SortItem {
    union {
        PylObject *o;
        double d;
    } k;
    PylObject *v;
} SortItem;

typedef struct SortState SortState;
/* "<" on keys: 1, 0, or -1 with an exception. */
typedef int (*KeyLess)(SortState *s, PylObject *a, PylObject *b);
/* "<" on records. */
typedef int (*ItemLess)(SortState *s, const SortItem *a, const SortItem *b);

typedef struct Run {
    SortItem *base;
    intptr_t len;
    int power;
} Run;

struct SortState {
    PylThread *t;
    KeyLess lt;            /* the key comparison (generic instantiation) */
    KeyLess tuple_elem_lt; /* compares first items of tuple keys */
    PylCompareFn key_cmp;  /* the shared richcompare slot of same-type keys */
    intptr_t min_gallop;
    SortItem *tmp; /* merge scratch space for tmp_cap records */
    intptr_t tmp_cap;
    SortItem *base; /* the records, for powersort's positions */
    intptr_t listlen;
    int n; /* pending runs */
    Run pending[MAX_PENDING];
    SortItem tmp_small[SMALL_TMP];
};

/* ---- key comparisons --------------------------------------------------------------- */

static int lt_generic(SortState *s, PylObject *a, PylObject *b)
{
    return pyl_richcompare_bool(s->t, a, b, PYL_LT);
}

/* All keys share one type: call its comparison slot directly, falling back to
 * the full protocol when it declines (or a key changed its class). */
static int lt_same_type(SortState *s, PylObject *a, PylObject *b)
{
    PylThread *t = s->t;
    if (PYL_TYPEOF(t, a)->richcompare != s->key_cmp) {
        return pyl_richcompare_bool(t, a, b, PYL_LT);
    }
    PylObject *r = s->key_cmp(t, a, b, PYL_LT);
    if (r == PYL_NOTIMPLEMENTED) {
        return pyl_richcompare_bool(t, a, b, PYL_LT);
    }
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

static inline int int_less(PylObject *a, PylObject *b)
{
    if (PYL_LIKELY(PYL_IS_SMALLINT(a) && PYL_IS_SMALLINT(b))) {
        return (intptr_t)a < (intptr_t)b; /* the tag preserves the order */
    }
    return pyl_int_compare(a, b) < 0;
}

static int lt_int(SortState *s, PylObject *a, PylObject *b)
{
    return int_less(a, b);
}

static int lt_float(SortState *s, PylObject *a, PylObject *b)
{
    return PYL_FLOAT_VALUE(a) < PYL_FLOAT_VALUE(b);
}

static int lt_str(SortState *s, PylObject *a, PylObject *b)
{
    intptr_t na = PYL_STR_NBYTES(a), nb = PYL_STR_NBYTES(b);
    int c = memcmp(PYL_STR_DATA(a), PYL_STR_DATA(b), (size_t)(na < nb ? na : nb));
    return c != 0 ? c < 0 : na < nb;
}

/* Equality of two items of tuple keys, with shortcuts for exact builtins. */
static int tuple_item_eq(PylThread *t, PylObject *a, PylObject *b)
{
    if (a == b) {
        return 1;
    }
    if (PYL_IS_SMALLINT(a) && PYL_IS_SMALLINT(b)) {
        return 0;
    }
    if (PYL_IS_STR_EXACT(a) && PYL_IS_STR_EXACT(b)) {
        return pyl_str_equal(a, b);
    }
    if (PYL_IS_FLOAT_EXACT(a) && PYL_IS_FLOAT_EXACT(b)) {
        return PYL_FLOAT_VALUE(a) == PYL_FLOAT_VALUE(b);
    }
    return pyl_richcompare_bool(t, a, b, PYL_EQ);
}

/* Tuples: the first differing items decide; the first items use the
 * specialised comparison when all keys' first items share a type. */
static int lt_tuple(SortState *s, PylObject *a, PylObject *b)
{
    PylThread *t = s->t;
    intptr_t na = PYL_TUPLE_SIZE(a), nb = PYL_TUPLE_SIZE(b);
    intptr_t i;
    for (i = 0; i < na && i < nb; i++) {
        int k = tuple_item_eq(t, PYL_TUPLE_ITEM(a, i), PYL_TUPLE_ITEM(b, i));
        if (k < 0) {
            return -1;
        }
        if (k == 0) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        return na < nb;
    }
    if (i == 0) {
        return s->tuple_elem_lt(s, PYL_TUPLE_ITEM(a, 0), PYL_TUPLE_ITEM(b, 0));
    }
    return pyl_richcompare_bool(t, PYL_TUPLE_ITEM(a, i), PYL_TUPLE_ITEM(b, i), PYL_LT);
}

/* The record comparisons the engine is instantiated with. */
static inline int item_lt_generic(SortState *s, const SortItem *a, const SortItem *b)
{
    return s->lt(s, a->k.o, b->k.o);
}

static inline int item_lt_float(SortState *s, const SortItem *a, const SortItem *b)
{
    return a->k.d < b->k.d;
}

static inline int item_lt_int(SortState *s, const SortItem *a, const SortItem *b)
{
    return int_less(a->k.o, b->k.o);
}

enum { SORT_GENERIC, SORT_FLOAT, SORT_INT };

/* CPython's pre-sort check: pick the key comparison from the keys' types. */
static int choose_compare(SortState *s, SortItem *items, intptr_t n)
{
    PylThread *t = s->t;
    s->lt = lt_generic;
    s->tuple_elem_lt = lt_generic;
    s->key_cmp = NULL;
    if (n < 2) {
        return SORT_GENERIC;
    }
    PylObject *k0 = items[0].k.o;
    bool in_tuples = PYL_IS_TUPLE_EXACT(k0) && PYL_TUPLE_SIZE(k0) > 0;
    PylType *type = PYL_TYPEOF(t, in_tuples ? PYL_TUPLE_ITEM(k0, 0) : k0);
    bool same = true;
    for (intptr_t i = 0; i < n; i++) {
        PylObject *k = items[i].k.o;
        if (in_tuples && !(PYL_IS_TUPLE_EXACT(k) && PYL_TUPLE_SIZE(k) > 0)) {
            in_tuples = false;
            same = false;
            break;
        }
        if (in_tuples) {
            k = PYL_TUPLE_ITEM(k, 0);
        }
        if (PYL_TYPEOF(t, k) != type) {
            same = false;
            if (!in_tuples) {
                break;
            }
        }
    }
    KeyLess lt = lt_generic;
    if (same) {
        if (type == PYL_TYPE(t, INT)) {
            lt = lt_int;
        } else if (type == PYL_TYPE(t, FLOAT)) {
            lt = lt_float;
        } else if (type == PYL_TYPE(t, STR)) {
            lt = lt_str;
        } else if (type->richcompare != NULL) {
            s->key_cmp = type->richcompare;
            lt = lt_same_type;
        }
    }
    if (in_tuples) {
        s->tuple_elem_lt = type == PYL_TYPE(t, TUPLE) ? lt_generic : lt;
        s->lt = lt_tuple;
        return SORT_GENERIC;
    }
    s->lt = lt;
    if (lt == lt_float) {
        return SORT_FLOAT;
    }
    if (lt == lt_int) {
        return SORT_INT;
    }
    return SORT_GENERIC;
}

/* ---- the engine --------------------------------------------------------------------- */

static void reverse_records(SortItem *lo, intptr_t n)
{
    for (SortItem *hi = lo + n - 1; lo < hi; lo++, hi--) {
        SortItem tmp = *lo;
        *lo = *hi;
        *hi = tmp;
    }
}

static inline void move_records(SortItem *dst, const SortItem *src, intptr_t n)
{
    memmove(dst, src, (size_t)n * sizeof(SortItem));
}

/* Room for `need` records of scratch space. */
static int ensure_tmp(SortState *s, intptr_t need)
{
    if (need <= s->tmp_cap) {
        return 0;
    }
    if (s->tmp != s->tmp_small) {
        pyl_mem_free(s->t, s->tmp);
    }
    s->tmp = s->tmp_small;
    s->tmp_cap = SMALL_TMP;
    if ((size_t)need > (size_t)INTPTR_MAX / sizeof(SortItem)) {
        pyl_err_nomemory(s->t);
        return -1;
    }
    SortItem *block = pyl_mem_alloc(s->t, (size_t)need * sizeof(SortItem));
    if (block == NULL) {
        return -1;
    }
    s->tmp = block;
    s->tmp_cap = need;
    return 0;
}

/* Length of the run starting at lo (n > 0 records); *descending is set when it
 * is strictly descending. -1 on error. */
ENGINE intptr_t count_run(SortState *s, SortItem *lo, intptr_t n, bool *descending, ItemLess lt)
{
    *descending = false;
    if (n == 1) {
        return 1;
    }
    intptr_t i = 1;
    int k = lt(s, &lo[1], &lo[0]);
    if (k < 0) {
        return -1;
    }
    if (k) {
        *descending = true;
        for (i = 2; i < n; i++) {
            k = lt(s, &lo[i], &lo[i - 1]);
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
        }
    } else {
        for (i = 2; i < n; i++) {
            k = lt(s, &lo[i], &lo[i - 1]);
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
        }
    }
    return i;
}

/* Sort lo[0..n) by binary insertion, given lo[0..start) is already sorted. */
ENGINE int binary_insertion(SortState *s, SortItem *lo, intptr_t n, intptr_t start, ItemLess lt)
{
    if (start == 0) {
        start = 1;
    }
    for (; start < n; start++) {
        SortItem pivot = lo[start];
        intptr_t l = 0, r = start;
        do {
            intptr_t m = l + ((r - l) >> 1);
            int k = lt(s, &pivot, &lo[m]);
            if (k < 0) {
                return -1;
            }
            if (k) {
                r = m;
            } else {
                l = m + 1;
            }
        } while (l < r);
        /* pivot goes at l, after any equal items: that is what keeps it stable. */
        move_records(&lo[l + 1], &lo[l], start - l);
        lo[l] = pivot;
    }
    return 0;
}

/* Where key goes in the sorted a[0..n): the k with a[k-1] < key <= a[k] (the
 * leftmost place), searching out from `hint`. -1 on error. */
ENGINE intptr_t gallop_left(SortState *s, const SortItem *key, const SortItem *a, intptr_t n,
                            intptr_t hint, ItemLess lt)
{
    intptr_t last = 0, ofs = 1;
    int k = lt(s, &a[hint], key);
    if (k < 0) {
        return -1;
    }
    if (k) {
        /* a[hint] < key: gallop right until a[hint+last] < key <= a[hint+ofs]. */
        intptr_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = lt(s, &a[hint + ofs], key);
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        last += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-last]. */
        intptr_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = lt(s, &a[hint - ofs], key);
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        intptr_t tmp = last;
        last = hint - ofs;
        ofs = hint - tmp;
    }
    /* Now a[last] < key <= a[ofs]: binary search in between. */
    last++;
    while (last < ofs) {
        intptr_t m = last + ((ofs - last) >> 1);
        k = lt(s, &a[m], key);
        if (k < 0) {
            return -1;
        }
        if (k) {
            last = m + 1;
        } else {
            ofs = m;
        }
    }
    return ofs;
}

/* Like gallop_left but the rightmost place: a[k-1] <= key < a[k]. */
ENGINE intptr_t gallop_right(SortState *s, const SortItem *key, const SortItem *a, intptr_t n,
                             intptr_t hint, ItemLess lt)
{
    intptr_t last = 0, ofs = 1;
    int k = lt(s, key, &a[hint]);
    if (k < 0) {
        return -1;
    }
    if (k) {
        /* key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-last]. */
        intptr_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = lt(s, key, &a[hint - ofs]);
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        intptr_t tmp = last;
        last = hint - ofs;
        ofs = hint - tmp;
    } else {
        /* a[hint] <= key: gallop right until a[hint+last] <= key < a[hint+ofs]. */
        intptr_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = lt(s, key, &a[hint + ofs]);
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        last += hint;
        ofs += hint;
    }
    last++;
    while (last < ofs) {
        intptr_t m = last + ((ofs - last) >> 1);
        k = lt(s, key, &a[m]);
        if (k < 0) {
            return -1;
        }
        if (k) {
            ofs = m;
        } else {
            last = m + 1;
        }
    }
    return ofs;
}

/* Merge the adjacent runs a (na records) and b (nb), na <= nb, with a copied to
 * scratch space and the output written from the left. Preconditions (from
 * merge_at): b[0] < a[0] and b[nb-1] < a[na-1], so b[0] goes first and a[na-1]
 * goes last. */
ENGINE int merge_lo(SortState *s, SortItem *a, intptr_t na, SortItem *b, intptr_t nb, ItemLess lt)
{
    if (ensure_tmp(s, na) < 0) {
        return -1;
    }
    SortItem *dest = a;
    move_records(s->tmp, a, na);
    a = s->tmp;
    int result = -1;
    intptr_t min_gallop = s->min_gallop;

    *dest++ = *b++;
    if (--nb == 0) {
        goto succeed;
    }
    if (na == 1) {
        goto copy_b;
    }
    for (;;) {
        intptr_t acount = 0, bcount = 0; /* wins in a row */
        /* One pair at a time until one side wins min_gallop times in a row. */
        for (;;) {
            int k = lt(s, b, a);
            if (k < 0) {
                goto fail;
            }
            if (k) {
                *dest++ = *b++;
                bcount++;
                acount = 0;
                if (--nb == 0) {
                    goto succeed;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            } else {
                *dest++ = *a++;
                acount++;
                bcount = 0;
                if (--na == 1) {
                    goto copy_b;
                }
                if (acount >= min_gallop) {
                    break;
                }
            }
        }
        /* Gallop while it pays off. */
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            intptr_t k = gallop_right(s, b, a, na, 0, lt);
            if (k < 0) {
                goto fail;
            }
            acount = k;
            if (k) {
                move_records(dest, a, k);
                dest += k;
                a += k;
                na -= k;
                if (na == 1) {
                    goto copy_b;
                }
                if (na == 0) { /* only with an inconsistent comparison */
                    goto succeed;
                }
            }
            *dest++ = *b++;
            if (--nb == 0) {
                goto succeed;
            }
            k = gallop_left(s, a, b, nb, 0, lt);
            if (k < 0) {
                goto fail;
            }
            bcount = k;
            if (k) {
                move_records(dest, b, k);
                dest += k;
                b += k;
                nb -= k;
                if (nb == 0) {
                    goto succeed;
                }
            }
            *dest++ = *a++;
            if (--na == 1) {
                goto copy_b;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++; /* leaving gallop mode costs */
        s->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na > 0) {
        move_records(dest, a, na);
    }
    return result;
copy_b:
    /* The last record of a belongs after everything left in b. */
    move_records(dest, b, nb);
    dest[nb] = *a;
    return 0;
}

/* The mirror image of merge_lo for na > nb: b goes to scratch space and the
 * output is written from the right. */
ENGINE int merge_hi(SortState *s, SortItem *a, intptr_t na, SortItem *b, intptr_t nb, ItemLess lt)
{
    if (ensure_tmp(s, nb) < 0) {
        return -1;
    }
    SortItem *dest = b + nb - 1;
    move_records(s->tmp, b, nb);
    SortItem *basea = a, *baseb = s->tmp;
    b = s->tmp + nb - 1;
    a += na - 1;
    int result = -1;
    intptr_t min_gallop = s->min_gallop;

    *dest-- = *a--;
    if (--na == 0) {
        goto succeed;
    }
    if (nb == 1) {
        goto copy_a;
    }
    for (;;) {
        intptr_t acount = 0, bcount = 0;
        for (;;) {
            int k = lt(s, b, a);
            if (k < 0) {
                goto fail;
            }
            if (k) {
                *dest-- = *a--;
                acount++;
                bcount = 0;
                if (--na == 0) {
                    goto succeed;
                }
                if (acount >= min_gallop) {
                    break;
                }
            } else {
                *dest-- = *b--;
                bcount++;
                acount = 0;
                if (--nb == 1) {
                    goto copy_a;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            s->min_gallop = min_gallop;
            intptr_t k = gallop_right(s, b, basea, na, na - 1, lt);
            if (k < 0) {
                goto fail;
            }
            k = na - k;
            acount = k;
            if (k) {
                dest -= k;
                a -= k;
                move_records(dest + 1, a + 1, k);
                na -= k;
                if (na == 0) {
                    goto succeed;
                }
            }
            *dest-- = *b--;
            if (--nb == 1) {
                goto copy_a;
            }
            k = gallop_left(s, a, baseb, nb, nb - 1, lt);
            if (k < 0) {
                goto fail;
            }
            k = nb - k;
            bcount = k;
            if (k) {
                dest -= k;
                b -= k;
                move_records(dest + 1, b + 1, k);
                nb -= k;
                if (nb == 1) {
                    goto copy_a;
                }
                if (nb == 0) { /* only with an inconsistent comparison */
                    goto succeed;
                }
            }
            *dest-- = *a--;
            if (--na == 0) {
                goto succeed;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++;
        s->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb > 0) {
        move_records(dest - (nb - 1), baseb, nb);
    }
    return result;
copy_a:
    /* The first record of b belongs before everything left in a. */
    dest -= na;
    a -= na;
    move_records(dest + 1, a + 1, na);
    *dest = *b;
    return 0;
}

/* Merge pending runs i and i+1 (i is the second or third from the top). */
ENGINE int merge_at(SortState *s, int i, ItemLess lt)
{
    Run *p = s->pending;
    SortItem *a = p[i].base, *b = p[i + 1].base;
    intptr_t na = p[i].len, nb = p[i + 1].len;
    p[i].len = na + nb;
    if (i == s->n - 3) {
        p[i + 1] = p[i + 2];
    }
    s->n--;
    /* Records of a that are <= b[0] are already in place. */
    intptr_t k = gallop_right(s, b, a, na, 0, lt);
    if (k < 0) {
        return -1;
    }
    a += k;
    na -= k;
    if (na == 0) {
        return 0;
    }
    /* Records of b that are >= a[na-1] are already in place. */
    nb = gallop_left(s, &a[na - 1], b, nb, nb - 1, lt);
    if (nb <= 0) {
        return (int)nb;
    }
    return na <= nb ? merge_lo(s, a, na, b, nb, lt) : merge_hi(s, a, na, b, nb, lt);
}

/* Powersort's node power of the boundary between the run at s1 (n1 records)
 * and the next one (n2) in a list of n: the first bit where the binary
 * fractions of their midpoints (divided by n) differ. */
static int powerloop(intptr_t s1, intptr_t n1, intptr_t n2, intptr_t n)
{
    int result = 0;
    intptr_t a = 2 * s1 + n1; /* twice the midpoints, to stay in integers */
    intptr_t b = a + n1 + n2;
    for (;;) {
        result++;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A new run of n2 records follows the top pending one: merge the pending runs
 * whose power is greater than the new boundary's. */
ENGINE int found_new_run(SortState *s, intptr_t n2, ItemLess lt)
{
    if (s->n == 0) {
        return 0;
    }
    Run *p = s->pending;
    intptr_t s1 = p[s->n - 1].base - s->base;
    int power = powerloop(s1, p[s->n - 1].len, n2, s->listlen);
    while (s->n > 1 && p[s->n - 2].power > power) {
        if (merge_at(s, s->n - 2, lt) < 0) {
            return -1;
        }
    }
    p[s->n - 1].power = power;
    return 0;
}

ENGINE int merge_force_collapse(SortState *s, ItemLess lt)
{
    Run *p = s->pending;
    while (s->n > 1) {
        int i = s->n - 2;
        if (i > 0 && p[i - 1].len < p[i + 1].len) {
            i--;
        }
        if (merge_at(s, i, lt) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Runs shorter than this are extended by binary insertion: n itself below 64,
 * else a value in [32, 64] such that n / minrun is (close to) a power of two. */
static intptr_t compute_minrun(intptr_t n)
{
    intptr_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

ENGINE int timsort(SortState *s, SortItem *lo, intptr_t n, ItemLess lt)
{
    s->n = 0;
    s->min_gallop = MIN_GALLOP;
    s->base = lo;
    s->listlen = n;
    if (n < 2) {
        return 0;
    }
    intptr_t minrun = compute_minrun(n);
    intptr_t remaining = n;
    do {
        bool descending;
        intptr_t len = count_run(s, lo, remaining, &descending, lt);
        if (len < 0) {
            return -1;
        }
        if (descending) {
            reverse_records(lo, len);
        }
        if (len < minrun) {
            intptr_t force = remaining <= minrun ? remaining : minrun;
            if (binary_insertion(s, lo, force, len, lt) < 0) {
                return -1;
            }
            len = force;
        }
        if (found_new_run(s, len, lt) < 0) {
            return -1;
        }
        s->pending[s->n].base = lo;
        s->pending[s->n].len = len;
        s->n++;
        lo += len;
        remaining -= len;
    } while (remaining > 0);
    return merge_force_collapse(s, lt);
}

/* The three instantiations. */
static int timsort_generic(SortState *s, SortItem *lo, intptr_t n)
{
    return timsort(s, lo, n, item_lt_generic);
}

static int timsort_float(SortState *s, SortItem *lo, intptr_t n)
{
    return timsort(s, lo, n, item_lt_float);
}

static int timsort_int(SortState *s, SortItem *lo, intptr_t n)
{
    return timsort(s, lo, n, item_lt_int);
}

/* ---- list.sort ---------------------------------------------------------------------- */

int pyl_list_sort(PylThread *t, PylObject *list, PylObject *keyfunc, bool reverse)
{
    PylList *l = (PylList *)list;
    /* Take the items out: the list looks empty (cap -1) to user code meanwhile. */
    PylObject **items = l->items;
    intptr_t n = l->size, cap = l->cap;
    l->items = NULL;
    l->size = 0;
    l->cap = -1;

    SortState state;
    SortState *s = &state;
    SortItem *recs = NULL;
    int result = -1;
    intptr_t nkeys = 0;

    if (n > 0) {
        recs = pyl_mem_alloc(t, (size_t)n * sizeof(SortItem));
        if (recs == NULL) {
            goto restore;
        }
        if (keyfunc != NULL) {
            /* key(item) for every item, in order, before any comparison. */
            for (; nkeys < n; nkeys++) {
                PylObject *k = pyl_call1(t, keyfunc, items[nkeys]);
                if (k == NULL) {
                    goto drop_keys;
                }
                recs[nkeys].k.o = k;
                recs[nkeys].v = items[nkeys];
            }
        } else {
            for (intptr_t i = 0; i < n; i++) {
                recs[i].k.o = items[i];
                recs[i].v = items[i];
            }
        }
    }
    s->t = t;
    s->tmp = s->tmp_small;
    s->tmp_cap = SMALL_TMP;

    if (reverse && n > 1) {
        /* Reverse, sort stably, reverse back: equal items keep their order. */
        reverse_records(recs, n);
    }
    int kind = choose_compare(s, recs, n);
    if (kind == SORT_FLOAT) {
        /* The float objects stay alive in `items` (no key function) or are
         * released with the keys below; the records need only the values. */
        PylObject **keys = NULL;
        if (keyfunc != NULL) {
            keys = pyl_mem_alloc(t, (size_t)n * sizeof(PylObject *));
            if (keys == NULL) {
                goto drop_keys;
            }
            for (intptr_t i = 0; i < n; i++) {
                keys[i] = recs[i].k.o;
            }
        }
        for (intptr_t i = 0; i < n; i++) {
            recs[i].k.d = PYL_FLOAT_VALUE(keys ? keys[i] : recs[i].v);
        }
        result = timsort_float(s, recs, n);
        if (keys != NULL) {
            for (intptr_t i = 0; i < n; i++) {
                pyl_decref(t, keys[i]);
            }
            pyl_mem_free(t, keys);
            nkeys = 0; /* released */
        }
    } else if (kind == SORT_INT) {
        result = timsort_int(s, recs, n);
    } else {
        result = timsort_generic(s, recs, n);
    }
    if (reverse && n > 1) {
        reverse_records(recs, n);
    }
    for (intptr_t i = 0; i < n; i++) {
        items[i] = recs[i].v;
    }
    if (s->tmp != s->tmp_small) {
        pyl_mem_free(t, s->tmp);
    }
    if (l->cap != -1 && result == 0) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "list modified during sort");
        result = -1;
    }
drop_keys:
    /* Key objects from the key function (records still hold them). */
    for (intptr_t i = 0; i < nkeys; i++) {
        pyl_decref(t, recs[i].k.o);
    }
    pyl_mem_free(t, recs);
restore:;
    /* Put the items back, dropping whatever user code stored meanwhile. */
    PylObject **junk = l->items;
    intptr_t njunk = l->size;
    l->items = items;
    l->size = n;
    l->cap = cap;
    if (junk != NULL) {
        while (--njunk >= 0) {
            pyl_xdecref(t, junk[njunk]);
        }
        pyl_mem_free(t, junk);
    }
    return result;
}
