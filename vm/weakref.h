/* weakref.h — weak references (weakref.ref, weakref.proxy).
 *
 * A weak reference does not own its referent. The weak references to one object
 * form a doubly linked list, found through a per-VM table keyed by the object's
 * address (so no object needs a field for it):
 *
 *     vm->gc.weak:  [ obj -> head ] ...      open addressing, pointer hash
 *     head: basic ref <-> basic proxy <-> ref with callback <-> ...
 *
 * The basic ref (exact weakref.ref, no callback) and basic proxy are shared:
 * weakref.ref(o) is weakref.ref(o). Newer refs with callbacks go right after
 * them, so callbacks run newest first, as in CPython.
 *
 * A tracked referent (every referent but the builtin type objects) has
 * PYL_GC_WEAKREFS set in its GC header while its list is not empty: deallocation
 * looks at the table only then. When the referent dies — by refcount (object.c
 * for builtin types, class.c after __del__ for instances of classes) or in the
 * cycle collector — every weak reference to it is cleared (referent NULL) before
 * any callback runs; then the callbacks run, newest first, with the dead
 * reference as argument.
 */
#ifndef PYL_WEAKREF_H
#define PYL_WEAKREF_H

#include "vm/object.h"

typedef struct PylWeakref PylWeakref;
struct PylWeakref {
    PylObject ob;
    PylObject *referent; /* borrowed; NULL once it died */
    PylObject *callback; /* owned, or NULL */
    PylHash hash;        /* -1 until computed; kept after the referent dies */
    PylWeakref *prev, *next;
};

#define PYL_IS_WEAKREF(o) PYL_HAS_LAYOUT(o, WEAKREF)
#define PYL_IS_WEAKPROXY(o) (PYL_HAS_LAYOUT(o, WEAKPROXY) || PYL_HAS_LAYOUT(o, WEAKCALLABLEPROXY))

/* Can o be weakly referenced (CPython's rules: instances of classes without
 * __slots__ (or with __weakref__ in them), types, functions, methods, sets,
 * frozensets, generators, code, modules, files)? */
PYL_INTERNAL bool pyl_weakref_supported(PylThread *t, PylObject *o);
/* weakref.ref(o, callback) / weakref.proxy(o, callback); callback may be NULL or
 * None. New reference; TypeError when o cannot be weakly referenced. */
PYL_INTERNAL PylObject *pyl_weakref_new(PylThread *t, PylObject *o, PylObject *callback);
PYL_INTERNAL PylObject *pyl_weakref_proxy_new(PylThread *t, PylObject *o, PylObject *callback);
/* The referent of a weak reference (borrowed), or NULL when it died. */
static inline PylObject *pyl_weakref_get(PylObject *wr)
{
    return ((PylWeakref *)wr)->referent;
}
/* The first weak reference to o (borrowed), NULL if none; and how many. */
PYL_INTERNAL PylObject *pyl_weakref_first(PylThread *t, PylObject *o);
PYL_INTERNAL intptr_t pyl_weakref_count(PylThread *t, PylObject *o);

/* o is dying (refcount 0, or chosen by the collector): clear every weak
 * reference to it, then call their callbacks (unless the VM is being torn
 * down). Keeps the pending exception. */
PYL_INTERNAL void pyl_weakref_clear_referent(PylThread *t, PylObject *o);
/* For the collector: clear the weak references to o and append those whose
 * callbacks must run (the ones not themselves in the garbage, per is_garbage)
 * to the list `pending` (new references). -1 only when the list cannot grow. */
PYL_INTERNAL int pyl_weakref_clear_for_gc(PylThread *t, PylObject *o,
                                          bool (*is_garbage)(PylObject *wr), PylObject *pending);
/* Detach the weak references to o without running callbacks. */
PYL_INTERNAL void pyl_weakref_detach(PylThread *t, PylObject *o);
/* A weak reference is dying: take it off its referent's list. */
PYL_INTERNAL void pyl_weakref_forget(PylThread *t, PylObject *wr);
/* Free the VM's table (teardown, after every weak reference died). */
PYL_INTERNAL void pyl_weakref_fini(PylVM *vm);
/* Call the callback of weak reference wr (if it has one) with wr; an exception
 * it raises is reported as unraisable ("Exception ignored in: ..."). */
PYL_INTERNAL void pyl_weakref_call_callback(PylThread *t, PylObject *wr);

#endif
