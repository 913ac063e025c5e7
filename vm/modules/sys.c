/* sys.c — the sys module: the interpreter's view of itself (argv, path,
 * modules, standard streams, recursion limit, exception state). */
#include <float.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vm/core.h"
#include "vm/fileio.h"
#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/structseq.h"
#include "vm/modules/sys.h"

/* The Python version pyl implements, as sys.hexversion. */
#define PYL_HEXVERSION 0x030B00F0
/* The modulus of numeric hashes (2**61 - 1). */
#define PYL_HASH_MODULUS (((intptr_t)1 << 61) - 1)

PYL_INTERNAL int pyl_sys_init(PylThread *t);

/* sys.<name> (new reference); RuntimeError "lost sys.stdout" when missing. */
PylObject *pyl_sys_get(PylThread *t, PylObject *name)
{
    PylObject *sys = t->vm->sys;
    PylObject *v = sys ? pyl_dict_get_str(t, PYL_MODULE_DICT(sys), name) : NULL;
    if (v == NULL) {
        return pyl_err_format(t, PYL_EXC(t, RuntimeError), "lost sys.%U", name);
    }
    return pyl_incref(v);
}

/* Write text the VM itself reports (tracebacks, warnings) to sys.stderr; to the
 * embedder's hook, then fd 2, when sys.stderr is missing or fails; or into
 * t->stderr_capture while pyl_api_err_traceback collects a traceback. */
int pyl_sys_write_stderr(PylThread *t, const char *s, intptr_t n)
{
    PylObject *pending = pyl_err_fetch(t);
    if (t->stderr_capture != NULL) {
        if (pyl_buf_append(t, t->stderr_capture, s, n) < 0) {
            pyl_err_clear(t);
        }
        pyl_err_restore(t, pending);
        return 0;
    }
    PylObject *err =
        t->vm->sys ? pyl_dict_get_str(t, PYL_MODULE_DICT(t->vm->sys), PYL_NAME(t, stderr)) : NULL;
    int r = -1;
    if (err != NULL && PYL_IS_KIND(err, TEXTIO)) {
        pyl_incref(err);
        r = pyl_file_write_utf8(t, err, s, n);
        if (r == 0) {
            r = pyl_file_flush(t, err);
        }
        pyl_decref(t, err);
    } else if (err != NULL && err != PYL_NONE) {
        pyl_incref(err);
        PylObject *str = pyl_str_decode_utf8(t, s, n, "replace");
        PylObject *w = str ? pyl_call_method(t, err, PYL_NAME(t, write), &str, 1) : NULL;
        r = w ? 0 : -1;
        pyl_xdecref(t, w);
        pyl_xdecref(t, str);
        pyl_decref(t, err);
    }
    if (r < 0) {
        pyl_err_clear(t);
        if (t->vm->stderr_hook != NULL) {
            t->vm->stderr_hook(t->vm->hook_ctx, s, (size_t)n);
        } else if (write(2, s, (size_t)n) < 0) {
            /* nowhere left to report it */
        }
    }
    pyl_err_restore(t, pending);
    return 0;
}

static PylObject *sys_exit(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs)
{
    if (pyl_check_nargs(t, "exit", nargs, 0, 1) < 0) {
        return NULL;
    }
    return pyl_err_set(t, PYL_EXC(t, SystemExit), nargs ? args[0] : NULL);
}

static PylObject *sys_getrecursionlimit(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, t->vm->recursion_limit);
}

static PylObject *sys_setrecursionlimit(PylThread *t, PylObject *self, PylObject *arg)
{
    if (!PYL_IS_INT(arg)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "'%T' object cannot be interpreted as an integer", arg);
    }
    intptr_t n;
    if (pyl_int_as_ssize(t, arg, &n) < 0) {
        if (pyl_err_matches(t, PYL_EXC(t, OverflowError))) {
            pyl_err_clear(t);
            n = INTPTR_MAX;
        } else {
            return NULL;
        }
    }
    if (n < 1) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "recursion limit must be greater or equal than 1");
    }
    if (n > 0x7FFFFFFF) {
        return pyl_err_format(t, PYL_EXC(t, OverflowError),
                              "Python int too large to convert to C int");
    }
    if (n <= t->depth) {
        return pyl_err_format(t, PYL_EXC(t, RecursionError),
                              "cannot set the recursion limit to %zd at the recursion depth %d: "
                              "the limit is too low",
                              (ssize_t)n, t->depth);
    }
    t->vm->recursion_limit = (int)n;
    return PYL_NONE;
}

