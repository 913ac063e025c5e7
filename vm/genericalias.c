/* genericalias.c — types.GenericAlias and types.UnionType, as CPython 3.11's
 * Objects/genericaliasobject.c and Objects/unionobject.c.
 *
 * list[int] is a GenericAlias with origin list and args (int,). It stands in for its
 * origin almost everywhere: calling it makes an instance of the origin, and every
 * attribute but its own few (__origin__, __args__, __parameters__ ...) is read
 * from the origin. int | str is a UnionType with args (int, str); isinstance and
 * issubclass accept it as they accept a tuple (vm/type.c).
 *
 * Type variables (typing.TypeVar) are any objects with __typing_subst__; pyl has no
 * typing module yet, so __parameters__ is usually (), and substitution
 * (alias[...] on an alias with parameters) is not implemented.
 */
#include "vm/core.h"

/* ---- repr --------------------------------------------------------------------------- */

/* How an alias or union shows one of its items: "..." for Ellipsis, repr() for
 * things that look like aliases, qualname (with the module unless builtins) for
 * things that look like classes, else repr(). */
static int repr_item(PylThread *t, PylBuf *b, PylObject *p)
{
    if (p == PYL_ELLIPSIS) {
        return pyl_buf_puts(t, b, "...");
    }
    PylObject *r = NULL;
    PylObject *tmp = pyl_getattr_opt(t, p, PYL_NAME(t, __origin__));
    if (tmp == NULL && pyl_err_occurred(t)) {
        return -1;
    }
    if (tmp != NULL) {
        pyl_decref(t, tmp);
        tmp = pyl_getattr_opt(t, p, PYL_NAME(t, __args__));
        if (tmp == NULL && pyl_err_occurred(t)) {
            return -1;
        }
        if (tmp != NULL) {
            pyl_decref(t, tmp);
            goto use_repr;
        }
    }
    PylObject *qualname = pyl_getattr_opt(t, p, PYL_NAME(t, __qualname__));
    if (qualname == NULL) {
        if (pyl_err_occurred(t)) {
            return -1;
        }
        goto use_repr;
    }
    PylObject *module = pyl_getattr_opt(t, p, PYL_NAME(t, __module__));
    if (module == NULL || module == PYL_NONE) {
        pyl_decref(t, qualname);
        if (pyl_err_occurred(t)) {
            return -1;
        }
        goto use_repr;
    }
    if (PYL_IS_STR(module) && pyl_str_equal_cstr(module, "builtins")) {
        r = pyl_str(t, qualname);
    } else {
        r = pyl_str_format_c(t, "%S.%S", module, qualname);
    }
    pyl_decref(t, qualname);
    pyl_decref(t, module);
    goto done;
use_repr:
    r = pyl_repr(t, p);
done:
    if (r == NULL) {
        return -1;
    }
    int rc = pyl_buf_put_str(t, b, r);
    pyl_decref(t, r);
    return rc;
}

/* ---- __parameters__ ----------------------------------------------------------------- */

/* The type variables among args: items with __typing_subst__, and the
 * __parameters__ of items that have them (classes excluded), without repeats. */
static PylObject *make_parameters(PylThread *t, PylObject *args)
{
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    PylObject *subst_name = pyl_str_intern_cstr(t, "__typing_subst__");
    PylObject *params_name = pyl_str_intern_cstr(t, "__parameters__");
    if (subst_name == NULL || params_name == NULL) {
        goto error;
    }
    for (intptr_t i = 0; i < PYL_TUPLE_SIZE(args); i++) {
        PylObject *a = PYL_TUPLE_ITEM(args, i);
        if (PYL_IS_TYPE(a)) {
            continue;
        }
        PylObject *subst = pyl_getattr_opt(t, a, subst_name);
        if (subst != NULL) {
            pyl_decref(t, subst);
            int has = pyl_contains(t, list, a);
            if (has < 0 || (!has && pyl_list_append(t, list, a) < 0)) {
                goto error;
            }
            continue;
        }
        if (pyl_err_occurred(t)) {
            goto error;
        }
        PylObject *sub = pyl_getattr_opt(t, a, params_name);
        if (sub == NULL) {
            if (pyl_err_occurred(t)) {
                goto error;
            }
            continue;
        }
        if (PYL_IS_TUPLE(sub)) {
            for (intptr_t k = 0; k < PYL_TUPLE_SIZE(sub); k++) {
                PylObject *p = PYL_TUPLE_ITEM(sub, k);
                int has = pyl_contains(t, list, p);
                if (has < 0 || (!has && pyl_list_append(t, list, p) < 0)) {
                    pyl_decref(t, sub);
                    goto error;
                }
            }
        }
        pyl_decref(t, sub);
    }
    pyl_decref(t, subst_name);
    pyl_decref(t, params_name);
    PylObject *r = pyl_list_as_tuple(t, list);
    pyl_decref(t, list);
    return r;
error:
    pyl_xdecref(t, subst_name);
    pyl_xdecref(t, params_name);
    pyl_decref(t, list);
    return NULL;
}

