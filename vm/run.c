/* run.c — running programs as __main__ and turning their end (return, uncaught
 * exception, SystemExit) into an exit status. Implements the running part of
 * pyl.h (vm/embed.c the rest). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compile.h"
#include "vm/core.h"
#include "vm/eval.h"
#include "vm/fileio.h"
#include "vm/pyl.h"
#include "vm/import.h"
#include "vm/modules/sys.h"
#include "vm/run.h"

int pyl_set_argv(PylVM *vm, int argc, char **argv)
{
    PylThread *t = pyl_vm_thread(vm);
    PylObject *list = vm->argv;
    for (int i = 0; i < argc; i++) {
        PylObject *s =
            pyl_str_decode_utf8(t, argv[i], (intptr_t)strlen(argv[i]), "surrogateescape");
        if (s == NULL || pyl_list_append(t, list, s) < 0) {
            pyl_xdecref(t, s);
            return -1;
        }
        pyl_decref(t, s);
    }
    return 0;
}

static int path_insert(PylVM *vm, intptr_t where, const char *dir)
{
    PylThread *t = pyl_vm_thread(vm);
    PylObject *s = pyl_str_decode_utf8(t, dir, (intptr_t)strlen(dir), "surrogateescape");
    if (s == NULL) {
        return -1;
    }
    int r = pyl_list_insert(t, vm->path, where, s);
    pyl_decref(t, s);
    return r;
}

int pyl_path_prepend(PylVM *vm, const char *dir)
{
    return path_insert(vm, 0, dir);
}

int pyl_path_append(PylVM *vm, const char *dir)
{
    return path_insert(vm, PYL_LIST_SIZE(vm->path), dir);
}

int pyl_ended_by_interrupt(PylVM *vm)
{
    return vm->ended_by_interrupt;
}

void pyl_set_write_bytecode(PylVM *vm, int on)
{
    PylThread *t = pyl_vm_thread(vm);
    pyl_dict_set(t, PYL_MODULE_DICT(vm->sys), PYL_NAME(t, dont_write_bytecode),
                 on ? PYL_FALSE : PYL_TRUE);
}

void pyl_import_stats(PylVM *vm, long *compiled, long *cache_loads, long *cache_writes)
{
    *compiled = vm->import_stats[0];
    *cache_loads = vm->import_stats[1];
    *cache_writes = vm->import_stats[2];
}

static void write_stderr(PylThread *t, const char *s)
{
    pyl_sys_write_stderr(t, s, (intptr_t)strlen(s));
}

/* Report an uncaught exception through sys.excepthook (the traceback printer,
 * unless the program replaced it). */
static void print_uncaught(PylThread *t, PylObject *exc)
{
    PylObject *sysd = PYL_MODULE_DICT(t->vm->sys);
    PylObject *hook = pyl_dict_get_str(t, sysd, PYL_NAME(t, excepthook));
    PylObject *orig = pyl_dict_get_cstr(t, sysd, "__excepthook__");
    if (hook == NULL || hook == orig) {
        if (hook == NULL) {
            write_stderr(t, "sys.excepthook is missing\n");
        }
        pyl_err_print(t, exc);
        return;
    }
    PylObject *tb = ((PylBaseException *)exc)->traceback;
    PylObject *args[3] = {(PylObject *)PYL_TYPEOF(t, exc), exc, tb ? tb : PYL_NONE};
    pyl_incref(hook);
    PylObject *r = pyl_call(t, hook, args, 3, NULL);
    pyl_decref(t, hook);
    if (r != NULL) {
        pyl_decref(t, r);
        return;
    }
    PylObject *hook_exc = pyl_err_fetch(t);
    write_stderr(t, "Error in sys.excepthook:\n");
    pyl_err_print(t, hook_exc);
    pyl_decref(t, hook_exc);
    write_stderr(t, "\nOriginal exception was:\n");
    pyl_err_print(t, exc);
}

/* The exit status for a pending exception: SystemExit's code, or 1 after
 * printing the traceback. Clears the exception. */
