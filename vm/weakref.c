/* weakref.c — weak references: the per-VM table from referents to their lists,
 * weakref.ref (ReferenceType) and the proxies, and clearing them when the
 * referent dies. See weakref.h for the layout and the rules. */
#include <stdio.h>

#include "vm/core.h"
#include "vm/gc.h"
#include "vm/weakref.h"

#define WR(o) ((PylWeakref *)(o))

/* ---- the table: referent -> head of its list ------------------------------------ */

typedef struct WeakSlot {
    PylObject *obj; /* NULL: never used; TOMBSTONE: deleted */
    PylWeakref *head;
} WeakSlot;

/* Open addressing with linear probing; at most 2/3 of the slots are filled
 * (live + tombstones), so every probe ends at an empty slot. */
struct PylWeakTable {
    WeakSlot *slots;
    size_t mask; /* slot count - 1 */
    size_t used, filled;
};

#define TOMBSTONE ((PylObject *)(uintptr_t)1)

static size_t slot_hash(PylObject *o)
{
    uint64_t x = (uint64_t)(uintptr_t)o >> 4;
    x *= 0x9E3779B97F4A7C15ULL;
    return (size_t)(x ^ (x >> 29));
}

static WeakSlot *table_find(PylVM *vm, PylObject *o)
{
    struct PylWeakTable *tab = vm->gc.weak;
    if (tab == NULL || tab->used == 0) {
        return NULL;
    }
    for (size_t i = slot_hash(o) & tab->mask;; i = (i + 1) & tab->mask) {
        WeakSlot *s = &tab->slots[i];
        if (s->obj == o) {
            return s;
        }
        if (s->obj == NULL) {
            return NULL;
        }
    }
}

static int table_resize(PylThread *t, struct PylWeakTable *tab)
{
    size_t n = 8;
    while (n * 2 < (tab->used + 1) * 3 + 1) {
        n *= 2;
    }
    WeakSlot *slots = pyl_mem_calloc(t, n * sizeof(WeakSlot));
    if (slots == NULL) {
        return -1;
    }
    for (size_t i = 0; tab->slots != NULL && i <= tab->mask; i++) {
        WeakSlot *s = &tab->slots[i];
        if (s->obj == NULL || s->obj == TOMBSTONE) {
            continue;
        }
        size_t j = slot_hash(s->obj) & (n - 1);
        while (slots[j].obj != NULL) {
            j = (j + 1) & (n - 1);
        }
        slots[j] = *s;
    }
    pyl_mem_free(t, tab->slots);
    tab->slots = slots;
    tab->mask = n - 1;
    tab->filled = tab->used;
    return 0;
}

/* Add o (not in the table) with its first weak reference. 0 or -1. */
static int table_add(PylThread *t, PylObject *o, PylWeakref *head)
{
    struct PylWeakTable *tab = t->vm->gc.weak;
    if (tab == NULL) {
        tab = pyl_mem_calloc(t, sizeof *tab);
        if (tab == NULL) {
            return -1;
        }
        t->vm->gc.weak = tab;
    }
    if (tab->slots == NULL || (tab->filled + 1) * 3 > (tab->mask + 1) * 2) {
        if (table_resize(t, tab) < 0) {
            return -1;
        }
    }
    size_t i = slot_hash(o) & tab->mask;
    while (tab->slots[i].obj != NULL && tab->slots[i].obj != TOMBSTONE) {
        i = (i + 1) & tab->mask;
    }
    if (tab->slots[i].obj == NULL) {
        tab->filled++;
    }
    tab->slots[i].obj = o;
    tab->slots[i].head = head;
    tab->used++;
    return 0;
}

static void table_remove(PylVM *vm, WeakSlot *s)
{
    s->obj = TOMBSTONE;
    s->head = NULL;
    vm->gc.weak->used--;
}

void pyl_weakref_fini(PylVM *vm)
{
    struct PylWeakTable *tab = vm->gc.weak;
    if (tab != NULL) {
        pyl_vmem_free(vm, tab->slots);
        pyl_vmem_free(vm, tab);
        vm->gc.weak = NULL;
    }
}

