/* class.c — classes: type(name, bases, dict) and the class statement
 * (__build_class__), the C3 method resolution order, the layout and lifetime of
 * instances of classes, and super().
 *
 * A class is a PylHeapType: a PylType allocated at run time (PYL_TF_HEAPTYPE)
 * plus the member definitions of its __slots__. Its instances have the layout
 * of the class's "solid" base (the builtin whose C struct they extend), then the
 * __slots__ pointers, then (without __slots__) a __dict__ pointer:
 *
 *     | base's C struct | slot_1 .. slot_n | __dict__ |
 *
 * Builtins with inline items (str, bytes, tuple: itemsize != 0) cannot have fields
 * at a fixed offset past their struct, so their subclasses put the slots and the
 * dict in a tail after the items (see PYL_TAIL_OFFSET in type.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/gc.h"
#include "vm/weakref.h"

/* ---- C3 linearization --------------------------------------------------------------- */

/* Merge the MROs of the bases and the bases list (all lists of types). */
static PylObject *c3_merge(PylThread *t, PylType *type, PylObject *bases)
{
    intptr_t nb = PYL_TUPLE_SIZE(bases);
    intptr_t nseq = nb + 1;
    PylObject **seqs = pyl_mem_calloc(t, sizeof(PylObject *) * (size_t)nseq);
    intptr_t *pos = pyl_mem_calloc(t, sizeof(intptr_t) * (size_t)nseq);
    PylObject *result = pyl_list_new(t, 0);
    if (seqs == NULL || pos == NULL || result == NULL ||
        pyl_list_append(t, result, (PylObject *)type) < 0) {
        goto error;
    }
    for (intptr_t i = 0; i < nb; i++) {
        seqs[i] = ((PylType *)PYL_TUPLE_ITEM(bases, i))->mro;
    }
    seqs[nb] = bases;
    for (;;) {
        bool empty = true;
        PylObject *candidate = NULL;
        for (intptr_t i = 0; i < nseq && candidate == NULL; i++) {
            if (pos[i] >= PYL_TUPLE_SIZE(seqs[i])) {
                continue;
            }
            empty = false;
            PylObject *head = PYL_TUPLE_ITEM(seqs[i], pos[i]);
            bool in_tail = false;
            for (intptr_t j = 0; j < nseq && !in_tail; j++) {
                for (intptr_t k = pos[j] + 1; k < PYL_TUPLE_SIZE(seqs[j]); k++) {
                    if (PYL_TUPLE_ITEM(seqs[j], k) == head) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                candidate = head;
            }
        }
        if (empty) {
            break;
        }
        if (candidate == NULL) {
            /* "Cannot create a consistent method resolution order (MRO) for bases A, B" */
            PylBuf b;
            pyl_buf_init(&b);
            pyl_buf_puts(t, &b,
                         "Cannot create a consistent method resolution\norder (MRO) for bases");
            bool first = true;
            for (intptr_t i = 0; i < nb; i++) {
                if (pos[i] < PYL_TUPLE_SIZE(seqs[i])) {
                    PylType *h = (PylType *)PYL_TUPLE_ITEM(seqs[i], pos[i]);
                    bool dup = false;
                    for (intptr_t j = 0; j < i; j++) {
                        if (pos[j] < PYL_TUPLE_SIZE(seqs[j]) &&
                            PYL_TUPLE_ITEM(seqs[j], pos[j]) == (PylObject *)h) {
                            dup = true;
                        }
                    }
                    if (!dup) {
                        pyl_buf_puts(t, &b, first ? " " : ", ");
                        pyl_buf_puts(t, &b, pyl_type_get_name(h));
                        first = false;
                    }
                }
            }
            PylObject *msg = pyl_buf_finish_str(t, &b);
            if (msg != NULL) {
                pyl_err_set(t, PYL_EXC(t, TypeError), msg);
                pyl_decref(t, msg);
            }
            goto error;
        }
        if (pyl_list_append(t, result, candidate) < 0) {
            goto error;
        }
        for (intptr_t i = 0; i < nseq; i++) {
            if (pos[i] < PYL_TUPLE_SIZE(seqs[i]) && PYL_TUPLE_ITEM(seqs[i], pos[i]) == candidate) {
                pos[i]++;
            }
        }
    }
    pyl_mem_free(t, seqs);
    pyl_mem_free(t, pos);
    PylObject *tup = pyl_list_as_tuple(t, result);
    pyl_decref(t, result);
    return tup;
error:
    pyl_mem_free(t, seqs);
    pyl_mem_free(t, pos);
    pyl_xdecref(t, result);
    return NULL;
}

/* The type's MRO: C3, or the metaclass's mro() when it overrides it. */
static PylObject *compute_mro(PylThread *t, PylType *type)
{
    PylObject *bases = type->bases;
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(bases); i++) {
        for (intptr_t j = i + 1; j < PYL_TUPLE_SIZE(bases); j++) {
            if (PYL_TUPLE_ITEM(bases, i) == PYL_TUPLE_ITEM(bases, j)) {
                pyl_err_format(t, PYL_EXC(t, TypeError), "duplicate base class %s",
                               pyl_type_get_name((PylType *)PYL_TUPLE_ITEM(bases, i)));
                return NULL;
            }
        }
    }
    PylType *meta = PYL_TYPEOF(t, (PylObject *)type);
    if (meta != PYL_TYPE(t, TYPE)) {
        PylObject *m = pyl_type_lookup(t, meta, PYL_NAME(t, mro));
        PylObject *base_m = pyl_type_lookup(t, PYL_TYPE(t, TYPE), PYL_NAME(t, mro));
        if (m != NULL && m != base_m) {
            PylObject *r = pyl_call_method(t, (PylObject *)type, PYL_NAME(t, mro), NULL, 0);
            if (r == NULL) {
                return NULL;
            }
            PylObject *tup = pyl_sequence_tuple(t, r);
            pyl_decref(t, r);
            return tup;
        }
    }
    return c3_merge(t, type, type->bases);
}

/* ---- instances of classes ---------------------------------------------------------- */

static PylObject **dict_ptr(PylObject *self)
{
    return pyl_object_dict_ptr(self);
}

/* The builtin type whose C struct instances of `type` have. */
static PylType *builtin_base(PylType *type)
{
    while (type->flags & PYL_TF_HEAPTYPE) {
        type = type->base;
    }
    return type;
}

char *pyl_object_tail(PylObject *o)
{
    PylType *b = builtin_base(o->type);
    intptr_t end = b->basicsize + (((PylVarObject *)o)->size + 1) * b->itemsize;
    return (char *)o + ((end + 7) & ~(intptr_t)7);
}

/* Builtins whose subclasses CPython 3.11 lays out as variable-size (tp_itemsize
 * != 0): they take no nonempty __slots__ and two of their subclasses that both
 * add a __dict__ cannot be combined. (pyl's str is variable-size too, CPython's
 * is not.) */
