/* gil.h — threads inside one VM: the global interpreter lock, thread states
 * and parking (waiting for another thread without holding the GIL).
 *
 * A VM starts single-threaded with no GIL at all (vm->gil == NULL, t->gil ==
 * NULL): releasing and taking it are a test of one pointer. The first
 * _thread.start_new_thread makes the GIL (held by the starting thread); from
 * then on exactly one thread of the VM runs Python code or touches VM objects
 * at a time. The GIL is CPython's 3.2+ "new GIL":
 *
 *     holder runs ... waiter: timed wait on `cond` for the switch interval;
 *                     still the same holder afterwards? set PYL_EB_GIL_DROP in
 *                     the holder's eval_breaker
 *     holder: the eval loop sees eval_breaker != 0 (backward jump, function
 *     entry), drops the GIL, signals `cond`, and waits on `switch_cond` until
 *     another thread took it (no convoy: it cannot take it straight back)
 *
 * Blocking calls (read(), sleep, lock waits, join) bracket the blocking part
 * with pyl_gil_release / pyl_gil_acquire, and touch no VM object in between.
 *
 * Lifetime rule (VM teardown with daemon threads still running): a thread that
 * does not hold the GIL touches only its own PylThread, its PylPark and the
 * PylGIL. Those three are owned by the OS thread (PylGIL is reference counted:
 * the VM plus every started thread), never freed by the VM while the thread
 * lives. At teardown the VM sets `finalizing`; any other thread that tries to
 * take the GIL afterwards blocks forever (it never touches the freed VM), and
 * process exit ends it. So a daemon thread costs its stack until the process
 * ends, and the VM never waits for it (CPython 3.11 makes such threads exit
 * at the same point).
 */
#ifndef PYL_GIL_H
#define PYL_GIL_H

#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "vm/vm.h"

/* Bits of PylThread.eval_breaker: work the eval loop must do soon. */
enum {
    PYL_EB_GIL_DROP = 1,  /* another thread waits for the GIL: drop it */
    PYL_EB_INTERRUPT = 2, /* pyl_vm_interrupt: raise the exception in bits 8..15 */
};

/* An async interrupt (pyl_vm_interrupt, possibly from another OS thread) sets
 * PYL_EB_INTERRUPT and the index of the exception to raise in one atomic OR:
 *
 *     eval_breaker:  | 31 .. 16 unused | 15 .. 8 exception index | 7 .. 2 | INTERRUPT | GIL_DROP |
 *
 * The index is into a fixed table of builtin exception names (gil.c), so the
 * interrupting thread never touches a VM object. */
#define PYL_EB_EXC_SHIFT 8
#define PYL_EB_EXC_MASK (0xFFu << PYL_EB_EXC_SHIFT)

/* The index of exc_name in the interrupt table (TimeoutError, KeyboardInterrupt,
 * SystemExit, MemoryError, RuntimeError), or -1. */
PYL_INTERNAL int pyl_interrupt_index(const char *exc_name);

/* Switch interval of a new VM, in microseconds (sys.setswitchinterval). */
#define PYL_SWITCH_INTERVAL_US 5000

/* Called by the eval loop when t->eval_breaker is non-zero (with the frame's ip
 * and sp saved). 0, or -1 with an exception set. */
PYL_INTERNAL int pyl_eval_breaker_run(PylThread *t);

static inline bool pyl_eval_breaker_pending(PylThread *t)
{
    return atomic_load_explicit(&t->eval_breaker, memory_order_relaxed) != 0;
}

/* ---- the GIL ---------------------------------------------------------------------- */

/* Make the VM multi-threaded (before each thread start): create the GIL, held
 * by t, unless it exists. 0, or -1 + MemoryError, or RuntimeError once VM
 * teardown began. */
PYL_INTERNAL int pyl_gil_enable(PylThread *t);

PYL_INTERNAL void pyl_gil_drop(PylThread *t);
PYL_INTERNAL void pyl_gil_take(PylThread *t);

/* Let other threads run while t blocks (no VM object may be touched until
 * pyl_gil_acquire). Free when the VM never started a thread. */
