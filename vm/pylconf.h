/* pylconf.h — the few tunables of the runtime, each with its default and its cost. */
#ifndef PYL_PYLCONF_H
#define PYL_PYLCONF_H

/* Default recursion limit (sys.getrecursionlimit()). Each Python-level call counts
 * one; Python-to-Python calls use no C stack, C re-entries (a __repr__ called from
 * C, a sort key) do, and are also bounded by PYL_CSTACK_RESERVE below. */
#define PYL_RECURSION_LIMIT 1000

/* Bytes of C stack kept free: when less remains, calls raise RecursionError
 * instead of overflowing. Large enough for ASan's fat frames. */
#define PYL_CSTACK_RESERVE (256 * 1024)

/* When the system cannot tell where a thread's stack ends, this much below the
 * frame that asks is assumed to be usable (the reserve included). */
#define PYL_CSTACK_FALLBACK (1024 * 1024)

/* Freeing a deeply nested structure (a list in a list in a list ...) would
 * recurse once per level; past this depth, deallocations are queued and run
 * iteratively by the outermost one (CPython's "trashcan"). */
#define PYL_DEALLOC_DEPTH 200

/* Size of a thread's frame-stack chunk in pointers (frames are bump-allocated from
 * it). Bigger chunks mean fewer mallocs in deep recursion; 256 KiB each. */
#define PYL_FRAME_CHUNK_WORDS (32 * 1024)

/* Entries in the per-VM method cache (type version, name) -> attribute. A power
 * of two. 4096 entries is 96 KiB per VM. */
#define PYL_MCACHE_BITS 12

/* Floats kept on the per-VM free list. Each costs 24 bytes while parked. */
#define PYL_FLOAT_FREELIST_MAX 256

/* Maximum nesting of brackets / blocks the parser accepts (CPython: 200). */
#define PYL_PARSER_MAX_NESTING 200

#endif
