/* object.h — the value representation and the type object: the contract every
 * part of the runtime is written against.
 *
 * A value is a PylObject *. Its two low bits say what it is:
 *
 *     ...xxxxxxx1   small int: value = (intptr_t)o >> 1, 63-bit signed
 *     ...xxxxx010   immediate constant (see PYL_NONE .. PYL_ELLIPSIS below)
 *     ...xxxxxx00   pointer to a heap object (or NULL)
 *
 *     heap object:  +-------------------+
 *                   | intptr_t refcnt   |   the object dies when it reaches 0
 *                   | PylType *type     |
 *                   +-------------------+
 *                   | type's own fields |
 *
 * Invariants:
 * - An exact int whose value fits in a small int is always tagged; a heap int
 *   object never holds a small value (so `is`/== on small ints is a word compare).
 * - Tagged values and immediates carry no reference count: pyl_incref/pyl_decref
 *   ignore them, and they never need freeing.
 * - Every object belongs to exactly one VM and is only touched by a thread holding
 *   that VM's lock.
 *
 * Ownership conventions (as in CPython): a function that returns PylObject *
 * returns a NEW reference unless its comment says "borrowed"; arguments are
 * BORROWED unless the comment says "steals". NULL (or -1) means an exception is set
 * on the thread.
 */
#ifndef PYL_OBJECT_H
#define PYL_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "vm/pylconf.h"

#define PYL_LIKELY(x) __builtin_expect(!!(x), 1)
#define PYL_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define PYL_INTERNAL __attribute__((visibility("hidden")))
#define PYL_API __attribute__((visibility("default")))

typedef struct PylObject PylObject;
typedef struct PylType PylType;
typedef struct PylVM PylVM;
typedef struct PylThread PylThread;
typedef intptr_t PylHash; /* -1 is reserved for "error" */

struct PylObject {
    intptr_t refcnt;
    PylType *type;
};

/* Objects with a length-dependent tail (tuple, int) start with this. */
typedef struct PylVarObject {
    PylObject ob;
    intptr_t size;
} PylVarObject;

/* ---- tagging ----------------------------------------------------------- */

#define PYL_IS_PTR(o) ((((uintptr_t)(o)) & 3) == 0)
#define PYL_IS_SMALLINT(o) (((uintptr_t)(o)) & 1)
#define PYL_SMALLINT_VALUE(o) (((intptr_t)(o)) >> 1)
#define PYL_SMALLINT(v) ((PylObject *)((((uintptr_t)(intptr_t)(v)) << 1) | 1))
#define PYL_SMALLINT_MAX (INTPTR_MAX >> 1)
#define PYL_SMALLINT_MIN (INTPTR_MIN >> 1)
#define PYL_FITS_SMALLINT(v) ((v) >= PYL_SMALLINT_MIN && (v) <= PYL_SMALLINT_MAX)

/* Immediates: the five singletons with no state. Their low five bits index
 * vm->tagged_types, as do small ints (any odd index). */
#define PYL_NONE ((PylObject *)(uintptr_t)0x02)
#define PYL_FALSE ((PylObject *)(uintptr_t)0x06)
#define PYL_TRUE ((PylObject *)(uintptr_t)0x0A)
#define PYL_NOTIMPLEMENTED ((PylObject *)(uintptr_t)0x0E)
#define PYL_ELLIPSIS ((PylObject *)(uintptr_t)0x12)
#define PYL_BOOL(b) ((b) ? PYL_TRUE : PYL_FALSE)
#define PYL_IS_BOOL(o) ((o) == PYL_TRUE || (o) == PYL_FALSE)
#define PYL_TAGGED_TYPES 32

/* ---- reference counting ------------------------------------------------ */

PYL_INTERNAL void pyl_dealloc(PylThread *t, PylObject *o);

static inline PylObject *pyl_incref(PylObject *o)
{
    if (PYL_IS_PTR(o)) {
        o->refcnt++;
    }
    return o;
}