static bool cpython_varsize(PylType *builtin)
{
    return builtin->base_kind == PYL_K_BYTES || builtin->base_kind == PYL_K_TUPLE ||
           builtin->base_kind == PYL_K_INT;
}

/* The first non-class ancestor's dealloc (the C struct's owner). */
static PylDeallocFn base_dealloc(PylType *type, PylDeallocFn own)
{
    PylType *b = type;
    while (b != NULL && b->dealloc == own) {
        b = b->base;
    }
    return b ? b->dealloc : NULL;
}

static void clear_slots(PylThread *t, PylObject *self)
{
    for (PylType *ty = self->type; ty != NULL && (ty->flags & PYL_TF_HEAPTYPE); ty = ty->base) {
        PylHeapType *ht = (PylHeapType *)ty;
        for (PylMemberDef *m = ht->slot_members; m != NULL && m->name != NULL; m++) {
            PylObject **p = (PylObject **)pyl_object_field(self, m->offset);
            PYL_CLEAR(t, *p);
        }
    }
}

/* The slots and the dict, then the builtin base's own fields (a builtin base that
 * has the dict, as type or BaseException, clears it its own way). */
static void subtype_clear(PylThread *t, PylObject *self)
{
    clear_slots(t, self);
    PylObject **dp = builtin_base(self->type)->dictoffset == 0 ? dict_ptr(self) : NULL;
    if (dp != NULL) {
        PYL_CLEAR(t, *dp);
    }
    PylType *b = self->type;
    while (b != NULL && b->clear == subtype_clear) {
        b = b->base;
    }
    if (b != NULL && b->clear != NULL) {
        b->clear(t, self);
    }
}

static int subtype_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    for (PylType *ty = self->type; ty != NULL && (ty->flags & PYL_TF_HEAPTYPE); ty = ty->base) {
        PylHeapType *ht = (PylHeapType *)ty;
        for (PylMemberDef *m = ht->slot_members; m != NULL && m->name != NULL; m++) {
            PylObject *v = *(PylObject **)pyl_object_field(self, m->offset);
            if (v != NULL && visit(v, arg) != 0) {
                return -1;
            }
        }
    }
    /* the dict, unless the builtin base has it (and visits it): exceptions, types */
    PylObject **dp = builtin_base(self->type)->dictoffset == 0 ? dict_ptr(self) : NULL;
    if (dp != NULL && *dp != NULL && visit(*dp, arg) != 0) {
        return -1;
    }
    if (visit((PylObject *)self->type, arg) != 0) {
        return -1;
    }
    PylType *b = self->type;
    while (b != NULL && b->traverse == subtype_traverse) {
        b = b->base;
    }
    return b != NULL && b->traverse != NULL ? b->traverse(self, visit, arg) : 0;
}

static void subtype_dealloc(PylThread *t, PylObject *self)
{
    PylType *type = self->type;
    PylObject *del = pyl_type_lookup(t, type, PYL_NAME(t, __del__));
    if (del != NULL && !pyl_gc_test_and_set_finalized(self)) {
        /* __del__ runs once in an object's life (PEP 442), with the object alive
         * again for the call */
        self->refcnt = 1;
        pyl_gc_call_del(t, self, del);
        if (--self->refcnt != 0) {
            pyl_gc_track(t, self); /* resurrected */
            return;
        }
    }
    /* weak references die after __del__ (which may still use them) */
    if (pyl_gc_is_gc(self) && (PYL_GC_HEAD(self)->refs & PYL_GC_WEAKREFS)) {
        pyl_weakref_clear_referent(t, self);
    }
    clear_slots(t, self);
    PylObject **dp = dict_ptr(self);
    if (dp != NULL) {
        PYL_CLEAR(t, *dp);
    }
    PylDeallocFn d = base_dealloc(type, subtype_dealloc);
    if (d != NULL) {
        d(t, self); /* frees the memory and drops the reference to the class */
    } else {
        pyl_obj_free(t, self);
    }
}

static PylObject *instance_get_dict(PylThread *t, PylObject *self)
{
    PylObject **dp = dict_ptr(self);
    if (dp == NULL) {
        return pyl_err_format(t, PYL_EXC(t, AttributeError), "This object has no __dict__");
    }
    if (*dp == NULL) {
        *dp = pyl_dict_new(t);
        if (*dp == NULL) {
            return NULL;
        }
    }
    return pyl_incref(*dp);
}

static int instance_set_dict(PylThread *t, PylObject *self, PylObject *value)
{
    PylObject **dp = dict_ptr(self);
    if (dp == NULL) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "This object has no __dict__");
        return -1;
    }
    if (value == NULL || !PYL_IS_DICT(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__dict__ must be set to a dictionary, not a '%T'",
                       value ? value : PYL_NONE);
        return -1;
    }
    pyl_setref(t, dp, pyl_incref(value));
    return 0;
}

/* __weakref__: the first weak reference to the instance, or None. */
static PylObject *instance_get_weakref(PylThread *t, PylObject *self)
{
    PylObject *wr = pyl_weakref_first(t, self);
    return wr != NULL ? pyl_incref(wr) : PYL_NONE;
}

static const PylGetSetDef instance_dict_getset[] = {
    {"__dict__", instance_get_dict, instance_set_dict, NULL},
    {"__weakref__", instance_get_weakref, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* Instances of a and b have the same C layout (same builtin struct, same slots,
 * same dict placement), so an object can change from one to the other. */
static bool same_layout(PylType *a, PylType *b)
{
    if (a->basicsize != b->basicsize || a->itemsize != b->itemsize ||
        a->dictoffset != b->dictoffset || a->base_kind != b->base_kind) {
        return false;
    }
    for (;;) {
        while ((a->flags & PYL_TF_HEAPTYPE) && a->basicsize == a->base->basicsize) {
            a = a->base;
        }
        while ((b->flags & PYL_TF_HEAPTYPE) && b->basicsize == b->base->basicsize) {
            b = b->base;
        }
        if (a == b) {
            return true;
        }
        if (!(a->flags & PYL_TF_HEAPTYPE) || !(b->flags & PYL_TF_HEAPTYPE)) {
            return false;
        }
        /* both add fields: the same slot names over the same layout; a __dict__
         * after the items of CPython's variable-size builtins never matches */
        PylHeapType *ha = (PylHeapType *)a, *hb = (PylHeapType *)b;
        if (a->base->basicsize != b->base->basicsize) {
            return false;
        }
        int kind = a->base_kind;
        if ((kind == PYL_K_BYTES || kind == PYL_K_TUPLE || kind == PYL_K_INT) &&
            a->dictoffset != a->base->dictoffset) {
            return false;
        }
        if ((ha->slot_names == NULL) != (hb->slot_names == NULL)) {
            return false;
        }
        if (ha->slot_names != NULL) {
            PylObject *x = ha->slot_names, *y = hb->slot_names;
            if (PYL_TUPLE_SIZE(x) != PYL_TUPLE_SIZE(y)) {
                return false;
            }
            for (intptr_t i = 0; i < PYL_TUPLE_SIZE(x); i++) {
                PylObject *p = PYL_TUPLE_ITEM(x, i), *q = PYL_TUPLE_ITEM(y, i);
                if (p != q && !(PYL_IS_STR(p) && PYL_IS_STR(q) && pyl_str_equal(p, q))) {
                    return false;
                }
            }
        }
        a = a->base;
        b = b->base;
    }
}

int pyl_class_compatible(PylThread *t, PylType *oldto, PylType *newto, const char *attr)
{
    /* CPython compares tp_free, which differs exactly when GC support does */
    if ((oldto->flags ^ newto->flags) & PYL_TF_GC) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "%s assignment: '%s' deallocator differs from '%s'", attr,
                       pyl_type_get_name(newto), pyl_type_get_name(oldto));
        return -1;
    }
    if (!same_layout(oldto, newto)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "%s assignment: '%s' object layout differs from '%s'", attr,
                       pyl_type_get_name(newto), pyl_type_get_name(oldto));
        return -1;
    }
    return 0;
}

