/* dict.c — the dict type. Layout and invariants are drawn in dict.h.
 *
 * One allocation holds both tables:
 *
 *     block: [ int32 indices[size] | PylDictEntry entries[usable] ]
 *
 * size is a power of two >= 8 and usable = size * 2 / 3, so a probe sequence
 * always meets an EMPTY slot. An empty dict has no block at all (size 0).
 */
#include <stdio.h>

#include "vm/core.h"

#define EMPTY (-1)
#define DUMMY (-2)
#define MIN_SIZE 8
#define PERTURB_SHIFT 5

static inline int32_t *dict_indices(PylDict *d)
{
    return (int32_t *)d->indices;
}

static inline intptr_t dict_size(PylDict *d)
{
    return d->indices ? (intptr_t)1 << d->log2_size : 0;
}

static inline intptr_t usable_for(intptr_t size)
{
    return size * 2 / 3;
}

/* Allocate tables of `size` slots (a power of two), all EMPTY. */
static int alloc_tables(PylThread *t, PylDict *d, uint8_t log2)
{
    intptr_t size = (intptr_t)1 << log2;
    intptr_t usable = usable_for(size);
    char *block =
        pyl_mem_alloc(t, (size_t)size * sizeof(int32_t) + (size_t)usable * sizeof(PylDictEntry));
    if (block == NULL) {
        return -1;
    }
    memset(block, 0xFF, (size_t)size * sizeof(int32_t)); /* every slot EMPTY (-1) */
    d->indices = block;
    d->entries = (PylDictEntry *)(block + (size_t)size * sizeof(int32_t));
    d->log2_size = log2;
    d->usable = usable;
    d->nentries = 0;
    return 0;
}

/* CPython 3.11's table size for a resize that must hold `minsize` slots: the
 * bit length of ((minsize | 8) - 1) | 7. Growing to this for used*3 keeps the
 * resize points (and so the behaviour of code that mutates a dict while
 * iterating over it) the same as CPython's. */
static uint8_t log2_keysize(intptr_t minsize)
{
    uint64_t v = (uint64_t)((minsize | MIN_SIZE) - 1) | (MIN_SIZE - 1);
    return (uint8_t)(64 - __builtin_clzll(v));
}

