/* marshal.c — code objects to bytes and back (see marshal.h for the layout),
 * and the verifier that makes loaded bytecode safe to run. */
#include <stdio.h>
#include <stdlib.h>

#include "vm/code.h"
#include "vm/core.h"
#include "vm/marshal.h"
#include "vm/siphash.h"

#define CACHE_MAGIC "PYLC"
#define CACHE_FORMAT 2u /* bump whenever the instruction set or this layout changes */
#define HEADER_SIZE (4 + 4 + 8 + 8 + 8 + 8)
#define MAX_DEPTH 200 /* nesting of objects in the payload */

static const uint64_t checksum_key[2] = {0x70796c2d63616368ULL, 0x652d666f726d6174ULL};

/* ---- writing ------------------------------------------------------------------------ */

static int put_u8(PylThread *t, PylBuf *b, unsigned v)
{
    return pyl_buf_putc(t, b, (char)(v & 0xFF));
}

static int put_u32(PylThread *t, PylBuf *b, uint32_t v)
{
    unsigned char d[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return pyl_buf_append(t, b, d, 4);
}

static int put_u64(PylThread *t, PylBuf *b, uint64_t v)
{
    return put_u32(t, b, (uint32_t)v) < 0 ? -1 : put_u32(t, b, (uint32_t)(v >> 32));
}

static int put_bytes(PylThread *t, PylBuf *b, const char *p, intptr_t n)
{
    if (n > UINT32_MAX) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "object too large to cache");
        return -1;
    }
    return put_u32(t, b, (uint32_t)n) < 0 ? -1 : pyl_buf_append(t, b, p, n);
}

static int put_object(PylThread *t, PylBuf *b, PylObject *o, int depth);

