/* dictview.c — iterators over dicts (keys, values, items; forward and reversed)
 * and the view objects dict.keys() / values() / items() return. */
#include <stdio.h>

#include "vm/core.h"

typedef struct DictIter {
    PylObject ob;
    PylObject *dict; /* NULL once exhausted */
    intptr_t pos;    /* next entry index (reversed: one past it) */
    intptr_t used;   /* the dict's size when iteration began */
    intptr_t left;   /* items still to produce (for length_hint) */
} DictIter;

static PylObject *new_iter(PylThread *t, int kind, PylObject *dict, bool reversed)
{
    DictIter *it = (DictIter *)pyl_obj_alloc(t, t->vm->types[kind], sizeof(DictIter));
    if (it == NULL) {
        return NULL;
    }
    PylDict *d = (PylDict *)dict;
    it->dict = pyl_incref(dict);
    it->pos = reversed ? d->nentries : 0;
    it->used = d->used;
    it->left = d->used;
    return (PylObject *)it;
}

PylObject *pyl_dict_iter_keys(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_KEYITER, self, false);
}

PYL_INTERNAL PylObject *pyl_dict_iter_reversed(PylThread *t, PylObject *self);
PylObject *pyl_dict_iter_reversed(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_REVKEYITER, self, true);
}

static void iter_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((DictIter *)self)->dict);
    pyl_obj_free(t, self);
}

static int iter_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    DictIter *it = (DictIter *)self;
    return it->dict ? visit(it->dict, arg) : 0;
}

/* The next live entry, or NULL at the end or on error (exception set when the
 * dict changed size under the iterator). */
static PylDictEntry *iter_step(PylThread *t, DictIter *it, bool reversed)
{
    if (it->dict == NULL) {
        return NULL;
    }
    PylDict *d = (PylDict *)it->dict;
    if (d->used != it->used) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "dictionary changed size during iteration");
        it->used = -1; /* keep failing */
        return NULL;
    }
    if (reversed) {
        while (it->pos > 0) {
            PylDictEntry *e = &d->entries[--it->pos];
            if (e->key != NULL) {
                it->left--;
                return e;
            }
        }
    } else {
        while (it->pos < d->nentries) {
            PylDictEntry *e = &d->entries[it->pos++];
            if (e->key != NULL) {
                if (it->left == 0) {
                    /* Same size, but keys were deleted and others added. */
                    pyl_err_format(t, PYL_EXC(t, RuntimeError),
                                   "dictionary keys changed during iteration");
                    PYL_CLEAR(t, it->dict);
                    return NULL;
                }
                it->left--;
                return e;
            }
        }
    }
    PYL_CLEAR(t, it->dict);
    return NULL;
}

static PylObject *make_item(PylThread *t, PylDictEntry *e)
{
    return pyl_tuple_pack(t, 2, e->key, e->value);
}

#define ITER_NEXT(fname, reversed, expr)                                                           \
    static PylObject *fname(PylThread *t, PylObject *self)                                         \
    {                                                                                              \
        PylDictEntry *e = iter_step(t, (DictIter *)self, reversed);                                \
        return e ? (expr) : NULL;                                                                  \
    }
ITER_NEXT(keyiter_next, false, pyl_incref(e->key))
ITER_NEXT(valueiter_next, false, pyl_incref(e->value))
ITER_NEXT(itemiter_next, false, make_item(t, e))
ITER_NEXT(revkeyiter_next, true, pyl_incref(e->key))
ITER_NEXT(revvalueiter_next, true, pyl_incref(e->value))
ITER_NEXT(revitemiter_next, true, make_item(t, e))

