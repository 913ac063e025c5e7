/* embed.c — the object half of the embedding API (vm/pyl.h): making VMs from a
 * PylConfig, values, calls, imports, exceptions, and the functions and classes
 * an embedder defines in C. Most functions are thin wrappers over the internal
 * ones that take a thread: each finds the VM's thread with pyl_vm_thread, which
 * also keeps the C stack bound right when the embedder drives the VM from
 * another OS thread than last time.
 *
 * Native functions and classes are types made at run time, per VM, from the
 * const templates below (not in types.def: the runtime never needs them). They
 * are not heap types: like the builtin types they live until the VM dies, kept in
 * the VM's PylEmbed, and pyl_embed_fini frees them after every object is gone.
 *
 *     NativeFunction: | ob | fn | data | name | owner |   owner: the native class a
 *                                                        method belongs to, or NULL
 *     NativeObject:   | ob | data |                     an instance of a native class
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/core.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/gil.h"
#include "vm/pyl.h"
#include "vm/import.h"

PYL_INTERNAL PylObject *pyl_import_get_code(PylThread *t, const char *path, PylObject *filename);
PYL_INTERNAL PylObject *pyl_import_name(PylThread *t, PylObject *name, PylObject *globals,
                                        PylObject *fromlist, int level);
PYL_INTERNAL void pyl_embed_fini(PylThread *t);

/* A native class: the type, then what its slots call. */
typedef struct NativeType {
    PylType type; /* first: a NativeType * is a PylType * */
    void (*destroy)(void *data);
    PylNativeFn iter, iternext, call;
    char *name; /* owned copy of the spec's name (PylType.name points here) */
    struct NativeType *next;
} NativeType;

typedef struct NativeFunction {
    PylObject ob;
    PylNativeFn fn;
    void *data;
    PylObject *name;   /* str */
    NativeType *owner; /* borrowed (lives as long as the VM) */
} NativeFunction;

typedef struct NativeObject {
    PylObject ob;
    void *data;
} NativeObject;

/* The VM's share of this file (vm->embed). */
typedef struct PylEmbed {
    PylType *function_type; /* of NativeFunction, made on first use */
    NativeType *types;      /* every native class of the VM */
} PylEmbed;

#define T(vm) pyl_vm_thread(vm)

/* ---- creating and destroying VMs ----------------------------------------------------- */

void pyl_config_init(PylConfig *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->write_bytecode = 1;
}

PylVM *pyl_vm_new(const PylConfig *cfg)
{
    PylConfig defaults;
    if (cfg == NULL) {
        pyl_config_init(&defaults);
        cfg = &defaults;
    }
    PylVM *vm = pyl_vm_create_config(cfg);
    if (vm == NULL) {
        return NULL;
    }
    int r = 0;
    for (size_t i = 0; cfg->path != NULL && cfg->path[i] != NULL && r == 0; i++) {
        r = pyl_path_append(vm, cfg->path[i]);
    }
    if (r == 0 && cfg->lib_dir != NULL) {
        r = pyl_path_append(vm, cfg->lib_dir);
    }
    pyl_set_write_bytecode(vm, cfg->write_bytecode);
    /* The limit applies from here on: start-up must not meet a MemoryError (it
     * has no way to report one), so a limit it already passes is refused. */
    if (r < 0 || (cfg->heap_limit != 0 && vm->heap_bytes > cfg->heap_limit)) {
        pyl_vm_free(vm);
        return NULL;
    }
    vm->heap_limit = cfg->heap_limit;
    return vm;
}

void pyl_vm_free(PylVM *vm)
{
    if (vm != NULL) {
        pyl_vm_thread(vm); /* teardown may run Python code (__del__, finally blocks) */
        pyl_vm_destroy(vm);
    }
}

int pyl_vm_interrupt(PylVM *vm, const char *exc_name)
{
    int i = exc_name != NULL ? pyl_interrupt_index(exc_name) : -1;
    if (i < 0) {
        return -1;
    }
    /* the exception index first, then the bit that makes the eval loop look */
    PylThread *t = vm->main_thread;
    atomic_fetch_and_explicit(&t->eval_breaker, ~(uint32_t)PYL_EB_EXC_MASK, memory_order_relaxed);
    atomic_fetch_or_explicit(&t->eval_breaker,
                             ((uint32_t)i << PYL_EB_EXC_SHIFT) | (uint32_t)PYL_EB_INTERRUPT,
                             memory_order_release);
    pyl_park_wake_if_parked(t); /* cut short a pyl_sleep_until (time.sleep) */
    return 0;
}

