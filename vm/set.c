/* set.c — set and frozenset, and their iterator. Layout in set.h.
 *
 *     table: [ {key, hash} x (mask + 1) ]      (smalltable: the 8 built-in slots)
 *         key == NULL       empty (hash 0): ends every probe sequence
 *         key == DUMMY      deleted (hash -1): probes continue past it
 *         otherwise         an active key with its hash
 *
 * A key with hash h is looked for at slot i = h & mask and the LINEAR_PROBES
 * slots after it (when they do not wrap), then at i = (5*i + 1 + perturb) & mask
 * with perturb >>= 5 each round, as in CPython 3.11. Insertion of a new key
 * reuses the last dummy slot seen on its probe sequence; the table is resized
 * when fill*5 >= mask*3, to the smallest power of two above used*4 (used*2 past
 * 50000). Because these rules (and the int and tuple hashes) are CPython's,
 * iteration order matches CPython's.
 *
 * Invariants: used <= fill < mask + 1 (one empty slot always remains);
 * frozensets cache their hash (-1 = not computed); a set being compared may
 * change under us: every loop re-reads table and mask, and lookups restart if
 * a comparison changed the table.
 */
#include <stdio.h>

#include "vm/core.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY PYL_SET_DUMMY

#define SET(o) ((PylSet *)(o))

/* KeyError(key) with key as the only argument, even when it is a tuple. */
static void set_key_error(PylThread *t, PylObject *key)
{
    PylObject *args = pyl_tuple_pack(t, 1, key);
    if (args != NULL) {
        pyl_err_set(t, PYL_EXC(t, KeyError), args);
        pyl_decref(t, args);
    }
}

/* hash(key), with the common cases inline: a str's cached hash, and a small
 * int below the hash modulus 2**61 - 1, whose hash is itself (-1 -> -2). */
static inline PylHash hash_of(PylThread *t, PylObject *key)
{
    if (PYL_LIKELY(PYL_IS_STR_EXACT(key))) {
        PylHash h = ((PylStr *)key)->hash;
        return h != -1 ? h : pyl_str_hash(t, key);
    }
    if (PYL_IS_SMALLINT(key)) {
        intptr_t v = PYL_SMALLINT_VALUE(key);
        if (v > -((intptr_t)1 << 61) + 1 && v < ((intptr_t)1 << 61) - 1) {
            return v == -1 ? -2 : v;
        }
    }
    return pyl_hash(t, key);
}

static void set_init_empty(PylSet *s)
{
    memset(s->smalltable, 0, sizeof s->smalltable);
    s->table = s->smalltable;
    s->mask = MINSIZE - 1;
    s->fill = 0;
    s->used = 0;
    s->hash = -1;
}

/* ---- the table ------------------------------------------------------------------- */

/* Find key: its slot, or the empty slot that ends its probe sequence (key NULL
 * there). -1 on error (a failing __eq__). */