/* ---- lists ---------------------------------------------------------------------- */

static void set_has_weakrefs(PylObject *o, bool on)
{
    if (pyl_gc_is_gc(o)) {
        if (on) {
            PYL_GC_HEAD(o)->refs |= PYL_GC_WEAKREFS;
        } else {
            PYL_GC_HEAD(o)->refs &= ~(intptr_t)PYL_GC_WEAKREFS;
        }
    }
}

static PylWeakref *list_head(PylThread *t, PylObject *o)
{
    if (pyl_gc_is_gc(o) && !(PYL_GC_HEAD(o)->refs & PYL_GC_WEAKREFS)) {
        return NULL;
    }
    WeakSlot *s = table_find(t->vm, o);
    return s ? s->head : NULL;
}

/* Take wr off its referent's list (the referent stays set). */
static void unlink_ref(PylThread *t, PylWeakref *wr)
{
    PylObject *o = wr->referent;
    if (wr->prev != NULL) {
        wr->prev->next = wr->next;
    } else {
        WeakSlot *s = table_find(t->vm, o);
        if (s != NULL) {
            if (wr->next != NULL) {
                s->head = wr->next;
            } else {
                table_remove(t->vm, s);
                set_has_weakrefs(o, false);
            }
        }
    }
    if (wr->next != NULL) {
        wr->next->prev = wr->prev;
    }
    wr->prev = wr->next = NULL;
}

/* Put wr on o's list after `after` (NULL: at the head). 0 or -1. */
static int link_ref(PylThread *t, PylObject *o, PylWeakref *wr, PylWeakref *after)
{
    wr->referent = o;
    if (after != NULL) {
        wr->prev = after;
        wr->next = after->next;
        if (after->next != NULL) {
            after->next->prev = wr;
        }
        after->next = wr;
        return 0;
    }
    WeakSlot *s = table_find(t->vm, o);
    wr->prev = NULL;
    if (s != NULL) {
        wr->next = s->head;
        s->head->prev = wr;
        s->head = wr;
        return 0;
    }
    wr->next = NULL;
    if (table_add(t, o, wr) < 0) {
        wr->referent = NULL;
        return -1;
    }
    set_has_weakrefs(o, true);
    return 0;
}

/* The shared callback-less ref and proxy at the head of a list, if there. */
static void basic_refs(PylThread *t, PylWeakref *head, PylWeakref **ref, PylWeakref **proxy)
{
    *ref = *proxy = NULL;
    if (head != NULL && head->callback == NULL && PYL_IS_KIND(&head->ob, WEAKREF)) {
        *ref = head;
        head = head->next;
    }
    if (head != NULL && head->callback == NULL &&
        (PYL_IS_KIND(&head->ob, WEAKPROXY) || PYL_IS_KIND(&head->ob, WEAKCALLABLEPROXY))) {
        *proxy = head;
    }
}

bool pyl_weakref_supported(PylThread *t, PylObject *o)
{
    if (!PYL_IS_PTR(o)) {
        return false;
    }
    PylType *type = o->type;
    for (; type->flags & PYL_TF_HEAPTYPE; type = type->base) {
        if (((PylHeapType *)type)->weakref) {
            return true;
        }
    }
    switch (type->base_kind) {
    case PYL_K_TYPE:
    case PYL_K_FUNCTION:
    case PYL_K_METHOD:
    case PYL_K_CFUNCTION:
    case PYL_K_SET:
    case PYL_K_FROZENSET:
    case PYL_K_GENERATOR:
    case PYL_K_CODE:
    case PYL_K_MODULE:
    case PYL_K_TEXTIO:
    case PYL_K_BUFFEREDIO:
        /* the GC header carries the "has weak references" bit */
        return pyl_gc_is_gc(o) || type->base_kind == PYL_K_TYPE;
    default:
        return false;
    }
}

PylObject *pyl_weakref_first(PylThread *t, PylObject *o)
{
    return PYL_IS_PTR(o) ? (PylObject *)list_head(t, o) : NULL;
}

