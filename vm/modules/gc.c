/* gc.c (module) — the gc module: the interface to the cycle collector
 * (vm/gc.c): collect, enable/disable, thresholds and counts, statistics, debug
 * flags, and the views of the tracked objects (get_objects, get_referents,
 * get_referrers, is_tracked, freeze). */
#include <stdio.h>

#include "vm/core.h"
#include "vm/gc.h"

static PylObject *gc_enable(PylThread *t, PylObject *self)
{
    t->vm->gc.enabled = true;
    pyl_gc_update_trigger(t->vm);
    return PYL_NONE;
}

static PylObject *gc_disable(PylThread *t, PylObject *self)
{
    t->vm->gc.enabled = false;
    pyl_gc_update_trigger(t->vm);
    return PYL_NONE;
}

static PylObject *gc_isenabled(PylThread *t, PylObject *self)
{
    return PYL_BOOL(t->vm->gc.enabled);
}

static int generation_arg(PylThread *t, PylObject *arg, int dflt, int *out)
{
    if (arg == NULL || arg == PYL_NONE) {
        *out = dflt;
        return 0;
    }
    if (!PYL_IS_INT(arg)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object cannot be interpreted as an integer",
                       arg);
        return -1;
    }
    intptr_t g;
    if (pyl_int_as_ssize(t, arg, &g) < 0) {
        return -1;
    }
    if (g < 0 || g >= PYL_GC_NGENS) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "invalid generation");
        return -1;
    }
    *out = (int)g;
    return 0;
}

/* gc.collect(generation=2): the number of unreachable objects found. */
static PylObject *gc_collect(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    static const PylArgSpec spec = {"collect", names, 0, 1};
    PylObject *a[1];
    int gen;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 ||
        generation_arg(t, a[0], PYL_GC_NGENS - 1, &gen) < 0) {
        return NULL;
    }
    return pyl_int_from_ssize(t, pyl_gc_collect(t, gen));
}

static PylObject *gc_get_count(PylThread *t, PylObject *self)
{
    PylGCGen *g = t->vm->gc.gens;
    PylObject *a = pyl_int_from_ssize(t, g[0].count);
    PylObject *b = pyl_int_from_ssize(t, g[1].count);
    PylObject *c = pyl_int_from_ssize(t, g[2].count);
    PylObject *r = a && b && c ? pyl_tuple_pack(t, 3, a, b, c) : NULL;
    pyl_xdecref(t, a);
    pyl_xdecref(t, b);
    pyl_xdecref(t, c);
    return r;
}

static PylObject *gc_get_threshold(PylThread *t, PylObject *self)
{
    PylGCGen *g = t->vm->gc.gens;
    PylObject *a = pyl_int_from_ssize(t, g[0].threshold);
    PylObject *b = pyl_int_from_ssize(t, g[1].threshold);
    PylObject *c = pyl_int_from_ssize(t, g[2].threshold);
    PylObject *r = a && b && c ? pyl_tuple_pack(t, 3, a, b, c) : NULL;
    pyl_xdecref(t, a);
    pyl_xdecref(t, b);
    pyl_xdecref(t, c);
    return r;
}

static PylObject *gc_set_threshold(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs)
{
    if (pyl_check_nargs(t, "set_threshold", nargs, 1, 3) < 0) {
        return NULL;
    }
    intptr_t v[PYL_GC_NGENS];
    for (intptr_t i = 0; i < nargs; i++) {
        if (!PYL_IS_INT(args[i])) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "'%T' object cannot be interpreted as an integer", args[i]);
        }
        if (pyl_int_as_ssize(t, args[i], &v[i]) < 0) {
            return NULL;
        }
    }
    for (intptr_t i = 0; i < nargs; i++) {
        t->vm->gc.gens[i].threshold = v[i];
    }
    pyl_gc_update_trigger(t->vm);
    return PYL_NONE;
}

static PylObject *gc_get_debug(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, t->vm->gc.debug);
}

static PylObject *gc_set_debug(PylThread *t, PylObject *self, PylObject *arg)
{
    intptr_t v;
    if (!PYL_IS_INT(arg)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "'%T' object cannot be interpreted as an integer", arg);
    }
    if (pyl_int_as_ssize(t, arg, &v) < 0) {
        return NULL;
    }
    t->vm->gc.debug = (int)v;
    return PYL_NONE;
}