void pyl_vm_release(PylVM *vm)
{
    PylThread *t = vm->main_thread;
    if (t->gil != NULL && !t->released) {
        pyl_gil_drop(t);
        t->released = true;
    }
}

void pyl_vm_acquire(PylVM *vm)
{
    pyl_vm_thread(vm);
}

void pyl_vm_interrupt_clear(PylVM *vm)
{
    atomic_fetch_and_explicit(&vm->main_thread->eval_breaker,
                              ~(uint32_t)(PYL_EB_INTERRUPT | PYL_EB_EXC_MASK),
                              memory_order_release);
}

size_t pyl_vm_heap_bytes(PylVM *vm)
{
    return vm->heap_bytes;
}

/* ---- modules, attributes, calls ------------------------------------------------------- */

PylObject *pyl_api_import_file(PylVM *vm, const char *path, const char *module_name)
{
    PylThread *t = T(vm);
    PylObject *name = pyl_str_from_cstr(t, module_name);
    PylObject *file = name ? pyl_str_from_cstr(t, path) : NULL;
    PylObject *mod = file ? pyl_module_new(t, name) : NULL;
    const char *dot = strrchr(module_name, '.');
    PylObject *package = mod ? pyl_str_new(t, module_name, dot ? dot - module_name : 0) : NULL;
    PylObject *result = NULL;
    if (package == NULL) {
        goto done;
    }
    PylObject *d = PYL_MODULE_DICT(mod);
    if (pyl_dict_set(t, d, PYL_NAME(t, __file__), file) < 0 ||
        pyl_dict_set(t, d, PYL_NAME(t, __package__), package) < 0 ||
        pyl_dict_set(t, d, PYL_NAME(t, __builtins__), vm->builtins_module) < 0) {
        goto done;
    }
    PylObject *code = pyl_import_get_code(t, path, file);
    if (code == NULL || pyl_dict_set(t, vm->modules, name, mod) < 0) {
        pyl_xdecref(t, code);
        goto done;
    }
    PylObject *res = NULL;
    if (pyl_set_add(t, vm->importing, name) == 0) {
        res = pyl_eval_code(t, code, d, d);
        pyl_set_discard(t, vm->importing, name);
    }
    pyl_decref(t, code);
    if (res == NULL) {
        PylObject *exc = pyl_err_fetch(t);
        PylObject *gone = pyl_dict_pop(t, vm->modules, name);
        pyl_xdecref(t, gone);
        pyl_err_restore(t, exc);
        goto done;
    }
    pyl_decref(t, res);
    /* the module may have replaced itself in sys.modules */
    result = pyl_dict_get(t, vm->modules, name);
    if (result == NULL) {
        if (!pyl_err_occurred(t)) {
            pyl_err_format(t, PYL_EXC(t, ImportError), "Loaded module %R not found in sys.modules",
                           name);
        }
    } else {
        pyl_incref(result);
    }
done:
    pyl_xdecref(t, package);
    pyl_xdecref(t, mod);
    pyl_xdecref(t, file);
    pyl_xdecref(t, name);
    return result;
}

PylObject *pyl_api_import(PylVM *vm, const char *name)
{
    PylThread *t = T(vm);
    PylObject *s = pyl_str_from_cstr(t, name);
    PylObject *top = s ? pyl_import_name(t, s, NULL, NULL, 0) : NULL;
    PylObject *m = NULL;
    if (top != NULL) {
        m = pyl_dict_get(t, vm->modules, s);
        if (m != NULL) {
            pyl_incref(m);
        } else if (!pyl_err_occurred(t)) {
            m = pyl_incref(top); /* removed from sys.modules by its own code */
        }
    }
    pyl_xdecref(t, top);
    pyl_xdecref(t, s);
    return m;
}

PylObject *pyl_api_getattr_str(PylVM *vm, PylObject *o, const char *name)
{
    return pyl_getattr_cstr(T(vm), o, name);
}

int pyl_api_setattr_str(PylVM *vm, PylObject *o, const char *name, PylObject *value)
{
    PylThread *t = T(vm);
    PylObject *k = pyl_str_intern_cstr(t, name);
    int r = k ? pyl_setattr(t, o, k, value) : -1;
    pyl_xdecref(t, k);
    return r;
}

PylObject *pyl_api_getitem(PylVM *vm, PylObject *o, PylObject *key)
{
    return pyl_getitem(T(vm), o, key);
}

