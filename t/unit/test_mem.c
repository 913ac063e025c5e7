/* test_mem.c — the allocator (vm/mem.c): random alloc/realloc/free sequences of
 * every size with content checks, heap accounting, arenas going back to the OS,
 * and the heap limit: Python code that allocates past it gets MemoryError, and
 * the VM stays usable and gives its memory back. CPython cannot be the oracle
 * for the limit, so it is tested from C. Release builds test the pools; the ASan
 * and valgrind builds (PYL_NO_POOLS) the plain-malloc path. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/core.h"
#include "vm/pyl.h"
#include "vm_fixture.h"

static uint64_t rng_state;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* Check records every passing ck_assert with a write: the loops use this. */
#define REQUIRE(c)                                                                                 \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            ck_abort_msg("line %d: %s", __LINE__, #c);                                             \
        }                                                                                          \
    } while (0)

/* Mostly small sizes (every class and its edges), some medium, a few large. */
static size_t random_size(void)
{
    uint64_t r = rng() % 100;
    if (r < 70) {
        return (size_t)(rng() % 530);
    }
    if (r < 95) {
        return 530 + (size_t)(rng() % 8000);
    }
    return 8530 + (size_t)(rng() % 300000);
}

typedef struct Slot {
    unsigned char *p;
    size_t n;
    unsigned char tag;
} Slot;

static void fill(Slot *s)
{
    memset(s->p, s->tag, s->n);
}

static void check_tag(const Slot *s, size_t upto)
{
    for (size_t i = 0; i < upto; i++) {
        if (s->p[i] != s->tag) {
            ck_abort_msg("block of %zu bytes: byte %zu is %d, expected %d", s->n, i, s->p[i],
                         s->tag);
        }
    }
}

START_TEST(test_random_sequences)
{
    enum { NSLOTS = 3000, NOPS = 150000 };
    Slot *slots = calloc(NSLOTS, sizeof(Slot));
    ck_assert_ptr_nonnull(slots);
    rng_state = 0x9E3779B97F4A7C15ULL + (uint64_t)_i;
    size_t start = vm->heap_bytes;
    for (int op = 0; op < NOPS; op++) {
        Slot *s = &slots[rng() % NSLOTS];
        uint64_t what = rng() % 10;
        if (s->p == NULL) {
            s->n = random_size();
            s->tag = (unsigned char)(1 + rng() % 255);
            if (what < 3) {
                s->p = pyl_mem_calloc(t, s->n);
                REQUIRE(s->p != NULL);
                for (size_t i = 0; i < s->n; i++) {
                    if (s->p[i] != 0) {
                        ck_abort_msg("calloc'd block of %zu bytes: byte %zu is %d", s->n, i,
                                     s->p[i]);
                    }
                }
            } else {
                s->p = pyl_mem_alloc(t, s->n);
                REQUIRE(s->p != NULL);
            }
            REQUIRE((uintptr_t)s->p % 16 == 0);
            fill(s);
        } else if (what < 4) {
            check_tag(s, s->n);
            pyl_mem_free(t, s->p);
            s->p = NULL;
        } else if (what < 8) {
            /* grow or shrink, sometimes by a little (within the class) */
            size_t n = what < 6 ? random_size() : s->n + (size_t)(rng() % 24) - 12;
            if (n > ((size_t)1 << 30)) {
                n = 0;
            }
            unsigned char *q = pyl_mem_realloc(t, s->p, n);
            REQUIRE(q != NULL);
            REQUIRE((uintptr_t)q % 16 == 0);
            s->p = q;
            check_tag(s, n < s->n ? n : s->n);
            s->n = n;
            s->tag = (unsigned char)(1 + rng() % 255);
            fill(s);
        } else {
            check_tag(s, s->n);
        }
    }
    for (int i = 0; i < NSLOTS; i++) {
        if (slots[i].p != NULL) {
            check_tag(&slots[i], slots[i].n);
            pyl_mem_free(t, slots[i].p);
        }
    }
    ck_assert_uint_eq(vm->heap_bytes, start);
    free(slots);
}
END_TEST

/* Every size from 0 to 2 KiB: allocated, filled, reallocated up and down by one
 * byte, freed in an interleaved order; the accounting returns to the start. */
