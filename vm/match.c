/* match.c — the run-time half of match statements (PEP 634), as CPython 3.11's
 * ceval.c does it: which subjects sequence and mapping patterns accept, the key
 * lookup of mapping patterns and the attribute extraction of class patterns.
 */
#include "vm/match.h"

#include "vm/core.h"
#include "vm/set.h"
#include "vm/str.h"
#include "vm/tuple.h"

/* The first PYL_TF_SEQUENCE / PYL_TF_MAPPING flag found along o's MRO (CPython's
 * types inherit these flags from their base; pyl's classes do not copy them). */
static uint32_t collection_flags(PylThread *t, PylObject *o)
{
    const uint32_t both = PYL_TF_SEQUENCE | PYL_TF_MAPPING;
    PylType *type = PYL_TYPEOF(t, o);
    if (type->flags & both) {
        return type->flags & both;
    }
    PylObject *mro = type->mro;
    if (mro == NULL) {
        return 0;
    }
    for (intptr_t i = 1; i < PYL_TUPLE_SIZE(mro); i++) {
        uint32_t f = ((PylType *)PYL_TUPLE_ITEM(mro, i))->flags & both;
        if (f) {
            return f;
        }
    }
    return 0;
}

bool pyl_match_is_sequence(PylThread *t, PylObject *o)
{
    return (collection_flags(t, o) & PYL_TF_SEQUENCE) != 0;
}

bool pyl_match_is_mapping(PylThread *t, PylObject *o)
{
    return (collection_flags(t, o) & PYL_TF_MAPPING) != 0;
}

PylObject *pyl_match_keys(PylThread *t, PylObject *map, PylObject *keys)
{
    intptr_t n = PYL_TUPLE_SIZE(keys);
    if (n == 0) {
        return pyl_tuple_new(t, 0);
    }
    PylObject *get = NULL, *sentinel = NULL, *name = NULL;
    PylObject *seen = pyl_set_new(t, NULL); /* the keys so far, to reject duplicates */
    PylObject *values = seen ? pyl_tuple_new(t, n) : NULL;
    if (values == NULL) {
        pyl_xdecref(t, seen);
        return NULL;
    }
    int unbound = 0;
    bool exact = PYL_IS_DICT_EXACT(map); /* dict.get, without the call */
    if (!exact) {
        name = pyl_str_intern_cstr(t, "get");
        get = name ? pyl_getmethod(t, map, name, &unbound) : NULL;
        sentinel = get ? pyl_call0(t, (PylObject *)PYL_TYPE(t, OBJECT)) : NULL;
        if (sentinel == NULL) {
            goto error;
        }
    }
    for (intptr_t i = 0; i < n; i++) {
        PylObject *key = PYL_TUPLE_ITEM(keys, i);
        int dup = pyl_set_contains(t, seen, key);
        if (dup == 0) {
            dup = pyl_set_add(t, seen, key);
        } else if (dup > 0) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "mapping pattern checks duplicate key (%R)",
                           key);
        }
        if (dup != 0) {
            goto error;
        }
        PylObject *value;
        if (exact) {
            value = pyl_xincref(pyl_dict_get(t, map, key));
            if (value == NULL && pyl_err_occurred(t)) {
                goto error;
            }
        } else {
            PylObject *args[3] = {map, key, sentinel};
            value = pyl_call(t, get, unbound ? args : args + 1, unbound ? 3 : 2, NULL);
            if (value == NULL) {
                goto error;
            }
            if (value == sentinel) {
                pyl_decref(t, value);
                value = NULL;
            }
        }
        if (value == NULL) {
            PYL_CLEAR(t, values);
            values = PYL_NONE; /* a key is missing: no match */
            break;
        }
        PYL_TUPLE_ITEMS(values)[i] = value;
    }
    pyl_xdecref(t, get);
    pyl_xdecref(t, sentinel);
    pyl_xdecref(t, name);
    pyl_decref(t, seen);
    return values;
error:
    pyl_xdecref(t, get);
    pyl_xdecref(t, sentinel);
    pyl_xdecref(t, name);
    pyl_decref(t, seen);
    pyl_decref(t, values);
    return NULL;
}

/* Does cls (or its solid base) match itself with one positional sub-pattern
 * (`case int(x)` binds the subject)? */