/* Add type to the subclass registries of its (heap) bases. */
static int register_subclass(PylThread *t, PylType *type)
{
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(type->bases); i++) {
        PylType *b = (PylType *)PYL_TUPLE_ITEM(type->bases, i);
        if (!(b->flags & PYL_TF_HEAPTYPE)) {
            continue;
        }
        PylHeapType *hb = (PylHeapType *)b;
        if (hb->nsubs == hb->capsubs) {
            intptr_t cap = hb->capsubs ? hb->capsubs * 2 : 4;
            PylType **v = pyl_mem_realloc(t, hb->subs, sizeof(PylType *) * (size_t)cap);
            if (v == NULL) {
                return -1;
            }
            hb->subs = v;
            hb->capsubs = cap;
        }
        hb->subs[hb->nsubs++] = type;
    }
    return 0;
}

/* ---- creating classes ----------------------------------------------------------------- */

static bool is_identifier(PylObject *s)
{
    const char *p = PYL_STR_DATA(s);
    intptr_t n = PYL_STR_NBYTES(s);
    if (n == 0 || (p[0] >= '0' && p[0] <= '9')) {
        return false;
    }
    for (intptr_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (!(c >= 0x80 || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return true;
}

/* "__x" inside class C is "_C__x" (names ending in __ and dunders are kept). */
static PylObject *mangle(PylThread *t, PylObject *class_name, PylObject *name)
{
    const char *s = PYL_STR_DATA(name);
    intptr_t n = PYL_STR_NBYTES(name);
    if (n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_') ||
        memchr(s, '.', (size_t)n) != NULL) {
        return pyl_incref(name);
    }
    const char *c = PYL_STR_DATA(class_name);
    while (*c == '_') {
        c++;
    }
    if (*c == '\0') {
        return pyl_incref(name);
    }
    return pyl_str_format_c(t, "_%s%U", c, name);
}

/* Does a class add fields to its base's layout (as CPython's extra_ivars)? A
 * __dict__ does not count, except over CPython's variable-size builtins. */
static bool adds_fields(PylType *type)
{
    PylHeapType *ht = (PylHeapType *)type;
    if (ht->slot_members != NULL && ht->slot_members[0].name != NULL) {
        return true;
    }
    return type->dictoffset != 0 && type->base->dictoffset == 0 &&
           cpython_varsize(builtin_base(type));
}

/* The nearest ancestor (or type itself) that adds fields to the layout. */
static PylType *solid_base(PylType *type)
{
    while (type->base != NULL) {
        if (type->flags & PYL_TF_HEAPTYPE) {
            if (adds_fields(type)) {
                return type;
            }
        } else if (type->basicsize != type->base->basicsize ||
                   type->itemsize != type->base->itemsize) {
            return type;
        }
        type = type->base;
    }
    return type;
}

/* The base whose C layout instances will have, checking the bases agree. */
static PylType *best_base(PylThread *t, PylObject *bases)
{
    PylType *best = NULL, *winner_solid = NULL;
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(bases); i++) {
        PylObject *b = PYL_TUPLE_ITEM(bases, i);
        if (!PYL_IS_TYPE(b)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "bases must be types");
            return NULL;
        }
        PylType *bt = (PylType *)b;
        if (!(bt->flags & PYL_TF_BASETYPE)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "type '%s' is not an acceptable base type",
                           pyl_type_get_name(bt));
            return NULL;
        }
        PylType *solid = solid_base(bt);
        if (winner_solid == NULL) {
            winner_solid = solid;
            best = bt;
        } else if (pyl_type_is_subtype(winner_solid, solid)) {
            /* the winner's layout already extends this base's */
        } else if (pyl_type_is_subtype(solid, winner_solid)) {
            winner_solid = solid;
            best = bt;
        } else {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

/* Call __set_name__ on the new class's attributes, then the parent's
 * __init_subclass__(**kwargs). */
static int finish_class(PylThread *t, PylType *type, PylObject *kwargs)
{
    PylObject *items = pyl_list_new(t, 0);
    if (items == NULL) {
        return -1;
    }
    intptr_t pos = 0;
    PylObject *k, *v;
    while (pyl_dict_next(type->dict, &pos, &k, &v)) {
        PylObject *pair = pyl_tuple_pack(t, 2, k, v);
        if (pair == NULL || pyl_list_append(t, items, pair) < 0) {
            pyl_xdecref(t, pair);
            pyl_decref(t, items);
            return -1;
        }
        pyl_decref(t, pair);
    }
    for (intptr_t i = 0; i < PYL_LIST_SIZE(items); i++) {
        PylObject *pair = PYL_LIST_ITEM(items, i);
        PylObject *value = PYL_TUPLE_ITEM(pair, 1);
        PylObject *set_name = pyl_type_lookup(t, PYL_TYPEOF(t, value), PYL_NAME(t, __set_name__));
        if (set_name == NULL) {
            continue;
        }
        PylObject *args[3] = {value, (PylObject *)type, PYL_TUPLE_ITEM(pair, 0)};
        pyl_incref(set_name);
        PylObject *r = pyl_call(t, set_name, args, 3, NULL);
        pyl_decref(t, set_name);
        if (r == NULL) {
            /* 3.11 chains a RuntimeError naming the attribute */
            PylObject *cause = pyl_err_fetch(t);
            pyl_err_format(t, PYL_EXC(t, RuntimeError),
                           "Error calling __set_name__ on '%T' instance %R in '%U'", value,
                           PYL_TUPLE_ITEM(pair, 0), type->name_obj);
            if (t->exc != NULL) {
                PylBaseException *be = (PylBaseException *)t->exc;
                pyl_setref(t, &be->cause, cause);
                be->suppress_context = true;
            } else {
                pyl_xdecref(t, cause);
            }
            pyl_decref(t, items);
            return -1;
        }
        pyl_decref(t, r);
    }
    pyl_decref(t, items);
    /* super(type, type).__init_subclass__(**kwargs) */
    PylObject *mro = type->mro;
    for (intptr_t i = 1; i < PYL_TUPLE_SIZE(mro); i++) {
        PylType *b = (PylType *)PYL_TUPLE_ITEM(mro, i);
        PylObject *f = pyl_dict_get_str(t, b->dict, PYL_NAME(t, __init_subclass__));
        if (f == NULL) {
            continue;
        }
        PylDescrGetFn get = PYL_TYPEOF(t, f)->descr_get;
        PylObject *bound = get ? get(t, f, NULL, (PylObject *)type) : pyl_incref(f);
        if (bound == NULL) {
            return -1;
        }
        PylObject *r =
            pyl_call_tuple_dict(t, bound, NULL, kwargs && PYL_DICT_LEN(kwargs) ? kwargs : NULL);
        pyl_decref(t, bound);
        if (r == NULL) {
            return -1;
        }
        pyl_decref(t, r);
        break;
    }
    return 0;
}

/* Wrap a plain function found under `name` in the class dict (implicit
 * staticmethod __new__, classmethod __init_subclass__ / __class_getitem__). */
static int wrap_implicit(PylThread *t, PylObject *dict, PylObject *name, bool classmethod)
{
    PylObject *f = pyl_dict_get_str(t, dict, name);
    if (f == NULL || !PYL_IS_KIND(f, FUNCTION)) {
        return 0;
    }
    PylObject *w = classmethod ? pyl_classmethod_new(t, f) : pyl_staticmethod_new(t, f);
    if (w == NULL) {
        return -1;
    }
    int r = pyl_dict_set(t, dict, name, w);
    pyl_decref(t, w);
    return r;
}

/* Reserve a pointer field in the layout of a class being made; its offset. */
static intptr_t new_field(PylType *type)
{
    PylType *builtin = builtin_base(type->base);
    intptr_t off;
    if (builtin->itemsize == 0) {
        off = type->basicsize;
    } else {
        intptr_t tail0 = builtin->basicsize + builtin->itemsize + 7;
        if (type->basicsize < tail0) {
            type->basicsize = tail0;
        }
        off = PYL_TAIL_OFFSET(type->basicsize - tail0);
    }
    type->basicsize += (intptr_t)sizeof(PylObject *);
    return off;
}

/* Does an instance of type have a __weakref__ slot (CPython's tp_weaklistoffset)?
 * (pyl keeps weak references in a table, weakref.c, not in the instance; this says
 * whether instances may be weakly referenced, and gives __slots__ its checks.) */
static bool has_weakref(PylType *type)
{
    return (type->flags & PYL_TF_HEAPTYPE) && ((PylHeapType *)type)->weakref;
}

static int compare_names(const void *a, const void *b)
{
    return pyl_str_compare(*(PylObject *const *)a, *(PylObject *const *)b);
}

/* Lay out __slots__ (as CPython's type_new_slots): check the names, then add a
 * member descriptor per (mangled, sorted) name after the base's fields. Sets
 * *want_dict / *want_weak when __dict__ / __weakref__ are among them. */
static int add_slots(PylThread *t, PylHeapType *ht, PylObject *slots, PylType *base,
                     bool *want_dict, bool *want_weak)
{
    PylType *type = &ht->type;
    PylObject *list =
        PYL_IS_STR(slots) ? pyl_tuple_pack(t, 1, slots) : pyl_sequence_tuple(t, slots);
    if (list == NULL) {
        return -1;
    }
    intptr_t n = PYL_TUPLE_SIZE(list);
    PylObject *names = NULL;
    if (n > 0 && cpython_varsize(builtin_base(base))) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "nonempty __slots__ not supported for subtype of '%s'",
                       pyl_type_get_name(base));
        goto error;
    }
    for (intptr_t i = 0; i < n; i++) {
        PylObject *s = PYL_TUPLE_ITEM(list, i);
        if (!PYL_IS_STR(s)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "__slots__ items must be strings, not '%T'",
                           s);
            goto error;
        }
        if (!is_identifier(s)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "__slots__ must be identifiers");
            goto error;
        }
        if (pyl_str_equal_cstr(s, "__dict__")) {
            if (base->dictoffset != 0 || *want_dict) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "__dict__ slot disallowed: we already got one");
                goto error;
            }
            *want_dict = true;
        }
        if (pyl_str_equal_cstr(s, "__weakref__")) {
            if (has_weakref(base) || cpython_varsize(builtin_base(base)) || *want_weak) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "__weakref__ slot disallowed: either we already got one, or the "
                               "itemsize is nonzero");
                goto error;
            }
            *want_weak = true;
        }
    }
    names = pyl_list_new(t, 0);
    if (names == NULL) {
        goto error;
    }
    for (intptr_t i = 0; i < n; i++) {
        PylObject *s = PYL_TUPLE_ITEM(list, i);
        if ((*want_dict && pyl_str_equal_cstr(s, "__dict__")) ||
            (*want_weak && pyl_str_equal_cstr(s, "__weakref__"))) {
            continue;
        }
        PylObject *m = pyl_str_intern(t, mangle(t, type->name_obj, s));
        if (m == NULL) {
            goto error;
        }
        int r = pyl_list_append(t, names, m);
        pyl_decref(t, m);
        if (r < 0) {
            goto error;
        }
        if (pyl_dict_get_str(t, type->dict, m) != NULL && !pyl_str_equal_cstr(m, "__qualname__") &&
            !pyl_str_equal_cstr(m, "__classcell__")) {
            pyl_err_format(t, PYL_EXC(t, ValueError),
                           "%R in __slots__ conflicts with class variable", m);
            goto error;
        }
    }
    intptr_t k = PYL_LIST_SIZE(names);
    if (k > 1) {
        qsort(PYL_LIST_ITEMS(names), (size_t)k, sizeof(PylObject *), compare_names);
    }
    ht->slot_names = pyl_list_as_tuple(t, names);
    ht->slot_members = pyl_mem_calloc(t, sizeof(PylMemberDef) * (size_t)(k + 1));
    if (ht->slot_names == NULL || ht->slot_members == NULL) {
        goto error;
    }
    for (intptr_t i = 0; i < k; i++) {
        PylObject *m = PYL_TUPLE_ITEM(ht->slot_names, i);
        PylMemberDef *md = &ht->slot_members[i];
        md->name = PYL_STR_DATA(m);
        md->type = PYL_MEMBER_OBJECT_EX;
        md->offset = new_field(type);
        md->readonly = false;
        PylObject *d = pyl_descr_new_member(t, type, md);
        if (d == NULL || pyl_dict_set(t, type->dict, m, d) < 0) {
            pyl_xdecref(t, d);
            goto error;
        }
        pyl_decref(t, d);
    }
    pyl_decref(t, names);
    pyl_decref(t, list);
    return 0;
