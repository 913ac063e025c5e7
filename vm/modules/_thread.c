/* _thread.c — the _thread module: starting OS threads that run Python code in
 * this VM, locks, and thread-local data (threading.py builds on these).
 *
 * Locks live entirely under the GIL: `locked` is a plain flag that only the
 * GIL holder reads or writes, so an uncontended acquire/release is a flag
 * flip. A thread that must wait puts a Waiter (on its own C stack) in the
 * lock's FIFO queue and parks without the GIL (gil.h); release() clears the
 * flag and wakes the first waiter, which takes the GIL back and retries
 * (another thread may have taken the lock first: it queues again).
 *
 *     lock: locked | owner, count (RLock) | head -> Waiter -> Waiter <- tail
 *
 * A waiting thread keeps the lock alive (its frame holds the lock), and never
 * touches the lock again before it holds the GIL.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vm/core.h"
#include "vm/gil.h"
#include "vm/modules/sys.h"

/* The longest timeout a lock accepts, in seconds (CPython's on 64-bit Linux). */
#define TIMEOUT_MAX_S 9223372036.0
/* Stack of a new thread when _thread.stack_size() was not set, and the least we
 * give one (the C-stack guard keeps PYL_CSTACK_RESERVE of it free). */
#define DEFAULT_STACK (8 * 1024 * 1024)
#define MIN_REAL_STACK (4 * PYL_CSTACK_RESERVE)

PYL_INTERNAL void pyl_lock_release_sentinels(PylThread *t);

typedef struct Waiter {
    struct Waiter *next, *prev;
    PylThread *t;
    bool queued;
} Waiter;

typedef struct Lock {
    PylObject ob;
    bool locked;
    unsigned long owner; /* RLock: get_ident() of the owner */
    uintptr_t count;     /* RLock: recursion count */
    Waiter *head, *tail;
} Lock;

static unsigned long current_ident(void)
{
    return (unsigned long)pthread_self();
}

/* ---- timeouts ----------------------------------------------------------------------- */