intptr_t pyl_weakref_count(PylThread *t, PylObject *o)
{
    intptr_t n = 0;
    for (PylWeakref *wr = PYL_IS_PTR(o) ? list_head(t, o) : NULL; wr != NULL; wr = wr->next) {
        n++;
    }
    return n;
}

/* ---- creation ------------------------------------------------------------------- */

static PylObject *cannot_refer(PylThread *t, PylObject *o)
{
    return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot create weak reference to '%s' object",
                          pyl_type_name(t, o));
}

/* A new weak reference of `type` (ref or a subclass, or a proxy type) to o. The
 * basic (callback-less) ref and proxy are shared. */
static PylObject *make_ref(PylThread *t, PylType *type, PylObject *o, PylObject *callback)
{
    if (!pyl_weakref_supported(t, o)) {
        return cannot_refer(t, o);
    }
    if (callback == PYL_NONE) {
        callback = NULL;
    }
    PylWeakref *ref, *proxy;
    basic_refs(t, list_head(t, o), &ref, &proxy);
    bool is_proxy =
        type->base_kind == PYL_K_WEAKPROXY || type->base_kind == PYL_K_WEAKCALLABLEPROXY;
    if (callback == NULL && !is_proxy && type == PYL_TYPE(t, WEAKREF) && ref != NULL) {
        return pyl_incref(&ref->ob);
    }
    if (callback == NULL && is_proxy && proxy != NULL) {
        return pyl_incref(&proxy->ob);
    }
    PylWeakref *wr = (PylWeakref *)pyl_obj_alloc(t, type, type->basicsize);
    if (wr == NULL) {
        return NULL;
    }
    wr->hash = -1;
    /* the allocation may have collected: look again */
    basic_refs(t, list_head(t, o), &ref, &proxy);
    PylWeakref *after;
    if (callback == NULL && type->kind == PYL_K_WEAKREF) {
        after = NULL; /* the basic ref goes first */
    } else if (callback == NULL && is_proxy) {
        after = ref; /* the basic proxy after it */
    } else {
        after = proxy != NULL ? proxy : ref;
    }
    if (link_ref(t, o, wr, after) < 0) {
        pyl_decref(t, &wr->ob);
        return NULL;
    }
    wr->callback = pyl_xincref(callback);
    return &wr->ob;
}

PylObject *pyl_weakref_new(PylThread *t, PylObject *o, PylObject *callback)
{
    return make_ref(t, PYL_TYPE(t, WEAKREF), o, callback);
}

PylObject *pyl_weakref_proxy_new(PylThread *t, PylObject *o, PylObject *callback)
{
    bool callable = PYL_IS_PTR(o) && o->type->call != NULL;
    return make_ref(t, callable ? PYL_TYPE(t, WEAKCALLABLEPROXY) : PYL_TYPE(t, WEAKPROXY), o,
                    callback);
}

/* ---- death of a referent -------------------------------------------------------- */

/* Detach every weak reference from o (their referent becomes NULL). Those with a
 * callback are appended to `out` (new references) unless skip(wr) says not to. */
static int detach_all(PylThread *t, PylObject *o, bool (*skip)(PylObject *wr), PylObject *out)
{
    WeakSlot *s = table_find(t->vm, o);
    set_has_weakrefs(o, false);
    if (s == NULL) {
        return 0;
    }
    PylWeakref *wr = s->head;
    table_remove(t->vm, s);
    int r = 0;
    while (wr != NULL) {
        PylWeakref *next = wr->next;
        wr->referent = NULL;
        wr->prev = wr->next = NULL;
        if (wr->callback != NULL && out != NULL && (skip == NULL || !skip(&wr->ob)) &&
            wr->ob.refcnt > 0 && pyl_list_append(t, out, &wr->ob) < 0) {
            r = -1;
        }
        wr = next;
    }
    return r;
}