error:
    pyl_xdecref(t, names);
    pyl_decref(t, list);
    return -1;
}

static PylType *winner_metaclass(PylThread *t, PylType *meta, PylObject *bases)
{
    PylType *winner = meta;
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(bases); i++) {
        PylType *bt = PYL_TYPEOF(t, PYL_TUPLE_ITEM(bases, i));
        if (pyl_type_is_subtype(winner, bt)) {
            continue;
        }
        if (pyl_type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "metaclass conflict: the metaclass of a derived class must be a "
                       "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

PYL_INTERNAL PylObject *pyl_class_new(PylThread *t, PylType *meta, PylObject *name,
                                      PylObject *bases, PylObject *ns, PylObject *kwargs);
PylObject *pyl_class_new(PylThread *t, PylType *meta, PylObject *name, PylObject *bases,
                         PylObject *ns, PylObject *kwargs)
{
    if (!PYL_IS_STR(name)) {
        return pyl_bad_argument(t, "type.__new__", "1", "str", name);
    }
    if (!PYL_IS_TUPLE(bases)) {
        return pyl_bad_argument(t, "type.__new__", "2", "tuple", bases);
    }
    if (memchr(PYL_STR_DATA(name), 0, (size_t)PYL_STR_NBYTES(name)) != NULL) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "type name must not contain null characters");
    }
    if (!PYL_IS_DICT(ns)) {
        return pyl_bad_argument(t, "type.__new__", "3", "dict", ns);
    }
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(bases); i++) {
        PylObject *b = PYL_TUPLE_ITEM(bases, i);
        if (PYL_IS_TYPE(b)) {
            continue;
        }
        PylObject *me = pyl_getattr_opt(t, b, PYL_NAME(t, __mro_entries__));
        if (me != NULL) {
            pyl_decref(t, me);
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "type() doesn't support MRO entry resolution; use "
                                  "types.new_class()");
        }
        if (pyl_err_occurred(t)) {
            return NULL;
        }
    }
    PylType *winner = winner_metaclass(t, meta, bases);
    if (winner == NULL) {
        return NULL;
    }
    if (winner != meta && winner->new_ != meta->new_) {
        PylObject *args[3] = {name, bases, ns};
        return pyl_call(t, (PylObject *)winner, args, 3, NULL);
    }
    meta = winner;
    PylObject *real_bases;
    if (PYL_TUPLE_SIZE(bases) == 0) {
        real_bases = pyl_tuple_pack(t, 1, (PylObject *)PYL_TYPE(t, OBJECT));
    } else {
        real_bases = pyl_incref(bases);
    }
    if (real_bases == NULL) {
        return NULL;
    }
    PylType *base = best_base(t, real_bases);
    if (base == NULL) {
        pyl_decref(t, real_bases);
        return NULL;
    }
    intptr_t size = meta->basicsize > (intptr_t)sizeof(PylHeapType) ? meta->basicsize
                                                                    : (intptr_t)sizeof(PylHeapType);
    PylHeapType *ht = (PylHeapType *)pyl_obj_alloc(t, meta, size);
    if (ht == NULL) {
        pyl_decref(t, real_bases);
        return NULL;
    }
    PylType *type = &ht->type;
    type->flags = PYL_TF_HEAPTYPE | PYL_TF_BASETYPE | PYL_TF_GC | PYL_TF_READY;
    type->bases = real_bases;
    type->base = (PylType *)pyl_incref((PylObject *)base);
    type->name_obj = pyl_str_intern(t, pyl_incref(name));
    type->dict = pyl_dict_copy(t, ns);
    if (type->name_obj == NULL || type->dict == NULL) {
        goto error;
    }
    type->name = PYL_STR_DATA(type->name_obj);
    PylObject *qual = pyl_dict_pop(t, type->dict, PYL_NAME(t, __qualname__));
    if (qual != NULL && !PYL_IS_STR(qual)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "type __qualname__ must be a str, not %T", qual);
        pyl_decref(t, qual);
        goto error;
    }
    type->qualname = qual ? qual : pyl_incref(type->name_obj);
    /* __module__: from the namespace, else the caller's globals */
    if (pyl_dict_get_str(t, type->dict, PYL_NAME(t, __module__)) == NULL && t->frame != NULL) {
        PylObject *m = pyl_dict_get_str(t, t->frame->globals, PYL_NAME(t, __name__));
        if (m != NULL && pyl_dict_set(t, type->dict, PYL_NAME(t, __module__), m) < 0) {
            goto error;
        }
    }
    if (pyl_dict_get_str(t, type->dict, PYL_NAME(t, __doc__)) == NULL &&
        pyl_dict_set(t, type->dict, PYL_NAME(t, __doc__), PYL_NONE) < 0) {
        goto error;
    }
    if (wrap_implicit(t, type->dict, PYL_NAME(t, __new__), false) < 0 ||
        wrap_implicit(t, type->dict, PYL_NAME(t, __init_subclass__), true) < 0 ||
        wrap_implicit(t, type->dict, PYL_NAME(t, __class_getitem__), true) < 0) {
        goto error;
    }
    /* a class defining __eq__ without __hash__ is unhashable */
    if (pyl_dict_get_str(t, type->dict, PYL_NAME(t, __eq__)) != NULL &&
        pyl_dict_get_str(t, type->dict, PYL_NAME(t, __hash__)) == NULL &&
        pyl_dict_set(t, type->dict, PYL_NAME(t, __hash__), PYL_NONE) < 0) {
        goto error;
    }
    /* layout */
    type->basicsize = base->basicsize;
    type->itemsize = base->itemsize;
    type->dictoffset = base->dictoffset;
    type->base_kind = base->base_kind;
    PylObject *slots = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __slots__));
    bool want_dict = slots == NULL;
    bool want_weak = slots == NULL && !has_weakref(base) && !cpython_varsize(builtin_base(base));
    if (slots != NULL && add_slots(t, ht, slots, base, &want_dict, &want_weak) < 0) {
        goto error;
    }
    ht->weakref = want_weak || has_weakref(base);
    if (want_weak && !has_weakref(base)) {
        for (intptr_t i = 0; i < PYL_TUPLE_SIZE(real_bases); i++) {
            if (has_weakref((PylType *)PYL_TUPLE_ITEM(real_bases, i))) {
                want_weak = false; /* another base provides the attribute */
            }
        }
        PylObject *d = want_weak ? pyl_descr_new_getset(t, type, &instance_dict_getset[1]) : NULL;
        if (want_weak &&
            (d == NULL || pyl_dict_set(t, type->dict, PYL_NAME(t, __weakref__), d) < 0)) {
            pyl_xdecref(t, d);
            goto error;
        }
        pyl_xdecref(t, d);
    }
    if (want_dict && type->dictoffset == 0) {
        type->dictoffset = new_field(type);
    }
    if (type->dictoffset != 0 && pyl_dict_get_str(t, type->dict, PYL_NAME(t, __dict__)) == NULL) {
        /* instances' __dict__ attribute, unless a base already provides it */
        bool inherited = false;
        for (intptr_t i = 0; i < PYL_TUPLE_SIZE(real_bases); i++) {
            if (((PylType *)PYL_TUPLE_ITEM(real_bases, i))->dictoffset != 0) {
                inherited = true;
            }
        }
        if (!inherited) {
            PylObject *d = pyl_descr_new_getset(t, type, &instance_dict_getset[0]);
            if (d == NULL || pyl_dict_set(t, type->dict, PYL_NAME(t, __dict__), d) < 0) {
                pyl_xdecref(t, d);
                goto error;
            }
            pyl_decref(t, d);
        }
    }
    type->mro = compute_mro(t, type);
    if (type->mro == NULL) {
        goto error;
    }
    /* slots: inherit, then point dunders at their Python definitions */
    pyl_type_inherit(type, base);
    type->new_ = base->new_;
    type->flags |= base->flags & PYL_TF_EXCEPTION;
    type->dealloc = subtype_dealloc;
    type->traverse = subtype_traverse;
    type->clear = subtype_clear;
    pyl_slots_fixup(t, type);
    /* subclass registry, so changing a base invalidates cached lookups */
    if (register_subclass(t, type) < 0) {
        goto error;
    }
    if (finish_class(t, type, kwargs) < 0) {
        goto error;
    }
    /* __classcell__: the cell methods use for __class__ and super() */
    PylObject *cell = pyl_dict_pop(t, type->dict, PYL_NAME(t, __classcell__));
    if (cell != NULL) {
        if (!PYL_IS_KIND(cell, CELL)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "__classcell__ must be a nonlocal cell, not %T", cell);
            pyl_decref(t, cell);
            goto error;
        }
        pyl_setref(t, &((PylCell *)cell)->ref, pyl_incref((PylObject *)type));
        pyl_decref(t, cell);
    } else if (pyl_err_occurred(t)) {
        goto error;
    }
    return (PylObject *)type;