int pyl_time_from_object(PylThread *t, PylObject *o, int64_t *ns)
{
    if (PYL_IS_FLOAT(o)) {
        double d = PYL_FLOAT_VALUE(o);
        if (isnan(d)) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "Invalid value NaN (not a number)");
            return -1;
        }
        d = ceil(d * 1e9);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            pyl_err_format(t, PYL_EXC(t, OverflowError),
                           "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *ns = (int64_t)d;
        return 0;
    }
    if (!PYL_IS_INT(o)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "'%s' object cannot be interpreted as an integer",
                       pyl_type_name(t, o));
        return -1;
    }
    int64_t s;
    if (pyl_int_as_i64(t, o, &s) < 0 || s > INT64_MAX / 1000000000 || s < INT64_MIN / 1000000000) {
        pyl_err_clear(t);
        pyl_err_format(t, PYL_EXC(t, OverflowError),
                       "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *ns = s * 1000000000;
    return 0;
}

/* ---- locks ---------------------------------------------------------------------------- */

static void enqueue(Lock *lk, Waiter *w, PylThread *t)
{
    w->t = t;
    w->next = NULL;
    w->prev = lk->tail;
    if (lk->tail != NULL) {
        lk->tail->next = w;
    } else {
        lk->head = w;
    }
    lk->tail = w;
    w->queued = true;
}

static void dequeue(Lock *lk, Waiter *w)
{
    if (w->prev != NULL) {
        w->prev->next = w->next;
    } else {
        lk->head = w->next;
    }
    if (w->next != NULL) {
        w->next->prev = w->prev;
    } else {
        lk->tail = w->prev;
    }
    w->queued = false;
}

/* Take the lock, waiting up to timeout_ns (< 0: forever). 1 taken, 0 timed
 * out, -1 error. */
static int lock_take(PylThread *t, Lock *lk, int64_t timeout_ns)
{
    if (!lk->locked) {
        lk->locked = true;
        return 1;
    }
    if (timeout_ns == 0) {
        return 0;
    }
    int64_t deadline = timeout_ns < 0 ? -1 : pyl_monotonic_ns() + timeout_ns;
    Waiter w;
    for (;;) {
        if (pyl_park_prepare(t) < 0) { /* MemoryError, or a host's interrupt */
            return -1;
        }
        enqueue(lk, &w, t);
        pyl_park_wait(t, deadline);
        if (w.queued) {
            dequeue(lk, &w);
        }
        if (!lk->locked) {
            lk->locked = true;
            return 1;
        }
        if (deadline >= 0 && pyl_monotonic_ns() >= deadline) {
            return 0;
        }
    }
}

static void lock_give(Lock *lk)
{
    lk->locked = false;
    Waiter *w = lk->head;
    if (w != NULL) {
        dequeue(lk, w);
        pyl_park_wake(w->t);
    }
}

/* acquire(blocking=True, timeout=-1) -> the timeout in ns (-1 forever, 0 try). */
static int parse_acquire(PylThread *t, const char *fname, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames, int64_t *timeout_ns)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    const PylArgSpec spec = {fname, names, 0, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return -1;
    }
    int blocking = 1;
    if (a[0] != NULL && (blocking = pyl_is_true(t, a[0])) < 0) {
        return -1;
    }
    const int64_t unset = -1000000000;
    int64_t timeout = unset;
    if (a[1] != NULL && pyl_time_from_object(t, a[1], &timeout) < 0) {
        return -1;
    }
    if (!blocking && timeout != unset) {
        pyl_err_format(t, PYL_EXC(t, ValueError),
                       "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != unset) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "timeout value must be positive");
        return -1;
    }
    if (!blocking) {
        timeout = 0;
    } else if (timeout == unset) {
        timeout = -1;
    } else if (timeout / 1000 > (int64_t)(TIMEOUT_MAX_S * 1e6)) {
        pyl_err_format(t, PYL_EXC(t, OverflowError), "timeout value is too large");
        return -1;
    }
    *timeout_ns = timeout;
    return 0;
}

static PylObject *new_lock(PylThread *t, PylType *type)
{
    return pyl_obj_alloc(t, type, type->basicsize);
}

static void lock_dealloc(PylThread *t, PylObject *self)
{
    pyl_obj_free(t, self);
}

static PylObject *lock_acquire(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    int64_t timeout;
    if (parse_acquire(t, "acquire", args, nargs, kwnames, &timeout) < 0) {
        return NULL;
    }
    int r = lock_take(t, (Lock *)self, timeout);
    return r < 0 ? NULL : r ? PYL_TRUE : PYL_FALSE;
}

static PylObject *lock_enter(PylThread *t, PylObject *self)
{
    return lock_take(t, (Lock *)self, -1) < 0 ? NULL : PYL_TRUE;
}

static PylObject *lock_release(PylThread *t, PylObject *self)
{
    Lock *lk = (Lock *)self;
    if (!lk->locked) {
        return pyl_err_format(t, PYL_EXC(t, RuntimeError), "release unlocked lock");
    }
    lock_give(lk);
    return PYL_NONE;
}

static PylObject *lock_exit(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return lock_release(t, self);
}

static PylObject *lock_locked(PylThread *t, PylObject *self)
{
    return ((Lock *)self)->locked ? PYL_TRUE : PYL_FALSE;
}

static PylObject *lock_repr(PylThread *t, PylObject *self)
{
    return pyl_str_format_c(t, "<%s %s object at %p>",
                            ((Lock *)self)->locked ? "locked" : "unlocked", self->type->name,
                            (void *)self);
}

static const PylMethodDef lock_methods[] = {
    PYL_METHOD_KW("acquire", lock_acquire),
    PYL_METHOD_KW("acquire_lock", lock_acquire),
    PYL_METHOD_NOARGS("release", lock_release),
    PYL_METHOD_NOARGS("release_lock", lock_release),
    PYL_METHOD_NOARGS("locked", lock_locked),
    PYL_METHOD_NOARGS("locked_lock", lock_locked),
    PYL_METHOD_NOARGS("__enter__", lock_enter),
    PYL_METHOD_FAST("__exit__", lock_exit),
    PYL_METHOD_END,
};

const PylType pyl_lock_type = {
    .name = "_thread.lock",
    .kind = PYL_K_LOCK,
    .basicsize = sizeof(Lock),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .methods = lock_methods,
};

/* ---- RLock --------------------------------------------------------------------------- */

static PylObject *rlock_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    return new_lock(t, type);
}

