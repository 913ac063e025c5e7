/* gil.c — the GIL of a VM, thread states and parking (see gil.h for the design
 * and the lifetime rule that makes VM teardown safe with daemon threads).
 *
 * The PylGIL, as CPython's new GIL:
 *
 *     mutex         guards every field below
 *     locked        some thread holds the GIL (holder)
 *     switch_number counts hand-overs: a waiter that timed out asks for a drop
 *                   only if nobody took the GIL meanwhile
 *     cond          signalled when the GIL is dropped (waiters take it)
 *     switch_cond   signalled when the GIL is taken (a thread that dropped it on
 *                   request waits for this, so it cannot take it straight back)
 *     refs          the VM plus every thread started: the last one frees it
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm/core.h"
#include "vm/frame.h"
#include "vm/gil.h"

typedef struct PylGIL {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    pthread_cond_t switch_cond;
    bool locked;
    bool finalizing;      /* the VM is being destroyed: only `finalizer` may run */
    PylThread *holder;    /* the thread holding the GIL (valid while locked) */
    PylThread *finalizer; /* the thread destroying the VM */
    unsigned long switch_number;
    int waiting; /* threads waiting in take */
    int refs;
    long interval_us;
} PylGIL;

typedef struct PylPark {
    pthread_mutex_t mutex;
    pthread_cond_t cond; /* CLOCK_MONOTONIC */
    bool woken;
} PylPark;

PYL_INTERNAL char *pyl_stack_limit(void);
PYL_INTERNAL void pyl_lock_release_sentinels(PylThread *t);

static void init_cond(pthread_cond_t *c)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(c, &attr);
    pthread_condattr_destroy(&attr);
}

static void deadline_to_timespec(int64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / 1000000000);
    ts->tv_nsec = (long)(ns % 1000000000);
}

/* Never return: the VM this thread belonged to is gone or going. */
static _Noreturn void block_forever(void)
{
    for (;;) {
        pause();
    }
}

/* ---- the eval breaker ---------------------------------------------------------------- */

/* Drop the GIL on request and wait until another thread took it, then queue
 * for it again. */
static void yield_gil(PylThread *t)
{
    PylGIL *g = t->gil;
    pthread_mutex_lock(&g->mutex);
    atomic_fetch_and_explicit(&t->eval_breaker, ~(uint32_t)PYL_EB_GIL_DROP, memory_order_relaxed);
    g->locked = false;
    pthread_cond_signal(&g->cond);
    unsigned long n = g->switch_number;
    while (g->switch_number == n && g->waiting > 0 && !g->finalizing) {
        pthread_cond_wait(&g->switch_cond, &g->mutex);
    }
    pthread_mutex_unlock(&g->mutex);
    pyl_gil_take(t);
}

/* The exceptions an async interrupt may raise (PYL_EB_EXC_MASK holds the index). */
static const char *const interrupt_names[] = {
    "TimeoutError", "KeyboardInterrupt", "SystemExit", "MemoryError", "RuntimeError",
};