int pyl_exit_status(PylThread *t)
{
    PylObject *exc = pyl_err_fetch(t);
    if (exc == NULL) {
        return 0;
    }
    int status = 1;
    if (pyl_type_is_subtype(PYL_TYPEOF(t, exc), PYL_EXC(t, SystemExit))) {
        PylObject *code = pyl_exception_get_attr(t, exc, "code");
        if (code == PYL_NONE) {
            status = 0;
        } else if (PYL_IS_INT(code)) {
            int64_t v;
            if (pyl_int_as_i64(t, code, &v) < 0) {
                pyl_err_clear(t);
                v = -1;
            }
            status = (int)(v & 0xFF);
        } else {
            PylObject *s = pyl_str(t, code);
            if (s != NULL) {
                PylObject *nl = pyl_str_from_cstr(t, "\n");
                PylObject *line = nl ? pyl_str_concat(t, s, nl) : NULL;
                if (line != NULL) {
                    pyl_sys_write_stderr(t, PYL_STR_DATA(line), PYL_STR_NBYTES(line));
                }
                pyl_xdecref(t, line);
                pyl_xdecref(t, nl);
                pyl_decref(t, s);
            }
            pyl_err_clear(t);
            status = 1;
        }
    } else {
        print_uncaught(t, exc);
        if (pyl_type_is_subtype(PYL_TYPEOF(t, exc), PYL_EXC(t, KeyboardInterrupt))) {
            t->vm->ended_by_interrupt = true;
            status = 130; /* 128 + SIGINT, what a shell reports */
        }
    }
    pyl_decref(t, exc);
    return status;
}

static PylObject *main_module(PylThread *t, const char *filename)
{
    PylVM *vm = t->vm;
    if (vm->main_module == NULL) {
        PylObject *m = pyl_module_new(t, PYL_NAME(t, __main__));
        if (m == NULL) {
            return NULL;
        }
        if (pyl_dict_set(t, PYL_MODULE_DICT(m), PYL_NAME(t, __builtins__), vm->builtins_module) <
                0 ||
            pyl_dict_set(t, vm->modules, PYL_NAME(t, __main__), m) < 0) {
            pyl_decref(t, m);
            return NULL;
        }
        vm->main_module = m;
    }
    if (filename != NULL && filename[0] != '<') {
        PylObject *fn = pyl_str_from_cstr(t, filename);
        if (fn == NULL ||
            pyl_dict_set(t, PYL_MODULE_DICT(vm->main_module), PYL_NAME(t, __file__), fn) < 0) {
            pyl_xdecref(t, fn);
            return NULL;
        }
        pyl_decref(t, fn);
    }
    return vm->main_module;
}

int pyl_run_string(PylVM *vm, const char *src, size_t len, const char *filename)
{
    PylThread *t = pyl_vm_thread(vm);
    PylObject *m = main_module(t, filename);
    if (m == NULL) {
        return pyl_exit_status(t);
    }
    PylObject *code = pyl_compile(t, src, len, filename, PYL_PARSE_FILE, NULL);
    if (code == NULL) {
        return pyl_exit_status(t);
    }
    PylObject *d = PYL_MODULE_DICT(m);
    PylObject *r = pyl_eval_code(t, code, d, d);
    pyl_decref(t, code);
    if (r == NULL) {
        return pyl_exit_status(t);
    }
    pyl_decref(t, r);
    return 0;
}

