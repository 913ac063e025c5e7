/* vm.h — the interpreter (PylVM) and a thread running in it (PylThread).
 *
 * All mutable state of the runtime hangs off these two structs; there is no
 * global mutable state. A VM owns its heap, its type objects (copied from the
 * const templates in types.def), its interned strings and modules. A thread owns
 * its frame stack, its pending exception and its recursion depth.
 */
#ifndef PYL_VM_H
#define PYL_VM_H

#include <stdio.h>

#include "vm/object.h"
#include "vm/gc.h"

enum {
#define PYL_NAME_ENTRY(ident) PYL_NAME_ID_##ident,
#include "vm/names.def"
#undef PYL_NAME_ENTRY
    PYL_NAME_COUNT
};

/* The interned str for an identifier listed in names.def (borrowed). */
#define PYL_NAME(t, ident) ((t)->vm->names[PYL_NAME_ID_##ident])

/* Method cache entry: (type version, interned name) -> borrowed lookup result.
 * Valid while the type's version is unchanged; any change to a type's dict (or
 * an ancestor's) gives the type a new version. */
typedef struct PylMCacheEntry {
    uint32_t version;
    PylObject *name;
    PylObject *value; /* borrowed; NULL = "not found" */
} PylMCacheEntry;

/* Where sys.stdout / sys.stderr of a VM end up when no file object replaced them:
 * the embedder's hook, or the process's stdio. */
typedef void (*PylWriteHook)(void *ctx, const char *data, size_t n);

typedef struct PylFloat PylFloat;

struct PylVM {
    PylType *types[PYL_K_COUNT];
    PylType *tagged_types[PYL_TAGGED_TYPES]; /* indexed by the low 5 bits of a tagged value */
    PylObject *names[PYL_NAME_COUNT];

    PylObject *interned; /* dict str -> str: the interned strings */
    PylObject *builtins; /* dict: the builtins module's namespace */
    PylObject *builtins_module;
    PylObject *modules; /* dict: sys.modules */
    PylObject *sys;     /* the sys module */
    PylObject *main_module;

    /* Shared immutable singletons. */
    PylObject *empty_tuple;
    PylObject *empty_str;
    PylObject *empty_bytes;
    PylObject *latin1_chars[256]; /* one-character strs U+0000..U+00FF */
    PylObject *memory_error;      /* preallocated MemoryError instance */

    uint64_t hash_key[2]; /* SipHash key, random per VM (or from PYLHASHSEED) */

    PylFloat *float_free;
    int float_nfree;

    PylMCacheEntry mcache[1 << PYL_MCACHE_BITS];
    uint32_t next_type_version;
    uint32_t next_dict_version;

    int recursion_limit;
    int int_max_str_digits; /* sys.set_int_max_str_digits; 0 = no limit */
    PylThread *main_thread;

    PylWriteHook stdout_hook, stderr_hook;
    void *hook_ctx;

    PylGCState gc; /* the cycle collector's generations and settings (gc.h) */

    /* small-block size-class pools (vm/mem.c), NULL until used */
    struct PylPools *pools;
    size_t heap_bytes; /* bytes currently allocated through pyl_mem_* */
    size_t heap_limit; /* 0 = unlimited */

    PylObject *argv;         /* list for sys.argv */
    PylObject *path;         /* list for sys.path */
    int exit_code;           /* set by SystemExit reaching the top */
    bool ended_by_interrupt; /* an uncaught KeyboardInterrupt ended the program */

    struct PylEmbed *embed;    /* types made through pyl.h (vm/embed.c), NULL until used */
    PylObject *importing;      /* set of module names whose code is running */
    PylObject *io_unsupported; /* io.UnsupportedOperation, made on first use (fileio.c) */
    long import_stats[3];      /* source compiles, cache loads, cache writes */