START_TEST(test_every_size)
{
    enum { N = 2049 };
    unsigned char **p = calloc(N, sizeof *p);
    ck_assert_ptr_nonnull(p);
    size_t start = vm->heap_bytes;
    for (size_t n = 0; n < N; n++) {
        p[n] = pyl_mem_alloc(t, n);
        REQUIRE(p[n] != NULL);
        memset(p[n], (int)(n & 0xff), n);
    }
    ck_assert_uint_gt(vm->heap_bytes, start + (size_t)N * (N - 1) / 2);
    for (size_t n = 0; n < N; n++) {
        p[n] = pyl_mem_realloc(t, p[n], n + 1);
        REQUIRE(p[n] != NULL);
        p[n][n] = (unsigned char)(n & 0xff);
        p[n] = pyl_mem_realloc(t, p[n], n);
        REQUIRE(p[n] != NULL);
    }
    for (size_t k = 0; k < 2; k++) {
        for (size_t n = k; n < N; n += 2) {
            for (size_t i = 0; i < n; i++) {
                if (p[n][i] != (n & 0xff)) {
                    ck_abort_msg("block of %zu bytes: byte %zu is %d", n, i, p[n][i]);
                }
            }
            pyl_mem_free(t, p[n]);
        }
    }
    ck_assert_uint_eq(vm->heap_bytes, start);
    free(p);
}
END_TEST

START_TEST(test_realloc_keeps_place_in_class)
{
    char *p = pyl_mem_alloc(t, 20);
    ck_assert_ptr_nonnull(p);
    strcpy(p, "0123456789");
    char *q = pyl_mem_realloc(t, p, 100);
    ck_assert_ptr_nonnull(q);
    ck_assert_str_eq(q, "0123456789");
#ifndef PYL_NO_POOLS
    char *r = pyl_mem_realloc(t, q, 110); /* same 112-byte class */
    ck_assert_ptr_eq(r, q);
    q = r;
#endif
    q = pyl_mem_realloc(t, q, 100000);
    ck_assert_ptr_nonnull(q);
    ck_assert_str_eq(q, "0123456789");
    q = pyl_mem_realloc(t, q, 11);
    ck_assert_ptr_nonnull(q);
    ck_assert_str_eq(q, "0123456789");
    pyl_mem_free(t, q);
    pyl_mem_free(t, NULL);
}
END_TEST

/* Arenas emptied by frees stay mapped as spares for a while, and
 * pyl_mem_trim gives them back to the OS at once. */
START_TEST(test_arenas_given_back)
{
    enum { N = 200000 };
    void **p = malloc(N * sizeof *p);
    ck_assert_ptr_nonnull(p);
    size_t start = pyl_mem_arenas(vm);
    size_t start_bytes = vm->heap_bytes;
    for (int i = 0; i < N; i++) {
        p[i] = pyl_mem_alloc(t, 16 + (size_t)(i % 4) * 16);
        REQUIRE(p[i] != NULL);
    }
#ifndef PYL_NO_POOLS
    ck_assert_uint_ge(pyl_mem_arenas(vm), start + 30); /* 8 MB of blocks */
#endif
    /* free in a scattered order */
    for (int k = 0; k < 7; k++) {
        for (int i = k; i < N; i += 7) {
            pyl_mem_free(t, p[i]);
        }
    }
    ck_assert_uint_eq(vm->heap_bytes, start_bytes);
    pyl_mem_trim(vm);
    ck_assert_uint_le(pyl_mem_arenas(vm), start + 1);
    free(p);
}
END_TEST

/* The pools of a VM whose every small block is freed go away entirely, and come
 * back on the next allocation. */
START_TEST(test_pools_come_and_go)
{
    PylVM *v = calloc(1, sizeof(PylVM)); /* a bare VM: no objects of its own */
    ck_assert_ptr_nonnull(v);
    for (int round = 0; round < 3; round++) {
        void *a = pyl_vmem_alloc(v, 40);
        void *b = pyl_vmem_alloc(v, 4000);
        REQUIRE(a != NULL);
        REQUIRE(b != NULL);
        ck_assert_int_eq(((char *)a)[39], 0);
        ck_assert_int_eq(((char *)b)[3999], 0);
#ifndef PYL_NO_POOLS
        REQUIRE(v->pools != NULL);
        ck_assert_uint_eq(v->heap_bytes, 48 + 4000 + 16);
#endif
        pyl_vmem_free(v, a);
        pyl_vmem_free(v, b);
        ck_assert_ptr_null(v->pools);
        ck_assert_uint_eq(v->heap_bytes, 0);
    }
    void *leak = pyl_vmem_alloc(v, 64);
    ck_assert_ptr_nonnull(leak);
    pyl_mem_fini(v); /* gives back the arenas even with blocks still in them */
    ck_assert_ptr_null(v->pools);
    ck_assert_uint_eq(pyl_mem_arenas(v), 0);
#ifdef PYL_NO_POOLS
    pyl_vmem_free(v, leak);
#endif
    free(v);
}
END_TEST

