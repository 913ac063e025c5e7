/* function.h — Python functions, bound methods and cells. */
#ifndef PYL_FUNCTION_H
#define PYL_FUNCTION_H

#include "vm/object.h"

typedef struct PylFunction {
    PylObject ob;
    PylObject *code;     /* PylCode */
    PylObject *globals;  /* dict */
    PylObject *builtins; /* dict */
    PylObject *name, *qualname;
    PylObject *defaults;   /* tuple or NULL */
    PylObject *kwdefaults; /* dict or NULL */
    PylObject *closure;    /* tuple of cells or NULL */
    PylObject *doc;
    PylObject *dict;
    PylObject *module;
    PylObject *annotations; /* dict or NULL */
} PylFunction;

typedef struct PylMethod {
    PylObject ob;
    PylObject *func;
    PylObject *self;
} PylMethod;

typedef struct PylCell {
    PylObject ob;
    PylObject *ref; /* NULL when empty */
} PylCell;

/* A function for code in globals (both borrowed). */
PYL_INTERNAL PylObject *pyl_function_new(PylThread *t, PylObject *code, PylObject *globals);
PYL_INTERNAL PylObject *pyl_method_new(PylThread *t, PylObject *func, PylObject *self);
PYL_INTERNAL PylObject *pyl_cell_new(PylThread *t, PylObject *value /* or NULL */);
/* The builtins dict a function defined in globals uses. BORROWED. */
PYL_INTERNAL PylObject *pyl_builtins_for(PylThread *t, PylObject *globals);

#endif