error:
    pyl_decref(t, (PylObject *)type);
    return NULL;
}

/* Remove type from the subclass registries of its bases. */
static void unregister_subclass(PylType *type)
{
    if (type->bases == NULL) {
        return;
    }
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(type->bases); i++) {
        PylType *b = (PylType *)PYL_TUPLE_ITEM(type->bases, i);
        if (!(b->flags & PYL_TF_HEAPTYPE)) {
            continue;
        }
        PylHeapType *hb = (PylHeapType *)b;
        for (intptr_t k = 0; k < hb->nsubs; k++) {
            if (hb->subs[k] == type) {
                memmove(&hb->subs[k], &hb->subs[k + 1],
                        sizeof(PylType *) * (size_t)(hb->nsubs - k - 1));
                hb->nsubs--;
                break;
            }
        }
    }
}

void pyl_class_unregister(PylThread *t, PylType *type)
{
    PylHeapType *ht = (PylHeapType *)type;
    unregister_subclass(type);
    pyl_mem_free(t, ht->subs);
    ht->subs = NULL;
    ht->nsubs = ht->capsubs = 0;
    pyl_mem_free(t, ht->slot_members);
    ht->slot_members = NULL;
    PYL_CLEAR(t, ht->slot_names);
}

/* ---- assigning __bases__ ------------------------------------------------------- */

