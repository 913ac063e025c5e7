/* object.c — allocation of heap objects, and the types at the root of everything:
 * `object`, NoneType, NotImplementedType and ellipsis. */
#include <stdio.h>

#include "vm/core.h"
#include "vm/gc.h"
#include "vm/weakref.h"
#include "vm/import.h"

/* Allocation of a GC object counts towards a collection of generation 0 (see
 * gc.h); the collection runs before the new object exists, so every object the
 * collector sees has been fully returned by its allocator. */
PylObject *pyl_obj_alloc(PylThread *t, PylType *type, intptr_t size)
{
    PylObject *o;
    if (type->flags & PYL_TF_GC) {
        PylGCState *gc = &t->vm->gc;
        if (PYL_UNLIKELY(++gc->gens[0].count > gc->trigger)) {
            pyl_gc_maybe_collect(t);
        }
        PylGCHead *g = pyl_mem_alloc(t, sizeof(PylGCHead) + (size_t)size);
        if (g == NULL) {
            return NULL;
        }
        PylGCHead *list = &gc->gens[0].head;
        g->next = list;
        g->prev = list->prev;
        list->prev->next = g;
        list->prev = g;
        g->refs = 0;
        o = PYL_GC_OBJ(g);
    } else {
        o = pyl_mem_alloc(t, (size_t)size);
        if (o == NULL) {
            return NULL;
        }
    }
    memset(o, 0, (size_t)size);
    o->refcnt = 1;
    o->type = type;
    if (type->flags & PYL_TF_HEAPTYPE) {
        pyl_incref((PylObject *)type);
    }
    return o;
}

void pyl_obj_free(PylThread *t, PylObject *o)
{
    PylType *type = o->type;
    if (type->flags & PYL_TF_GC) {
        PylGCHead *g = PYL_GC_HEAD(o);
        if (PYL_UNLIKELY(g->refs & PYL_GC_WEAKREFS)) {
            pyl_weakref_detach(t, o); /* weak references made while it was dying */
        }
        g->prev->next = g->next; /* a no-op once pyl_dealloc untracked it */
        g->next->prev = g->prev;
        if (t->vm->gc.gens[0].count > 0) {
            t->vm->gc.gens[0].count--;
        }
        pyl_mem_free(t, g);
    } else {
        pyl_mem_free(t, o);
    }
    if (type->flags & PYL_TF_HEAPTYPE) {
        pyl_decref(t, (PylObject *)type);
    }
}

/* A GC object about to be deallocated leaves the collector's lists (so that no
 * collection, started by code its deallocation runs, sees it half freed) and
 * loses its weak references: they are cleared and their callbacks run first
 * (for instances of classes, after __del__: class.c). A deallocation that
 * resurrects the object puts it back (pyl_gc_track). */
static inline void untrack_dying(PylThread *t, PylObject *o)
{
    PylType *type = o->type;
    if ((type->flags & PYL_TF_GC) && pyl_gc_is_gc(o)) {
        PylGCHead *g = PYL_GC_HEAD(o);
        g->prev->next = g->next;
        g->next->prev = g->prev;
        g->next = g->prev = g;
        if (PYL_UNLIKELY(g->refs & PYL_GC_WEAKREFS) && !(type->flags & PYL_TF_HEAPTYPE)) {
            pyl_weakref_clear_referent(t, o);
        }
    }
}

void pyl_dealloc(PylThread *t, PylObject *o)
{
    untrack_dying(t, o);
    if (PYL_UNLIKELY(t->dealloc_depth >= PYL_DEALLOC_DEPTH)) {
        /* Deferred: nothing may reach it through a weak reference meanwhile. */
        if (pyl_gc_is_gc(o)) {
            if (PYL_GC_HEAD(o)->refs & PYL_GC_WEAKREFS) {
                pyl_weakref_clear_referent(t, o);
            }
            if (PYL_IS_WEAKREF(o) || PYL_IS_WEAKPROXY(o)) {
                pyl_weakref_forget(t, o);
            }
        }
        o->refcnt = (intptr_t)t->trash; /* dead: the field can hold the link */
        t->trash = o;
        return;
    }
    t->dealloc_depth++;
    o->type->dealloc(t, o);
    t->dealloc_depth--;
    if (PYL_UNLIKELY(t->trash != NULL) && t->dealloc_depth == 0) {
        while (t->trash != NULL) {
            PylObject *x = t->trash;
            t->trash = (PylObject *)x->refcnt;
            x->refcnt = 0;
            t->dealloc_depth++;
            x->type->dealloc(t, x);
            t->dealloc_depth--;
        }
    }
}