static bool matches_self(PylType *cls)
{
    for (PylType *ty = cls; ty != NULL; ty = ty->base) {
        switch (ty->kind) {
        case PYL_K_BOOL:
        case PYL_K_BYTEARRAY:
        case PYL_K_BYTES:
        case PYL_K_DICT:
        case PYL_K_FLOAT:
        case PYL_K_FROZENSET:
        case PYL_K_INT:
        case PYL_K_LIST:
        case PYL_K_SET:
        case PYL_K_STR:
        case PYL_K_TUPLE:
            return true;
        default:
            break;
        }
    }
    return false;
}

/* subject.name for a class pattern, names[i] == name: a new reference; NULL with
 * no exception when the attribute is missing (no match); NULL + TypeError when
 * an earlier sub-pattern already took this name. */
static PylObject *class_attr(PylThread *t, PylObject *subject, PylType *cls, PylObject **names,
                             intptr_t i)
{
    PylObject *name = names[i];
    for (intptr_t j = 0; j < i; j++) {
        if (pyl_str_equal(names[j], name)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%N() got multiple sub-patterns for attribute %R", cls, name);
            return NULL;
        }
    }
    PylObject *attr = pyl_getattr(t, subject, name);
    if (attr == NULL && pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
        pyl_err_clear(t);
    }
    return attr;
}

PylObject *pyl_match_class(PylThread *t, PylObject *subject, PylObject *cls, intptr_t nargs,
                           PylObject *kwnames)
{
    if (!PYL_IS_TYPE(cls)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "called match pattern must be a type");
        return NULL;
    }
    PylType *type = (PylType *)cls;
    int r = pyl_isinstance(t, subject, cls);
    if (r <= 0) {
        return r < 0 ? NULL : PYL_NONE;
    }
    intptr_t nkw = PYL_TUPLE_SIZE(kwnames);
    PylObject *match_args = NULL;
    bool self = false;
    if (nargs > 0) {
        match_args = pyl_getattr(t, cls, PYL_NAME(t, __match_args__));
        if (match_args == NULL) {
            if (!pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
                return NULL;
            }
            /* no __match_args__: only the self-matching builtins take one */
            pyl_err_clear(t);
            self = matches_self(type);
        } else if (!PYL_IS_TUPLE_EXACT(match_args)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%N.__match_args__ must be a tuple (got %T)",
                           type, match_args);
            pyl_decref(t, match_args);
            return NULL;
        }
        intptr_t allowed = self ? 1 : match_args ? PYL_TUPLE_SIZE(match_args) : 0;
        if (allowed < nargs) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%N() accepts %zd positional sub-pattern%s (%zd given)", type, allowed,
                           allowed == 1 ? "" : "s", nargs);
            pyl_xdecref(t, match_args);
            return NULL;
        }
    }
    /* names[i]: the attribute for result item i (NULL for the subject itself) */
    intptr_t n = nargs + nkw;
    PylObject *attrs = pyl_tuple_new(t, n);
    PylObject **names = attrs ? pyl_mem_alloc(t, sizeof(PylObject *) * (size_t)(n + 1)) : NULL;
    if (names == NULL) {
        goto error;
    }
    for (intptr_t i = 0; i < n; i++) {
        PylObject *name = i < nargs ? (self ? NULL : PYL_TUPLE_ITEM(match_args, i))
                                    : PYL_TUPLE_ITEM(kwnames, i - nargs);
        if (name != NULL && !PYL_IS_STR_EXACT(name)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "__match_args__ elements must be strings (got %T)", name);
            goto error;
        }
        names[i] = name;
        PylObject *attr;
        if (name == NULL) {
            attr = pyl_incref(subject);
        } else {
            attr = class_attr(t, subject, type, names + (self ? nargs : 0), i - (self ? nargs : 0));
            if (attr == NULL) {
                if (pyl_err_occurred(t)) {
                    goto error;
                }
                pyl_mem_free(t, names);
                pyl_decref(t, attrs);
                pyl_xdecref(t, match_args);
                return PYL_NONE; /* missing attribute: no match */
            }
        }
        PYL_TUPLE_ITEMS(attrs)[i] = attr;
    }
    pyl_mem_free(t, names);
    pyl_xdecref(t, match_args);
    return attrs;
error:
    pyl_mem_free(t, names);
    pyl_xdecref(t, attrs);
    pyl_xdecref(t, match_args);
    return NULL;
}