static bool memory_error_pending(void)
{
    PylObject *e = pyl_err_occurred(t);
    bool ok = e != NULL && pyl_err_matches(t, PYL_EXC(t, MemoryError));
    pyl_err_clear(t);
    return ok;
}

START_TEST(test_limit_direct)
{
    vm->heap_limit = vm->heap_bytes + 10000;
    void *p = pyl_mem_alloc(t, 8000);
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(pyl_mem_alloc(t, 8000));
    ck_assert(memory_error_pending());
    ck_assert_ptr_null(pyl_mem_realloc(t, p, 20000));
    ck_assert(memory_error_pending());
    memset(p, 1, 8000); /* still ours */
    ck_assert_ptr_null(pyl_mem_calloc(t, 3000));
    ck_assert(memory_error_pending());
    void *q = pyl_mem_alloc(t, 100);
    ck_assert_ptr_nonnull(q);
    p = pyl_mem_realloc(t, p, 10); /* shrinking is always allowed */
    ck_assert_ptr_nonnull(p);
    void *r = pyl_mem_alloc(t, 8000);
    ck_assert_ptr_nonnull(r);
    pyl_mem_free(t, r);
    pyl_mem_free(t, q);
    pyl_mem_free(t, p);
    vm->heap_limit = 0;
    /* Over the 1 TiB cap: MemoryError, never a request to malloc. */
    ck_assert_ptr_null(pyl_mem_alloc(t, (size_t)1 << 41));
    ck_assert(memory_error_pending());
    ck_assert_ptr_null(pyl_mem_alloc(t, (size_t)-1));
    ck_assert(memory_error_pending());
    p = pyl_mem_alloc(t, 10);
    ck_assert_ptr_null(pyl_mem_realloc(t, p, (size_t)-8));
    ck_assert(memory_error_pending());
    pyl_mem_free(t, p);
}
END_TEST

static int run(const char *src)
{
    return pyl_run_string(vm, src, strlen(src), "<test_mem>");
}

/* Each program allocates without bound and must end in MemoryError. */
static const char *const greedy[] = {
    /* a big list */
    "try:\n"
    "    x = [None] * 100_000_000\n"
    "    raise SystemExit(2)\n"
    "except MemoryError:\n"
    "    pass\n",
    /* a big str */
    "try:\n"
    "    x = 'ab' * 100_000_000\n"
    "    raise SystemExit(2)\n"
    "except MemoryError:\n"
    "    pass\n",
    /* many small objects, chained */
    "def grow():\n"
    "    head = None\n"
    "    while True:\n"
    "        head = (head, object(), 1.5)\n"
    "try:\n"
    "    grow()\n"
    "except MemoryError:\n"
    "    pass\n",
    /* a deep dict */
    "def deep():\n"
    "    d = cur = {}\n"
    "    while True:\n"
    "        n = {}\n"
    "        cur['k'] = n\n"
    "        cur = n\n"
    "try:\n"
    "    deep()\n"
    "except MemoryError:\n"
    "    pass\n",
    /* a wide dict, a growing list, a growing str */
    "def wide():\n"
    "    d = {}\n"
    "    i = 0\n"
    "    while True:\n"
    "        d[i] = str(i)\n"
    "        i += 1\n"
    "def longer():\n"
    "    l = []\n"
    "    while True:\n"
    "        l.append([len(l)])\n"
    "def text():\n"
    "    s = ''\n"
    "    while True:\n"
    "        s += 'xyz' * 100_000\n"
    "n = 0\n"
    "for f in (wide, longer, text):\n"
    "    try:\n"
    "        f()\n"
    "    except MemoryError:\n"
    "        n += 1\n"
    "if n != 3:\n"
    "    raise SystemExit(3)\n",
};