/* ---- object ------------------------------------------------------------ */

static void object_dealloc(PylThread *t, PylObject *self)
{
    PylObject **dictp = pyl_object_dict_ptr(self);
    if (dictp != NULL) {
        PYL_CLEAR(t, *dictp);
    }
    pyl_obj_free(t, self);
}

/* The module name shown in reprs of instances of classes. */
static PylObject *type_module_name(PylThread *t, PylType *type)
{
    if (type->flags & PYL_TF_HEAPTYPE) {
        PylObject *m = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __module__));
        if (m != NULL && PYL_IS_STR(m)) {
            return m;
        }
    }
    return NULL;
}

static PylObject *object_repr(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    PylObject *mod = type_module_name(t, type);
    PylObject *qual = type->qualname ? type->qualname : type->name_obj;
    if (mod != NULL && !pyl_str_equal_cstr(mod, "builtins")) {
        return pyl_str_format_c(t, "<%U.%U object at %p>", mod, qual, (void *)self);
    }
    return pyl_str_format_c(t, "<%U object at %p>", qual, (void *)self);
}

static PylObject *object_str(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    if (type->repr == NULL) {
        return object_repr(t, self);
    }
    return type->repr(t, self);
}

PylHash pyl_hash_pointer(const void *p)
{
    /* Rotate by 4 so the alignment zeros do not all land in the low bits. */
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    PylHash h = (PylHash)y;
    return h == -1 ? -2 : h;
}

static PylHash object_hash(PylThread *t, PylObject *self)
{
    return pyl_hash_pointer(self);
}

static PylObject *object_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    switch (op) {
    case PYL_EQ:
        return a == b ? PYL_TRUE : PYL_NOTIMPLEMENTED;
    case PYL_NE: {
        /* By default, != is the inverse of ==, unless == is not implemented. */
        PylType *ta = PYL_TYPEOF(t, a);
        if (ta->richcompare == NULL) {
            return PYL_NOTIMPLEMENTED;
        }
        PylObject *r = ta->richcompare(t, a, b, PYL_EQ);
        if (r == NULL || r == PYL_NOTIMPLEMENTED) {
            return r;
        }
        int v = pyl_is_true(t, r);
        pyl_decref(t, r);
        if (v < 0) {
            return NULL;
        }
        return PYL_BOOL(!v);
    }
    default:
        return PYL_NOTIMPLEMENTED;
    }
}

static bool excess_args(intptr_t nargs, PylObject *kwnames)
{
    return nargs > 0 || (kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0);
}

static int object_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                       PylObject *kwnames);

/* "Can't instantiate abstract class C with abstract methods a, b" */
static PylObject *abstract_error(PylThread *t, PylType *type)
{
    PylObject *methods = pyl_getattr(t, (PylObject *)type, PYL_NAME(t, __abstractmethods__));
    PylObject *sorted = methods ? pyl_sequence_list(t, methods) : NULL;
    pyl_xdecref(t, methods);
    if (sorted == NULL || pyl_list_sort(t, sorted, NULL, false) < 0) {
        pyl_xdecref(t, sorted);
        return NULL;
    }
    PylObject *sep = pyl_str_from_cstr(t, ", ");
    PylObject *joined = sep ? pyl_str_join(t, sep, sorted) : NULL;
    if (joined != NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "Can't instantiate abstract class %s with abstract method%s %U",
                       pyl_type_get_name(type), PYL_LIST_SIZE(sorted) > 1 ? "s" : "", joined);
    }
    pyl_xdecref(t, sep);
    pyl_xdecref(t, joined);
    pyl_decref(t, sorted);
    return NULL;
}

static PylObject *object_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        PylType *obj = PYL_TYPE(t, OBJECT);
        if (type->new_ != obj->new_) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->init == obj->init) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%N() takes no arguments", (PylObject *)type);
            return NULL;
        }
    }
    if (type->flags & PYL_TF_ABSTRACT) {
        return abstract_error(t, type);
    }
    return pyl_obj_alloc(t, type, type->basicsize);
}