static PylObject *rlock_acquire(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames)
{
    Lock *lk = (Lock *)self;
    int64_t timeout;
    if (parse_acquire(t, "acquire", args, nargs, kwnames, &timeout) < 0) {
        return NULL;
    }
    unsigned long me = current_ident();
    if (lk->count > 0 && lk->owner == me) {
        if (lk->count == UINTPTR_MAX) {
            return pyl_err_format(t, PYL_EXC(t, OverflowError), "Internal lock count overflowed");
        }
        lk->count++;
        return PYL_TRUE;
    }
    int r = lock_take(t, lk, timeout);
    if (r <= 0) {
        return r < 0 ? NULL : PYL_FALSE;
    }
    lk->owner = me;
    lk->count = 1;
    return PYL_TRUE;
}

static PylObject *rlock_enter(PylThread *t, PylObject *self)
{
    return rlock_acquire(t, self, NULL, 0, NULL);
}

static PylObject *rlock_release(PylThread *t, PylObject *self)
{
    Lock *lk = (Lock *)self;
    if (lk->count == 0 || lk->owner != current_ident()) {
        return pyl_err_format(t, PYL_EXC(t, RuntimeError), "cannot release un-acquired lock");
    }
    if (--lk->count == 0) {
        lk->owner = 0;
        lock_give(lk);
    }
    return PYL_NONE;
}

static PylObject *rlock_exit(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    return rlock_release(t, self);
}

static PylObject *rlock_is_owned(PylThread *t, PylObject *self)
{
    Lock *lk = (Lock *)self;
    return lk->count > 0 && lk->owner == current_ident() ? PYL_TRUE : PYL_FALSE;
}

static PylObject *rlock_recursion_count(PylThread *t, PylObject *self)
{
    Lock *lk = (Lock *)self;
    return pyl_int_from_u64(t, lk->owner == current_ident() ? lk->count : 0);
}

/* For Condition.wait: release completely, return the state to restore. */
static PylObject *rlock_release_save(PylThread *t, PylObject *self)
{
    Lock *lk = (Lock *)self;
    if (lk->count == 0) {
        return pyl_err_format(t, PYL_EXC(t, RuntimeError), "cannot release un-acquired lock");
    }
    PylObject *count = pyl_int_from_u64(t, lk->count);
    PylObject *owner = count ? pyl_int_from_u64(t, lk->owner) : NULL;
    PylObject *r = owner ? pyl_tuple_pack(t, 2, count, owner) : NULL;
    pyl_xdecref(t, count);
    pyl_xdecref(t, owner);
    if (r == NULL) {
        return NULL;
    }
    lk->count = 0;
    lk->owner = 0;
    lock_give(lk);
    return r;
}

static PylObject *rlock_acquire_restore(PylThread *t, PylObject *self, PylObject *state)
{
    Lock *lk = (Lock *)self;
    if (!PYL_IS_TUPLE(state) || PYL_TUPLE_SIZE(state) != 2) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "_acquire_restore() argument must be a "
                              "(count, owner) tuple");
    }
    uint64_t count, owner;
    int64_t c, o;
    if (pyl_int_as_i64(t, PYL_TUPLE_ITEM(state, 0), &c) < 0 ||
        pyl_int_as_i64(t, PYL_TUPLE_ITEM(state, 1), &o) < 0) {
        return NULL;
    }
    count = (uint64_t)c;
    owner = (uint64_t)o;
    if (lock_take(t, lk, -1) < 0) {
        return NULL;
    }
    lk->owner = (unsigned long)owner;
    lk->count = (uintptr_t)count;
    return PYL_NONE;
}

