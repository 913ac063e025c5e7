/* bindargs.c — binding a call's arguments to the parameters of a Python
 * function: positional, keyword, defaults, *args, **kwargs, with CPython's
 * error messages. The eval loop copies the arguments itself in the simple case
 * (exactly the positional parameters, no keywords) and calls here otherwise. */
#include <stdio.h>

#include "vm/core.h"
#include "vm/eval.h"

static PylObject *func_qualname(PylFunction *func)
{
    return func->qualname;
}

/* "f() missing 2 required positional arguments: 'a' and 'b'" */
static void missing_args(PylThread *t, PylFunction *func, PylObject **locals, int start, int end,
                         bool kwonly)
{
    PylCode *co = (PylCode *)func->code;
    PylObject *names[256];
    int n = 0;
    for (int i = start; i < end && n < 256; i++) {
        if (locals[i] == NULL) {
            names[n++] = PYL_TUPLE_ITEM(co->localsplusnames, i);
        }
    }
    PylBuf b;
    pyl_buf_init(&b);
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            pyl_buf_puts(t, &b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        }
        pyl_buf_putc(t, &b, '\'');
        pyl_buf_put_str(t, &b, names[i]);
        pyl_buf_putc(t, &b, '\'');
    }
    PylObject *list = pyl_buf_finish_str(t, &b);
    if (list == NULL) {
        return;
    }
    pyl_err_format(t, PYL_EXC(t, TypeError), "%U() missing %d required %s argument%s: %U",
                   func_qualname(func), n, kwonly ? "keyword-only" : "positional",
                   n == 1 ? "" : "s", list);
    pyl_decref(t, list);
}

static void too_many_positional(PylThread *t, PylFunction *func, intptr_t given, PylObject **locals)
{
    PylCode *co = (PylCode *)func->code;
    int argc = co->argcount;
    intptr_t ndefaults = func->defaults ? PYL_TUPLE_SIZE(func->defaults) : 0;
    int kwonly_given = 0;
    for (int i = argc; i < argc + co->kwonlyargcount; i++) {
        kwonly_given += locals[i] != NULL;
    }
    char takes[64];
    if (ndefaults > 0) {
        snprintf(takes, sizeof takes, "from %d to %d positional arguments", argc - (int)ndefaults,
                 argc);
    } else {
        snprintf(takes, sizeof takes, "%d positional argument%s", argc, argc == 1 ? "" : "s");
    }
    if (kwonly_given > 0) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "%U() takes %s but %zd positional argument%s (and %d keyword-only "
                       "argument%s) were given",
                       func_qualname(func), takes, (ssize_t)given, given == 1 ? "" : "s",
                       kwonly_given, kwonly_given == 1 ? "" : "s");
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%U() takes %s but %zd %s given",
                       func_qualname(func), takes, (ssize_t)given, given == 1 ? "was" : "were");
    }
}

/* Fill the argument slots of a new frame from a call's arguments (borrowed;
 * the frame takes new references). CPython's rules and messages. */