void pyl_weakref_call_callback(PylThread *t, PylObject *wr)
{
    PylObject *cb = WR(wr)->callback;
    if (cb == NULL) {
        return;
    }
    pyl_incref(cb);
    PylObject *r = pyl_call1(t, cb, wr);
    if (r == NULL) {
        /* "Exception ignored in: <function cb at 0x...>" */
        PylObject *exc = pyl_err_fetch(t);
        PylObject *rep = pyl_repr(t, cb);
        pyl_err_clear(t);
        char where[200];
        snprintf(where, sizeof where, "%s", rep ? PYL_STR_DATA(rep) : "<weakref callback>");
        pyl_xdecref(t, rep);
        pyl_err_restore(t, exc);
        pyl_err_write_unraisable(t, where);
    } else {
        pyl_decref(t, r);
    }
    pyl_decref(t, cb);
}

/* Call the callbacks of the weak references in `list`, in order. */
static void run_callbacks(PylThread *t, PylObject *list)
{
    PylObject *pending = pyl_err_fetch(t);
    for (intptr_t i = 0; i < PYL_LIST_SIZE(list); i++) {
        pyl_weakref_call_callback(t, PYL_LIST_ITEM(list, i));
    }
    pyl_err_restore(t, pending);
}

void pyl_weakref_clear_referent(PylThread *t, PylObject *o)
{
    PylWeakref *head = list_head(t, o);
    if (head == NULL) {
        set_has_weakrefs(o, false);
        return;
    }
    if (t->vm->gc.no_callbacks) {
        detach_all(t, o, NULL, NULL);
        return;
    }
    if (head->next == NULL) {
        /* the common case: one weak reference, no list needed */
        PylObject *wr = pyl_incref(&head->ob);
        detach_all(t, o, NULL, NULL);
        if (head->callback != NULL) {
            PylObject *pending = pyl_err_fetch(t);
            pyl_weakref_call_callback(t, wr);
            pyl_err_restore(t, pending);
        }
        pyl_decref(t, wr);
        return;
    }
    PylObject *pending = pyl_err_fetch(t);
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        pyl_err_clear(t);
        detach_all(t, o, NULL, NULL);
        pyl_err_restore(t, pending);
        return;
    }
    if (detach_all(t, o, NULL, list) < 0) {
        pyl_err_clear(t);
    }
    run_callbacks(t, list);
    pyl_decref(t, list);
    pyl_err_restore(t, pending);
}

int pyl_weakref_clear_for_gc(PylThread *t, PylObject *o, bool (*is_garbage)(PylObject *wr),
                             PylObject *pending)
{
    return detach_all(t, o, is_garbage, pending);
}

void pyl_weakref_detach(PylThread *t, PylObject *o)
{
    detach_all(t, o, NULL, NULL);
}

void pyl_weakref_forget(PylThread *t, PylObject *wr)
{
    if (WR(wr)->referent != NULL) {
        unlink_ref(t, WR(wr));
        WR(wr)->referent = NULL;
    }
}

/* ---- weakref.ref ---------------------------------------------------------------- */

static PylObject *ref_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "ref", kwnames) < 0 || pyl_check_nargs(t, "__new__", nargs, 1, 2) < 0) {
        return NULL;
    }
    return make_ref(t, type, args[0], nargs > 1 ? args[1] : NULL);
}

static int ref_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                    PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "ref", kwnames) < 0 || pyl_check_nargs(t, "__init__", nargs, 1, 2) < 0) {
        return -1;
    }
    return 0;
}

static void ref_dealloc(PylThread *t, PylObject *self)
{
    PylWeakref *wr = WR(self);
    if (wr->referent != NULL) {
        unlink_ref(t, wr);
        wr->referent = NULL;
    }
    PYL_CLEAR(t, wr->callback);
    pyl_obj_free(t, self);
}

static int ref_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylObject *cb = WR(self)->callback;
    return cb != NULL ? visit(cb, arg) : 0;
}

static void ref_clear(PylThread *t, PylObject *self)
{
    PYL_CLEAR(t, WR(self)->callback);
}

static PylObject *ref_call(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "weakref", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "weakref expected 0 arguments, got %zd",
                              (ssize_t)nargs);
    }
    PylObject *o = WR(self)->referent;
    return o != NULL ? pyl_incref(o) : PYL_NONE;
}

