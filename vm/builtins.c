/* builtins.c — the builtins module: its functions, and the table that puts every
 * builtin type and exception under its name. */
#include <stdio.h>
#include <stdlib.h>

#include "compiler/compile.h"
#include "vm/core.h"
#include "vm/eval.h"
#include "vm/fileio.h"
#include "vm/frame.h"
#include "vm/builtins.h"
#include "vm/import.h"
#include "vm/modules/sys.h"

/* ---- output --------------------------------------------------------------------------- */

/* Write s to file: straight into the buffer of our own file objects, else through
 * file.write(). */
static int write_str(PylThread *t, PylObject *file, PylObject *s)
{
    if (PYL_IS_KIND(file, TEXTIO)) {
        return pyl_file_write_str(t, file, s);
    }
    PylObject *r = pyl_call_method(t, file, PYL_NAME(t, write), &s, 1);
    if (r == NULL) {
        return -1;
    }
    pyl_decref(t, r);
    return 0;
}

static int check_sep(PylThread *t, PylObject *v, const char *what)
{
    if (v != NULL && v != PYL_NONE && !PYL_IS_STR(v)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "%s must be None or a string, not %T", what, v);
        return -1;
    }
    return 0;
}

static PylObject *builtin_print(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames)
{
    PylObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        PylObject *k = PYL_TUPLE_ITEM(kwnames, i);
        PylObject *v = args[nargs + i];
        if (pyl_str_equal_cstr(k, "sep")) {
            sep = v;
        } else if (pyl_str_equal_cstr(k, "end")) {
            end = v;
        } else if (pyl_str_equal_cstr(k, "file")) {
            file = v;
        } else if (pyl_str_equal_cstr(k, "flush")) {
            flush = v;
        } else {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "'%U' is an invalid keyword argument for print()", k);
        }
    }
    if (check_sep(t, sep, "sep") < 0 || check_sep(t, end, "end") < 0) {
        return NULL;
    }
    PylObject *owned_file = NULL;
    if (file == NULL || file == PYL_NONE) {
        file = owned_file = pyl_sys_get(t, PYL_NAME(t, stdout));
        if (file == NULL) {
            return NULL;
        }
        if (file == PYL_NONE) {
            return PYL_NONE;
        }
    }
    int r = 0;
    if (PYL_IS_KIND(file, TEXTIO)) {
        /* build the whole line, then one buffered write */
        PylBuf b;
        pyl_buf_init(&b);
        for (intptr_t i = 0; i < nargs && r == 0; i++) {
            if (i > 0) {
                r = sep && sep != PYL_NONE ? pyl_buf_put_str(t, &b, sep) : pyl_buf_putc(t, &b, ' ');
            }
            PylObject *s = r == 0 ? pyl_str(t, args[i]) : NULL;
            if (s == NULL) {
                r = -1;
                break;
            }
            r = pyl_buf_put_str(t, &b, s);
            pyl_decref(t, s);
        }
        if (r == 0) {
            r = end && end != PYL_NONE ? pyl_buf_put_str(t, &b, end) : pyl_buf_putc(t, &b, '\n');
        }
        if (r == 0 && b.block != NULL) {
            /* the text is str data; check surrogates through the normal path */
            PylObject *s = pyl_buf_finish_str(t, &b);
            r = s ? pyl_file_write_str(t, file, s) : -1;
            pyl_xdecref(t, s);
        } else {
            pyl_buf_free(t, &b);
        }
    } else {
        for (intptr_t i = 0; i < nargs && r == 0; i++) {
            if (i > 0) {
                PylObject *sp =
                    sep && sep != PYL_NONE ? pyl_incref(sep) : pyl_str_from_cstr(t, " ");
                r = sp ? write_str(t, file, sp) : -1;
                pyl_xdecref(t, sp);
            }
            if (r < 0) {
                break;
            }
            PylObject *s = pyl_str(t, args[i]);
            r = s ? write_str(t, file, s) : -1;
            pyl_xdecref(t, s);
        }
        if (r == 0) {
            PylObject *e = end && end != PYL_NONE ? pyl_incref(end) : pyl_str_from_cstr(t, "\n");
            r = e ? write_str(t, file, e) : -1;
            pyl_xdecref(t, e);
        }
    }
    if (r == 0 && flush != NULL) {
        int f = pyl_is_true(t, flush);
        if (f < 0) {
            r = -1;
        } else if (f) {
            PylObject *x = pyl_call_method(t, file, PYL_NAME(t, flush), NULL, 0);
            if (x == NULL) {
                r = -1;
            } else {
                pyl_decref(t, x);
            }
        }
    }
    pyl_xdecref(t, owned_file);
    return r < 0 ? NULL : PYL_NONE;
}

PylObject *pyl_builtin_print_expr(PylThread *t, PylObject *v)
{
    PylObject *hook = pyl_sys_get(t, PYL_NAME(t, displayhook));
    PylObject *r = hook ? pyl_call(t, hook, &v, 1, NULL) : NULL;
    pyl_xdecref(t, hook);
    if (r == NULL) {
        return NULL;
    }
    pyl_decref(t, r);
    return PYL_NONE;
}