int pyl_bind_args(PylThread *t, PylFunction *func, PylObject **locals, PylObject *const *args,
                  intptr_t nargs, PylObject *kwnames)
{
    PylCode *co = (PylCode *)func->code;
    int argc = co->argcount;
    int total = argc + co->kwonlyargcount;
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    PylObject *kwdict = NULL;
    int varargs_slot = -1, varkw_slot = -1;
    int next = total;
    if (co->flags & PYL_CO_VARARGS) {
        varargs_slot = next++;
    }
    if (co->flags & PYL_CO_VARKEYWORDS) {
        varkw_slot = next++;
        kwdict = pyl_dict_new(t);
        if (kwdict == NULL) {
            return -1;
        }
        locals[varkw_slot] = kwdict;
    }
    intptr_t npos = nargs < argc ? nargs : argc;
    for (intptr_t i = 0; i < npos; i++) {
        locals[i] = pyl_incref(args[i]);
    }
    if (varargs_slot >= 0) {
        PylObject *rest = nargs > argc ? pyl_tuple_from_array(t, args + argc, nargs - argc)
                                       : pyl_incref(t->vm->empty_tuple);
        if (rest == NULL) {
            return -1;
        }
        locals[varargs_slot] = rest;
    } else if (nargs > argc) {
        /* count keyword-only arguments given, for the message */
        for (intptr_t k = 0; k < nkw; k++) {
            PylObject *kw = PYL_TUPLE_ITEM(kwnames, k);
            for (int j = argc; j < total; j++) {
                if (pyl_str_equal(kw, PYL_TUPLE_ITEM(co->localsplusnames, j))) {
                    locals[j] = pyl_incref(args[nargs + k]);
                }
            }
        }
        too_many_positional(t, func, nargs, locals);
        return -1;
    }
    PylObject *posonly_as_kw = NULL;
    for (intptr_t k = 0; k < nkw; k++) {
        PylObject *kw = PYL_TUPLE_ITEM(kwnames, k);
        PylObject *value = args[nargs + k];
        int j;
        /* interned names first by pointer, then by value */
        for (j = co->posonlyargcount; j < total; j++) {
            if (PYL_TUPLE_ITEM(co->localsplusnames, j) == kw) {
                break;
            }
        }
        if (j == total) {
            for (j = co->posonlyargcount; j < total; j++) {
                if (pyl_str_equal(kw, PYL_TUPLE_ITEM(co->localsplusnames, j))) {
                    break;
                }
            }
        }
        if (j < total) {
            if (locals[j] != NULL) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%U() got multiple values for argument '%U'", func_qualname(func),
                               kw);
                pyl_xdecref(t, posonly_as_kw);
                return -1;
            }
            locals[j] = pyl_incref(value);
            continue;
        }
        if (kwdict != NULL) {
            if (pyl_dict_set(t, kwdict, kw, value) < 0) {
                pyl_xdecref(t, posonly_as_kw);
                return -1;
            }
            continue;
        }
        bool is_posonly = false;
        for (j = 0; j < co->posonlyargcount; j++) {
            if (pyl_str_equal(kw, PYL_TUPLE_ITEM(co->localsplusnames, j))) {
                is_posonly = true;
            }
        }
        if (is_posonly) {
            if (posonly_as_kw == NULL) {
                posonly_as_kw = pyl_list_new(t, 0);
            }
            if (posonly_as_kw == NULL || pyl_list_append(t, posonly_as_kw, kw) < 0) {
                pyl_xdecref(t, posonly_as_kw);
                return -1;
            }
            continue;
        }
        pyl_err_format(t, PYL_EXC(t, TypeError), "%U() got an unexpected keyword argument '%U'",
                       func_qualname(func), kw);
        return -1;
    }
    if (posonly_as_kw != NULL) {
        PylObject *sep = pyl_str_from_cstr(t, ", ");
        PylObject *joined = sep ? pyl_str_join(t, sep, posonly_as_kw) : NULL;
        if (joined != NULL) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%U() got some positional-only arguments passed as keyword "
                           "arguments: '%U'",
                           func_qualname(func), joined);
        }
        pyl_xdecref(t, sep);
        pyl_xdecref(t, joined);
        pyl_decref(t, posonly_as_kw);
        return -1;
    }
    /* defaults for the positional parameters */
    if (nargs < argc) {
        intptr_t ndef = func->defaults ? PYL_TUPLE_SIZE(func->defaults) : 0;
        int first_default = argc - (int)ndef;
        for (int i = (int)nargs; i < argc; i++) {
            if (locals[i] == NULL && i >= first_default) {
                locals[i] = pyl_incref(PYL_TUPLE_ITEM(func->defaults, i - first_default));
            }
        }
        for (int i = (int)nargs; i < argc; i++) {
            if (locals[i] == NULL) {
                missing_args(t, func, locals, (int)nargs, argc, false);
                return -1;
            }
        }
    }
    /* keyword-only defaults */
    for (int i = argc; i < total; i++) {
        if (locals[i] == NULL && func->kwdefaults != NULL) {
            PylObject *d =
                pyl_dict_get_str(t, func->kwdefaults, PYL_TUPLE_ITEM(co->localsplusnames, i));
            if (d != NULL) {
                locals[i] = pyl_incref(d);
            }
        }
    }
    for (int i = argc; i < total; i++) {
        if (locals[i] == NULL) {
            missing_args(t, func, locals, argc, total, true);
            return -1;
        }
    }
    return 0;
}
