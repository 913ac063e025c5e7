/* eval.h — running code: the interpreter loop and its entry points. */
#ifndef PYL_EVAL_H
#define PYL_EVAL_H

#include "vm/frame.h"

/* Call a Python function (the function type's call slot). */
PYL_INTERNAL PylObject *pyl_function_call(PylThread *t, PylObject *func, PylObject *const *args,
                                          intptr_t nargs, PylObject *kwnames);
/* Fill the argument slots locals[] of a new frame of func from a call's arguments
 * (borrowed; the slots get new references). 0, or -1 with TypeError. */
PYL_INTERNAL int pyl_bind_args(PylThread *t, PylFunction *func, PylObject **locals,
                               PylObject *const *args, intptr_t nargs, PylObject *kwnames);
/* Run module-level code with globals and locals (exec semantics). */
PYL_INTERNAL PylObject *pyl_eval_code(PylThread *t, PylObject *code, PylObject *globals,
                                      PylObject *locals);

/* Run a class body with ns as its locals; returns the __class__ cell or None. */
PYL_INTERNAL PylObject *pyl_eval_class_body(PylThread *t, PylObject *func, PylObject *ns);

#endif