static PylObject *builtin_input(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs)
{
    if (pyl_check_nargs(t, "input", nargs, 0, 1) < 0) {
        return NULL;
    }
    PylObject *out = pyl_sys_get(t, PYL_NAME(t, stdout));
    PylObject *in = out ? pyl_sys_get(t, PYL_NAME(t, stdin)) : NULL;
    PylObject *line = NULL;
    if (in == NULL) {
        goto done;
    }
    if (in == PYL_NONE) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "input(): lost sys.stdin");
        goto done;
    }
    if (nargs == 1 && out != PYL_NONE) {
        PylObject *s = pyl_str(t, args[0]);
        if (s == NULL || write_str(t, out, s) < 0) {
            pyl_xdecref(t, s);
            goto done;
        }
        pyl_decref(t, s);
    }
    if (out != PYL_NONE) {
        PylObject *f = pyl_call_method(t, out, PYL_NAME(t, flush), NULL, 0);
        if (f == NULL) {
            goto done;
        }
        pyl_decref(t, f);
    }
    line = pyl_call_method(t, in, PYL_NAME(t, readline), NULL, 0);
    if (line == NULL) {
        goto done;
    }
    if (!PYL_IS_STR(line)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "object.readline() returned non-string");
        PYL_CLEAR(t, line);
        goto done;
    }
    if (PYL_STR_NBYTES(line) == 0) {
        pyl_err_format(t, PYL_EXC(t, EOFError), "EOF when reading a line");
        PYL_CLEAR(t, line);
        goto done;
    }
    if (PYL_STR_DATA(line)[PYL_STR_NBYTES(line) - 1] == '\n') {
        PylObject *s = pyl_str_new(t, PYL_STR_DATA(line), PYL_STR_NBYTES(line) - 1);
        pyl_decref(t, line);
        line = s;
    }
done:
    pyl_xdecref(t, out);
    pyl_xdecref(t, in);
    return line;
}

/* exit(code=None) and quit(code=None), which CPython's site module adds
 * (_sitebuiltins.Quitter): close sys.stdin, then raise SystemExit(code). */
static PylObject *quit_common(PylThread *t, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames, const char *name)
{
    static const char *const names[] = {"code", NULL};
    const PylArgSpec spec = {name, names, 0, 1};
    PylObject *code;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, &code) < 0) {
        return NULL;
    }
    PylObject *in = pyl_sys_get(t, PYL_NAME(t, stdin));
    if (in != NULL && in != PYL_NONE) {
        PylObject *r = pyl_call_method(t, in, PYL_NAME(t, close), NULL, 0);
        pyl_xdecref(t, r);
    }
    pyl_xdecref(t, in);
    pyl_err_clear(t);
    PylObject *arg = code ? code : PYL_NONE;
    PylObject *exc = pyl_call(t, (PylObject *)PYL_EXC(t, SystemExit), &arg, 1, NULL);
    if (exc != NULL) {
        pyl_err_raise_steal(t, exc);
    }
    return NULL;
}

static PylObject *builtin_exit(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    return quit_common(t, args, nargs, kwnames, "exit");
}

static PylObject *builtin_quit(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    return quit_common(t, args, nargs, kwnames, "quit");
}

static PylObject *builtin_open(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    return pyl_file_open(t, args, nargs, kwnames);
}

/* ---- simple functions ---------------------------------------------------------------------- */

static PylObject *builtin_abs(PylThread *t, PylObject *self, PylObject *o)
{
    return pyl_abs(t, o);
}

