/* error.c — setting, matching and clearing the exception pending on a thread. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/core.h"

/* Link exc.__context__ to the exception being handled, as a `raise` inside an
 * except block does, breaking any cycle the link would close. */
static void set_context(PylThread *t, PylObject *exc)
{
    PylObject *handled = t->exc_info;
    if (handled == NULL || handled == exc || !PYL_IS_EXCEPTION(exc)) {
        return;
    }
    /* Cut exc out of handled's context chain so the chain stays acyclic. */
    PylObject *o = handled;
    while (o != NULL) {
        PylBaseException *be = (PylBaseException *)o;
        if (be->context == exc) {
            PYL_CLEAR(t, be->context);
            break;
        }
        o = be->context;
    }
    PylBaseException *e = (PylBaseException *)exc;
    pyl_setref(t, &e->context, pyl_incref(handled));
}

void pyl_err_raise_steal(PylThread *t, PylObject *exc)
{
    set_context(t, exc);
    PylObject *old = t->exc;
    t->exc = exc;
    pyl_xdecref(t, old);
}

void pyl_err_raise(PylThread *t, PylObject *exc)
{
    pyl_err_raise_steal(t, pyl_incref(exc));
}

PylObject *pyl_err_set(PylThread *t, PylType *type, PylObject *value)
{
    PylObject *exc;
    if (value != NULL && PYL_IS_EXCEPTION(value) &&
        pyl_type_is_subtype(PYL_TYPEOF(t, value), type)) {
        exc = pyl_incref(value);
    } else if (value == NULL) {
        exc = pyl_call(t, (PylObject *)type, NULL, 0, NULL);
    } else if (PYL_IS_TUPLE(value)) {
        exc = pyl_call(t, (PylObject *)type, PYL_TUPLE_ITEMS(value), PYL_TUPLE_SIZE(value), NULL);
    } else {
        exc = pyl_call(t, (PylObject *)type, &value, 1, NULL);
    }
    if (exc == NULL) {
        return NULL; /* creating the exception failed: that error is pending */
    }
    pyl_err_raise_steal(t, exc);
    return NULL;
}

PylObject *pyl_err_vformat(PylThread *t, PylType *type, const char *fmt, va_list ap)
{
    /* Formatting calls repr() and friends, which must not see a pending error. */
    PylObject *pending = pyl_err_fetch(t);
    PylBuf b;
    pyl_buf_init(&b);
    PylObject *msg = NULL;
    if (pyl_buf_vformat(t, &b, fmt, ap) < 0) {
        pyl_buf_free(t, &b);
    } else {
        msg = pyl_buf_finish_str(t, &b);
    }
    if (msg == NULL) {
        pyl_xdecref(t, pending);
        return NULL;
    }
    pyl_xdecref(t, pending);
    pyl_err_set(t, type, msg);
    pyl_decref(t, msg);
    return NULL;
}

PylObject *pyl_err_format(PylThread *t, PylType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pyl_err_vformat(t, type, fmt, ap);
    va_end(ap);
    return NULL;
}

PylObject *pyl_err_nomemory(PylThread *t)
{
    PylObject *e = t->vm->memory_error;
    if (e == NULL) {
        fprintf(stderr, "pyl: out of memory during start-up\n");
        abort();
    }
    PylBaseException *be = (PylBaseException *)e;
    PYL_CLEAR(t, be->traceback);
    PYL_CLEAR(t, be->context);
    PYL_CLEAR(t, be->cause);
    pyl_err_raise(t, e);
    return NULL;
}

PylObject *pyl_err_badinternalcall(PylThread *t, const char *where)
{
    return pyl_err_format(t, PYL_EXC(t, SystemError), "%s: bad argument to internal function",
                          where);
}

PylObject *pyl_err_from_errno(PylThread *t, int err, PylObject *filename)
{
    char buf[256];
    if (strerror_r(err, buf, sizeof buf) != 0) { /* XSI strerror_r: thread-safe */
        snprintf(buf, sizeof buf, "Unknown error %d", err);
    }
    PylObject *code = pyl_int_from_ssize(t, err);
    PylObject *msg = pyl_str_from_cstr(t, buf);
    if (code == NULL || msg == NULL) {
        pyl_xdecref(t, code);
        pyl_xdecref(t, msg);
        return NULL;
    }
    PylObject *args[3] = {code, msg, filename};
    /* OSError's constructor picks the subclass (FileNotFoundError ...) from errno. */
    PylObject *exc = pyl_call(t, (PylObject *)PYL_EXC(t, OSError), args, filename ? 3 : 2, NULL);
    pyl_decref(t, code);
    pyl_decref(t, msg);
    if (exc != NULL) {
        pyl_err_raise_steal(t, exc);
    }
    return NULL;
}

int pyl_exc_matches(PylThread *t, PylObject *exc, PylObject *cls)
{
    PylType *et = PYL_IS_TYPE(exc) ? (PylType *)exc : PYL_TYPEOF(t, exc);
    if (PYL_IS_TUPLE(cls)) {
        for (intptr_t i = 0; i < PYL_TUPLE_SIZE(cls); i++) {
            if (pyl_exc_matches(t, exc, PYL_TUPLE_ITEM(cls, i))) {
                return 1;
            }
        }
        return 0;
    }
    return PYL_IS_TYPE(cls) && pyl_type_is_subtype(et, (PylType *)cls);
}

int pyl_err_matches(PylThread *t, PylType *type)
{
    if (t->exc == NULL) {
        return 0;
    }
    return pyl_type_is_subtype(PYL_TYPEOF(t, t->exc), type);
}

void pyl_err_clear(PylThread *t)
{
    PYL_CLEAR(t, t->exc);
}

PylObject *pyl_err_fetch(PylThread *t)
{
    PylObject *e = t->exc;
    t->exc = NULL;
    return e;
}

void pyl_err_restore(PylThread *t, PylObject *exc)
{
    PylObject *old = t->exc;
    t->exc = exc;
    pyl_xdecref(t, old);
}