PylObject *pyl_api_call(PylVM *vm, PylObject *callable, PylObject *const *args, size_t nargs,
                        PylObject *kwargs)
{
    PylThread *t = T(vm);
    if (kwargs == NULL) {
        return pyl_call(t, callable, args, (intptr_t)nargs, NULL);
    }
    if (!PYL_IS_DICT(kwargs)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "argument after ** must be a mapping, not %T", kwargs);
    }
    PylObject *tuple = pyl_tuple_from_array(t, args, (intptr_t)nargs);
    if (tuple == NULL) {
        return NULL;
    }
    PylObject *r = pyl_call_tuple_dict(t, callable, tuple, kwargs);
    pyl_decref(t, tuple);
    return r;
}

PylObject *pyl_api_call_method(PylVM *vm, PylObject *o, const char *name, PylObject *const *args,
                               size_t nargs, PylObject *kwargs)
{
    PylObject *m = pyl_api_getattr_str(vm, o, name);
    if (m == NULL) {
        return NULL;
    }
    PylObject *r = pyl_api_call(vm, m, args, nargs, kwargs);
    pyl_decref(T(vm), m);
    return r;
}

PylObject *pyl_api_iter(PylVM *vm, PylObject *o)
{
    return pyl_iter(T(vm), o);
}

int pyl_api_iter_next(PylVM *vm, PylObject *it, PylObject **item)
{
    PylThread *t = T(vm);
    *item = pyl_iter_next(t, it);
    return *item != NULL ? 1 : pyl_err_occurred(t) ? -1 : 0;
}

ptrdiff_t pyl_api_len(PylVM *vm, PylObject *o)
{
    return pyl_len(T(vm), o);
}

int pyl_api_is_true(PylVM *vm, PylObject *o)
{
    return pyl_is_true(T(vm), o);
}

PylObject *pyl_api_str(PylVM *vm, PylObject *o)
{
    return pyl_str(T(vm), o);
}

PylObject *pyl_api_repr(PylVM *vm, PylObject *o)
{
    return pyl_repr(T(vm), o);
}

/* ---- values ------------------------------------------------------------------------------ */

PylObject *pyl_api_incref(PylObject *o)
{
    return pyl_xincref(o);
}

void pyl_api_decref(PylVM *vm, PylObject *o)
{
    if (o != NULL && PYL_IS_PTR(o)) {
        pyl_decref(T(vm), o);
    }
}

PylObject *pyl_api_none(PylVM *vm)
{
    return PYL_NONE;
}

PylObject *pyl_api_true(PylVM *vm)
{
    return PYL_TRUE;
}

PylObject *pyl_api_false(PylVM *vm)
{
    return PYL_FALSE;
}

PylObject *pyl_api_bool_new(PylVM *vm, int v)
{
    return PYL_BOOL(v);
}

PylObject *pyl_api_int_from_i64(PylVM *vm, int64_t v)
{
    return pyl_int_from_i64(T(vm), v);
}

int pyl_api_int_as_i64(PylVM *vm, PylObject *o, int64_t *out)
{
    PylThread *t = T(vm);
    if (PYL_IS_BOOL(o)) {
        *out = o == PYL_TRUE;
        return 0;
    }
    if (!PYL_IS_INT(o)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object cannot be interpreted as an integer",
                       o);
        return -1;
    }
    return pyl_int_as_i64(t, o, out);
}

PylObject *pyl_api_str_from_utf8(PylVM *vm, const char *s, size_t len)
{
    return pyl_str_decode_utf8(T(vm), s, (intptr_t)len, "strict");
}

PylObject *pyl_api_str_from_cstr(PylVM *vm, const char *s)
{
    return pyl_api_str_from_utf8(vm, s, strlen(s));
}

PylObject *pyl_api_str_from_latin1(PylVM *vm, const char *s, size_t len)
{
    return pyl_str_from_latin1(T(vm), s, (intptr_t)len);
}

/* Does the str hold a lone surrogate (stored as ED A0..BF xx in its generalized
 * UTF-8)? */
static bool has_surrogates(PylObject *s)
{
    if (((PylStr *)s)->ascii) {
        return false;
    }
    const unsigned char *p = (const unsigned char *)PYL_STR_DATA(s);
    intptr_t n = PYL_STR_NBYTES(s);
    for (intptr_t i = 0; i + 1 < n; i++) {
        if (p[i] == 0xED && p[i + 1] >= 0xA0) {
            return true;
        }
    }
    return false;
}