static PylObject *builtin_all(PylThread *t, PylObject *self, PylObject *o)
{
    PylObject *it = pyl_iter(t, o);
    if (it == NULL) {
        return NULL;
    }
    PylObject *x;
    while ((x = pyl_iter_next(t, it)) != NULL) {
        int b = pyl_is_true(t, x);
        pyl_decref(t, x);
        if (b <= 0) {
            pyl_decref(t, it);
            return b < 0 ? NULL : PYL_FALSE;
        }
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? NULL : PYL_TRUE;
}

static PylObject *builtin_any(PylThread *t, PylObject *self, PylObject *o)
{
    PylObject *it = pyl_iter(t, o);
    if (it == NULL) {
        return NULL;
    }
    PylObject *x;
    while ((x = pyl_iter_next(t, it)) != NULL) {
        int b = pyl_is_true(t, x);
        pyl_decref(t, x);
        if (b != 0) {
            pyl_decref(t, it);
            return b < 0 ? NULL : PYL_TRUE;
        }
    }
    pyl_decref(t, it);
    return pyl_err_occurred(t) ? NULL : PYL_FALSE;
}

static PylObject *builtin_ascii(PylThread *t, PylObject *self, PylObject *o)
{
    return pyl_ascii(t, o);
}

static PylObject *builtin_repr(PylThread *t, PylObject *self, PylObject *o)
{
    return pyl_repr(t, o);
}

/* bin/oct/hex: format(index(o), '#b') etc. */
static PylObject *radix(PylThread *t, PylObject *o, const char *spec)
{
    PylObject *i = pyl_number_index(t, o);
    if (i == NULL) {
        return NULL;
    }
    PylObject *s = pyl_str_from_cstr(t, spec);
    PylObject *r = s ? pyl_format(t, i, s) : NULL;
    pyl_xdecref(t, s);
    pyl_decref(t, i);
    return r;
}

static PylObject *builtin_bin(PylThread *t, PylObject *self, PylObject *o)
{
    return radix(t, o, "#b");
}

static PylObject *builtin_oct(PylThread *t, PylObject *self, PylObject *o)
{
    return radix(t, o, "#o");
}

static PylObject *builtin_hex(PylThread *t, PylObject *self, PylObject *o)
{
    return radix(t, o, "#x");
}

static PylObject *builtin_callable(PylThread *t, PylObject *self, PylObject *o)
{
    return PYL_BOOL(pyl_callable(t, o));
}

static PylObject *builtin_chr(PylThread *t, PylObject *self, PylObject *o)
{
    intptr_t v;
    if (!PYL_IS_INT(o) && PYL_TYPEOF(t, o)->index == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "'%T' object cannot be interpreted as an integer", o);
    }
    if (pyl_index_as_ssize(t, o, &v) < 0) {
        if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            pyl_err_clear(t);
            return pyl_err_format(t, PYL_EXC(t, OverflowError),
                                  "Python int too large to convert to C int");
        }
        return NULL;
    }
    if (v < 0 || v > 0x10FFFF) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "chr() arg not in range(0x110000)");
    }
    return pyl_str_from_codepoint(t, (uint32_t)v);
}

static PylObject *builtin_ord(PylThread *t, PylObject *self, PylObject *o)
{
    if (PYL_IS_STR(o)) {
        if (PYL_STR_LEN(o) != 1) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "ord() expected a character, but string of length %zd found",
                                  (ssize_t)PYL_STR_LEN(o));
        }
        const char *p = PYL_STR_DATA(o);
        return PYL_SMALLINT(pyl_utf8_next(&p));
    }
    if (PYL_IS_BYTES(o) || PYL_IS_BYTEARRAY(o)) {
        const char *d;
        intptr_t n;
        if (pyl_bytes_view(t, o, &d, &n) < 0) {
            return NULL;
        }
        if (n != 1) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "ord() expected a character, but string of length %zd found",
                                  (ssize_t)n);
        }
        return PYL_SMALLINT((unsigned char)d[0]);
    }
    return pyl_err_format(t, PYL_EXC(t, TypeError),
                          "ord() expected string of length 1, but %T found", o);
}

static PylObject *name_arg(PylThread *t, PylObject *name, const char *fname)
{
    if (!PYL_IS_STR(name)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "attribute name must be string, not '%T'",
                              name);
    }
    return name;
}

static PylObject *builtin_getattr(PylThread *t, PylObject *self, PylObject *const *args,
                                  intptr_t nargs)
{
    if (pyl_check_nargs(t, "getattr", nargs, 2, 3) < 0 || name_arg(t, args[1], "getattr") == NULL) {
        return NULL;
    }
    if (nargs == 3) {
        PylObject *r = pyl_getattr_opt(t, args[0], args[1]);
        if (r == NULL && !pyl_err_occurred(t)) {
            return pyl_incref(args[2]);
        }
        return r;
    }
    return pyl_getattr(t, args[0], args[1]);
}

static PylObject *builtin_setattr(PylThread *t, PylObject *self, PylObject *const *args,
                                  intptr_t nargs)
{
    if (pyl_check_nargs(t, "setattr", nargs, 3, 3) < 0 || name_arg(t, args[1], "setattr") == NULL) {
        return NULL;
    }
    return pyl_setattr(t, args[0], args[1], args[2]) < 0 ? NULL : PYL_NONE;
}

static PylObject *builtin_delattr(PylThread *t, PylObject *self, PylObject *const *args,
                                  intptr_t nargs)
{
    if (pyl_check_nargs(t, "delattr", nargs, 2, 2) < 0 || name_arg(t, args[1], "delattr") == NULL) {
        return NULL;
    }
    return pyl_delattr(t, args[0], args[1]) < 0 ? NULL : PYL_NONE;
}

