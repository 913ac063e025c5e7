/* bytearray.c — the mutable byte string. The read-only methods are bytes.c's
 * shared ones (PYL_BYTES_COMMON_METHODS); this file has the storage, the
 * constructor and everything that mutates.
 *
 * data points to a block of cap + 1 bytes (always allocated, so data is never
 * NULL); data[size] is a NUL. Growth over-allocates by about 1/8 so appends are
 * amortised O(1); shrinking below half the capacity gives memory back. */
#include <stdio.h>
#include <stdlib.h>

#include "vm/codecs.h"
#include "vm/core.h"

#define BA(o) ((PylByteArray *)(o))

int pyl_bytearray_resize(PylThread *t, PylObject *o, intptr_t n)
{
    PylByteArray *ba = BA(o);
    if (n == ba->size) {
        return 0;
    }
    if (ba->exports > 0) {
        pyl_err_format(t, PYL_EXC(t, BufferError),
                       "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (n < 0 || n > INTPTR_MAX / 2) {
        pyl_err_nomemory(t);
        return -1;
    }
    if (n > ba->cap || n < ba->cap / 2) {
        intptr_t cap = n > ba->cap ? n + (n >> 3) + (n < 9 ? 3 : 6) : n;
        if (ba->size == 0 && n > ba->cap) {
            cap = n; /* first fill: exact */
        }
        char *d = pyl_mem_realloc(t, ba->data, (size_t)cap + 1);
        if (d == NULL) {
            return -1;
        }
        ba->data = d;
        ba->cap = cap;
    }
    ba->size = n;
    ba->data[n] = '\0';
    return 0;
}

static PylObject *ba_alloc(PylThread *t, PylType *type)
{
    intptr_t size = type->basicsize > (intptr_t)sizeof(PylByteArray)
                        ? type->basicsize
                        : (intptr_t)sizeof(PylByteArray);
    PylByteArray *ba = (PylByteArray *)pyl_obj_alloc(t, type, size);
    if (ba == NULL) {
        return NULL;
    }
    ba->data = pyl_mem_alloc(t, 1);
    if (ba->data == NULL) {
        pyl_obj_free(t, (PylObject *)ba);
        return NULL;
    }
    ba->data[0] = '\0';
    return (PylObject *)ba;
}

PylObject *pyl_bytearray_new(PylThread *t, const void *data, intptr_t n)
{
    PylObject *o = ba_alloc(t, PYL_TYPE(t, BYTEARRAY));
    if (o == NULL) {
        return NULL;
    }
    if (n > 0) {
        if (pyl_bytearray_resize(t, o, n) < 0) {
            pyl_decref(t, o);
            return NULL;
        }
        if (data != NULL) {
            memcpy(BA(o)->data, data, (size_t)n);
        }
    }
    return o;
}

/* Replace bytes [start, start + len) with n bytes from src (which may alias
 * self's own data: it is copied first when needed). */
static int ba_splice(PylThread *t, PylObject *self, intptr_t start, intptr_t len, const char *src,
                     intptr_t n)
{
    PylByteArray *ba = BA(self);
    char *copy = NULL;
    if (n > 0 && (uintptr_t)src >= (uintptr_t)ba->data &&
        (uintptr_t)src <= (uintptr_t)ba->data + (uintptr_t)ba->cap) {
        copy = pyl_mem_alloc(t, (size_t)n);
        if (copy == NULL) {
            return -1;
        }
        memcpy(copy, src, (size_t)n);
        src = copy;
    }
    intptr_t old = ba->size, tail = old - start - len;
    if (n > len) {
        if (pyl_bytearray_resize(t, self, old + (n - len)) < 0) {
            pyl_mem_free(t, copy);
            return -1;
        }
        memmove(ba->data + start + n, ba->data + start + len, (size_t)tail);
    } else if (n < len) {
        if (ba->exports > 0) {
            pyl_mem_free(t, copy);
            pyl_err_format(t, PYL_EXC(t, BufferError),
                           "Existing exports of data: object cannot be re-sized");
            return -1;
        }
        memmove(ba->data + start + n, ba->data + start + len, (size_t)tail);
        if (pyl_bytearray_resize(t, self, old - (len - n)) < 0) {
            pyl_mem_free(t, copy);
            return -1;
        }
    }
    if (n > 0) {
        memcpy(ba->data + start, src, (size_t)n);
    }
    pyl_mem_free(t, copy);
    return 0;
}

/* A byte value argument: __index__, range-checked. */
static int byte_arg(PylThread *t, PylObject *o, int *out)
{
    intptr_t v;
    if (PYL_IS_SMALLINT(o)) {
        v = PYL_SMALLINT_VALUE(o);
    } else if (pyl_index_as_ssize(t, o, &v) < 0) {
        if (!pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            return -1;
        }
        pyl_err_clear(t);
        v = -1;
    }
    if (v < 0 || v > 255) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* The bytes of an assigned value for slice assignment / extend: a bytes-like
 * object (new reference to a bytes copy when it is self), or an iterable of
 * ints. Returns a new bytes object. */
static PylObject *value_bytes(PylThread *t, PylObject *v, const char *err)
{
    if (PYL_IS_BYTES(v)) {
        return pyl_incref(v);
    }
    if (PYL_IS_BYTEARRAY(v)) {
        return pyl_bytes_new(t, BA(v)->data, BA(v)->size);
    }
    if (PYL_IS_STR(v) || PYL_IS_INT(v) ||
        (PYL_TYPEOF(t, v)->iter == NULL && PYL_TYPEOF(t, v)->getitem == NULL)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), err, v);
    }
    PylObject *it = pyl_iter(t, v);
    if (it == NULL) {
        return NULL;
    }
    PylBuf b;
    pyl_buf_init(&b);
    PylObject *x;
    while ((x = pyl_iter_next(t, it)) != NULL) {
        int c;
        int r = byte_arg(t, x, &c);
        pyl_decref(t, x);
        if (r < 0 || pyl_buf_putc(t, &b, (char)c) < 0) {
            pyl_decref(t, it);
            pyl_buf_free(t, &b);
            return NULL;
        }
    }
    pyl_decref(t, it);
    if (t->exc != NULL) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_bytes_from_buf(t, &b);
}