const char *pyl_api_str_as_utf8(PylVM *vm, PylObject *o, size_t *len)
{
    PylThread *t = T(vm);
    if (!PYL_IS_STR(o)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "expected str, got %T", o);
        return NULL;
    }
    if (has_surrogates(o)) {
        /* let the codec raise CPython's UnicodeEncodeError */
        PylObject *b = pyl_str_encode(t, o, "utf-8", "strict");
        pyl_xdecref(t, b);
        if (!pyl_err_occurred(t)) {
            pyl_err_format(t, PYL_EXC(t, UnicodeError), "surrogates not allowed");
        }
        return NULL;
    }
    if (len != NULL) {
        *len = (size_t)PYL_STR_NBYTES(o);
    }
    return PYL_STR_DATA(o);
}

PylObject *pyl_api_str_encode(PylVM *vm, PylObject *o, const char *encoding, const char *errors)
{
    PylThread *t = T(vm);
    if (!PYL_IS_STR(o)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "expected str, got %T", o);
    }
    return pyl_str_encode(t, o, encoding, errors ? errors : "strict");
}

PylObject *pyl_api_bytes_new(PylVM *vm, const void *data, size_t len)
{
    return pyl_bytes_new(T(vm), data, (intptr_t)len);
}

int pyl_api_bytes_data(PylVM *vm, PylObject *o, const char **data, size_t *len)
{
    if (PYL_IS_BYTES(o)) {
        *data = PYL_BYTES_DATA(o);
        *len = (size_t)PYL_BYTES_SIZE(o);
        return 0;
    }
    if (PYL_IS_BYTEARRAY(o)) {
        *data = PYL_BYTEARRAY_DATA(o) ? PYL_BYTEARRAY_DATA(o) : "";
        *len = (size_t)PYL_BYTEARRAY_SIZE(o);
        return 0;
    }
    PylThread *t = T(vm);
    pyl_err_format(t, PYL_EXC(t, TypeError), "a bytes-like object is required, not '%T'", o);
    return -1;
}

static int expect(PylThread *t, bool ok, const char *what, PylObject *o)
{
    if (!ok) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "expected %s, got %T", what, o);
        return -1;
    }
    return 0;
}

PylObject *pyl_api_list_new(PylVM *vm)
{
    return pyl_list_new(T(vm), 0);
}

int pyl_api_list_append(PylVM *vm, PylObject *list, PylObject *item)
{
    PylThread *t = T(vm);
    return expect(t, PYL_IS_LIST(list), "list", list) < 0 ? -1 : pyl_list_append(t, list, item);
}

ptrdiff_t pyl_api_list_size(PylVM *vm, PylObject *list)
{
    return expect(T(vm), PYL_IS_LIST(list), "list", list) < 0 ? -1 : PYL_LIST_SIZE(list);
}

PylObject *pyl_api_list_get(PylVM *vm, PylObject *list, size_t i)
{
    PylThread *t = T(vm);
    if (expect(t, PYL_IS_LIST(list), "list", list) < 0) {
        return NULL;
    }
    if (i >= (size_t)PYL_LIST_SIZE(list)) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "list index out of range");
    }
    return pyl_incref(PYL_LIST_ITEM(list, i));
}

PylObject *pyl_api_tuple_new(PylVM *vm, PylObject *const *items, size_t n)
{
    return pyl_tuple_from_array(T(vm), items, (intptr_t)n);
}

ptrdiff_t pyl_api_tuple_size(PylVM *vm, PylObject *tuple)
{
    return expect(T(vm), PYL_IS_TUPLE(tuple), "tuple", tuple) < 0 ? -1 : PYL_TUPLE_SIZE(tuple);
}

PylObject *pyl_api_tuple_get(PylVM *vm, PylObject *tuple, size_t i)
{
    PylThread *t = T(vm);
    if (expect(t, PYL_IS_TUPLE(tuple), "tuple", tuple) < 0) {
        return NULL;
    }
    if (i >= (size_t)PYL_TUPLE_SIZE(tuple)) {
        return pyl_err_format(t, PYL_EXC(t, IndexError), "tuple index out of range");
    }
    return pyl_incref(PYL_TUPLE_ITEM(tuple, i));
}

PylObject *pyl_api_dict_new(PylVM *vm)
{
    return pyl_dict_new(T(vm));
}

int pyl_api_dict_set(PylVM *vm, PylObject *d, PylObject *key, PylObject *value)
{
    PylThread *t = T(vm);
    return expect(t, PYL_IS_DICT(d), "dict", d) < 0 ? -1 : pyl_dict_set(t, d, key, value);
}