static intptr_t lookkey(PylThread *t, PylSet *s, PylObject *key, PylHash hash)
{
restart:;
    PylSetEntry *table = s->table;
    size_t mask = (size_t)s->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        size_t j = i;
        do {
            PylSetEntry *e = &table[j];
            if (e->key == NULL) {
                return (intptr_t)j;
            }
            if (e->hash == hash) {
                PylObject *start = e->key;
                if (start == key) {
                    return (intptr_t)j;
                }
                if (PYL_IS_STR_EXACT(start) && PYL_IS_STR_EXACT(key)) {
                    if (pyl_str_equal(start, key)) {
                        return (intptr_t)j;
                    }
                } else {
                    pyl_incref(start);
                    int c = pyl_richcompare_bool(t, start, key, PYL_EQ);
                    pyl_decref(t, start);
                    if (c < 0) {
                        return -1;
                    }
                    if (table != s->table || e->key != start) {
                        goto restart; /* __eq__ changed the set */
                    }
                    if (c > 0) {
                        return (intptr_t)j;
                    }
                    mask = (size_t)s->mask;
                }
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Put a key known to be absent into a table with no dummies. */
static void insert_clean(PylSetEntry *table, size_t mask, PylObject *key, PylHash hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    PylSetEntry *e;
    for (;;) {
        e = &table[i];
        if (e->key == NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    e->key = key;
    e->hash = hash;
}

/* Rebuild the table with room for more than minused keys, dropping dummies. */
static int table_resize(PylThread *t, PylSet *s, intptr_t minused)
{
    size_t newsize = MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    PylSetEntry *oldtable = s->table;
    size_t oldmask = (size_t)s->mask;
    bool old_malloced = oldtable != s->smalltable;
    PylSetEntry small_copy[MINSIZE];
    PylSetEntry *newtable;
    if (newsize == MINSIZE) {
        newtable = s->smalltable;
        if (newtable == oldtable) {
            if (s->fill == s->used) {
                return 0; /* no dummies to purge */
            }
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)INTPTR_MAX / sizeof(PylSetEntry)) {
            pyl_err_nomemory(t);
            return -1;
        }
        newtable = pyl_mem_alloc(t, newsize * sizeof(PylSetEntry));
        if (newtable == NULL) {
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(PylSetEntry));
    s->mask = (intptr_t)newsize - 1;
    s->table = newtable;
    s->fill = s->used;
    for (size_t i = 0; i <= oldmask; i++) {
        PylSetEntry *e = &oldtable[i];
        if (e->key != NULL && e->key != DUMMY) {
            insert_clean(newtable, newsize - 1, e->key, e->hash);
        }
    }
    if (old_malloced) {
        pyl_mem_free(t, oldtable);
    }
    return 0;
}

/* Add key (the set takes a new reference). 0 or -1. */
static int add_entry(PylThread *t, PylSet *s, PylObject *key, PylHash hash)
{
    pyl_incref(key); /* a comparison must not free it under us */
restart:;
    PylSetEntry *table = s->table;
    size_t mask = (size_t)s->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    PylSetEntry *freeslot = NULL;
    PylSetEntry *e;
    for (;;) {
        e = &table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == NULL) {
                goto found_unused;
            }
            if (e->hash == hash) {
                PylObject *start = e->key;
                if (start == key) {
                    goto found_active;
                }
                if (PYL_IS_STR_EXACT(start) && PYL_IS_STR_EXACT(key)) {
                    if (pyl_str_equal(start, key)) {
                        goto found_active;
                    }
                } else {
                    pyl_incref(start);
                    int c = pyl_richcompare_bool(t, start, key, PYL_EQ);
                    pyl_decref(t, start);
                    if (c < 0) {
                        pyl_decref(t, key);
                        return -1;
                    }
                    if (table != s->table || e->key != start) {
                        goto restart;
                    }
                    if (c > 0) {
                        goto found_active;
                    }
                    mask = (size_t)s->mask;
                }
            } else if (e->hash == -1) {
                freeslot = e; /* a dummy (no real hash is -1): the last one seen wins */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot != NULL) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    s->fill++;
    s->used++;
    e->key = key;
    e->hash = hash;
    if ((size_t)s->fill * 5 < mask * 3) {
        return 0;
    }
    return table_resize(t, s, s->used > 50000 ? s->used * 2 : s->used * 4);
found_active:
    pyl_decref(t, key);
    return 0;
}

static int add_key(PylThread *t, PylSet *s, PylObject *key)
{
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return -1;
    }
    return add_entry(t, s, key, h);
}

/* 1 found, 0 not, -1 error. */
static int contains_entry(PylThread *t, PylSet *s, PylObject *key, PylHash hash)
{
    intptr_t i = lookkey(t, s, key, hash);
    if (i < 0) {
        return -1;
    }
    return s->table[i].key != NULL;
}

static int contains_key(PylThread *t, PylSet *s, PylObject *key)
{
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return -1;
    }
    return contains_entry(t, s, key, h);
}

/* Remove key: 1 removed, 0 absent, -1 error. */
static int discard_entry(PylThread *t, PylSet *s, PylObject *key, PylHash hash)
{
    intptr_t i = lookkey(t, s, key, hash);
    if (i < 0) {
        return -1;
    }
    PylSetEntry *e = &s->table[i];
    if (e->key == NULL) {
        return 0;
    }
    PylObject *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    pyl_decref(t, old);
    return 1;
}

static int discard_key(PylThread *t, PylSet *s, PylObject *key)
{
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return -1;
    }
    return discard_entry(t, s, key, h);
}

/* Empty the set. Keys are released only after the set is consistent, since
 * their finalisers may use it. */
static void set_clear_internal(PylThread *t, PylSet *s)
{
    PylSetEntry *table = s->table;
    intptr_t used = s->used;
    bool malloced = table != s->smalltable;
    PylSetEntry small_copy[MINSIZE];
    if (!malloced) {
        if (s->fill == 0) {
            return;
        }
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    set_init_empty(s);
    for (PylSetEntry *e = table; used > 0; e++) {
        if (e->key != NULL && e->key != DUMMY) {
            used--;
            pyl_decref(t, e->key);
        }
    }
    if (malloced) {
        pyl_mem_free(t, table);
    }
}

/* The next active entry at or after *pos (borrowed), or NULL. */
static PylSetEntry *next_entry(PylSet *s, intptr_t *pos)
{
    intptr_t i = *pos, mask = s->mask;
    PylSetEntry *table = s->table;
    while (i <= mask && (table[i].key == NULL || table[i].key == DUMMY)) {
        i++;
    }
    *pos = i + 1;
    return i <= mask ? &table[i] : NULL;
}

bool pyl_set_next(PylObject *set, intptr_t *pos, PylObject **key)
{
    PylSetEntry *e = next_entry(SET(set), pos);
    if (e == NULL) {
        return false;
    }
    *key = e->key;
    return true;
}

/* s |= other for a set or frozenset. */
static int set_merge(PylThread *t, PylSet *s, PylSet *other)
{
    if (other == s || other->used == 0) {
        return 0;
    }
    /* One big resize up front, expecting few keys in common. */
    if ((s->fill + other->used) * 5 >= s->mask * 3 &&
        table_resize(t, s, (s->used + other->used) * 2) < 0) {
        return -1;
    }
    if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
        /* Same size, no dummies: copy the layout as is. */
        for (intptr_t i = 0; i <= other->mask; i++) {
            PylSetEntry *e = &other->table[i];
            if (e->key != NULL) {
                s->table[i].key = pyl_incref(e->key);
                s->table[i].hash = e->hash;
            }
        }
        s->fill = other->fill;
        s->used = other->used;
        return 0;
    }
    if (s->fill == 0) {
        s->fill = other->used;
        s->used = other->used;
        for (intptr_t i = 0; i <= other->mask; i++) {
            PylSetEntry *e = &other->table[i];
            if (e->key != NULL && e->key != DUMMY) {
                insert_clean(s->table, (size_t)s->mask, pyl_incref(e->key), e->hash);
            }
        }
        return 0;
    }
    intptr_t pos = 0;
    PylSetEntry *e;
    while ((e = next_entry(other, &pos)) != NULL) {
        if (add_entry(t, s, e->key, e->hash) < 0) {
            return -1;
        }
    }
    return 0;
}

static int set_update_internal(PylThread *t, PylSet *s, PylObject *other)
{
    if (PYL_IS_ANYSET(other)) {
        return set_merge(t, s, SET(other));
    }
    if (PYL_IS_DICT_EXACT(other)) {
        PylDict *d = (PylDict *)other;
        if ((s->fill + d->used) * 5 >= s->mask * 3 &&
            table_resize(t, s, (s->used + d->used) * 2) < 0) {
            return -1;
        }
        for (intptr_t i = 0; i < d->nentries; i++) {
            PylDictEntry *e = &d->entries[i];
            if (e->key != NULL && add_entry(t, s, e->key, e->hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    PylObject *it = pyl_iter(t, other);
    if (it == NULL) {
        return -1;
    }
    PylObject *key;
    while ((key = pyl_iter_next(t, it)) != NULL) {
        int r = add_key(t, s, key);
        pyl_decref(t, key);
        if (r < 0) {
            pyl_decref(t, it);
            return -1;
        }
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? -1 : 0;
}

/* ---- construction --------------------------------------------------------------- */

static PylObject *make_new_set(PylThread *t, PylType *type, PylObject *iterable)
{
    PylSet *s = (PylSet *)pyl_obj_alloc(t, type, type->basicsize);
    if (s == NULL) {
        return NULL;
    }
    set_init_empty(s);
    if (iterable != NULL && set_update_internal(t, s, iterable) < 0) {
        pyl_decref(t, (PylObject *)s);
        return NULL;
    }
    return (PylObject *)s;
}

/* A new set or frozenset, whichever builtin `type` derives from. */
static PylObject *make_new_set_basetype(PylThread *t, PylType *type, PylObject *iterable)
{
    PylType *st = PYL_TYPE(t, SET), *ft = PYL_TYPE(t, FROZENSET);
    if (type != st && type != ft) {
        type = pyl_type_is_subtype(type, st) ? st : ft;
    }
    return make_new_set(t, type, iterable);
}

PylObject *pyl_set_new(PylThread *t, PylObject *iterable)
{
    return make_new_set(t, PYL_TYPE(t, SET), iterable);
}

PylObject *pyl_frozenset_new(PylThread *t, PylObject *iterable)
{
    return make_new_set(t, PYL_TYPE(t, FROZENSET), iterable);
}

int pyl_set_add(PylThread *t, PylObject *set, PylObject *key)
{
    return add_key(t, SET(set), key);
}

int pyl_set_update(PylThread *t, PylObject *set, PylObject *iterable)
{
    return set_update_internal(t, SET(set), iterable);
}

/* Membership with CPython's convenience: a set key that is unhashable is looked
 * up as the equal frozenset. */
int pyl_set_contains(PylThread *t, PylObject *set, PylObject *key)
{
    int r = contains_key(t, SET(set), key);
    if (r < 0 && PYL_IS_SET(key) && pyl_err_matches(t, PYL_EXC(t, TypeError))) {
        pyl_err_clear(t);
        PylObject *tmp = pyl_frozenset_new(t, key);
        if (tmp == NULL) {
            return -1;
        }
        r = contains_key(t, SET(set), tmp);
        pyl_decref(t, tmp);
    }
    return r;
}

int pyl_set_discard(PylThread *t, PylObject *set, PylObject *key)
{
    int r = discard_key(t, SET(set), key);
    if (r < 0 && PYL_IS_SET(key) && pyl_err_matches(t, PYL_EXC(t, TypeError))) {
        pyl_err_clear(t);
        PylObject *tmp = pyl_frozenset_new(t, key);
        if (tmp == NULL) {
            return -1;
        }
        r = discard_key(t, SET(set), tmp);
        pyl_decref(t, tmp);
    }
    return r;
}

static PylObject *set_copy(PylThread *t, PylObject *self)
{
    return make_new_set_basetype(t, PYL_TYPEOF(t, self), self);
}

/* Exchange the contents of a and b (used by the _update methods that compute a
 * new set, then adopt it). */
static void swap_bodies(PylThread *t, PylSet *a, PylSet *b)
{
    intptr_t tmp;
    tmp = a->fill;
    a->fill = b->fill;
    b->fill = tmp;
    tmp = a->used;
    a->used = b->used;
    b->used = tmp;
    tmp = a->mask;
    a->mask = b->mask;
    b->mask = tmp;
    PylSetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        PylSetEntry small[MINSIZE];
        memcpy(small, a->smalltable, sizeof small);
        memcpy(a->smalltable, b->smalltable, sizeof small);
        memcpy(b->smalltable, small, sizeof small);
    }
    if (PYL_IS_FROZENSET((PylObject *)a) && PYL_IS_FROZENSET((PylObject *)b)) {
        PylHash h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

/* ---- the algebra ---------------------------------------------------------------- */

static PylObject *set_intersection(PylThread *t, PylSet *s, PylObject *other)
{
    if ((PylObject *)s == other) {
        return set_copy(t, other);
    }
    PylSet *result = (PylSet *)make_new_set_basetype(t, PYL_TYPEOF(t, (PylObject *)s), NULL);
    if (result == NULL) {
        return NULL;
    }
    if (PYL_IS_ANYSET(other)) {
        PylSet *o = SET(other);
        if (o->used > s->used) {
            PylSet *tmp = s;
            s = o;
            o = tmp;
        }
        intptr_t pos = 0;
        PylSetEntry *e;
        while ((e = next_entry(o, &pos)) != NULL) {
            PylObject *key = pyl_incref(e->key);
            PylHash hash = e->hash;
            int rv = contains_entry(t, s, key, hash);
            if (rv > 0) {
                rv = add_entry(t, result, key, hash);
            }
            pyl_decref(t, key);
            if (rv < 0) {
                pyl_decref(t, (PylObject *)result);
                return NULL;
            }
        }
        return (PylObject *)result;
    }
    PylObject *it = pyl_iter(t, other);
    if (it == NULL) {
        pyl_decref(t, (PylObject *)result);
        return NULL;
    }
    PylObject *key;
    while ((key = pyl_iter_next(t, it)) != NULL) {
        PylHash hash = hash_of(t, key);
        int rv = hash == -1 ? -1 : contains_entry(t, s, key, hash);
        if (rv > 0) {
            rv = add_entry(t, result, key, hash);
        }
        pyl_decref(t, key);
        if (rv < 0) {
            pyl_decref(t, it);
            pyl_decref(t, (PylObject *)result);
            return NULL;
        }
    }
    pyl_decref(t, it);
    if (pyl_err_occurred(t)) {
        pyl_decref(t, (PylObject *)result);
        return NULL;
    }
    return (PylObject *)result;
}

static PylObject *set_intersection_multi(PylThread *t, PylObject *self, PylObject *const *args,
                                         intptr_t nargs)
{
    if (nargs == 0) {
        return set_copy(t, self);
    }
    PylObject *result = pyl_incref(self);
    for (intptr_t i = 0; i < nargs; i++) {
        PylObject *r = set_intersection(t, SET(result), args[i]);
        pyl_decref(t, result);
        if (r == NULL) {
            return NULL;
        }
        result = r;
    }
    return result;
}

static int set_difference_update_internal(PylThread *t, PylSet *s, PylObject *other)
{
    if ((PylObject *)s == other) {
        set_clear_internal(t, s);
        return 0;
    }
    if (PYL_IS_ANYSET(other)) {
        PylSet *o = SET(other);
        intptr_t pos = 0;
        PylSetEntry *e;
        while ((e = next_entry(o, &pos)) != NULL) {
            PylObject *key = pyl_incref(e->key);
            int rv = discard_entry(t, s, key, e->hash);
            pyl_decref(t, key);
            if (rv < 0) {
                return -1;
            }
        }
    } else {
        PylObject *it = pyl_iter(t, other);
        if (it == NULL) {
            return -1;
        }
        PylObject *key;
        while ((key = pyl_iter_next(t, it)) != NULL) {
            int rv = discard_key(t, s, key);
            pyl_decref(t, key);
            if (rv < 0) {
                pyl_decref(t, it);
                return -1;
            }
        }
        pyl_decref(t, it);
        if (pyl_err_occurred(t)) {
            return -1;
        }
    }
    /* More than a quarter dummies: rebuild. */
    if ((size_t)(s->fill - s->used) <= (size_t)s->mask / 4) {
        return 0;
    }
    return table_resize(t, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static PylObject *set_copy_and_difference(PylThread *t, PylSet *s, PylObject *other)
{
    PylObject *result = set_copy(t, (PylObject *)s);
    if (result != NULL && set_difference_update_internal(t, SET(result), other) < 0) {
        pyl_decref(t, result);
        return NULL;
    }
    return result;
}

static PylObject *set_difference(PylThread *t, PylSet *s, PylObject *other)
{
    intptr_t other_size;
    if (PYL_IS_ANYSET(other)) {
        other_size = SET(other)->used;
    } else if (PYL_IS_DICT_EXACT(other)) {
        other_size = PYL_DICT_LEN(other);
    } else {
        return set_copy_and_difference(t, s, other);
    }
    /* Much bigger than other: copying and removing is cheaper. */
    if ((s->used >> 2) > other_size) {
        return set_copy_and_difference(t, s, other);
    }
    PylSet *result = (PylSet *)make_new_set_basetype(t, PYL_TYPEOF(t, (PylObject *)s), NULL);
    if (result == NULL) {
        return NULL;
    }
    intptr_t pos = 0;
    PylSetEntry *e;
    while ((e = next_entry(s, &pos)) != NULL) {
        PylObject *key = pyl_incref(e->key);
        PylHash hash = e->hash;
        int rv;
        if (PYL_IS_DICT_EXACT(other)) {
            rv = pyl_dict_contains(t, other, key);
        } else {
            rv = contains_entry(t, SET(other), key, hash);
        }
        if (rv == 0) {
            rv = add_entry(t, result, key, hash);
        } else if (rv > 0) {
            rv = 0;
        }
        pyl_decref(t, key);
        if (rv < 0) {
            pyl_decref(t, (PylObject *)result);
            return NULL;
        }
    }
    return (PylObject *)result;
}

static int set_symmetric_difference_update_internal(PylThread *t, PylSet *s, PylObject *other)
{
    if ((PylObject *)s == other) {
        set_clear_internal(t, s);
        return 0;
    }
    if (PYL_IS_DICT_EXACT(other)) {
        PylDict *d = (PylDict *)other;
        for (intptr_t i = 0; i < d->nentries; i++) {
            PylDictEntry *de = &d->entries[i];
            if (de->key == NULL) {
                continue;
            }
            PylObject *key = pyl_incref(de->key);
            PylHash hash = de->hash;
            int rv = discard_entry(t, s, key, hash);
            if (rv == 0) {
                rv = add_entry(t, s, key, hash);
            }
            pyl_decref(t, key);
            if (rv < 0) {
                return -1;
            }
        }
        return 0;
    }
    PylObject *otherset;
    if (PYL_IS_ANYSET(other)) {
        otherset = pyl_incref(other);
    } else {
        otherset = make_new_set_basetype(t, PYL_TYPEOF(t, (PylObject *)s), other);
        if (otherset == NULL) {
            return -1;
        }
    }
    intptr_t pos = 0;
    PylSetEntry *e;
    while ((e = next_entry(SET(otherset), &pos)) != NULL) {
        PylObject *key = pyl_incref(e->key);
        PylHash hash = e->hash;
        int rv = discard_entry(t, s, key, hash);
        if (rv == 0) {
            rv = add_entry(t, s, key, hash);
        }
        pyl_decref(t, key);
        if (rv < 0) {
            pyl_decref(t, otherset);
            return -1;
        }
    }
    pyl_decref(t, otherset);
    return 0;
}

static PylObject *set_symmetric_difference(PylThread *t, PylSet *s, PylObject *other)
{
    PylObject *result = make_new_set_basetype(t, PYL_TYPEOF(t, (PylObject *)s), other);
    if (result == NULL) {
        return NULL;
    }
    if (set_symmetric_difference_update_internal(t, SET(result), (PylObject *)s) < 0) {
        pyl_decref(t, result);
        return NULL;
    }
    return result;
}

/* 1 if every key of s is in other, 0 if not, -1 on error. */
static int set_issubset_internal(PylThread *t, PylSet *s, PylObject *other)
{
    if (!PYL_IS_ANYSET(other)) {
        PylObject *tmp = pyl_set_new(t, other);
        if (tmp == NULL) {
            return -1;
        }
        int r = set_issubset_internal(t, s, tmp);
        pyl_decref(t, tmp);
        return r;
    }
    if (s->used > SET(other)->used) {
        return 0;
    }
    intptr_t pos = 0;
    PylSetEntry *e;
    while ((e = next_entry(s, &pos)) != NULL) {
        PylObject *key = pyl_incref(e->key);
        int rv = contains_entry(t, SET(other), key, e->hash);
        pyl_decref(t, key);
        if (rv <= 0) {
            return rv;
        }
    }
    return 1;
}

static int set_issuperset_internal(PylThread *t, PylSet *s, PylObject *other)
{
    if (PYL_IS_ANYSET(other)) {
        return set_issubset_internal(t, SET(other), (PylObject *)s);
    }
    PylObject *it = pyl_iter(t, other);
    if (it == NULL) {
        return -1;
    }
    PylObject *key;
    while ((key = pyl_iter_next(t, it)) != NULL) {
        int rv = contains_key(t, s, key);
        pyl_decref(t, key);
        if (rv <= 0) {
            pyl_decref(t, it);
            return rv;
        }
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? -1 : 1;
}

int pyl_set_difference_update(PylThread *t, PylObject *set, PylObject *other)
{
    return set_difference_update_internal(t, SET(set), other);
}

int pyl_set_symmetric_difference_update(PylThread *t, PylObject *set, PylObject *other)
{
    return set_symmetric_difference_update_internal(t, SET(set), other);
}

PylObject *pyl_set_intersection(PylThread *t, PylObject *set, PylObject *other)
{
    return set_intersection(t, SET(set), other);
}

/* ---- methods -------------------------------------------------------------------- */

static PylObject *bool_result(int r)
{
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *set_add_meth(PylThread *t, PylObject *self, PylObject *key)
{
    return add_key(t, SET(self), key) < 0 ? NULL : PYL_NONE;
}

static PylObject *set_discard_meth(PylThread *t, PylObject *self, PylObject *key)
{
    return pyl_set_discard(t, self, key) < 0 ? NULL : PYL_NONE;
}

static PylObject *set_remove_meth(PylThread *t, PylObject *self, PylObject *key)
{
    int r = pyl_set_discard(t, self, key);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        set_key_error(t, key);
        return NULL;
    }
    return PYL_NONE;
}

static PylObject *set_pop(PylThread *t, PylObject *self)
{
    PylSet *s = SET(self);
    if (s->used == 0) {
        return pyl_err_format(t, PYL_EXC(t, KeyError), "pop from an empty set");
    }
    /* Resume the scan where the last pop left off, so that repeated pops do not
     * walk the same dummies again. */
    PylSetEntry *e = s->table + (s->finger & s->mask);
    PylSetEntry *limit = s->table + s->mask;
    while (e->key == NULL || e->key == DUMMY) {
        e++;
        if (e > limit) {
            e = s->table;
        }
    }
    PylObject *key = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    s->finger = e - s->table + 1;
    return key;
}

static PylObject *set_clear_meth(PylThread *t, PylObject *self)
{
    set_clear_internal(t, SET(self));
    return PYL_NONE;
}

static PylObject *set_copy_meth(PylThread *t, PylObject *self)
{
    return set_copy(t, self);
}

static PylObject *frozenset_copy_meth(PylThread *t, PylObject *self)
{
    if (PYL_IS_KIND(self, FROZENSET)) {
        return pyl_incref(self);
    }
    return set_copy(t, self);
}

static PylObject *set_update_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                  intptr_t nargs)
{
    for (intptr_t i = 0; i < nargs; i++) {
        if (set_update_internal(t, SET(self), args[i]) < 0) {
            return NULL;
        }
    }
    return PYL_NONE;
}

static PylObject *set_union_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs)
{
    PylObject *result = set_copy(t, self);
    if (result == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < nargs; i++) {
        if (args[i] == self) {
            continue;
        }
        if (set_update_internal(t, SET(result), args[i]) < 0) {
            pyl_decref(t, result);
            return NULL;
        }
    }
    return result;
}

static PylObject *set_intersection_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                        intptr_t nargs)
{
    return set_intersection_multi(t, self, args, nargs);
}

static PylObject *set_intersection_update_meth(PylThread *t, PylObject *self,
                                               PylObject *const *args, intptr_t nargs)
{
    PylObject *tmp = set_intersection_multi(t, self, args, nargs);
    if (tmp == NULL) {
        return NULL;
    }
    swap_bodies(t, SET(self), SET(tmp));
    pyl_decref(t, tmp);
    return PYL_NONE;
}

static PylObject *set_difference_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                      intptr_t nargs)
{
    if (nargs == 0) {
        return set_copy(t, self);
    }
    PylObject *result = set_difference(t, SET(self), args[0]);
    if (result == NULL) {
        return NULL;
    }
    for (intptr_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal(t, SET(result), args[i]) < 0) {
            pyl_decref(t, result);
            return NULL;
        }
    }
    return result;
}

static PylObject *set_difference_update_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                             intptr_t nargs)
{
    for (intptr_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal(t, SET(self), args[i]) < 0) {
            return NULL;
        }
    }
    return PYL_NONE;
}

static PylObject *set_symmetric_difference_meth(PylThread *t, PylObject *self, PylObject *other)
{
    return set_symmetric_difference(t, SET(self), other);
}

static PylObject *set_symmetric_difference_update_meth(PylThread *t, PylObject *self,
                                                       PylObject *other)
{
    if (set_symmetric_difference_update_internal(t, SET(self), other) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

static PylObject *set_issubset_meth(PylThread *t, PylObject *self, PylObject *other)
{
    return bool_result(set_issubset_internal(t, SET(self), other));
}

static PylObject *set_issuperset_meth(PylThread *t, PylObject *self, PylObject *other)
{
    return bool_result(set_issuperset_internal(t, SET(self), other));
}

static PylObject *set_isdisjoint_meth(PylThread *t, PylObject *self, PylObject *other)
{
    PylSet *s = SET(self);
    if (self == other) {
        return PYL_BOOL(s->used == 0);
    }
    if (PYL_IS_KIND(other, SET) || PYL_IS_KIND(other, FROZENSET)) {
        PylSet *o = SET(other);
        if (o->used > s->used) {
            PylSet *tmp = s;
            s = o;
            o = tmp;
        }
        intptr_t pos = 0;
        PylSetEntry *e;
        while ((e = next_entry(o, &pos)) != NULL) {
            PylObject *key = pyl_incref(e->key);
            int rv = contains_entry(t, s, key, e->hash);
            pyl_decref(t, key);
            if (rv != 0) {
                return rv < 0 ? NULL : PYL_FALSE;
            }
        }
        return PYL_TRUE;
    }
    PylObject *it = pyl_iter(t, other);
    if (it == NULL) {
        return NULL;
    }
    PylObject *key;
    while ((key = pyl_iter_next(t, it)) != NULL) {
        int rv = contains_key(t, s, key);
        pyl_decref(t, key);
        if (rv != 0) {
            pyl_decref(t, it);
            return rv < 0 ? NULL : PYL_FALSE;
        }
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? NULL : PYL_TRUE;
}

static PylObject *set_reduce(PylThread *t, PylObject *self)
{
    PylObject *keys = pyl_sequence_list(t, self);
    if (keys == NULL) {
        return NULL;
    }
    PylObject *args = pyl_tuple_pack(t, 1, keys);
    pyl_decref(t, keys);
    if (args == NULL) {
        return NULL;
    }
    PylType *type = PYL_TYPEOF(t, self);
    PylObject *state = PYL_NONE;
    if (type->dictoffset > 0) {
        PylObject *d = *(PylObject **)((char *)self + type->dictoffset);
        if (d != NULL && PYL_DICT_LEN(d) > 0) {
            state = d;
        }
    }
    PylObject *r = pyl_tuple_pack(t, 3, (PylObject *)type, args, state);
    pyl_decref(t, args);
    return r;
}

static PylObject *set_sizeof(PylThread *t, PylObject *self)
{
    PylSet *s = SET(self);
    intptr_t n = PYL_TYPEOF(t, self)->basicsize;
    if (s->table != s->smalltable) {
        n += (s->mask + 1) * (intptr_t)sizeof(PylSetEntry);
    }
    return pyl_int_from_ssize(t, n);
}

/* ---- slots ----------------------------------------------------------------------- */

static void set_dealloc(PylThread *t, PylObject *self)
{
    PylSet *s = SET(self);
    for (intptr_t i = 0, used = s->used; used > 0; i++) {
        PylObject *k = s->table[i].key;
        if (k != NULL && k != DUMMY) {
            used--;
            pyl_decref(t, k);
        }
    }
    if (s->table != s->smalltable) {
        pyl_mem_free(t, s->table);
    }
    pyl_obj_free(t, self);
}

static int set_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylSet *s = SET(self);
    for (intptr_t i = 0; i <= s->mask; i++) {
        PylObject *k = s->table[i].key;
        if (k != NULL && k != DUMMY && visit(k, arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *set_repr(PylThread *t, PylObject *self)
{
    bool exact = PYL_IS_KIND(self, SET);
    int rec = pyl_repr_enter(t, self);
    if (rec != 0) {
        return rec > 0 ? pyl_str_format_c(t, "%T(...)", self) : NULL;
    }
    PylObject *r = NULL;
    if (SET(self)->used == 0) {
        r = pyl_str_format_c(t, "%T()", self);
        goto done;
    }
    PylObject *keys = pyl_sequence_list(t, self);
    if (keys == NULL) {
        goto done;
    }
    PylObject *lr = pyl_repr(t, keys);
    pyl_decref(t, keys);
    if (lr == NULL) {
        goto done;
    }
    /* Reuse the list's repr, with braces instead of brackets. */
    PylBuf b;
    pyl_buf_init(&b);
    int rc = 0;
    if (!exact) {
        rc = pyl_buf_printf(t, &b, "%s(", pyl_type_name(t, self));
    }
    if (rc == 0) {
        rc = pyl_buf_putc(t, &b, '{');
    }
    if (rc == 0) {
        rc = pyl_buf_append(t, &b, PYL_STR_DATA(lr) + 1, PYL_STR_NBYTES(lr) - 2);
    }
    if (rc == 0) {
        rc = pyl_buf_puts(t, &b, exact ? "}" : "})");
    }
    pyl_decref(t, lr);
    if (rc < 0) {
        pyl_buf_free(t, &b);
        goto done;
    }
    r = pyl_buf_finish_str(t, &b);
done:
    pyl_repr_leave(t, self);
    return r;
}

static intptr_t set_len(PylThread *t, PylObject *self)
{
    return SET(self)->used;
}

static int set_contains_slot(PylThread *t, PylObject *self, PylObject *key)
{
    return pyl_set_contains(t, self, key);
}

static inline uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* CPython's frozenset hash: an order-independent mix of the key hashes. */
static PylHash frozenset_hash(PylThread *t, PylObject *self)
{
    PylSet *s = SET(self);
    if (s->hash != -1) {
        return s->hash;
    }
    uint64_t h = 0;
    for (intptr_t i = 0; i <= s->mask; i++) {
        PylSetEntry *e = &s->table[i];
        if (e->key != NULL && e->key != DUMMY) {
            h ^= shuffle_bits((uint64_t)e->hash);
        }
    }
    h ^= ((uint64_t)s->used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == UINT64_MAX) {
        h = 590923713ULL;
    }
    s->hash = (PylHash)h;
    return s->hash;
}

static PylObject *set_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_ANYSET(a) || !PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylSet *v = SET(a), *w = SET(b);
    switch (op) {
    case PYL_EQ:
    case PYL_NE: {
        int eq;
        if (v->used != w->used) {
            eq = 0;
        } else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) {
            eq = 0;
        } else {
            eq = set_issubset_internal(t, v, b);
            if (eq < 0) {
                return NULL;
            }
        }
        return PYL_BOOL(op == PYL_EQ ? eq : !eq);
    }
    case PYL_LE:
        return bool_result(set_issubset_internal(t, v, b));
    case PYL_GE:
        return bool_result(set_issuperset_internal(t, v, b));
    case PYL_LT:
        if (v->used >= w->used) {
            return PYL_FALSE;
        }
        return bool_result(set_issubset_internal(t, v, b));
    default:
        if (v->used <= w->used) {
            return PYL_FALSE;
        }
        return bool_result(set_issuperset_internal(t, v, b));
    }
}

static PylObject *set_or(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(a) || !PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylObject *result = set_copy(t, a);
    if (result == NULL || a == b) {
        return result;
    }
    if (set_update_internal(t, SET(result), b) < 0) {
        pyl_decref(t, result);
        return NULL;
    }
    return result;
}

static PylObject *set_and(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(a) || !PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    return set_intersection(t, SET(a), b);
}

static PylObject *set_sub(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(a) || !PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    return set_difference(t, SET(a), b);
}

static PylObject *set_xor(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(a) || !PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    return set_symmetric_difference(t, SET(a), b);
}

static PylObject *set_ior(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    if (set_update_internal(t, SET(a), b) < 0) {
        return NULL;
    }
    return pyl_incref(a);
}

static PylObject *set_iand(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylObject *tmp = set_intersection(t, SET(a), b);
    if (tmp == NULL) {
        return NULL;
    }
    swap_bodies(t, SET(a), SET(tmp));
    pyl_decref(t, tmp);
    return pyl_incref(a);
}

static PylObject *set_isub(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    if (set_difference_update_internal(t, SET(a), b) < 0) {
        return NULL;
    }
    return pyl_incref(a);
}

static PylObject *set_ixor(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_ANYSET(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    if (set_symmetric_difference_update_internal(t, SET(a), b) < 0) {
        return NULL;
    }
    return pyl_incref(a);
}

PYL_INTERNAL PylObject *pyl_set_iter(PylThread *t, PylObject *self);

static PylObject *set_new_(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    if (type == PYL_TYPE(t, SET) && pyl_no_kwargs(t, "set", kwnames) < 0) {
        return NULL;
    }
    return make_new_set(t, type, NULL);
}

static int set_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                    PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "set", kwnames) < 0 ||
        pyl_check_nargs(t, pyl_type_name(t, self), nargs, 0, 1) < 0) {
        return -1;
    }
    PylSet *s = SET(self);
    if (s->fill > 0) {
        set_clear_internal(t, s);
    }
    s->hash = -1;
    if (nargs == 0) {
        return 0;
    }
    return set_update_internal(t, s, args[0]);
}

static PylObject *frozenset_new_(PylThread *t, PylType *type, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    PylType *ft = PYL_TYPE(t, FROZENSET);
    if ((type == ft || type->init == ft->init) && pyl_no_kwargs(t, "frozenset", kwnames) < 0) {
        return NULL;
    }
    if (pyl_check_nargs(t, pyl_type_get_name(type), nargs, 0, 1) < 0) {
        return NULL;
    }
    PylObject *iterable = nargs > 0 ? args[0] : NULL;
    if (type == ft && iterable != NULL && PYL_IS_KIND(iterable, FROZENSET)) {
        return pyl_incref(iterable);
    }
    return make_new_set(t, type, iterable);
}

static const PylMethodDef set_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_O("add", set_add_meth),
    PYL_METHOD_NOARGS("clear", set_clear_meth),
    PYL_METHOD_NOARGS("copy", set_copy_meth),
    PYL_METHOD_O("discard", set_discard_meth),
    PYL_METHOD_FAST("difference", set_difference_meth),
    PYL_METHOD_FAST("difference_update", set_difference_update_meth),
    PYL_METHOD_FAST("intersection", set_intersection_meth),
    PYL_METHOD_FAST("intersection_update", set_intersection_update_meth),
    PYL_METHOD_O("isdisjoint", set_isdisjoint_meth),
    PYL_METHOD_O("issubset", set_issubset_meth),
    PYL_METHOD_O("issuperset", set_issuperset_meth),
    PYL_METHOD_NOARGS("pop", set_pop),
    PYL_METHOD_O("remove", set_remove_meth),
    PYL_METHOD_O("symmetric_difference", set_symmetric_difference_meth),
    PYL_METHOD_O("symmetric_difference_update", set_symmetric_difference_update_meth),
    PYL_METHOD_FAST("union", set_union_meth),
    PYL_METHOD_FAST("update", set_update_meth),
    PYL_METHOD_NOARGS("__reduce__", set_reduce),
    PYL_METHOD_NOARGS("__sizeof__", set_sizeof),
    PYL_METHOD_END,
};

static const PylMethodDef frozenset_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_NOARGS("copy", frozenset_copy_meth),
    PYL_METHOD_FAST("difference", set_difference_meth),
    PYL_METHOD_FAST("intersection", set_intersection_meth),
    PYL_METHOD_O("isdisjoint", set_isdisjoint_meth),
    PYL_METHOD_O("issubset", set_issubset_meth),
    PYL_METHOD_O("issuperset", set_issuperset_meth),
    PYL_METHOD_O("symmetric_difference", set_symmetric_difference_meth),
    PYL_METHOD_FAST("union", set_union_meth),
    PYL_METHOD_NOARGS("__reduce__", set_reduce),
    PYL_METHOD_NOARGS("__sizeof__", set_sizeof),
    PYL_METHOD_END,
};

/* The GC's clear slot: empty the set (breaks cycles through sets). */
static void set_gc_clear(PylThread *t, PylObject *self)
{
    set_clear_internal(t, (PylSet *)self);
}

const PylType pyl_set_type = {
    .name = "set",
    .kind = PYL_K_SET,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylSet),
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .repr = set_repr,
    .hash = pyl_hash_unhashable,
    .richcompare = set_richcompare,
    .iter = pyl_set_iter,
    .new_ = set_new_,
    .init = set_init,
    .len = set_len,
    .contains = set_contains_slot,
    .nb = {[PYL_NB_OR] = set_or,
           [PYL_NB_AND] = set_and,
           [PYL_NB_SUB] = set_sub,
           [PYL_NB_XOR] = set_xor},
    .inb = {[PYL_NB_OR] = set_ior,
            [PYL_NB_AND] = set_iand,
            [PYL_NB_SUB] = set_isub,
            [PYL_NB_XOR] = set_ixor},
    .methods = set_methods,
    .doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an "
           "unordered collection of unique elements.",
};

const PylType pyl_frozenset_type = {
    .name = "frozenset",
    .kind = PYL_K_FROZENSET,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylSet),
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = pyl_set_iter,
    .new_ = frozenset_new_,
    .len = set_len,
    .contains = set_contains_slot,
    .nb = {[PYL_NB_OR] = set_or,
           [PYL_NB_AND] = set_and,
           [PYL_NB_SUB] = set_sub,
           [PYL_NB_XOR] = set_xor},
    .methods = frozenset_methods,
    .doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.",
};

/* ---- set_iterator ----------------------------------------------------------------- */

typedef struct SetIter {
    PylObject ob;
    PylObject *set; /* NULL once exhausted */
    intptr_t used;  /* the set's size when iteration began (-1: broken) */
    intptr_t pos;
    intptr_t left;
} SetIter;

PylObject *pyl_set_iter(PylThread *t, PylObject *self)
{
    SetIter *it = (SetIter *)pyl_obj_alloc(t, PYL_TYPE(t, SET_ITER), sizeof(SetIter));
    if (it == NULL) {
        return NULL;
    }
    it->set = pyl_incref(self);
    it->used = SET(self)->used;
    it->left = it->used;
    return (PylObject *)it;
}

static void setiter_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((SetIter *)self)->set);
    pyl_obj_free(t, self);
}