/* ---- slots ------------------------------------------------------------------------ */

static PylObject *ba_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    return ba_alloc(t, type);
}

static int ba_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                   PylObject *kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    static const PylArgSpec spec = {"bytearray", names, 0, 3};
    PylObject *a[3];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return -1;
    }
    PylObject *content;
    if (a[1] != NULL || a[2] != NULL) {
        const char *enc = NULL, *err = NULL;
        if (pyl_str_arg_cstr(t, a[1], "bytearray", "encoding", &enc) < 0 ||
            pyl_str_arg_cstr(t, a[2], "bytearray", "errors", &err) < 0) {
            return -1;
        }
        if (a[0] == NULL || !PYL_IS_STR(a[0])) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           a[1] != NULL ? "encoding without a string argument"
                                        : "errors without a string argument");
            return -1;
        }
        if (a[1] == NULL) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "string argument without an encoding");
            return -1;
        }
        content = pyl_codec_encode(t, a[0], enc, err);
    } else if (a[0] == NULL) {
        content = pyl_incref(t->vm->empty_bytes);
    } else {
        content = pyl_bytes_convert(t, a[0], "bytearray");
    }
    if (content == NULL) {
        return -1;
    }
    int r = ba_splice(t, self, 0, BA(self)->size, PYL_BYTES_DATA(content), PYL_BYTES_SIZE(content));
    pyl_decref(t, content);
    return r;
}

static void ba_dealloc(PylThread *t, PylObject *self)
{
    pyl_mem_free(t, BA(self)->data);
    pyl_obj_free(t, self);
}

static PylObject *ba_repr(PylThread *t, PylObject *self)
{
    const char *name = pyl_type_name(t, self);
    size_t nl = strlen(name);
    char prefix[256];
    if (nl > sizeof prefix - 2) {
        nl = sizeof prefix - 2;
    }
    memcpy(prefix, name, nl);
    prefix[nl] = '(';
    prefix[nl + 1] = '\0';
    PylObject *r = pyl_bytes_repr_ex(t, BA(self)->data, BA(self)->size, prefix, true);
    if (r == NULL) {
        return NULL;
    }
    PylObject *close = pyl_str_concat(t, r, t->vm->latin1_chars[')']);
    pyl_decref(t, r);
    return close;
}

static intptr_t ba_len(PylThread *t, PylObject *self)
{
    return BA(self)->size;
}

static int ba_contains(PylThread *t, PylObject *self, PylObject *item)
{
    return pyl_bytes_contains_any(t, self, item);
}