static PylHash ref_hash(PylThread *t, PylObject *self)
{
    PylWeakref *wr = WR(self);
    if (wr->hash != -1) {
        return wr->hash;
    }
    if (wr->referent == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "weak object has gone away");
        return -1;
    }
    PylObject *o = pyl_incref(wr->referent);
    wr->hash = pyl_hash(t, o);
    pyl_decref(t, o);
    return wr->hash;
}

static PylObject *ref_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if ((op != PYL_EQ && op != PYL_NE) || !(PYL_IS_WEAKREF(a) || PYL_IS_WEAKPROXY(a)) ||
        !(PYL_IS_WEAKREF(b) || PYL_IS_WEAKPROXY(b))) {
        return PYL_NOTIMPLEMENTED;
    }
    PylObject *x = WR(a)->referent, *y = WR(b)->referent;
    if (x == NULL || y == NULL) {
        return PYL_BOOL((a == b) == (op == PYL_EQ));
    }
    pyl_incref(x);
    pyl_incref(y);
    PylObject *r = pyl_richcompare(t, x, y, op);
    pyl_decref(t, x);
    pyl_decref(t, y);
    return r;
}

static PylObject *ref_repr(PylThread *t, PylObject *self)
{
    PylObject *o = WR(self)->referent;
    if (o == NULL) {
        return pyl_str_format_c(t, "<weakref at %p; dead>", (void *)self);
    }
    pyl_incref(o);
    PylObject *name = pyl_getattr_opt(t, o, PYL_NAME(t, __name__));
    PylObject *r = NULL;
    if (name == NULL && pyl_err_occurred(t)) {
        goto done;
    }
    if (name != NULL && PYL_IS_STR(name)) {
        r = pyl_str_format_c(t, "<weakref at %p; to '%s' at %p (%U)>", (void *)self,
                             PYL_TYPEOF(t, o)->name, (void *)o, name);
    } else {
        r = pyl_str_format_c(t, "<weakref at %p; to '%s' at %p>", (void *)self,
                             PYL_TYPEOF(t, o)->name, (void *)o);
    }
done:
    pyl_xdecref(t, name);
    pyl_decref(t, o);
    return r;
}

static PylObject *ref_get_callback(PylThread *t, PylObject *self)
{
    PylObject *cb = WR(self)->callback;
    return cb != NULL ? pyl_incref(cb) : PYL_NONE;
}

static const PylMethodDef ref_methods[] = {
    PYL_METHOD_CLASS_GETITEM,
    PYL_METHOD_END,
};

static const PylGetSetDef ref_getset[] = {
    {"__callback__", ref_get_callback, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_weakref_type = {
    .name = "weakref.ReferenceType",
    .kind = PYL_K_WEAKREF,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylWeakref),
    .dealloc = ref_dealloc,
    .traverse = ref_traverse,
    .clear = ref_clear,
    .repr = ref_repr,
    .hash = ref_hash,
    .richcompare = ref_richcompare,
    .call = ref_call,
    .new_ = ref_new,
    .init = ref_init,
    .methods = ref_methods,
    .getset = ref_getset,
};

/* ---- proxies -------------------------------------------------------------------- */

/* The referent (new reference), or NULL + ReferenceError. */
static PylObject *referent(PylThread *t, PylObject *proxy)
{
    PylObject *o = WR(proxy)->referent;
    if (o == NULL) {
        return pyl_err_format(t, PYL_EXC(t, ReferenceError),
                              "weakly-referenced object no longer exists");
    }
    return pyl_incref(o);
}

/* A proxy operand unwrapped (new reference); other values as they are. */
static PylObject *unwrap(PylThread *t, PylObject *o)
{
    return PYL_IS_WEAKPROXY(o) ? referent(t, o) : pyl_incref(o);
}

static PylObject *proxy_getattr(PylThread *t, PylObject *self, PylObject *name)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return NULL;
    }
    PylObject *r = pyl_getattr(t, o, name);
    pyl_decref(t, o);
    return r;
}

