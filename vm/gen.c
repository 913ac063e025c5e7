/* gen.c — generator objects: creation, next/send/throw/close, delegation to a
 * sub-iterator for `yield from`, and closing a suspended generator when it dies
 * (so its finally blocks run). Running the frame is eval.c's job
 * (pyl_gen_resume). */
#include <stdio.h>

#include "vm/code.h"
#include "vm/core.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/frame.h"

#define GEN(o) ((PylGen *)(o))

static size_t header_size(void)
{
    return (sizeof(PylGen) + 15) & ~(size_t)15;
}

PylObject *pyl_gen_new(PylThread *t, PylFunction *func)
{
    PylCode *co = (PylCode *)func->code;
    PylGen *g = (PylGen *)pyl_obj_alloc(t, PYL_TYPE(t, GENERATOR),
                                        (intptr_t)(header_size() + pyl_frame_size(co)));
    if (g == NULL) {
        return NULL;
    }
    g->frame = (PylFrame *)((char *)g + header_size());
    pyl_frame_init(g->frame, func);
    g->frame->owned_by_gen = true;
    g->name = pyl_incref(func->name);
    g->qualname = pyl_incref(func->qualname);
    g->code = pyl_incref(func->code);
    g->state = PYL_GEN_CREATED;
    return (PylObject *)g;
}

/* Is the frame suspended inside `yield from` (at a YIELD_VALUE that follows a
 * SEND)? Then the sub-iterator is on top of its stack. */
static PylObject *delegate_of(PylGen *g)
{
    PylFrame *f = g->frame;
    if (g->state != PYL_GEN_SUSPENDED || f->code == NULL) {
        return NULL;
    }
    uint32_t prev = f->ip[-1];
    if (PYL_OPCODE_OF(prev) != OP_YIELD_VALUE || PYL_ARG_OF(prev) != 1) {
        return NULL;
    }
    return f->sp[-1];
}

/* The sub-iterator finished with `value`: pop it and continue after the SEND
 * loop with value as the result of the `yield from`. */
static int finish_delegation(PylThread *t, PylGen *g, PylObject *value, PylObject **result)
{
    PylFrame *f = g->frame;
    PylObject *recv = *--f->sp;
    pyl_decref(t, recv);
    /* the SEND is two words back: SEND exit; YIELD_VALUE 1 */
    uint32_t send = f->ip[-2];
    f->ip = f->code->code + PYL_ARG_OF(send);
    return pyl_gen_resume(t, (PylObject *)g, value, NULL, result);
}

static int close_iter(PylThread *t, PylObject *it)
{
    if (PYL_IS_KIND(it, GENERATOR)) {
        return pyl_gen_close(t, it);
    }
    PylObject *meth = pyl_getattr_opt(t, it, PYL_NAME(t, close));
    if (meth == NULL) {
        return pyl_err_occurred(t) ? -1 : 0;
    }
    PylObject *r = pyl_call0(t, meth);
    pyl_decref(t, meth);
    if (r == NULL) {
        return -1;
    }
    pyl_decref(t, r);
    return 0;
}

int pyl_gen_throw(PylThread *t, PylObject *gen, PylObject *exc, PylObject **result)
{
    PylGen *g = GEN(gen);
    PylObject *yf = delegate_of(g);
    if (yf != NULL) {
        pyl_incref(yf);
        if (pyl_type_is_subtype(PYL_TYPEOF(t, exc), PYL_EXC(t, GeneratorExit))) {
            g->state = PYL_GEN_RUNNING;
            int r = close_iter(t, yf);
            g->state = PYL_GEN_SUSPENDED;
            pyl_decref(t, yf);
            if (r < 0) {
                pyl_decref(t, exc);
                exc = pyl_err_fetch(t);
            }
            return pyl_gen_resume(t, gen, NULL, exc, result);
        }
        int rc;
        PylObject *res = NULL;
        g->state = PYL_GEN_RUNNING;
        if (PYL_IS_KIND(yf, GENERATOR)) {
            rc = pyl_gen_throw(t, yf, pyl_incref(exc), &res);
        } else {
            PylObject *meth = pyl_getattr_opt(t, yf, PYL_NAME(t, throw));
            if (meth == NULL) {
                g->state = PYL_GEN_SUSPENDED;
                pyl_decref(t, yf);
                if (pyl_err_occurred(t)) {
                    pyl_decref(t, exc);
                    exc = pyl_err_fetch(t);
                }
                return pyl_gen_resume(t, gen, NULL, exc, result);
            }
            res = pyl_call1(t, meth, exc);
            pyl_decref(t, meth);
            rc = res != NULL ? 0 : -1;
            if (rc < 0 && pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
                PylObject *si = pyl_err_fetch(t);
                res = pyl_incref(pyl_exception_get_attr(t, si, "value"));
                pyl_decref(t, si);
                rc = 1;
            }
        }
        g->state = PYL_GEN_SUSPENDED;
        pyl_decref(t, yf);
        pyl_decref(t, exc);
        if (rc == 0) {
            *result = res;
            return 0;
        }
        if (rc == 1) {
            int r = finish_delegation(t, g, res, result);
            pyl_decref(t, res);
            return r;
        }
        /* the sub-iterator raised: the exception surfaces at our yield */
        exc = pyl_err_fetch(t);
        return pyl_gen_resume(t, gen, NULL, exc, result);
    }
    return pyl_gen_resume(t, gen, NULL, exc, result);
}