static PylObject *builtin_hasattr(PylThread *t, PylObject *self, PylObject *const *args,
                                  intptr_t nargs)
{
    if (pyl_check_nargs(t, "hasattr", nargs, 2, 2) < 0 || name_arg(t, args[1], "hasattr") == NULL) {
        return NULL;
    }
    int r = pyl_hasattr(t, args[0], args[1]);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *builtin_divmod(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs)
{
    if (pyl_check_nargs(t, "divmod", nargs, 2, 2) < 0) {
        return NULL;
    }
    return pyl_divmod(t, args[0], args[1]);
}

static PylObject *builtin_format(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs)
{
    if (pyl_check_nargs(t, "format", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 2 && !PYL_IS_STR(args[1])) {
        return pyl_bad_argument(t, "format", "2", "str", args[1]);
    }
    return pyl_format(t, args[0], nargs == 2 ? args[1] : NULL);
}

static PylObject *builtin_hash(PylThread *t, PylObject *self, PylObject *o)
{
    PylHash h = pyl_hash(t, o);
    return h == -1 ? NULL : pyl_int_from_ssize(t, h);
}

static PylObject *builtin_id(PylThread *t, PylObject *self, PylObject *o)
{
    return pyl_int_from_u64(t, (uint64_t)(uintptr_t)o);
}

static PylObject *builtin_isinstance(PylThread *t, PylObject *self, PylObject *const *args,
                                     intptr_t nargs)
{
    if (pyl_check_nargs(t, "isinstance", nargs, 2, 2) < 0) {
        return NULL;
    }
    int r = pyl_isinstance(t, args[0], args[1]);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *builtin_issubclass(PylThread *t, PylObject *self, PylObject *const *args,
                                     intptr_t nargs)
{
    if (pyl_check_nargs(t, "issubclass", nargs, 2, 2) < 0) {
        return NULL;
    }
    int r = pyl_issubclass(t, args[0], args[1]);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *builtin_iter(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs)
{
    if (pyl_check_nargs(t, "iter", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return pyl_iter(t, args[0]);
    }
    if (!pyl_callable(t, args[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "iter(v, w): v must be callable");
    }
    return pyl_callable_iter_new(t, args[0], args[1]);
}

static PylObject *builtin_next(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs)
{
    if (pyl_check_nargs(t, "next", nargs, 1, 2) < 0) {
        return NULL;
    }
    PylType *type = PYL_TYPEOF(t, args[0]);
    if (type->iternext == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not an iterator", args[0]);
    }
    PylObject *r = type->iternext(t, args[0]);
    if (r != NULL) {
        return r;
    }
    if (pyl_err_occurred(t)) {
        if (nargs == 2 && pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
            pyl_err_clear(t);
            return pyl_incref(args[1]);
        }
        return NULL;
    }
    if (nargs == 2) {
        return pyl_incref(args[1]);
    }
    pyl_err_set(t, PYL_EXC(t, StopIteration), NULL);
    return NULL;
}

static PylObject *builtin_len(PylThread *t, PylObject *self, PylObject *o)
{
    intptr_t n = pyl_len(t, o);
    return n < 0 ? NULL : pyl_int_from_ssize(t, n);
}

/* min() and max(): op is PYL_LT for min, PYL_GT for max. */
static PylObject *min_max(PylThread *t, PylObject *const *args, intptr_t nargs, PylObject *kwnames,
                          int op, const char *name)
{
    if (nargs == 0) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%s expected at least 1 argument, got 0",
                              name);
    }
    static const char *const names[] = {"key", "default", NULL};
    const PylArgSpec spec = {name, names, 0, 0};
    PylObject *kw[2];
    if (pyl_parse_args(t, &spec, args + nargs, 0, kwnames, kw) < 0) {
        return NULL;
    }
    PylObject *key = kw[0], *dflt = kw[1];
    if (nargs > 1 && dflt != NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "Cannot specify a default for %s() with multiple positional "
                              "arguments",
                              name);
    }
    if (key == PYL_NONE) {
        key = NULL;
    }
    PylObject *seq = nargs == 1 ? args[0] : NULL;
    PylObject *it = NULL;
    if (seq != NULL) {
        it = pyl_iter(t, seq);
        if (it == NULL) {
            return NULL;
        }
    }
    PylObject *best = NULL, *best_key = NULL;
    intptr_t idx = 0;
    for (;;) {
        PylObject *x;
        if (it != NULL) {
            x = pyl_iter_next(t, it);
            if (x == NULL) {
                break;
            }
        } else {
            if (idx >= nargs) {
                break;
            }
            x = pyl_incref(args[idx++]);
        }
        PylObject *k = key ? pyl_call1(t, key, x) : pyl_incref(x);
        if (k == NULL) {
            pyl_decref(t, x);
            goto error;
        }
        if (best == NULL) {
            best = x;
            best_key = k;
            continue;
        }
        int c = pyl_richcompare_bool(t, k, best_key, op);
        if (c < 0) {
            pyl_decref(t, x);
            pyl_decref(t, k);
            goto error;
        }
        if (c) {
            pyl_setref(t, &best, x);
            pyl_setref(t, &best_key, k);
        } else {
            pyl_decref(t, x);
            pyl_decref(t, k);
        }
    }
    if (pyl_err_occurred(t)) {
        goto error;
    }
    pyl_xdecref(t, it);
    pyl_xdecref(t, best_key);
    if (best == NULL) {
        if (dflt != NULL) {
            return pyl_incref(dflt);
        }
        return pyl_err_format(t, PYL_EXC(t, ValueError), "%s() arg is an empty sequence", name);
    }
    return best;
error:
    pyl_xdecref(t, it);
    pyl_xdecref(t, best);
    pyl_xdecref(t, best_key);
    return NULL;
}

static PylObject *builtin_min(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    return min_max(t, args, nargs, kwnames, PYL_LT, "min");
}

static PylObject *builtin_max(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    return min_max(t, args, nargs, kwnames, PYL_GT, "max");
}

static PylObject *builtin_pow(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    static const PylArgSpec spec = {"pow", names, 2, 3};
    PylObject *a[3];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    return pyl_pow(t, a[0], a[1], a[2]);
}

static PylObject *builtin_round(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    static const PylArgSpec spec = {"round", names, 1, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *meth = pyl_type_lookup(t, PYL_TYPEOF(t, a[0]), PYL_NAME(t, __round__));
    if (meth == NULL) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "type %T doesn't define __round__ method",
                              a[0]);
    }
    PylObject *callargs[2] = {a[0], a[1]};
    pyl_incref(meth);
    PylObject *r = pyl_call(t, meth, callargs, a[1] && a[1] != PYL_NONE ? 2 : 1, NULL);
    pyl_decref(t, meth);
    return r;
}

static PylObject *builtin_sorted(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    /* the keywords go to list.sort, whose messages they get */
    static const char *const names[] = {"key", "reverse", NULL};
    static const PylArgSpec spec = {"sort", names, 0, 0};
    PylObject *a[3];
    if (nargs != 1) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "sorted expected 1 argument, got %zd",
                              (ssize_t)nargs);
    }
    a[0] = args[0];
    if (pyl_parse_args(t, &spec, args + 1, 0, kwnames, a + 1) < 0) {
        return NULL;
    }
    PylObject *list = pyl_sequence_list(t, a[0]);
    if (list == NULL) {
        return NULL;
    }
    int rev = 0;
    if (a[2] != NULL && (rev = pyl_is_true(t, a[2])) < 0) {
        pyl_decref(t, list);
        return NULL;
    }
    if (pyl_list_sort(t, list, a[1] == PYL_NONE ? NULL : a[1], rev) < 0) {
        pyl_decref(t, list);
        return NULL;
    }
    return list;
}

