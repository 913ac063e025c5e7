/* vm.c — creating and destroying an interpreter.
 *
 * Start-up order matters: the builtin types are copied first (nothing works
 * without them), then the few objects everything else uses (interned-string
 * table, empty str/tuple/bytes, one-character strs, names.def), then every type
 * is made ready (dicts filled), then the builtins and sys modules.
 *
 * Teardown frees everything the VM allocated: modules are emptied, then every
 * object still alive in the GC list (reference cycles) is cleared, then the
 * shared singletons and the types go. A debug build checks the heap is empty.
 * A process about to exit can stop after the modules are emptied and the
 * cycles they held are collected (pyl_vm_finish): what is left is memory.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>

#include "vm/core.h"
#include "vm/frame.h"
#include "vm/weakref.h"
#include "vm/gil.h"
#include "vm/pyl.h"
#include "vm/builtins.h"

PYL_INTERNAL int pyl_sys_init(PylThread *t);
PYL_INTERNAL void pyl_float_fini(PylThread *t);
PYL_INTERNAL void pyl_embed_fini(PylThread *t);

int pyl_recursion_error(PylThread *t, const char *where)
{
    t->depth--;
    char here;
    if (&here < t->cstack_limit - PYL_CSTACK_RESERVE / 2) {
        /* Far past the soft limit: do not even try to build an exception. */
        fprintf(stderr, "Fatal Python error: C stack exhausted\n");
        abort();
    }
    pyl_err_format(t, PYL_EXC(t, RecursionError), "maximum recursion depth exceeded%s", where);
    return -1;
}

/* The lowest address this OS thread's C code may use before we raise. Asked of
 * the system once per OS thread (pthread_getattr_np is a few syscalls, and an
 * embedder may lend a VM to a different worker thread for every request) and
 * kept in thread-local storage: state of the OS thread, never shared. */
static __thread char *thread_stack_limit;

static char *compute_stack_limit(void)
{
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) {
        return NULL;
    }
    int r = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        return NULL;
    }
    /* The frame asking must lie well inside the answer. It does not under
     * valgrind in a forked child (the main thread's stack is found too small):
     * then trust only a modest stack below this frame. */
    uintptr_t here = (uintptr_t)__builtin_frame_address(0), lo = (uintptr_t)addr;
    if (PYL_UNLIKELY(here < lo + 2 * PYL_CSTACK_RESERVE || here >= lo + size)) {
        return (char *)(here - PYL_CSTACK_FALLBACK + PYL_CSTACK_RESERVE);
    }
    return (char *)addr + PYL_CSTACK_RESERVE;
}

static char *stack_limit(void)
{
    if (PYL_UNLIKELY(thread_stack_limit == NULL)) {
        thread_stack_limit = compute_stack_limit();
    }
    return thread_stack_limit;
}

PYL_INTERNAL char *pyl_stack_limit(void);
char *pyl_stack_limit(void)
{
    return stack_limit();
}

PylThread *pyl_vm_thread(PylVM *vm)
{
    PylThread *t = vm->main_thread;
    t->cstack_limit = stack_limit(); /* the calling OS thread's (cached) */
    if (PYL_UNLIKELY(t->released)) {
        t->released = false;
        pyl_gil_take(t);
    }
    return t;
}

static void init_hash_key(PylVM *vm)
{
    const char *seed = getenv("PYLHASHSEED");
    if (seed == NULL) {
        seed = getenv("PYTHONHASHSEED");
    }
    if (seed != NULL && strcmp(seed, "random") != 0) {
        uint64_t s = strtoull(seed, NULL, 10);
        vm->hash_key[0] = s * 0x9E3779B97F4A7C15ULL;
        vm->hash_key[1] = s ^ 0xC2B2AE3D27D4EB4FULL;
        return;
    }
    if (getrandom(vm->hash_key, sizeof vm->hash_key, 0) != sizeof vm->hash_key) {
        vm->hash_key[0] = (uint64_t)(uintptr_t)vm ^ 0x9E3779B97F4A7C15ULL;
        vm->hash_key[1] = (uint64_t)(uintptr_t)&vm;
    }
}

