/* str.h — Python str: immutable Unicode text stored as UTF-8.
 *
 *     +--------+------+--------+--------+------+-------+-------+----------+----------------+
 *     | refcnt | type | nbytes | nchars | hash | index | ascii | interned | data[nbytes]\0 |
 *     +--------+------+--------+--------+------+-------+-------+----------+----------------+
 *                                                  |
 *                                                  v  (non-ASCII strs only, built lazily)
 *                              [ byte offset of char 0, of char 64, of char 128, ... ]
 *
 * data is "generalized" UTF-8: every code point U+0000..U+10FFFF including lone
 * surrogates (U+D800..U+DFFF, 3 bytes each), so any Python str round-trips; there
 * is always a NUL after the last byte. nchars is the length in code points; when
 * ascii is set, nbytes == nchars and indexing is O(1). hash is -1 until computed
 * (SipHash-1-3 with the VM's key). Byte order of UTF-8 equals code point order, so
 * comparisons are memcmp.
 *
 * index is a cache, invisible outside str.c: for a non-ASCII str indexed or sliced
 * by code point, the byte offset of every PYL_STR_INDEX_STEP-th code point, so
 * s[i] costs at most PYL_STR_INDEX_STEP decoding steps instead of O(len). It is
 * freed with the str; a str's content never changes once it has escaped (the one
 * exception, pyl_str_append_inplace, drops the index).
 */
#ifndef PYL_STR_H
#define PYL_STR_H

#include "vm/object.h"

typedef struct PylStr {
    PylObject ob;
    intptr_t nbytes;
    intptr_t nchars;
    PylHash hash;
    intptr_t *index; /* see above; NULL until needed */
    uint8_t ascii;
    uint8_t interned;
    char data[];
} PylStr;

#define PYL_STR_DATA(o) (((PylStr *)(o))->data)
#define PYL_STR_NBYTES(o) (((PylStr *)(o))->nbytes)
#define PYL_STR_LEN(o) (((PylStr *)(o))->nchars)
#define PYL_STR_IS_ASCII(o) (((PylStr *)(o))->ascii)
#define PYL_STR_INDEX_STEP 64

/* A str from UTF-8 bytes that are known to be valid (generalized) UTF-8. */
PYL_INTERNAL PylObject *pyl_str_new(PylThread *t, const char *utf8, intptr_t nbytes);
PYL_INTERNAL PylObject *pyl_str_from_cstr(PylThread *t, const char *s);
/* A str from bytes that may be invalid UTF-8: UnicodeDecodeError per `errors`
 * (any handler codecs.c knows; NULL = "strict"). */
PYL_INTERNAL PylObject *pyl_str_decode_utf8(PylThread *t, const char *s, intptr_t n,
                                            const char *errors);
PYL_INTERNAL PylObject *pyl_str_from_latin1(PylThread *t, const char *s, intptr_t n);
PYL_INTERNAL PylObject *pyl_str_from_codepoint(PylThread *t, uint32_t cp);
/* A str of nbytes of valid UTF-8 whose code point count and ASCII-ness the caller
 * already knows (skips counting). */
PYL_INTERNAL PylObject *pyl_str_new_counted(PylThread *t, const char *utf8, intptr_t nbytes,
                                            intptr_t nchars, bool ascii);
/* A str made from a block allocated by pyl_mem_* whose bytes start at
 * offsetof(PylStr, data) (PylBuf's layout); steals the block, also on failure. */
PYL_INTERNAL PylObject *pyl_str_from_block(PylThread *t, char *block, intptr_t nbytes);
/* A str built like pyl_err_format's message (same % codes). */
PYL_INTERNAL PylObject *pyl_str_format_c(PylThread *t, const char *fmt, ...);