static PylObject *iter_self(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static PylObject *iter_length_hint(PylThread *t, PylObject *self)
{
    DictIter *it = (DictIter *)self;
    return pyl_int_from_ssize(t, it->dict && it->left > 0 ? it->left : 0);
}

static const PylMethodDef iter_methods[] = {
    PYL_METHOD_NOARGS("__length_hint__", iter_length_hint),
    PYL_METHOD_END,
};

#define DICT_ITER_TYPE(tname, pyname, KIND, next)                                                  \
    const PylType tname = {                                                                        \
        .name = pyname,                                                                            \
        .kind = PYL_K_##KIND,                                                                      \
        .flags = PYL_TF_GC,                                                                        \
        .basicsize = sizeof(DictIter),                                                             \
        .dealloc = iter_dealloc,                                                                   \
        .traverse = iter_traverse,                                                                 \
        .iter = iter_self,                                                                         \
        .iternext = next,                                                                          \
        .methods = iter_methods,                                                                   \
    };
DICT_ITER_TYPE(pyl_dict_keyiter_type, "dict_keyiterator", DICT_KEYITER, keyiter_next)
DICT_ITER_TYPE(pyl_dict_valueiter_type, "dict_valueiterator", DICT_VALUEITER, valueiter_next)
DICT_ITER_TYPE(pyl_dict_itemiter_type, "dict_itemiterator", DICT_ITEMITER, itemiter_next)
DICT_ITER_TYPE(pyl_dict_revkeyiter_type, "dict_reversekeyiterator", DICT_REVKEYITER,
               revkeyiter_next)
DICT_ITER_TYPE(pyl_dict_revvalueiter_type, "dict_reversevalueiterator", DICT_REVVALUEITER,
               revvalueiter_next)
DICT_ITER_TYPE(pyl_dict_revitemiter_type, "dict_reverseitemiterator", DICT_REVITEMITER,
               revitemiter_next)

/* ---- views ------------------------------------------------------------------ */

typedef struct DictView {
    PylObject ob;
    PylObject *dict;
} DictView;

PylObject *pyl_dict_view_new(PylThread *t, PylObject *dict, int kind)
{
    DictView *v = (DictView *)pyl_obj_alloc(t, t->vm->types[kind], sizeof(DictView));
    if (v != NULL) {
        v->dict = pyl_incref(dict);
    }
    return (PylObject *)v;
}

static void view_dealloc(PylThread *t, PylObject *self)
{
    pyl_decref(t, ((DictView *)self)->dict);
    pyl_obj_free(t, self);
}

static int view_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    return visit(((DictView *)self)->dict, arg);
}

static intptr_t view_len(PylThread *t, PylObject *self)
{
    return PYL_DICT_LEN(((DictView *)self)->dict);
}

static PylObject *keys_iter(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_KEYITER, ((DictView *)self)->dict, false);
}

static PylObject *values_iter(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_VALUEITER, ((DictView *)self)->dict, false);
}

static PylObject *items_iter(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_ITEMITER, ((DictView *)self)->dict, false);
}

static PylObject *view_repr(PylThread *t, PylObject *self)
{
    int rec = pyl_repr_enter(t, self);
    if (rec != 0) {
        return rec > 0 ? pyl_str_from_cstr(t, "...") : NULL;
    }
    PylObject *list = pyl_sequence_list(t, self);
    PylObject *r = list ? pyl_str_format_c(t, "%T(%R)", self, list) : NULL;
    pyl_xdecref(t, list);
    pyl_repr_leave(t, self);
    return r;
}

static int keys_contains(PylThread *t, PylObject *self, PylObject *key)
{
    return pyl_dict_contains(t, ((DictView *)self)->dict, key);
}

static int items_contains(PylThread *t, PylObject *self, PylObject *item)
{
    if (!PYL_IS_TUPLE(item) || PYL_TUPLE_SIZE(item) != 2) {
        return 0;
    }
    PylObject *v = pyl_dict_get(t, ((DictView *)self)->dict, PYL_TUPLE_ITEM(item, 0));
    if (v == NULL) {
        return pyl_err_occurred(t) ? -1 : 0;
    }
    pyl_incref(v);
    int r = pyl_equal(t, v, PYL_TUPLE_ITEM(item, 1));
    pyl_decref(t, v);
    return r;
}

static PylObject *keys_reversed(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_REVKEYITER, ((DictView *)self)->dict, true);
}

static PylObject *values_reversed(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_REVVALUEITER, ((DictView *)self)->dict, true);
}

static PylObject *items_reversed(PylThread *t, PylObject *self)
{
    return new_iter(t, PYL_K_DICT_REVITEMITER, ((DictView *)self)->dict, true);
}

/* ---- set operations on keys and items views --------------------------------------- */

static bool is_set_view(PylObject *o)
{
    return PYL_IS_KIND(o, DICT_KEYS) || PYL_IS_KIND(o, DICT_ITEMS);
}

/* The contents of a view (or of whatever the other operand is, when the view
 * is on the right) as a new set. */
static PylObject *view_to_set(PylThread *t, PylObject *self)
{
    PylObject *src = self;
    if (PYL_IS_KIND(self, DICT_KEYS) && PYL_IS_DICT_EXACT(((DictView *)self)->dict)) {
        src = ((DictView *)self)->dict; /* read the dict's keys directly */
    }
    return pyl_set_new(t, src);
}

