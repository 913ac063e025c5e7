/* attrcache.c — filling the inline caches of attribute access (see attrcache.h). */
#include "vm/attrcache.h"

/* Can accesses to o.name be cached? The type must use the generic protocol, have
 * a version, and name must be interned (the hits compare pointers). */
static bool cacheable(PylType *type, PylObject *name, bool store)
{
    if (store ? type->setattr != pyl_generic_setattr : type->getattr != pyl_generic_getattr) {
        return false;
    }
    return type->version != 0 && PYL_IS_STR_EXACT(name) && ((PylStr *)name)->interned;
}

static void set_descr(uint32_t *cache, PylObject *descr)
{
    cache[2] = (uint32_t)((uintptr_t)descr & 0xFFFFFFFFu);
    cache[3] = (uint32_t)((uintptr_t)descr >> 32);
}

static bool is_data_descriptor(PylThread *t, PylObject *descr)
{
    PylType *dt = PYL_TYPEOF(t, descr);
    return dt->descr_get != NULL && dt->descr_set != NULL;
}

void pyl_ac_fill_load(PylThread *t, PylObject *owner, PylObject *name, uint32_t *cache)
{
    if (!PYL_IS_PTR(owner)) {
        return;
    }
    PylType *type = owner->type;
    PylObject *descr = pyl_type_lookup(t, type, name);
    if (!cacheable(type, name, false)) {
        cache[0] = 0;
        return;
    }
    if (descr != NULL && is_data_descriptor(t, descr)) {
        cache[1] = (uint32_t)PYL_AC_DATA << 30;
        set_descr(cache, descr);
        cache[0] = type->version;
        return;
    }
    PylObject *d = pyl_ac_instance_dict(owner);
    intptr_t i = d != NULL ? pyl_dict_index_str(t, d, name) : -1;
    if (i >= 0 && i <= 0x3FFFFFFF) {
        cache[1] = (uint32_t)PYL_AC_DICT << 30 | (uint32_t)i;
        cache[0] = type->version;
    } else if (i < 0 && descr != NULL) {
        cache[1] = (uint32_t)PYL_AC_CLASS << 30;
        set_descr(cache, descr);
        cache[0] = type->version;
    } else {
        cache[0] = 0;
    }
}

void pyl_ac_fill_store(PylThread *t, PylObject *owner, PylObject *name, uint32_t *cache)
{
    if (!PYL_IS_PTR(owner)) {
        return;
    }
    PylType *type = owner->type;
    PylObject *descr = pyl_type_lookup(t, type, name);
    if (!cacheable(type, name, true)) {
        cache[0] = 0;
        return;
    }
    if (descr != NULL && PYL_TYPEOF(t, descr)->descr_set != NULL) {
        cache[1] = (uint32_t)PYL_AC_DATA << 30;
        set_descr(cache, descr);
        cache[0] = type->version;
        return;
    }
    PylObject *d = pyl_ac_instance_dict(owner);
    intptr_t i = d != NULL ? pyl_dict_index_str(t, d, name) : -1;
    if (i >= 0 && i <= 0x3FFFFFFF) {
        cache[1] = (uint32_t)PYL_AC_DICT << 30 | (uint32_t)i;
        cache[0] = type->version;
    } else {
        cache[0] = 0;
    }
}

void pyl_ac_fill_method(PylThread *t, PylObject *owner, PylObject *name, PylObject *meth,
                        uint32_t *cache)
{
    PylType *type = PYL_TYPEOF(t, owner);
    if (type->getattr != pyl_generic_getattr || type->version == 0 || !PYL_IS_STR_EXACT(name) ||
        !((PylStr *)name)->interned || pyl_type_lookup(t, type, name) != meth) {
        return;
    }
    cache[1] = type->dictoffset != 0;
    set_descr(cache, meth);
    cache[0] = type->version;
}