int pyl_api_dict_set_str(PylVM *vm, PylObject *d, const char *key, PylObject *value)
{
    PylThread *t = T(vm);
    if (expect(t, PYL_IS_DICT(d), "dict", d) < 0) {
        return -1;
    }
    PylObject *k = pyl_api_str_from_cstr(vm, key);
    int r = k ? pyl_dict_set(t, d, k, value) : -1;
    pyl_xdecref(t, k);
    return r;
}

PylObject *pyl_api_dict_get(PylVM *vm, PylObject *d, PylObject *key)
{
    PylThread *t = T(vm);
    if (expect(t, PYL_IS_DICT(d), "dict", d) < 0) {
        return NULL;
    }
    PylObject *v = pyl_dict_get(t, d, key);
    if (v == NULL) {
        if (!pyl_err_occurred(t)) {
            pyl_dict_key_error(t, key);
        }
        return NULL;
    }
    return pyl_incref(v);
}

PylObject *pyl_api_dict_get_str(PylVM *vm, PylObject *d, const char *key)
{
    PylObject *k = pyl_api_str_from_cstr(vm, key);
    if (k == NULL) {
        return NULL;
    }
    PylObject *v = pyl_api_dict_get(vm, d, k);
    pyl_decref(T(vm), k);
    return v;
}

ptrdiff_t pyl_api_dict_size(PylVM *vm, PylObject *d)
{
    return expect(T(vm), PYL_IS_DICT(d), "dict", d) < 0 ? -1 : pyl_len(T(vm), d);
}

int pyl_api_dict_next(PylVM *vm, PylObject *d, size_t *pos, PylObject **key, PylObject **value)
{
    if (!PYL_IS_DICT(d)) {
        return 0;
    }
    intptr_t p = (intptr_t)*pos;
    bool more = pyl_dict_next(d, &p, key, value);
    *pos = (size_t)p;
    return more;
}

int pyl_api_is_none(PylVM *vm, PylObject *o)
{
    return o == PYL_NONE;
}

int pyl_api_is_bool(PylVM *vm, PylObject *o)
{
    return PYL_IS_BOOL(o);
}

int pyl_api_is_int(PylVM *vm, PylObject *o)
{
    return PYL_IS_INT(o);
}

int pyl_api_is_str(PylVM *vm, PylObject *o)
{
    return PYL_IS_STR(o);
}

int pyl_api_is_bytes(PylVM *vm, PylObject *o)
{
    return PYL_IS_BYTES(o);
}

int pyl_api_is_bytearray(PylVM *vm, PylObject *o)
{
    return PYL_IS_BYTEARRAY(o);
}

int pyl_api_is_list(PylVM *vm, PylObject *o)
{
    return PYL_IS_LIST(o);
}

int pyl_api_is_tuple(PylVM *vm, PylObject *o)
{
    return PYL_IS_TUPLE(o);
}

int pyl_api_is_dict(PylVM *vm, PylObject *o)
{
    return PYL_IS_DICT(o);
}

int pyl_api_is_callable(PylVM *vm, PylObject *o)
{
    return pyl_callable(T(vm), o);
}

const char *pyl_api_type_name(PylVM *vm, PylObject *o)
{
    return pyl_type_name(T(vm), o);
}

/* ---- exceptions ------------------------------------------------------------------------- */

/* The builtin exception class called name (borrowed), or NULL. */
static PylType *exception_class(PylThread *t, const char *name)
{
    PylObject *c = pyl_dict_get_cstr(t, t->vm->builtins, name);
    if (c == NULL) {
        pyl_err_clear(t); /* a lookup error is a miss here */
        return NULL;
    }
    return PYL_IS_EXCEPTION_TYPE(c) ? (PylType *)c : NULL;
}

