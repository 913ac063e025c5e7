/* mem.c — the runtime's allocator: per-VM size-class pools for small blocks,
 * malloc for the rest, and the heap accounting behind the heap limit.
 *
 * Small requests (0..512 bytes) are rounded up to a multiple of 16 — 32 size
 * classes — and served from pools: 16 KiB pieces of memory that each hold blocks
 * of one class. Pools are carved out of 256 KiB arenas, mmap'd and aligned to
 * their size, so a block's pool header is its address rounded down to 16 KiB:
 *
 *     arena: 256 KiB, aligned to 256 KiB; pool i at base + i * 16 KiB
 *     +--------+--------+-----+---------+
 *     | pool 0 | pool 1 | ... | pool 15 |
 *     +--------+--------+-----+---------+
 *
 *     pool: 16 KiB, one size class
 *     +-------------+-------+-------+-----+-------+-------+
 *     | Pool header | block | block | ... | block | slack |
 *     +-------------+-------+-------+-----+-------+-------+
 *       64 bytes      `size` bytes each: freed blocks are chained through their
 *                     first word (`free`); blocks never used yet start at `bump`
 *
 * Larger requests go to malloc with a 16-byte header in front:
 *
 *     +------+-------+---------------------+
 *     | size | owner | n bytes of the user |
 *     +------+-------+---------------------+
 *                    ^ the pointer callers see (16-byte aligned, like malloc's)
 *
 * Which kind a pointer is: its arena base (the address rounded down to 256 KiB)
 * is looked up in the VM's set of arena bases, an open-addressing hash table;
 * a hit means a pool block. The lookup never reads memory the VM does not own.
 *
 * Invariants. A pool is in its class's list `used[cls]` exactly when it has
 * blocks in use and room for more; a full pool is in no list; an empty pool goes
 * back to its arena. An arena with k free pools, 0 < k < 16, is in `avail[k]`;
 * new pools come from the fullest arena, so that the emptiest ones drain. An
 * arena whose last pool is freed is unmapped, except for one spare kept against
 * churn; when the VM's last small block goes, the spare, the table and the pools
 * themselves go too.
 *
 * Accounting: vm->heap_bytes is the sum of the class sizes of the live small
 * blocks plus n + 16 for every live large block. Free space in pools and the
 * bookkeeping (pool headers, arena records, the table) are not counted.
 *
 * Everything is per VM: a block is freed by the VM that allocated it (large
 * blocks check their owner), and only one thread of a VM runs at a time.
 * PYL_NO_POOLS (the ASan and valgrind builds) sends every block through malloc,
 * so the sanitizers see each one.
 */
#define _GNU_SOURCE
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "vm/error.h"
#include "vm/mem.h"
#include "vm/vm.h"

/* No single block is larger than this (1 TiB): a bigger request (a length hint
 * of 10**18, say) is a MemoryError, never a request malloc or a sanitizer would
 * choke on. */
#define PYL_MAX_BLOCK ((size_t)1 << 40)

/* ---- large blocks ------------------------------------------------------------ */

typedef struct BigHead {
    size_t size;  /* bytes requested */
    PylVM *owner; /* the VM that allocated the block */
} BigHead;

#define BIG_HDR sizeof(BigHead)

/* Would n more bytes pass the VM's heap limit? */
static inline bool limit_hit(PylVM *vm, size_t n)
{
    return vm->heap_limit != 0 && vm->heap_bytes + n > vm->heap_limit;
}

static void *big_alloc(PylVM *vm, size_t n, bool zero)
{
    BigHead *h = zero ? calloc(1, BIG_HDR + n) : malloc(BIG_HDR + n);
    if (PYL_UNLIKELY(h == NULL)) {
        return NULL;
    }
    h->size = n;
    h->owner = vm;
    vm->heap_bytes += BIG_HDR + n;
    return h + 1;
}