static PylObject *builtin_sum(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    static const char *const names[] = {"", "start", NULL};
    static const PylArgSpec spec = {"sum", names, 1, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    PylObject *acc = a[1] ? a[1] : PYL_SMALLINT(0);
    if (PYL_IS_STR(acc)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (PYL_IS_BYTES(acc)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if (PYL_IS_BYTEARRAY(acc)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    PylObject *it = pyl_iter(t, a[0]);
    if (it == NULL) {
        return NULL;
    }
    pyl_incref(acc);
    /* fast paths: small ints, then floats, accumulated in C */
    PylObject *x = NULL;
    if (PYL_IS_SMALLINT(acc)) {
        intptr_t s = PYL_SMALLINT_VALUE(acc);
        while ((x = pyl_iter_next(t, it)) != NULL) {
            if (PYL_IS_SMALLINT(x)) {
                intptr_t v = PYL_SMALLINT_VALUE(x), r;
                if (!__builtin_add_overflow(s, v, &r) && PYL_FITS_SMALLINT(r)) {
                    s = r;
                    continue;
                }
            }
            break;
        }
        acc = PYL_SMALLINT(s);
    }
    if (x != NULL && PYL_IS_FLOAT_EXACT(x) && (PYL_IS_SMALLINT(acc) || PYL_IS_FLOAT_EXACT(acc))) {
        double d = PYL_IS_SMALLINT(acc) ? (double)PYL_SMALLINT_VALUE(acc) : PYL_FLOAT_VALUE(acc);
        pyl_decref(t, acc);
        acc = NULL;
        do {
            if (PYL_IS_FLOAT_EXACT(x)) {
                d += PYL_FLOAT_VALUE(x);
            } else if (PYL_IS_SMALLINT(x)) {
                d += (double)PYL_SMALLINT_VALUE(x);
            } else {
                break;
            }
            pyl_decref(t, x);
        } while ((x = pyl_iter_next(t, it)) != NULL);
        acc = pyl_float_new(t, d);
        if (acc == NULL) {
            pyl_xdecref(t, x);
            pyl_decref(t, it);
            return NULL;
        }
    }
    /* general case */
    while (x != NULL || (x = pyl_iter_next(t, it)) != NULL) {
        PylObject *r = pyl_binop(t, acc, x, PYL_NB_ADD);
        pyl_decref(t, x);
        x = NULL;
        pyl_decref(t, acc);
        acc = r;
        if (acc == NULL) {
            pyl_decref(t, it);
            return NULL;
        }
    }
    pyl_decref(t, it);
    if (pyl_err_occurred(t)) {
        pyl_decref(t, acc);
        return NULL;
    }
    return acc;
}

/* ---- namespaces --------------------------------------------------------------------------- */

/* The locals of the running Python frame as a dict (new reference). */
static PylObject *frame_locals(PylThread *t)
{
    PylFrame *f = t->frame;
    if (f == NULL) {
        return pyl_dict_new(t);
    }
    if (f->locals != NULL) {
        return pyl_incref(f->locals);
    }
    PylObject *d = pyl_dict_new(t);
    if (d == NULL) {
        return NULL;
    }
    PylCode *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        PylObject *v = f->localsplus[i];
        if (v != NULL && (co->localspluskinds[i] & (PYL_LOCAL_CELL | PYL_LOCAL_FREE))) {
            v = ((PylCell *)v)->ref;
        }
        if (v != NULL && pyl_dict_set(t, d, PYL_TUPLE_ITEM(co->localsplusnames, i), v) < 0) {
            pyl_decref(t, d);
            return NULL;
        }
    }
    return d;
}

static PylObject *builtin_globals(PylThread *t, PylObject *self)
{
    if (t->frame == NULL) {
        return pyl_dict_new(t);
    }
    return pyl_incref(t->frame->globals);
}

static PylObject *builtin_locals(PylThread *t, PylObject *self)
{
    return frame_locals(t);
}

static PylObject *builtin_vars(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs)
{
    if (pyl_check_nargs(t, "vars", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return frame_locals(t);
    }
    PylObject *d = pyl_getattr_opt(t, args[0], PYL_NAME(t, __dict__));
    if (d == NULL && !pyl_err_occurred(t)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "vars() argument must have __dict__ attribute");
    }
    return d;
}

static PylObject *builtin_dir(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "dir", nargs, 0, 1) < 0) {
        return NULL;
    }
    PylObject *names;
    if (nargs == 0) {
        PylObject *d = frame_locals(t);
        if (d == NULL) {
            return NULL;
        }
        names = pyl_dict_keys_list(t, d);
        pyl_decref(t, d);
    } else {
        PylObject *meth = pyl_type_lookup(t, PYL_TYPEOF(t, args[0]), PYL_NAME(t, __dir__));
        if (meth == NULL) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "object does not provide __dir__");
        }
        pyl_incref(meth);
        PylObject *r = pyl_call1(t, meth, args[0]);
        pyl_decref(t, meth);
        if (r == NULL) {
            return NULL;
        }
        names = pyl_sequence_list(t, r);
        pyl_decref(t, r);
    }
    if (names != NULL && pyl_list_sort(t, names, NULL, false) < 0) {
        pyl_decref(t, names);
        return NULL;
    }
    return names;
}