static int ba_setitem(PylThread *t, PylObject *self, PylObject *key, PylObject *value)
{
    PylByteArray *ba = BA(self);
    if (PYL_IS_KIND(key, SLICE)) {
        intptr_t start, stop, step;
        PylObject *vb = NULL;
        if (value != NULL) {
            vb = value_bytes(
                t, value, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            if (vb == NULL) {
                return -1;
            }
        }
        intptr_t len = pyl_slice_unpack(t, key, ba->size, &start, &stop, &step);
        if (len < 0) {
            pyl_xdecref(t, vb);
            return -1;
        }
        int r = 0;
        if (step == 1) {
            r = ba_splice(t, self, start, len, vb ? PYL_BYTES_DATA(vb) : NULL,
                          vb ? PYL_BYTES_SIZE(vb) : 0);
        } else if (vb != NULL && PYL_BYTES_SIZE(vb) > 0) {
            /* (assigning b'' to an extended slice deletes it, as in CPython) */
            if (PYL_BYTES_SIZE(vb) != len) {
                pyl_err_format(t, PYL_EXC(t, ValueError),
                               "attempt to assign bytes of size %zd to extended slice of size %zd",
                               (ssize_t)PYL_BYTES_SIZE(vb), (ssize_t)len);
                r = -1;
            } else {
                for (intptr_t i = 0, k = start; i < len; i++, k += step) {
                    ba->data[k] = PYL_BYTES_DATA(vb)[i];
                }
            }
        } else if (len > 0) {
            /* delete an extended slice: keep the others, in order */
            if (step < 0) {
                start += step * (len - 1);
                step = -step;
            }
            intptr_t w = start, next = start;
            for (intptr_t i = start; i < ba->size; i++) {
                if (i == next && next < start + step * len) {
                    next += step;
                    continue;
                }
                ba->data[w++] = ba->data[i];
            }
            r = pyl_bytearray_resize(t, self, w);
        }
        pyl_xdecref(t, vb);
        return r;
    }
    if (!PYL_IS_INT(key) && PYL_TYPEOF(t, key)->index == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "bytearray indices must be integers or slices, not %T", key);
        return -1;
    }
    intptr_t i;
    if (pyl_index_as_ssize(t, key, &i) < 0) {
        if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, IndexError), "cannot fit '%T' into an index-sized integer",
                           key);
        }
        return -1;
    }
    int c = 0;
    if (value != NULL && byte_arg(t, value, &c) < 0) {
        return -1;
    }
    if (i < 0) {
        i += ba->size;
    }
    if (i < 0 || i >= ba->size) {
        pyl_err_format(t, PYL_EXC(t, IndexError), "bytearray index out of range");
        return -1;
    }
    if (value == NULL) {
        return ba_splice(t, self, i, 1, NULL, 0);
    }
    ba->data[i] = (char)c;
    return 0;
}

static PylObject *ba_add(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_BYTEARRAY(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    const char *y;
    intptr_t ny;
    if (!PYL_IS_BYTES(b) && !PYL_IS_BYTEARRAY(b)) {
        PylType *tp = PYL_TYPEOF(t, b);
        if ((tp->flags & PYL_TF_HEAPTYPE) && tp->nb[PYL_NB_ADD] != NULL) {
            return PYL_NOTIMPLEMENTED;
        }
        return pyl_err_format(t, PYL_EXC(t, TypeError), "can't concat %T to bytearray", b);
    }
    pyl_bytes_view(t, b, &y, &ny);
    intptr_t nx = BA(a)->size;
    if (nx > INTPTR_MAX / 2 - ny) {
        return pyl_err_nomemory(t);
    }
    PylObject *r = pyl_bytearray_new(t, NULL, nx + ny);
    if (r == NULL) {
        return NULL;
    }
    pyl_bytes_view(t, b, &y, &ny);
    memcpy(BA(r)->data, BA(a)->data, (size_t)nx);
    memcpy(BA(r)->data + nx, y, (size_t)ny);
    return r;
}

static PylObject *ba_iadd(PylThread *t, PylObject *a, PylObject *b)
{
    if (a == b) {
        /* CPython exports b's buffer for the copy, then cannot resize a */
        return pyl_err_format(t, PYL_EXC(t, BufferError),
                              "Existing exports of data: object cannot be re-sized");
    }
    if (!PYL_IS_BYTES(b) && !PYL_IS_BYTEARRAY(b)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "can't concat %T to bytearray", b);
    }
    const char *y;
    intptr_t ny;
    pyl_bytes_view(t, b, &y, &ny);
    if (ba_splice(t, a, BA(a)->size, 0, y, ny) < 0) {
        return NULL;
    }
    return pyl_incref(a);
}