static int object_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                       PylObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        PylType *type = PYL_TYPEOF(t, self);
        PylType *obj = PYL_TYPE(t, OBJECT);
        if (type->init != obj->init) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "object.__init__() takes exactly one argument (the instance to "
                           "initialize)");
            return -1;
        }
        if (type->new_ == obj->new_) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%N.__init__() takes exactly one argument (the instance to "
                           "initialize)",
                           (PylObject *)type);
            return -1;
        }
    }
    return 0;
}

static PylObject *object_format(PylThread *t, PylObject *self, PylObject *spec)
{
    if (!PYL_IS_STR(spec)) {
        return pyl_bad_argument(t, "__format__", NULL, "str", spec);
    }
    if (PYL_STR_NBYTES(spec) > 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "unsupported format string passed to %T.__format__", self);
    }
    return pyl_str(t, self);
}

static PylObject *object_get_class(PylThread *t, PylObject *self)
{
    return pyl_incref((PylObject *)PYL_TYPEOF(t, self));
}

/* obj.__class__ = cls: only between classes with the same layout. */
static int object_set_class(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "can't delete __class__ attribute");
        return -1;
    }
    if (!PYL_IS_TYPE(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "__class__ must be set to a class, not '%T' object", value);
        return -1;
    }
    PylType *oldto = PYL_TYPEOF(t, self), *newto = (PylType *)value;
    bool modules = pyl_type_is_subtype(oldto, PYL_TYPE(t, MODULE)) &&
                   pyl_type_is_subtype(newto, PYL_TYPE(t, MODULE));
    if (!PYL_IS_PTR(self) ||
        (!modules && (!(oldto->flags & PYL_TF_HEAPTYPE) || !(newto->flags & PYL_TF_HEAPTYPE)))) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "__class__ assignment only supported for mutable types or ModuleType "
                       "subclasses");
        return -1;
    }
    if (!modules && pyl_class_compatible(t, oldto, newto, "__class__") < 0) {
        return -1;
    }
    if (newto->flags & PYL_TF_HEAPTYPE) {
        pyl_incref(value);
    }
    self->type = newto;
    if (oldto->flags & PYL_TF_HEAPTYPE) {
        pyl_decref(t, (PylObject *)oldto);
    }
    return 0;
}

static PylObject *object_init_subclass(PylThread *t, PylObject *cls, PylObject *const *args,
                                       intptr_t nargs, PylObject *kwnames)
{
    if (kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "%N.__init_subclass__() takes no keyword arguments", cls);
    }
    if (nargs > 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "%N.__init_subclass__() takes no arguments (%zd given)", cls,
                              (ssize_t)nargs);
    }
    return PYL_NONE;
}

static PylObject *object_subclasshook(PylThread *t, PylObject *cls, PylObject *const *args,
                                      intptr_t nargs)
{
    return PYL_NOTIMPLEMENTED;
}

/* The names in a class's own __slots__, mangled, as copyreg._slotnames. */
static int add_slot_names(PylThread *t, PylType *cls, PylObject *out)
{
    PylObject *slots = pyl_dict_get_str(t, cls->dict, PYL_NAME(t, __slots__));
    if (slots == NULL) {
        return 0;
    }
    PylObject *seq = PYL_IS_STR(slots) ? pyl_tuple_pack(t, 1, slots) : pyl_sequence_tuple(t, slots);
    if (seq == NULL) {
        return -1;
    }
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(seq); i++) {
        PylObject *n = PYL_TUPLE_ITEM(seq, i);
        if (!PYL_IS_STR(n) || pyl_str_equal_cstr(n, "__dict__") ||
            pyl_str_equal_cstr(n, "__weakref__")) {
            continue;
        }
        const char *s = PYL_STR_DATA(n);
        intptr_t len = PYL_STR_NBYTES(n);
        PylObject *m;
        if (len > 2 && s[0] == '_' && s[1] == '_' && !(s[len - 1] == '_' && s[len - 2] == '_')) {
            const char *c = pyl_type_get_name(cls);
            while (*c == '_') {
                c++;
            }
            m = pyl_str_format_c(t, "_%s%U", c, n);
        } else {
            m = pyl_incref(n);
        }
        int r = m ? pyl_list_append(t, out, m) : -1;
        pyl_xdecref(t, m);
        if (r < 0) {
            pyl_decref(t, seq);
            return -1;
        }
    }
    pyl_decref(t, seq);
    return 0;
}

