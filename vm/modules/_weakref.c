/* _weakref.c — the native half of the weakref module (lib/weakref.py): the
 * reference and proxy types of vm/weakref.c and the functions around them. */
#include <stdio.h>

#include "vm/core.h"
#include "vm/weakref.h"

static PylObject *w_getweakrefcount(PylThread *t, PylObject *self, PylObject *o)
{
    return pyl_int_from_ssize(t, pyl_weakref_count(t, o));
}

static PylObject *w_getweakrefs(PylThread *t, PylObject *self, PylObject *o)
{
    PylObject *list = pyl_list_new(t, 0);
    for (PylWeakref *wr = (PylWeakref *)pyl_weakref_first(t, o); list != NULL && wr != NULL;
         wr = wr->next) {
        if (pyl_list_append(t, list, &wr->ob) < 0) {
            PYL_CLEAR(t, list);
        }
    }
    return list;
}

/* proxy(object[, callback]) */
static PylObject *w_proxy(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "proxy", nargs, 1, 2) < 0) {
        return NULL;
    }
    return pyl_weakref_proxy_new(t, args[0], nargs > 1 ? args[1] : NULL);
}

/* _remove_dead_weakref(dict, key): del dict[key] if it is a dead weak reference. */
static PylObject *w_remove_dead_weakref(PylThread *t, PylObject *self, PylObject *const *args,
                                        intptr_t nargs)
{
    if (pyl_check_nargs(t, "_remove_dead_weakref", nargs, 2, 2) < 0) {
        return NULL;
    }
    if (!PYL_IS_DICT(args[0])) {
        return pyl_bad_argument(t, "_remove_dead_weakref", "1", "dict", args[0]);
    }
    PylObject *v = pyl_dict_get(t, args[0], args[1]);
    if (v == NULL) {
        return pyl_err_occurred(t) ? NULL : PYL_NONE;
    }
    if (PYL_IS_WEAKREF(v) && pyl_weakref_get(v) == NULL && pyl_dict_del(t, args[0], args[1]) < 0) {
        if (!pyl_err_matches(t, PYL_EXC(t, KeyError))) {
            return NULL;
        }
        pyl_err_clear(t);
    }
    return PYL_NONE;
}

static const PylMethodDef weakref_methods[] = {
    PYL_METHOD_O("getweakrefcount", w_getweakrefcount),
    PYL_METHOD_O("getweakrefs", w_getweakrefs),
    PYL_METHOD_FAST("proxy", w_proxy),
    PYL_METHOD_FAST("_remove_dead_weakref", w_remove_dead_weakref),
    PYL_METHOD_END,
};

static int weakref_init(PylThread *t, PylObject *m)
{
    if (pyl_module_add(t, m, "ref", pyl_incref((PylObject *)PYL_TYPE(t, WEAKREF))) < 0 ||
        pyl_module_add(t, m, "ReferenceType", pyl_incref((PylObject *)PYL_TYPE(t, WEAKREF))) < 0 ||
        pyl_module_add(t, m, "ProxyType", pyl_incref((PylObject *)PYL_TYPE(t, WEAKPROXY))) < 0 ||
        pyl_module_add(t, m, "CallableProxyType",
                       pyl_incref((PylObject *)PYL_TYPE(t, WEAKCALLABLEPROXY))) < 0) {
        return -1;
    }
    return 0;
}

const PylModuleDef pyl_module__weakref = {"_weakref", weakref_methods, weakref_init,
                                          "Weak-reference support module."};