static int set_stat(PylThread *t, PylObject *d, const char *key, intptr_t n)
{
    PylObject *v = pyl_int_from_ssize(t, n);
    if (v == NULL) {
        return -1;
    }
    int r = pyl_dict_set_cstr(t, d, key, v);
    pyl_decref(t, v);
    return r;
}

static PylObject *gc_get_stats(PylThread *t, PylObject *self)
{
    PylObject *list = pyl_list_new(t, 0);
    for (int i = 0; list != NULL && i < PYL_GC_NGENS; i++) {
        PylGCGen *g = &t->vm->gc.gens[i];
        PylObject *d = pyl_dict_new(t);
        if (d == NULL || set_stat(t, d, "collections", g->collections) < 0 ||
            set_stat(t, d, "collected", g->collected) < 0 ||
            set_stat(t, d, "uncollectable", g->uncollectable) < 0 ||
            pyl_list_append(t, list, d) < 0) {
            pyl_xdecref(t, d);
            pyl_decref(t, list);
            return NULL;
        }
        pyl_decref(t, d);
    }
    return list;
}

static bool in_a_list(PylObject *o)
{
    if (!pyl_gc_is_gc(o)) {
        return false;
    }
    PylGCHead *g = PYL_GC_HEAD(o);
    return g->next != g;
}

static PylObject *gc_is_tracked(PylThread *t, PylObject *self, PylObject *o)
{
    return PYL_BOOL(in_a_list(o));
}

static PylObject *gc_is_finalized(PylThread *t, PylObject *self, PylObject *o)
{
    return PYL_BOOL(pyl_gc_is_gc(o) && (PYL_GC_HEAD(o)->refs & PYL_GC_FINALIZED));
}

typedef struct Collect {
    PylThread *t;
    PylObject *list;    /* where found objects go */
    PylObject *skip;    /* an object not to report (the result itself) */
    PylObject *targets; /* get_referrers: the tuple of objects looked for */
    PylObject *current; /* get_referrers: the object being traversed */
    bool found;
} Collect;

static int append_object(PylObject *o, void *arg)
{
    Collect *c = arg;
    if (o == c->list || o == c->skip) {
        return 0;
    }
    return pyl_list_append(c->t, c->list, o) < 0 ? -1 : 0;
}

static PylObject *gc_get_objects(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    static const PylArgSpec spec = {"get_objects", names, 0, 1};
    PylObject *a[1];
    int gen;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 ||
        generation_arg(t, a[0], -1, &gen) < 0) {
        return NULL;
    }
    Collect c = {t, pyl_list_new(t, 0), NULL, NULL, NULL, false};
    if (c.list == NULL) {
        return NULL;
    }
    /* appending grows the list's item array only: the GC lists do not change */
    if (pyl_gc_foreach(t->vm, gen, append_object, &c) != 0) {
        pyl_decref(t, c.list);
        return NULL;
    }
    return c.list;
}

static int append_referent(PylObject *o, void *arg)
{
    Collect *c = arg;
    if (o == NULL) {
        return 0;
    }
    return pyl_list_append(c->t, c->list, o) < 0 ? -1 : 0;
}

static PylObject *gc_get_referents(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs)
{
    Collect c = {t, pyl_list_new(t, 0), NULL, NULL, NULL, false};
    if (c.list == NULL) {
        return NULL;
    }
    for (intptr_t i = 0; i < nargs; i++) {
        PylObject *o = args[i];
        if (!pyl_gc_is_gc(o) || o->type->traverse == NULL) {
            continue;
        }
        if (o->type->traverse(o, append_referent, &c) != 0) {
            pyl_decref(t, c.list);
            return NULL;
        }
    }
    return c.list;
}

static int visit_referrer(PylObject *o, void *arg)
{
    Collect *c = arg;
    if (c->found) {
        return 0;
    }
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(c->targets); i++) {
        if (PYL_TUPLE_ITEM(c->targets, i) == o) {
            c->found = true;
        }
    }
    return 0;
}