/* The source of exec/eval/compile as UTF-8, or a code object (*code). */
static int source_arg(PylThread *t, PylObject *src, const char *fname, const char **text,
                      intptr_t *len, PylObject **code)
{
    *code = NULL;
    if (PYL_IS_KIND(src, CODE)) {
        *code = src;
        return 0;
    }
    if (PYL_IS_STR(src)) {
        *text = PYL_STR_DATA(src);
        *len = PYL_STR_NBYTES(src);
    } else if (PYL_IS_BYTES(src) || PYL_IS_BYTEARRAY(src)) {
        if (pyl_bytes_view(t, src, text, len) < 0) {
            return -1;
        }
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "%s() arg 1 must be a string, bytes or code object", fname);
        return -1;
    }
    if ((intptr_t)strlen(*text) != *len) {
        pyl_err_format(t, PYL_EXC(t, ValueError), "source code string cannot contain null bytes");
        return -1;
    }
    return 0;
}

static PylObject *exec_or_eval(PylThread *t, PylObject *const *args, intptr_t nargs,
                               PylObject *kwnames, bool is_eval)
{
    static const char *const names[] = {"", "globals", "locals", NULL};
    static const PylArgSpec exec_spec = {"exec", names, 1, 3};
    static const PylArgSpec eval_spec = {"eval", names, 1, 3};
    PylObject *a[3];
    if (pyl_parse_args(t, is_eval ? &eval_spec : &exec_spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *fname = is_eval ? "eval" : "exec";
    PylObject *globals = a[1] && a[1] != PYL_NONE ? a[1] : NULL;
    PylObject *locals = a[2] && a[2] != PYL_NONE ? a[2] : NULL;
    /* CPython's checks, in its order: a mapping is anything with __getitem__ */
    bool locals_ok = locals == NULL || PYL_TYPEOF(t, locals)->getitem != NULL;
    if (is_eval && !locals_ok) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "locals must be a mapping");
    }
    if (globals != NULL && !PYL_IS_DICT(globals)) {
        if (!is_eval) {
            return pyl_err_format(t, PYL_EXC(t, TypeError), "exec() globals must be a dict, not %T",
                                  globals);
        }
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              PYL_TYPEOF(t, globals)->getitem != NULL
                                  ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                  : "globals must be a dict");
    }
    if (!locals_ok) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "locals must be a mapping or None, not %T",
                              locals);
    }
    PylObject *owned_locals = NULL;
    if (globals == NULL) {
        if (t->frame == NULL) {
            return pyl_err_format(t, PYL_EXC(t, SystemError), "%s(): no current frame", fname);
        }
        globals = t->frame->globals;
        if (locals == NULL) {
            locals = owned_locals = frame_locals(t);
            if (locals == NULL) {
                return NULL;
            }
        }
    } else if (locals == NULL) {
        locals = globals;
    }
    const char *text;
    intptr_t len;
    PylObject *code;
    PylObject *r = NULL;
    if (source_arg(t, a[0], fname, &text, &len, &code) == 0) {
        if (code == NULL) {
            /* eval ignores leading whitespace */
            if (is_eval) {
                while (len > 0 && (*text == ' ' || *text == '\t')) {
                    text++;
                    len--;
                }
            }
            code = pyl_compile_ex(t, text, (size_t)len, "<string>",
                                  is_eval ? PYL_PARSE_EVAL : PYL_PARSE_FILE,
                                  PYL_IS_STR(a[0]) ? PYL_PARSE_STRING_INPUT : 0, NULL);
        } else {
            pyl_incref(code);
        }
        if (code != NULL) {
            r = pyl_eval_code(t, code, globals, locals);
            pyl_decref(t, code);
            if (r != NULL && !is_eval) {
                pyl_decref(t, r);
                r = PYL_NONE;
            }
        }
    }
    pyl_xdecref(t, owned_locals);
    return r;
}

