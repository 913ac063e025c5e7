/* gc.c — the generational cycle collector (design and invariants: gc.h). */
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/weakref.h"

/* ---- lists and the refs word ---------------------------------------------------- */

static inline void list_init(PylGCHead *h)
{
    h->next = h->prev = h;
}

static inline bool list_empty(const PylGCHead *h)
{
    return h->next == h;
}

static inline void list_remove(PylGCHead *g)
{
    g->prev->next = g->next;
    g->next->prev = g->prev;
}

static inline void list_append(PylGCHead *g, PylGCHead *list)
{
    g->next = list;
    g->prev = list->prev;
    list->prev->next = g;
    list->prev = g;
}

static inline void list_move(PylGCHead *g, PylGCHead *list)
{
    list_remove(g);
    list_append(g, list);
}

/* Append every object of `from` to `to`, leaving `from` empty. */
static void list_merge(PylGCHead *from, PylGCHead *to)
{
    if (list_empty(from)) {
        return;
    }
    PylGCHead *tail = to->prev;
    tail->next = from->next;
    from->next->prev = tail;
    to->prev = from->prev;
    to->prev->next = to;
    list_init(from);
}

static intptr_t list_size(const PylGCHead *h)
{
    intptr_t n = 0;
    for (const PylGCHead *g = h->next; g != h; g = g->next) {
        n++;
    }
    return n;
}

#define KEEP_FLAGS ((intptr_t)(PYL_GC_FINALIZED | PYL_GC_WEAKREFS))

static inline intptr_t gc_refs(const PylGCHead *g)
{
    return g->refs >> PYL_GC_REFS_SHIFT;
}

static inline void set_gc_refs(PylGCHead *g, intptr_t n)
{
    g->refs = (g->refs & PYL_GC_FLAGS) | (n << PYL_GC_REFS_SHIFT);
}

/* ---- set-up and the allocation trigger -------------------------------------------- */

void pyl_gc_init(PylVM *vm)
{
    PylGCState *gc = &vm->gc;
    static const intptr_t thresholds[PYL_GC_NGENS] = {700, 10, 10};
    for (int i = 0; i < PYL_GC_NGENS; i++) {
        list_init(&gc->gens[i].head);
        gc->gens[i].threshold = thresholds[i];
    }
    list_init(&gc->permanent);
    list_init(&gc->boot);
    /* PYLGCSTRESS=N: collect every N allocations, every collection of the older
     * generations as soon as due (a test tool: see gc.h) */
    const char *stress = getenv("PYLGCSTRESS");
    if (stress != NULL && atol(stress) > 0) {
        gc->gens[0].threshold = atol(stress);
        gc->gens[1].threshold = gc->gens[2].threshold = 1;
        gc->stress = true;
    }
    gc->enabled = true;
    gc->trigger = INTPTR_MAX; /* until pyl_gc_start */
}

void pyl_gc_update_trigger(PylVM *vm)
{
    PylGCState *gc = &vm->gc;
    bool on = gc->enabled && !gc->finalizing && gc->gens[0].threshold > 0 && gc->started;
    gc->trigger = on ? gc->gens[0].threshold : INTPTR_MAX;
}

void pyl_gc_start(PylThread *t)
{
    /* Everything start-up made stays reachable from the VM until teardown:
     * scanning it at every full collection would find nothing. */
    for (int i = 0; i < PYL_GC_NGENS; i++) {
        list_merge(&t->vm->gc.gens[i].head, &t->vm->gc.boot);
    }
    t->vm->gc.started = true;
    pyl_gc_update_trigger(t->vm);
}

void pyl_gc_track(PylThread *t, PylObject *o)
{
    PylGCHead *g = PYL_GC_HEAD(o);
    if (g->next == g) {
        g->refs &= KEEP_FLAGS;
        list_append(g, &t->vm->gc.gens[0].head);
    }
}

bool pyl_gc_test_and_set_finalized(PylObject *o)
{
    if (!pyl_gc_is_gc(o)) {
        return false;
    }
    PylGCHead *g = PYL_GC_HEAD(o);
    bool was = (g->refs & PYL_GC_FINALIZED) != 0;
    g->refs |= PYL_GC_FINALIZED;
    return was;
}

/* ---- finding the garbage ---------------------------------------------------------- */