static inline PylObject *pyl_xincref(PylObject *o)
{
    if (o != NULL) {
        pyl_incref(o);
    }
    return o;
}

static inline void pyl_decref(PylThread *t, PylObject *o)
{
    if (PYL_IS_PTR(o) && --o->refcnt == 0) {
        pyl_dealloc(t, o);
    }
}

static inline void pyl_xdecref(PylThread *t, PylObject *o)
{
    if (o != NULL) {
        pyl_decref(t, o);
    }
}

/* Replace *slot with v (steals v), then drop the old value: store, then decref. */
static inline void pyl_setref(PylThread *t, PylObject **slot, PylObject *v)
{
    PylObject *old = *slot;
    *slot = v;
    pyl_xdecref(t, old);
}

#define PYL_CLEAR(t, slot)                                                                         \
    do {                                                                                           \
        PylObject *pyl_clear_tmp_ = (PylObject *)(slot);                                           \
        if (pyl_clear_tmp_ != NULL) {                                                              \
            (slot) = NULL;                                                                         \
            pyl_decref((t), pyl_clear_tmp_);                                                       \
        }                                                                                          \
    } while (0)

/* ---- slot signatures --------------------------------------------------- */

/* Calls use one convention everywhere ("vectorcall"): positional arguments in
 * args[0..nargs), then the values of the keyword arguments whose names are the
 * strs of the tuple kwnames (NULL when there are none). All borrowed. */
typedef PylObject *(*PylCallFn)(PylThread *t, PylObject *callable, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames);
typedef void (*PylDeallocFn)(PylThread *t, PylObject *o);
typedef int (*PylVisitFn)(PylObject *o, void *arg);
typedef int (*PylTraverseFn)(PylObject *o, PylVisitFn visit, void *arg);
/* Drop the references an object holds to other objects (breaks cycles). */
typedef void (*PylClearFn)(PylThread *t, PylObject *o);
typedef PylObject *(*PylUnaryFn)(PylThread *t, PylObject *o);
typedef PylObject *(*PylBinaryFn)(PylThread *t, PylObject *a, PylObject *b);
typedef PylObject *(*PylTernaryFn)(PylThread *t, PylObject *a, PylObject *b, PylObject *c);
typedef int (*PylInquiryFn)(PylThread *t, PylObject *o);  /* 0/1, -1 error */
typedef intptr_t (*PylLenFn)(PylThread *t, PylObject *o); /* -1 error */
typedef PylHash (*PylHashFn)(PylThread *t, PylObject *o); /* -1 error */
typedef PylObject *(*PylCompareFn)(PylThread *t, PylObject *a, PylObject *b, int op);
typedef PylObject *(*PylGetAttrFn)(PylThread *t, PylObject *o, PylObject *name);
/* value NULL means delete. */
typedef int (*PylSetAttrFn)(PylThread *t, PylObject *o, PylObject *name, PylObject *value);
typedef int (*PylSetItemFn)(PylThread *t, PylObject *o, PylObject *key, PylObject *value);
typedef int (*PylContainsFn)(PylThread *t, PylObject *o, PylObject *item); /* -1 error */
typedef PylObject *(*PylDescrGetFn)(PylThread *t, PylObject *descr, PylObject *obj,
                                    PylObject *type);
typedef int (*PylDescrSetFn)(PylThread *t, PylObject *descr, PylObject *obj, PylObject *value);
typedef PylObject *(*PylNewFn)(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                               PylObject *kwnames);
typedef int (*PylInitFn)(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames);

/* Rich comparison operators (CPython's order). */
enum { PYL_LT, PYL_LE, PYL_EQ, PYL_NE, PYL_GT, PYL_GE };

/* Binary operators, in CPython 3.11's BINARY_OP order; the in-place form of op is
 * op + PYL_NB_INPLACE in bytecode, and lives in PylType.inb[op]. */