int pyl_gen_close(PylThread *t, PylObject *gen)
{
    PylGen *g = GEN(gen);
    if (g->state == PYL_GEN_CREATED) {
        g->state = PYL_GEN_CLOSED;
        pyl_frame_clear(t, g->frame);
        return 0;
    }
    if (g->state == PYL_GEN_CLOSED) {
        return 0;
    }
    PylObject *exc = pyl_call0(t, (PylObject *)PYL_EXC(t, GeneratorExit));
    if (exc == NULL) {
        return -1;
    }
    PylObject *r = NULL;
    int rc = pyl_gen_throw(t, gen, exc, &r);
    if (rc == 0) {
        pyl_decref(t, r);
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "generator ignored GeneratorExit");
        return -1;
    }
    if (rc == 1) {
        pyl_decref(t, r);
        return 0;
    }
    if (pyl_err_matches(t, PYL_EXC(t, GeneratorExit)) ||
        pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
        pyl_err_clear(t);
        return 0;
    }
    return -1;
}

/* ---- the type -------------------------------------------------------------------- */

static PylObject *raise_stop(PylThread *t, PylObject *value)
{
    if (value == PYL_NONE) {
        pyl_err_set(t, PYL_EXC(t, StopIteration), NULL);
    } else {
        PylObject *exc = pyl_call1(t, (PylObject *)PYL_EXC(t, StopIteration), value);
        if (exc != NULL) {
            pyl_err_raise_steal(t, exc);
        }
    }
    pyl_decref(t, value);
    return NULL;
}

static PylObject *gen_iternext(PylThread *t, PylObject *self)
{
    PylObject *r;
    int rc = pyl_gen_resume(t, self, PYL_NONE, NULL, &r);
    if (rc == 0) {
        return r;
    }
    if (rc == 1) {
        if (r == PYL_NONE) {
            return NULL;
        }
        return raise_stop(t, r);
    }
    return NULL;
}

static PylObject *gen_send(PylThread *t, PylObject *self, PylObject *value)
{
    PylObject *r;
    int rc = pyl_gen_resume(t, self, value, NULL, &r);
    if (rc == 0) {
        return r;
    }
    if (rc == 1) {
        return raise_stop(t, r);
    }
    return NULL;
}

static PylObject *gen_throw_method(PylThread *t, PylObject *self, PylObject *const *args,
                                   intptr_t nargs)
{
    if (pyl_check_nargs(t, "throw", nargs, 1, 3) < 0) {
        return NULL;
    }
    PylObject *typ = args[0];
    PylObject *val = nargs > 1 ? args[1] : PYL_NONE;
    PylObject *tb = nargs > 2 ? args[2] : PYL_NONE;
    if (tb != PYL_NONE && !PYL_IS_KIND(tb, TRACEBACK)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "throw() third argument must be a traceback object");
    }
    PylObject *exc;
    if (PYL_IS_EXCEPTION_TYPE(typ)) {
        if (PYL_IS_EXCEPTION(val) && pyl_type_is_subtype(PYL_TYPEOF(t, val), (PylType *)typ)) {
            exc = pyl_incref(val);
        } else if (val == PYL_NONE) {
            exc = pyl_call0(t, typ);
        } else if (PYL_IS_TUPLE(val)) {
            exc = pyl_call(t, typ, PYL_TUPLE_ITEMS(val), PYL_TUPLE_SIZE(val), NULL);
        } else {
            exc = pyl_call1(t, typ, val);
        }
        if (exc == NULL) {
            return NULL;
        }
    } else if (PYL_IS_EXCEPTION(typ)) {
        if (val != PYL_NONE) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "instance exception may not have a separate value");
        }
        exc = pyl_incref(typ);
    } else {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "exceptions must be classes or instances deriving from "
                              "BaseException, not %T",
                              typ);
    }
    if (tb != PYL_NONE) {
        pyl_setref(t, &((PylBaseException *)exc)->traceback, pyl_incref(tb));
    }
    PylObject *r;
    int rc = pyl_gen_throw(t, self, exc, &r);
    if (rc == 0) {
        return r;
    }
    if (rc == 1) {
        return raise_stop(t, r);
    }
    return NULL;
}

