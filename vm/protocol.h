/* protocol.h — the generic operations on any value: what Python code does with an
 * object without knowing its type (repr, attribute access, calls, operators,
 * iteration). They dispatch through the type's slots (object.h). */
#ifndef PYL_PROTOCOL_H
#define PYL_PROTOCOL_H

#include "vm/object.h"

/* repr(o), str(o), ascii(o), format(o, spec) — new str. spec may be NULL (""). */
PYL_INTERNAL PylObject *pyl_repr(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_str(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_ascii(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_format(PylThread *t, PylObject *o, PylObject *spec);

/* Guard a container's repr against self-reference: 1 if o's repr is already in
 * progress (print "[...]"), 0 if not (then call pyl_repr_leave after), -1 error. */
PYL_INTERNAL int pyl_repr_enter(PylThread *t, PylObject *o);
PYL_INTERNAL void pyl_repr_leave(PylThread *t, PylObject *o);

/* hash(o); -1 + TypeError "unhashable type: 'list'". */
PYL_INTERNAL PylHash pyl_hash(PylThread *t, PylObject *o);
/* Hash of a pointer-identity object (object.__hash__). */
PYL_INTERNAL PylHash pyl_hash_pointer(const void *p);
/* bool(o): 1, 0, or -1 on error. */
PYL_INTERNAL int pyl_is_true(PylThread *t, PylObject *o);

/* a OP b (PYL_LT..PYL_GE) with the reflected fallback and CPython's TypeError
 * "'<' not supported between instances of 'int' and 'str'". */
PYL_INTERNAL PylObject *pyl_richcompare(PylThread *t, PylObject *a, PylObject *b, int op);
/* The same as a truth value: 1, 0, -1. EQ/NE shortcut on identity. */
PYL_INTERNAL int pyl_richcompare_bool(PylThread *t, PylObject *a, PylObject *b, int op);
static inline int pyl_equal(PylThread *t, PylObject *a, PylObject *b)
{
    return a == b ? 1 : pyl_richcompare_bool(t, a, b, PYL_EQ);
}

/* Attributes. name must be a str. getattr raises AttributeError CPython-style. */
PYL_INTERNAL PylObject *pyl_getattr(PylThread *t, PylObject *o, PylObject *name);
PYL_INTERNAL PylObject *pyl_getattr_cstr(PylThread *t, PylObject *o, const char *name);
/* Like getattr but returns NULL with no exception when the attribute is missing. */
PYL_INTERNAL PylObject *pyl_getattr_opt(PylThread *t, PylObject *o, PylObject *name);
PYL_INTERNAL int pyl_setattr(PylThread *t, PylObject *o, PylObject *name, PylObject *value);
PYL_INTERNAL int pyl_delattr(PylThread *t, PylObject *o, PylObject *name);
PYL_INTERNAL int pyl_hasattr(PylThread *t, PylObject *o, PylObject *name); /* 1, 0, -1 */
/* object.__getattribute__ / __setattr__: data descriptors on the type, then the
 * instance __dict__, then other descriptors and class attributes. */
PYL_INTERNAL PylObject *pyl_generic_getattr(PylThread *t, PylObject *o, PylObject *name);
PYL_INTERNAL PylObject *pyl_generic_getattr_opt(PylThread *t, PylObject *o, PylObject *name);
PYL_INTERNAL int pyl_generic_setattr(PylThread *t, PylObject *o, PylObject *name, PylObject *value);
/* The attribute `name` of o for a method call, without making a bound method:
 * sets *unbound = 1 and returns the plain function when o.name would bind o (call
 * it with o prepended); otherwise *unbound = 0 and returns what o.name gives.
 * New reference, NULL + AttributeError. */
PYL_INTERNAL PylObject *pyl_getmethod(PylThread *t, PylObject *o, PylObject *name, int *unbound);

/* Items and length. */
PYL_INTERNAL PylObject *pyl_getitem(PylThread *t, PylObject *o, PylObject *key);
PYL_INTERNAL int pyl_setitem(PylThread *t, PylObject *o, PylObject *key, PylObject *value);
PYL_INTERNAL int pyl_delitem(PylThread *t, PylObject *o, PylObject *key);
PYL_INTERNAL intptr_t pyl_len(PylThread *t, PylObject *o);
/* `item in container`: 1, 0, -1. */
PYL_INTERNAL int pyl_contains(PylThread *t, PylObject *container, PylObject *item);

/* Iteration. pyl_iter_next returns a new reference, or NULL: exhausted when no
 * exception is set (StopIteration is swallowed), error otherwise. */
PYL_INTERNAL PylObject *pyl_iter(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_iter_next(PylThread *t, PylObject *it);
/* len(o) if it has one, else __length_hint__, else dflt; -1 on error. */
PYL_INTERNAL intptr_t pyl_length_hint(PylThread *t, PylObject *o, intptr_t dflt);
/* The items of any iterable as a new list (a list is copied). */
PYL_INTERNAL PylObject *pyl_sequence_list(PylThread *t, PylObject *o);
/* The items of any iterable as a tuple (a tuple is returned as is, new ref). */
PYL_INTERNAL PylObject *pyl_sequence_tuple(PylThread *t, PylObject *o);

/* Calls (see PylCallFn in object.h). */
PYL_INTERNAL PylObject *pyl_call(PylThread *t, PylObject *callable, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames);
PYL_INTERNAL PylObject *pyl_call0(PylThread *t, PylObject *callable);
PYL_INTERNAL PylObject *pyl_call1(PylThread *t, PylObject *callable, PylObject *a);
PYL_INTERNAL PylObject *pyl_call2(PylThread *t, PylObject *callable, PylObject *a, PylObject *b);
/* callable(*args, **kwargs): args a tuple (or NULL), kwargs a dict (or NULL). */
PYL_INTERNAL PylObject *pyl_call_tuple_dict(PylThread *t, PylObject *callable, PylObject *args,
                                            PylObject *kwargs);
/* o.name(*args) */
PYL_INTERNAL PylObject *pyl_call_method(PylThread *t, PylObject *o, PylObject *name,
                                        PylObject *const *args, intptr_t nargs);
PYL_INTERNAL int pyl_callable(PylThread *t, PylObject *o);

/* Operators. op is PYL_NB_*. */
PYL_INTERNAL PylObject *pyl_binop(PylThread *t, PylObject *a, PylObject *b, int op);
PYL_INTERNAL PylObject *pyl_inplace_binop(PylThread *t, PylObject *a, PylObject *b, int op);
PYL_INTERNAL PylObject *pyl_neg(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_pos(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_invert(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_abs(PylThread *t, PylObject *o);
PYL_INTERNAL PylObject *pyl_divmod(PylThread *t, PylObject *a, PylObject *b);
PYL_INTERNAL PylObject *pyl_pow(PylThread *t, PylObject *a, PylObject *b, PylObject *mod);
/* The operator's symbol for messages ("+", "//", "**"). */
PYL_INTERNAL const char *pyl_binop_symbol(int op);

/* Types. */
PYL_INTERNAL bool pyl_type_is_subtype(PylType *a, PylType *b);
/* isinstance / issubclass with tuples (and, in #3, __instancecheck__). 1, 0, -1. */
PYL_INTERNAL int pyl_isinstance(PylThread *t, PylObject *o, PylObject *cls);
PYL_INTERNAL int pyl_issubclass(PylThread *t, PylObject *derived, PylObject *cls);
/* type(o).__name__ as a C string (borrowed, valid while the type lives). */
PYL_INTERNAL const char *pyl_type_name(PylThread *t, PylObject *o);
/* Look name up along type's MRO; BORROWED, NULL if absent (never an exception). */
PYL_INTERNAL PylObject *pyl_type_lookup(PylThread *t, PylType *type, PylObject *name);

/* Iterators over a sequence (__getitem__ with 0, 1, 2 ...) and over a callable
 * until it returns sentinel (iter(callable, sentinel)): iterators.c. */
PYL_INTERNAL PylObject *pyl_seq_iter_new(PylThread *t, PylObject *seq);
PYL_INTERNAL PylObject *pyl_callable_iter_new(PylThread *t, PylObject *callable,
                                              PylObject *sentinel);

#endif