static int put_code(PylThread *t, PylBuf *b, PylCode *co, int depth)
{
    int32_t ints[] = {co->argcount, co->posonlyargcount, co->kwonlyargcount, co->nlocalsplus,
                      co->nlocals,  co->ncells,          co->nfrees,         co->stacksize,
                      co->flags,    co->firstlineno};
    if (put_u8(t, b, 'c') < 0) {
        return -1;
    }
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (put_u32(t, b, (uint32_t)ints[i]) < 0) {
            return -1;
        }
    }
    if (put_object(t, b, co->consts, depth + 1) < 0 || put_object(t, b, co->names, depth + 1) < 0 ||
        put_object(t, b, co->localsplusnames, depth + 1) < 0 ||
        put_bytes(t, b, (const char *)co->localspluskinds, co->nlocalsplus) < 0 ||
        put_object(t, b, co->name, depth + 1) < 0 ||
        put_object(t, b, co->qualname, depth + 1) < 0 || put_u32(t, b, (uint32_t)co->ncode) < 0) {
        return -1;
    }
    for (intptr_t i = 0; i < co->ncode;) {
        uint32_t w = co->code[i];
        int op = PYL_OPCODE_OF(w);
        if (put_u32(t, b, w) < 0) {
            return -1;
        }
        i++;
        for (int k = 0; k < pyl_opcode_caches[op] && i < co->ncode; k++, i++) {
            if (put_u32(t, b, 0) < 0) { /* caches are never written */
                return -1;
            }
        }
    }
    for (intptr_t i = 0; i < co->ncode; i++) {
        PylLocation *l = &co->locations[i];
        if (put_u32(t, b, (uint32_t)l->line) < 0 || put_u32(t, b, (uint32_t)l->end_line) < 0 ||
            put_u32(t, b, (uint32_t)(uint16_t)l->col | ((uint32_t)(uint16_t)l->end_col << 16)) <
                0) {
            return -1;
        }
    }
    if (put_u32(t, b, (uint32_t)co->nexc) < 0) {
        return -1;
    }
    for (intptr_t i = 0; i < co->nexc; i++) {
        PylExcEntry *e = &co->exctable[i];
        if (put_u32(t, b, e->start) < 0 || put_u32(t, b, e->end) < 0 ||
            put_u32(t, b, e->handler) < 0 ||
            put_u32(t, b, (uint32_t)e->depth | ((uint32_t)e->lasti << 16)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int put_object(PylThread *t, PylBuf *b, PylObject *o, int depth)
{
    if (depth > MAX_DEPTH) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "object too deeply nested to cache");
        return -1;
    }
    if (o == PYL_NONE) {
        return put_u8(t, b, 'N');
    }
    if (o == PYL_TRUE) {
        return put_u8(t, b, 'T');
    }
    if (o == PYL_FALSE) {
        return put_u8(t, b, 'F');
    }
    if (o == PYL_ELLIPSIS) {
        return put_u8(t, b, '.');
    }
    if (PYL_IS_SMALLINT(o)) {
        return put_u8(t, b, 'i') < 0 ? -1 : put_u64(t, b, (uint64_t)PYL_SMALLINT_VALUE(o));
    }
    if (PYL_IS_KIND(o, INT)) {
        PylObject *s = pyl_int_repr(t, o);
        if (s == NULL) {
            return -1;
        }
        int r = put_u8(t, b, 'l') < 0 ? -1 : put_bytes(t, b, PYL_STR_DATA(s), PYL_STR_NBYTES(s));
        pyl_decref(t, s);
        return r;
    }
    if (PYL_IS_KIND(o, FLOAT)) {
        double d = PYL_FLOAT_VALUE(o);
        uint64_t bits;
        memcpy(&bits, &d, 8);
        return put_u8(t, b, 'f') < 0 ? -1 : put_u64(t, b, bits);
    }
    if (PYL_IS_KIND(o, COMPLEX)) {
        double d[2] = {PYL_COMPLEX_REAL(o), PYL_COMPLEX_IMAG(o)};
        uint64_t bits[2];
        memcpy(bits, d, sizeof bits);
        return put_u8(t, b, 'x') < 0 || put_u64(t, b, bits[0]) < 0 ? -1 : put_u64(t, b, bits[1]);
    }
    if (PYL_IS_KIND(o, STR)) {
        return put_u8(t, b, ((PylStr *)o)->interned ? 'S' : 's') < 0
                   ? -1
                   : put_bytes(t, b, PYL_STR_DATA(o), PYL_STR_NBYTES(o));
    }
    if (PYL_IS_KIND(o, BYTES)) {
        return put_u8(t, b, 'b') < 0 ? -1 : put_bytes(t, b, PYL_BYTES_DATA(o), PYL_BYTES_SIZE(o));
    }
    if (PYL_IS_KIND(o, TUPLE) || PYL_IS_KIND(o, FROZENSET)) {
        PylObject *items = PYL_IS_KIND(o, TUPLE) ? pyl_incref(o) : pyl_sequence_tuple(t, o);
        if (items == NULL) {
            return -1;
        }
        int r = put_u8(t, b, PYL_IS_KIND(o, TUPLE) ? 't' : 'z');
        if (r == 0) {
            r = put_u32(t, b, (uint32_t)PYL_TUPLE_SIZE(items));
        }
        for (intptr_t i = 0; r == 0 && i < PYL_TUPLE_SIZE(items); i++) {
            r = put_object(t, b, PYL_TUPLE_ITEM(items, i), depth + 1);
        }
        pyl_decref(t, items);
        return r;
    }
    if (PYL_IS_KIND(o, CODE)) {
        return put_code(t, b, (PylCode *)o, depth);
    }
    pyl_err_format(t, PYL_EXC(t, ValueError), "cannot cache a constant of type %T", o);
    return -1;
}

int pyl_marshal_code(PylThread *t, PylObject *code, PylBuf *out)
{
    return put_object(t, out, code, 0);
}

int pyl_marshal_cache_file(PylThread *t, PylObject *code, int64_t mtime_ns, int64_t size,
                           PylBuf *out)
{
    PylBuf payload;
    pyl_buf_init(&payload);
    if (pyl_marshal_code(t, code, &payload) < 0) {
        pyl_buf_free(t, &payload);
        return -1;
    }
    uint64_t sum = pyl_siphash13(checksum_key, payload.data, (size_t)payload.len);
    int r = pyl_buf_append(t, out, CACHE_MAGIC, 4);
    if (r == 0) {
        r = put_u32(t, out, CACHE_FORMAT);
    }
    if (r == 0) {
        r = put_u64(t, out, (uint64_t)mtime_ns);
    }
    if (r == 0) {
        r = put_u64(t, out, (uint64_t)size);
    }
    if (r == 0) {
        r = put_u64(t, out, (uint64_t)payload.len);
    }
    if (r == 0) {
        r = put_u64(t, out, sum);
    }
    if (r == 0) {
        r = pyl_buf_append(t, out, payload.data, payload.len);
    }
    pyl_buf_free(t, &payload);
    return r;
}

/* ---- reading ------------------------------------------------------------------------ */

typedef struct Reader {
    PylThread *t;
    const unsigned char *p, *end;
    PylObject *filename;
} Reader;

static int bad(Reader *r)
{
    if (pyl_err_occurred(r->t) == NULL) {
        pyl_err_format(r->t, PYL_EXC(r->t, ValueError), "bad marshal data");
    }
    return -1;
}

static int get_u8(Reader *r, unsigned *v)
{
    if (r->p >= r->end) {
        return bad(r);
    }
    *v = *r->p++;
    return 0;
}

static int get_u32(Reader *r, uint32_t *v)
{
    if (r->end - r->p < 4) {
        return bad(r);
    }
    *v = (uint32_t)r->p[0] | ((uint32_t)r->p[1] << 8) | ((uint32_t)r->p[2] << 16) |
         ((uint32_t)r->p[3] << 24);
    r->p += 4;
    return 0;
}

static int get_u64(Reader *r, uint64_t *v)
{
    uint32_t lo, hi;
    if (get_u32(r, &lo) < 0 || get_u32(r, &hi) < 0) {
        return -1;
    }
    *v = (uint64_t)lo | ((uint64_t)hi << 32);
    return 0;
}

static int get_span(Reader *r, const char **data, uint32_t *n)
{
    if (get_u32(r, n) < 0 || (uint64_t)(r->end - r->p) < *n) {
        return bad(r);
    }
    *data = (const char *)r->p;
    r->p += *n;
    return 0;
}

/* Generalized UTF-8: well-formed sequences, lone surrogates allowed. */
static bool valid_utf8(const unsigned char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n;) {
        unsigned c = s[i];
        int len = c < 0x80                  ? 1
                  : (c >= 0xC2 && c < 0xE0) ? 2
                  : (c >= 0xE0 && c < 0xF0) ? 3
                  : (c >= 0xF0 && c < 0xF5) ? 4
                                            : 0;
        if (len == 0 || i + (uint32_t)len > n) {
            return false;
        }
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xF0 && s[i + 1] < 0x90) ||
            (c == 0xF4 && s[i + 1] > 0x8F)) {
            return false;
        }
        i += (uint32_t)len;
    }
    return true;
}