    /* Threads (vm/gil.h). */
    struct PylGIL *gil;       /* NULL until the first thread starts */
    PylThread *threads;       /* every thread state, linked through next_thread */
    int nthreads;             /* threads started by _thread and not yet ended */
    bool threads_finalized;   /* teardown began: no new thread may start */
    bool abandoned_threads;   /* teardown left daemon threads blocked (no leak check) */
    long switch_interval_us;  /* sys.setswitchinterval */
    size_t thread_stack_size; /* _thread.stack_size(); 0 = the default */
};

typedef struct PylFrame PylFrame;
typedef struct PylFrameChunk PylFrameChunk;

struct PylThread {
    PylVM *vm;
    PylObject *exc;        /* the exception being raised (owned), or NULL */
    PylObject *exc_info;   /* the exception being handled (sys.exc_info()), owned, or NULL */
    PylFrame *frame;       /* innermost running Python frame */
    int depth;             /* Python calls + C re-entries into the VM */
    char *cstack_limit;    /* lowest safe C stack address (the stack grows down) */
    PylObject *repr_stack; /* list of containers whose repr is in progress */
    int dealloc_depth;     /* nested deallocations running (see pyl_dealloc) */
    PylObject *trash;      /* deallocations deferred past PYL_DEALLOC_DEPTH, linked
                              through their (dead) refcnt fields */

    bool released;                 /* the main thread: GIL given up by pyl_vm_release */
    struct PylBuf *stderr_capture; /* when set, the VM's own stderr output (tracebacks)
                                      is collected here (pyl_api_err_traceback) */

    PylFrameChunk *chunk; /* frame stack: bump allocated */
    PylObject **chunk_top;
    PylObject **chunk_end;

    /* Threads (vm/gil.h). */
    _Atomic uint32_t eval_breaker; /* PYL_EB_* requests to the eval loop */
    struct PylGIL *gil;            /* vm->gil once the VM has threads, else NULL */
    struct PylPark *park;          /* for waiting on locks; made on first use */
    PylThread *next_thread, *prev_thread;
    PylObject *local_dicts; /* dict: _thread._local key -> this thread's attributes */
    PylObject *sentinels;   /* list of locks released when the thread ends */
};

/* The str sys.exit() and the uncaught-exception printer write to when the program
 * ends. */
PYL_INTERNAL PylVM *pyl_vm_create(void);
/* The same with the settings start-up needs from an embedder's PylConfig (the
 * std-stream hooks, the recursion limit); NULL = defaults. */
struct PylConfig;
PYL_INTERNAL PylVM *pyl_vm_create_config(const struct PylConfig *cfg);
PYL_INTERNAL void pyl_vm_destroy(PylVM *vm);
/* For a process that exits next (the pyl command): what pyl_vm_destroy does
 * that a program can see (threading's shutdown, __del__s, finally blocks and
 * weakref callbacks of what the modules held, files flushed and closed, the
 * cycles left collected as CPython's finalization does), without freeing the
 * memory. The VM must not be used again, nor freed. */
PYL_INTERNAL void pyl_vm_finish(PylVM *vm);
/* The thread through which the embedding API runs code in vm (its main thread),
 * with the C stack bound of the calling OS thread (an embedder may lend a VM to
 * a different OS thread between calls) and the GIL taken back if pyl_vm_release
 * gave it up. */
PYL_INTERNAL PylThread *pyl_vm_thread(PylVM *vm);

/* Fails with RecursionError when the Python depth passes the limit or the C stack
 * is nearly used up. Every C function that may recurse without bound through user
 * code (repr of containers, eval re-entry, compare) brackets the recursion with
 * pyl_enter_call / pyl_leave_call. */
PYL_INTERNAL int pyl_recursion_error(PylThread *t, const char *where);
static inline int pyl_enter_call(PylThread *t, const char *where)
{
    char here;
    if (PYL_UNLIKELY(++t->depth > t->vm->recursion_limit || &here < t->cstack_limit)) {
        return pyl_recursion_error(t, where);
    }
    return 0;
}
static inline void pyl_leave_call(PylThread *t)
{
    t->depth--;
}

#endif