static inline void pyl_gil_release(PylThread *t)
{
    if (t->gil != NULL) {
        pyl_gil_drop(t);
    }
}
static inline void pyl_gil_acquire(PylThread *t)
{
    if (t->gil != NULL) {
        pyl_gil_take(t);
    }
}
#define PYL_BEGIN_ALLOW_THREADS(t)                                                                 \
    {                                                                                              \
        PylThread *pyl_gil_t_ = (t);                                                               \
        pyl_gil_release(pyl_gil_t_);
#define PYL_END_ALLOW_THREADS                                                                      \
    pyl_gil_acquire(pyl_gil_t_);                                                                   \
    }

/* sys.setswitchinterval: the interval in microseconds (> 0). */
PYL_INTERNAL void pyl_gil_set_interval(PylVM *vm, long us);

/* ---- thread states ------------------------------------------------------------------ */

/* A new thread state for vm, linked into vm->threads (the caller holds the GIL,
 * which must exist). NULL + MemoryError. */
PYL_INTERNAL PylThread *pyl_thread_new(PylThread *t);
/* Undo pyl_thread_new when the OS thread could not be started. */
PYL_INTERNAL void pyl_thread_abort(PylThread *nt);
/* Start of a new OS thread running nt: its C stack limit and ids, then the GIL. */
PYL_INTERNAL void pyl_thread_attach(PylThread *nt);
/* End of a thread started by pyl_thread_new: drop its objects and frames,
 * release its sentinel locks, unlink it, drop the GIL for good and free it.
 * Called by the thread itself, holding the GIL. */
PYL_INTERNAL void pyl_thread_exit(PylThread *t);
/* VM teardown, from the thread that destroys the VM, holding the GIL: no other
 * thread of the VM will run again (see the lifetime rule above). */
PYL_INTERNAL void pyl_threads_finalize(PylThread *t);
/* The last of the VM: drop the VM's reference to the GIL, free t's park. */
PYL_INTERNAL void pyl_threads_fini(PylThread *t);

/* ---- parking: waiting for a wake-up from another thread ------------------------------- */

/* Protocol (all under the GIL except the wait itself): the waiter calls
 * pyl_park_prepare, publishes itself (a lock's wait queue), then pyl_park_wait;
 * a waker unpublishes it and calls pyl_park_wake. A wake-up before the wait is
 * not lost. Every wait is interruptible by the host (pyl_vm_interrupt, which
 * wakes the park): prepare returns -1 with the interrupt's exception raised when
 * one is pending (or with MemoryError), 0 otherwise. */
PYL_INTERNAL int pyl_park_prepare(PylThread *t);
/* Wait, without the GIL, until woken or until deadline (CLOCK_MONOTONIC in ns;
 * < 0 = none). true when woken. */
PYL_INTERNAL bool pyl_park_wait(PylThread *t, int64_t deadline_ns);
PYL_INTERNAL void pyl_park_wake(PylThread *other);

/* Sleep without the GIL until deadline (CLOCK_MONOTONIC in ns), unless an async
 * interrupt (pyl_vm_interrupt, which wakes the park) comes first: 0 after the
 * full sleep, or -1 with the interrupt's exception raised. For time.sleep and
 * any other wait that a host's request timeout must be able to end. */
PYL_INTERNAL int pyl_sleep_until(PylThread *t, int64_t deadline_ns);
/* Wake t's park if it has one (from any OS thread, holding nothing): the
 * second half of an async interrupt. */
PYL_INTERNAL void pyl_park_wake_if_parked(PylThread *t);

/* A timeout or duration in seconds (int or float) as nanoseconds, rounded up
 * (CPython's _PyTime_FromSecondsObject): 0, or -1 with TypeError, ValueError
 * (NaN) or OverflowError. Defined in vm/modules/_thread.c. */
PYL_INTERNAL int pyl_time_from_object(PylThread *t, PylObject *o, int64_t *ns);

/* CLOCK_MONOTONIC in nanoseconds. */
static inline int64_t pyl_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#endif
