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

/* The checks run in the order of CPython's _PyArg_UnpackKeywords, so that a call
 * wrong in several ways gets CPython's message: too many arguments, too many
 * positional ones, missing positional-only ones, then each parameter in turn
 * (given twice, missing), and unknown keywords last. */
int pyl_parse_args(PylThread *t, const PylArgSpec *spec, PylObject *const *args, intptr_t nargs,
                   PylObject *kwnames, PylObject **out)
{
    int nparams = 0, minposonly = 0;
    while (spec->names[nparams] != NULL) {
        if (spec->names[nparams][0] == '\0' && nparams < spec->min) {
            minposonly = nparams + 1;
        }
        nparams++;
    }
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > nparams) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes at most %d %sargument%s (%zd given)",
                       spec->fname, nparams, nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s",
                       (ssize_t)(nargs + nkw));
        return -1;
    }
    if (nargs > spec->maxpos) {
        if (spec->maxpos == 0) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s() takes no positional arguments",
                           spec->fname);
        } else {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%s() takes %s %d positional argument%s (%zd given)", spec->fname,
                           spec->min < spec->maxpos ? "at most" : "exactly", spec->maxpos,
                           spec->maxpos == 1 ? "" : "s", (ssize_t)nargs);
        }
        return -1;
    }
    if (nargs < minposonly) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "%s() takes %s %d positional argument%s (%zd given)", spec->fname,
                       minposonly < spec->maxpos ? "at least" : "exactly", minposonly,
                       minposonly == 1 ? "" : "s", (ssize_t)nargs);
        return -1;
    }
    intptr_t used = 0;
    for (int i = 0; i < nparams; i++) {
        out[i] = i < nargs ? args[i] : NULL;
        if (spec->names[i][0] == '\0') {
            continue;
        }
        for (intptr_t k = 0; k < nkw; k++) {
            if (pyl_str_equal_cstr(PYL_TUPLE_ITEM(kwnames, k), spec->names[i])) {
                if (out[i] != NULL) {
                    pyl_err_format(t, PYL_EXC(t, TypeError),
                                   "argument for %s() given by name ('%s') and position (%d)",
                                   spec->fname, spec->names[i], i + 1);
                    return -1;
                }
                out[i] = args[nargs + k];
                used++;
                break;
            }
        }
        if (out[i] == NULL && i < spec->min) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "%s() missing required argument '%s' (pos %d)",
                           spec->fname, spec->names[i], i + 1);
            return -1;
        }
    }
    if (used < nkw) {
        for (intptr_t k = 0; k < nkw; k++) {
            PylObject *kw = PYL_TUPLE_ITEM(kwnames, k);
            bool known = false;
            for (int i = 0; i < nparams && !known; i++) {
                known = spec->names[i][0] != '\0' && pyl_str_equal_cstr(kw, spec->names[i]);
            }
            if (!known) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "'%U' is an invalid keyword argument for %s()", kw, spec->fname);
                return -1;
            }
        }
    }
    return 0;
}

PylObject *pyl_bad_argument(PylThread *t, const char *fname, const char *which,
                            const char *expected, PylObject *arg)
{
    const char *got = arg == PYL_NONE ? "None" : pyl_type_get_name(PYL_TYPEOF(t, arg));
    return pyl_err_format(t, PYL_EXC(t, TypeError), "%s() argument%s%s must be %s, not %s", fname,
                          which ? " " : "", which ? which : "", expected, got);
}