static PylObject *gen_close_method(PylThread *t, PylObject *self)
{
    return pyl_gen_close(t, self) < 0 ? NULL : PYL_NONE;
}

static PylObject *gen_iter(PylThread *t, PylObject *self)
{
    return pyl_incref(self);
}

static void gen_clear(PylThread *t, PylObject *self)
{
    PylGen *g = GEN(self);
    pyl_frame_clear(t, g->frame);
    PYL_CLEAR(t, g->exc_state);
    g->state = PYL_GEN_CLOSED;
}

static void gen_dealloc(PylThread *t, PylObject *self)
{
    PylGen *g = GEN(self);
    if (g->state == PYL_GEN_SUSPENDED && !pyl_gc_test_and_set_finalized(self)) {
        /* run its finally blocks (once: the collector may have tried already):
         * close() while keeping it alive */
        self->refcnt = 1;
        pyl_gc_close_generator(t, self);
        if (--self->refcnt != 0) {
            pyl_gc_track(t, self); /* resurrected by its finally block */
            return;
        }
    }
    gen_clear(t, self);
    pyl_xdecref(t, g->name);
    pyl_xdecref(t, g->qualname);
    pyl_xdecref(t, g->code);
    pyl_obj_free(t, self);
}

/* A running generator's frame is on the thread's frame stack, its stack pointer
 * is in the eval loop's registers: the frame's references are not visited then
 * (so they count as references from outside, as a running frame's do). */
static int gen_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylGen *g = GEN(self);
    PylFrame *f = g->frame;
    if (f->code != NULL && g->state != PYL_GEN_RUNNING) {
        for (int i = 0; i < f->code->nlocalsplus; i++) {
            if (f->localsplus[i] != NULL && visit(f->localsplus[i], arg) != 0) {
                return -1;
            }
        }
        for (PylObject **p = f->localsplus + f->code->nlocalsplus; p < f->sp; p++) {
            if (*p != NULL && visit(*p, arg) != 0) {
                return -1;
            }
        }
        if (visit((PylObject *)f->func, arg) != 0) {
            return -1;
        }
    }
    PylObject *fields[] = {g->exc_state, g->name, g->qualname, g->code};
    for (int i = 0; i < 4; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *gen_repr(PylThread *t, PylObject *self)
{
    return pyl_str_format_c(t, "<generator object %U at %p>", GEN(self)->qualname, (void *)self);
}

static PylObject *gen_get_running(PylThread *t, PylObject *self)
{
    return PYL_BOOL(GEN(self)->state == PYL_GEN_RUNNING);
}

static PylObject *gen_get_suspended(PylThread *t, PylObject *self)
{
    return PYL_BOOL(GEN(self)->state == PYL_GEN_SUSPENDED);
}

static PylObject *gen_get_yieldfrom(PylThread *t, PylObject *self)
{
    PylObject *yf = delegate_of(GEN(self));
    return yf ? pyl_incref(yf) : PYL_NONE;
}

static PylObject *gen_get_frame(PylThread *t, PylObject *self)
{
    PylGen *g = GEN(self);
    if (g->state == PYL_GEN_CLOSED || g->frame->code == NULL) {
        return PYL_NONE;
    }
    return pyl_frame_object_new(t, g->frame, NULL);
}

static int gen_set_name(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == NULL || !PYL_IS_STR(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__name__ must be set to a string object");
        return -1;
    }
    pyl_setref(t, &GEN(self)->name, pyl_incref(value));
    return 0;
}

static int gen_set_qualname(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == NULL || !PYL_IS_STR(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__qualname__ must be set to a string object");
        return -1;
    }
    pyl_setref(t, &GEN(self)->qualname, pyl_incref(value));
    return 0;
}

static PylObject *gen_get_name(PylThread *t, PylObject *self)
{
    return pyl_incref(GEN(self)->name);
}

static PylObject *gen_get_qualname(PylThread *t, PylObject *self)
{
    return pyl_incref(GEN(self)->qualname);
}

static const PylMethodDef gen_methods[] = {
    PYL_METHOD_O("send", gen_send),
    PYL_METHOD_FAST("throw", gen_throw_method),
    PYL_METHOD_NOARGS("close", gen_close_method),
    PYL_METHOD_END,
};

static const PylMemberDef gen_members[] = {
    {"gi_code", PYL_MEMBER_OBJECT, offsetof(PylGen, code), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_generator_type = {
    .name = "generator",
    .kind = PYL_K_GENERATOR,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylGen),
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .members = gen_members,
    .getset = gen_getset,
};
