/* gen.h — generator objects. A generator owns the frame of its function, laid
 * out right after the object; resuming it runs that frame until the next yield.
 *
 *     | PylGen header | PylFrame | localsplus | value stack |
 */
#ifndef PYL_GEN_H
#define PYL_GEN_H

#include "vm/frame.h"

enum { PYL_GEN_CREATED, PYL_GEN_SUSPENDED, PYL_GEN_RUNNING, PYL_GEN_CLOSED };

typedef struct PylGen {
    PylObject ob;
    PylObject *name, *qualname;
    PylObject *code;      /* kept for gi_code after the frame is cleared */
    PylObject *exc_state; /* the exception being handled inside, while suspended */
    uint8_t state;
    PylFrame *frame; /* points just past this header */
} PylGen;

/* A new generator for func with an empty frame (arguments bound by the caller
 * into gen->frame->localsplus). */
PYL_INTERNAL PylObject *pyl_gen_new(PylThread *t, PylFunction *func);
/* Resume: send value (or raise exc inside when exc != NULL, stealing it).
 * Returns 0 with *result = the yielded value, 1 with *result = the return value,
 * or -1 with an exception set. (eval.c) */
PYL_INTERNAL int pyl_gen_resume(PylThread *t, PylObject *gen, PylObject *value, PylObject *exc,
                                PylObject **result);
/* gen.send(value) with CPython's StopIteration conventions folded into the
 * return: same results as pyl_gen_resume, but handles delegation (yield from)
 * for throw/close. */
PYL_INTERNAL int pyl_gen_throw(PylThread *t, PylObject *gen, PylObject *exc, PylObject **result);
PYL_INTERNAL int pyl_gen_close(PylThread *t, PylObject *gen);

#endif