static int proxy_setattr(PylThread *t, PylObject *self, PylObject *name, PylObject *value)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return -1;
    }
    int r = value != NULL ? pyl_setattr(t, o, name, value) : pyl_delattr(t, o, name);
    pyl_decref(t, o);
    return r;
}

static PylObject *proxy_repr(PylThread *t, PylObject *self)
{
    PylObject *o = WR(self)->referent;
    return pyl_str_format_c(t, "<weakproxy at %p; to '%s' at %p>", (void *)self,
                            o ? PYL_TYPEOF(t, o)->name : "NoneType", (void *)o);
}

#define PROXY_UNARY(fname, call)                                                                   \
    static PylObject *fname(PylThread *t, PylObject *self)                                         \
    {                                                                                              \
        PylObject *o = referent(t, self);                                                          \
        if (o == NULL) {                                                                           \
            return NULL;                                                                           \
        }                                                                                          \
        PylObject *r = call;                                                                       \
        pyl_decref(t, o);                                                                          \
        return r;                                                                                  \
    }
PROXY_UNARY(proxy_str, pyl_str(t, o))
PROXY_UNARY(proxy_iter, pyl_iter(t, o))
PROXY_UNARY(proxy_neg, pyl_neg(t, o))
PROXY_UNARY(proxy_pos, pyl_pos(t, o))
PROXY_UNARY(proxy_abs, pyl_abs(t, o))
PROXY_UNARY(proxy_invert, pyl_invert(t, o))
PROXY_UNARY(proxy_int, pyl_call1(t, (PylObject *)PYL_TYPE(t, INT), o))
PROXY_UNARY(proxy_float, pyl_call1(t, (PylObject *)PYL_TYPE(t, FLOAT), o))
PROXY_UNARY(proxy_index, pyl_number_index(t, o))

static PylObject *proxy_iternext(PylThread *t, PylObject *self)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return NULL;
    }
    PylUnaryFn next = PYL_TYPEOF(t, o)->iternext;
    PylObject *r = next != NULL ? next(t, o)
                                : pyl_err_format(t, PYL_EXC(t, TypeError),
                                                 "Weakref proxy referenced a non-iterator '%T' "
                                                 "object",
                                                 o);
    pyl_decref(t, o);
    return r;
}

static int proxy_bool(PylThread *t, PylObject *self)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return -1;
    }
    int r = pyl_is_true(t, o);
    pyl_decref(t, o);
    return r;
}

static intptr_t proxy_len(PylThread *t, PylObject *self)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return -1;
    }
    intptr_t r = pyl_len(t, o);
    pyl_decref(t, o);
    return r;
}

static PylObject *proxy_getitem(PylThread *t, PylObject *self, PylObject *key)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return NULL;
    }
    PylObject *r = pyl_getitem(t, o, key);
    pyl_decref(t, o);
    return r;
}

static int proxy_setitem(PylThread *t, PylObject *self, PylObject *key, PylObject *value)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return -1;
    }
    int r = value != NULL ? pyl_setitem(t, o, key, value) : pyl_delitem(t, o, key);
    pyl_decref(t, o);
    return r;
}

static int proxy_contains(PylThread *t, PylObject *self, PylObject *item)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return -1;
    }
    int r = pyl_contains(t, o, item);
    pyl_decref(t, o);
    return r;
}

static PylObject *proxy_call(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    PylObject *o = referent(t, self);
    if (o == NULL) {
        return NULL;
    }
    PylObject *r = pyl_call(t, o, args, nargs, kwnames);
    pyl_decref(t, o);
    return r;
}

static PylObject *proxy_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    PylObject *x = unwrap(t, a);
    PylObject *y = x ? unwrap(t, b) : NULL;
    PylObject *r = y ? pyl_richcompare(t, x, y, op) : NULL;
    pyl_xdecref(t, x);
    pyl_xdecref(t, y);
    return r;
}