static PylObject *sys_exc_info(PylThread *t, PylObject *self)
{
    PylObject *e = t->exc_info;
    if (e == NULL || e == PYL_NONE) {
        return pyl_tuple_pack(t, 3, PYL_NONE, PYL_NONE, PYL_NONE);
    }
    PylObject *tb = ((PylBaseException *)e)->traceback;
    return pyl_tuple_pack(t, 3, (PylObject *)PYL_TYPEOF(t, e), e, tb ? tb : PYL_NONE);
}

static PylObject *sys_exception(PylThread *t, PylObject *self)
{
    PylObject *e = t->exc_info;
    return e ? pyl_incref(e) : PYL_NONE;
}

static PylObject *sys_getrefcount(PylThread *t, PylObject *self, PylObject *arg)
{
    if (!PYL_IS_PTR(arg)) {
        return pyl_int_from_ssize(t, 4294967295LL); /* immortal, as 3.12 reports */
    }
    /* the argument's own reference (the caller's stack slot) is already counted,
     * as CPython's is */
    return pyl_int_from_ssize(t, arg->refcnt);
}

static PylObject *sys_intern(PylThread *t, PylObject *self, PylObject *arg)
{
    if (!PYL_IS_STR_EXACT(arg)) {
        return pyl_bad_argument(t, "intern", NULL, "str", arg);
    }
    return pyl_str_intern(t, pyl_incref(arg));
}

static PylObject *sys_getdefaultencoding(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "utf-8");
}

static PylObject *sys_getframe(PylThread *t, PylObject *self, PylObject *const *args,
                               intptr_t nargs)
{
    PYL_INTERNAL PylObject *pyl_frame_object_new(PylThread * t, PylFrame * f, PylObject * back);
    intptr_t depth = 0;
    if (nargs > 0 && pyl_index_as_ssize(t, args[0], &depth) < 0) {
        return NULL;
    }
    PylFrame *f = t->frame;
    while (depth-- > 0 && f != NULL) {
        f = f->prev;
    }
    if (f == NULL) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "call stack is not deep enough");
    }
    return pyl_frame_object_new(t, f, NULL);
}

/* sys.getsizeof(obj[, default]): obj.__sizeof__() plus the GC header */
static PylObject *sys_getsizeof(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs)
{
    if (pyl_check_nargs(t, "getsizeof", nargs, 1, 2) < 0) {
        return NULL;
    }
    PylObject *size = pyl_call_method(t, args[0], PYL_NAME(t, __sizeof__), NULL, 0);
    if (size == NULL) {
        if (nargs == 2 && pyl_err_matches(t, PYL_EXC(t, TypeError))) {
            pyl_err_clear(t);
            return pyl_incref(args[1]);
        }
        return NULL;
    }
    intptr_t n;
    int r = pyl_index_as_ssize(t, size, &n);
    pyl_decref(t, size);
    if (r < 0) {
        return NULL;
    }
    if (n < 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "__sizeof__() should return >= 0");
    }
    if (PYL_IS_PTR(args[0]) && (PYL_TYPEOF(t, args[0])->flags & PYL_TF_GC)) {
        n += (intptr_t)sizeof(PylGCHead);
    }
    return pyl_int_from_ssize(t, n);
}

/* sys.displayhook(value): what the interactive prompt does with an expression's
 * value: print its repr and keep it as builtins._ */
