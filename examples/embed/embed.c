/* embed.c — a program that embeds pyl through vm/pyl.h alone: it makes a VM whose
 * sys.stdout / sys.stderr go to C hooks, gives the Python code a function written
 * in C, loads app.py as a module, calls its functions with positional and keyword
 * arguments, prints the results, and prints the traceback of a call that fails.
 *
 *     make embed-example          (builds build/examples/embed and runs it)
 *     build/examples/embed examples/embed/app.py
 *
 * Build it like any C program: cc embed.c libpyl.a -lgmp -lm -lpthread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/pyl.h"

/* sys.stdout and sys.stderr of the VM: each line prefixed with where it came
 * from (a server would send them to its log). */
typedef struct Output {
    int at_line_start;
} Output;

static void write_lines(Output *o, const char *tag, const char *data, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (o->at_line_start) {
            printf("[%s] ", tag);
        }
        putchar(data[i]);
        o->at_line_start = data[i] == '\n';
    }
}

static void write_out(void *ctx, const char *data, size_t n)
{
    write_lines(ctx, "python stdout", data, n);
}

static void write_err(void *ctx, const char *data, size_t n)
{
    write_lines(ctx, "python stderr", data, n);
}

/* host_log(message): a native function. Arguments are borrowed; the result is
 * a new reference (or NULL with an exception set). */
static PylObject *host_log(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                           PylObject *kwnames)
{
    if (nargs != 1 || kwnames != NULL) {
        return pyl_api_raise(vm, "TypeError", "host_log() takes exactly one argument");
    }
    const char *text = pyl_api_str_as_utf8(vm, args[0], NULL);
    if (text == NULL) {
        return NULL; /* TypeError is pending: it propagates into the Python caller */
    }
    printf("[%s] %s\n", (const char *)data, text);
    return pyl_api_none(vm);
}

/* Print "call = repr(result)", or the traceback when the call failed (result
 * NULL). result is a new reference from a call: show releases it. */
static void show(PylVM *vm, const char *call, PylObject *result)
{
    if (result == NULL) {
        char *tb = pyl_api_err_traceback(vm);
        printf("%s failed:\n%s", call, tb ? tb : "(no traceback)\n");
        free(tb);
        pyl_api_err_clear(vm);
        return;
    }
    PylObject *r = pyl_api_repr(vm, result);
    printf("%s = %s\n", call, r ? pyl_api_str_as_utf8(vm, r, NULL) : "?");
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, result);
}

int main(int argc, char **argv)
{
    const char *app_path = argc > 1 ? argv[1] : "examples/embed/app.py";
    Output out = {1};
    PylConfig cfg;
    pyl_config_init(&cfg);
    cfg.write_out = write_out;
    cfg.write_err = write_err;
    cfg.ctx = &out;
    cfg.write_bytecode = 0;     /* leave no __pycache__ beside app.py */
    cfg.heap_limit = 256 << 20; /* MemoryError past 256 MB */
    PylVM *vm = pyl_vm_new(&cfg);
    if (vm == NULL) {
        fprintf(stderr, "embed: cannot create the interpreter\n");
        return 1;
    }

    /* Load the application: a module named "app" in sys.modules. */
    PylObject *app = pyl_api_import_file(vm, app_path, "app");
    if (app == NULL) {
        show(vm, "import app", NULL);
        pyl_vm_free(vm);
        return 1;
    }
    /* Give it host_log before calling it (module attributes are its globals). */
    PylObject *log = pyl_api_function_new(vm, "host_log", host_log, "host");
    pyl_api_setattr_str(vm, app, "host_log", log);
    pyl_api_decref(vm, log);

    /* greet('world', '?', times=2) */
    PylObject *greet = pyl_api_getattr_str(vm, app, "greet");
    PylObject *args[2] = {pyl_api_str_from_cstr(vm, "world"), pyl_api_str_from_cstr(vm, "?")};
    PylObject *kwargs = pyl_api_dict_new(vm);
    PylObject *two = pyl_api_int_from_i64(vm, 2);
    pyl_api_dict_set_str(vm, kwargs, "times", two);
    show(vm, "greet('world', '?', times=2)", pyl_api_call(vm, greet, args, 2, kwargs));

    /* total([1, 2, 3], scale=10) */
    PylObject *total = pyl_api_getattr_str(vm, app, "total");
    PylObject *list = pyl_api_list_new(vm);
    for (int i = 1; i <= 3; i++) {
        PylObject *n = pyl_api_int_from_i64(vm, i);
        pyl_api_list_append(vm, list, n);
        pyl_api_decref(vm, n);
    }
    PylObject *ten = pyl_api_int_from_i64(vm, 10);
    PylObject *kw_scale = pyl_api_dict_new(vm);
    pyl_api_dict_set_str(vm, kw_scale, "scale", ten);
    show(vm, "total([1, 2, 3], scale=10)", pyl_api_call(vm, total, &list, 1, kw_scale));

    /* Errors: calling something that is not callable, an exception in Python code */
    show(vm, "None()", pyl_api_call(vm, pyl_api_none(vm), NULL, 0, NULL));
    PylObject *parse = pyl_api_getattr_str(vm, app, "parse");
    PylObject *text = pyl_api_str_from_cstr(vm, "forty-two");
    show(vm, "parse('forty-two')", pyl_api_call(vm, parse, &text, 1, NULL));

    /* Every reference we own goes back before the VM does. */
    PylObject *owned[] = {app,   greet, args[0], args[1],  kwargs, two,
                          total, list,  ten,     kw_scale, parse,  text};
    for (size_t i = 0; i < sizeof owned / sizeof *owned; i++) {
        pyl_api_decref(vm, owned[i]);
    }
    pyl_vm_free(vm);
    return 0;
}