/* Read a whole file; NULL with errno set on failure. */
char *pyl_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        size_t r = fread(buf + n, 1, cap - n, fp);
        n += r;
        if (n < cap) {
            break;
        }
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (nb == NULL) {
            free(buf);
            buf = NULL;
            errno = ENOMEM;
        }
        buf = nb;
    }
    int err = ferror(fp) ? errno : 0;
    fclose(fp);
    if (buf == NULL || err != 0) {
        free(buf);
        errno = err ? err : ENOMEM;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int pyl_run_file(PylVM *vm, const char *path)
{
    size_t len;
    char *src = pyl_read_file(path, &len);
    if (src == NULL) {
        int err = errno;
        char buf[4400], why[256];
        if (strerror_r(err, why, sizeof why) != 0) {
            snprintf(why, sizeof why, "Unknown error %d", err);
        }
        int n =
            snprintf(buf, sizeof buf, "pyl: can't open file '%s': [Errno %d] %s\n", path, err, why);
        pyl_sys_write_stderr(pyl_vm_thread(vm), buf, n < (int)sizeof buf ? n : (int)sizeof buf - 1);
        return 2;
    }
    int r = pyl_run_string(vm, src, len, path);
    free(src);
    return r;
}

int pyl_run_module(PylVM *vm, const char *name, int argc, char **argv)
{
    PylThread *t = pyl_vm_thread(vm);
    PylObject *modname = pyl_str_from_cstr(t, name);
    PylObject *package = NULL;
    char *path = modname ? pyl_import_locate_main(t, modname, &package) : NULL;
    pyl_xdecref(t, modname);
    if (path == NULL) {
        PylObject *exc = pyl_err_fetch(t);
        PylObject *missing =
            exc && pyl_type_is_subtype(PYL_TYPEOF(t, exc), PYL_EXC(t, ModuleNotFoundError))
                ? pyl_exception_get_attr(t, exc, "name")
                : NULL;
        /* runpy's wording: the name without quotes */
        PylObject *msg = missing && PYL_IS_STR(missing)
                             ? pyl_str_format_c(t, "No module named %U", missing)
                         : exc ? pyl_str(t, exc)
                               : NULL;
        fprintf(stderr, "pyl: %s\n", msg ? PYL_STR_DATA(msg) : "cannot find the module to run");
        pyl_xdecref(t, msg);
        pyl_xdecref(t, exc);
        pyl_err_clear(t);
        return 1;
    }
    /* like CPython: sys.argv[0] is the file's full path */
    int r = pyl_set_argv(vm, 1, &path) < 0 || pyl_set_argv(vm, argc, argv) < 0 ? -1 : 0;
    PylObject *m = r == 0 ? main_module(t, path) : NULL;
    if (m == NULL || pyl_dict_set(t, PYL_MODULE_DICT(m), PYL_NAME(t, __package__), package) < 0) {
        pyl_xdecref(t, package);
        free(path);
        return pyl_exit_status(t);
    }
    pyl_decref(t, package);
    r = pyl_run_file(vm, path);
    free(path);
    return r;
}

int pyl_flush_std(PylVM *vm)
{
    PylThread *t = pyl_vm_thread(vm);
    int status = 0;
    static const char *const names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PylObject *f = vm->sys ? pyl_dict_get_cstr(t, PYL_MODULE_DICT(vm->sys), names[i]) : NULL;
        if (f == NULL || f == PYL_NONE) {
            continue;
        }
        pyl_incref(f);
        PylObject *r = pyl_call_method(t, f, PYL_NAME(t, flush), NULL, 0);
        pyl_decref(t, f);
        if (r == NULL) {
            pyl_err_write_unraisable(
                t, i == 0 ? "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"
                          : "<stderr>");
            status = 120;
        } else {
            pyl_decref(t, r);
        }
    }
    return status;
}

char *pyl_find_lib_dir(const char *dir)
{
    static const char *const up[] = {"/../lib/pyl", "/../lib", "/../../lib"};
    for (size_t i = 0; i < sizeof up / sizeof *up; i++) {
        char candidate[4200], marker[4300];
        snprintf(candidate, sizeof candidate, "%s%s", dir, up[i]);
        char *real = realpath(candidate, NULL);
        if (real == NULL) {
            continue;
        }
        snprintf(marker, sizeof marker, "%s/pyl_lib.txt", real);
        if (access(marker, R_OK) == 0) {
            return real;
        }
        free(real);
    }
    return NULL;
}
