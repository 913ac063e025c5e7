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
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>

#include "vm/core.h"
#include "vm/frame.h"

PYL_INTERNAL int pyl_types_ready_all(PylThread *t);
PYL_INTERNAL void pyl_exceptions_patch(PylVM *vm);
PYL_INTERNAL int pyl_builtins_init(PylThread *t);
PYL_INTERNAL int pyl_sys_init(PylThread *t);
PYL_INTERNAL void pyl_float_fini(PylThread *t);

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

/* The lowest address this thread's C code may use before we raise. */
static char *stack_limit(void)
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
    return (char *)addr + PYL_CSTACK_RESERVE;
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
    vm->recursion_limit = PYL_RECURSION_LIMIT;
    vm->int_max_str_digits = PYL_INT_MAX_STR_DIGITS;
    vm->gc_list.next = vm->gc_list.prev = &vm->gc_list;
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
    return vm;
fail:
    if (t->exc != NULL) {
        pyl_err_print(t, t->exc);
    }
    fprintf(stderr, "pyl: cannot initialise the interpreter\n");
    pyl_vm_destroy(vm);
    return NULL;
}

/* Free every GC object still alive: what is left are reference cycles (or
 * objects kept alive only by them). Pin them all, clear them, unpin. */
static void free_cycles(PylThread *t)
{
    PylVM *vm = t->vm;
    intptr_t n = vm->gc_count;
    if (n == 0) {
        return;
    }
    PylObject **all = malloc(sizeof(PylObject *) * (size_t)n);
    if (all == NULL) {
        return;
    }
    intptr_t i = 0;
    for (PylGCHead *g = vm->gc_list.next; g != &vm->gc_list && i < n; g = g->next) {
        all[i++] = pyl_incref(PYL_GC_OBJ(g));
    }
    n = i;
    for (i = 0; i < n; i++) {
        PylClearFn clear = all[i]->type->clear;
        if (clear != NULL) {
            clear(t, all[i]);
        }
    }
    for (i = 0; i < n; i++) {
        pyl_decref(t, all[i]);
    }
    free(all);
}

void pyl_vm_destroy(PylVM *vm)
{
    if (vm == NULL) {
        return;
    }
    PylThread *t = vm->main_thread;
    PYL_CLEAR(t, t->exc);
    PYL_CLEAR(t, t->exc_info);
    PYL_CLEAR(t, t->repr_stack);
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
    PYL_CLEAR(t, t->exc);
    free_cycles(t);
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
    free_cycles(t);
    pyl_types_fini(t);
    pyl_float_fini(t);
    pyl_frames_fini(t);
#ifdef PYL_DEBUG
    if (vm->heap_bytes != 0 && getenv("PYL_NO_LEAK_CHECK") == NULL) {
        fprintf(stderr, "pyl: %zu bytes still allocated at VM teardown\n", vm->heap_bytes);
    }
#endif
    free(t);
    free(vm);
}