static PylObject *builtin_exec(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    return exec_or_eval(t, args, nargs, kwnames, false);
}

static PylObject *builtin_eval(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs, PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "eval", kwnames) < 0) {
        return NULL;
    }
    return exec_or_eval(t, args, nargs, kwnames, true);
}

static PylObject *builtin_compile(PylThread *t, PylObject *self, PylObject *const *args,
                                  intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"source",       "filename", "mode", "flags",
                                        "dont_inherit", "optimize", NULL};
    static const PylArgSpec spec = {"compile", names, 3, 6};
    PylObject *a[6];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *text;
    intptr_t len;
    PylObject *code;
    if (source_arg(t, a[0], "compile", &text, &len, &code) < 0) {
        return NULL;
    }
    if (code != NULL) {
        return pyl_incref(code);
    }
    if (!PYL_IS_STR(a[1]) || !PYL_IS_STR(a[2])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "compile() expected str filename and mode");
    }
    const char *mode = PYL_STR_DATA(a[2]);
    PylParseMode pm;
    if (strcmp(mode, "exec") == 0) {
        pm = PYL_PARSE_FILE;
    } else if (strcmp(mode, "eval") == 0) {
        pm = PYL_PARSE_EVAL;
    } else if (strcmp(mode, "single") == 0) {
        pm = PYL_PARSE_SINGLE;
    } else {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "compile() mode must be 'exec', 'eval' or 'single'");
    }
    return pyl_compile_ex(t, text, (size_t)len, PYL_STR_DATA(a[1]), pm,
                          PYL_IS_STR(a[0]) ? PYL_PARSE_STRING_INPUT : 0, NULL);
}

static PylObject *builtin_import(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    static const PylArgSpec spec = {"__import__", names, 1, 5};
    PylObject *a[5];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(a[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "module name must be a string");
    }
    intptr_t level = 0;
    if (a[4] != NULL && pyl_index_as_ssize(t, a[4], &level) < 0) {
        return NULL;
    }
    return pyl_import_name(t, a[0], a[1] && a[1] != PYL_NONE ? a[1] : NULL, a[3] ? a[3] : PYL_NONE,
                           (int)level);
}

