/* attrcache.h — the inline caches of attribute access (LOAD_ATTR, STORE_ATTR,
 * LOAD_METHOD) for objects whose type uses the generic attribute protocol.
 *
 * Each instruction is followed by four cache words:
 *
 *     [type version][kind << 30 | instance-dict entry index hint][descr lo][descr hi]
 *
 * A cache is valid while the owner's type has the version it was filled for: any
 * change to the type's dict or an ancestor's gives the type a new version, so
 * what was learnt about the type (which descriptor `name` finds on it, borrowed:
 * the type's dict keeps it alive) still holds. What lives in the instance dict
 * is checked on every hit: the entry-index hint is confirmed by comparing the
 * entry's key with the interned name.
 *
 * Kinds:
 *   DICT   the attribute is in the instance dict and no data descriptor on the
 *          type overrides it (descr unused)
 *   DATA   a data descriptor on the type (a slot, a property): call its __get__
 *          / __set__ without looking at the instance dict
 *   CLASS  a non-data descriptor or plain class attribute (a method, a class
 *          constant): used when the instance dict does not shadow it
 */
#ifndef PYL_ATTRCACHE_H
#define PYL_ATTRCACHE_H

#include "vm/core.h"

enum { PYL_AC_DICT = 0, PYL_AC_DATA = 1, PYL_AC_CLASS = 2 };

#define PYL_AC_KIND(c) ((c)[1] >> 30)
#define PYL_AC_HINT(c) ((c)[1] & 0x3FFFFFFFu)
#define PYL_AC_DESCR(c) ((PylObject *)((uintptr_t)(c)[2] | ((uintptr_t)(c)[3] << 32)))

/* The value at entry `hint` of dict d if that entry's key is `name`, else a
 * lookup that refreshes the hint; NULL when name is not in d (borrowed). */
static inline PylObject *pyl_ac_dict_value(PylThread *t, PylObject *d, PylObject *name,
                                           uint32_t *cache)
{
    PylDict *dict = (PylDict *)d;
    uint32_t hint = PYL_AC_HINT(cache);
    if (PYL_LIKELY(hint < (uint32_t)dict->nentries && dict->entries[hint].key == name)) {
        return dict->entries[hint].value;
    }
    intptr_t i = pyl_dict_index_str(t, d, name);
    if (i < 0 || i > 0x3FFFFFFF) {
        return NULL;
    }
    cache[1] = (cache[1] & 0xC0000000u) | (uint32_t)i;
    return dict->entries[i].value;
}

/* The instance dict of o, or NULL. */
static inline PylObject *pyl_ac_instance_dict(PylObject *o)
{
    PylObject **dictp = pyl_object_dict_ptr(o);
    return dictp != NULL ? *dictp : NULL;
}

/* owner.name through the cache: 1 = handled (*out is the new reference, or NULL
 * with an exception set), 0 = miss (take the slow path, then fill). */
static inline int pyl_ac_load(PylThread *t, PylObject *owner, PylObject *name, uint32_t *cache,
                              PylObject **out)
{
    if (!PYL_IS_PTR(owner) || cache[0] == 0 || cache[0] != owner->type->version) {
        return 0;
    }
    PylType *type = owner->type;
    PylObject *descr = PYL_AC_DESCR(cache);
    switch (PYL_AC_KIND(cache)) {
    case PYL_AC_DICT: {
        PylObject *d = pyl_ac_instance_dict(owner);
        PylObject *v = d != NULL ? pyl_ac_dict_value(t, d, name, cache) : NULL;
        if (v == NULL) {
            return 0;
        }
        *out = pyl_incref(v);
        return 1;
    }
    case PYL_AC_DATA:
        pyl_incref(descr); /* the getter may remove it from the class */
        *out = descr->type->descr_get(t, descr, owner, (PylObject *)type);
        pyl_decref(t, descr);
        return 1;
    default: {
        PylObject *d = pyl_ac_instance_dict(owner);
        if (d != NULL && pyl_dict_get_str(t, d, name) != NULL) {
            return 0;
        }
        PylDescrGetFn get = PYL_TYPEOF(t, descr)->descr_get;
        if (get == NULL) {
            *out = pyl_incref(descr);
            return 1;
        }
        pyl_incref(descr);
        *out = get(t, descr, owner, (PylObject *)type);
        pyl_decref(t, descr);
        return 1;
    }
    }
}

/* owner.name = value through the cache: 1 = handled (*status 0 or -1), 0 = miss. */
static inline int pyl_ac_store(PylThread *t, PylObject *owner, PylObject *name, PylObject *value,
                               uint32_t *cache, int *status)
{
    if (!PYL_IS_PTR(owner) || cache[0] == 0 || cache[0] != owner->type->version) {
        return 0;
    }
    if (PYL_AC_KIND(cache) == PYL_AC_DATA) {
        PylObject *descr = pyl_incref(PYL_AC_DESCR(cache));
        *status = descr->type->descr_set(t, descr, owner, value);
        pyl_decref(t, descr);
        return 1;
    }
    PylObject *d = pyl_ac_instance_dict(owner);
    if (d == NULL) {
        return 0;
    }
    PylDict *dict = (PylDict *)d;
    uint32_t hint = PYL_AC_HINT(cache);
    if (hint >= (uint32_t)dict->nentries || dict->entries[hint].key != name) {
        intptr_t i = pyl_dict_index_str(t, d, name);
        if (i < 0 || i > 0x3FFFFFFF) {
            return 0; /* a new attribute: the slow path inserts it */
        }
        hint = (uint32_t)i;
        cache[1] = hint;
    }
    PylObject *old = dict->entries[hint].value;
    dict->entries[hint].value = pyl_incref(value);
    pyl_decref(t, old);
    *status = 0;
    return 1;
}

/* obj.name as a method call: 1 = hit, *meth is the plain function found on the
 * type (a new reference) to be called with obj; 0 = miss. */
static inline int pyl_ac_method(PylThread *t, PylObject *owner, PylObject *name, uint32_t *cache,
                                PylObject **meth)
{
    PylType *type = PYL_TYPEOF(t, owner);
    if (cache[0] == 0 || cache[0] != type->version) {
        return 0;
    }
    if (cache[1] != 0) { /* instances have a dict that could shadow the method */
        PylObject *d = pyl_ac_instance_dict(owner);
        if (d != NULL && pyl_dict_get_str(t, d, name) != NULL) {
            return 0;
        }
    }
    *meth = pyl_incref(PYL_AC_DESCR(cache));
    return 1;
}

/* Fill the caches after a slow-path access succeeded (no-ops when the type's
 * protocol is not the generic one, or the name is not interned). */
PYL_INTERNAL void pyl_ac_fill_load(PylThread *t, PylObject *owner, PylObject *name,
                                   uint32_t *cache);
PYL_INTERNAL void pyl_ac_fill_store(PylThread *t, PylObject *owner, PylObject *name,
                                    uint32_t *cache);
/* After pyl_getmethod found `meth` unbound on owner's type. */
PYL_INTERNAL void pyl_ac_fill_method(PylThread *t, PylObject *owner, PylObject *name,
                                     PylObject *meth, uint32_t *cache);

#endif