PYL_INTERNAL PylHash pyl_str_hash(PylThread *t, PylObject *s);
/* The hash a str holding these UTF-8 bytes has (without making the str). */
PYL_INTERNAL PylHash pyl_str_hash_bytes(PylVM *vm, const char *utf8, intptr_t nbytes);
PYL_INTERNAL bool pyl_str_equal(PylObject *a, PylObject *b);
PYL_INTERNAL bool pyl_str_equal_cstr(PylObject *a, const char *s);
/* <0, 0, >0 in code point order. */
PYL_INTERNAL int pyl_str_compare(PylObject *a, PylObject *b);

/* The VM's unique copy of a str equal to s. Steals s, returns a new reference.
 * Identifiers, attribute names and names.def entries are interned, so a pointer
 * comparison finds equal names first. */
PYL_INTERNAL PylObject *pyl_str_intern(PylThread *t, PylObject *s);
PYL_INTERNAL PylObject *pyl_str_intern_cstr(PylThread *t, const char *s);

PYL_INTERNAL PylObject *pyl_str_concat(PylThread *t, PylObject *a, PylObject *b);
/* *sp += b for strs, the fast path of `s += x` loops: when *sp is an exact,
 * non-interned str whose only reference is *sp, it is grown in place (realloc);
 * otherwise *sp is replaced by a new concatenation. *sp is an owned reference
 * that is replaced (the old one released) on success; on failure (-1) *sp is left
 * untouched. b must be a str (borrowed). */
PYL_INTERNAL int pyl_str_append_inplace(PylThread *t, PylObject **sp, PylObject *b);
/* s * n (n <= 0 gives ''). */
PYL_INTERNAL PylObject *pyl_str_repeat(PylThread *t, PylObject *s, intptr_t n);
/* sep.join(iterable). */
PYL_INTERNAL PylObject *pyl_str_join(PylThread *t, PylObject *sep, PylObject *iterable);
/* repr(s) with Python's quoting; ascii_only escapes all non-ASCII (ascii()). */
PYL_INTERNAL PylObject *pyl_str_repr_ex(PylThread *t, PylObject *s, bool ascii_only);
/* s[i] for 0 <= i < len (a new 1-char str). */
PYL_INTERNAL PylObject *pyl_str_char_at(PylThread *t, PylObject *s, intptr_t i);
/* Byte offset of code point index i (0 <= i <= len). */
PYL_INTERNAL intptr_t pyl_str_offset(PylObject *s, intptr_t i);
/* The same, building the str's sparse index when that pays (may be used anywhere
 * a thread is at hand; never fails). */
PYL_INTERNAL intptr_t pyl_str_offset_t(PylThread *t, PylObject *s, intptr_t i);
/* Code point index of byte offset off (a character boundary, 0 <= off <= nbytes). */
PYL_INTERNAL intptr_t pyl_str_char_index(PylThread *t, PylObject *s, intptr_t off);
/* Bytes spanned by n code points starting at byte offset `from`. */
PYL_INTERNAL intptr_t pyl_str_offset_from(PylObject *s, intptr_t from, intptr_t n);
/* s[start:stop] in code points (already clamped, 0 <= start <= stop <= len). */
PYL_INTERNAL PylObject *pyl_str_substr(PylThread *t, PylObject *s, intptr_t start, intptr_t stop);
/* str.format(*args, **kw) / format_map. */
PYL_INTERNAL PylObject *pyl_str_format_method(PylThread *t, PylObject *fmt, PylObject *const *args,
                                              intptr_t nargs, PylObject *kwnames,
                                              PylObject *mapping);
/* fmt % args for str (printf-style formatting). */
PYL_INTERNAL PylObject *pyl_str_mod(PylThread *t, PylObject *fmt, PylObject *args);
/* s.encode(encoding, errors); NULL encoding = "utf-8", NULL errors = "strict". */
PYL_INTERNAL PylObject *pyl_str_encode(PylThread *t, PylObject *s, const char *encoding,
                                       const char *errors);

/* Argument conversions with Argument Clinic's messages, shared by the text types:
 * Py_ssize_t ('n': __index__, "Python int too large to convert to C ssize_t") and
 * C int ('i': no floats, "Python int too large to convert to C int"). 0 / -1. */