static PylObject *rlock_repr(PylThread *t, PylObject *self)
{
    Lock *lk = (Lock *)self;
    PylType *type = self->type;
    PylObject *mod = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __module__));
    return pyl_str_format_c(t, "<%s %s.%U object owner=%lu count=%lu at %p>",
                            lk->locked ? "locked" : "unlocked",
                            mod && PYL_IS_STR(mod) ? PYL_STR_DATA(mod) : "_thread", type->qualname,
                            lk->owner, (unsigned long)lk->count, (void *)self);
}

static const PylMethodDef rlock_methods[] = {
    PYL_METHOD_KW("acquire", rlock_acquire),
    PYL_METHOD_NOARGS("release", rlock_release),
    PYL_METHOD_NOARGS("__enter__", rlock_enter),
    PYL_METHOD_FAST("__exit__", rlock_exit),
    PYL_METHOD_NOARGS("_is_owned", rlock_is_owned),
    PYL_METHOD_NOARGS("_recursion_count", rlock_recursion_count),
    PYL_METHOD_NOARGS("_release_save", rlock_release_save),
    PYL_METHOD_O("_acquire_restore", rlock_acquire_restore),
    PYL_METHOD_END,
};

const PylType pyl_rlock_type = {
    .name = "_thread.RLock",
    .kind = PYL_K_RLOCK,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(Lock),
    .dealloc = lock_dealloc,
    .repr = rlock_repr,
    .new_ = rlock_new,
    .methods = rlock_methods,
};

/* Locks a thread holds until it ends (threading's join waits on one). */
void pyl_lock_release_sentinels(PylThread *t)
{
    PylObject *list = t->sentinels;
    t->sentinels = NULL;
    if (list == NULL) {
        return;
    }
    for (intptr_t i = 0; i < PYL_LIST_SIZE(list); i++) {
        Lock *lk = (Lock *)PYL_LIST_ITEMS(list)[i];
        if (lk->locked) {
            lock_give(lk);
        }
    }
    pyl_decref(t, list);
}

/* ---- thread-local data ------------------------------------------------------------------ */

/* A _local keeps one attribute dict per thread, in that thread's local_dicts
 * under the key id(local); `dict` is the dict of the thread that used it last,
 * swapped in before each attribute access so the generic protocol finds it. */
typedef struct Local {
    PylObject ob;
    PylObject *dict;
    PylObject *args;   /* constructor arguments: other threads' first use */
    PylObject *kwargs; /* calls __init__ with them (NULL: none) */
} Local;

static PylObject *local_key(PylObject *self)
{
    return PYL_SMALLINT((intptr_t)self >> 3);
}

/* Make self->dict the current thread's dict; a thread's first use of a local
 * whose class has an __init__ runs it (when init is true). */
static int local_select(PylThread *t, PylObject *self, bool init)
{
    Local *lo = (Local *)self;
    if (t->local_dicts == NULL && (t->local_dicts = pyl_dict_new(t)) == NULL) {
        return -1;
    }
    PylObject *key = local_key(self);
    PylObject *d = pyl_dict_get(t, t->local_dicts, key);
    if (d != NULL) {
        if (lo->dict != d) {
            pyl_setref(t, &lo->dict, pyl_incref(d));
        }
        return 0;
    }
    d = pyl_dict_new(t);
    if (d == NULL || pyl_dict_set(t, t->local_dicts, key, d) < 0) {
        pyl_xdecref(t, d);
        return -1;
    }
    pyl_setref(t, &lo->dict, d);
    if (init && self->type->init != PYL_TYPE(t, OBJECT)->init) {
        PylObject *m = pyl_getattr(t, self, PYL_NAME(t, __init__));
        PylObject *r = m ? pyl_call_tuple_dict(t, m, lo->args, lo->kwargs) : NULL;
        pyl_xdecref(t, m);
        if (r == NULL) {
            PylObject *exc = pyl_err_fetch(t);
            pyl_xdecref(t, pyl_dict_pop(t, t->local_dicts, key));
            pyl_err_restore(t, exc);
            return -1;
        }
        pyl_decref(t, r);
    }
    return 0;
}