static PylObject *sys_displayhook(PylThread *t, PylObject *self, PylObject *v)
{
    if (v == PYL_NONE) {
        return PYL_NONE;
    }
    if (pyl_dict_set_cstr(t, t->vm->builtins, "_", PYL_NONE) < 0) {
        return NULL;
    }
    PylObject *r = pyl_repr(t, v);
    PylObject *print = pyl_dict_get_cstr(t, t->vm->builtins, "print");
    PylObject *w = NULL;
    if (r != NULL && print == NULL) {
        pyl_err_format(t, PYL_EXC(t, RuntimeError), "lost builtins.print");
    } else if (r != NULL) {
        w = pyl_call(t, print, &r, 1, NULL);
    }
    pyl_xdecref(t, r);
    pyl_xdecref(t, w);
    if (w == NULL || pyl_dict_set_cstr(t, t->vm->builtins, "_", v) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

/* sys.excepthook(type, value, traceback): print the traceback to sys.stderr */
static PylObject *sys_excepthook(PylThread *t, PylObject *self, PylObject *const *args,
                                 intptr_t nargs)
{
    if (pyl_check_nargs(t, "excepthook", nargs, 3, 3) < 0) {
        return NULL;
    }
    if (!pyl_type_is_subtype(PYL_TYPEOF(t, args[1]), PYL_EXC(t, BaseException))) {
        PylObject *s = pyl_str_format_c(t,
                                        "TypeError: print_exception(): Exception expected for "
                                        "value, %T found\n",
                                        args[1]);
        if (s != NULL) {
            pyl_sys_write_stderr(t, PYL_STR_DATA(s), PYL_STR_NBYTES(s));
            pyl_decref(t, s);
        }
        return s ? PYL_NONE : NULL;
    }
    pyl_err_print(t, args[1]);
    return PYL_NONE;
}

static PylObject *sys_get_int_max_str_digits(PylThread *t, PylObject *self)
{
    return pyl_int_from_ssize(t, t->vm->int_max_str_digits);
}

static PylObject *sys_set_int_max_str_digits(PylThread *t, PylObject *self, PylObject *const *args,
                                             intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    static const PylArgSpec spec = {"set_int_max_str_digits", names, 1, 1};
    PylObject *a[1];
    intptr_t n;
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0 ||
        pyl_index_as_ssize(t, a[0], &n) < 0) {
        return NULL;
    }
    if (n != 0 && (n < PYL_INT_MAX_STR_DIGITS_THRESHOLD || n > INT_MAX)) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "maxdigits must be 0 or larger than %d",
                              PYL_INT_MAX_STR_DIGITS_THRESHOLD);
    }
    t->vm->int_max_str_digits = (int)n;
    return PYL_NONE;
}

static PylObject *sys_getfilesystemencodeerrors(PylThread *t, PylObject *self)
{
    return pyl_str_from_cstr(t, "surrogateescape");
}

/* sys.setswitchinterval / getswitchinterval: how long a thread runs before
 * another waiting for the GIL asks it to drop it (vm/gil.h). */
static PylObject *sys_setswitchinterval(PylThread *t, PylObject *self, PylObject *arg)
{
    double d;
    if (pyl_float_as_double(t, arg, &d) < 0) {
        return NULL;
    }
    if (!(d > 0.0)) {
        return pyl_err_format(t, PYL_EXC(t, ValueError),
                              "switch interval must be strictly positive");
    }
    double us = d * 1e6;
    pyl_gil_set_interval(t->vm, us < 1.0 ? 1 : us > 1e15 ? (long)1e15 : (long)us);
    return PYL_NONE;
}

static PylObject *sys_getswitchinterval(PylThread *t, PylObject *self)
{
    return pyl_float_new(t, 1e-6 * (double)t->vm->switch_interval_us);
}