PYL_INTERNAL int pyl_arg_ssize(PylThread *t, PylObject *o, intptr_t *out);
PYL_INTERNAL int pyl_arg_cint(PylThread *t, PylObject *o, intptr_t *out);

/* find()-style optional start/end arguments (None or __index__ objects) resolved
 * against len as CPython's ADJUST_INDICES does: end clamped to [0, len], start to
 * >= 0 (it may exceed len). 0 / -1 + TypeError "slice indices must be integers or
 * None or have an __index__ method". */
PYL_INTERNAL int pyl_str_adjust_range(PylThread *t, PylObject *so, PylObject *eo, intptr_t len,
                                      intptr_t *start, intptr_t *end);
/* A str argument of a keyword-taking builtin as a C string (o NULL: leave *out);
 * TypeError "encode() argument 'encoding' must be str, not int", ValueError
 * "embedded null character". 0 / -1. */
PYL_INTERNAL int pyl_str_arg_cstr(PylThread *t, PylObject *o, const char *fname, const char *pname,
                                  const char **out);
/* str.isidentifier(): XID_Start or '_', then XID_Continue. */
PYL_INTERNAL bool pyl_str_isidentifier(PylObject *s);
/* The count of seq * count for str, bytes and bytearray: 1 with *n set, 0 when a
 * Python class operand should get its turn (NotImplemented), -1 + CPython's
 * TypeError "can't multiply sequence by non-int of type 'float'". seq_on_right:
 * the sequence is the right operand (then a builtin sequence on the left is the
 * one being repeated, and the message names seq's type). */
PYL_INTERNAL int pyl_seq_repeat_count(PylThread *t, PylObject *seq, PylObject *count, intptr_t *n,
                                      bool seq_on_right);

/* UTF-8 helpers: decode one code point at *p (advances *p; input must be valid
 * generalized UTF-8), encode cp into out (returns bytes written, 1..4). */
static inline uint32_t pyl_utf8_next(const char **pp)
{
    const unsigned char *p = (const unsigned char *)*pp;
    uint32_t c = p[0];
    if (c < 0x80) {
        *pp += 1;
        return c;
    }
    if (c < 0xE0) {
        *pp += 2;
        return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *pp += 3;
        return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *pp += 4;
    return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}
PYL_INTERNAL int pyl_utf8_encode(uint32_t cp, char *out);
/* Bytes in the UTF-8 sequence that starts with lead byte c (1 for continuation
 * bytes, so a scan always advances). */
static inline int pyl_utf8_seqlen(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}
/* ---- shared by str.c (the type) and strmethods.c (its methods) ---- */

/* Code points in n bytes of valid UTF-8; *ascii tells whether all are ASCII. */
PYL_INTERNAL intptr_t pyl_utf8_count(const char *s, intptr_t n, bool *ascii);
PYL_INTERNAL intptr_t pyl_utf8_count_only(const char *s, intptr_t n);
/* A fresh exact str of nbytes bytes, NUL-terminated; the caller fills the data,
 * nchars and ascii. */
PYL_INTERNAL PylStr *pyl_str_alloc(PylThread *t, intptr_t nbytes);
/* A substring of s given by byte offsets [a, b). */
PYL_INTERNAL PylObject *pyl_str_slice_bytes(PylThread *t, PylObject *s, intptr_t a, intptr_t b);
/* s itself when it is an exact str, else an exact copy (what a method returns
 * when nothing changes). */
PYL_INTERNAL PylObject *pyl_str_same(PylThread *t, PylObject *s);
/* The methods of str (strmethods.c). */
PYL_INTERNAL extern const PylMethodDef pyl_str_methods[];

/* Decode the code point that ends just before *pp (moves *pp back to its start). */
static inline uint32_t pyl_utf8_prev(const char **pp)
{
    const char *p = *pp - 1;
    while (((unsigned char)*p & 0xC0) == 0x80) {
        p--;
    }
    *pp = p;
    const char *q = p;
    return pyl_utf8_next(&q);
}

#endif