static PylObject *local_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    if ((nargs > 0 || nkw > 0) && type->init == PYL_TYPE(t, OBJECT)->init) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "Initialization arguments are not supported");
    }
    Local *lo = (Local *)pyl_obj_alloc(t, type, type->basicsize);
    if (lo == NULL) {
        return NULL;
    }
    lo->args = pyl_tuple_from_array(t, args, nargs);
    if (lo->args == NULL) {
        goto error;
    }
    if (nkw > 0) {
        lo->kwargs = pyl_dict_new(t);
        if (lo->kwargs == NULL) {
            goto error;
        }
        for (intptr_t i = 0; i < nkw; i++) {
            if (pyl_dict_set(t, lo->kwargs, PYL_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
                goto error;
            }
        }
    }
    if (local_select(t, (PylObject *)lo, false) < 0) {
        goto error;
    }
    return (PylObject *)lo;
error:
    pyl_decref(t, (PylObject *)lo);
    return NULL;
}

static void local_clear(PylThread *t, PylObject *self)
{
    Local *lo = (Local *)self;
    PYL_CLEAR(t, lo->dict);
    PYL_CLEAR(t, lo->args);
    PYL_CLEAR(t, lo->kwargs);
}

static void local_dealloc(PylThread *t, PylObject *self)
{
    PylObject *key = local_key(self);
    PylObject *exc = pyl_err_fetch(t);
    for (PylThread *th = t->vm->threads; th != NULL; th = th->next_thread) {
        if (th->local_dicts != NULL) {
            pyl_xdecref(t, pyl_dict_pop(t, th->local_dicts, key));
        }
    }
    if (t->local_dicts != NULL) { /* a thread past its teardown (not in the list) */
        pyl_xdecref(t, pyl_dict_pop(t, t->local_dicts, key));
    }
    pyl_err_restore(t, exc);
    local_clear(t, self);
    pyl_obj_free(t, self);
}

static int local_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    Local *lo = (Local *)self;
    PylObject *fields[] = {lo->dict, lo->args, lo->kwargs};
    for (int i = 0; i < 3; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

/* The type's name as CPython's messages give it ('_thread._local'). */
static const char *local_type_name(PylThread *t, PylObject *self)
{
    return self->type->flags & PYL_TF_HEAPTYPE ? pyl_type_name(t, self) : self->type->name;
}

static PylObject *local_getattr(PylThread *t, PylObject *self, PylObject *name)
{
    if (local_select(t, self, true) < 0) {
        return NULL;
    }
    PylObject *r = pyl_generic_getattr_opt(t, self, name);
    if (r == NULL && t->exc == NULL) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "'%s' object has no attribute '%U'",
                       local_type_name(t, self), name);
    }
    return r;
}

static int local_setattr(PylThread *t, PylObject *self, PylObject *name, PylObject *value)
{
    if (PYL_IS_STR(name) && pyl_str_equal_cstr(name, "__dict__")) {
        pyl_err_format(t, PYL_EXC(t, AttributeError),
                       "'%s' object attribute '__dict__' is read-only", local_type_name(t, self));
        return -1;
    }
    if (local_select(t, self, true) < 0) {
        return -1;
    }
    return pyl_generic_setattr(t, self, name, value);
}

static PylObject *local_get_dict(PylThread *t, PylObject *self)
{
    if (local_select(t, self, true) < 0) {
        return NULL;
    }
    return pyl_incref(((Local *)self)->dict);
}

