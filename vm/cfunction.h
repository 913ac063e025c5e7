/* cfunction.h — builtin functions and bound builtin methods
 * (builtin_function_or_method): a PylMethodDef with the object it is bound to. */
#ifndef PYL_CFUNCTION_H
#define PYL_CFUNCTION_H

#include "vm/object.h"

typedef struct PylCFunction {
    PylObject ob;
    const PylMethodDef *def;
    PylObject *self;   /* the module for module functions, the instance for bound methods */
    PylObject *module; /* __module__ name or NULL */
} PylCFunction;

PYL_INTERNAL PylObject *pyl_cfunction_new(PylThread *t, const PylMethodDef *def, PylObject *self,
                                          PylObject *module);

#endif