/* ---- GenericAlias ------------------------------------------------------------------- */

static PylObject *ga_alloc(PylThread *t, PylType *type, PylObject *origin, PylObject *args)
{
    PylObject *tup = PYL_IS_TUPLE(args) ? pyl_incref(args) : pyl_tuple_pack(t, 1, args);
    if (tup == NULL) {
        return NULL;
    }
    PylGenericAlias *ga = (PylGenericAlias *)pyl_obj_alloc(t, type, type->basicsize);
    if (ga == NULL) {
        pyl_decref(t, tup);
        return NULL;
    }
    ga->origin = pyl_incref(origin);
    ga->args = tup;
    return (PylObject *)ga;
}

PylObject *pyl_generic_alias_new(PylThread *t, PylObject *origin, PylObject *args)
{
    return ga_alloc(t, PYL_TYPE(t, GENERIC_ALIAS), origin, args);
}

PylObject *pyl_generic_alias_class_getitem(PylThread *t, PylObject *cls, PylObject *arg)
{
    return pyl_generic_alias_new(t, cls, arg);
}

static PylObject *ga_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                         PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "GenericAlias", kwnames) < 0 ||
        pyl_check_nargs(t, "GenericAlias", nargs, 2, 2) < 0) {
        return NULL;
    }
    return ga_alloc(t, type, args[0], args[1]);
}

static void ga_clear(PylThread *t, PylObject *self)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    PYL_CLEAR(t, ga->origin);
    PYL_CLEAR(t, ga->args);
    PYL_CLEAR(t, ga->parameters);
}

static void ga_dealloc(PylThread *t, PylObject *self)
{
    ga_clear(t, self);
    pyl_obj_free(t, self);
}

