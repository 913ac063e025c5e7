/* exceptions.h — exception instances. Every builtin exception type (and every
 * class derived from one) has this layout; extra attributes (StopIteration.value,
 * OSError.errno, SyntaxError.lineno ...) live in the instance __dict__, set by
 * the type's __init__. */
#ifndef PYL_EXCEPTIONS_H
#define PYL_EXCEPTIONS_H

#include "vm/object.h"

typedef struct PylBaseException {
    PylObject ob;
    PylObject *dict;      /* __dict__, or NULL until needed */
    PylObject *args;      /* tuple */
    PylObject *traceback; /* traceback or NULL */
    PylObject *context;   /* __context__ or NULL */
    PylObject *cause;     /* __cause__ or NULL */
    bool suppress_context;
} PylBaseException;

#define PYL_EXC_ARGS(o) (((PylBaseException *)(o))->args)

PYL_INTERNAL const PylType *pyl_exception_template(void);
/* type(*args) for an exception type, with args as a tuple (borrowed). */
PYL_INTERNAL PylObject *pyl_exception_new(PylThread *t, PylType *type, PylObject *args);
/* Set attribute `name` of an exception instance (steals value). */
PYL_INTERNAL int pyl_exception_set_attr(PylThread *t, PylObject *exc, const char *name,
                                        PylObject *value);
/* Attribute `name` of an exception instance (borrowed; None when unset). */
PYL_INTERNAL PylObject *pyl_exception_get_attr(PylThread *t, PylObject *exc, const char *name);

/* Start-up: fill in what the exception types need once the VM's types exist. */
PYL_INTERNAL void pyl_exceptions_patch(PylVM *vm);

#endif