/* 1. gc_refs = refcnt, and mark the objects being collected. */
static void update_refs(PylGCHead *young)
{
    for (PylGCHead *g = young->next; g != young; g = g->next) {
        PylObject *o = PYL_GC_OBJ(g);
        g->refs = (g->refs & KEEP_FLAGS) | PYL_GC_COLLECTING | (o->refcnt << PYL_GC_REFS_SHIFT);
    }
}

static int visit_decref(PylObject *o, void *arg)
{
    if (pyl_gc_is_gc(o)) {
        PylGCHead *g = PYL_GC_HEAD(o);
        if (g->refs & PYL_GC_COLLECTING) {
            g->refs -= (intptr_t)1 << PYL_GC_REFS_SHIFT;
        }
    }
    return 0;
}

/* 2. Subtract the references young objects hold to each other. */
static void subtract_refs(PylGCHead *young)
{
    for (PylGCHead *g = young->next; g != young; g = g->next) {
        PylObject *o = PYL_GC_OBJ(g);
        if (o->type->traverse != NULL) {
            o->type->traverse(o, visit_decref, NULL);
        }
    }
    for (PylGCHead *g = young->next; g != young; g = g->next) {
        if (PYL_UNLIKELY(gc_refs(g) < 0)) {
            /* some traverse visits a reference its object does not own */
#ifdef PYL_DEBUG
            fprintf(stderr, "pyl: gc: %s object at %p has more references than its refcount\n",
                    PYL_GC_OBJ(g)->type->name, (void *)PYL_GC_OBJ(g));
            abort();
#endif
            set_gc_refs(g, 1); /* be safe: keep it */
        }
    }
}

static int visit_reachable(PylObject *o, void *arg)
{
    if (!pyl_gc_is_gc(o)) {
        return 0;
    }
    PylGCHead *g = PYL_GC_HEAD(o);
    if (!(g->refs & PYL_GC_COLLECTING)) {
        return 0; /* not being collected, or already known reachable and scanned */
    }
    if (g->refs & PYL_GC_UNREACHABLE) {
        /* moved to unreachable too early: back to the young list's end, to be scanned */
        list_move(g, (PylGCHead *)arg);
        g->refs &= ~(intptr_t)PYL_GC_UNREACHABLE;
        set_gc_refs(g, 1);
    } else if (gc_refs(g) == 0) {
        set_gc_refs(g, 1); /* still ahead in the list: it will be scanned as reachable */
    }
    return 0;
}

/* 3. Move what is not reachable from outside to `unreachable` (CPython's
 * move_unreachable: one pass; an object found reachable after it was moved goes
 * back to the end of young). Reachable objects lose COLLECTING; the others keep
 * it and get UNREACHABLE. */
static void move_unreachable(PylGCHead *young, PylGCHead *unreachable)
{
    PylGCHead *g = young->next;
    while (g != young) {
        if (gc_refs(g) > 0) {
            PylObject *o = PYL_GC_OBJ(g);
            if (o->type->traverse != NULL) {
                o->type->traverse(o, visit_reachable, young);
            }
            g->refs &= KEEP_FLAGS;
            g = g->next;
        } else {
            PylGCHead *next = g->next;
            list_move(g, unreachable);
            g->refs |= PYL_GC_UNREACHABLE;
            g = next;
        }
    }
}

/* ---- weak references, finalizers, deletion ------------------------------------------ */

static bool in_garbage(PylObject *wr)
{
    return pyl_gc_is_gc(wr) && (PYL_GC_HEAD(wr)->refs & PYL_GC_UNREACHABLE);
}

/* 4. Clear the weak references to unreachable objects; run the callbacks of those
 * that are not garbage themselves (a callback of a garbage reference could see
 * other garbage). */
static void handle_weakrefs(PylThread *t, PylGCHead *unreachable)
{
    PylObject *pending = NULL;
    for (PylGCHead *g = unreachable->next; g != unreachable; g = g->next) {
        if (!(g->refs & PYL_GC_WEAKREFS)) {
            continue;
        }
        if (pending == NULL) {
            pending = pyl_list_new(t, 0);
        }
        if (pyl_weakref_clear_for_gc(t, PYL_GC_OBJ(g), in_garbage, pending) < 0) {
            pyl_err_clear(t);
        }
    }
    if (pending == NULL) {
        return;
    }
    for (intptr_t i = 0; i < PYL_LIST_SIZE(pending); i++) {
        pyl_weakref_call_callback(t, PYL_LIST_ITEM(pending, i));
    }
    pyl_decref(t, pending);
}