static PylObject *get_object(Reader *r, int depth);

static int get_int32(Reader *r, int32_t *v)
{
    uint32_t u;
    if (get_u32(r, &u) < 0) {
        return -1;
    }
    *v = (int32_t)u;
    return 0;
}

static bool tuple_of_str(PylObject *o)
{
    if (!PYL_IS_KIND(o, TUPLE)) {
        return false;
    }
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(o); i++) {
        if (!PYL_IS_KIND(PYL_TUPLE_ITEM(o, i), STR)) {
            return false;
        }
    }
    return true;
}

static PylObject *get_code(Reader *r, int depth)
{
    PylThread *t = r->t;
    PylCode f;
    memset(&f, 0, sizeof f);
    int32_t *ints[] = {&f.argcount, &f.posonlyargcount, &f.kwonlyargcount, &f.nlocalsplus,
                       &f.nlocals,  &f.ncells,          &f.nfrees,         &f.stacksize,
                       &f.flags,    &f.firstlineno};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (get_int32(r, ints[i]) < 0) {
            return NULL;
        }
    }
    PylObject *consts = NULL, *names = NULL, *lpnames = NULL, *name = NULL, *qualname = NULL;
    PylObject *code = NULL;
    consts = get_object(r, depth + 1);
    names = consts ? get_object(r, depth + 1) : NULL;
    lpnames = names ? get_object(r, depth + 1) : NULL;
    const char *kinds = NULL;
    uint32_t nkinds = 0;
    if (lpnames == NULL || get_span(r, &kinds, &nkinds) < 0) {
        goto done;
    }
    name = get_object(r, depth + 1);
    qualname = name ? get_object(r, depth + 1) : NULL;
    uint32_t ncode;
    if (qualname == NULL || get_u32(r, &ncode) < 0) {
        goto done;
    }
    if (!PYL_IS_KIND(consts, TUPLE) || !tuple_of_str(names) || !tuple_of_str(lpnames) ||
        !PYL_IS_KIND(name, STR) || !PYL_IS_KIND(qualname, STR) || f.nlocalsplus < 0 ||
        f.nlocalsplus != PYL_TUPLE_SIZE(lpnames) || (uint32_t)f.nlocalsplus != nkinds ||
        f.nlocals < 0 || f.ncells < 0 || f.nfrees < 0 ||
        f.nlocals + f.ncells + f.nfrees != f.nlocalsplus || f.stacksize < 0 ||
        f.stacksize > (1 << 20) || f.argcount < 0 || f.kwonlyargcount < 0 ||
        f.posonlyargcount < 0 || f.posonlyargcount > f.argcount ||
        f.argcount + f.kwonlyargcount + !!(f.flags & PYL_CO_VARARGS) +
                !!(f.flags & PYL_CO_VARKEYWORDS) >
            f.nlocals ||
        ncode == 0 || ncode > PYL_ARG_MAX || (uint64_t)(r->end - r->p) < (uint64_t)ncode * 16) {
        bad(r);
        goto done;
    }
    f.ncode = ncode;
    f.code = pyl_mem_alloc(t, sizeof(uint32_t) * ncode);
    f.locations = pyl_mem_alloc(t, sizeof(PylLocation) * ncode);
    f.localspluskinds = pyl_mem_alloc(t, (size_t)nkinds + 1);
    if (f.code == NULL || f.locations == NULL || f.localspluskinds == NULL) {
        goto fail_arrays;
    }
    memcpy(f.localspluskinds, kinds, nkinds);
    for (uint32_t i = 0; i < ncode; i++) {
        get_u32(r, &f.code[i]);
    }
    for (uint32_t i = 0; i < ncode; i++) {
        uint32_t line, end_line, cols;
        get_u32(r, &line);
        get_u32(r, &end_line);
        get_u32(r, &cols);
        f.locations[i].line = (int32_t)line;
        f.locations[i].end_line = (int32_t)end_line;
        f.locations[i].col = (int16_t)(cols & 0xFFFF);
        f.locations[i].end_col = (int16_t)(cols >> 16);
    }
    uint32_t nexc;
    if (get_u32(r, &nexc) < 0 || (uint64_t)(r->end - r->p) < (uint64_t)nexc * 16) {
        bad(r);
        goto fail_arrays;
    }
    f.nexc = nexc;
    f.exctable = pyl_mem_alloc(t, sizeof(PylExcEntry) * (nexc ? nexc : 1));
    if (f.exctable == NULL) {
        goto fail_arrays;
    }
    for (uint32_t i = 0; i < nexc; i++) {
        uint32_t dl;
        PylExcEntry *e = &f.exctable[i];
        get_u32(r, &e->start);
        get_u32(r, &e->end);
        get_u32(r, &e->handler);
        get_u32(r, &dl);
        e->depth = (uint16_t)(dl & 0xFFFF);
        e->lasti = (uint8_t)(dl >> 16);
    }
    f.consts = consts;
    f.names = names;
    f.localsplusnames = lpnames;
    f.name = name;
    f.qualname = qualname;
    f.filename = r->filename;
    code = pyl_code_new(t, &f); /* owns the arrays from here, even on failure */
    if (code != NULL && pyl_code_verify(t, code) < 0) {
        PYL_CLEAR(t, code);
    }
    goto done;
