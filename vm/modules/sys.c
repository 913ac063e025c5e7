/* sys.c — the sys module: the interpreter's view of itself (argv, path,
 * modules, standard streams, recursion limit, exception state). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vm/core.h"
#include "vm/fileio.h"
#include "vm/frame.h"

PYL_INTERNAL PylObject *pyl_sys_get(PylThread *t, PylObject *name);
PYL_INTERNAL int pyl_sys_write_stderr(PylThread *t, const char *s, intptr_t n);
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

int pyl_sys_write_stderr(PylThread *t, const char *s, intptr_t n)
{
    PylObject *pending = pyl_err_fetch(t);
    PylObject *err = t->vm->sys
                         ? pyl_dict_get_str(t, PYL_MODULE_DICT(t->vm->sys), PYL_NAME(t, stderr))
                         : NULL;
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
        if (write(2, s, (size_t)n) < 0) {
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
        return NULL;
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
    return pyl_int_from_ssize(t, arg->refcnt + 1);
}

static PylObject *sys_intern(PylThread *t, PylObject *self, PylObject *arg)
{
    if (!PYL_IS_STR_EXACT(arg)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "intern() argument must be str, not %T",
                              arg);
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
    PYL_INTERNAL PylObject *pyl_frame_object_new(PylThread *t, PylFrame *f, PylObject *back);
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

static const PylMethodDef sys_methods[] = {
    PYL_METHOD_FAST("exit", sys_exit),
    PYL_METHOD_NOARGS("getrecursionlimit", sys_getrecursionlimit),
    PYL_METHOD_O("setrecursionlimit", sys_setrecursionlimit),
    PYL_METHOD_NOARGS("exc_info", sys_exc_info),
    PYL_METHOD_NOARGS("exception", sys_exception),
    PYL_METHOD_O("getrefcount", sys_getrefcount),
    PYL_METHOD_O("intern", sys_intern),
    PYL_METHOD_NOARGS("getdefaultencoding", sys_getdefaultencoding),
    PYL_METHOD_FAST("_getframe", sys_getframe),
    PYL_METHOD_END,
};

const PylModuleDef pyl_module_sys = {"sys", sys_methods, NULL, "System-specific parameters."};

static int add_stream(PylThread *t, PylObject *m, const char *name, const char *dunder, int fd,
                      const char *mode)
{
    bool line = isatty(fd) || fd == 2;
    PylObject *f = pyl_file_from_fd(t, fd, name, mode, false, line);
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
    PylObject *vinfo = pyl_tuple_pack(t, 5, PYL_SMALLINT(3), PYL_SMALLINT(11), PYL_SMALLINT(0),
                                      PYL_NONE, PYL_SMALLINT(0));
    if (vinfo != NULL) {
        PylObject *final = pyl_str_from_cstr(t, "final");
        if (final == NULL) {
            PYL_CLEAR(t, vinfo);
        } else {
            pyl_setref(t, &PYL_TUPLE_ITEMS(vinfo)[3], final);
        }
    }
    PylObject *impl = pyl_module_new(t, PYL_NAME(t, name));
    if (impl != NULL &&
        (pyl_module_add(t, impl, "name", pyl_str_from_cstr(t, "pyl")) < 0 ||
         pyl_module_add(t, impl, "cache_tag", pyl_str_from_cstr(t, "pyl-01")) < 0 ||
         pyl_module_add(t, impl, "version", vinfo ? pyl_incref(vinfo) : NULL) < 0)) {
        PYL_CLEAR(t, impl);
    }
    if (add_stream(t, m, "stdin", "__stdin__", 0, "r") < 0 ||
        add_stream(t, m, "stdout", "__stdout__", 1, "w") < 0 ||
        add_stream(t, m, "stderr", "__stderr__", 2, "w") < 0 ||
        pyl_module_add(t, m, "argv", pyl_incref(vm->argv)) < 0 ||
        pyl_module_add(t, m, "path", pyl_incref(vm->path)) < 0 ||
        pyl_module_add(t, m, "modules", pyl_incref(vm->modules)) < 0 ||
        pyl_module_add(t, m, "version",
                       pyl_str_from_cstr(t, "3.11.0 (pyl 0.1.0) [GCC " __VERSION__ "]")) < 0 ||
        pyl_module_add(t, m, "version_info", vinfo) < 0 ||
        pyl_module_add(t, m, "hexversion", pyl_int_from_ssize(t, 0x030B00F0)) < 0 ||
        pyl_module_add(t, m, "implementation", impl) < 0 ||
        pyl_module_add(t, m, "platform", pyl_str_from_cstr(t, "linux")) < 0 ||
        pyl_module_add(t, m, "byteorder", pyl_str_from_cstr(t, "little")) < 0 ||
        pyl_module_add(t, m, "maxsize", pyl_int_from_ssize(t, INTPTR_MAX)) < 0 ||
        pyl_module_add(t, m, "maxunicode", pyl_int_from_ssize(t, 0x10FFFF)) < 0 ||
        pyl_module_add(t, m, "executable", pyl_str_from_cstr(t, exe)) < 0 ||
        pyl_module_add(t, m, "builtin_module_names", pyl_tuple_new(t, 0)) < 0) {
        return -1;
    }
    return pyl_dict_set(t, vm->modules, ((PylModule *)m)->name, m);
}
