/* marshal.h — code objects to bytes and back, for the bytecode cache
 * (__pycache__/NAME.pylc).
 *
 *     file:    "PYLC" | u32 format | i64 source mtime (ns) | i64 source size
 *              | u64 payload length | u64 payload checksum | payload
 *     payload: one tagged object (a code object), depth-first
 *
 * Loading never trusts the bytes: the checksum catches damage, and every
 * object is bounds-checked; code objects are verified (operand indexes, jump
 * targets, exception table, stack depth) before they are returned.
 */
#ifndef PYL_MARSHAL_H
#define PYL_MARSHAL_H

#include "vm/buf.h"
#include "vm/object.h"

/* Serialize a code object (with everything reachable from its consts). */
PYL_INTERNAL int pyl_marshal_code(PylThread *t, PylObject *code, PylBuf *out);
/* Read back a code object from data[0..n); NULL with ValueError when the data is
 * malformed in any way. filename replaces the one stored (the cache may move). */
PYL_INTERNAL PylObject *pyl_unmarshal_code(PylThread *t, const char *data, size_t n,
                                           PylObject *filename);
/* A whole cache file for code compiled from a source of this mtime and size. */
PYL_INTERNAL int pyl_marshal_cache_file(PylThread *t, PylObject *code, int64_t mtime_ns,
                                        int64_t size, PylBuf *out);
/* The code in a cache file, if it is intact and matches (mtime_ns, size);
 * NULL without an exception otherwise. */
PYL_INTERNAL PylObject *pyl_unmarshal_cache_file(PylThread *t, const char *data, size_t n,
                                                 int64_t mtime_ns, int64_t size,
                                                 PylObject *filename);
/* Check a code object's bytecode is safe to run: 0, or -1 with ValueError. */
PYL_INTERNAL int pyl_code_verify(PylThread *t, PylObject *code);

#endif