/* object.__getstate__: a copy of the instance dict (or None), plus a dict of the
 * __slots__ that are set: (state, slots). */
static PylObject *object_getstate(PylThread *t, PylObject *self)
{
    PylObject **dp = pyl_object_dict_ptr(self);
    PylObject *state;
    if (dp != NULL && *dp != NULL && pyl_len(t, *dp) > 0) {
        state = pyl_dict_copy(t, *dp);
    } else {
        state = pyl_incref(PYL_NONE);
    }
    PylObject *names = state ? pyl_list_new(t, 0) : NULL;
    PylObject *slots = NULL;
    if (names == NULL) {
        goto error;
    }
    PylObject *mro = PYL_TYPEOF(t, self)->mro;
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(mro); i++) {
        PylType *c = (PylType *)PYL_TUPLE_ITEM(mro, i);
        if ((c->flags & PYL_TF_HEAPTYPE) && add_slot_names(t, c, names) < 0) {
            goto error;
        }
    }
    for (intptr_t i = 0; i < PYL_LIST_SIZE(names); i++) {
        PylObject *v = pyl_getattr_opt(t, self, PYL_LIST_ITEM(names, i));
        if (v == NULL) {
            if (pyl_err_occurred(t)) {
                goto error;
            }
            continue;
        }
        if (slots == NULL && (slots = pyl_dict_new(t)) == NULL) {
            pyl_decref(t, v);
            goto error;
        }
        int r = pyl_dict_set(t, slots, PYL_LIST_ITEM(names, i), v);
        pyl_decref(t, v);
        if (r < 0) {
            goto error;
        }
    }
    pyl_decref(t, names);
    if (slots != NULL) {
        PylObject *pair = pyl_tuple_pack(t, 2, state, slots);
        pyl_decref(t, state);
        pyl_decref(t, slots);
        return pair;
    }
    return state;
error:
    pyl_xdecref(t, state);
    pyl_xdecref(t, names);
    pyl_xdecref(t, slots);
    return NULL;
}

/* ---- pickling support (the protocol copy and pickle use, via copyreg) ---- */

static PylObject *copyreg_attr(PylThread *t, const char *attr)
{
    PylObject *name = pyl_str_intern_cstr(t, "copyreg");
    PylObject *mod = name ? pyl_import_name(t, name, NULL, NULL, 0) : NULL;
    pyl_xdecref(t, name);
    if (mod == NULL) {
        return NULL;
    }
    PylObject *r = pyl_getattr_cstr(t, mod, attr);
    pyl_decref(t, mod);
    return r;
}

/* obj.__getnewargs_ex__() or obj.__getnewargs__(), checked: *args a tuple (or
 * NULL), *kwargs a dict (or NULL). 0 or -1. */
static int get_new_arguments(PylThread *t, PylObject *obj, PylObject **args, PylObject **kwargs)
{
    *args = *kwargs = NULL;
    PylObject *f = pyl_getattr_cstr(t, obj, "__getnewargs_ex__");
    if (f != NULL) {
        PylObject *r = pyl_call0(t, f);
        pyl_decref(t, f);
        if (r == NULL) {
            return -1;
        }
        if (!PYL_IS_TUPLE(r) || PYL_TUPLE_SIZE(r) != 2 || !PYL_IS_TUPLE(PYL_TUPLE_ITEM(r, 0)) ||
            !PYL_IS_DICT(PYL_TUPLE_ITEM(r, 1))) {
            pyl_err_format(
                t, PYL_EXC(t, TypeError),
                "__getnewargs_ex__ should return a tuple of length 2 (a tuple and a dict), "
                "not '%T'",
                r);
            pyl_decref(t, r);
            return -1;
        }
        *args = pyl_incref(PYL_TUPLE_ITEM(r, 0));
        *kwargs = pyl_incref(PYL_TUPLE_ITEM(r, 1));
        pyl_decref(t, r);
        return 0;
    }
    if (!pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
        return -1;
    }
    pyl_err_clear(t);
    f = pyl_getattr_cstr(t, obj, "__getnewargs__");
    if (f == NULL) {
        if (!pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
            return -1;
        }
        pyl_err_clear(t);
        return 0;
    }
    PylObject *r = pyl_call0(t, f);
    pyl_decref(t, f);
    if (r == NULL) {
        return -1;
    }
    if (!PYL_IS_TUPLE(r)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__getnewargs__ should return a tuple, not '%T'",
                       r);
        pyl_decref(t, r);
        return -1;
    }
    *args = r;
    return 0;
}

