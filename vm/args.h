/* args.h — argument parsing for builtins written in C, with CPython's messages. */
#ifndef PYL_ARGS_H
#define PYL_ARGS_H

#include "vm/object.h"

/* The parameters of a builtin:
 *   fname   "split" or "str.split" — used in messages as "split()"
 *   names   NULL-terminated parameter names; "" marks a positional-only one
 *   min     how many leading parameters are required
 *   maxpos  how many may be passed positionally (the rest are keyword-only)
 */
typedef struct PylArgSpec {
    const char *fname;
    const char *const *names;
    int min;
    int maxpos;
} PylArgSpec;

/* Match args/kwnames against spec. out[i] receives the BORROWED argument for
 * names[i], or NULL when it was not given. -1 + TypeError on a mismatch. */
PYL_INTERNAL int pyl_parse_args(PylThread *t, const PylArgSpec *spec, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames, PylObject **out);

/* "f() takes exactly one argument (N given)" and friends, for positional-only
 * builtins: -1 + TypeError when nargs is outside [min, max]. */
PYL_INTERNAL int pyl_check_nargs(PylThread *t, const char *fname, intptr_t nargs, intptr_t min,
                                 intptr_t max);
/* -1 + "f() takes no keyword arguments" when kwnames is non-empty. */
PYL_INTERNAL int pyl_no_kwargs(PylThread *t, const char *fname, PylObject *kwnames);
/* TypeError "FNAME() argument WHICH must be EXPECTED, not TYPE" as CPython's
 * argument parsing words it: WHICH is a number ("2"), a quoted name ("'mode'")
 * or NULL for a sole argument; None is named "None", not "NoneType". NULL. */
PYL_INTERNAL PylObject *pyl_bad_argument(PylThread *t, const char *fname, const char *which,
                                         const char *expected, PylObject *arg);

#endif