/* New MROs for type and (recursively) its subclasses; the old ones are pushed on
 * `undo` as (type, old mro) pairs. 0 or -1. */
static int remake_mros(PylThread *t, PylType *type, PylObject *undo)
{
    PylObject *mro = compute_mro(t, type);
    if (mro == NULL) {
        return -1;
    }
    PylObject *pair = pyl_tuple_pack(t, 2, (PylObject *)type, type->mro);
    if (pair == NULL || pyl_list_append(t, undo, pair) < 0) {
        pyl_xdecref(t, pair);
        pyl_decref(t, mro);
        return -1;
    }
    pyl_decref(t, pair);
    pyl_setref(t, &type->mro, mro);
    PylHeapType *ht = (PylHeapType *)type;
    for (intptr_t i = 0; i < ht->nsubs; i++) {
        if (remake_mros(t, ht->subs[i], undo) < 0) {
            return -1;
        }
    }
    return 0;
}

int pyl_class_set_bases(PylThread *t, PylType *type, PylObject *value)
{
    const char *name = pyl_type_get_name(type);
    if (!(type->flags & PYL_TF_HEAPTYPE)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "cannot set '__bases__' attribute of immutable type '%s'", name);
        return -1;
    }
    if (value == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "cannot delete '__bases__' attribute of immutable type '%s'", name);
        return -1;
    }
    if (!PYL_IS_TUPLE(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "can only assign tuple to %s.__bases__, not %T",
                       name, value);
        return -1;
    }
    if (PYL_TUPLE_SIZE(value) == 0) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "can only assign non-empty tuple to %s.__bases__, not ()", name);
        return -1;
    }
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(value); i++) {
        PylObject *b = PYL_TUPLE_ITEM(value, i);
        if (!PYL_IS_TYPE(b)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%s.__bases__ must be tuple of classes, not '%T'", name, b);
            return -1;
        }
        if (pyl_type_is_subtype((PylType *)b, type)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    PylType *new_base = best_base(t, value);
    if (new_base == NULL || pyl_class_compatible(t, type->base, new_base, "__bases__") < 0) {
        return -1;
    }
    PylObject *undo = pyl_list_new(t, 0);
    if (undo == NULL) {
        return -1;
    }
    PylObject *old_bases = type->bases;
    PylType *old_base = type->base;
    unregister_subclass(type);
    type->bases = pyl_incref(value);
    type->base = (PylType *)pyl_incref((PylObject *)new_base);
    if (remake_mros(t, type, undo) < 0 || register_subclass(t, type) < 0) {
        /* put everything back as it was */
        for (intptr_t i = PYL_LIST_SIZE(undo) - 1; i >= 0; i--) {
            PylObject *pair = PYL_LIST_ITEM(undo, i);
            PylType *ty = (PylType *)PYL_TUPLE_ITEM(pair, 0);
            pyl_setref(t, &ty->mro, pyl_incref(PYL_TUPLE_ITEM(pair, 1)));
        }
        unregister_subclass(type);
        pyl_setref(t, &type->bases, old_bases);
        pyl_setref(t, (PylObject **)&type->base, (PylObject *)old_base);
        PylObject *exc = pyl_err_fetch(t);
        int r = register_subclass(t, type);
        pyl_err_restore(t, exc);
        (void)r;
        pyl_type_modified(t, type);
        pyl_decref(t, undo);
        return -1;
    }
    pyl_decref(t, old_bases);
    pyl_decref(t, (PylObject *)old_base);
    pyl_decref(t, undo);
    pyl_type_modified(t, type);
    pyl_slots_fixup(t, type);
    return 0;
}

/* ---- __build_class__ ---------------------------------------------------------------- */

static PylObject *builtin_build_class(PylThread *t, PylObject *self, PylObject *const *args,
                                      intptr_t nargs, PylObject *kwnames)
{
    if (nargs < 2) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "__build_class__: not enough arguments");
    }
    PylObject *func = args[0], *name = args[1];
    if (!PYL_IS_KIND(func, FUNCTION)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "__build_class__: func must be a function");
    }
    if (!PYL_IS_STR(name)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "__build_class__: name is not a string");
    }
    PylObject *orig_bases = pyl_tuple_from_array(t, args + 2, nargs - 2);
    if (orig_bases == NULL) {
        return NULL;
    }
    /* PEP 560: non-class bases may substitute themselves */
    PylObject *bases = orig_bases;
    bool changed = false;
    PylObject *newlist = NULL;
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(orig_bases); i++) {
        PylObject *b = PYL_TUPLE_ITEM(orig_bases, i);
        PylObject *meth =
            PYL_IS_TYPE(b) ? NULL : pyl_getattr_opt(t, b, PYL_NAME(t, __mro_entries__));
        if (newlist == NULL) {
            newlist = pyl_list_new(t, 0);
            if (newlist == NULL) {
                pyl_xdecref(t, meth);
                pyl_decref(t, orig_bases);
                return NULL;
            }
        }
        if (meth == NULL) {
            if (pyl_err_occurred(t) || pyl_list_append(t, newlist, b) < 0) {
                pyl_decref(t, newlist);
                pyl_decref(t, orig_bases);
                return NULL;
            }
            continue;
        }
        PylObject *entries = pyl_call1(t, meth, orig_bases);
        pyl_decref(t, meth);
        if (entries == NULL || !PYL_IS_TUPLE(entries)) {
            if (entries != NULL) {
                pyl_err_format(t, PYL_EXC(t, TypeError), "__mro_entries__ must return a tuple");
                pyl_decref(t, entries);
            }
            pyl_decref(t, newlist);
            pyl_decref(t, orig_bases);
            return NULL;
        }
        int r = pyl_list_extend(t, newlist, entries);
        pyl_decref(t, entries);
        if (r < 0) {
            pyl_decref(t, newlist);
            pyl_decref(t, orig_bases);
            return NULL;
        }
        changed = true;
    }
    if (changed) {
        bases = pyl_list_as_tuple(t, newlist);
        if (bases == NULL) {
            pyl_decref(t, newlist);
            pyl_decref(t, orig_bases);
            return NULL;
        }
    } else {
        pyl_incref(bases);
    }
    pyl_xdecref(t, newlist);
    /* keyword arguments: metaclass= and the rest for the metaclass */
    PylObject *meta = NULL;
    PylObject *kw = pyl_dict_new(t);
    PylObject *ns = NULL, *cls = NULL, *cell = NULL;
    if (kw == NULL) {
        goto done;
    }
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        PylObject *k = PYL_TUPLE_ITEM(kwnames, i);
        if (pyl_str_equal_cstr(k, "metaclass")) {
            meta = args[nargs + i];
        } else if (pyl_dict_set(t, kw, k, args[nargs + i]) < 0) {
            goto done;
        }
    }
    if (meta == NULL) {
        meta = PYL_TUPLE_SIZE(bases) > 0 ? (PylObject *)PYL_TYPEOF(t, PYL_TUPLE_ITEM(bases, 0))
                                         : (PylObject *)PYL_TYPE(t, TYPE);
    }
    pyl_incref(meta);
    if (PYL_IS_TYPE(meta)) {
        PylType *w = winner_metaclass(t, (PylType *)meta, bases);
        if (w == NULL) {
            goto done;
        }
        pyl_setref(t, &meta, pyl_incref((PylObject *)w));
    }
    PylObject *prepare = pyl_getattr_opt(t, meta, PYL_NAME(t, __prepare__));
    if (prepare != NULL) {
        PylObject *pargs = pyl_tuple_pack(t, 2, name, bases);
        ns = pargs ? pyl_call_tuple_dict(t, prepare, pargs, PYL_DICT_LEN(kw) ? kw : NULL) : NULL;
        pyl_xdecref(t, pargs);
        pyl_decref(t, prepare);
        if (ns == NULL) {
            goto done;
        }
    } else if (pyl_err_occurred(t)) {
        goto done;
    } else {
        ns = pyl_dict_new(t);
        if (ns == NULL) {
            goto done;
        }
    }
    if (PYL_TYPEOF(t, ns)->getitem == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s.__prepare__() must return a mapping, not %T",
                       PYL_IS_TYPE(meta) ? ((PylType *)meta)->name : "<metaclass>", ns);
        goto done;
    }
    cell = pyl_eval_class_body(t, func, ns);
    if (cell == NULL) {
        goto done;
    }
    if (bases != orig_bases && pyl_setitem(t, ns, PYL_NAME(t, __orig_bases__), orig_bases) < 0) {
        goto done;
    }
    PylObject *margs = pyl_tuple_pack(t, 3, name, bases, ns);
    if (margs == NULL) {
        goto done;
    }
    cls = pyl_call_tuple_dict(t, meta, margs, PYL_DICT_LEN(kw) ? kw : NULL);
    pyl_decref(t, margs);
    if (cls != NULL && PYL_IS_KIND(cell, CELL) && PYL_IS_TYPE(cls)) {
        PylObject *got = ((PylCell *)cell)->ref;
        if (got != cls) {
            if (got == NULL) {
                pyl_err_format(t, PYL_EXC(t, RuntimeError),
                               "__class__ not set defining %R as %R. Was __classcell__ "
                               "propagated to type.__new__?",
                               name, cls);
            } else {
                pyl_err_format(t, PYL_EXC(t, TypeError), "__class__ set to %R defining %R as %R",
                               got, name, cls);
            }
            PYL_CLEAR(t, cls);
        }
    }