static const PylGetSetDef local_getset[] = {
    {"__dict__", local_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_thread_local_type = {
    .name = "_thread._local",
    .kind = PYL_K_THREAD_LOCAL,
    .flags = PYL_TF_GC | PYL_TF_BASETYPE,
    .basicsize = sizeof(Local),
    .dictoffset = offsetof(Local, dict),
    .dealloc = local_dealloc,
    .traverse = local_traverse,
    .clear = local_clear,
    .getattr = local_getattr,
    .setattr = local_setattr,
    .new_ = local_new,
    .getset = local_getset,
    .doc = "Thread-local data",
};

/* ---- threads ------------------------------------------------------------------------------ */

typedef struct Boot {
    PylThread *t;
    PylObject *func, *args, *kwargs;
} Boot;

/* "Exception ignored in thread started by: <func>" and the traceback. */
static void report_unhandled(PylThread *t, PylObject *func)
{
    PylObject *exc = pyl_err_fetch(t);
    PylObject *r = pyl_repr(t, func);
    PylObject *line =
        r ? pyl_str_format_c(t, "Exception ignored in thread started by: %U\n", r) : NULL;
    pyl_err_clear(t);
    if (line != NULL) {
        pyl_sys_write_stderr(t, PYL_STR_DATA(line), PYL_STR_NBYTES(line));
    }
    pyl_xdecref(t, line);
    pyl_xdecref(t, r);
    pyl_err_print(t, exc);
    pyl_decref(t, exc);
}

static void *thread_main(void *arg)
{
    Boot *b = arg;
    PylThread *t = b->t;
    pyl_thread_attach(t);
    PylObject *r = pyl_call_tuple_dict(t, b->func, b->args, b->kwargs);
    if (r == NULL) {
        if (pyl_err_matches(t, PYL_EXC(t, SystemExit))) {
            pyl_err_clear(t);
        } else {
            report_unhandled(t, b->func);
        }
    }
    pyl_xdecref(t, r);
    pyl_decref(t, b->func);
    pyl_decref(t, b->args);
    pyl_xdecref(t, b->kwargs);
    free(b);
    pyl_thread_exit(t);
    return NULL;
}

static PylObject *m_start_new_thread(PylThread *t, PylObject *self, PylObject *const *args,
                                     intptr_t nargs)
{
    if (pyl_check_nargs(t, "start_new_thread", nargs, 2, 3) < 0) {
        return NULL;
    }
    PylObject *func = args[0], *fargs = args[1], *kwargs = nargs > 2 ? args[2] : NULL;
    if (!pyl_callable(t, func)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "first arg must be callable");
    }
    if (!PYL_IS_TUPLE(fargs)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "2nd arg must be a tuple");
    }
    if (kwargs != NULL && !PYL_IS_DICT(kwargs)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "optional 3rd arg must be a dictionary");
    }
    if (pyl_gil_enable(t) < 0) {
        return NULL;
    }
    Boot *b = malloc(sizeof(Boot));
    PylThread *nt = b ? pyl_thread_new(t) : NULL;
    if (nt == NULL) {
        free(b);
        return b ? NULL : pyl_err_nomemory(t);
    }
    b->t = nt;
    b->func = pyl_incref(func);
    b->args = pyl_incref(fargs);
    b->kwargs = pyl_xincref(kwargs);
    size_t size = t->vm->thread_stack_size ? t->vm->thread_stack_size : DEFAULT_STACK;
    if (size < MIN_REAL_STACK) {
        size = MIN_REAL_STACK;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, size);
    pthread_t tid;
    int err = pthread_create(&tid, &attr, thread_main, b);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        pyl_decref(t, b->func);
        pyl_decref(t, b->args);
        pyl_xdecref(t, b->kwargs);
        free(b);
        pyl_thread_abort(nt);
        return pyl_err_format(t, PYL_EXC(t, RuntimeError), "can't start new thread");
    }
    return pyl_int_from_u64(t, (unsigned long)tid);
}