static PylObject *view_sub(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *r = view_to_set(t, a);
    if (r != NULL && pyl_set_difference_update(t, r, b) < 0) {
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

static PylObject *view_or(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *r = view_to_set(t, a);
    if (r != NULL && pyl_set_update(t, r, b) < 0) {
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

static int view_contains_item(PylThread *t, PylObject *view, PylObject *item);

static PylObject *view_and(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *self = a, *other = b;
    if (!is_set_view(self)) {
        self = b;
        other = a;
    }
    intptr_t len_self = PYL_DICT_LEN(((DictView *)self)->dict);
    if (PYL_IS_KIND(other, SET)) {
        /* Iterate the smaller side: the set's own intersection does. */
        if (len_self <= PYL_SET_LEN(other)) {
            return pyl_set_intersection(t, other, self);
        }
    }
    if (is_set_view(other)) {
        intptr_t len_other = PYL_DICT_LEN(((DictView *)other)->dict);
        if (len_other > len_self) {
            PylObject *tmp = self;
            self = other;
            other = tmp;
        }
    }
    PylObject *result = pyl_set_new(t, NULL);
    if (result == NULL) {
        return NULL;
    }
    PylObject *it = pyl_iter(t, other);
    if (it == NULL) {
        pyl_decref(t, result);
        return NULL;
    }
    PylObject *key;
    while ((key = pyl_iter_next(t, it)) != NULL) {
        int rv = view_contains_item(t, self, key);
        if (rv > 0) {
            rv = pyl_set_add(t, result, key);
        }
        pyl_decref(t, key);
        if (rv < 0) {
            pyl_decref(t, it);
            pyl_decref(t, result);
            return NULL;
        }
    }
    pyl_decref(t, it);
    if (pyl_err_occurred(t)) {
        pyl_decref(t, result);
        return NULL;
    }
    return result;
}

/* items ^ items: pairs in exactly one of the two, computed on a copy of the
 * first dict so that equal values cancel out. */
static PylObject *items_xor(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *d2 = ((DictView *)b)->dict;
    PylObject *tmp = pyl_dict_copy(t, ((DictView *)a)->dict);
    if (tmp == NULL) {
        return NULL;
    }
    PylObject *result = pyl_set_new(t, NULL);
    if (result == NULL) {
        pyl_decref(t, tmp);
        return NULL;
    }
    PylDict *d = (PylDict *)d2;
    for (intptr_t i = 0; i < d->nentries; i++) {
        PylDictEntry *e = &d->entries[i];
        if (e->key == NULL) {
            continue;
        }
        PylObject *key = pyl_incref(e->key), *val2 = pyl_incref(e->value);
        PylObject *val1 = pyl_dict_get(t, tmp, key);
        int rv = 0, del = 0;
        if (val1 == NULL) {
            rv = pyl_err_occurred(t) ? -1 : 0;
        } else {
            pyl_incref(val1);
            del = pyl_equal(t, val1, val2);
            pyl_decref(t, val1);
            rv = del < 0 ? -1 : 0;
        }
        if (rv == 0 && del > 0) {
            rv = pyl_dict_del(t, tmp, key);
        } else if (rv == 0) {
            PylObject *pair = pyl_tuple_pack(t, 2, key, val2);
            rv = pair ? pyl_set_add(t, result, pair) : -1;
            pyl_xdecref(t, pair);
        }
        pyl_decref(t, key);
        pyl_decref(t, val2);
        if (rv < 0) {
            pyl_decref(t, tmp);
            pyl_decref(t, result);
            return NULL;
        }
    }
    PylObject *rest = pyl_dict_view_new(t, tmp, PYL_K_DICT_ITEMS);
    int rc = rest ? pyl_set_update(t, result, rest) : -1;
    pyl_xdecref(t, rest);
    pyl_decref(t, tmp);
    if (rc < 0) {
        pyl_decref(t, result);
        return NULL;
    }
    return result;
}

static PylObject *view_xor(PylThread *t, PylObject *a, PylObject *b)
{
    if (PYL_IS_KIND(a, DICT_ITEMS) && PYL_IS_KIND(b, DICT_ITEMS)) {
        return items_xor(t, a, b);
    }
    PylObject *r = view_to_set(t, a);
    if (r != NULL && pyl_set_symmetric_difference_update(t, r, b) < 0) {
        pyl_decref(t, r);
        return NULL;
    }
    return r;
}

/* Does every item of a appear in b (by `in`)? 1, 0, -1. */
static int all_contained_in(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *it = pyl_iter(t, a);
    if (it == NULL) {
        return -1;
    }
    int ok = 1;
    PylObject *item;
    while ((item = pyl_iter_next(t, it)) != NULL) {
        ok = pyl_contains(t, b, item);
        pyl_decref(t, item);
        if (ok <= 0) {
            break;
        }
    }
    pyl_decref(t, it);
    if (ok > 0 && pyl_err_occurred(t)) {
        return -1;
    }
    return ok;
}

static PylObject *view_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_ANYSET(b) && !is_set_view(b)) {
        return PYL_NOTIMPLEMENTED;
    }
    intptr_t la = pyl_len(t, a);
    if (la < 0) {
        return NULL;
    }
    intptr_t lb = pyl_len(t, b);
    if (lb < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case PYL_EQ:
    case PYL_NE:
        if (la == lb) {
            ok = all_contained_in(t, a, b);
        }
        if (op == PYL_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case PYL_LT:
        if (la < lb) {
            ok = all_contained_in(t, a, b);
        }
        break;
    case PYL_LE:
        if (la <= lb) {
            ok = all_contained_in(t, a, b);
        }
        break;
    case PYL_GT:
        if (la > lb) {
            ok = all_contained_in(t, b, a);
        }
        break;
    default:
        if (la >= lb) {
            ok = all_contained_in(t, b, a);
        }
        break;
    }
    if (ok < 0) {
        return NULL;
    }
    return PYL_BOOL(ok);
}

static PylObject *view_isdisjoint(PylThread *t, PylObject *self, PylObject *other)
{
    if (self == other) {
        return PYL_BOOL(PYL_DICT_LEN(((DictView *)self)->dict) == 0);
    }
    /* Iterate over the shorter side when both sides are cheap to search. */
    if (PYL_IS_ANYSET(other) || is_set_view(other)) {
        intptr_t ls = PYL_DICT_LEN(((DictView *)self)->dict);
        intptr_t lo = pyl_len(t, other);
        if (lo < 0) {
            return NULL;
        }
        if (lo > ls) {
            PylObject *tmp = self;
            self = other;
            other = tmp;
        }
    }
    PylObject *it = pyl_iter(t, other);
    if (it == NULL) {
        return NULL;
    }
    PylObject *item;
    while ((item = pyl_iter_next(t, it)) != NULL) {
        int c = pyl_contains(t, self, item);
        pyl_decref(t, item);
        if (c != 0) {
            pyl_decref(t, it);
            return c < 0 ? NULL : PYL_FALSE;
        }
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? NULL : PYL_TRUE;
}

static PylObject *view_mapping(PylThread *t, PylObject *self)
{
    return pyl_mappingproxy_new(t, ((DictView *)self)->dict);
}

static const PylGetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL, "dictionary that this view refers to"},
    {NULL, NULL, NULL, NULL},
};

static const PylMethodDef keys_methods[] = {
    PYL_METHOD_O("isdisjoint", view_isdisjoint),
    PYL_METHOD_NOARGS("__reversed__", keys_reversed),
    PYL_METHOD_END,
};
static const PylMethodDef values_methods[] = {
    PYL_METHOD_NOARGS("__reversed__", values_reversed),
    PYL_METHOD_END,
};
static const PylMethodDef items_methods[] = {
    PYL_METHOD_O("isdisjoint", view_isdisjoint),
    PYL_METHOD_NOARGS("__reversed__", items_reversed),
    PYL_METHOD_END,
};

static int view_contains_item(PylThread *t, PylObject *view, PylObject *item)
{
    if (PYL_IS_KIND(view, DICT_KEYS)) {
        return keys_contains(t, view, item);
    }
    return items_contains(t, view, item);
}

const PylType pyl_dict_keys_type = {
    .name = "dict_keys",
    .kind = PYL_K_DICT_KEYS,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(DictView),
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .repr = view_repr,
    .len = view_len,
    .iter = keys_iter,
    .contains = keys_contains,
    .hash = pyl_hash_unhashable,
    .richcompare = view_richcompare,
    .nb = {[PYL_NB_SUB] = view_sub,
           [PYL_NB_AND] = view_and,
           [PYL_NB_OR] = view_or,
           [PYL_NB_XOR] = view_xor},
    .methods = keys_methods,
    .getset = view_getset,
};

const PylType pyl_dict_values_type = {
    .name = "dict_values",
    .kind = PYL_K_DICT_VALUES,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(DictView),
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .repr = view_repr,
    .len = view_len,
    .iter = values_iter,
    .methods = values_methods,
    .getset = view_getset,
};

const PylType pyl_dict_items_type = {
    .name = "dict_items",
    .kind = PYL_K_DICT_ITEMS,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(DictView),
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .repr = view_repr,
    .len = view_len,
    .iter = items_iter,
    .contains = items_contains,
    .hash = pyl_hash_unhashable,
    .richcompare = view_richcompare,
    .nb = {[PYL_NB_SUB] = view_sub,
           [PYL_NB_AND] = view_and,
           [PYL_NB_OR] = view_or,
           [PYL_NB_XOR] = view_xor},
    .methods = items_methods,
    .getset = view_getset,
};