done:
    pyl_xdecref(t, cell);
    pyl_xdecref(t, ns);
    pyl_xdecref(t, meta);
    pyl_xdecref(t, kw);
    pyl_decref(t, bases);
    pyl_decref(t, orig_bases);
    return cls;
}

const PylMethodDef pyl_build_class_def = {
    "__build_class__", {.kw = builtin_build_class}, PYL_METH_KW, NULL};

/* ---- super ------------------------------------------------------------------------------ */

typedef struct PylSuper {
    PylObject ob;
    PylType *type;     /* the class whose MRO successors are searched */
    PylObject *obj;    /* the instance or class bound to, or NULL */
    PylType *obj_type; /* the type whose MRO is used */
} PylSuper;

static PylType *super_check(PylThread *t, PylType *type, PylObject *obj)
{
    if (PYL_IS_TYPE(obj) && pyl_type_is_subtype((PylType *)obj, type)) {
        return (PylType *)obj;
    }
    if (pyl_type_is_subtype(PYL_TYPEOF(t, obj), type)) {
        return PYL_TYPEOF(t, obj);
    }
    pyl_err_format(t, PYL_EXC(t, TypeError),
                   "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* super() with no arguments: the method's first argument and its __class__. */
static int super_from_frame(PylThread *t, PylType **type, PylObject **obj)
{
    PylFrame *f = t->frame;
    if (f == NULL) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "super(): no current frame");
        return -1;
    }
    PylCode *co = f->code;
    if (co->argcount == 0) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "super(): no arguments");
        return -1;
    }
    PylObject *first = f->localsplus[0];
    if (first != NULL && (co->localspluskinds[0] & PYL_LOCAL_CELL)) {
        first = ((PylCell *)first)->ref;
    }
    if (first == NULL) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
        if (pyl_str_equal_cstr(PYL_TUPLE_ITEM(co->localsplusnames, i), "__class__")) {
            PylObject *cell = f->localsplus[i];
            PylObject *cls = cell ? ((PylCell *)cell)->ref : NULL;
            if (cls == NULL) {
                pyl_err_format(t, PYL_EXC(t, RuntimeError), "super(): empty __class__ cell");
                return -1;
            }
            if (!PYL_IS_TYPE(cls)) {
                pyl_err_format(t, PYL_EXC(t, RuntimeError), "super(): __class__ is not a type (%T)",
                               cls);
                return -1;
            }
            *type = (PylType *)cls;
            *obj = first;
            return 0;
        }
    }
    pyl_err_format(t, PYL_EXC(t, RuntimeError), "super(): __class__ cell not found");
    return -1;
}

