/* args.c — matching call arguments to the parameters of C builtins. */
#include <stdio.h>

#include "vm/core.h"

int pyl_check_nargs(PylThread *t, const char *fname, intptr_t nargs, intptr_t min, intptr_t max)
{
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    if (min == max) {
        if (min == 0) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes no arguments (%zd given)", fname,
                           (ssize_t)nargs);
        } else if (min == 1) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes exactly one argument (%zd given)",
                           fname, (ssize_t)nargs);
        } else {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s expected %zd arguments, got %zd", fname,
                           (ssize_t)min, (ssize_t)nargs);
        }
    } else if (nargs < min) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s expected at least %zd argument%s, got %zd",
                       fname, (ssize_t)min, min == 1 ? "" : "s", (ssize_t)nargs);
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s expected at most %zd argument%s, got %zd",
                       fname, (ssize_t)max, max == 1 ? "" : "s", (ssize_t)nargs);
    }
    return -1;
}

int pyl_no_kwargs(PylThread *t, const char *fname, PylObject *kwnames)
{
    if (kwnames != NULL && PYL_TUPLE_SIZE(kwnames) > 0) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int pyl_parse_args(PylThread *t, const PylArgSpec *spec, PylObject *const *args, intptr_t nargs,
                   PylObject *kwnames, PylObject **out)
{
    int nparams = 0;
    while (spec->names[nparams] != NULL) {
        nparams++;
    }
    if (nargs > spec->maxpos) {
        if (spec->maxpos == 0) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes no positional arguments",
                           spec->fname);
        } else {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes at most %d argument%s (%zd given)",
                           spec->fname, spec->maxpos, spec->maxpos == 1 ? "" : "s",
                           (ssize_t)(nargs + (kwnames ? PYL_TUPLE_SIZE(kwnames) : 0)));
        }
        return -1;
    }
    for (int i = 0; i < nparams; i++) {
        out[i] = i < nargs ? args[i] : NULL;
    }
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    for (intptr_t k = 0; k < nkw; k++) {
        PylObject *kw = PYL_TUPLE_ITEM(kwnames, k);
        int found = -1;
        for (int i = 0; i < nparams; i++) {
            if (spec->names[i][0] != '\0' && pyl_str_equal_cstr(kw, spec->names[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "'%U' is an invalid keyword argument for %s()",
                           kw, spec->fname);
            return -1;
        }
        if (out[found] != NULL) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "argument for %s() given by name ('%s') and position (%d)", spec->fname,
                           spec->names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < spec->min; i++) {
        if (out[i] == NULL) {
            if (spec->names[i][0] == '\0' || i < nargs) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%s() takes at least %d positional argument%s (%zd given)",
                               spec->fname, spec->min, spec->min == 1 ? "" : "s", (ssize_t)nargs);
            } else {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%s() missing required argument '%s' (pos %d)", spec->fname,
                               spec->names[i], i + 1);
            }
            return -1;
        }
    }
    return 0;
}