static const PylMethodDef builtin_functions[] = {
    PYL_METHOD_O("abs", builtin_abs),
    PYL_METHOD_O("all", builtin_all),
    PYL_METHOD_O("any", builtin_any),
    PYL_METHOD_O("ascii", builtin_ascii),
    PYL_METHOD_O("bin", builtin_bin),
    PYL_METHOD_O("callable", builtin_callable),
    PYL_METHOD_O("chr", builtin_chr),
    PYL_METHOD_KW("compile", builtin_compile),
    PYL_METHOD_FAST("delattr", builtin_delattr),
    PYL_METHOD_FAST("dir", builtin_dir),
    PYL_METHOD_FAST("divmod", builtin_divmod),
    PYL_METHOD_KW("eval", builtin_eval),
    PYL_METHOD_KW("exec", builtin_exec),
    PYL_METHOD_KW("exit", builtin_exit),
    PYL_METHOD_FAST("format", builtin_format),
    PYL_METHOD_FAST("getattr", builtin_getattr),
    PYL_METHOD_NOARGS("globals", builtin_globals),
    PYL_METHOD_FAST("hasattr", builtin_hasattr),
    PYL_METHOD_O("hash", builtin_hash),
    PYL_METHOD_O("hex", builtin_hex),
    PYL_METHOD_O("id", builtin_id),
    PYL_METHOD_FAST("input", builtin_input),
    PYL_METHOD_FAST("isinstance", builtin_isinstance),
    PYL_METHOD_FAST("issubclass", builtin_issubclass),
    PYL_METHOD_FAST("iter", builtin_iter),
    PYL_METHOD_O("len", builtin_len),
    PYL_METHOD_NOARGS("locals", builtin_locals),
    PYL_METHOD_KW("max", builtin_max),
    PYL_METHOD_KW("min", builtin_min),
    PYL_METHOD_FAST("next", builtin_next),
    PYL_METHOD_O("oct", builtin_oct),
    PYL_METHOD_KW("open", builtin_open),
    PYL_METHOD_O("ord", builtin_ord),
    PYL_METHOD_KW("pow", builtin_pow),
    PYL_METHOD_KW("print", builtin_print),
    PYL_METHOD_KW("quit", builtin_quit),
    PYL_METHOD_O("repr", builtin_repr),
    PYL_METHOD_KW("round", builtin_round),
    PYL_METHOD_FAST("setattr", builtin_setattr),
    PYL_METHOD_KW("sorted", builtin_sorted),
    PYL_METHOD_KW("sum", builtin_sum),
    PYL_METHOD_FAST("vars", builtin_vars),
    PYL_METHOD_KW("__import__", builtin_import),
    PYL_METHOD_END,
};

static const struct {
    const char *name;
    int kind;
} builtin_types[] = {
    {"object", PYL_K_OBJECT},
    {"type", PYL_K_TYPE},
    {"int", PYL_K_INT},
    {"bool", PYL_K_BOOL},
    {"float", PYL_K_FLOAT},
    {"str", PYL_K_STR},
    {"bytes", PYL_K_BYTES},
    {"bytearray", PYL_K_BYTEARRAY},
    {"list", PYL_K_LIST},
    {"tuple", PYL_K_TUPLE},
    {"dict", PYL_K_DICT},
    {"set", PYL_K_SET},
    {"frozenset", PYL_K_FROZENSET},
    {"range", PYL_K_RANGE},
    {"slice", PYL_K_SLICE},
    {"enumerate", PYL_K_ENUMERATE},
    {"zip", PYL_K_ZIP},
    {"map", PYL_K_MAP},
    {"filter", PYL_K_FILTER},
    {"reversed", PYL_K_REVERSED},
    {"property", PYL_K_PROPERTY},
    {"staticmethod", PYL_K_STATICMETHOD},
    {"classmethod", PYL_K_CLASSMETHOD},
    {"complex", PYL_K_COMPLEX},
};

int pyl_builtins_init(PylThread *t);
int pyl_builtins_init(PylThread *t)
{
    static const PylModuleDef def = {"builtins", builtin_functions, NULL,
                                     "Built-in functions, exceptions, and other objects."};
    PylObject *m = pyl_module_from_def(t, &def);
    if (m == NULL) {
        return -1;
    }
    PylVM *vm = t->vm;
    vm->builtins_module = m;
    vm->builtins = pyl_incref(PYL_MODULE_DICT(m));
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++) {
        if (pyl_module_add(t, m, builtin_types[i].name,
                           pyl_incref((PylObject *)vm->types[builtin_types[i].kind])) < 0) {
            return -1;
        }
    }
    for (int k = PYL_K_EXC_BaseException; k < PYL_K_COUNT; k++) {
        if (pyl_module_add(t, m, vm->types[k]->name, pyl_incref((PylObject *)vm->types[k])) < 0) {
            return -1;
        }
    }
    extern const PylMethodDef pyl_build_class_def;
    if (pyl_module_add(t, m, "__build_class__",
                       pyl_cfunction_new(t, &pyl_build_class_def, m, PYL_NAME(t, builtins))) < 0 ||
        pyl_module_add(t, m, "super", pyl_incref((PylObject *)PYL_TYPE(t, SUPER))) < 0) {
        return -1;
    }
    PylObject *oserror = (PylObject *)PYL_EXC(t, OSError);
    if (pyl_module_add(t, m, "EnvironmentError", pyl_incref(oserror)) < 0 ||
        pyl_module_add(t, m, "IOError", pyl_incref(oserror)) < 0 ||
        pyl_module_add(t, m, "Ellipsis", PYL_ELLIPSIS) < 0 ||
        pyl_module_add(t, m, "NotImplemented", PYL_NOTIMPLEMENTED) < 0 ||
        pyl_module_add(t, m, "__debug__", PYL_TRUE) < 0 ||
        pyl_module_add(t, m, "None", PYL_NONE) < 0 || pyl_module_add(t, m, "True", PYL_TRUE) < 0 ||
        pyl_module_add(t, m, "False", PYL_FALSE) < 0) {
        return -1;
    }
    return pyl_dict_set(t, vm->modules, PYL_NAME(t, builtins), m);
}
