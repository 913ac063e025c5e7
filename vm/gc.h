/* gc.h — the cycle collector: CPython's generational design.
 *
 * Reference counting frees everything but cycles. Every object of a PYL_TF_GC
 * type (builtin type objects excepted: they live as long as the VM) has a
 * PylGCHead in front of it (object.h) and sits in exactly one generation list:
 *
 *     gens[0]  young: every new GC object is appended here
 *     gens[1]  survivors of one collection
 *     gens[2]  old: survivors of a gens[1] collection (and of full collections)
 *
 *     gens[i].head <-> obj <-> obj <-> ... <-> (back to head)   circular, doubly linked
 *
 * gens[0].count is allocations minus deallocations of GC objects since the last
 * collection; gens[i].count (i > 0) counts collections of generation i - 1 since
 * generation i was last collected. Generation i is collected (with all younger
 * ones) when its count passes its threshold (700, 10, 10); a full collection
 * also waits until the objects that reached gens[2] since the last full one
 * are 25% of it, so that programs building big data structures stay linear.
 *
 * PylGCHead.refs packs the collector's scratch count with four flags:
 *
 *     refs = gc_refs << 4 | UNREACHABLE 8 | COLLECTING 4 | WEAKREFS 2 | FINALIZED 1
 *
 * FINALIZED (__del__ ran or a generator was closed by the collector: never
 * again) and WEAKREFS (weak references point here: see weakref.h) persist;
 * COLLECTING and UNREACHABLE are set only while a collection runs.
 *
 * A collection of the generations 0..g (merged into one list, `young`):
 *   1. gc_refs = refcnt for every young object;
 *   2. traverse each and subtract the references it holds to young objects:
 *      what is left counts references from outside (older objects, C locals,
 *      running frames, the VM) — those objects are reachable;
 *   3. everything reachable from them is reachable; the rest is unreachable;
 *   4. weak references to unreachable objects are cleared, and the callbacks
 *      of those that are themselves reachable are called;
 *   5. finalizers run (__del__ of instances, close() of suspended generators),
 *      each at most once per object;
 *   6. objects a finalizer made reachable again (resurrected) survive;
 *   7. the rest is broken up with each type's `clear`, and dies by refcount.
 * Survivors move to the next generation.
 *
 * Invariant that makes step 2 sound: a traverse visits exactly the references
 * its object owns. Visiting one it does not own can free a live object;
 * missing one only keeps garbage alive.
 *
 * Collections start from pyl_obj_alloc, never while an object is being
 * deallocated (t->dealloc_depth > 0) nor while one runs.
 */
#ifndef PYL_GC_H
#define PYL_GC_H

#include "vm/object.h"

#define PYL_GC_NGENS 3

/* PylGCHead.refs bits. */
enum {
    PYL_GC_FINALIZED = 1,
    PYL_GC_WEAKREFS = 2,
    PYL_GC_COLLECTING = 4,
    PYL_GC_UNREACHABLE = 8,
    PYL_GC_FLAGS = 15,
    PYL_GC_REFS_SHIFT = 4,
};

/* gc.set_debug flags (CPython's values). */
enum {
    PYL_GC_DEBUG_STATS = 1,
    PYL_GC_DEBUG_COLLECTABLE = 2,
    PYL_GC_DEBUG_UNCOLLECTABLE = 4,
    PYL_GC_DEBUG_SAVEALL = 32,
};

typedef struct PylGCGen {
    PylGCHead head; /* list sentinel */
    intptr_t count;
    intptr_t threshold;
    intptr_t collections, collected, uncollectable; /* gc.get_stats() */
} PylGCGen;