fail_arrays:
    pyl_mem_free(t, f.code);
    pyl_mem_free(t, f.locations);
    pyl_mem_free(t, f.localspluskinds);
    pyl_mem_free(t, f.exctable);
done:
    pyl_xdecref(t, consts);
    pyl_xdecref(t, names);
    pyl_xdecref(t, lpnames);
    pyl_xdecref(t, name);
    pyl_xdecref(t, qualname);
    return code;
}

static PylObject *get_object(Reader *r, int depth)
{
    PylThread *t = r->t;
    unsigned tag = 0;
    if (depth > MAX_DEPTH || get_u8(r, &tag) < 0) {
        bad(r);
        return NULL;
    }
    switch (tag) {
    case 'N':
        return PYL_NONE;
    case 'T':
        return PYL_TRUE;
    case 'F':
        return PYL_FALSE;
    case '.':
        return PYL_ELLIPSIS;
    case 'i': {
        uint64_t v;
        if (get_u64(r, &v) < 0) {
            return NULL;
        }
        return pyl_int_from_i64(t, (int64_t)v);
    }
    case 'l': {
        const char *d;
        uint32_t n;
        if (get_span(r, &d, &n) < 0) {
            return NULL;
        }
        for (uint32_t i = 0; i < n; i++) {
            if (!((d[i] >= '0' && d[i] <= '9') || (i == 0 && d[i] == '-'))) {
                bad(r);
                return NULL;
            }
        }
        return pyl_int_from_string(t, d, n, 10);
    }
    case 'f': {
        uint64_t bits;
        if (get_u64(r, &bits) < 0) {
            return NULL;
        }
        double v;
        memcpy(&v, &bits, 8);
        return pyl_float_new(t, v);
    }
    case 'x': {
        uint64_t bits[2];
        if (get_u64(r, &bits[0]) < 0 || get_u64(r, &bits[1]) < 0) {
            return NULL;
        }
        double v[2];
        memcpy(v, bits, sizeof v);
        return pyl_complex_new(t, v[0], v[1]);
    }
    case 's':
    case 'S': {
        const char *d;
        uint32_t n;
        if (get_span(r, &d, &n) < 0) {
            return NULL;
        }
        if (!valid_utf8((const unsigned char *)d, n)) {
            bad(r);
            return NULL;
        }
        PylObject *s = pyl_str_new(t, d, n);
        return tag == 'S' ? pyl_str_intern(t, s) : s;
    }
    case 'b': {
        const char *d;
        uint32_t n;
        if (get_span(r, &d, &n) < 0) {
            return NULL;
        }
        return pyl_bytes_new(t, d, n);
    }
    case 't':
    case 'z': {
        uint32_t n;
        if (get_u32(r, &n) < 0 || (uint64_t)(r->end - r->p) < n) {
            bad(r);
            return NULL;
        }
        PylObject *tup = pyl_tuple_new(t, n);
        if (tup == NULL) {
            return NULL;
        }
        for (uint32_t i = 0; i < n; i++) {
            PylObject *item = get_object(r, depth + 1);
            if (item == NULL) {
                for (uint32_t k = i; k < n; k++) {
                    PYL_TUPLE_ITEMS(tup)[k] = pyl_incref(PYL_NONE);
                }
                pyl_decref(t, tup);
                return NULL;
            }
            PYL_TUPLE_ITEMS(tup)[i] = item;
        }
        if (tag == 'z') {
            PylObject *fs = pyl_frozenset_new(t, tup);
            pyl_decref(t, tup);
            return fs;
        }
        return tup;
    }
    case 'c':
        return get_code(r, depth);
    default:
        bad(r);
        return NULL;
    }
}