/* The first EMPTY slot on hash's probe sequence. */
static intptr_t find_empty_slot(PylDict *d, PylHash hash)
{
    size_t mask = (size_t)dict_size(d) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    int32_t *ix = dict_indices(d);
    while (ix[i] != EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (intptr_t)i;
}

/* Rebuild the tables with room for at least `minused` entries, compacting out
 * deleted entries. Keeps insertion order. */
static int resize_log2(PylThread *t, PylDict *d, uint8_t log2)
{
    PylDictEntry *old_entries = d->entries;
    void *old_block = d->indices;
    intptr_t old_n = d->nentries;
    if (alloc_tables(t, d, log2) < 0) {
        return -1;
    }
    int32_t *ix = dict_indices(d);
    size_t mask = ((size_t)1 << d->log2_size) - 1;
    intptr_t n = 0;
    for (intptr_t k = 0; k < old_n; k++) {
        PylDictEntry *e = &old_entries[k];
        if (e->key == NULL) {
            continue;
        }
        d->entries[n] = *e;
        size_t i = (size_t)e->hash & mask, perturb = (size_t)e->hash;
        while (ix[i] != EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        ix[i] = (int32_t)n;
        n++;
    }
    d->nentries = n;
    d->version = 0;
    pyl_mem_free(t, old_block);
    return 0;
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

/* Find key. Returns its entry index and sets *slot to the index-table slot
 * holding it, or returns -1 (absent) or -2 (error: __eq__ raised). */
static intptr_t lookup(PylThread *t, PylDict *d, PylObject *key, PylHash hash, intptr_t *slot)
{
restart:
    if (d->indices == NULL) {
        return -1;
    }
    {
        size_t mask = ((size_t)1 << d->log2_size) - 1;
        size_t i = (size_t)hash & mask;
        size_t perturb = (size_t)hash;
        for (;;) {
            int32_t ix = dict_indices(d)[i];
            if (ix == EMPTY) {
                return -1;
            }
            if (ix >= 0) {
                PylDictEntry *e = &d->entries[ix];
                if (e->key == key) {
                    *slot = (intptr_t)i;
                    return ix;
                }
                if (e->hash == hash) {
                    PylObject *ek = e->key;
                    if (PYL_IS_STR_EXACT(ek) && PYL_IS_STR_EXACT(key)) {
                        if (pyl_str_equal(ek, key)) {
                            *slot = (intptr_t)i;
                            return ix;
                        }
                    } else {
                        PylDictEntry *entries = d->entries;
                        pyl_incref(ek);
                        int c = pyl_richcompare_bool(t, ek, key, PYL_EQ);
                        pyl_decref(t, ek);
                        if (c < 0) {
                            return -2;
                        }
                        if (entries != d->entries || d->indices == NULL ||
                            dict_indices(d)[i] != ix || e->key != ek) {
                            goto restart; /* __eq__ changed the dict */
                        }
                        if (c > 0) {
                            *slot = (intptr_t)i;
                            return ix;
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
}

/* Lookup of a str key that cannot fail: only str keys can match. */
static intptr_t lookup_str(PylDict *d, PylObject *key, PylHash hash)
{
    if (d->indices == NULL) {
        return -1;
    }
    size_t mask = ((size_t)1 << d->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        int32_t ix = dict_indices(d)[i];
        if (ix == EMPTY) {
            return -1;
        }
        if (ix >= 0) {
            PylDictEntry *e = &d->entries[ix];
            if (e->key == key ||
                (e->hash == hash && PYL_IS_STR(e->key) && pyl_str_equal(e->key, key))) {
                return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

PylObject *pyl_dict_new_presized(PylThread *t, intptr_t n)
{
    PylDict *d = (PylDict *)pyl_obj_alloc(t, PYL_TYPE(t, DICT), sizeof(PylDict));
    if (d == NULL) {
        return NULL;
    }
    if (n > usable_for(MIN_SIZE) && alloc_tables(t, d, log2_keysize((n * 3 + 1) / 2)) < 0) {
        pyl_decref(t, (PylObject *)d);
        return NULL;
    }
    return (PylObject *)d;
}

PylObject *pyl_dict_new(PylThread *t)
{
    return pyl_dict_new_presized(t, 0);
}

PylObject *pyl_dict_get(PylThread *t, PylObject *o, PylObject *key)
{
    PylDict *d = (PylDict *)o;
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return NULL;
    }
    intptr_t slot;
    intptr_t ix = lookup(t, d, key, h, &slot);
    return ix >= 0 ? d->entries[ix].value : NULL;
}

PylObject *pyl_dict_get_str(PylThread *t, PylObject *o, PylObject *key)
{
    PylDict *d = (PylDict *)o;
    PylHash h = ((PylStr *)key)->hash;
    if (h == -1) {
        h = pyl_str_hash(t, key);
    }
    intptr_t ix = lookup_str(d, key, h);
    return ix >= 0 ? d->entries[ix].value : NULL;
}

/* lookup_str for a key given as UTF-8 bytes and their str hash: no str made. */
static intptr_t lookup_bytes(PylDict *d, const char *s, intptr_t n, PylHash hash)
{
    if (d->indices == NULL) {
        return -1;
    }
    size_t mask = ((size_t)1 << d->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        int32_t ix = dict_indices(d)[i];
        if (ix == EMPTY) {
            return -1;
        }
        if (ix >= 0) {
            PylDictEntry *e = &d->entries[ix];
            if (e->hash == hash && PYL_IS_STR(e->key) && PYL_STR_NBYTES(e->key) == n &&
                memcmp(PYL_STR_DATA(e->key), s, (size_t)n) == 0) {
                return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

PylObject *pyl_dict_get_str_bytes(PylObject *o, const char *s, intptr_t n, PylHash hash)
{
    PylDict *d = (PylDict *)o;
    intptr_t ix = lookup_bytes(d, s, n, hash);
    return ix >= 0 ? d->entries[ix].value : NULL;
}

PylObject *pyl_dict_get_cstr(PylThread *t, PylObject *d, const char *key)
{
    intptr_t n = (intptr_t)strlen(key);
    return pyl_dict_get_str_bytes(d, key, n, pyl_str_hash_bytes(t->vm, key, n));
}

intptr_t pyl_dict_index_str(PylThread *t, PylObject *o, PylObject *key)
{
    PylHash h = ((PylStr *)key)->hash;
    if (h == -1) {
        h = pyl_str_hash(t, key);
    }
    return lookup_str((PylDict *)o, key, h);
}

/* Insert a key known to be absent. Steals nothing; takes new references. */
static int insert_new(PylThread *t, PylDict *d, PylObject *key, PylHash hash, PylObject *value)
{
    if (d->indices == NULL || d->nentries >= d->usable) {
        if (resize_log2(t, d, log2_keysize(d->used * 3)) < 0) {
            return -1;
        }
    }
    intptr_t slot = find_empty_slot(d, hash);
    PylDictEntry *e = &d->entries[d->nentries];
    e->hash = hash;
    e->key = pyl_incref(key);
    e->value = pyl_incref(value);
    dict_indices(d)[slot] = (int32_t)d->nentries;
    d->nentries++;
    d->used++;
    d->version = 0;
    return 0;
}

static int dict_set_hashed(PylThread *t, PylDict *d, PylObject *key, PylHash hash, PylObject *value)
{
    intptr_t slot;
    intptr_t ix = lookup(t, d, key, hash, &slot);
    if (ix == -2) {
        return -1;
    }
    if (ix >= 0) {
        PylObject *old = d->entries[ix].value;
        d->entries[ix].value = pyl_incref(value);
        pyl_decref(t, old);
        return 0;
    }
    return insert_new(t, d, key, hash, value);
}

int pyl_dict_set(PylThread *t, PylObject *o, PylObject *key, PylObject *value)
{
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return -1;
    }
    return dict_set_hashed(t, (PylDict *)o, key, h, value);
}

int pyl_dict_set_cstr(PylThread *t, PylObject *d, const char *key, PylObject *value)
{
    PylObject *k = pyl_str_intern_cstr(t, key);
    if (k == NULL) {
        return -1;
    }
    int r = pyl_dict_set(t, d, k, value);
    pyl_decref(t, k);
    return r;
}

/* Remove the entry at ix found in index slot `slot`; returns the value (owned). */
static PylObject *remove_entry(PylThread *t, PylDict *d, intptr_t slot, intptr_t ix)
{
    PylDictEntry *e = &d->entries[ix];
    PylObject *key = e->key, *value = e->value;
    dict_indices(d)[slot] = DUMMY;
    e->key = NULL;
    e->value = NULL;
    d->used--;
    d->version = 0;
    pyl_decref(t, key);
    return value;
}

PylObject *pyl_dict_pop(PylThread *t, PylObject *o, PylObject *key)
{
    PylDict *d = (PylDict *)o;
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return NULL;
    }
    intptr_t slot;
    intptr_t ix = lookup(t, d, key, h, &slot);
    if (ix < 0) {
        return NULL;
    }
    return remove_entry(t, d, slot, ix);
}

/* KeyError(key) with key as its only argument, even when key is a tuple. */
void pyl_dict_key_error(PylThread *t, PylObject *key)
{
    PylObject *args = pyl_tuple_pack(t, 1, key);
    if (args != NULL) {
        pyl_err_set(t, PYL_EXC(t, KeyError), args);
        pyl_decref(t, args);
    }
}

int pyl_dict_del(PylThread *t, PylObject *o, PylObject *key)
{
    PylObject *v = pyl_dict_pop(t, o, key);
    if (v == NULL) {
        if (pyl_err_occurred(t) == NULL) {
            pyl_dict_key_error(t, key);
        }
        return -1;
    }
    pyl_decref(t, v);
    return 0;
}

int pyl_dict_contains(PylThread *t, PylObject *o, PylObject *key)
{
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return -1;
    }
    intptr_t slot;
    intptr_t ix = lookup(t, (PylDict *)o, key, h, &slot);
    return ix == -2 ? -1 : ix >= 0;
}

bool pyl_dict_next(PylObject *o, intptr_t *pos, PylObject **key, PylObject **value)
{
    PylDict *d = (PylDict *)o;
    intptr_t i = *pos;
    while (i < d->nentries && d->entries[i].key == NULL) {
        i++;
    }
    if (i >= d->nentries) {
        *pos = i;
        return false;
    }
    if (key) {
        *key = d->entries[i].key;
    }
    if (value) {
        *value = d->entries[i].value;
    }
    *pos = i + 1;
    return true;
}

void pyl_dict_clear(PylThread *t, PylObject *o)
{
    PylDict *d = (PylDict *)o;
    void *block = d->indices;
    PylDictEntry *entries = d->entries;
    intptr_t n = d->nentries;
    d->indices = NULL;
    d->entries = NULL;
    d->nentries = d->used = d->usable = 0;
    d->log2_size = 0;
    d->version = 0;
    for (intptr_t i = 0; i < n; i++) {
        if (entries[i].key != NULL) {
            pyl_decref(t, entries[i].key);
            pyl_decref(t, entries[i].value);
        }
    }
    pyl_mem_free(t, block);
}

uint32_t pyl_dict_version(PylThread *t, PylObject *o)
{
    PylDict *d = (PylDict *)o;
    if (d->version == 0 && t->vm->next_dict_version != UINT32_MAX) {
        d->version = ++t->vm->next_dict_version;
    }
    return d->version;
}

PylObject *pyl_dict_copy(PylThread *t, PylObject *o)
{
    PylDict *src = (PylDict *)o;
    PylObject *r = pyl_dict_new_presized(t, src->used);
    if (r == NULL) {
        return NULL;
    }
    PylDict *d = (PylDict *)r;
    for (intptr_t i = 0; i < src->nentries; i++) {
        PylDictEntry *e = &src->entries[i];
        if (e->key != NULL && insert_new(t, d, e->key, e->hash, e->value) < 0) {
            pyl_decref(t, r);
            return NULL;
        }
    }
    return r;
}

PYL_INTERNAL PylObject *pyl_dict_iter_keys(PylThread *t, PylObject *self);

int pyl_dict_update(PylThread *t, PylObject *o, PylObject *other)
{
    PylDict *d = (PylDict *)o;
    /* A dict (or a subclass that does not override __iter__) is read directly,
     * as CPython's dict_merge does. */
    if (PYL_IS_DICT(other) && PYL_TYPEOF(t, other)->iter == pyl_dict_iter_keys) {
        PylDict *s = (PylDict *)other;
        if (s == d || s->used == 0) {
            return 0;
        }
        if (d->used == 0 && d->indices == NULL &&
            alloc_tables(t, d, log2_keysize((s->used * 3 + 1) / 2)) < 0) {
            return -1;
        }
        intptr_t n = s->nentries;
        for (intptr_t i = 0; i < n; i++) {
            PylDictEntry *e = &s->entries[i];
            if (e->key == NULL) {
                continue;
            }
            PylObject *k = pyl_incref(e->key), *v = pyl_incref(e->value);
            int r = dict_set_hashed(t, d, k, e->hash, v);
            pyl_decref(t, k);
            pyl_decref(t, v);
            if (r < 0) {
                return -1;
            }
            if (s->nentries != n) {
                pyl_err_format(t, PYL_EXC(t, RuntimeError), "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    int has_keys = pyl_hasattr(t, other, PYL_NAME(t, keys));
    if (has_keys < 0) {
        return -1;
    }
    if (has_keys) {
        PylObject *keys = pyl_call_method(t, other, PYL_NAME(t, keys), NULL, 0);
        if (keys == NULL) {
            return -1;
        }
        PylObject *it = pyl_iter(t, keys);
        pyl_decref(t, keys);
        if (it == NULL) {
            return -1;
        }
        PylObject *k;
        while ((k = pyl_iter_next(t, it)) != NULL) {
            PylObject *v = pyl_getitem(t, other, k);
            int r = v ? pyl_dict_set(t, o, k, v) : -1;
            pyl_decref(t, k);
            pyl_xdecref(t, v);
            if (r < 0) {
                pyl_decref(t, it);
                return -1;
            }
        }
        pyl_decref(t, it);
        return pyl_err_occurred(t) ? -1 : 0;
    }
    PylObject *it = pyl_iter(t, other);
    if (it == NULL) {
        return -1;
    }
    PylObject *item;
    intptr_t n = 0;
    while ((item = pyl_iter_next(t, it)) != NULL) {
        PylObject *pair = pyl_sequence_tuple(t, item);
        if (pair == NULL) {
            if (pyl_err_matches(t, PYL_EXC(t, TypeError))) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "cannot convert dictionary update sequence element #%zd to a "
                               "sequence",
                               (ssize_t)n);
            }
            pyl_decref(t, item);
            pyl_decref(t, it);
            return -1;
        }
        pyl_decref(t, item);
        if (PYL_TUPLE_SIZE(pair) != 2) {
            pyl_err_format(t, PYL_EXC(t, ValueError),
                           "dictionary update sequence element #%zd has length %zd; 2 is required",
                           (ssize_t)n, (ssize_t)PYL_TUPLE_SIZE(pair));
            pyl_decref(t, pair);
            pyl_decref(t, it);
            return -1;
        }
        int r = pyl_dict_set(t, o, PYL_TUPLE_ITEM(pair, 0), PYL_TUPLE_ITEM(pair, 1));
        pyl_decref(t, pair);
        if (r < 0) {
            pyl_decref(t, it);
            return -1;
        }
        n++;
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? -1 : 0;
}

PylObject *pyl_dict_keys_list(PylThread *t, PylObject *o)
{
    PylDict *d = (PylDict *)o;
    PylObject *list = pyl_list_new(t, d->used);
    if (list == NULL) {
        return NULL;
    }
    intptr_t pos = 0, n = 0;
    PylObject *k;
    while (pyl_dict_next(o, &pos, &k, NULL)) {
        PYL_LIST_ITEMS(list)[n++] = pyl_incref(k);
    }
    return list;
}

/* ---- the type ------------------------------------------------------------------- */

static void dict_dealloc(PylThread *t, PylObject *self)
{
    pyl_dict_clear(t, self);
    pyl_obj_free(t, self);
}

static int dict_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylDict *d = (PylDict *)self;
    for (intptr_t i = 0; i < d->nentries; i++) {
        PylDictEntry *e = &d->entries[i];
        if (e->key != NULL && (visit(e->key, arg) != 0 || visit(e->value, arg) != 0)) {
            return -1;
        }
    }
    return 0;
}

static PylObject *dict_repr(PylThread *t, PylObject *self)
{
    PylDict *d = (PylDict *)self;
    if (d->used == 0) {
        return pyl_str_from_cstr(t, "{}");
    }
    int rec = pyl_repr_enter(t, self);
    if (rec != 0) {
        return rec > 0 ? pyl_str_from_cstr(t, "{...}") : NULL;
    }
    PylBuf b;
    pyl_buf_init(&b);
    int r = pyl_buf_putc(t, &b, '{');
    bool first = true;
    for (intptr_t i = 0; r == 0 && i < d->nentries; i++) {
        PylDictEntry *e = &d->entries[i];
        if (e->key == NULL) {
            continue;
        }
        PylObject *k = pyl_incref(e->key), *v = pyl_incref(e->value);
        PylObject *ks = pyl_repr(t, k);
        PylObject *vs = ks ? pyl_repr(t, v) : NULL;
        pyl_decref(t, k);
        pyl_decref(t, v);
        if (vs == NULL) {
            pyl_xdecref(t, ks);
            r = -1;
            break;
        }
        if (!first) {
            r = pyl_buf_append(t, &b, ", ", 2);
        }
        first = false;
        if (r == 0) {
            r = pyl_buf_put_str(t, &b, ks);
        }
        if (r == 0) {
            r = pyl_buf_append(t, &b, ": ", 2);
        }
        if (r == 0) {
            r = pyl_buf_put_str(t, &b, vs);
        }
        pyl_decref(t, ks);
        pyl_decref(t, vs);
    }
    pyl_repr_leave(t, self);
    if (r < 0 || pyl_buf_putc(t, &b, '}') < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

static intptr_t dict_len(PylThread *t, PylObject *self)
{
    return ((PylDict *)self)->used;
}

static PylObject *dict_subscript(PylThread *t, PylObject *self, PylObject *key)
{
    PylObject *v = pyl_dict_get(t, self, key);
    if (v != NULL) {
        return pyl_incref(v);
    }
    if (pyl_err_occurred(t)) {
        return NULL;
    }
    if (!PYL_IS_DICT_EXACT(self)) {
        PylObject *missing = pyl_type_lookup(t, PYL_TYPEOF(t, self), PYL_NAME(t, __missing__));
        if (missing != NULL) {
            PylObject *args[2] = {self, key};
            return pyl_call(t, missing, args, 2, NULL);
        }
    }
    pyl_dict_key_error(t, key);
    return NULL;
}

static int dict_ass_sub(PylThread *t, PylObject *self, PylObject *key, PylObject *value)
{
    if (value == NULL) {
        return pyl_dict_del(t, self, key);
    }
    return pyl_dict_set(t, self, key, value);
}

static int dict_contains_slot(PylThread *t, PylObject *self, PylObject *key)
{
    return pyl_dict_contains(t, self, key);
}

static PylObject *dict_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if ((op != PYL_EQ && op != PYL_NE) || !PYL_IS_DICT(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylDict *x = (PylDict *)a, *y = (PylDict *)b;
    int eq = 1;
    if (x->used != y->used) {
        eq = 0;
    } else {
        for (intptr_t i = 0; i < x->nentries && eq; i++) {
            PylDictEntry *e = &x->entries[i];
            if (e->key == NULL) {
                continue;
            }
            PylObject *k = pyl_incref(e->key), *v = pyl_incref(e->value);
            PylObject *w = pyl_dict_get(t, b, k);
            if (w == NULL) {
                eq = pyl_err_occurred(t) ? -1 : 0;
            } else {
                pyl_incref(w);
                eq = pyl_equal(t, v, w);
                pyl_decref(t, w);
            }
            pyl_decref(t, k);
            pyl_decref(t, v);
        }
    }
    if (eq < 0) {
        return NULL;
    }
    return PYL_BOOL(op == PYL_EQ ? eq : !eq);
}

static PylObject *dict_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    if (type == PYL_TYPE(t, DICT)) {
        return pyl_dict_new(t);
    }
    return pyl_obj_alloc(t, type, type->basicsize);
}

static int dict_update_common(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames, const char *fname);

static int dict_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                     PylObject *kwnames)
{
    return dict_update_common(t, self, args, nargs, kwnames, "dict");
}

/* ---- methods --------------------------------------------------------------------- */

static PylObject *dict_keys(PylThread *t, PylObject *self)
{
    return pyl_dict_view_new(t, self, PYL_K_DICT_KEYS);
}

static PylObject *dict_values(PylThread *t, PylObject *self)
{
    return pyl_dict_view_new(t, self, PYL_K_DICT_VALUES);
}

static PylObject *dict_items(PylThread *t, PylObject *self)
{
    return pyl_dict_view_new(t, self, PYL_K_DICT_ITEMS);
}

static PylObject *dict_get_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs)
{
    if (pyl_check_nargs(t, "get", nargs, 1, 2) < 0) {
        return NULL;
    }
    PylObject *v = pyl_dict_get(t, self, args[0]);
    if (v == NULL) {
        if (pyl_err_occurred(t)) {
            return NULL;
        }
        v = nargs > 1 ? args[1] : PYL_NONE;
    }
    return pyl_incref(v);
}

static PylObject *dict_setdefault(PylThread *t, PylObject *self, PylObject *const *args,
                                  intptr_t nargs)
{
    if (pyl_check_nargs(t, "setdefault", nargs, 1, 2) < 0) {
        return NULL;
    }
    PylDict *d = (PylDict *)self;
    PylObject *key = args[0], *dflt = nargs > 1 ? args[1] : PYL_NONE;
    PylHash h = hash_of(t, key);
    if (h == -1) {
        return NULL;
    }
    intptr_t slot;
    intptr_t ix = lookup(t, d, key, h, &slot);
    if (ix == -2) {
        return NULL;
    }
    if (ix >= 0) {
        return pyl_incref(d->entries[ix].value);
    }
    if (insert_new(t, d, key, h, dflt) < 0) {
        return NULL;
    }
    return pyl_incref(dflt);
}

static PylObject *dict_pop_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs)
{
    if (pyl_check_nargs(t, "pop", nargs, 1, 2) < 0) {
        return NULL;
    }
    PylObject *key = args[0];
    PylObject *v = NULL;
    /* An empty dict does not even hash the key (as CPython). */
    if (((PylDict *)self)->used > 0) {
        v = pyl_dict_pop(t, self, key);
        if (v == NULL && pyl_err_occurred(t)) {
            return NULL;
        }
    }
    if (v != NULL) {
        return v;
    }
    if (nargs > 1) {
        return pyl_incref(args[1]);
    }
    pyl_dict_key_error(t, key);
    return NULL;
}

/* The index-table slot that refers to entry ix (whose hash is known). */
static intptr_t slot_of_entry(PylDict *d, PylHash hash, intptr_t ix)
{
    size_t mask = ((size_t)1 << d->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (dict_indices(d)[i] != (int32_t)ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (intptr_t)i;
}

/* Remove and return the last (key, value) pair: LIFO order. */
static PylObject *dict_popitem(PylThread *t, PylObject *self)
{
    PylDict *d = (PylDict *)self;
    PylObject *res = pyl_tuple_new(t, 2);
    if (res == NULL) {
        return NULL;
    }
    if (d->used == 0) {
        pyl_decref(t, res);
        return pyl_err_format(t, PYL_EXC(t, KeyError), "popitem(): dictionary is empty");
    }
    intptr_t i = d->nentries - 1;
    while (i >= 0 && d->entries[i].key == NULL) {
        i--;
    }
    PylDictEntry *e = &d->entries[i];
    dict_indices(d)[slot_of_entry(d, e->hash, i)] = DUMMY;
    PYL_TUPLE_ITEMS(res)[0] = e->key;
    PYL_TUPLE_ITEMS(res)[1] = e->value;
    e->key = NULL;
    e->value = NULL;
    d->used--;
    d->version = 0;
    return res;
}

static PylObject *dict_clear_meth(PylThread *t, PylObject *self)
{
    pyl_dict_clear(t, self);
    return PYL_NONE;
}

static PylObject *dict_copy_meth(PylThread *t, PylObject *self)
{
    return pyl_dict_copy(t, self);
}

/* d.update([other, ]**kwargs); also dict.__init__'s body. */
static int dict_update_common(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames, const char *fname)
{
    if (pyl_check_nargs(t, fname, nargs, 0, 1) < 0) {
        return -1;
    }
    if (nargs == 1 && pyl_dict_update(t, self, args[0]) < 0) {
        return -1;
    }
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        if (pyl_dict_set(t, self, PYL_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *dict_update_meth(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs, PylObject *kwnames)
{
    if (dict_update_common(t, self, args, nargs, kwnames, "update") < 0) {
        return NULL;
    }
    return PYL_NONE;
}

/* dict.fromkeys(iterable, value=None): a classmethod (self is the class). */
static PylObject *dict_fromkeys(PylThread *t, PylObject *cls, PylObject *const *args,
                                intptr_t nargs)
{
    if (pyl_check_nargs(t, "fromkeys", nargs, 1, 2) < 0) {
        return NULL;
    }
    PylObject *iterable = args[0], *value = nargs > 1 ? args[1] : PYL_NONE;
    PylObject *d = pyl_call0(t, cls);
    if (d == NULL) {
        return NULL;
    }
    bool exact = PYL_IS_DICT_EXACT(d);
    if (exact && PYL_IS_DICT_EXACT(iterable)) {
        PylDict *src = (PylDict *)iterable;
        for (intptr_t i = 0; i < src->nentries; i++) {
            PylDictEntry *e = &src->entries[i];
            if (e->key != NULL && dict_set_hashed(t, (PylDict *)d, e->key, e->hash, value) < 0) {
                pyl_decref(t, d);
                return NULL;
            }
        }
        return d;
    }
    PylObject *it = pyl_iter(t, iterable);
    if (it == NULL) {
        pyl_decref(t, d);
        return NULL;
    }
    PylObject *key;
    while ((key = pyl_iter_next(t, it)) != NULL) {
        int r = exact ? pyl_dict_set(t, d, key, value) : pyl_setitem(t, d, key, value);
        pyl_decref(t, key);
        if (r < 0) {
            pyl_decref(t, it);
            pyl_decref(t, d);
            return NULL;
        }
    }
    pyl_decref(t, it);
    if (pyl_err_occurred(t)) {
        pyl_decref(t, d);
        return NULL;
    }
    return d;
}

PYL_INTERNAL PylObject *pyl_dict_iter_reversed(PylThread *t, PylObject *self);

static PylObject *dict_sizeof(PylThread *t, PylObject *self)
{
    PylDict *d = (PylDict *)self;
    intptr_t n = PYL_TYPEOF(t, self)->basicsize;
    if (d->indices != NULL) {
        n += ((intptr_t)1 << d->log2_size) * (intptr_t)sizeof(int32_t) +
             d->usable * (intptr_t)sizeof(PylDictEntry);
    }
    return pyl_int_from_ssize(t, n);
}

static PylObject *dict_or(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_DICT(a) || !PYL_IS_DICT(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylObject *r = pyl_dict_copy(t, a);
    if (r != NULL && pyl_dict_update(t, r, b) < 0) {
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

static PylObject *dict_ior(PylThread *t, PylObject *a, PylObject *b)
{
    if (pyl_dict_update(t, a, b) < 0) {
        return NULL;
    }
    return pyl_incref(a);
}

static const PylMethodDef dict_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_NOARGS("keys", dict_keys),
    PYL_METHOD_NOARGS("items", dict_items),
    PYL_METHOD_NOARGS("values", dict_values),
    PYL_METHOD_FAST("get", dict_get_meth),
    PYL_METHOD_FAST("setdefault", dict_setdefault),
    PYL_METHOD_FAST("pop", dict_pop_meth),
    PYL_METHOD_NOARGS("popitem", dict_popitem),
    PYL_METHOD_KW("update", dict_update_meth),
    {"fromkeys", {.fast = dict_fromkeys}, PYL_METH_FAST | PYL_METH_CLASS, NULL},
    PYL_METHOD_NOARGS("clear", dict_clear_meth),
    PYL_METHOD_NOARGS("copy", dict_copy_meth),
    PYL_METHOD_NOARGS("__reversed__", pyl_dict_iter_reversed),
    PYL_METHOD_NOARGS("__sizeof__", dict_sizeof),
    PYL_METHOD_END,
};

const PylType pyl_dict_type = {
    .name = "dict",
    .kind = PYL_K_DICT,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC | PYL_TF_MAPPING,
    .basicsize = sizeof(PylDict),
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .clear = pyl_dict_clear,
    .repr = dict_repr,
    .hash = pyl_hash_unhashable,
    .richcompare = dict_richcompare,
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_sub,
    .contains = dict_contains_slot,
    .iter = pyl_dict_iter_keys,
    .new_ = dict_new,
    .init = dict_init,
    .nb = {[PYL_NB_OR] = dict_or},
    .inb = {[PYL_NB_OR] = dict_ior},
    .methods = dict_methods,
    .doc = "dict() -> new empty dictionary\n"
           "dict(mapping) -> new dictionary initialized from a mapping object's\n"
           "    (key, value) pairs\n"
           "dict(iterable) -> new dictionary initialized as if via:\n"
           "    d = {}\n"
           "    for k, v in iterable:\n"
           "        d[k] = v\n"
           "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
           "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};