static int ga_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    PylObject *fields[] = {ga->origin, ga->args, ga->parameters};
    for (int i = 0; i < 3; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *ga_repr(PylThread *t, PylObject *self)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    if (pyl_enter_call(t, " while getting the repr of an object") < 0) {
        return NULL;
    }
    PylBuf b;
    pyl_buf_init(&b);
    int rc = 0;
    if (ga->starred) {
        rc = pyl_buf_puts(t, &b, "*");
    }
    if (rc == 0) {
        rc = repr_item(t, &b, ga->origin);
    }
    if (rc == 0) {
        rc = pyl_buf_puts(t, &b, "[");
    }
    intptr_t n = PYL_TUPLE_SIZE(ga->args);
    if (rc == 0 && n == 0) {
        rc = pyl_buf_puts(t, &b, "()");
    }
    for (intptr_t i = 0; rc == 0 && i < n; i++) {
        if (i > 0) {
            rc = pyl_buf_puts(t, &b, ", ");
        }
        if (rc == 0) {
            rc = repr_item(t, &b, PYL_TUPLE_ITEM(ga->args, i));
        }
    }
    if (rc == 0) {
        rc = pyl_buf_puts(t, &b, "]");
    }
    pyl_leave_call(t);
    if (rc < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

static PylHash ga_hash(PylThread *t, PylObject *self)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    PylHash h0 = pyl_hash(t, ga->origin);
    if (h0 == -1) {
        return -1;
    }
    PylHash h1 = pyl_hash(t, ga->args);
    if (h1 == -1) {
        return -1;
    }
    PylHash h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static PylObject *ga_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!PYL_IS_PTR(b) || b->type->base_kind != PYL_K_GENERIC_ALIAS ||
        (op != PYL_EQ && op != PYL_NE)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylGenericAlias *x = (PylGenericAlias *)a, *y = (PylGenericAlias *)b;
    int eq = x->starred == y->starred;
    if (eq) {
        eq = pyl_equal(t, x->origin, y->origin);
    }
    if (eq > 0) {
        eq = pyl_equal(t, x->args, y->args);
    }
    if (eq < 0) {
        return NULL;
    }
    return PYL_BOOL(op == PYL_EQ ? eq : !eq);
}

/* Calling an alias makes an instance of the origin, which remembers the alias in
 * __orig_class__ when it can. */
static PylObject *ga_call(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    PylObject *obj = pyl_call(t, ga->origin, args, nargs, kwnames);
    if (obj == NULL) {
        return NULL;
    }
    PylObject *name = pyl_str_intern_cstr(t, "__orig_class__");
    if (name == NULL || pyl_setattr(t, obj, name, self) < 0) {
        if (!pyl_err_matches(t, PYL_EXC(t, AttributeError)) &&
            !pyl_err_matches(t, PYL_EXC(t, TypeError))) {
            pyl_xdecref(t, name);
            pyl_decref(t, obj);
            return NULL;
        }
        pyl_err_clear(t);
    }
    pyl_xdecref(t, name);
    return obj;
}

/* The alias's own attributes; every other one is the origin's. */
static const char *const ga_own_attrs[] = {
    "__class__",       "__origin__",     "__args__",
    "__unpacked__",    "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__",  "__reduce__",
    "__copy__",        "__deepcopy__",   NULL,
};

static PylObject *ga_getattr(PylThread *t, PylObject *self, PylObject *name)
{
    for (const char *const *p = ga_own_attrs; *p != NULL; p++) {
        if (pyl_str_equal_cstr(name, *p)) {
            return pyl_generic_getattr(t, self, name);
        }
    }
    return pyl_getattr(t, ((PylGenericAlias *)self)->origin, name);
}

static PylObject *ga_get_parameters(PylThread *t, PylObject *self)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    if (ga->parameters == NULL) {
        ga->parameters = make_parameters(t, ga->args);
        if (ga->parameters == NULL) {
            return NULL;
        }
    }
    return pyl_incref(ga->parameters);
}

static PylObject *ga_get_unpacked(PylThread *t, PylObject *self)
{
    return PYL_BOOL(((PylGenericAlias *)self)->starred);
}

static PylObject *ga_get_unpacked_args(PylThread *t, PylObject *self)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    if (ga->starred && PYL_IS_KIND(ga->origin, TYPE) &&
        (PylType *)ga->origin == PYL_TYPE(t, TUPLE)) {
        return pyl_incref(ga->args);
    }
    return PYL_NONE;
}

/* alias[...]: substituting type variables. Without any, an error. */
static PylObject *ga_getitem(PylThread *t, PylObject *self, PylObject *key)
{
    PylObject *params = ga_get_parameters(t, self);
    if (params == NULL) {
        return NULL;
    }
    intptr_t n = PYL_TUPLE_SIZE(params);
    pyl_decref(t, params);
    if (n == 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%R is not a generic class", self);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "substituting type variables of %R is not supported", self);
}

static PylObject *ga_mro_entries(PylThread *t, PylObject *self, PylObject *bases)
{
    return pyl_tuple_pack(t, 1, ((PylGenericAlias *)self)->origin);
}

static PylObject *ga_instancecheck(PylThread *t, PylObject *self, PylObject *obj)
{
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "isinstance() argument 2 cannot be a parameterized generic");
}

static PylObject *ga_subclasscheck(PylThread *t, PylObject *self, PylObject *obj)
{
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "issubclass() argument 2 cannot be a parameterized generic");
}

static PylObject *ga_reduce(PylThread *t, PylObject *self)
{
    PylGenericAlias *ga = (PylGenericAlias *)self;
    PylObject *inner = pyl_tuple_pack(t, 2, ga->origin, ga->args);
    if (inner == NULL) {
        return NULL;
    }
    PylObject *r = pyl_tuple_pack(t, 2, (PylObject *)PYL_TYPEOF(t, self), inner);
    pyl_decref(t, inner);
    return r;
}