PylObject *pyl_unmarshal_code(PylThread *t, const char *data, size_t n, PylObject *filename)
{
    Reader r = {t, (const unsigned char *)data, (const unsigned char *)data + n, filename};
    PylObject *o = get_object(&r, 0);
    if (o != NULL && (!PYL_IS_KIND(o, CODE) || r.p != r.end)) {
        pyl_decref(t, o);
        bad(&r);
        return NULL;
    }
    return o;
}

PylObject *pyl_unmarshal_cache_file(PylThread *t, const char *data, size_t n, int64_t mtime_ns,
                                    int64_t size, PylObject *filename)
{
    if (n < HEADER_SIZE || memcmp(data, CACHE_MAGIC, 4) != 0) {
        return NULL;
    }
    Reader r = {t, (const unsigned char *)data + 4, (const unsigned char *)data + n, filename};
    uint32_t format = 0;
    uint64_t mtime = 0, sz = 0, len = 0, sum = 0;
    get_u32(&r, &format);
    get_u64(&r, &mtime);
    get_u64(&r, &sz);
    get_u64(&r, &len);
    get_u64(&r, &sum);
    if (format != CACHE_FORMAT || (int64_t)mtime != mtime_ns || (int64_t)sz != size ||
        len != n - HEADER_SIZE ||
        pyl_siphash13(checksum_key, data + HEADER_SIZE, (size_t)len) != sum) {
        return NULL;
    }
    PylObject *code = pyl_unmarshal_code(t, data + HEADER_SIZE, (size_t)len, filename);
    if (code == NULL) {
        pyl_err_clear(t);
    }
    return code;
}