static int init_singletons(PylThread *t)
{
    PylVM *vm = t->vm;
    PylStr *e = (PylStr *)pyl_obj_alloc(t, vm->types[PYL_K_STR], (intptr_t)sizeof(PylStr) + 1);
    if (e == NULL) {
        return -1;
    }
    e->hash = -1;
    e->ascii = 1;
    vm->empty_str = (PylObject *)e;
    vm->interned = pyl_dict_new(t);
    vm->empty_tuple = pyl_tuple_new(t, 0);
    vm->empty_bytes = pyl_bytes_new(t, "", 0);
    if (vm->interned == NULL || vm->empty_tuple == NULL || vm->empty_bytes == NULL) {
        return -1;
    }
    for (int c = 0; c < 256; c++) {
        char buf[4];
        PylObject *s = pyl_str_new(t, buf, pyl_utf8_encode((uint32_t)c, buf));
        if (s == NULL || (c < 128 && (s = pyl_str_intern(t, s)) == NULL)) {
            return -1;
        }
        vm->latin1_chars[c] = s;
    }
    static const char *const names[] = {
#define PYL_NAME_ENTRY(ident) #ident,
#include "vm/names.def"
#undef PYL_NAME_ENTRY
    };
    for (int i = 0; i < PYL_NAME_COUNT; i++) {
        vm->names[i] = pyl_str_intern_cstr(t, names[i]);
        if (vm->names[i] == NULL) {
            return -1;
        }
    }
    return 0;
}

PylVM *pyl_vm_create(void)
{
    return pyl_vm_create_config(NULL);
}

PylVM *pyl_vm_create_config(const PylConfig *cfg)
{
    PylVM *vm = calloc(1, sizeof(PylVM));
    PylThread *t = calloc(1, sizeof(PylThread));
    if (vm == NULL || t == NULL) {
        free(vm);
        free(t);
        return NULL;
    }
    t->vm = vm;
    t->cstack_limit = stack_limit();
    vm->main_thread = t;
    vm->threads = t;
    vm->switch_interval_us = PYL_SWITCH_INTERVAL_US;
    vm->recursion_limit = PYL_RECURSION_LIMIT;
    if (cfg != NULL) {
        if (cfg->recursion_limit > 0) {
            vm->recursion_limit = cfg->recursion_limit;
        }
        vm->stdout_hook = cfg->write_out;
        vm->stderr_hook = cfg->write_err;
        vm->hook_ctx = cfg->ctx;
    }
    vm->int_max_str_digits = PYL_INT_MAX_STR_DIGITS;
    pyl_gc_init(vm);
    init_hash_key(vm);
    if (pyl_types_init(t) < 0) {
        goto fail;
    }
    pyl_exceptions_patch(vm);
    if (init_singletons(t) < 0 || pyl_types_ready_all(t) < 0) {
        goto fail;
    }
    vm->memory_error = pyl_call0(t, (PylObject *)PYL_EXC(t, MemoryError));
    vm->modules = pyl_dict_new(t);
    vm->argv = pyl_list_new(t, 0);
    vm->path = pyl_list_new(t, 0);
    vm->importing = pyl_set_new(t, NULL);
    if (vm->memory_error == NULL || vm->modules == NULL || vm->argv == NULL || vm->path == NULL ||
        vm->importing == NULL || pyl_builtins_init(t) < 0 || pyl_sys_init(t) < 0) {
        goto fail;
    }
    pyl_gc_start(t);
    return vm;
fail:
    if (t->exc != NULL) {
        pyl_err_print(t, t->exc);
    }
    fprintf(stderr, "pyl: cannot initialise the interpreter\n");
    pyl_vm_destroy(vm);
    return NULL;
}

/* Wait for threading's non-daemon threads (threading._shutdown, as CPython at
 * exit), then stop every other thread of the VM for good (see gil.h). */
static void shutdown_threads(PylThread *t)
{
    PylVM *vm = t->vm;
    PylObject *mod = vm->gil && vm->modules ? pyl_dict_get_cstr(t, vm->modules, "threading") : NULL;
    PylObject *name = mod ? pyl_str_from_cstr(t, "_shutdown") : NULL;
    if (name != NULL) {
        pyl_incref(mod);
        PylObject *r = pyl_call_method(t, mod, name, NULL, 0);
        if (r == NULL) {
            pyl_err_write_unraisable(t, "<function _shutdown>");
        }
        pyl_xdecref(t, r);
        pyl_decref(t, mod);
        pyl_decref(t, name);
    }
    pyl_err_clear(t);
    pyl_threads_finalize(t);
    PYL_CLEAR(t, t->local_dicts);
    PYL_CLEAR(t, t->sentinels);
}

/* As CPython's finalization: forget __main__ and collect, so that the program's
 * objects in cycles die (running __del__ and weakref callbacks) while sys and
 * builtins still work. Then no more automatic collections. */