enum {
    PYL_NB_ADD,
    PYL_NB_AND,
    PYL_NB_FLOORDIV,
    PYL_NB_LSHIFT,
    PYL_NB_MATMUL,
    PYL_NB_MUL,
    PYL_NB_MOD,
    PYL_NB_OR,
    PYL_NB_POW,
    PYL_NB_RSHIFT,
    PYL_NB_SUB,
    PYL_NB_TRUEDIV,
    PYL_NB_XOR,
    PYL_NB_COUNT,
    PYL_NB_INPLACE = PYL_NB_COUNT
};

/* ---- builtin method tables --------------------------------------------- */

typedef PylObject *(*PylCFuncNoArgs)(PylThread *t, PylObject *self);
typedef PylObject *(*PylCFuncO)(PylThread *t, PylObject *self, PylObject *arg);
typedef PylObject *(*PylCFuncFast)(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs);
typedef PylObject *(*PylCFuncKw)(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames);

/* How a builtin method takes its arguments (exactly one of the first four), plus
 * binding flags. NOARGS and O raise CPython's TypeError on a wrong count before the
 * C function runs; FAST gets positional args only (keywords are refused); KW gets
 * everything and usually calls pyl_parse_args. */
enum {
    PYL_METH_NOARGS = 1,
    PYL_METH_O = 2,
    PYL_METH_FAST = 4,
    PYL_METH_KW = 8,
    PYL_METH_CLASS = 16,  /* self is the class (classmethod) */
    PYL_METH_STATIC = 32, /* no self (staticmethod) */
};

typedef struct PylMethodDef {
    const char *name;
    union {
        PylCFuncNoArgs noargs;
        PylCFuncO o;
        PylCFuncFast fast;
        PylCFuncKw kw;
    } fn;
    int flags;
    const char *doc;
} PylMethodDef;

#define PYL_METHOD_NOARGS(name, f)                                                                 \
    {                                                                                              \
        name, {.noargs = (f)}, PYL_METH_NOARGS, NULL                                               \
    }
#define PYL_METHOD_O(name, f)                                                                      \
    {                                                                                              \
        name, {.o = (f)}, PYL_METH_O, NULL                                                         \
    }
#define PYL_METHOD_FAST(name, f)                                                                   \
    {                                                                                              \
        name, {.fast = (f)}, PYL_METH_FAST, NULL                                                   \
    }
#define PYL_METHOD_KW(name, f)                                                                     \
    {                                                                                              \
        name, {.kw = (f)}, PYL_METH_KW, NULL                                                       \
    }
#define PYL_METHOD_END                                                                             \
    {                                                                                              \
        NULL, {NULL}, 0, NULL                                                                      \
    }

typedef struct PylGetSetDef {
    const char *name;
    PylObject *(*get)(PylThread *t, PylObject *self);
    int (*set)(PylThread *t, PylObject *self, PylObject *value); /* NULL: read-only */
    const char *doc;
} PylGetSetDef;

/* A C struct field exposed as an attribute. */
enum {
    PYL_MEMBER_OBJECT,
    PYL_MEMBER_OBJECT_EX,
    PYL_MEMBER_INTPTR,
    PYL_MEMBER_INT,
    PYL_MEMBER_BOOL,
    PYL_MEMBER_DOUBLE /* read-only */
};
typedef struct PylMemberDef {
    const char *name;
    int type;
    intptr_t offset;
    bool readonly;
    const char *doc;
} PylMemberDef;

/* ---- the type object ----------------------------------------------------

 * Builtin types are written as `const PylType` templates (see vm/types.def); each
 * VM copies every template into its own PylType at start-up, links base/mro and
 * fills the dict from methods/members/getset and the slot wrappers. Classes made by
 * `class` statements (#3) are PylTypes allocated by type.__new__ and get PYL_TF_HEAPTYPE.
 *
 * kind is the builtin identity (PYL_K_LIST for list itself, PYL_K_NONE for any
 * class); base_kind is the builtin whose C layout instances have (PYL_K_LIST for a
 * subclass of list too). So "exactly a list" is o->type->kind == PYL_K_LIST and
 * "a list or subclass" is o->type->base_kind == PYL_K_LIST.
 */