static PylObject *ba_mul(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *s = a, *count = b;
    if (!PYL_IS_BYTEARRAY(a)) {
        s = b;
        count = a;
    }
    intptr_t n;
    int r = pyl_seq_repeat_count(t, s, count, &n, s != a);
    if (r <= 0) {
        return r < 0 ? NULL : PYL_NOTIMPLEMENTED;
    }
    return pyl_bytes_repeat_like(t, s, n);
}

static PylObject *ba_imul(PylThread *t, PylObject *a, PylObject *b)
{
    intptr_t n;
    int r = pyl_seq_repeat_count(t, a, b, &n, false);
    if (r <= 0) {
        return r < 0 ? NULL : PYL_NOTIMPLEMENTED;
    }
    PylByteArray *ba = BA(a);
    intptr_t len = ba->size;
    if (n <= 0 || len == 0) {
        if (pyl_bytearray_resize(t, a, 0) < 0) {
            return NULL;
        }
        return pyl_incref(a);
    }
    if (n > INTPTR_MAX / 2 / len) {
        return pyl_err_nomemory(t);
    }
    if (pyl_bytearray_resize(t, a, len * n) < 0) {
        return NULL;
    }
    for (intptr_t i = 1; i < n; i++) {
        memcpy(ba->data + i * len, ba->data, (size_t)len);
    }
    return pyl_incref(a);
}

static PylObject *ba_mod(PylThread *t, PylObject *a, PylObject *b)
{
    if (!PYL_IS_BYTEARRAY(a)) {
        return PYL_NOTIMPLEMENTED;
    }
    return pyl_bytes_mod(t, a, b);
}

/* ---- methods ------------------------------------------------------------------------ */

static PylObject *ba_append(PylThread *t, PylObject *self, PylObject *item)
{
    int c;
    if (byte_arg(t, item, &c) < 0) {
        return NULL;
    }
    intptr_t n = BA(self)->size;
    if (pyl_bytearray_resize(t, self, n + 1) < 0) {
        return NULL;
    }
    BA(self)->data[n] = (char)c;
    return PYL_NONE;
}

static PylObject *ba_extend(PylThread *t, PylObject *self, PylObject *iterable)
{
    PylObject *vb;
    if (PYL_IS_BYTES(iterable) || PYL_IS_BYTEARRAY(iterable)) {
        vb =
            pyl_bytes_new(t, PYL_IS_BYTES(iterable) ? PYL_BYTES_DATA(iterable) : BA(iterable)->data,
                          PYL_IS_BYTES(iterable) ? PYL_BYTES_SIZE(iterable) : BA(iterable)->size);
    } else if (PYL_TYPEOF(t, iterable)->iter == NULL && PYL_TYPEOF(t, iterable)->getitem == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "can't extend bytearray with %T", iterable);
    } else {
        PylObject *it = pyl_iter(t, iterable);
        if (it == NULL) {
            return NULL;
        }
        PylBuf b;
        pyl_buf_init(&b);
        PylObject *x;
        while ((x = pyl_iter_next(t, it)) != NULL) {
            int c;
            int r = byte_arg(t, x, &c);
            pyl_decref(t, x);
            if (r < 0 || pyl_buf_putc(t, &b, (char)c) < 0) {
                pyl_decref(t, it);
                pyl_buf_free(t, &b);
                return NULL;
            }
        }
        pyl_decref(t, it);
        if (t->exc != NULL) {
            pyl_buf_free(t, &b);
            return NULL;
        }
        vb = pyl_bytes_from_buf(t, &b);
    }
    if (vb == NULL) {
        return NULL;
    }
    int r = ba_splice(t, self, BA(self)->size, 0, PYL_BYTES_DATA(vb), PYL_BYTES_SIZE(vb));
    pyl_decref(t, vb);
    return r < 0 ? NULL : PYL_NONE;
}