PylObject *pyl_api_raise(PylVM *vm, const char *exc_name, const char *fmt, ...)
{
    PylThread *t = T(vm);
    PylType *type = exception_class(t, exc_name);
    if (type == NULL) {
        return pyl_err_format(t, PYL_EXC(t, SystemError),
                              "pyl_api_raise: %s is not a builtin exception", exc_name);
    }
    if (fmt == NULL) {
        return pyl_err_set(t, type, NULL);
    }
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    char *msg = small;
    if (n >= (int)sizeof small) {
        msg = malloc((size_t)n + 1);
        if (msg == NULL) {
            return pyl_err_nomemory(t);
        }
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    pyl_err_format(t, type, "%s", n < 0 ? fmt : msg);
    if (msg != small) {
        free(msg);
    }
    return NULL;
}

int pyl_api_err_pending(PylVM *vm)
{
    return T(vm)->exc != NULL;
}

int pyl_api_err_matches(PylVM *vm, const char *exc_name)
{
    PylThread *t = T(vm);
    if (t->exc == NULL) {
        return 0;
    }
    PylObject *pending = pyl_err_fetch(t); /* the name lookup must not see it */
    PylType *type = exception_class(t, exc_name);
    pyl_err_restore(t, pending);
    return type != NULL && pyl_err_matches(t, type);
}

char *pyl_api_err_traceback(PylVM *vm)
{
    PylThread *t = T(vm);
    if (t->exc == NULL) {
        return NULL;
    }
    PylObject *exc = pyl_err_fetch(t);
    PylBuf b;
    pyl_buf_init(&b);
    PylBuf *outer = t->stderr_capture;
    t->stderr_capture = &b;
    pyl_err_print(t, exc); /* writes through pyl_sys_write_stderr, which fills b */
    t->stderr_capture = outer;
    pyl_err_clear(t);
    const char *text = b.len > 0 ? b.data : NULL;
    size_t n = text ? (size_t)b.len : 0;
    char fallback[128];
    if (text == NULL) {
        /* out of memory while formatting: at least the exception's type */
        n = (size_t)snprintf(fallback, sizeof fallback, "%s\n", pyl_type_name(t, exc));
        text = fallback;
    }
    char *s = malloc(n + 1);
    if (s != NULL) {
        memcpy(s, text, n);
        s[n] = '\0';
    }
    pyl_buf_free(t, &b);
    pyl_err_restore(t, exc);
    return s;
}

void pyl_api_err_clear(PylVM *vm)
{
    pyl_err_clear(T(vm));
}

PylObject *pyl_api_err_fetch(PylVM *vm)
{
    return pyl_err_fetch(T(vm));
}

void pyl_api_err_restore(PylVM *vm, PylObject *exc)
{
    PylThread *t = T(vm);
    if (exc != NULL) {
        pyl_err_restore(t, pyl_incref(exc));
    }
}

/* ---- native functions ------------------------------------------------------------------- */

static PylEmbed *embed_state(PylThread *t)
{
    PylVM *vm = t->vm;
    if (vm->embed == NULL) {
        vm->embed = pyl_mem_calloc(t, sizeof(PylEmbed));
    }
    return vm->embed;
}

static void clear_type(PylThread *t, PylType *type)
{
    PYL_CLEAR(t, type->dict);
    PYL_CLEAR(t, type->mro);
    PYL_CLEAR(t, type->bases);
    PYL_CLEAR(t, type->name_obj);
    PYL_CLEAR(t, type->qualname);
    PYL_CLEAR(t, type->subclasses);
}

/* A type made at run time from a template (size >= sizeof(PylType) bytes, the
 * rest zeroed), derived from object. NULL + exception. */
static PylType *make_type(PylThread *t, const PylType *tpl, size_t size, const char *name)
{
    PylType *type = pyl_mem_calloc(t, size);
    if (type == NULL) {
        return NULL;
    }
    *type = *tpl;
    type->ob.refcnt = 1; /* the VM's (PylEmbed's) reference */
    type->ob.type = PYL_TYPE(t, TYPE);
    type->name = name;
    type->kind = PYL_K_NONE;
    type->base = PYL_TYPE(t, OBJECT);
    if (pyl_type_ready(t, type) < 0) {
        clear_type(t, type);
        pyl_mem_free(t, type);
        return NULL;
    }
    return type;
}

/* Run a native function; turn a broken result into SystemError. */
static PylObject *run_native(PylThread *t, PylNativeFn fn, const char *name, void *data,
                             PylObject *const *args, intptr_t nargs, PylObject *kwnames,
                             bool null_ok)
{
    PylObject *r = fn(t->vm, data, args, (size_t)nargs, kwnames);
    if (r == NULL && !null_ok && !pyl_err_occurred(t)) {
        return pyl_err_format(t, PYL_EXC(t, SystemError),
                              "%s returned NULL without setting an exception", name);
    }
    if (r != NULL && pyl_err_occurred(t)) {
        pyl_decref(t, r);
        pyl_err_clear(t);
        return pyl_err_format(t, PYL_EXC(t, SystemError),
                              "%s returned a result with an exception set", name);
    }
    return r;
}

static bool is_native_instance(PylObject *o, NativeType *type);

static PylObject *function_call(PylThread *t, PylObject *self, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames)
{
    NativeFunction *f = (NativeFunction *)self;
    void *data = f->data;
    if (f->owner != NULL) {
        /* a method: args[0] must be an instance of its class */
        const char *cls = pyl_type_get_name(&f->owner->type);
        if (nargs < 1) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "descriptor '%U' of '%s' object needs an argument", f->name, cls);
        }
        if (!is_native_instance(args[0], f->owner)) {
            return pyl_err_format(t, PYL_EXC(t, TypeError),
                                  "descriptor '%U' for '%s' objects doesn't apply to a '%T' object",
                                  f->name, cls, args[0]);
        }
        data = ((NativeObject *)args[0])->data;
    }
    return run_native(t, f->fn, PYL_STR_DATA(f->name), data, args, nargs, kwnames, false);
}