/* The default reduction for protocols >= 2:
 * (copyreg.__newobj__, (cls, *args), state, listitems, dictitems). */
static PylObject *reduce_newobj(PylThread *t, PylObject *obj)
{
    PylType *cls = PYL_TYPEOF(t, obj);
    if (cls->new_ == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "cannot pickle '%s' object",
                              pyl_type_get_name(cls));
    }
    PylObject *args, *kwargs;
    if (get_new_arguments(t, obj, &args, &kwargs) < 0) {
        return NULL;
    }
    PylObject *newobj = NULL, *newargs = NULL, *state = NULL, *listitems = NULL, *dictitems = NULL,
              *result = NULL;
    bool hasargs = args != NULL;
    if (kwargs == NULL || PYL_DICT_LEN(kwargs) == 0) {
        newobj = copyreg_attr(t, "__newobj__");
        intptr_t n = args ? PYL_TUPLE_SIZE(args) : 0;
        newargs = newobj ? pyl_tuple_new(t, n + 1) : NULL;
        if (newargs != NULL) {
            PYL_TUPLE_ITEMS(newargs)[0] = pyl_incref((PylObject *)cls);
            for (intptr_t i = 0; i < n; i++) {
                PYL_TUPLE_ITEMS(newargs)[i + 1] = pyl_incref(PYL_TUPLE_ITEM(args, i));
            }
        }
    } else {
        newobj = copyreg_attr(t, "__newobj_ex__");
        newargs = newobj ? pyl_tuple_pack(t, 3, (PylObject *)cls, args, kwargs) : NULL;
    }
    if (newargs == NULL) {
        goto done;
    }
    if (!hasargs && !PYL_IS_LIST(obj) && !PYL_IS_DICT(obj) && cls->itemsize != 0 &&
        pyl_type_lookup(t, cls, PYL_NAME(t, __getstate__)) ==
            pyl_dict_get_str(t, PYL_TYPE(t, OBJECT)->dict, PYL_NAME(t, __getstate__))) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "cannot pickle '%s' object",
                       pyl_type_get_name(cls));
        goto done;
    }
    PylObject *gs = pyl_getattr(t, obj, PYL_NAME(t, __getstate__));
    state = gs ? pyl_call0(t, gs) : NULL;
    pyl_xdecref(t, gs);
    if (state == NULL) {
        goto done;
    }
    if (PYL_IS_LIST(obj)) {
        listitems = pyl_iter(t, obj);
    } else {
        listitems = pyl_incref(PYL_NONE);
    }
    if (PYL_IS_DICT(obj)) {
        PylObject *items = listitems ? pyl_call_method(t, obj, PYL_NAME(t, items), NULL, 0) : NULL;
        dictitems = items ? pyl_iter(t, items) : NULL;
        pyl_xdecref(t, items);
    } else {
        dictitems = pyl_incref(PYL_NONE);
    }
    if (listitems != NULL && dictitems != NULL) {
        result = pyl_tuple_pack(t, 5, newobj, newargs, state, listitems, dictitems);
    }
done:
    pyl_xdecref(t, args);
    pyl_xdecref(t, kwargs);
    pyl_xdecref(t, newobj);
    pyl_xdecref(t, newargs);
    pyl_xdecref(t, state);
    pyl_xdecref(t, listitems);
    pyl_xdecref(t, dictitems);
    return result;
}

static PylObject *common_reduce(PylThread *t, PylObject *self, intptr_t protocol)
{
    if (protocol >= 2) {
        return reduce_newobj(t, self);
    }
    PylObject *f = copyreg_attr(t, "_reduce_ex");
    if (f == NULL) {
        return NULL;
    }
    PylObject *p = pyl_int_from_ssize(t, protocol);
    PylObject *r = p ? pyl_call2(t, f, self, p) : NULL;
    pyl_xdecref(t, p);
    pyl_decref(t, f);
    return r;
}