/* ---- the verifier ------------------------------------------------------------------- */

static int verify_error(PylThread *t, PylCode *co, const char *what, intptr_t at)
{
    pyl_err_format(t, PYL_EXC(t, ValueError), "invalid bytecode in %U: %s at %zd", co->qualname,
                   what, (ssize_t)at);
    return -1;
}

int pyl_code_verify(PylThread *t, PylObject *code)
{
    PylCode *co = (PylCode *)code;
    intptr_t n = co->ncode;
    intptr_t nconsts = PYL_TUPLE_SIZE(co->consts), nnames = PYL_TUPLE_SIZE(co->names);
    /* which words start instructions, and the operands */
    uint8_t *start = pyl_mem_calloc(t, (size_t)n + 1);
    int *depth = pyl_mem_alloc(t, sizeof(int) * (size_t)(n + 1));
    intptr_t *work = pyl_mem_alloc(t, sizeof(intptr_t) * (size_t)(n + 1));
    int rc = -1;
    if (start == NULL || depth == NULL || work == NULL) {
        goto done;
    }
    for (intptr_t i = 0; i < n;) {
        uint32_t w = co->code[i];
        int op = PYL_OPCODE_OF(w);
        uint32_t arg = PYL_ARG_OF(w);
        if (op >= OP_COUNT || op == OP_EXTENDED_ARG || op == OP_CACHE) {
            verify_error(t, co, "bad opcode", i);
            goto done;
        }
        start[i] = 1;
        switch (pyl_opcode_flags[op]) {
        case OPF_CONST:
            if (arg >= (uint32_t)nconsts) {
                verify_error(t, co, "constant index out of range", i);
                goto done;
            }
            if (op == OP_KW_NAMES && !tuple_of_str(PYL_TUPLE_ITEM(co->consts, arg))) {
                verify_error(t, co, "keyword names are not a tuple of str", i);
                goto done;
            }
            break;
        case OPF_NAME:
            if (arg >= (uint32_t)nnames) {
                verify_error(t, co, "name index out of range", i);
                goto done;
            }
            break;
        case OPF_LOCAL:
            if (arg >= (uint32_t)co->nlocalsplus) {
                verify_error(t, co, "local index out of range", i);
                goto done;
            }
            if ((op == OP_LOAD_DEREF || op == OP_STORE_DEREF || op == OP_DELETE_DEREF ||
                 op == OP_LOAD_CLOSURE || op == OP_LOAD_CLASSDEREF) &&
                !(co->localspluskinds[arg] & (PYL_LOCAL_CELL | PYL_LOCAL_FREE))) {
                verify_error(t, co, "cell access to a plain local", i);
                goto done;
            }
            break;
        case OPF_LOCAL2:
            if ((arg >> 12) >= (uint32_t)co->nlocalsplus ||
                (arg & 0xFFF) >= (uint32_t)co->nlocalsplus) {
                verify_error(t, co, "local index out of range", i);
                goto done;
            }
            break;
        case OPF_JUMP:
            if (arg >= (uint32_t)n) {
                verify_error(t, co, "jump target out of range", i);
                goto done;
            }
            break;
        case OPF_CMP:
            if (arg > PYL_GE) {
                verify_error(t, co, "bad comparison", i);
                goto done;
            }
            break;
        case OPF_BINOP:
            if (arg >= 2 * PYL_NB_COUNT) {
                verify_error(t, co, "bad operator", i);
                goto done;
            }
            break;
        default:
            break;
        }
        if (op == OP_COPY_FREE_VARS && arg != (uint32_t)co->nfrees) {
            verify_error(t, co, "bad free variable count", i);
            goto done;
        }
        /* caches are zeroed here: they are never trusted from the file */
        for (int k = 1; k <= pyl_opcode_caches[op]; k++) {
            if (i + k < n) {
                co->code[i + k] = 0;
            }
        }
        i += 1 + pyl_opcode_caches[op];
        if (i > n) {
            verify_error(t, co, "truncated instruction", i);
            goto done;
        }
    }
    for (intptr_t i = 0; i < n; i++) {
        uint32_t w = co->code[i];
        if (start[i] && pyl_opcode_flags[PYL_OPCODE_OF(w)] == OPF_JUMP && !start[PYL_ARG_OF(w)]) {
            verify_error(t, co, "jump into the middle of an instruction", i);
            goto done;
        }
    }
    for (intptr_t k = 0; k < co->nexc; k++) {
        PylExcEntry *e = &co->exctable[k];
        if (e->start >= e->end || e->end > (uint32_t)n || e->handler >= (uint32_t)n ||
            !start[e->handler] || e->depth + 2 > co->stacksize ||
            (k > 0 && e->start < co->exctable[k - 1].end)) {
            verify_error(t, co, "bad exception table entry", k);
            goto done;
        }
    }
    /* stack depths: every path agrees, never below zero or above stacksize */
    for (intptr_t i = 0; i <= n; i++) {
        depth[i] = -1;
    }
    intptr_t nwork = 0;
    depth[0] = 0;
    work[nwork++] = 0;
    for (intptr_t k = 0; k < co->nexc; k++) {
        PylExcEntry *e = &co->exctable[k];
        int d = e->depth + e->lasti + 1;
        if (depth[e->handler] >= 0 && depth[e->handler] != d) {
            verify_error(t, co, "inconsistent handler depth", e->handler);
            goto done;
        }
        if (depth[e->handler] < 0) {
            depth[e->handler] = d;
            work[nwork++] = e->handler;
        }
    }
    while (nwork > 0) {
        intptr_t i = work[--nwork];
        int d = depth[i];
        uint32_t w = co->code[i];
        int op = PYL_OPCODE_OF(w);
        int arg = (int)PYL_ARG_OF(w);
        int pop = pyl_opcode_pops(op, arg), push = pyl_opcode_pushes(op, arg);
        if (d - pop < 0 || d - pop + push > co->stacksize || d > co->stacksize) {
            verify_error(t, co, "stack depth out of range", i);
            goto done;
        }
        intptr_t targets[2];
        int dtargets[2], nt = 0;
        if (pyl_opcode_flags[op] == OPF_JUMP) {
            targets[nt] = arg;
            dtargets[nt++] = (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD)
                                 ? d
                                 : d + pyl_opcode_jump_effect(op);
        }
        if (!pyl_opcode_is_terminal(op)) {
            intptr_t next = i + 1 + pyl_opcode_caches[op];
            if (next >= n) {
                verify_error(t, co, "falls off the end", i);
                goto done;
            }
            targets[nt] = next;
            dtargets[nt++] = d - pop + push;
        }
        for (int k = 0; k < nt; k++) {
            if (dtargets[k] < 0) {
                verify_error(t, co, "stack underflow", i);
                goto done;
            }
            if (depth[targets[k]] < 0) {
                depth[targets[k]] = dtargets[k];
                work[nwork++] = targets[k];
            } else if (depth[targets[k]] != dtargets[k]) {
                verify_error(t, co, "inconsistent stack depth", targets[k]);
                goto done;
            }
        }
    }
    /* nested code objects */
    for (intptr_t k = 0; k < nconsts; k++) {
        PylObject *c = PYL_TUPLE_ITEM(co->consts, k);
        if (PYL_IS_KIND(c, CODE) && pyl_code_verify(t, c) < 0) {
            goto done;
        }
    }
    rc = 0;
done:
    pyl_mem_free(t, start);
    pyl_mem_free(t, depth);
    pyl_mem_free(t, work);
    return rc;
}