static PylObject *function_descr_get(PylThread *t, PylObject *self, PylObject *obj, PylObject *type)
{
    if (((NativeFunction *)self)->owner == NULL || obj == NULL || obj == PYL_NONE) {
        return pyl_incref(self);
    }
    return pyl_method_new(t, self, obj);
}

static PylObject *function_repr(PylThread *t, PylObject *self)
{
    NativeFunction *f = (NativeFunction *)self;
    if (f->owner != NULL) {
        return pyl_str_format_c(t, "<method '%U' of '%s' objects>", f->name,
                                pyl_type_get_name(&f->owner->type));
    }
    return pyl_str_format_c(t, "<built-in function %U>", f->name);
}

static PylObject *function_get_name(PylThread *t, PylObject *self)
{
    return pyl_incref(((NativeFunction *)self)->name);
}

static PylObject *function_get_qualname(PylThread *t, PylObject *self)
{
    NativeFunction *f = (NativeFunction *)self;
    if (f->owner == NULL) {
        return pyl_incref(f->name);
    }
    return pyl_str_format_c(t, "%s.%U", pyl_type_get_name(&f->owner->type), f->name);
}

static void function_dealloc(PylThread *t, PylObject *self)
{
    pyl_xdecref(t, ((NativeFunction *)self)->name);
    pyl_obj_free(t, self);
}

