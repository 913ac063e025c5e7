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

    PylGCHead gc_list; /* circular list of all live GC objects (sentinel) */
    intptr_t gc_count;

    size_t heap_bytes; /* bytes currently allocated through pyl_mem_* */
    size_t heap_limit; /* 0 = unlimited */

    PylObject *argv;         /* list for sys.argv */
    PylObject *path;         /* list for sys.path */
    int exit_code;           /* set by SystemExit reaching the top */
    bool ended_by_interrupt; /* an uncaught KeyboardInterrupt ended the program */

    PylObject *importing;      /* set of module names whose code is running */
    PylObject *io_unsupported; /* io.UnsupportedOperation, made on first use (fileio.c) */
    long import_stats[3];      /* source compiles, cache loads, cache writes */
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

    PylFrameChunk *chunk; /* frame stack: bump allocated */
    PylObject **chunk_top;
    PylObject **chunk_end;
};

/* The str sys.exit() and the uncaught-exception printer write to when the program
 * ends. */
PYL_INTERNAL PylVM *pyl_vm_create(void);
PYL_INTERNAL void pyl_vm_destroy(PylVM *vm);

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