static void big_free(PylVM *vm, void *p)
{
    BigHead *h = (BigHead *)p - 1;
    assert(h->owner == vm && "block freed by a VM that did not allocate it");
    vm->heap_bytes -= BIG_HDR + h->size;
    free(h);
}

#ifndef PYL_NO_POOLS

/* ---- pools --------------------------------------------------------------------- */

#define SMALL_MAX 512
#define NCLASSES (SMALL_MAX / 16)
#define POOL_SIZE ((size_t)16 << 10)
#define ARENA_SHIFT 18
#define ARENA_SIZE ((size_t)1 << ARENA_SHIFT)
#define NPOOLS ((unsigned)(ARENA_SIZE / POOL_SIZE))
#define POOL_HDR 64
/* An empty arena stays mapped as a spare (its pages are warm: reusing it costs
 * no page faults) until it has been idle this long; one spare is always kept.
 * Spares are trimmed when pools come and go, and by pyl_mem_trim. */
#define SPARE_DECAY_MS 1000

#define CLASS_OF(n) ((n) > 0 ? ((n)-1) >> 4 : 0)
#define CLASS_SIZE(c) (((c) + 1) << 4)
#define POOL_OF(p) ((Pool *)((uintptr_t)(p) & ~(uintptr_t)(POOL_SIZE - 1)))
#define ARENA_BASE(p) ((uintptr_t)(p) & ~(uintptr_t)(ARENA_SIZE - 1))

typedef struct Arena Arena;
typedef struct PylPools PylPools;

typedef struct Pool {
    void *free;               /* freed blocks, chained through their first word */
    char *bump;               /* first block never handed out */
    struct Pool *next, *prev; /* in used[cls]; next also chains an arena's free pools */
    Arena *arena;
    uint32_t nused; /* blocks handed out */
    uint32_t cap;   /* blocks the pool holds */
    uint32_t size;  /* block size: CLASS_SIZE(cls) */
    uint32_t cls;
} Pool;

_Static_assert(sizeof(Pool) <= POOL_HDR && POOL_HDR % 16 == 0, "pool header");
_Static_assert(NPOOLS < 32, "avail mask");

struct Arena {
    uintptr_t base;      /* address of pool 0 */
    Pool *freepools;     /* pools given back, chained through next */
    unsigned nfree;      /* pools not in use: freepools + never used */
    unsigned nfresh;     /* pools [nfresh, NPOOLS) were never used */
    Arena *next, *prev;  /* in avail[nfree], or among the spares */
    uint64_t idle_since; /* a spare: when it became empty (ms) */
};

/* A slot of the arena table: base 0 = empty. */
typedef struct Slot {
    uintptr_t base;
    Arena *arena;
} Slot;

struct PylPools {
    Pool *used[NCLASSES]; /* pools with blocks in use and room for more */
    Arena *avail[NPOOLS]; /* arenas by free-pool count (index 1..NPOOLS-1) */
    uint32_t availmask;   /* bit k: avail[k] is not empty */
    Arena *spare;         /* empty arenas kept mapped, newest first */
    Arena *spare_oldest;  /* the end of that list */
    size_t nspare;
    size_t nbusy;  /* arenas with a pool in use */
    Slot *slots;   /* every mapped arena (the spare too), by base */
    size_t mask;   /* table size - 1 (a power of two) */
    size_t nslots; /* arenas in the table */
};

/* ---- the arena table ---- */

