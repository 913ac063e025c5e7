/* bytes.h — Python bytes (immutable) and bytearray (mutable) byte strings.
 *
 *     bytes:     | refcnt | type | size | hash | data[size] \0 |
 *     bytearray: | refcnt | type | size | cap | data* |  (data has a NUL past size)
 */
#ifndef PYL_BYTES_H
#define PYL_BYTES_H

#include "vm/buf.h"
#include "vm/object.h"

typedef struct PylBytes {
    PylObject ob;
    intptr_t size;
    PylHash hash;
    char data[];
} PylBytes;

typedef struct PylByteArray {
    PylObject ob;
    intptr_t size;
    intptr_t cap;
    char *data;
    intptr_t exports; /* live buffer views; resizing is refused while > 0 */
} PylByteArray;

#define PYL_BYTES_DATA(o) (((PylBytes *)(o))->data)
#define PYL_BYTES_SIZE(o) (((PylBytes *)(o))->size)
#define PYL_BYTEARRAY_DATA(o) (((PylByteArray *)(o))->data)
#define PYL_BYTEARRAY_SIZE(o) (((PylByteArray *)(o))->size)

PYL_INTERNAL PylObject *pyl_bytes_new(PylThread *t, const void *data, intptr_t n);
/* A bytes of n bytes to fill in place (before anyone else sees it). */
PYL_INTERNAL PylObject *pyl_bytes_alloc(PylThread *t, intptr_t n);
PYL_INTERNAL PylObject *pyl_bytearray_new(PylThread *t, const void *data, intptr_t n);
/* bytes.decode / bytearray.decode */
PYL_INTERNAL PylObject *pyl_bytes_decode(PylThread *t, const char *data, intptr_t n,
                                         const char *encoding, const char *errors);
/* The bytes of a bytes-like object (bytes, bytearray): 0, or -1 + TypeError
 * "a bytes-like object is required, not 'str'". */
PYL_INTERNAL int pyl_bytes_view(PylThread *t, PylObject *o, const char **data, intptr_t *n);
/* repr of n bytes as b'...' (CPython's quote choice and escapes); prefix is
 * written before the b ("bytearray(" for bytearrays, then add the ')'). */
PYL_INTERNAL PylObject *pyl_bytes_repr_data(PylThread *t, const char *data, intptr_t n,
                                            const char *prefix);
/* The same; escape_squote escapes every ' even inside "..." (bytearray's repr
 * does, CPython-compatibly). */
PYL_INTERNAL PylObject *pyl_bytes_repr_ex(PylThread *t, const char *data, intptr_t n,
                                          const char *prefix, bool escape_squote);
/* A bytes from a PylBuf's contents without copying the bytes twice; consumes the
 * buffer (also on failure). */
PYL_INTERNAL PylObject *pyl_bytes_from_buf(PylThread *t, PylBuf *b);
/* bytes(o) / bytearray(o) conversion of one argument: __bytes__, an int count, a
 * bytes-like object or an iterable of ints in range(0, 256). */
PYL_INTERNAL PylObject *pyl_bytes_from_object(PylThread *t, PylObject *o);
/* fmt % args for bytes or bytearray fmt (result of fmt's type). strformat.c */
PYL_INTERNAL PylObject *pyl_bytes_mod(PylThread *t, PylObject *fmt, PylObject *args);
/* bytes.hex() / bytearray.hex() on raw data, with CPython's sep/bytes_per_sep. */
PYL_INTERNAL PylObject *pyl_bytes_hex(PylThread *t, const char *data, intptr_t n, PylObject *sep,
                                      PylObject *bytes_per_sep);

/* bytes(o) / bytearray(o) without __bytes__: a bytes copy of a bytes-like object,
 * zeros for an int, or the ints of an iterable; `what` ("bytes"/"bytearray")
 * names the type in messages. */
PYL_INTERNAL PylObject *pyl_bytes_convert(PylThread *t, PylObject *o, const char *what);
/* self[key] for bytes or bytearray self (an int, or a slice of self's kind). */
PYL_INTERNAL PylObject *pyl_bytes_getitem_any(PylThread *t, PylObject *self, PylObject *key);
/* self * n for bytes or bytearray self (n < 0 counts as 0). */
PYL_INTERNAL PylObject *pyl_bytes_repeat_like(PylThread *t, PylObject *self, intptr_t n);
/* iter(bytearray) (the iterator types live in bytes.c). */
PYL_INTERNAL PylObject *pyl_bytearray_iter(PylThread *t, PylObject *self);

/* Resize a bytearray's contents to n bytes (new bytes uninitialised); -1 +
 * MemoryError / BufferError. */
PYL_INTERNAL int pyl_bytearray_resize(PylThread *t, PylObject *ba, intptr_t n);