static int setiter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    SetIter *it = (SetIter *)self;
    return it->set ? visit(it->set, arg) : 0;
}

static PylObject *setiter_next(PylThread *t, PylObject *self)
{
    SetIter *it = (SetIter *)self;
    PylObject *set = it->set;
    if (set == NULL) {
        return NULL;
    }
    if (it->used != SET(set)->used) {
        it->used = -1; /* keep failing */
        return pyl_err_format(t, PYL_EXC(t, RuntimeError), "Set changed size during iteration");
    }
    PylSetEntry *e = next_entry(SET(set), &it->pos);
    if (e == NULL) {
        it->set = NULL;
        pyl_decref(t, set);
        return NULL;
    }
    it->left--;
    return pyl_incref(e->key);
}

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static PylObject *setiter_length_hint(PylThread *t, PylObject *self)
{
    SetIter *it = (SetIter *)self;
    intptr_t n = 0;
    if (it->set != NULL && it->used == SET(it->set)->used) {
        n = it->left;
    }
    return pyl_int_from_ssize(t, n);
}

static const PylMethodDef setiter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", setiter_length_hint),
    PYL_METHOD_END,
};

const PylType pyl_set_iter_type = {
    .name = "set_iterator",
    .kind = PYL_K_SET_ITER,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(SetIter),
    .dealloc = setiter_dealloc,
    .traverse = setiter_traverse,
    .iter = iter_self,
    .iternext = setiter_next,
    .methods = setiter_methods,
};