static PylObject *proxy_binop(PylThread *t, PylObject *a, PylObject *b, int op, bool inplace)
{
    PylObject *x = unwrap(t, a);
    PylObject *y = x ? unwrap(t, b) : NULL;
    PylObject *r = NULL;
    if (y != NULL) {
        r = inplace ? pyl_inplace_binop(t, x, y, op) : pyl_binop(t, x, y, op);
    }
    pyl_xdecref(t, x);
    pyl_xdecref(t, y);
    return r;
}

#define PROXY_BINOP(OP, lower)                                                                     \
    static PylObject *proxy_##lower(PylThread *t, PylObject *a, PylObject *b)                      \
    {                                                                                              \
        return proxy_binop(t, a, b, PYL_NB_##OP, false);                                           \
    }                                                                                              \
    static PylObject *proxy_i##lower(PylThread *t, PylObject *a, PylObject *b)                     \
    {                                                                                              \
        return proxy_binop(t, a, b, PYL_NB_##OP, true);                                            \
    }
PROXY_BINOP(ADD, add)
PROXY_BINOP(AND, and)
PROXY_BINOP(FLOORDIV, floordiv)
PROXY_BINOP(LSHIFT, lshift)
PROXY_BINOP(MATMUL, matmul)
PROXY_BINOP(MUL, mul)
PROXY_BINOP(MOD, mod)
PROXY_BINOP(OR, or)
PROXY_BINOP(POW, pow)
PROXY_BINOP(RSHIFT, rshift)
PROXY_BINOP(SUB, sub)
PROXY_BINOP(TRUEDIV, truediv)
PROXY_BINOP(XOR, xor)

static PylObject *proxy_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot create '%s' instances", type->name);
}

#define PROXY_TYPE(cname, tname, KIND, callfn)                                                     \
    const PylType cname = {                                                                        \
        .name = tname,                                                                             \
        .kind = PYL_K_##KIND,                                                                      \
        .flags = PYL_TF_GC,                                                                        \
        .basicsize = sizeof(PylWeakref),                                                           \
        .dealloc = ref_dealloc,                                                                    \
        .traverse = ref_traverse,                                                                  \
        .clear = ref_clear,                                                                        \
        .repr = proxy_repr,                                                                        \
        .str = proxy_str,                                                                          \
        .hash = pyl_hash_unhashable,                                                               \
        .richcompare = proxy_richcompare,                                                          \
        .getattr = proxy_getattr,                                                                  \
        .setattr = proxy_setattr,                                                                  \
        .call = callfn,                                                                            \
        .iter = proxy_iter,                                                                        \
        .iternext = proxy_iternext,                                                                \
        .len = proxy_len,                                                                          \
        .getitem = proxy_getitem,                                                                  \
        .setitem = proxy_setitem,                                                                  \
        .contains = proxy_contains,                                                                \
        .nb = {proxy_add, proxy_and, proxy_floordiv, proxy_lshift, proxy_matmul, proxy_mul,        \
               proxy_mod, proxy_or, proxy_pow, proxy_rshift, proxy_sub, proxy_truediv, proxy_xor}, \
        .inb = {proxy_iadd, proxy_iand, proxy_ifloordiv, proxy_ilshift, proxy_imatmul, proxy_imul, \
                proxy_imod, proxy_ior, proxy_ipow, proxy_irshift, proxy_isub, proxy_itruediv,      \
                proxy_ixor},                                                                       \
        .neg = proxy_neg,                                                                          \
        .pos = proxy_pos,                                                                          \
        .abs = proxy_abs,                                                                          \
        .invert = proxy_invert,                                                                    \
        .int_ = proxy_int,                                                                         \
        .float_ = proxy_float,                                                                     \
        .index = proxy_index,                                                                      \
        .bool_ = proxy_bool,                                                                       \
        .new_ = proxy_new,                                                                         \
    }

PROXY_TYPE(pyl_weakproxy_type, "weakref.ProxyType", WEAKPROXY, NULL);
PROXY_TYPE(pyl_weakcallableproxy_type, "weakref.CallableProxyType", WEAKCALLABLEPROXY, proxy_call);