static inline size_t slot_hash(uintptr_t base, size_t mask)
{
    return (size_t)(((uint64_t)(base >> ARENA_SHIFT) * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

/* Is p inside one of the VM's arenas? */
static inline bool in_arena(const PylPools *P, const void *p)
{
    uintptr_t base = ARENA_BASE(p);
    size_t i = slot_hash(base, P->mask);
    for (;;) {
        uintptr_t b = P->slots[i].base;
        if (b == base) {
            return b != 0;
        }
        if (b == 0) {
            return false;
        }
        i = (i + 1) & P->mask;
    }
}

static void slot_put(Slot *slots, size_t mask, uintptr_t base, Arena *a)
{
    size_t i = slot_hash(base, mask);
    while (slots[i].base != 0) {
        i = (i + 1) & mask;
    }
    slots[i].base = base;
    slots[i].arena = a;
}

/* Keeps the table at most half full. */
static int table_add(PylPools *P, Arena *a)
{
    size_t size = P->mask + 1;
    if (2 * (P->nslots + 1) > size) {
        Slot *slots = calloc(2 * size, sizeof(Slot));
        if (slots == NULL) {
            return -1;
        }
        for (size_t i = 0; i < size; i++) {
            if (P->slots[i].base != 0) {
                slot_put(slots, 2 * size - 1, P->slots[i].base, P->slots[i].arena);
            }
        }
        free(P->slots);
        P->slots = slots;
        P->mask = 2 * size - 1;
    }
    slot_put(P->slots, P->mask, a->base, a);
    P->nslots++;
    return 0;
}

/* Linear probing's deletion: later entries of the probe run move back into the
 * hole unless their home slot lies (cyclically) after it. */
static void table_remove(PylPools *P, uintptr_t base)
{
    size_t mask = P->mask;
    size_t i = slot_hash(base, mask);
    while (P->slots[i].base != base) {
        i = (i + 1) & mask;
    }
    for (size_t j = (i + 1) & mask; P->slots[j].base != 0; j = (j + 1) & mask) {
        size_t home = slot_hash(P->slots[j].base, mask);
        bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (!stays) {
            P->slots[i] = P->slots[j];
            i = j;
        }
    }
    P->slots[i].base = 0;
    P->slots[i].arena = NULL;
    P->nslots--;
}

/* ---- arenas ---- */

/* ARENA_SIZE bytes aligned to ARENA_SIZE. The kernel usually places a new
 * mapping just below the previous one, so after the first aligned arena the
 * single mmap is usually aligned already. */
static void *map_arena(void)
{
    const int prot = PROT_READ | PROT_WRITE, flags = MAP_PRIVATE | MAP_ANONYMOUS;
    char *m = mmap(NULL, ARENA_SIZE, prot, flags, -1, 0);
    if (m == MAP_FAILED) {
        return NULL;
    }
    if (ARENA_BASE(m) == (uintptr_t)m) {
        return m;
    }
    munmap(m, ARENA_SIZE);
    m = mmap(NULL, 2 * ARENA_SIZE, prot, flags, -1, 0);
    if (m == MAP_FAILED) {
        return NULL;
    }
    char *a = (char *)ARENA_BASE(m + ARENA_SIZE - 1);
    if (a > m) {
        munmap(m, (size_t)(a - m));
    }
    if (m + 2 * ARENA_SIZE > a + ARENA_SIZE) {
        munmap(a + ARENA_SIZE, (size_t)(m + ARENA_SIZE - a));
    }
    return a;
}

static Arena *arena_new(PylPools *P)
{
    Arena *a = malloc(sizeof(Arena));
    void *m = a != NULL ? map_arena() : NULL;
    if (m == NULL) {
        free(a);
        return NULL;
    }
    a->base = (uintptr_t)m;
    a->freepools = NULL;
    a->nfree = NPOOLS;
    a->nfresh = 0;
    a->next = a->prev = NULL;
    if (table_add(P, a) < 0) {
        munmap(m, ARENA_SIZE);
        free(a);
        return NULL;
    }
    return a;
}

static void arena_drop(PylPools *P, Arena *a)
{
    table_remove(P, a->base);
    munmap((void *)a->base, ARENA_SIZE);
    free(a);
}

static void avail_link(PylPools *P, Arena *a)
{
    a->prev = NULL;
    a->next = P->avail[a->nfree];
    if (a->next != NULL) {
        a->next->prev = a;
    }
    P->avail[a->nfree] = a;
    P->availmask |= 1u << a->nfree;
}

static void avail_unlink(PylPools *P, Arena *a)
{
    if (a->prev != NULL) {
        a->prev->next = a->next;
    } else {
        P->avail[a->nfree] = a->next;
        if (a->next == NULL) {
            P->availmask &= ~(1u << a->nfree);
        }
    }
    if (a->next != NULL) {
        a->next->prev = a->prev;
    }
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void spare_unlink(PylPools *P, Arena *a)
{
    if (a->prev != NULL) {
        a->prev->next = a->next;
    } else {
        P->spare = a->next;
    }
    if (a->next != NULL) {
        a->next->prev = a->prev;
    } else {
        P->spare_oldest = a->prev;
    }
    P->nspare--;
}

/* Unmaps the spares idle for SPARE_DECAY_MS (all of them if `all`), oldest
 * first, keeping `keep`. */
static void spares_trim(PylPools *P, size_t keep, bool all)
{
    uint64_t now = all ? 0 : now_ms();
    while (P->nspare > keep && (all || now - P->spare_oldest->idle_since >= SPARE_DECAY_MS)) {
        Arena *a = P->spare_oldest;
        spare_unlink(P, a);
        arena_drop(P, a);
    }
}

/* Unmaps every arena and frees the pools; vm->pools becomes NULL. */
static void pools_destroy(PylVM *vm)
{
    PylPools *P = vm->pools;
    for (size_t i = 0; i <= P->mask; i++) {
        if (P->slots[i].base != 0) {
            munmap((void *)P->slots[i].base, ARENA_SIZE);
            free(P->slots[i].arena);
        }
    }
    free(P->slots);
    free(P);
    vm->pools = NULL;
}

/* ---- pools ---- */

/* A fresh pool of class c, made the (only) pool of used[c]; NULL when no
 * memory. */
static Pool *pool_new(PylPools *P, size_t c)
{
    Arena *a;
    if (P->availmask != 0) {
        a = P->avail[__builtin_ctz(P->availmask)];
        avail_unlink(P, a);
    } else {
        a = P->spare;
        if (a != NULL) {
            spare_unlink(P, a);
        } else if ((a = arena_new(P)) == NULL) {
            return NULL;
        }
        P->nbusy++;
    }
    Pool *pool = a->freepools;
    if (pool != NULL) {
        a->freepools = pool->next;
    } else {
        pool = (Pool *)(a->base + a->nfresh++ * POOL_SIZE);
    }
    if (--a->nfree > 0) {
        avail_link(P, a);
    }
    size_t size = CLASS_SIZE(c);
    pool->free = NULL;
    pool->bump = (char *)pool + POOL_HDR;
    pool->next = pool->prev = NULL;
    pool->arena = a;
    pool->nused = 0;
    pool->cap = (uint32_t)((POOL_SIZE - POOL_HDR) / size);
    pool->size = (uint32_t)size;
    pool->cls = (uint32_t)c;
    P->used[c] = pool;
    if (PYL_UNLIKELY(P->nspare > 1)) {
        spares_trim(P, 1, false);
    }
    return pool;
}

/* The pool's last block was freed: give it back to its arena. */
static void pool_release(PylVM *vm, PylPools *P, Pool *pool)
{
    if (pool->prev != NULL) {
        pool->prev->next = pool->next;
    } else {
        P->used[pool->cls] = pool->next;
    }
    if (pool->next != NULL) {
        pool->next->prev = pool->prev;
    }
    Arena *a = pool->arena;
    if (a->nfree > 0) {
        avail_unlink(P, a);
    }
    pool->next = a->freepools;
    a->freepools = pool;
    if (++a->nfree < NPOOLS) {
        avail_link(P, a);
        return;
    }
    if (--P->nbusy == 0) {
        pools_destroy(vm);
    } else {
        a->freepools = NULL;
        a->nfresh = 0;
        a->idle_since = now_ms();
        a->prev = NULL;
        a->next = P->spare;
        if (a->next != NULL) {
            a->next->prev = a;
        } else {
            P->spare_oldest = a;
        }
        P->spare = a;
        P->nspare++;
        spares_trim(P, 1, false);
    }
}

static void *small_alloc_slow(PylVM *vm, size_t c, size_t n);

/* A block of class c (n bytes asked for); NULL when out of memory. */
static inline void *small_alloc(PylVM *vm, size_t c, size_t n)
{
    PylPools *P = vm->pools;
    Pool *pool;
    if (PYL_LIKELY(P != NULL) && PYL_LIKELY((pool = P->used[c]) != NULL)) {
        void *b = pool->free;
        if (b != NULL) {
            pool->free = *(void **)b;
        } else {
            b = pool->bump;
            pool->bump += pool->size;
        }
        if (PYL_UNLIKELY(++pool->nused == pool->cap)) {
            /* full: out of the list (it is the head) */
            P->used[c] = pool->next;
            if (pool->next != NULL) {
                pool->next->prev = NULL;
            }
        }
        vm->heap_bytes += pool->size;
        return b;
    }
    return small_alloc_slow(vm, c, n);
}

/* No pool of class c has room: make one (and the VM's pools first, if need
 * be). When that fails, malloc serves the block: a pointer outside the arenas
 * is a large block wherever it came from. */
static void *small_alloc_slow(PylVM *vm, size_t c, size_t n)
{
    PylPools *P = vm->pools;
    if (P == NULL) {
        P = calloc(1, sizeof(PylPools));
        Slot *slots = P != NULL ? calloc(16, sizeof(Slot)) : NULL;
        if (slots == NULL) {
            free(P);
            return big_alloc(vm, n, false);
        }
        P->slots = slots;
        P->mask = 15;
        vm->pools = P;
    }
    if (pool_new(P, c) == NULL) {
        if (P->nbusy == 0) {
            pools_destroy(vm);
        }
        return big_alloc(vm, n, false);
    }
    return small_alloc(vm, c, n);
}

static inline void small_free(PylVM *vm, PylPools *P, void *p)
{
    Pool *pool = POOL_OF(p);
    *(void **)p = pool->free;
    pool->free = p;
    vm->heap_bytes -= pool->size;
    if (PYL_UNLIKELY(pool->nused == pool->cap)) {
        /* it was full: back into its class's list, in front */
        Pool *head = P->used[pool->cls];
        pool->prev = NULL;
        pool->next = head;
        if (head != NULL) {
            head->prev = pool;
        }
        P->used[pool->cls] = pool;
    }
    if (PYL_UNLIKELY(--pool->nused == 0)) {
        pool_release(vm, P, pool);
    }
}

/* Bytes a block of n bytes adds to heap_bytes. */
static inline size_t charge(size_t n)
{
    return n <= SMALL_MAX ? CLASS_SIZE(CLASS_OF(n)) : BIG_HDR + n;
}

#endif /* PYL_NO_POOLS */

/* ---- the front end -------------------------------------------------------------- */

/* A block of n bytes (zero-filled if zero), held to the heap limit if limited;
 * NULL when out of memory, no exception set. */
static inline void *mem_alloc(PylVM *vm, size_t n, bool zero, bool limited)
{
#ifndef PYL_NO_POOLS
    if (PYL_LIKELY(n <= SMALL_MAX)) {
        size_t c = CLASS_OF(n);
        if (limited && PYL_UNLIKELY(limit_hit(vm, CLASS_SIZE(c)))) {
            return NULL;
        }
        void *b = small_alloc(vm, c, n);
        if (zero && b != NULL) {
            memset(b, 0, n);
        }
        return b;
    }
#endif
    if (PYL_UNLIKELY(n > PYL_MAX_BLOCK || (limited && limit_hit(vm, BIG_HDR + n)))) {
        return NULL;
    }
    return big_alloc(vm, n, zero);
}

static inline void mem_free(PylVM *vm, void *p)
{
    if (p == NULL) {
        return;
    }
#ifndef PYL_NO_POOLS
    PylPools *P = vm->pools;
    if (PYL_LIKELY(P != NULL) && in_arena(P, p)) {
        small_free(vm, P, p);
        return;
    }
#endif
    big_free(vm, p);
}

void *pyl_mem_alloc(PylThread *t, size_t n)
{
    void *p = mem_alloc(t->vm, n, false, true);
    if (PYL_UNLIKELY(p == NULL)) {
        pyl_err_nomemory(t);
    }
    return p;
}

void *pyl_mem_calloc(PylThread *t, size_t n)
{
    void *p = mem_alloc(t->vm, n, true, true);
    if (PYL_UNLIKELY(p == NULL)) {
        pyl_err_nomemory(t);
    }
    return p;
}

/* A block keeps its place while the new size fits its class and wastes less
 * than a quarter of it; a large block is resized by realloc. Only growth is
 * held to the heap limit. */
void *pyl_mem_realloc(PylThread *t, void *p, size_t n)
{
    if (p == NULL) {
        return pyl_mem_alloc(t, n);
    }
    PylVM *vm = t->vm;
    if (PYL_UNLIKELY(n > PYL_MAX_BLOCK)) {
        goto nomem;
    }
#ifndef PYL_NO_POOLS
    PylPools *P = vm->pools;
    if (P != NULL && in_arena(P, p)) {
        Pool *pool = POOL_OF(p);
        size_t size = pool->size;
        if (n <= size && (CLASS_OF(n) == pool->cls || 4 * n > 3 * size)) {
            return p;
        }
        if (n > size && limit_hit(vm, charge(n) - size)) {
            goto nomem;
        }
        void *q = mem_alloc(vm, n, false, false);
        if (q == NULL) {
            goto nomem;
        }
        memcpy(q, p, n < size ? n : size);
        small_free(vm, P, p);
        return q;
    }
#endif
    BigHead *h = (BigHead *)p - 1;
    size_t old = h->size;
    assert(h->owner == vm && "block reallocated by a VM that did not allocate it");
#ifndef PYL_NO_POOLS
    if (n <= SMALL_MAX) {
        /* shrunk to a small block: into a pool */
        void *q = mem_alloc(vm, n, false, false);
        if (q == NULL) {
            goto nomem;
        }
        memcpy(q, p, n < old ? n : old);
        big_free(vm, p);
        return q;
    }
#endif
    if (n > old && limit_hit(vm, n - old)) {
        goto nomem;
    }
    BigHead *nh = realloc(h, BIG_HDR + n);
    if (PYL_UNLIKELY(nh == NULL)) {
        goto nomem;
    }
    nh->size = n;
    vm->heap_bytes = vm->heap_bytes - old + n;
    return nh + 1;
nomem:
    pyl_err_nomemory(t);
    return NULL;
}

void pyl_mem_free(PylThread *t, void *p)
{
    mem_free(t->vm, p);
}

void *pyl_vmem_alloc(PylVM *vm, size_t n)
{
    return mem_alloc(vm, n, true, false);
}

void pyl_vmem_free(PylVM *vm, void *p)
{
    mem_free(vm, p);
}

void pyl_mem_trim(PylVM *vm)
{
#ifndef PYL_NO_POOLS
    if (vm->pools != NULL) {
        spares_trim(vm->pools, 0, true);
    }
#endif
}

void pyl_mem_fini(PylVM *vm)
{
#ifndef PYL_NO_POOLS
    if (vm->pools != NULL) {
        pools_destroy(vm);
    }
#endif
}

size_t pyl_mem_arenas(PylVM *vm)
{
#ifndef PYL_NO_POOLS
    return vm->pools != NULL ? vm->pools->nslots : 0;
#else
    return 0;
#endif
}