static const PylMethodDef sys_methods[] = {
    PYL_METHOD_O("setswitchinterval", sys_setswitchinterval),
    PYL_METHOD_NOARGS("getswitchinterval", sys_getswitchinterval),
    PYL_METHOD_FAST("exit", sys_exit),
    PYL_METHOD_NOARGS("getrecursionlimit", sys_getrecursionlimit),
    PYL_METHOD_O("setrecursionlimit", sys_setrecursionlimit),
    PYL_METHOD_NOARGS("exc_info", sys_exc_info),
    PYL_METHOD_NOARGS("exception", sys_exception),
    PYL_METHOD_O("getrefcount", sys_getrefcount),
    PYL_METHOD_O("intern", sys_intern),
    PYL_METHOD_NOARGS("getdefaultencoding", sys_getdefaultencoding),
    PYL_METHOD_NOARGS("getfilesystemencoding", sys_getdefaultencoding),
    PYL_METHOD_NOARGS("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
    PYL_METHOD_FAST("getsizeof", sys_getsizeof),
    PYL_METHOD_NOARGS("get_int_max_str_digits", sys_get_int_max_str_digits),
    PYL_METHOD_KW("set_int_max_str_digits", sys_set_int_max_str_digits),
    PYL_METHOD_O("displayhook", sys_displayhook),
    PYL_METHOD_FAST("excepthook", sys_excepthook),
    PYL_METHOD_FAST("_getframe", sys_getframe),
    PYL_METHOD_END,
};

const PylModuleDef pyl_module_sys = {"sys", sys_methods, NULL, "System-specific parameters."};

static int add_stream(PylThread *t, PylObject *m, const char *name, const char *dunder, int fd,
                      const char *mode)
{
    PylVM *vm = t->vm;
    PylWriteHook hook = fd == 1 ? vm->stdout_hook : fd == 2 ? vm->stderr_hook : NULL;
    bool line = isatty(fd) || fd == 2;
    PylObject *f = hook ? pyl_file_from_hook(t, hook, vm->hook_ctx, name)
                        : pyl_file_from_fd(t, fd, name, mode, false, line);
    if (f == NULL) {
        return -1;
    }
    if (fd == 2) {
        pyl_setref(t, &((PylFile *)f)->errors, pyl_str_from_cstr(t, "backslashreplace"));
    }
    if (pyl_module_add(t, m, name + 0, pyl_incref(f)) < 0) {
        pyl_decref(t, f);
        return -1;
    }
    return pyl_module_add(t, m, dunder, f);
}

/* ---- the module's data ----------------------------------------------------------- */

static const char *const version_info_fields[] = {"major",        "minor",  "micro",
                                                  "releaselevel", "serial", NULL};
static const PylStructSeqDesc version_info_desc = {
    "sys.version_info", "Version information as a named tuple.", version_info_fields, false};

static const char *const flags_fields[] = {"debug",
                                           "inspect",
                                           "interactive",
                                           "optimize",
                                           "dont_write_bytecode",
                                           "no_user_site",
                                           "no_site",
                                           "ignore_environment",
                                           "verbose",
                                           "bytes_warning",
                                           "quiet",
                                           "hash_randomization",
                                           "isolated",
                                           "dev_mode",
                                           "utf8_mode",
                                           "warn_default_encoding",
                                           "safe_path",
                                           "int_max_str_digits",
                                           NULL};
static const PylStructSeqDesc flags_desc = {
    "sys.flags", "Flags provided through command line arguments or environment vars.", flags_fields,
    false};

static const char *const float_info_fields[] = {"max",     "max_exp",    "max_10_exp", "min",
                                                "min_exp", "min_10_exp", "dig",        "mant_dig",
                                                "epsilon", "radix",      "rounds",     NULL};
static const PylStructSeqDesc float_info_desc = {
    "sys.float_info", "A named tuple holding information about the float type.", float_info_fields,
    false};

static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold", NULL};
static const PylStructSeqDesc int_info_desc = {
    "sys.int_info",
    "A named tuple that holds information about Python's internal "
    "representation of integers.",
    int_info_fields, false};

static const char *const hash_info_fields[] = {"width",  "modulus",   "inf",       "nan",
                                               "imag",   "algorithm", "hash_bits", "seed_bits",
                                               "cutoff", NULL};
static const PylStructSeqDesc hash_info_desc = {
    "sys.hash_info", "A named tuple providing parameters used for computing hashes.",
    hash_info_fields, false};

/* A struct sequence instance from a printf-like list of values:
 * 'i' intptr_t, 'd' double, 's' const char *, 'b' bool (True/False). */
static PylObject *make_info(PylThread *t, const PylStructSeqDesc *desc, const char *kinds, ...)
{
    PylObject *type = pyl_structseq_type(t, desc);
    if (type == NULL) {
        return NULL;
    }
    PylObject *items[32];
    size_t n = strlen(kinds);
    va_list ap;
    va_start(ap, kinds);
    size_t made = 0;
    for (; made < n; made++) {
        switch (kinds[made]) {
        case 'i':
            items[made] = pyl_int_from_ssize(t, va_arg(ap, intptr_t));
            break;
        case 'd':
            items[made] = pyl_float_new(t, va_arg(ap, double));
            break;
        case 's':
            items[made] = pyl_str_from_cstr(t, va_arg(ap, const char *));
            break;
        default:
            items[made] = va_arg(ap, int) ? PYL_TRUE : PYL_FALSE;
            break;
        }
        if (items[made] == NULL) {
            break;
        }
    }
    va_end(ap);
    PylObject *r = made == n ? pyl_structseq_new(t, type, items, (intptr_t)n) : NULL;
    for (size_t i = 0; i < made; i++) {
        pyl_decref(t, items[i]);
    }
    pyl_decref(t, type);
    return r;
}

/* o.name = value (steals value) */
static int set_attr(PylThread *t, PylObject *o, const char *name, PylObject *value)
{
    PylObject *k = value ? pyl_str_intern_cstr(t, name) : NULL;
    int r = k ? pyl_setattr(t, o, k, value) : -1;
    pyl_xdecref(t, k);
    pyl_xdecref(t, value);
    return r;
}

/* sys.implementation: a SimpleNamespace */
static PylObject *make_implementation(PylThread *t, PylObject *version_info)
{
    PylObject *ns = pyl_call0(t, (PylObject *)PYL_TYPE(t, SIMPLENAMESPACE));
    if (ns == NULL || set_attr(t, ns, "name", pyl_str_from_cstr(t, "pyl")) < 0 ||
        set_attr(t, ns, "cache_tag", pyl_str_from_cstr(t, "pyl-01")) < 0 ||
        set_attr(t, ns, "version", pyl_incref(version_info)) < 0 ||
        set_attr(t, ns, "hexversion", pyl_int_from_ssize(t, PYL_HEXVERSION)) < 0 ||
        set_attr(t, ns, "_multiarch", pyl_str_from_cstr(t, "x86_64-linux-gnu")) < 0) {
        pyl_xdecref(t, ns);
        return NULL;
    }
    return ns;
}

/* the builtin module names, and the names of pyl's own library (lib/) */
static PylObject *builtin_module_names(PylThread *t)
{
    PylObject *l = pyl_list_new(t, 0);
    static const char *const names[] = {"builtins", "sys",
#define PYL_MODULE_ENTRY(name, def) #name,
#include "vm/modules/modules.def"
#undef PYL_MODULE_ENTRY
                                        NULL};
    for (int i = 0; l != NULL && names[i] != NULL; i++) {
        PylObject *s = pyl_str_from_cstr(t, names[i]);
        if (s == NULL || pyl_contains(t, l, s) > 0 ? false : pyl_list_append(t, l, s) < 0) {
            pyl_xdecref(t, s);
            PYL_CLEAR(t, l);
            break;
        }
        pyl_decref(t, s);
    }
    if (l == NULL || pyl_list_sort(t, l, NULL, false) < 0) {
        pyl_xdecref(t, l);
        return NULL;
    }
    PylObject *tup = pyl_sequence_tuple(t, l);
    pyl_decref(t, l);
    return tup;
}

int pyl_sys_init(PylThread *t)
{
    PylVM *vm = t->vm;
    PylObject *m = pyl_module_from_def(t, &pyl_module_sys);
    if (m == NULL) {
        return -1;
    }
    vm->sys = m;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    PylObject *vinfo = make_info(t, &version_info_desc, "iiisi", (intptr_t)3, (intptr_t)11,
                                 (intptr_t)0, "final", (intptr_t)0);
    PylObject *d = PYL_MODULE_DICT(m);
    PylObject *displayhook = pyl_dict_get_cstr(t, d, "displayhook");
    PylObject *excepthook = pyl_dict_get_cstr(t, d, "excepthook");
    if (vinfo == NULL || displayhook == NULL || excepthook == NULL ||
        add_stream(t, m, "stdin", "__stdin__", 0, "r") < 0 ||
        add_stream(t, m, "stdout", "__stdout__", 1, "w") < 0 ||
        add_stream(t, m, "stderr", "__stderr__", 2, "w") < 0 ||
        pyl_module_add(t, m, "__displayhook__", pyl_incref(displayhook)) < 0 ||
        pyl_module_add(t, m, "__excepthook__", pyl_incref(excepthook)) < 0 ||
        pyl_module_add(t, m, "argv", pyl_incref(vm->argv)) < 0 ||
        pyl_module_add(t, m, "orig_argv", pyl_incref(vm->argv)) < 0 ||
        pyl_module_add(t, m, "path", pyl_incref(vm->path)) < 0 ||
        pyl_module_add(t, m, "modules", pyl_incref(vm->modules)) < 0 ||
        pyl_module_add(t, m, "meta_path", pyl_list_new(t, 0)) < 0 ||
        pyl_module_add(t, m, "path_hooks", pyl_list_new(t, 0)) < 0 ||
        pyl_module_add(t, m, "path_importer_cache", pyl_dict_new(t)) < 0 ||
        pyl_module_add(t, m, "warnoptions", pyl_list_new(t, 0)) < 0 ||
        pyl_module_add(t, m, "dont_write_bytecode", PYL_FALSE) < 0 ||
        pyl_module_add(t, m, "version",
                       pyl_str_from_cstr(t, "3.11.0 (pyl 0.1.0) [GCC " __VERSION__ "]")) < 0 ||
        pyl_module_add(t, m, "version_info", pyl_incref(vinfo)) < 0 ||
        pyl_module_add(t, m, "hexversion", pyl_int_from_ssize(t, PYL_HEXVERSION)) < 0 ||
        pyl_module_add(t, m, "api_version", PYL_SMALLINT(1013)) < 0 ||
        pyl_module_add(t, m, "implementation", make_implementation(t, vinfo)) < 0 ||
        pyl_module_add(t, m, "flags",
                       make_info(t, &flags_desc, "iiiiiiiiiiiiibiiii", (intptr_t)0, (intptr_t)0,
                                 (intptr_t)0, (intptr_t)0, (intptr_t)0, (intptr_t)0, (intptr_t)0,
                                 (intptr_t)0, (intptr_t)0, (intptr_t)0, (intptr_t)0, (intptr_t)1,
                                 (intptr_t)0, 0, (intptr_t)0, (intptr_t)0, (intptr_t)0,
                                 (intptr_t)-1)) < 0 ||
        pyl_module_add(t, m, "float_info",
                       make_info(t, &float_info_desc, "diidiiiidii", DBL_MAX, (intptr_t)DBL_MAX_EXP,
                                 (intptr_t)DBL_MAX_10_EXP, DBL_MIN, (intptr_t)DBL_MIN_EXP,
                                 (intptr_t)DBL_MIN_10_EXP, (intptr_t)DBL_DIG,
                                 (intptr_t)DBL_MANT_DIG, DBL_EPSILON, (intptr_t)FLT_RADIX,
                                 (intptr_t)FLT_ROUNDS)) < 0 ||
        pyl_module_add(t, m, "int_info",
                       make_info(t, &int_info_desc, "iiii", (intptr_t)30, (intptr_t)4,
                                 (intptr_t)4300, (intptr_t)640)) < 0 ||
        pyl_module_add(t, m, "hash_info",
                       make_info(t, &hash_info_desc, "iiiiisiii", (intptr_t)64,
                                 (intptr_t)PYL_HASH_MODULUS, (intptr_t)314159, (intptr_t)0,
                                 (intptr_t)1000003, "siphash13", (intptr_t)64, (intptr_t)128,
                                 (intptr_t)0)) < 0 ||
        pyl_module_add(t, m, "float_repr_style", pyl_str_from_cstr(t, "short")) < 0 ||
        pyl_module_add(t, m, "platform", pyl_str_from_cstr(t, "linux")) < 0 ||
        pyl_module_add(t, m, "byteorder", pyl_str_from_cstr(t, "little")) < 0 ||
        pyl_module_add(t, m, "maxsize", pyl_int_from_ssize(t, INTPTR_MAX)) < 0 ||
        pyl_module_add(t, m, "maxunicode", pyl_int_from_ssize(t, 0x10FFFF)) < 0 ||
        pyl_module_add(t, m, "executable", pyl_str_from_cstr(t, exe)) < 0 ||
        pyl_module_add(t, m, "prefix", pyl_str_from_cstr(t, "/usr")) < 0 ||
        pyl_module_add(t, m, "base_prefix", pyl_str_from_cstr(t, "/usr")) < 0 ||
        pyl_module_add(t, m, "exec_prefix", pyl_str_from_cstr(t, "/usr")) < 0 ||
        pyl_module_add(t, m, "base_exec_prefix", pyl_str_from_cstr(t, "/usr")) < 0 ||
        pyl_module_add(t, m, "platlibdir", pyl_str_from_cstr(t, "lib")) < 0 ||
        pyl_module_add(t, m, "abiflags", pyl_str_from_cstr(t, "")) < 0 ||
        pyl_module_add(t, m, "copyright", pyl_str_from_cstr(t, "Copyright (c) the pyl authors.")) <
            0 ||
        pyl_module_add(t, m, "builtin_module_names", builtin_module_names(t)) < 0) {
        pyl_xdecref(t, vinfo);
        return -1;
    }
    pyl_decref(t, vinfo);
    return pyl_dict_set(t, vm->modules, ((PylModule *)m)->name, m);
}