/* Ordinary work afterwards. */
static const char *const normal =
    "squares = {i: i * i for i in range(2000)}\n"
    "assert sum(squares.values()) == 2664667000\n"
    "words = ' '.join(str(i) for i in range(1000)).split()\n"
    "assert len(words) == 1000 and words[-1] == '999'\n"
    "class P:\n"
    "    def __init__(self, x):\n"
    "        self.x = x\n"
    "assert sorted(P(i).x for i in range(500, 0, -1))[:3] == [1, 2, 3]\n"
    "try:\n"
    "    {}['missing']\n"
    "except KeyError as e:\n"
    "    assert repr(e) == \"KeyError('missing')\"\n"
    "del squares, words, P\n";

START_TEST(test_heap_limit_python)
{
    ck_assert_int_eq(run(normal), 0); /* warm up: names interned, caches filled */
    size_t start = vm->heap_bytes;
    for (size_t i = 0; i < sizeof greedy / sizeof greedy[0]; i++) {
        vm->heap_limit = vm->heap_bytes + ((size_t)16 << 20);
        int st = run(greedy[i]);
        ck_assert_msg(st == 0, "program %zu: exit status %d", i, st);
        ck_assert_ptr_null(pyl_err_occurred(t));
        /* still usable, near the limit or not */
        ck_assert_msg(run(normal) == 0, "after program %zu", i);
        vm->heap_limit = 0;
        ck_assert_msg(run(normal) == 0, "after program %zu, no limit", i);
        ck_assert_msg(vm->heap_bytes < start + 64 * 1024,
                      "program %zu: heap %zu bytes, %zu at the start", i, vm->heap_bytes, start);
    }
}
END_TEST

/* An uncaught MemoryError ends the program with status 1, like any exception. */
START_TEST(test_heap_limit_uncaught)
{
    vm->heap_limit = vm->heap_bytes + ((size_t)4 << 20);
    const char *src = "x = [0] * 10**8\n";
    ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<test_mem>"), 1);
    ck_assert_int_eq(run("y = [0] * 1000\ndel y\n"), 0);
    vm->heap_limit = 0;
}
END_TEST

/* VMs in parallel threads, each churning through its own pools. */
static void *vm_thread(void *arg)
{
    intptr_t k = (intptr_t)arg;
    PylVM *v = pyl_vm_create();
    if (v == NULL) {
        return (void *)1;
    }
    v->heap_limit = k % 2 ? v->heap_bytes + ((size_t)8 << 20) : 0;
    const char *src = "def churn(k):\n"
                      "    total = 0\n"
                      "    for r in range(20):\n"
                      "        objs = [(i, str(i), [i * 0.5]) for i in range(3000 + k)]\n"
                      "        total += len(objs)\n"
                      "    return total\n"
                      "assert churn(7) == 20 * 3007\n"
                      "try:\n"
                      "    big = [(i, i * 1.5) for i in range(10**6)]\n"
                      "except MemoryError:\n"
                      "    pass\n"
                      "big = None\n";
    intptr_t st = pyl_run_string(v, src, strlen(src), "<vm_thread>");
    pyl_vm_destroy(v);
    return (void *)st;
}

START_TEST(test_vms_in_threads)
{
    enum { N = 4 };
    pthread_t th[N];
    for (intptr_t k = 0; k < N; k++) {
        ck_assert_int_eq(pthread_create(&th[k], NULL, vm_thread, (void *)k), 0);
    }
    for (int k = 0; k < N; k++) {
        void *st;
        ck_assert_int_eq(pthread_join(th[k], &st), 0);
        ck_assert_int_eq((int)(intptr_t)st, 0);
    }
}
END_TEST

static Suite *mem_suite(void)
{
    Suite *s = suite_create("mem");
    TCase *tc = tcase_create("allocator");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_random_sequences, 0, 3);
    tcase_add_test(tc, test_every_size);
    tcase_add_test(tc, test_realloc_keeps_place_in_class);
    tcase_add_test(tc, test_arenas_given_back);
    tcase_add_test(tc, test_pools_come_and_go);
    suite_add_tcase(s, tc);
    tc = tcase_create("limit");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_limit_direct);
    tcase_add_test(tc, test_heap_limit_python);
    tcase_add_test(tc, test_heap_limit_uncaught);
    tcase_add_test(tc, test_vms_in_threads);
    suite_add_tcase(s, tc);
    return s;
}

PYL_CHECK_MAIN(mem_suite)