static const PylGetSetDef function_getset[] = {
    {"__name__", function_get_name, NULL, NULL},
    {"__qualname__", function_get_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const PylType function_template = {
    .basicsize = sizeof(NativeFunction),
    .dealloc = function_dealloc,
    .repr = function_repr,
    .call = function_call,
    .descr_get = function_descr_get,
    .getset = function_getset,
};

static PylObject *function_new(PylThread *t, const char *name, PylNativeFn fn, void *data,
                               NativeType *owner)
{
    PylEmbed *e = embed_state(t);
    if (e == NULL) {
        return NULL;
    }
    if (e->function_type == NULL) {
        PylType *type =
            make_type(t, &function_template, sizeof(PylType), "builtin_function_or_method");
        if (type == NULL) {
            return NULL;
        }
        e->function_type = type;
    }
    NativeFunction *f =
        (NativeFunction *)pyl_obj_alloc(t, e->function_type, sizeof(NativeFunction));
    if (f == NULL) {
        return NULL;
    }
    f->fn = fn;
    f->data = data;
    f->owner = owner;
    f->name = pyl_str_from_cstr(t, name);
    if (f->name == NULL) {
        pyl_decref(t, (PylObject *)f);
        return NULL;
    }
    return (PylObject *)f;
}

PylObject *pyl_api_function_new(PylVM *vm, const char *name, PylNativeFn fn, void *data)
{
    return function_new(T(vm), name, fn, data, NULL);
}

/* ---- native classes ----------------------------------------------------------------------- */

static void native_dealloc(PylThread *t, PylObject *self)
{
    NativeType *type = (NativeType *)self->type;
    if (type->destroy != NULL) {
        type->destroy(((NativeObject *)self)->data);
    }
    pyl_obj_free(t, self);
}

static bool is_native_instance(PylObject *o, NativeType *type)
{
    return PYL_IS_PTR(o) && o->type->dealloc == native_dealloc &&
           (type == NULL || o->type == &type->type);
}

static PylObject *native_iter(PylThread *t, PylObject *self)
{
    NativeType *type = (NativeType *)self->type;
    if (type->iter == NULL) {
        return pyl_incref(self);
    }
    return run_native(t, type->iter, "__iter__", ((NativeObject *)self)->data, &self, 1, NULL,
                      false);
}

static PylObject *native_iternext(PylThread *t, PylObject *self)
{
    NativeType *type = (NativeType *)self->type;
    PylObject *r = run_native(t, type->iternext, "__next__", ((NativeObject *)self)->data, &self, 1,
                              NULL, true);
    if (r == NULL && pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
        pyl_err_clear(t);
    }
    return r;
}

static PylObject *native_call(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    NativeType *type = (NativeType *)self->type;
    intptr_t total = nargs + (kwnames ? PYL_TUPLE_SIZE(kwnames) : 0);
    PylObject *buf[8];
    PylObject **stack = buf;
    if (total + 1 > 8) {
        stack = pyl_mem_alloc(t, sizeof(PylObject *) * (size_t)(total + 1));
        if (stack == NULL) {
            return NULL;
        }
    }
    stack[0] = self;
    memcpy(stack + 1, args, sizeof(PylObject *) * (size_t)total);
    PylObject *r = run_native(t, type->call, "__call__", ((NativeObject *)self)->data, stack,
                              nargs + 1, kwnames, false);
    if (stack != buf) {
        pyl_mem_free(t, stack);
    }
    return r;
}

static const PylType native_template = {
    .basicsize = sizeof(NativeObject),
    .dealloc = native_dealloc,
};

PylObject *pyl_api_native_type_new(PylVM *vm, const PylNativeType *spec)
{
    PylThread *t = T(vm);
    PylEmbed *e = embed_state(t);
    char *name = e ? strdup(spec->name) : NULL;
    if (name == NULL) {
        return e ? pyl_err_nomemory(t) : NULL;
    }
    PylType tpl = native_template;
    tpl.iter = spec->iter || spec->iternext ? native_iter : NULL;
    tpl.iternext = spec->iternext ? native_iternext : NULL;
    tpl.call = spec->call ? native_call : NULL;
    NativeType *type = (NativeType *)make_type(t, &tpl, sizeof(NativeType), name);
    if (type == NULL) {
        free(name);
        return NULL;
    }
    type->destroy = spec->destroy;
    type->iter = spec->iter;
    type->iternext = spec->iternext;
    type->call = spec->call;
    type->name = name;
    type->next = e->types;
    e->types = type; /* from here on pyl_embed_fini frees it */
    for (const PylNativeMethod *m = spec->methods; m != NULL && m->name != NULL; m++) {
        PylObject *f = function_new(t, m->name, m->fn, NULL, type);
        int r = f ? pyl_dict_set_cstr(t, type->type.dict, m->name, f) : -1;
        pyl_xdecref(t, f);
        if (r < 0) {
            return NULL;
        }
    }
    pyl_type_modified(t, &type->type);
    return pyl_incref((PylObject *)type);
}

PylObject *pyl_api_native_new(PylVM *vm, PylObject *type, void *data)
{
    PylThread *t = T(vm);
    if (!PYL_IS_TYPE(type) || ((PylType *)type)->dealloc != native_dealloc) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "%R is not a native class", type);
    }
    NativeObject *o = (NativeObject *)pyl_obj_alloc(t, (PylType *)type, sizeof(NativeObject));
    if (o != NULL) {
        o->data = data;
    }
    return (PylObject *)o;
}

int pyl_api_native_check(PylVM *vm, PylObject *o, PylObject *type)
{
    return PYL_IS_TYPE(type) && ((PylType *)type)->dealloc == native_dealloc &&
           is_native_instance(o, (NativeType *)type);
}

void *pyl_api_native_get(PylVM *vm, PylObject *o)
{
    return is_native_instance(o, NULL) ? ((NativeObject *)o)->data : NULL;
}

void pyl_api_native_set(PylVM *vm, PylObject *o, void *data)
{
    if (is_native_instance(o, NULL)) {
        ((NativeObject *)o)->data = data;
    }
}

/* At VM teardown, once every object is gone: free the native classes, then the
 * native function type (the classes' dicts hold functions). */
void pyl_embed_fini(PylThread *t)
{
    PylEmbed *e = t->vm->embed;
    if (e == NULL) {
        return;
    }
    for (NativeType *nt = e->types; nt != NULL; nt = nt->next) {
        PYL_CLEAR(t, nt->type.dict);
    }
    while (e->types != NULL) {
        NativeType *nt = e->types;
        e->types = nt->next;
        clear_type(t, &nt->type);
        free(nt->name);
        pyl_mem_free(t, nt);
    }
    if (e->function_type != NULL) {
        clear_type(t, e->function_type);
        pyl_mem_free(t, e->function_type);
    }
    pyl_mem_free(t, e);
    t->vm->embed = NULL;
}
