/* dict.h — Python dict: compact, insertion-ordered hash table.
 *
 *     PylDict --> indices: [ 2^log2_size slots, each 1/2/4/8 bytes wide ]
 *                     slot = EMPTY (-1) | DUMMY (-2) | index into entries
 *                 entries: [ {hash, key, value} ... ] dense, in insertion order;
 *                     a deleted entry keeps its place with key == NULL
 *
 * Lookup probes the index table (perturbed open addressing), then compares the
 * entry: identical key pointer first (interned names hit here), then hash and
 * __eq__. The table grows when 2/3 full; deletions leave holes compacted at the
 * next resize.
 *
 * version identifies the set of keys and their positions: it is 0 ("none
 * assigned") after any insertion of a new key, deletion or resize, and
 * pyl_dict_version() assigns a fresh VM-unique number on demand. Replacing the
 * value of an existing key keeps it. Inline caches (LOAD_GLOBAL) store
 * (version, entry index) and read entries[index].value while the version holds.
 */
#ifndef PYL_DICT_H
#define PYL_DICT_H

#include "vm/object.h"

typedef struct PylDictEntry {
    PylHash hash;
    PylObject *key;
    PylObject *value;
} PylDictEntry;

typedef struct PylDict {
    PylObject ob;
    intptr_t used;     /* live entries */
    intptr_t nentries; /* entries[0..nentries) in use, including deleted ones */
    intptr_t usable;   /* capacity of entries */
    uint8_t log2_size; /* index table has 1 << log2_size slots */
    uint32_t version;
    void *indices;
    PylDictEntry *entries;
} PylDict;

#define PYL_DICT_LEN(o) (((PylDict *)(o))->used)

PYL_INTERNAL PylObject *pyl_dict_new(PylThread *t);
PYL_INTERNAL PylObject *pyl_dict_new_presized(PylThread *t, intptr_t n);
/* d[key], BORROWED; NULL if missing (no exception) or on error (exception set:
 * unhashable key or a failing __eq__). */
PYL_INTERNAL PylObject *pyl_dict_get(PylThread *t, PylObject *d, PylObject *key);
/* Fast path for a str key (any str; interned ones hit on the pointer compare).
 * BORROWED, NULL if missing; cannot fail. */
PYL_INTERNAL PylObject *pyl_dict_get_str(PylThread *t, PylObject *d, PylObject *key);
PYL_INTERNAL PylObject *pyl_dict_get_cstr(PylThread *t, PylObject *d, const char *key);
/* The same for a key given as UTF-8 bytes and their pyl_str_hash_bytes. */
PYL_INTERNAL PylObject *pyl_dict_get_str_bytes(PylObject *d, const char *s, intptr_t n,
                                               PylHash hash);
/* d[key] = value (the dict takes new references). */
PYL_INTERNAL int pyl_dict_set(PylThread *t, PylObject *d, PylObject *key, PylObject *value);
PYL_INTERNAL int pyl_dict_set_cstr(PylThread *t, PylObject *d, const char *key, PylObject *value);
/* del d[key]: -1 + KeyError(key) when missing. */
PYL_INTERNAL int pyl_dict_del(PylThread *t, PylObject *d, PylObject *key);
/* Remove and return (new ref) d[key], or NULL (no exception) when missing. */
PYL_INTERNAL PylObject *pyl_dict_pop(PylThread *t, PylObject *d, PylObject *key);
PYL_INTERNAL int pyl_dict_contains(PylThread *t, PylObject *d, PylObject *key);
/* Iterate: intptr_t pos = 0; while (pyl_dict_next(d, &pos, &k, &v)) ... (borrowed). */
PYL_INTERNAL bool pyl_dict_next(PylObject *d, intptr_t *pos, PylObject **key, PylObject **value);
/* d.update(other) for a dict or any mapping / iterable of pairs. */
PYL_INTERNAL int pyl_dict_update(PylThread *t, PylObject *d, PylObject *other);
/* dict(d) */
PYL_INTERNAL PylObject *pyl_dict_copy(PylThread *t, PylObject *d);
PYL_INTERNAL void pyl_dict_clear(PylThread *t, PylObject *d);
/* The dict's keys version, assigning a fresh one if it has none (0 if the VM ran
 * out of version numbers: then do not cache). */
PYL_INTERNAL uint32_t pyl_dict_version(PylThread *t, PylObject *d);
/* Index of key in entries, or -1 (str keys only, for inline caches). */
PYL_INTERNAL intptr_t pyl_dict_index_str(PylThread *t, PylObject *d, PylObject *key);
PYL_INTERNAL PylObject *pyl_dict_keys_list(PylThread *t, PylObject *d);
/* Raise KeyError(key) (key is the only argument, even when it is a tuple). */
PYL_INTERNAL void pyl_dict_key_error(PylThread *t, PylObject *key);
/* A view of d: kind is PYL_K_DICT_KEYS, PYL_K_DICT_VALUES or PYL_K_DICT_ITEMS. */
PYL_INTERNAL PylObject *pyl_dict_view_new(PylThread *t, PylObject *d, int kind);

#endif