static PylObject *object_reduce(PylThread *t, PylObject *self)
{
    return common_reduce(t, self, 0);
}

/* object.__reduce_ex__(protocol): a class's own __reduce__ wins. */
static PylObject *object_reduce_ex(PylThread *t, PylObject *self, PylObject *arg)
{
    intptr_t protocol;
    if (pyl_index_as_ssize(t, arg, &protocol) < 0) {
        return NULL;
    }
    PylObject *clsreduce = pyl_type_lookup(t, PYL_TYPEOF(t, self), PYL_NAME(t, __reduce__));
    PylObject *objreduce = pyl_dict_get_str(t, PYL_TYPE(t, OBJECT)->dict, PYL_NAME(t, __reduce__));
    if (clsreduce != NULL && clsreduce != objreduce) {
        PylObject *f = pyl_getattr(t, self, PYL_NAME(t, __reduce__));
        if (f == NULL) {
            return NULL;
        }
        PylObject *r = pyl_call0(t, f);
        pyl_decref(t, f);
        return r;
    }
    return common_reduce(t, self, protocol);
}

static PylObject *object_sizeof(PylThread *t, PylObject *self)
{
    PylType *type = PYL_TYPEOF(t, self);
    return pyl_int_from_ssize(t, type->basicsize);
}

PYL_INTERNAL PylObject *pyl_object_dir(PylThread *t, PylObject *self);

static const PylMethodDef object_methods[] = {
    PYL_METHOD_O("__format__", object_format),
    {"__init_subclass__", {.kw = object_init_subclass}, PYL_METH_KW | PYL_METH_CLASS, NULL},
    PYL_METHOD_NOARGS("__sizeof__", object_sizeof),
    {"__subclasshook__", {.fast = object_subclasshook}, PYL_METH_FAST | PYL_METH_CLASS, NULL},
    PYL_METHOD_NOARGS("__getstate__", object_getstate),
    PYL_METHOD_NOARGS("__reduce__", object_reduce),
    PYL_METHOD_O("__reduce_ex__", object_reduce_ex),
    PYL_METHOD_NOARGS("__dir__", pyl_object_dir),
    PYL_METHOD_END,
};

static const PylGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_object_type = {
    .name = "object",
    .kind = PYL_K_OBJECT,
    .flags = PYL_TF_BASETYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = pyl_generic_getattr,
    .setattr = pyl_generic_setattr,
    .new_ = object_new,
    .init = object_init,
    .methods = object_methods,
    .getset = object_getset,
    .doc = "The base class of the class hierarchy.",
};

/* ---- the immediate singletons ------------------------------------------ */

static void immortal_dealloc(PylThread *t, PylObject *o)
{
    /* Immediates are never heap objects; nothing reaches here. */
}

static PylObject *none_repr(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "None");
}

static int none_bool(PylThread *t, PylObject *self)
{
    return 0;
}

static PylObject *singleton_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                                PylObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%N takes no arguments", (PylObject *)type);
    }
    switch (type->kind) {
    case PYL_K_NONETYPE:
        return PYL_NONE;
    case PYL_K_NOTIMPLTYPE:
        return PYL_NOTIMPLEMENTED;
    default:
        return PYL_ELLIPSIS;
    }
}

const PylType pyl_none_type = {
    .name = "NoneType",
    .kind = PYL_K_NONETYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = immortal_dealloc,
    .repr = none_repr,
    .bool_ = none_bool,
    .new_ = singleton_new,
};

static PylObject *notimpl_repr(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "NotImplemented");
}

const PylType pyl_notimpl_type = {
    .name = "NotImplementedType",
    .kind = PYL_K_NOTIMPLTYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = immortal_dealloc,
    .repr = notimpl_repr,
    .new_ = singleton_new,
};

static PylObject *ellipsis_repr(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "Ellipsis");
}

const PylType pyl_ellipsis_type = {
    .name = "ellipsis",
    .kind = PYL_K_ELLIPSISTYPE,
    .basicsize = sizeof(PylObject),
    .dealloc = immortal_dealloc,
    .repr = ellipsis_repr,
    .new_ = singleton_new,
};