static PylObject *m_allocate_lock(PylThread *t, PylObject *self)
{
    return new_lock(t, PYL_TYPE(t, LOCK));
}

static PylObject *m_get_ident(PylThread *t, PylObject *self)
{
    return pyl_int_from_u64(t, current_ident());
}

static PylObject *m_get_native_id(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, (intptr_t)gettid());
}

static PylObject *m_count(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, t->vm->nthreads);
}

static PylObject *m_stack_size(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs)
{
    if (pyl_check_nargs(t, "stack_size", nargs, 0, 1) < 0) {
        return NULL;
    }
    size_t old = t->vm->thread_stack_size;
    if (nargs == 1) {
        intptr_t n;
        if (pyl_int_as_ssize(t, args[0], &n) < 0) {
            return NULL;
        }
        if (n != 0 && n < 32768) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "size not valid: %zd bytes",
                                  (ssize_t)n);
        }
        t->vm->thread_stack_size = (size_t)n;
    }
    return pyl_int_from_ssize(t, (intptr_t)old);
}

static PylObject *m_exit(PylThread *t, PylObject *self)
{
    pyl_err_set(t, PYL_EXC(t, SystemExit), PYL_NONE);
    return NULL;
}

/* A lock, held until the calling thread ends (threading.Thread.join waits on it). */
static PylObject *m_set_sentinel(PylThread *t, PylObject *self)
{
    PylObject *lk = new_lock(t, PYL_TYPE(t, LOCK));
    if (lk == NULL) {
        return NULL;
    }
    ((Lock *)lk)->locked = true;
    if (t->sentinels == NULL && (t->sentinels = pyl_list_new(t, 0)) == NULL) {
        pyl_decref(t, lk);
        return NULL;
    }
    if (pyl_list_append(t, t->sentinels, lk) < 0) {
        pyl_decref(t, lk);
        return NULL;
    }
    return lk;
}

static const PylMethodDef thread_methods[] = {
    PYL_METHOD_FAST("start_new_thread", m_start_new_thread),
    PYL_METHOD_FAST("start_new", m_start_new_thread),
    PYL_METHOD_NOARGS("allocate_lock", m_allocate_lock),
    PYL_METHOD_NOARGS("allocate", m_allocate_lock),
    PYL_METHOD_NOARGS("get_ident", m_get_ident),
    PYL_METHOD_NOARGS("get_native_id", m_get_native_id),
    PYL_METHOD_NOARGS("_count", m_count),
    PYL_METHOD_FAST("stack_size", m_stack_size),
    PYL_METHOD_NOARGS("exit", m_exit),
    PYL_METHOD_NOARGS("exit_thread", m_exit),
    PYL_METHOD_NOARGS("_set_sentinel", m_set_sentinel),
    PYL_METHOD_END,
};

static int thread_init(PylThread *t, PylObject *m)
{
    if (pyl_module_add(t, m, "LockType", pyl_incref((PylObject *)PYL_TYPE(t, LOCK))) < 0 ||
        pyl_module_add(t, m, "RLock", pyl_incref((PylObject *)PYL_TYPE(t, RLOCK))) < 0 ||
        pyl_module_add(t, m, "_local", pyl_incref((PylObject *)PYL_TYPE(t, THREAD_LOCAL))) < 0 ||
        pyl_module_add(t, m, "error", pyl_incref((PylObject *)PYL_EXC(t, RuntimeError))) < 0 ||
        pyl_module_add(t, m, "TIMEOUT_MAX", pyl_float_new(t, TIMEOUT_MAX_S)) < 0) {
        return -1;
    }
    return 0;
}

const PylModuleDef pyl_module__thread = {
    "_thread", thread_methods, thread_init,
    "This module provides primitive operations to write multi-threaded programs.\n"
    "The 'threading' module provides a more convenient interface."};