static PylObject *ga_dir(PylThread *t, PylObject *self)
{
    PylObject *list = pyl_object_dir(t, ((PylGenericAlias *)self)->origin);
    if (list == NULL) {
        return NULL;
    }
    for (const char *const *p = ga_own_attrs; *p != NULL; p++) {
        PylObject *s = pyl_str_intern_cstr(t, *p);
        int has = s ? pyl_contains(t, list, s) : -1;
        if (has < 0 || (!has && pyl_list_append(t, list, s) < 0)) {
            pyl_xdecref(t, s);
            pyl_decref(t, list);
            return NULL;
        }
        pyl_decref(t, s);
    }
    return list;
}

static const PylMethodDef ga_methods[] = {
    PYL_METHOD_O("__mro_entries__", ga_mro_entries),
    PYL_METHOD_O("__instancecheck__", ga_instancecheck),
    PYL_METHOD_O("__subclasscheck__", ga_subclasscheck),
    PYL_METHOD_NOARGS("__reduce__", ga_reduce),
    PYL_METHOD_NOARGS("__dir__", ga_dir),
    PYL_METHOD_END,
};

static const PylMemberDef ga_members[] = {
    {"__origin__", PYL_MEMBER_OBJECT, offsetof(PylGenericAlias, origin), true, NULL},
    {"__args__", PYL_MEMBER_OBJECT, offsetof(PylGenericAlias, args), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef ga_getset[] = {
    {"__parameters__", ga_get_parameters, NULL, NULL},
    {"__unpacked__", ga_get_unpacked, NULL, NULL},
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_args, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_generic_alias_type = {
    .name = "types.GenericAlias",
    .kind = PYL_K_GENERIC_ALIAS,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylGenericAlias),
    .dealloc = ga_dealloc,
    .traverse = ga_traverse,
    .clear = ga_clear,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .call = ga_call,
    .getattr = ga_getattr,
    .getitem = ga_getitem,
    .nb[PYL_NB_OR] = pyl_union_or,
    .new_ = ga_new,
    .methods = ga_methods,
    .members = ga_members,
    .getset = ga_getset,
    .doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
           "and t.__args__ is (int,).",
};

/* ---- UnionType ---------------------------------------------------------------------- */

static bool is_unionable(PylThread *t, PylObject *o)
{
    return o == PYL_NONE || PYL_IS_TYPE(o) ||
           (PYL_IS_PTR(o) && o->type->base_kind == PYL_K_GENERIC_ALIAS) || pyl_is_union(t, o);
}

static bool is_alias(PylObject *o)
{
    return PYL_IS_PTR(o) && o->type->base_kind == PYL_K_GENERIC_ALIAS;
}

/* The alternatives of a | b: unions spliced in, None as NoneType, repeats (the
 * same class, or equal aliases) dropped. */
static PylObject *dedup_and_flatten(PylThread *t, PylObject *a, PylObject *b)
{
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    PylObject *src[2] = {a, b};
    for (int s = 0; s < 2; s++) {
        PylObject *items = pyl_is_union(t, src[s]) ? pyl_union_args(src[s]) : NULL;
        intptr_t n = items ? PYL_TUPLE_SIZE(items) : 1;
        for (intptr_t i = 0; i < n; i++) {
            PylObject *x = items ? PYL_TUPLE_ITEM(items, i) : src[s];
            if (x == PYL_NONE) {
                x = (PylObject *)PYL_TYPE(t, NONETYPE);
            }
            bool dup = false;
            for (intptr_t j = 0; j < PYL_LIST_SIZE(list) && !dup; j++) {
                PylObject *y = PYL_LIST_ITEM(list, j);
                if (is_alias(x) && is_alias(y)) {
                    int eq = pyl_equal(t, x, y);
                    if (eq < 0) {
                        pyl_decref(t, list);
                        return NULL;
                    }
                    dup = eq;
                } else {
                    dup = x == y;
                }
            }
            if (!dup && pyl_list_append(t, list, x) < 0) {
                pyl_decref(t, list);
                return NULL;
            }
        }
    }
    PylObject *r = pyl_list_as_tuple(t, list);
    pyl_decref(t, list);
    return r;
}

PylObject *pyl_union_or(PylThread *t, PylObject *a, PylObject *b)
{
    if (!is_unionable(t, a) || !is_unionable(t, b)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylObject *args = dedup_and_flatten(t, a, b);
    if (args == NULL) {
        return NULL;
    }
    if (PYL_TUPLE_SIZE(args) == 1) {
        PylObject *only = pyl_incref(PYL_TUPLE_ITEM(args, 0));
        pyl_decref(t, args);
        return only;
    }
    PylUnion *u = (PylUnion *)pyl_obj_alloc(t, PYL_TYPE(t, UNION), sizeof(PylUnion));
    if (u == NULL) {
        pyl_decref(t, args);
        return NULL;
    }
    u->args = args;
    return (PylObject *)u;
}

static void union_clear(PylThread *t, PylObject *self)
{
    PylUnion *u = (PylUnion *)self;
    PYL_CLEAR(t, u->args);
    PYL_CLEAR(t, u->parameters);
}

static void union_dealloc(PylThread *t, PylObject *self)
{
    union_clear(t, self);
    pyl_obj_free(t, self);
}

static int union_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylUnion *u = (PylUnion *)self;
    if (u->args != NULL && visit(u->args, arg) != 0) {
        return -1;
    }
    return u->parameters != NULL ? visit(u->parameters, arg) : 0;
}

static PylObject *union_repr(PylThread *t, PylObject *self)
{
    PylObject *args = ((PylUnion *)self)->args;
    if (pyl_enter_call(t, " while getting the repr of an object") < 0) {
        return NULL;
    }
    PylBuf b;
    pyl_buf_init(&b);
    int rc = 0;
    for (intptr_t i = 0; rc == 0 && i < PYL_TUPLE_SIZE(args); i++) {
        PylObject *p = PYL_TUPLE_ITEM(args, i);
        if (i > 0) {
            rc = pyl_buf_puts(t, &b, " | ");
        }
        if (rc == 0) {
            rc = p == (PylObject *)PYL_TYPE(t, NONETYPE) ? pyl_buf_puts(t, &b, "None")
                                                         : repr_item(t, &b, p);
        }
    }
    pyl_leave_call(t);
    if (rc < 0) {
        pyl_buf_free(t, &b);
        return NULL;
    }
    return pyl_buf_finish_str(t, &b);
}

static PylHash union_hash(PylThread *t, PylObject *self)
{
    PylObject *set = pyl_frozenset_new(t, ((PylUnion *)self)->args);
    if (set == NULL) {
        return -1;
    }
    PylHash h = pyl_hash(t, set);
    pyl_decref(t, set);
    return h;
}

static PylObject *union_richcompare(PylThread *t, PylObject *a, PylObject *b, int op)
{
    if (!pyl_is_union(t, b) || (op != PYL_EQ && op != PYL_NE)) {
        return PYL_NOTIMPLEMENTED;
    }
    PylObject *sa = pyl_frozenset_new(t, ((PylUnion *)a)->args);
    PylObject *sb = sa ? pyl_frozenset_new(t, ((PylUnion *)b)->args) : NULL;
    PylObject *r = sb ? pyl_richcompare(t, sa, sb, op) : NULL;
    pyl_xdecref(t, sa);
    pyl_xdecref(t, sb);
    return r;
}

static PylObject *union_get_parameters(PylThread *t, PylObject *self)
{
    PylUnion *u = (PylUnion *)self;
    if (u->parameters == NULL) {
        u->parameters = make_parameters(t, u->args);
        if (u->parameters == NULL) {
            return NULL;
        }
    }
    return pyl_incref(u->parameters);
}

static PylObject *union_getitem(PylThread *t, PylObject *self, PylObject *key)
{
    PylObject *params = union_get_parameters(t, self);
    if (params == NULL) {
        return NULL;
    }
    intptr_t n = PYL_TUPLE_SIZE(params);
    pyl_decref(t, params);
    if (n == 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%R is not a generic class", self);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "substituting type variables of %R is not supported", self);
}

static const PylMemberDef union_members[] = {
    {"__args__", PYL_MEMBER_OBJECT, offsetof(PylUnion, args), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef union_getset[] = {
    {"__parameters__", union_get_parameters, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_union_type = {
    .name = "types.UnionType",
    .kind = PYL_K_UNION,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylUnion),
    .dealloc = union_dealloc,
    .traverse = union_traverse,
    .clear = union_clear,
    .repr = union_repr,
    .hash = union_hash,
    .richcompare = union_richcompare,
    .getattr = pyl_generic_getattr,
    .getitem = union_getitem,
    .nb[PYL_NB_OR] = pyl_union_or,
    .members = union_members,
    .getset = union_getset,
    .doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};