typedef struct PylGCState {
    PylGCGen gens[PYL_GC_NGENS];
    PylGCHead permanent; /* gc.freeze(): never collected */
    /* What the VM's start-up made (types' dicts, builtins, sys): alive until
     * teardown, so collections never scan it; the gc module's views count it
     * as the oldest generation. (pyl_gc_start moves it here.) */
    PylGCHead boot;
    /* gens[0].count must exceed this for an allocation to consider collecting:
     * threshold 0 and gc.disable() set it to INTPTR_MAX (one compare on the
     * allocation path). */
    intptr_t trigger;
    bool enabled;                /* gc.enable() / gc.disable() */
    bool started;                /* the VM is ready (no collections during start-up) */
    bool collecting;             /* a collection is running (no re-entry) */
    bool finalizing;             /* VM teardown: no more automatic collections */
    bool no_callbacks;           /* the last teardown stage: weakref callbacks are not run */
    bool stress;                 /* PYLGCSTRESS (see pyl_gc_init) */
    int debug;                   /* gc.set_debug flags */
    intptr_t long_lived_total;   /* objects in gens[2] after the last full collection */
    intptr_t long_lived_pending; /* objects moved into gens[2] since then */
    PylObject *garbage;          /* gc.garbage (list), made on first use */
    PylObject *callbacks;        /* gc.callbacks (list), made on first use */
    struct PylWeakTable *weak;   /* referents -> their weak references (weakref.c) */
} PylGCState;

/* Does o have a GC header (CPython's PyObject_IS_GC)? Objects of GC types do,
 * except the builtin type objects, which are not allocated by pyl_obj_alloc. Such
 * an object is in one of the collector's lists, except while it is deallocated. */
static inline bool pyl_gc_is_gc(PylObject *o)
{
    if (o == NULL || !PYL_IS_PTR(o) || !(o->type->flags & PYL_TF_GC)) {
        return false;
    }
    return o->type->base_kind != PYL_K_TYPE || (((PylType *)o)->flags & PYL_TF_HEAPTYPE);
}

/* Set up the empty generations (no automatic collection until pyl_gc_start).
 * PYLGCSTRESS=N in the environment is a test tool: thresholds (N, 1, 1) and no
 * waiting for long-lived objects, so that N = 1 collects at almost every
 * allocation and fully at every few (slow: quadratic). */
PYL_INTERNAL void pyl_gc_init(PylVM *vm);
/* The VM is ready: allocations may now start collections. */
PYL_INTERNAL void pyl_gc_start(PylThread *t);
/* The allocation path found gens[0].count past the trigger: collect the
 * generations that are due, if it is safe now. */
PYL_INTERNAL void pyl_gc_maybe_collect(PylThread *t);
/* Collect generations 0..generation; the number of unreachable objects found
 * (those still there after the finalizers ran, as CPython counts).
 * Runs finalizers and callbacks (their errors are printed as unraisable); the
 * pending exception of t is kept. Returns 0 at once when a collection runs. */
PYL_INTERNAL intptr_t pyl_gc_collect(PylThread *t, int generation);
/* Recompute the trigger after enabled / thresholds changed. */
PYL_INTERNAL void pyl_gc_update_trigger(PylVM *vm);
/* Mark a tracked object finalized; true when it already was. (__del__ runs once.) */
PYL_INTERNAL bool pyl_gc_test_and_set_finalized(PylObject *o);
/* Put back in gens[0] a tracked object that pyl_dealloc took out and whose
 * deallocation was abandoned (resurrected by __del__ or a generator's finally). */
PYL_INTERNAL void pyl_gc_track(PylThread *t, PylObject *o);
/* Call __del__ (del, borrowed) on self, printing its error as unraisable; the
 * pending exception is kept. And the same for closing a generator. */
PYL_INTERNAL void pyl_gc_call_del(PylThread *t, PylObject *self, PylObject *del);
PYL_INTERNAL void pyl_gc_close_generator(PylThread *t, PylObject *gen);
/* gc.freeze(): move every tracked object to the permanent generation, which is
 * never collected; gc.unfreeze() (freeze false): back to the oldest generation. */
PYL_INTERNAL void pyl_gc_freeze(PylVM *vm, bool freeze);
/* VM teardown: every tracked object still alive (cycles the collector could not
 * break, objects kept by the VM itself) is pinned, cleared and released. */
PYL_INTERNAL void pyl_gc_free_all(PylThread *t);
/* Number of tracked objects in generation gen (-1: all of them; PYL_GC_NGENS: the
 * permanent generation). */
PYL_INTERNAL intptr_t pyl_gc_count_objects(PylVM *vm, int gen);

/* Call fn(o, arg) for every tracked object of generation gen (-1: all) until it
 * returns nonzero (which is returned). The lists must not change meanwhile. */
PYL_INTERNAL int pyl_gc_foreach(PylVM *vm, int gen, int (*fn)(PylObject *o, void *arg), void *arg);

#endif
