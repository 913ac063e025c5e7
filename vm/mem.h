/* mem.h — raw memory for the runtime. Every allocation of a VM goes through here:
 * small blocks come from the VM's size-class pools, larger ones from malloc, and
 * the VM counts its heap (heap_bytes) so a heap limit can be enforced per VM.
 * Failure (or passing the limit) sets MemoryError on t.
 *
 * A block must be freed (or reallocated) by the VM that allocated it, never with
 * free(); blocks are 16-byte aligned. See mem.c for the layout. */
#ifndef PYL_MEM_H
#define PYL_MEM_H

#include "vm/object.h"

PYL_INTERNAL void *pyl_mem_alloc(PylThread *t, size_t n);
PYL_INTERNAL void *pyl_mem_calloc(PylThread *t, size_t n);
PYL_INTERNAL void *pyl_mem_realloc(PylThread *t, void *p, size_t n);
PYL_INTERNAL void pyl_mem_free(PylThread *t, void *p);
/* The same for a VM without a thread (start-up, teardown): zero-filled, not held
 * to the heap limit, no exception is set. */
PYL_INTERNAL void *pyl_vmem_alloc(PylVM *vm, size_t n);
PYL_INTERNAL void pyl_vmem_free(PylVM *vm, void *p);

/* Returns the VM's empty arenas to the OS now (they are otherwise kept for a
 * second, for reuse): for idle points, such as between two requests. */
PYL_INTERNAL void pyl_mem_trim(PylVM *vm);
/* Returns every arena of the VM to the OS, live blocks or not: the very last
 * step of VM teardown. (The pools also go by themselves when the last small
 * block is freed.) */
PYL_INTERNAL void pyl_mem_fini(PylVM *vm);
/* Arenas the VM has mapped now, the spare included (0 in PYL_NO_POOLS builds). */
PYL_INTERNAL size_t pyl_mem_arenas(PylVM *vm);

#endif
