/* mem.c — the runtime's allocator front end.
 *
 * For now blocks come from malloc; the VM counts the usable size of every live
 * block (heap_bytes) so a heap limit can be enforced per VM. Size-class pools
 * (issue #4) slot in here without changing any caller.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "vm/error.h"
#include "vm/mem.h"
#include "vm/vm.h"

/* No single block is larger than this (1 TiB): a bigger request (a length hint
 * of 10**18, say) is a MemoryError, never a request malloc or a sanitizer would
 * choke on. */
#define PYL_MAX_BLOCK ((size_t)1 << 40)

static bool over_limit(PylVM *vm, size_t n)
{
    return n > PYL_MAX_BLOCK || (vm->heap_limit != 0 && vm->heap_bytes + n > vm->heap_limit);
}

void *pyl_mem_alloc(PylThread *t, size_t n)
{
    PylVM *vm = t->vm;
    if (PYL_UNLIKELY(over_limit(vm, n))) {
        pyl_err_nomemory(t);
        return NULL;
    }
    void *p = malloc(n ? n : 1);
    if (PYL_UNLIKELY(p == NULL)) {
        pyl_err_nomemory(t);
        return NULL;
    }
    vm->heap_bytes += malloc_usable_size(p);
    return p;
}

void *pyl_mem_calloc(PylThread *t, size_t n)
{
    void *p = pyl_mem_alloc(t, n);
    if (p != NULL) {
        memset(p, 0, n);
    }
    return p;
}

void *pyl_mem_realloc(PylThread *t, void *p, size_t n)
{
    if (p == NULL) {
        return pyl_mem_alloc(t, n);
    }
    PylVM *vm = t->vm;
    size_t old = malloc_usable_size(p);
    if (PYL_UNLIKELY(n > PYL_MAX_BLOCK || (n > old && over_limit(vm, n - old)))) {
        pyl_err_nomemory(t);
        return NULL;
    }
    void *q = realloc(p, n ? n : 1);
    if (PYL_UNLIKELY(q == NULL)) {
        pyl_err_nomemory(t);
        return NULL;
    }
    vm->heap_bytes += malloc_usable_size(q);
    vm->heap_bytes -= old;
    return q;
}

void pyl_mem_free(PylThread *t, void *p)
{
    pyl_vmem_free(t->vm, p);
}

void *pyl_vmem_alloc(PylVM *vm, size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (p != NULL) {
        vm->heap_bytes += malloc_usable_size(p);
    }
    return p;
}

void pyl_vmem_free(PylVM *vm, void *p)
{
    if (p != NULL) {
        vm->heap_bytes -= malloc_usable_size(p);
        free(p);
    }
}