static PylObject *ba_insert(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "insert", nargs, 2, 2) < 0) {
        return NULL;
    }
    intptr_t i;
    int c;
    if (pyl_arg_ssize(t, args[0], &i) < 0 || byte_arg(t, args[1], &c) < 0) {
        return NULL;
    }
    intptr_t n = BA(self)->size;
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > n) {
        i = n;
    }
    char ch = (char)c;
    return ba_splice(t, self, i, 0, &ch, 1) < 0 ? NULL : PYL_NONE;
}

static PylObject *ba_pop(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "pop", nargs, 0, 1) < 0) {
        return NULL;
    }
    intptr_t i = -1;
    if (nargs > 0 && pyl_arg_ssize(t, args[0], &i) < 0) {
        return NULL;
    }
    intptr_t n = BA(self)->size;
    if (n == 0) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "pop from empty bytearray");
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "pop index out of range");
    }
    int c = (unsigned char)BA(self)->data[i];
    if (ba_splice(t, self, i, 1, NULL, 0) < 0) {
        return NULL;
    }
    return PYL_SMALLINT(c);
}

static PylObject *ba_remove(PylThread *t, PylObject *self, PylObject *value)
{
    int c;
    if (byte_arg(t, value, &c) < 0) {
        return NULL;
    }
    const char *p = memchr(BA(self)->data, c, (size_t)BA(self)->size);
    if (p == NULL) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "value not found in bytearray");
    }
    return ba_splice(t, self, p - BA(self)->data, 1, NULL, 0) < 0 ? NULL : PYL_NONE;
}

static PylObject *ba_reverse(PylThread *t, PylObject *self)
{
    char *d = BA(self)->data;
    for (intptr_t i = 0, j = BA(self)->size - 1; i < j; i++, j--) {
        char tmp = d[i];
        d[i] = d[j];
        d[j] = tmp;
    }
    return PYL_NONE;
}

static PylObject *ba_clear(PylThread *t, PylObject *self)
{
    return pyl_bytearray_resize(t, self, 0) < 0 ? NULL : PYL_NONE;
}

static PylObject *ba_copy(PylThread *t, PylObject *self)
{
    return pyl_bytearray_new(t, BA(self)->data, BA(self)->size);
}

static PylObject *ba_alloc_method(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, BA(self)->cap + 1);
}

static PylObject *ba_sizeof(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, 56 + BA(self)->cap + 1);
}

/* clang-format off */
static const PylMethodDef ba_methods[] = {
    PYL_BYTES_COMMON_METHODS
    PYL_METHOD_O("append", ba_append),
    PYL_METHOD_NOARGS("clear", ba_clear),
    PYL_METHOD_NOARGS("copy", ba_copy),
    PYL_METHOD_O("extend", ba_extend),
    PYL_METHOD_FAST("insert", ba_insert),
    PYL_METHOD_FAST("pop", ba_pop),
    PYL_METHOD_O("remove", ba_remove),
    PYL_METHOD_NOARGS("reverse", ba_reverse),
    PYL_METHOD_NOARGS("__alloc__", ba_alloc_method),
    PYL_METHOD_NOARGS("__sizeof__", ba_sizeof),
    {"fromhex", {.o = pyl_bytes_fromhex}, PYL_METH_O | PYL_METH_CLASS, NULL},
    {"maketrans", {.fast = pyl_bytes_maketrans}, PYL_METH_FAST | PYL_METH_STATIC, NULL},
    PYL_METHOD_END,
};
/* clang-format on */

const PylType pyl_bytearray_type = {
    .name = "bytearray",
    .kind = PYL_K_BYTEARRAY,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylByteArray),
    .dealloc = ba_dealloc,
    .repr = ba_repr,
    .hash = pyl_hash_unhashable,
    .richcompare = pyl_bytes_richcompare_any,
    .len = ba_len,
    .contains = ba_contains,
    .getitem = pyl_bytes_getitem_any,
    .setitem = ba_setitem,
    .iter = pyl_bytearray_iter,
    .nb = {[PYL_NB_ADD] = ba_add, [PYL_NB_MUL] = ba_mul, [PYL_NB_MOD] = ba_mod},
    .inb = {[PYL_NB_ADD] = ba_iadd, [PYL_NB_MUL] = ba_imul},
    .new_ = ba_new,
    .init = ba_init,
    .methods = ba_methods,
    .doc =
        "bytearray(iterable_of_ints) -> bytearray\n"
        "bytearray(string, encoding[, errors]) -> bytearray\n"
        "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
        "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
        "bytearray() -> empty bytes array",
};