static PylObject *super_new(PylThread *t, PylType *stype, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "super", kwnames) < 0 || pyl_check_nargs(t, "super", nargs, 0, 2) < 0) {
        return NULL;
    }
    PylType *type;
    PylObject *obj = NULL;
    if (nargs == 0) {
        if (super_from_frame(t, &type, &obj) < 0) {
            return NULL;
        }
    } else {
        if (!PYL_IS_TYPE(args[0])) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "super() argument 1 must be a type, not %T", args[0]);
        }
        type = (PylType *)args[0];
        obj = nargs == 2 && args[1] != PYL_NONE ? args[1] : NULL;
    }
    PylType *obj_type = NULL;
    if (obj != NULL) {
        obj_type = super_check(t, type, obj);
        if (obj_type == NULL) {
            return NULL;
        }
    }
    PylSuper *s = (PylSuper *)pyl_obj_alloc(t, stype, stype->basicsize);
    if (s == NULL) {
        return NULL;
    }
    s->type = (PylType *)pyl_incref((PylObject *)type);
    s->obj = pyl_xincref(obj);
    s->obj_type = obj_type ? (PylType *)pyl_incref((PylObject *)obj_type) : NULL;
    return (PylObject *)s;
}

static int super_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                      PylObject *kwnames)
{
    return 0;
}

static void super_clear(PylThread *t, PylObject *self)
{
    PylSuper *s = (PylSuper *)self;
    PYL_CLEAR(t, *(PylObject **)&s->type);
    PYL_CLEAR(t, s->obj);
    PYL_CLEAR(t, *(PylObject **)&s->obj_type);
}

static void super_dealloc(PylThread *t, PylObject *self)
{
    super_clear(t, self);
    pyl_obj_free(t, self);
}

static int super_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylSuper *s = (PylSuper *)self;
    if (s->obj != NULL && visit(s->obj, arg) != 0) {
        return -1;
    }
    return 0;
}

static PylObject *super_getattr(PylThread *t, PylObject *self, PylObject *name)
{
    PylSuper *s = (PylSuper *)self;
    if (s->obj_type != NULL && !pyl_str_equal_cstr(name, "__class__")) {
        PylObject *mro = s->obj_type->mro;
        intptr_t n = PYL_TUPLE_SIZE(mro), i = 0;
        while (i < n && PYL_TUPLE_ITEM(mro, i) != (PylObject *)s->type) {
            i++;
        }
        for (i++; i < n; i++) {
            PylType *b = (PylType *)PYL_TUPLE_ITEM(mro, i);
            PylObject *v = pyl_dict_get_str(t, b->dict, name);
            if (v == NULL) {
                continue;
            }
            PylDescrGetFn get = PYL_TYPEOF(t, v)->descr_get;
            if (get == NULL) {
                return pyl_incref(v);
            }
            pyl_incref(v);
            PylObject *inst = s->obj == (PylObject *)s->obj_type ? NULL : s->obj;
            PylObject *r = get(t, v, inst, (PylObject *)s->obj_type);
            pyl_decref(t, v);
            return r;
        }
    }
    PylObject *r = pyl_generic_getattr_opt(t, self, name);
    if (r == NULL && !pyl_err_occurred(t)) {
        pyl_err_format(t, PYL_EXC(t, AttributeError), "'super' object has no attribute '%U'", name);
    }
    return r;
}

static PylObject *super_descr_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    PylSuper *s = (PylSuper *)self;
    if (obj == NULL || s->obj != NULL) {
        return pyl_incref(self);
    }
    PylObject *args[2] = {(PylObject *)s->type, obj};
    return pyl_call(t, (PylObject *)PYL_TYPEOF(t, self), args, 2, NULL);
}

static PylObject *super_repr(PylThread *t, PylObject *self)
{
    PylSuper *s = (PylSuper *)self;
    if (s->obj_type != NULL) {
        return pyl_str_format_c(t, "<super: <class '%s'>, <%s object>>", pyl_type_get_name(s->type),
                                pyl_type_get_name(s->obj_type));
    }
    return pyl_str_format_c(t, "<super: <class '%s'>, NULL>", pyl_type_get_name(s->type));
}

static const PylMemberDef super_members[] = {
    {"__thisclass__", PYL_MEMBER_OBJECT, offsetof(PylSuper, type), true, NULL},
    {"__self__", PYL_MEMBER_OBJECT, offsetof(PylSuper, obj), true, NULL},
    {"__self_class__", PYL_MEMBER_OBJECT, offsetof(PylSuper, obj_type), true, NULL},
    {NULL, 0, 0, false, NULL},
};

const PylType pyl_super_type = {
    .name = "super",
    .kind = PYL_K_SUPER,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylSuper),
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .clear = super_clear,
    .repr = super_repr,
    .getattr = super_getattr,
    .descr_get = super_descr_get,
    .new_ = super_new,
    .init = super_init,
    .members = super_members,
};