static int check_referrer(PylObject *o, void *arg)
{
    Collect *c = arg;
    if (o == c->list || o == c->targets || o->type->traverse == NULL) {
        return 0;
    }
    c->found = false;
    o->type->traverse(o, visit_referrer, c);
    if (c->found && pyl_list_append(c->t, c->list, o) < 0) {
        return -1;
    }
    return 0;
}

static PylObject *gc_get_referrers(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs)
{
    Collect c = {t, NULL, NULL, pyl_tuple_from_array(t, args, nargs), NULL, false};
    if (c.targets == NULL) {
        return NULL;
    }
    c.list = pyl_list_new(t, 0);
    if (c.list == NULL || pyl_gc_foreach(t->vm, -1, check_referrer, &c) != 0) {
        pyl_xdecref(t, c.list);
        pyl_decref(t, c.targets);
        return NULL;
    }
    pyl_decref(t, c.targets);
    return c.list;
}

static PylObject *gc_freeze(PylThread *t, PylObject *self)
{
    pyl_gc_freeze(t->vm, true);
    return PYL_NONE;
}

static PylObject *gc_unfreeze(PylThread *t, PylObject *self)
{
    pyl_gc_freeze(t->vm, false);
    return PYL_NONE;
}

static PylObject *gc_get_freeze_count(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, pyl_gc_count_objects(t->vm, PYL_GC_NGENS));
}

static const PylMethodDef gc_methods[] = {
    PYL_METHOD_NOARGS("enable", gc_enable),
    PYL_METHOD_NOARGS("disable", gc_disable),
    PYL_METHOD_NOARGS("isenabled", gc_isenabled),
    PYL_METHOD_KW("collect", gc_collect),
    PYL_METHOD_NOARGS("get_count", gc_get_count),
    PYL_METHOD_NOARGS("get_threshold", gc_get_threshold),
    PYL_METHOD_FAST("set_threshold", gc_set_threshold),
    PYL_METHOD_NOARGS("get_debug", gc_get_debug),
    PYL_METHOD_O("set_debug", gc_set_debug),
    PYL_METHOD_NOARGS("get_stats", gc_get_stats),
    PYL_METHOD_O("is_tracked", gc_is_tracked),
    PYL_METHOD_O("is_finalized", gc_is_finalized),
    PYL_METHOD_KW("get_objects", gc_get_objects),
    PYL_METHOD_FAST("get_referents", gc_get_referents),
    PYL_METHOD_FAST("get_referrers", gc_get_referrers),
    PYL_METHOD_NOARGS("freeze", gc_freeze),
    PYL_METHOD_NOARGS("unfreeze", gc_unfreeze),
    PYL_METHOD_NOARGS("get_freeze_count", gc_get_freeze_count),
    PYL_METHOD_END,
};

static int gc_init(PylThread *t, PylObject *m)
{
    PylGCState *gc = &t->vm->gc;
    if (gc->garbage == NULL && (gc->garbage = pyl_list_new(t, 0)) == NULL) {
        return -1;
    }
    if (gc->callbacks == NULL && (gc->callbacks = pyl_list_new(t, 0)) == NULL) {
        return -1;
    }
    static const struct {
        const char *name;
        int value;
    } flags[] = {
        {"DEBUG_STATS", PYL_GC_DEBUG_STATS},
        {"DEBUG_COLLECTABLE", PYL_GC_DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", PYL_GC_DEBUG_UNCOLLECTABLE},
        {"DEBUG_SAVEALL", PYL_GC_DEBUG_SAVEALL},
        {"DEBUG_LEAK",
         PYL_GC_DEBUG_COLLECTABLE | PYL_GC_DEBUG_UNCOLLECTABLE | PYL_GC_DEBUG_SAVEALL},
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (pyl_module_add(t, m, flags[i].name, PYL_SMALLINT(flags[i].value)) < 0) {
            return -1;
        }
    }
    if (pyl_module_add(t, m, "garbage", pyl_incref(gc->garbage)) < 0 ||
        pyl_module_add(t, m, "callbacks", pyl_incref(gc->callbacks)) < 0) {
        return -1;
    }
    return 0;
}

const PylModuleDef pyl_module_gc = {"gc", gc_methods, gc_init,
                                    "This module provides access to the garbage collector for "
                                    "reference cycles."};