/* ---- raw byte-string algorithms, shared by str, bytes and bytearray ---- */

/* Offset of the first (last) occurrence of needle in haystack, or -1. An empty
 * needle is found at 0 (at hn). */
PYL_INTERNAL intptr_t pyl_bytes_find(const char *h, intptr_t hn, const char *n, intptr_t nn);
PYL_INTERNAL intptr_t pyl_bytes_rfind(const char *h, intptr_t hn, const char *n, intptr_t nn);
/* Non-overlapping occurrences of a non-empty needle, at most max. */
PYL_INTERNAL intptr_t pyl_bytes_count(const char *h, intptr_t hn, const char *n, intptr_t nn,
                                      intptr_t max);

/* ---- the methods bytes and bytearray share (bytes.c); results have the type of
 * self (bytes or bytearray). Listed by PYL_BYTES_COMMON_METHODS for both method
 * tables. ---- */
#define PYL_BYTES_SHARED(X)                                                                        \
    X(capitalize, NOARGS)                                                                          \
    X(center, FAST)                                                                                \
    X(count, FAST)                                                                                 \
    X(decode, KW)                                                                                  \
    X(endswith, FAST)                                                                              \
    X(expandtabs, KW)                                                                              \
    X(find, FAST)                                                                                  \
    X(hex, KW)                                                                                     \
    X(index, FAST)                                                                                 \
    X(isalnum, NOARGS)                                                                             \
    X(isalpha, NOARGS)                                                                             \
    X(isascii, NOARGS)                                                                             \
    X(isdigit, NOARGS)                                                                             \
    X(islower, NOARGS)                                                                             \
    X(isspace, NOARGS)                                                                             \
    X(istitle, NOARGS)                                                                             \
    X(isupper, NOARGS)                                                                             \
    X(join, O)                                                                                     \
    X(ljust, FAST)                                                                                 \
    X(lower, NOARGS)                                                                               \
    X(lstrip, FAST)                                                                                \
    X(partition, O)                                                                                \
    X(removeprefix, O)                                                                             \
    X(removesuffix, O)                                                                             \
    X(replace, FAST)                                                                               \
    X(rfind, FAST)                                                                                 \
    X(rindex, FAST)                                                                                \
    X(rjust, FAST)                                                                                 \
    X(rpartition, O)                                                                               \
    X(rsplit, KW)                                                                                  \
    X(rstrip, FAST)                                                                                \
    X(split, KW)                                                                                   \
    X(splitlines, KW)                                                                              \
    X(startswith, FAST)                                                                            \
    X(strip, FAST)                                                                                 \
    X(swapcase, NOARGS)                                                                            \
    X(title, NOARGS)                                                                               \
    X(translate, KW)                                                                               \
    X(upper, NOARGS)                                                                               \
    X(zfill, O)

#define PYL_BYTES_PROTO_NOARGS(name) PylObject *pyl_bytesm_##name(PylThread *t, PylObject *self)
#define PYL_BYTES_PROTO_O(name)                                                                    \
    PylObject *pyl_bytesm_##name(PylThread *t, PylObject *self, PylObject *arg)
#define PYL_BYTES_PROTO_FAST(name)                                                                 \
    PylObject *pyl_bytesm_##name(PylThread *t, PylObject *self, PylObject *const *args,            \
                                 intptr_t nargs)
#define PYL_BYTES_PROTO_KW(name)                                                                   \
    PylObject *pyl_bytesm_##name(PylThread *t, PylObject *self, PylObject *const *args,            \
                                 intptr_t nargs, PylObject *kwnames)
#define PYL_BYTES_DECLARE(name, how) PYL_INTERNAL PYL_BYTES_PROTO_##how(name);
PYL_BYTES_SHARED(PYL_BYTES_DECLARE)
#undef PYL_BYTES_DECLARE

#define PYL_BYTES_METHOD_ENTRY(name, how) PYL_METHOD_##how(#name, pyl_bytesm_##name),
#define PYL_BYTES_COMMON_METHODS PYL_BYTES_SHARED(PYL_BYTES_METHOD_ENTRY)

/* The static/class methods both types have: maketrans, fromhex (fromhex builds an
 * instance of the class it is called on). */
PYL_INTERNAL PylObject *pyl_bytes_maketrans(PylThread *t, PylObject *unused, PylObject *const *args,
                                            intptr_t nargs);
PYL_INTERNAL PylObject *pyl_bytes_fromhex(PylThread *t, PylObject *cls, PylObject *arg);
/* Shared slots. */
PYL_INTERNAL PylObject *pyl_bytes_richcompare_any(PylThread *t, PylObject *a, PylObject *b, int op);
PYL_INTERNAL int pyl_bytes_contains_any(PylThread *t, PylObject *self, PylObject *item);

#endif