enum {
    PYL_TF_BASETYPE = 1 << 0, /* may be subclassed */
    PYL_TF_HEAPTYPE = 1 << 1, /* made at run time; instances hold a reference to it */
    PYL_TF_GC = 1 << 2,       /* instances can be part of reference cycles */
    PYL_TF_READY = 1 << 3,
    PYL_TF_ABSTRACT = 1 << 4,
    PYL_TF_EXCEPTION = 1 << 5, /* BaseException or a subclass */
    PYL_TF_IMMUTABLE = 1 << 6, /* attributes of the type cannot be set */
    PYL_TF_SEQUENCE = 1 << 7,  /* for match statements */
    PYL_TF_MAPPING = 1 << 8,
};

struct PylType {
    PylObject ob; /* ob.type is the metatype */
    const char *name;
    uint16_t kind;
    uint16_t base_kind;
    uint32_t flags;
    uint32_t version; /* method-cache tag; 0 = none assigned yet */
    intptr_t basicsize;
    intptr_t itemsize;
    intptr_t dictoffset;    /* where instances keep their __dict__ pointer, 0 if none */
    uint16_t template_base; /* templates only: kind of the base type */

    PylType *base;
    PylObject *bases;      /* tuple */
    PylObject *mro;        /* tuple */
    PylObject *dict;       /* dict */
    PylObject *name_obj;   /* str __name__ */
    PylObject *qualname;   /* str __qualname__ */
    PylObject *subclasses; /* list of subclasses (for version invalidation) or NULL */

    PylDeallocFn dealloc;
    PylTraverseFn traverse;
    PylClearFn clear;
    PylUnaryFn repr;
    PylUnaryFn str;
    PylHashFn hash;
    PylCompareFn richcompare;
    PylGetAttrFn getattr;
    PylSetAttrFn setattr;
    PylCallFn call;
    PylUnaryFn iter;
    PylUnaryFn iternext; /* NULL result without exception = exhausted */
    PylDescrGetFn descr_get;
    PylDescrSetFn descr_set;
    PylNewFn new_;
    PylInitFn init;

    PylLenFn len;
    PylBinaryFn getitem;
    PylSetItemFn setitem;
    PylContainsFn contains;

    PylBinaryFn nb[PYL_NB_COUNT];
    PylBinaryFn inb[PYL_NB_COUNT];
    PylBinaryFn divmod;
    PylTernaryFn pow3; /* pow(a, b, m) */
    PylUnaryFn neg, pos, abs, invert;
    PylUnaryFn int_, float_, index;
    PylInquiryFn bool_;

    const PylMethodDef *methods;
    const PylMemberDef *members;
    const PylGetSetDef *getset;
    const char *doc;
};

/* ---- builtin kinds ----------------------------------------------------- */

enum {
    PYL_K_NONE = 0,
#define PYL_TYPE_ENTRY(KIND, cname) PYL_K_##KIND,
#include "vm/types.def"
#undef PYL_TYPE_ENTRY
#define PYL_EXC_ENTRY(Name, Base) PYL_K_EXC_##Name,
#include "vm/exceptions.def"
#undef PYL_EXC_ENTRY
    PYL_K_COUNT
};

/* The template of every builtin type, named in types.def. */
#define PYL_TYPE_ENTRY(KIND, cname) extern const PylType cname;
#include "vm/types.def"
#undef PYL_TYPE_ENTRY

/* ---- type tests --------------------------------------------------------- */

/* The type of any value (borrowed). */
#define PYL_TYPEOF(t, o)                                                                           \
    (PYL_LIKELY(PYL_IS_PTR(o)) ? (o)->type : (t)->vm->tagged_types[((uintptr_t)(o)) & 31])
#define PYL_TYPE(t, KIND) ((t)->vm->types[PYL_K_##KIND])
#define PYL_EXC(t, Name) ((t)->vm->types[PYL_K_EXC_##Name])