int pyl_interrupt_index(const char *exc_name)
{
    for (size_t i = 0; i < sizeof interrupt_names / sizeof *interrupt_names; i++) {
        if (strcmp(interrupt_names[i], exc_name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Raise the pending async interrupt (taking it off the eval breaker). */
static int raise_interrupt(PylThread *t, uint32_t bits)
{
    atomic_fetch_and_explicit(&t->eval_breaker, ~(uint32_t)(PYL_EB_INTERRUPT | PYL_EB_EXC_MASK),
                              memory_order_relaxed);
    uint32_t i = (bits & PYL_EB_EXC_MASK) >> PYL_EB_EXC_SHIFT;
    const char *name =
        interrupt_names[i < sizeof interrupt_names / sizeof *interrupt_names ? i : 0];
    PylObject *cls = pyl_dict_get_cstr(t, t->vm->builtins, name);
    if (cls == NULL || !PYL_IS_EXCEPTION_TYPE(cls)) {
        pyl_err_clear(t);
        cls = (PylObject *)PYL_EXC(t, RuntimeError);
    }
    if (strcmp(name, "TimeoutError") == 0) {
        pyl_err_format(t, (PylType *)cls, "time limit exceeded (interrupted by the host)");
    } else {
        pyl_err_set(t, (PylType *)cls, NULL);
    }
    return -1;
}

int pyl_eval_breaker_run(PylThread *t)
{
    uint32_t bits = atomic_load_explicit(&t->eval_breaker, memory_order_relaxed);
    if ((bits & PYL_EB_GIL_DROP) && t->gil != NULL) {
        yield_gil(t);
    }
    if (bits & PYL_EB_INTERRUPT) {
        return raise_interrupt(t, bits);
    }
    return 0;
}

/* ---- the GIL -------------------------------------------------------------------------- */

int pyl_gil_enable(PylThread *t)
{
    PylVM *vm = t->vm;
    if (vm->threads_finalized) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError),
                       "can't create new thread at interpreter shutdown");
        return -1;
    }
    if (vm->gil != NULL) {
        return 0;
    }
    PylGIL *g = calloc(1, sizeof(PylGIL));
    if (g == NULL) {
        pyl_err_nomemory(t);
        return -1;
    }
    pthread_mutex_init(&g->mutex, NULL);
    init_cond(&g->cond);
    pthread_cond_init(&g->switch_cond, NULL);
    g->locked = true;
    g->holder = t;
    g->refs = 1; /* the VM's */
    g->interval_us = vm->switch_interval_us > 0 ? vm->switch_interval_us : PYL_SWITCH_INTERVAL_US;
    vm->gil = g;
    for (PylThread *th = vm->threads; th != NULL; th = th->next_thread) {
        th->gil = g;
    }
    vm->main_thread->gil = g;
    return 0;
}

void pyl_gil_drop(PylThread *t)
{
    PylGIL *g = t->gil;
    pthread_mutex_lock(&g->mutex);
    g->locked = false;
    pthread_cond_signal(&g->cond);
    pthread_mutex_unlock(&g->mutex);
}

void pyl_gil_take(PylThread *t)
{
    PylGIL *g = t->gil;
    pthread_mutex_lock(&g->mutex);
    if (g->locked) {
        g->waiting++;
        while (g->locked) {
            if (g->finalizing && t != g->finalizer) {
                break;
            }
            unsigned long n = g->switch_number;
            struct timespec ts;
            deadline_to_timespec(pyl_monotonic_ns() + (int64_t)g->interval_us * 1000, &ts);
            int r = pthread_cond_timedwait(&g->cond, &g->mutex, &ts);
            if (r == ETIMEDOUT && g->locked && g->switch_number == n && g->holder != NULL) {
                /* the holder had its interval: ask it to drop the GIL */
                atomic_fetch_or_explicit(&g->holder->eval_breaker, (uint32_t)PYL_EB_GIL_DROP,
                                         memory_order_relaxed);
            }
        }
        g->waiting--;
    }
    if (g->finalizing && t != g->finalizer) {
        pthread_mutex_unlock(&g->mutex);
        block_forever();
    }
    g->locked = true;
    g->holder = t;
    g->switch_number++;
    atomic_fetch_and_explicit(&t->eval_breaker, ~(uint32_t)PYL_EB_GIL_DROP, memory_order_relaxed);
    pthread_cond_broadcast(&g->switch_cond);
    pthread_mutex_unlock(&g->mutex);
}

void pyl_gil_set_interval(PylVM *vm, long us)
{
    vm->switch_interval_us = us;
    PylGIL *g = vm->gil;
    if (g != NULL) {
        pthread_mutex_lock(&g->mutex);
        g->interval_us = us;
        pthread_mutex_unlock(&g->mutex);
    }
}

/* Drop a reference to g (the caller does not hold its mutex). */
static void gil_unref(PylGIL *g)
{
    pthread_mutex_lock(&g->mutex);
    bool last = --g->refs == 0;
    pthread_mutex_unlock(&g->mutex);
    if (last) {
        pthread_mutex_destroy(&g->mutex);
        pthread_cond_destroy(&g->cond);
        pthread_cond_destroy(&g->switch_cond);
        free(g);
    }
}

/* ---- thread states --------------------------------------------------------------------- */

static void unlink_thread(PylThread *t);
static void free_park(PylThread *t);

PylThread *pyl_thread_new(PylThread *t)
{
    PylVM *vm = t->vm;
    PylThread *nt = calloc(1, sizeof(PylThread));
    if (nt == NULL) {
        pyl_err_nomemory(t);
        return NULL;
    }
    nt->vm = vm;
    nt->gil = vm->gil;
    pthread_mutex_lock(&vm->gil->mutex);
    vm->gil->refs++;
    pthread_mutex_unlock(&vm->gil->mutex);
    if (pyl_park_prepare(nt) < 0) {
        gil_unref(nt->gil);
        free(nt);
        pyl_err_nomemory(t);
        return NULL;
    }
    nt->next_thread = vm->threads;
    if (vm->threads != NULL) {
        vm->threads->prev_thread = nt;
    }
    vm->threads = nt;
    vm->nthreads++;
    return nt;
}

void pyl_thread_abort(PylThread *nt)
{
    unlink_thread(nt);
    nt->vm->nthreads--;
    gil_unref(nt->gil);
    free_park(nt);
    free(nt);
}

void pyl_thread_attach(PylThread *nt)
{
    nt->cstack_limit = pyl_stack_limit();
    pyl_gil_take(nt);
}

static void unlink_thread(PylThread *t)
{
    PylVM *vm = t->vm;
    if (t->prev_thread != NULL) {
        t->prev_thread->next_thread = t->next_thread;
    } else if (vm->threads == t) {
        vm->threads = t->next_thread;
    }
    if (t->next_thread != NULL) {
        t->next_thread->prev_thread = t->prev_thread;
    }
    t->next_thread = t->prev_thread = NULL;
}

static void free_park(PylThread *t)
{
    PylPark *p = t->park;
    if (p != NULL) {
        pthread_mutex_destroy(&p->mutex);
        pthread_cond_destroy(&p->cond);
        free(p);
        t->park = NULL;
    }
}

void pyl_thread_exit(PylThread *t)
{
    PYL_CLEAR(t, t->exc);
    PYL_CLEAR(t, t->exc_info);
    PYL_CLEAR(t, t->local_dicts);
    PYL_CLEAR(t, t->repr_stack);
    PYL_CLEAR(t, t->exc); /* a __del__ above may have raised */
    pyl_lock_release_sentinels(t);
    PYL_CLEAR(t, t->exc);
    pyl_frames_fini(t);
    unlink_thread(t);
    t->vm->nthreads--;
    PylGIL *g = t->gil;
    pthread_mutex_lock(&g->mutex);
    g->locked = false;
    g->holder = NULL;
    bool last = --g->refs == 0;
    pthread_cond_signal(&g->cond);
    pthread_mutex_unlock(&g->mutex);
    if (last) {
        pthread_mutex_destroy(&g->mutex);
        pthread_cond_destroy(&g->cond);
        pthread_cond_destroy(&g->switch_cond);
        free(g);
    }
    free_park(t);
    free(t);
}

void pyl_threads_finalize(PylThread *t)
{
    PylVM *vm = t->vm;
    PylGIL *g = vm->gil;
    vm->threads_finalized = true;
    if (g == NULL) {
        return;
    }
    pthread_mutex_lock(&g->mutex);
    g->finalizing = true;
    g->finalizer = t;
    pthread_cond_broadcast(&g->cond);
    pthread_cond_broadcast(&g->switch_cond);
    pthread_mutex_unlock(&g->mutex);
    /* The threads left are daemons that will block at their next take: forget
     * them (their states are theirs, see gil.h). */
    while (vm->threads != NULL) {
        PylThread *th = vm->threads;
        unlink_thread(th);
        if (th != t) {
            vm->abandoned_threads = true;
        }
    }
    vm->nthreads = 0;
}

void pyl_threads_fini(PylThread *t)
{
    PylVM *vm = t->vm;
    if (vm->gil != NULL) {
        PylGIL *g = vm->gil;
        vm->gil = NULL;
        t->gil = NULL;
        gil_unref(g);
    }
    free_park(t);
}

/* ---- parking ---------------------------------------------------------------------------- */

int pyl_park_prepare(PylThread *t)
{
    PylPark *p = t->park;
    if (p == NULL) {
        p = calloc(1, sizeof(PylPark));
        if (p == NULL) {
            pyl_err_nomemory(t);
            return -1;
        }
        pthread_mutex_init(&p->mutex, NULL);
        init_cond(&p->cond);
        __atomic_store_n(&t->park, p, __ATOMIC_RELEASE); /* see pyl_park_wake_if_parked */
    }
    pthread_mutex_lock(&p->mutex);
    p->woken = false;
    pthread_mutex_unlock(&p->mutex);
    /* looked at after the reset: an interrupt that comes later wakes the wait */
    uint32_t bits = atomic_load_explicit(&t->eval_breaker, memory_order_acquire);
    return bits & PYL_EB_INTERRUPT ? raise_interrupt(t, bits) : 0;
}

bool pyl_park_wait(PylThread *t, int64_t deadline_ns)
{
    PylPark *p = t->park;
    pyl_gil_release(t);
    pthread_mutex_lock(&p->mutex);
    struct timespec ts;
    if (deadline_ns >= 0) {
        deadline_to_timespec(deadline_ns, &ts);
    }
    while (!p->woken) {
        int r = deadline_ns < 0 ? pthread_cond_wait(&p->cond, &p->mutex)
                                : pthread_cond_timedwait(&p->cond, &p->mutex, &ts);
        if (r == ETIMEDOUT) {
            break;
        }
    }
    bool woken = p->woken;
    pthread_mutex_unlock(&p->mutex);
    pyl_gil_acquire(t);
    return woken;
}

void pyl_park_wake(PylThread *other)
{
    PylPark *p = other->park;
    pthread_mutex_lock(&p->mutex);
    p->woken = true;
    pthread_cond_signal(&p->cond);
    pthread_mutex_unlock(&p->mutex);
}

/* The park's pointer is set once by its own thread and stays until VM teardown,
 * so another thread may read it (atomically) while the VM lives. */
void pyl_park_wake_if_parked(PylThread *t)
{
    PylPark *p = __atomic_load_n(&t->park, __ATOMIC_ACQUIRE);
    if (p != NULL) {
        pyl_park_wake(t);
    }
}

int pyl_sleep_until(PylThread *t, int64_t deadline_ns)
{
    for (;;) {
        if (pyl_park_prepare(t) < 0) {
            return -1;
        }
        if (pyl_monotonic_ns() >= deadline_ns) {
            return 0;
        }
        pyl_park_wait(t, deadline_ns);
    }
}