void pyl_gc_call_del(PylThread *t, PylObject *self, PylObject *del)
{
    PylObject *pending = pyl_err_fetch(t);
    pyl_incref(del);
    PylObject *r = pyl_call1(t, del, self);
    if (r == NULL) {
        /* "Exception ignored in: <function C.__del__ at 0x...>" */
        PylObject *exc = pyl_err_fetch(t);
        PylObject *rep = pyl_repr(t, del);
        pyl_err_clear(t);
        char where[200];
        if (rep != NULL) {
            snprintf(where, sizeof where, "%s", PYL_STR_DATA(rep));
        } else {
            snprintf(where, sizeof where, "<function %s.__del__>", pyl_type_get_name(self->type));
        }
        pyl_xdecref(t, rep);
        pyl_err_restore(t, exc);
        pyl_err_write_unraisable(t, where);
    } else {
        pyl_decref(t, r);
    }
    pyl_decref(t, del);
    pyl_err_restore(t, pending);
}

void pyl_gc_close_generator(PylThread *t, PylObject *gen)
{
    PylObject *pending = pyl_err_fetch(t);
    if (pyl_gen_close(t, gen) < 0) {
        char where[256];
        snprintf(where, sizeof where, "<generator object %s at %p>",
                 PYL_STR_DATA(((PylGen *)gen)->qualname), (void *)gen);
        pyl_err_write_unraisable(t, where);
    }
    pyl_err_restore(t, pending);
}

/* Run o's finalizer if it has one that has not run: __del__ of an instance of a
 * class, close() of a suspended generator. True when something ran. */
static bool finalize(PylThread *t, PylObject *o)
{
    PylGCHead *g = PYL_GC_HEAD(o);
    if (g->refs & PYL_GC_FINALIZED) {
        return false;
    }
    if (o->type->flags & PYL_TF_HEAPTYPE) {
        PylObject *del = pyl_type_lookup(t, o->type, PYL_NAME(t, __del__));
        if (del == NULL) {
            return false;
        }
        g->refs |= PYL_GC_FINALIZED;
        pyl_incref(o);
        pyl_gc_call_del(t, o, del);
        pyl_decref(t, o);
        return true;
    }
    if (o->type->kind == PYL_K_GENERATOR && ((PylGen *)o)->state == PYL_GEN_SUSPENDED) {
        g->refs |= PYL_GC_FINALIZED;
        pyl_incref(o);
        pyl_gc_close_generator(t, o);
        pyl_decref(t, o);
        return true;
    }
    return false;
}

/* 5. Finalize the unreachable objects; true when some code ran. Objects may die
 * meanwhile (they leave the list by themselves). */
static bool finalize_garbage(PylThread *t, PylGCHead *unreachable)
{
    PylGCHead done;
    list_init(&done);
    bool ran = false;
    while (!list_empty(unreachable)) {
        PylGCHead *g = unreachable->next;
        list_move(g, &done);
        if (finalize(t, PYL_GC_OBJ(g))) {
            ran = true;
        }
    }
    list_merge(&done, unreachable);
    return ran;
}

/* 6. After finalizers ran: what is reachable again (from a resurrected object)
 * survives into `old`; the rest stays in `unreachable`. */
static void handle_resurrected(PylGCHead *unreachable, PylGCHead *old)
{
    PylGCHead still;
    list_init(&still);
    update_refs(unreachable);
    subtract_refs(unreachable);
    move_unreachable(unreachable, &still);
    list_merge(unreachable, old);
    list_merge(&still, unreachable);
}

/* 7. Break the cycles: clear every object (moving it to `old` first, where it
 * stays if something keeps it alive after all). */
static void delete_garbage(PylThread *t, PylGCHead *unreachable, PylGCHead *old)
{
    PylGCState *gc = &t->vm->gc;
    for (PylGCHead *g = unreachable->next; g != unreachable; g = g->next) {
        g->refs &= KEEP_FLAGS | PYL_GC_UNREACHABLE;
    }
    while (!list_empty(unreachable)) {
        PylGCHead *g = unreachable->next;
        PylObject *o = PYL_GC_OBJ(g);
        g->refs &= KEEP_FLAGS;
        list_move(g, old);
        if (gc->debug & PYL_GC_DEBUG_SAVEALL) {
            if (gc->garbage == NULL) {
                gc->garbage = pyl_list_new(t, 0);
            }
            if (gc->garbage == NULL || pyl_list_append(t, gc->garbage, o) < 0) {
                pyl_err_clear(t);
            }
            continue;
        }
        PylClearFn clear = o->type->clear;
        if (clear != NULL) {
            pyl_incref(o);
            clear(t, o);
            pyl_decref(t, o);
        }
    }
}

