/* mem.h — raw memory for the runtime. Every allocation of a VM goes through here,
 * so the VM can account for its heap (PylHeapLimit) and, later, serve small
 * blocks from per-VM size-class pools. Failure sets MemoryError on t. */
#ifndef PYL_MEM_H
#define PYL_MEM_H

#include "vm/object.h"

PYL_INTERNAL void *pyl_mem_alloc(PylThread *t, size_t n);
PYL_INTERNAL void *pyl_mem_calloc(PylThread *t, size_t n);
PYL_INTERNAL void *pyl_mem_realloc(PylThread *t, void *p, size_t n);
PYL_INTERNAL void pyl_mem_free(PylThread *t, void *p);
/* The same for a VM without a thread (start-up, teardown); no exception is set. */
PYL_INTERNAL void *pyl_vmem_alloc(PylVM *vm, size_t n);
PYL_INTERNAL void pyl_vmem_free(PylVM *vm, void *p);

#endif