static void collect_main(PylThread *t)
{
    PylVM *vm = t->vm;
    if (vm->main_module != NULL && vm->gc.started) {
        if (vm->modules != NULL &&
            pyl_dict_get_cstr(t, vm->modules, "__main__") == vm->main_module &&
            pyl_dict_del(t, vm->modules, PYL_NAME(t, __main__)) < 0) {
            pyl_err_clear(t);
        }
        PYL_CLEAR(t, vm->main_module);
        pyl_gc_collect(t, PYL_GC_NGENS - 1);
    }
    vm->gc.finalizing = true;
    pyl_gc_update_trigger(vm);
}

/* The part of teardown that can run Python code: threading's shutdown, then the
 * modules emptied (__del__s, finally blocks, weakref callbacks, files flushed and
 * closed as their last references go). */
static void finalize_modules(PylThread *t)
{
    PylVM *vm = t->vm;
    shutdown_threads(t);
    PYL_CLEAR(t, t->exc);
    PYL_CLEAR(t, t->exc_info);
    PYL_CLEAR(t, t->repr_stack);
    collect_main(t);
    /* Empty the modules' namespaces: __main__ first, builtins last, so code that
     * still runs (finally blocks of generators, __del__) finds the builtins. */
    if (vm->main_module != NULL && PYL_MODULE_DICT(vm->main_module) != NULL) {
        pyl_dict_clear(t, PYL_MODULE_DICT(vm->main_module));
    }
    if (vm->modules != NULL) {
        intptr_t pos = 0;
        PylObject *k, *m;
        while (pyl_dict_next(vm->modules, &pos, &k, &m)) {
            if (PYL_IS_KIND(m, MODULE) && m != vm->builtins_module && m != vm->sys &&
                PYL_MODULE_DICT(m) != NULL) {
                pyl_dict_clear(t, PYL_MODULE_DICT(m));
            }
        }
        if (vm->sys != NULL && PYL_MODULE_DICT(vm->sys) != NULL) {
            pyl_dict_clear(t, PYL_MODULE_DICT(vm->sys));
        }
        if (vm->builtins != NULL) {
            pyl_dict_clear(t, vm->builtins);
        }
    }
    PYL_CLEAR(t, vm->main_module);
    PYL_CLEAR(t, vm->modules);
    PYL_CLEAR(t, vm->sys);
    PYL_CLEAR(t, vm->builtins_module);
    PYL_CLEAR(t, vm->builtins);
    PYL_CLEAR(t, vm->argv);
    PYL_CLEAR(t, vm->path);
    PYL_CLEAR(t, vm->importing);
    PYL_CLEAR(t, vm->io_unsupported);
    PYL_CLEAR(t, vm->gc.garbage);
    PYL_CLEAR(t, vm->gc.callbacks);
    PYL_CLEAR(t, t->exc);
}

void pyl_vm_finish(PylVM *vm)
{
    PylThread *t = pyl_vm_thread(vm);
    finalize_modules(t);
    /* what the modules held in cycles (pyl_gc_free_all would clear it) */
    vm->gc.no_callbacks = true;
    pyl_gc_collect(t, PYL_GC_NGENS - 1);
    PYL_CLEAR(t, t->exc);
}

void pyl_vm_destroy(PylVM *vm)
{
    if (vm == NULL) {
        return;
    }
    PylThread *t = vm->main_thread;
    finalize_modules(t);
    pyl_gc_free_all(t);
    PYL_CLEAR(t, vm->memory_error);
    for (int i = 0; i < PYL_NAME_COUNT; i++) {
        PYL_CLEAR(t, vm->names[i]);
    }
    for (int c = 0; c < 256; c++) {
        PYL_CLEAR(t, vm->latin1_chars[c]);
    }
    if (vm->interned != NULL) {
        /* interned strs are marked so; unmark them or they would compare unequal */
        intptr_t pos = 0;
        PylObject *k, *v;
        while (pyl_dict_next(vm->interned, &pos, &k, &v)) {
            ((PylStr *)k)->interned = 0;
        }
        PYL_CLEAR(t, vm->interned);
    }
    PYL_CLEAR(t, vm->empty_tuple);
    PYL_CLEAR(t, vm->empty_bytes);
    PYL_CLEAR(t, vm->empty_str);
    pyl_gc_free_all(t);
    pyl_embed_fini(t);
    pyl_types_fini(t);
    pyl_weakref_fini(vm);
    pyl_float_fini(t);
    pyl_frames_fini(t);
    pyl_threads_fini(t);
#ifdef PYL_DEBUG
    if (vm->heap_bytes != 0 && !vm->abandoned_threads && getenv("PYL_NO_LEAK_CHECK") == NULL) {
        fprintf(stderr, "pyl: %zu bytes still allocated at VM teardown\n", vm->heap_bytes);
    }
#endif
    free(t);
    free(vm);
}