/* Exact builtin type of a heap object. */
#define PYL_IS_KIND(o, KIND) (PYL_IS_PTR(o) && (o)->type->kind == PYL_K_##KIND)
/* Heap object with the C layout of KIND (KIND itself or a subclass). */
#define PYL_HAS_LAYOUT(o, KIND) (PYL_IS_PTR(o) && (o)->type->base_kind == PYL_K_##KIND)

#define PYL_IS_STR(o) PYL_HAS_LAYOUT(o, STR)
#define PYL_IS_STR_EXACT(o) PYL_IS_KIND(o, STR)
#define PYL_IS_BYTES(o) PYL_HAS_LAYOUT(o, BYTES)
#define PYL_IS_BYTEARRAY(o) PYL_HAS_LAYOUT(o, BYTEARRAY)
#define PYL_IS_LIST(o) PYL_HAS_LAYOUT(o, LIST)
#define PYL_IS_LIST_EXACT(o) PYL_IS_KIND(o, LIST)
#define PYL_IS_TUPLE(o) PYL_HAS_LAYOUT(o, TUPLE)
#define PYL_IS_TUPLE_EXACT(o) PYL_IS_KIND(o, TUPLE)
#define PYL_IS_DICT(o) PYL_HAS_LAYOUT(o, DICT)
#define PYL_IS_DICT_EXACT(o) PYL_IS_KIND(o, DICT)
#define PYL_IS_SET(o) PYL_HAS_LAYOUT(o, SET)
#define PYL_IS_FROZENSET(o) PYL_HAS_LAYOUT(o, FROZENSET)
#define PYL_IS_ANYSET(o) (PYL_IS_SET(o) || PYL_IS_FROZENSET(o))
#define PYL_IS_FLOAT(o) PYL_HAS_LAYOUT(o, FLOAT)
#define PYL_IS_FLOAT_EXACT(o) PYL_IS_KIND(o, FLOAT)
#define PYL_IS_BIGINT(o) PYL_HAS_LAYOUT(o, INT)
/* Any int, including bool and small ints. */
#define PYL_IS_INT(o) (PYL_IS_SMALLINT(o) || PYL_IS_BOOL(o) || PYL_IS_BIGINT(o))
#define PYL_IS_INT_EXACT(o) (PYL_IS_SMALLINT(o) || PYL_IS_KIND(o, INT))
#define PYL_IS_TYPE(o) (PYL_IS_PTR(o) && (o)->type->base_kind == PYL_K_TYPE)
#define PYL_IS_EXCEPTION(o) (PYL_IS_PTR(o) && ((o)->type->flags & PYL_TF_EXCEPTION))
#define PYL_IS_EXCEPTION_TYPE(o) (PYL_IS_TYPE(o) && (((PylType *)(o))->flags & PYL_TF_EXCEPTION))

/* ---- allocation ---------------------------------------------------------

 * Objects of PYL_TF_GC types carry a header in front of them that links every
 * such object of a VM into one list (the cycle collector's generations, #4):
 *
 *     [ PylGCHead: next | prev | refs ][ PylObject: refcnt | type | ... ]
 *                                       ^ the PylObject * everyone sees
 *
 * They must be allocated with pyl_obj_alloc and freed with pyl_obj_free, and their
 * type must have traverse and clear slots.
 */
typedef struct PylGCHead {
    struct PylGCHead *next, *prev;
    intptr_t refs;
} PylGCHead;

#define PYL_GC_HEAD(o) ((PylGCHead *)(o)-1)
#define PYL_GC_OBJ(g) ((PylObject *)((PylGCHead *)(g) + 1))

/* A new object of `type` with `size` bytes (>= sizeof(PylObject)), zero-filled past
 * the header, refcnt 1. NULL + MemoryError on failure. */
PYL_INTERNAL PylObject *pyl_obj_alloc(PylThread *t, PylType *type, intptr_t size);
/* Frees the memory of an object whose refcount reached zero (called by deallocs
 * after they released their fields); drops the reference to a heap type. */
PYL_INTERNAL void pyl_obj_free(PylThread *t, PylObject *o);

#endif