/* ---- collecting ------------------------------------------------------------------- */

static intptr_t collect(PylThread *t, int generation)
{
    PylGCState *gc = &t->vm->gc;
    gc->collecting = true;
    PylObject *pending = pyl_err_fetch(t);

    if (generation + 1 < PYL_GC_NGENS) {
        gc->gens[generation + 1].count++;
    }
    for (int i = 0; i <= generation; i++) {
        gc->gens[i].count = 0;
    }
    PylGCHead *young = &gc->gens[generation].head;
    for (int i = 0; i < generation; i++) {
        list_merge(&gc->gens[i].head, young);
    }
    PylGCHead *old = generation + 1 < PYL_GC_NGENS ? &gc->gens[generation + 1].head : young;

    PylGCHead unreachable;
    list_init(&unreachable);
    update_refs(young);
    subtract_refs(young);
    move_unreachable(young, &unreachable);
    /* the survivors grow older; new objects (made by callbacks and finalizers
     * below) go to gens[0], which is empty now (or young itself when it is gens[0],
     * whose survivors have moved on) */
    if (young != old) {
        if (generation == PYL_GC_NGENS - 2) {
            gc->long_lived_pending += list_size(young);
        }
        list_merge(young, old);
    } else {
        gc->long_lived_pending = 0;
        gc->long_lived_total = list_size(young);
    }
    /* As CPython, count what is left to break up once the finalizers ran (a
     * generator's close() may have freed its own cycle already). */
    intptr_t n = 0;
    if (!list_empty(&unreachable)) {
        handle_weakrefs(t, &unreachable);
        if (finalize_garbage(t, &unreachable)) {
            handle_resurrected(&unreachable, old);
        }
        n = list_size(&unreachable);
        delete_garbage(t, &unreachable, old);
    }
    gc->gens[generation].collections++;
    gc->gens[generation].collected += n;
    if (gc->debug & PYL_GC_DEBUG_STATS) {
        fprintf(stderr, "gc: collecting generation %d: %zd unreachable\n", generation, (ssize_t)n);
    }
    pyl_err_restore(t, pending);
    gc->collecting = false;
    return n;
}

/* gc.callbacks: each is called with ("start" | "stop", {"generation": g,
 * "collected": n, "uncollectable": 0}). */
static void run_gc_callbacks(PylThread *t, const char *phase, int generation, intptr_t n)
{
    PylGCState *gc = &t->vm->gc;
    if (gc->callbacks == NULL || PYL_LIST_SIZE(gc->callbacks) == 0) {
        return;
    }
    PylObject *pending = pyl_err_fetch(t);
    PylObject *ph = pyl_str_from_cstr(t, phase);
    PylObject *info = pyl_dict_new(t);
    PylObject *v;
    if (ph == NULL || info == NULL ||
        pyl_dict_set_cstr(t, info, "generation", PYL_SMALLINT(generation)) < 0 ||
        (v = pyl_int_from_ssize(t, n)) == NULL) {
        goto done;
    }
    int r = pyl_dict_set_cstr(t, info, "collected", v);
    pyl_decref(t, v);
    if (r < 0 || pyl_dict_set_cstr(t, info, "uncollectable", PYL_SMALLINT(0)) < 0) {
        goto done;
    }
    PylObject *cbs = pyl_sequence_list(t, gc->callbacks); /* callbacks may change the list */
    if (cbs == NULL) {
        goto done;
    }
    for (intptr_t i = 0; i < PYL_LIST_SIZE(cbs); i++) {
        PylObject *res = pyl_call2(t, PYL_LIST_ITEM(cbs, i), ph, info);
        if (res == NULL) {
            pyl_err_write_unraisable(t, "<gc callback>");
        }
        pyl_xdecref(t, res);
    }
    pyl_decref(t, cbs);
done:
    pyl_err_clear(t);
    pyl_xdecref(t, ph);
    pyl_xdecref(t, info);
    pyl_err_restore(t, pending);
}

intptr_t pyl_gc_collect(PylThread *t, int generation)
{
    PylGCState *gc = &t->vm->gc;
    if (gc->collecting) {
        return 0;
    }
    gc->collecting = true; /* callbacks must not start a collection */
    run_gc_callbacks(t, "start", generation, 0);
    gc->collecting = false;
    intptr_t n = collect(t, generation);
    gc->collecting = true;
    run_gc_callbacks(t, "stop", generation, n);
    gc->collecting = false;
    return n;
}

void pyl_gc_maybe_collect(PylThread *t)
{
    PylGCState *gc = &t->vm->gc;
    if (gc->collecting || t->dealloc_depth > 0 || t->trash != NULL || !gc->enabled ||
        gc->finalizing) {
        return;
    }
    for (int i = PYL_GC_NGENS - 1; i >= 0; i--) {
        if (gc->gens[i].count > gc->gens[i].threshold) {
            /* a full collection also waits for enough new long-lived objects */
            if (i == PYL_GC_NGENS - 1 && gc->long_lived_pending < gc->long_lived_total / 4 &&
                !gc->stress) {
                continue;
            }
            pyl_gc_collect(t, i);
            break;
        }
    }
}

/* ---- the gc module's views, and teardown ------------------------------------------- */

static PylGCHead *gen_list(PylGCState *gc, int gen)
{
    return gen == PYL_GC_NGENS ? &gc->permanent : &gc->gens[gen].head;
}

/* gen_list(gc, i) for i <= PYL_GC_NGENS, then the boot list: shown as part
 * of the oldest generation. */
static PylGCHead *view_list(PylGCState *gc, int i, int gen)
{
    if (i <= PYL_GC_NGENS) {
        return gen < 0 || gen == i ? gen_list(gc, i) : NULL;
    }
    return gen < 0 || gen == PYL_GC_NGENS - 1 ? &gc->boot : NULL;
}

intptr_t pyl_gc_count_objects(PylVM *vm, int gen)
{
    intptr_t n = 0;
    for (int i = 0; i <= PYL_GC_NGENS + 1; i++) {
        PylGCHead *h = view_list(&vm->gc, i, gen);
        n += h ? list_size(h) : 0;
    }
    return n;
}

int pyl_gc_foreach(PylVM *vm, int gen, int (*fn)(PylObject *o, void *arg), void *arg)
{
    for (int i = 0; i <= PYL_GC_NGENS + 1; i++) {
        PylGCHead *h = view_list(&vm->gc, i, gen);
        if (h == NULL) {
            continue;
        }
        for (PylGCHead *g = h->next; g != h; g = g->next) {
            int r = fn(PYL_GC_OBJ(g), arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

void pyl_gc_freeze(PylVM *vm, bool freeze)
{
    PylGCState *gc = &vm->gc;
    if (freeze) {
        for (int i = 0; i < PYL_GC_NGENS; i++) {
            list_merge(&gc->gens[i].head, &gc->permanent);
            gc->gens[i].count = 0;
        }
    } else {
        list_merge(&gc->permanent, &gc->gens[PYL_GC_NGENS - 1].head);
    }
}

void pyl_gc_free_all(PylThread *t)
{
    PylVM *vm = t->vm;
    PylGCState *gc = &vm->gc;
    gc->finalizing = true;
    gc->no_callbacks = true;
    pyl_gc_update_trigger(vm);
    PylGCHead all;
    list_init(&all);
    for (int i = 0; i <= PYL_GC_NGENS; i++) {
        list_merge(gen_list(gc, i), &all);
    }
    list_merge(&gc->boot, &all);
    intptr_t n = list_size(&all);
    if (n == 0) {
        return;
    }
    PylObject **objs = malloc(sizeof(PylObject *) * (size_t)n);
    intptr_t k = 0;
    for (PylGCHead *g = all.next; g != &all; g = g->next) {
        g->refs &= KEEP_FLAGS;
        if (objs != NULL) {
            objs[k++] = pyl_incref(PYL_GC_OBJ(g));
        }
    }
    list_merge(&all, &gc->gens[PYL_GC_NGENS - 1].head);
    for (intptr_t i = 0; i < k; i++) {
        PylClearFn clear = objs[i]->type->clear;
        if (clear != NULL) {
            clear(t, objs[i]);
        }
    }
    for (intptr_t i = 0; i < k; i++) {
        pyl_decref(t, objs[i]);
    }
    free(objs);
}
