/* pyl.h — the public embedding API of the pyl runtime: the only pyl header an
 * embedder (mod_pyl, examples/embed/) includes. Self-contained: no other pyl
 * header, only <stddef.h> and <stdint.h>.
 *
 * ---- Names ------------------------------------------------------------------
 * Everything here starts with pyl_. Functions that make, run or configure a whole
 * interpreter are pyl_vm_* / pyl_run_* / pyl_config_init (and the older
 * pyl_set_argv, pyl_path_*, ...). Functions that take or return objects are
 * pyl_api_*: the plain pyl_<type>_<verb> names (pyl_call, pyl_list_new ...) belong
 * to the runtime's internal functions, which take a thread, not a VM.
 *
 * ---- Values -------------------------------------------------------------------
 * A value is a PylObject *. It may be a pointer to a heap object or a tagged
 * immediate (small ints, None, True, False are encoded in the pointer itself);
 * never dereference one, use the functions below. Every object belongs to exactly
 * one VM: never pass an object of one VM to another.
 *
 * ---- Ownership (every function follows these rules) --------------------------
 * 1. A function returning PylObject * returns a NEW reference: the caller owns it
 *    and must give it back with pyl_api_decref(vm, o) when done. NULL means an
 *    exception is pending in the VM (see "Errors").
 * 2. PylObject * arguments are BORROWED: the function takes its own reference if
 *    it keeps the object (containers do), the caller still owns its reference.
 *    No function of this API steals a reference.
 * 3. The exceptions: pyl_api_dict_next and the native-function arguments (args,
 *    kwnames) hand out BORROWED references, valid while the container / the
 *    call lives; pyl_api_str_as_utf8 and pyl_api_bytes_data return pointers into
 *    an object, valid while it lives and is not changed.
 * 4. pyl_api_decref(vm, NULL) and pyl_api_incref(NULL) do nothing, and both
 *    accept tagged values.
 *
 * ---- Errors -------------------------------------------------------------------
 * A function that fails returns NULL (pointer results) or -1 (int results) with
 * an exception pending in the VM; functions returning other types document their
 * failure value. Before calling into the VM again, either handle it (log it with
 * pyl_api_err_traceback, then pyl_api_err_clear) or return failure to the caller
 * that will (a native function returns NULL and the exception propagates into
 * the Python code that called it). Calling a function that runs Python code with
 * an exception already pending is an error of the embedder.
 *
 * ---- Threads ------------------------------------------------------------------
 * VMs are independent: N VMs in one process, each driven by its own OS thread,
 * run truly in parallel and share no mutable state (there is no process-wide
 * lock). One VM must only be used by one OS thread at a time (the embedder
 * serialises access, e.g. by lending each VM to one request at a time). A VM may
 * move between OS threads between calls: every entry point takes the C stack
 * bound of the calling thread (found once per OS thread), so nothing needs to be
 * called when a pool lends a VM to another worker thread.
 * Threads the Python code starts (threading.Thread) run only while no C call
 * into the VM holds it: see pyl_vm_release.
 */
#ifndef PYL_H
#define PYL_H

#include <stddef.h>
#include <stdint.h>

#ifndef PYL_API
#define PYL_API __attribute__((visibility("default")))
#endif

typedef struct PylVM PylVM;
typedef struct PylObject PylObject;

#define PYL_VERSION "0.1.0"
#define PYL_PYTHON_VERSION "3.11"

/* ============================================================================
 * Creating and destroying interpreters
 * ========================================================================== */

/* Where text written to sys.stdout / sys.stderr goes instead of file descriptors
 * 1 and 2. Called with UTF-8 data (not NUL-terminated) whenever the stream's
 * buffer is flushed: after a write that holds a newline, on flush(), when the
 * buffer is full, and when the VM is freed; so data may hold several lines or
 * part of one. The hook runs in the thread driving the VM and must not call
 * into the VM. */
typedef void (*PylWriteFn)(void *ctx, const char *data, size_t n);

typedef struct PylConfig {
    /* NULL-terminated list of directories put at the front of sys.path, in order,
     * or NULL. */
    const char *const *path;
    /* pyl's own Python library (the lib/ directory of the source tree or
     * PREFIX/lib/pyl), appended to sys.path; NULL = none. */
    const char *lib_dir;
    /* sys.getrecursionlimit(); 0 = the default (1000). */
    int recursion_limit;
    /* Most bytes the VM may allocate for its objects, start-up included (a VM
     * uses about 0.4 MB); past it allocations raise MemoryError and the VM
     * stays usable. 0 = no limit. */
    size_t heap_limit;
    /* sys.stdout / sys.stderr hooks (NULL = write to fd 1 / fd 2), and the ctx
     * both get. With a hook, the stream's fileno() raises io.UnsupportedOperation. */
    PylWriteFn write_out;
    PylWriteFn write_err;
    void *ctx;
    /* Whether imports write __pycache__/NAME.pylc files (default 1). */
    int write_bytecode;
} PylConfig;

/* Fill *cfg with the defaults (all fields zero / NULL, write_bytecode = 1). */
PYL_API void pyl_config_init(PylConfig *cfg);
/* A new interpreter configured by cfg (NULL = the defaults; cfg is not kept),
 * or NULL when out of memory or when start-up alone passes cfg->heap_limit. */
PYL_API PylVM *pyl_vm_new(const PylConfig *cfg);
/* Destroy vm and free everything it allocated, after flushing sys.stdout and
 * sys.stderr (and running threading's shutdown, finally blocks, __del__s).
 * Release every reference you hold first: an object only C still refers to is
 * not reachable from the VM. Afterwards every PylObject * of vm is invalid. Any
 * thread may call it (not while another uses vm). NULL is ignored. */
PYL_API void pyl_vm_free(PylVM *vm);
/* Bytes the VM's objects use now (what heap_limit is compared with). */
PYL_API size_t pyl_vm_heap_bytes(PylVM *vm);

/* Asynchronous interrupt: make the Python code running in vm (on the thread
 * that drives it through this API, not threads it started itself) raise the
 * builtin exception exc_name at its next eval-breaker check: a backward jump or
 * a function entry, so an endless loop stops within microseconds. Callable from
 * ANY OS thread, also while another thread runs vm: it only sets an atomic flag
 * and touches no object (the caller makes sure vm is not freed meanwhile). Only
 * these names: "TimeoutError", "KeyboardInterrupt", "SystemExit", "MemoryError",
 * "RuntimeError"; 0, or -1 (nothing done) for another. The code may catch the
 * exception like any other. time.sleep and lock waits (threading's locks,
 * joins, queues, conditions) are cut short; other blocking calls (file and
 * socket reads) are not: the exception comes when they return. The interrupt stays
 * pending until it is raised or withdrawn by pyl_vm_interrupt_clear. */
PYL_API int pyl_vm_interrupt(PylVM *vm, const char *exc_name);
/* Withdraw an interrupt not raised yet (e.g. when the call it was meant for
 * returned first). Same threading rules as pyl_vm_interrupt. */
PYL_API void pyl_vm_interrupt_clear(PylVM *vm);

/* The embedder is done with vm for now (e.g. a request ended and the VM goes
 * back to a pool): let the threads its Python code started run meanwhile, as
 * they do between requests under CPython. The driving thread otherwise keeps
 * the VM's lock (its GIL) from one call to the next. Until the next call into
 * vm, no object of vm may be touched. Every function here that takes a PylVM *
 * takes the lock back by itself (waiting, at most one switch interval, for a
 * running thread to reach a switch point); pyl_vm_acquire does only that, for
 * code about to use pyl_api_incref (which takes no VM) first. Both are free for
 * a VM that never started a thread. */
PYL_API void pyl_vm_release(PylVM *vm);
PYL_API void pyl_vm_acquire(PylVM *vm);

/* sys.argv for the program about to run (appended). 0 or -1. */
PYL_API int pyl_set_argv(PylVM *vm, int argc, char **argv);
/* Prepend / append a directory to sys.path. 0 or -1. */
PYL_API int pyl_path_prepend(PylVM *vm, const char *dir);
PYL_API int pyl_path_append(PylVM *vm, const char *dir);
/* Whether imports write __pycache__/NAME.pylc files (default: yes). */
PYL_API void pyl_set_write_bytecode(PylVM *vm, int on);
/* Import counters since the VM started: source files compiled, code loaded
 * from the bytecode cache, cache files written. */
PYL_API void pyl_import_stats(PylVM *vm, long *compiled, long *cache_loads, long *cache_writes);

/* ============================================================================
 * Running whole programs (what the pyl command does)
 * ========================================================================== */

/* Run source text as the __main__ module. Returns the process exit status a
 * `python` command would have: 0, the SystemExit code, or 1 after printing an
 * uncaught exception's traceback to sys.stderr. No exception is left pending. */
PYL_API int pyl_run_string(PylVM *vm, const char *src, size_t len, const char *filename);
PYL_API int pyl_run_file(PylVM *vm, const char *path);
/* Run module `name` (found on sys.path, a package's __main__) as __main__ with
 * sys.argv = [its path, argv...], like `python -m name`. */
PYL_API int pyl_run_module(PylVM *vm, const char *name, int argc, char **argv);
/* Did an uncaught KeyboardInterrupt end the program (the run returned 130)? A
 * command then ends itself by SIGINT, as CPython does. */
PYL_API int pyl_ended_by_interrupt(PylVM *vm);
/* Flush sys.stdout and sys.stderr; returns 0, or 120 when flushing failed. */
PYL_API int pyl_flush_std(PylVM *vm);
/* pyl's own Python library (PylConfig.lib_dir) for a program or module that
 * lives in directory dir (the pyl command's bindir, mod_pyl.so's folder): the
 * first of dir/../lib/pyl (installed), dir/../lib and dir/../../lib (build/ and
 * build/VARIANT/ of a source tree) that holds the marker file pyl_lib.txt. A
 * malloc'd absolute path for the caller to free(), or NULL when none does. */
PYL_API char *pyl_find_lib_dir(const char *dir);

/* ============================================================================
 * Modules, attributes, calls
 * ========================================================================== */

/* Load the Python source file `path` as module `module_name`: the module is
 * registered in sys.modules under that name while and after its body runs (and
 * removed again if the body raises), its __file__ is path. A compile error raises
 * SyntaxError. The code is cached in __pycache__ like any import. */
PYL_API PylObject *pyl_api_import_file(PylVM *vm, const char *path, const char *module_name);
/* `import name` (dotted names return the named submodule, not the package). */
PYL_API PylObject *pyl_api_import(PylVM *vm, const char *name);

/* o.name */
PYL_API PylObject *pyl_api_getattr_str(PylVM *vm, PylObject *o, const char *name);
/* o.name = value. 0 or -1. */
PYL_API int pyl_api_setattr_str(PylVM *vm, PylObject *o, const char *name, PylObject *value);
/* o[key] */
PYL_API PylObject *pyl_api_getitem(PylVM *vm, PylObject *o, PylObject *key);

/* callable(*args, **kwargs): args[0..nargs) positional, kwargs a dict with str
 * keys or NULL. */
PYL_API PylObject *pyl_api_call(PylVM *vm, PylObject *callable, PylObject *const *args,
                                size_t nargs, PylObject *kwargs);
/* o.name(*args, **kwargs) */
PYL_API PylObject *pyl_api_call_method(PylVM *vm, PylObject *o, const char *name,
                                       PylObject *const *args, size_t nargs, PylObject *kwargs);

/* iter(o) */
PYL_API PylObject *pyl_api_iter(PylVM *vm, PylObject *o);
/* next(it): 1 and *item = a new reference; 0 when exhausted (*item = NULL, no
 * exception); -1 on error. */
PYL_API int pyl_api_iter_next(PylVM *vm, PylObject *it, PylObject **item);
/* len(o), or -1. */
PYL_API ptrdiff_t pyl_api_len(PylVM *vm, PylObject *o);
/* bool(o): 1, 0, or -1. */
PYL_API int pyl_api_is_true(PylVM *vm, PylObject *o);
/* str(o) and repr(o). */
PYL_API PylObject *pyl_api_str(PylVM *vm, PylObject *o);
PYL_API PylObject *pyl_api_repr(PylVM *vm, PylObject *o);

/* ============================================================================
 * Values
 * ========================================================================== */

PYL_API PylObject *pyl_api_incref(PylObject *o); /* returns o */
PYL_API void pyl_api_decref(PylVM *vm, PylObject *o);

/* None, True, False, bool(v) (never fail) */
PYL_API PylObject *pyl_api_none(PylVM *vm);
PYL_API PylObject *pyl_api_true(PylVM *vm);
PYL_API PylObject *pyl_api_false(PylVM *vm);
PYL_API PylObject *pyl_api_bool_new(PylVM *vm, int v);

/* int */
PYL_API PylObject *pyl_api_int_from_i64(PylVM *vm, int64_t v);
/* An int's (or bool's) value: 0, or -1 with TypeError (not an int) or
 * OverflowError (does not fit in 64 bits). */
PYL_API int pyl_api_int_as_i64(PylVM *vm, PylObject *o, int64_t *out);

/* str from UTF-8 bytes (UnicodeDecodeError when they are not valid UTF-8), from
 * a NUL-terminated UTF-8 string, or from Latin-1 bytes (each byte one code point,
 * never fails but for memory: what WSGI's environ strings need). */
PYL_API PylObject *pyl_api_str_from_utf8(PylVM *vm, const char *s, size_t len);
PYL_API PylObject *pyl_api_str_from_cstr(PylVM *vm, const char *s);
PYL_API PylObject *pyl_api_str_from_latin1(PylVM *vm, const char *s, size_t len);
/* A str's text as UTF-8 (NUL-terminated; *len = its length in bytes when len is
 * not NULL). Borrowed pointer into the object. NULL + TypeError if o is not a
 * str, UnicodeEncodeError if it holds lone surrogates (not valid UTF-8). */
PYL_API const char *pyl_api_str_as_utf8(PylVM *vm, PylObject *o, size_t *len);
/* str.encode(encoding, errors): a bytes object. errors NULL = "strict". Use
 * ("latin-1", "strict") to check WSGI status lines and headers. */
PYL_API PylObject *pyl_api_str_encode(PylVM *vm, PylObject *o, const char *encoding,
                                      const char *errors);

/* bytes */
PYL_API PylObject *pyl_api_bytes_new(PylVM *vm, const void *data, size_t len);
/* The contents of a bytes or bytearray object: 0, *data (borrowed, valid while o
 * lives and, for a bytearray, is not resized) and *len; -1 + TypeError. */
PYL_API int pyl_api_bytes_data(PylVM *vm, PylObject *o, const char **data, size_t *len);

/* list */
PYL_API PylObject *pyl_api_list_new(PylVM *vm);
PYL_API int pyl_api_list_append(PylVM *vm, PylObject *list, PylObject *item); /* 0, -1 */
PYL_API ptrdiff_t pyl_api_list_size(PylVM *vm, PylObject *list);              /* -1 */
/* list[i] (a new reference); IndexError when out of range. */
PYL_API PylObject *pyl_api_list_get(PylVM *vm, PylObject *list, size_t i);

/* tuple of items[0..n) (items borrowed; n = 0 gives the empty tuple) */
PYL_API PylObject *pyl_api_tuple_new(PylVM *vm, PylObject *const *items, size_t n);
PYL_API ptrdiff_t pyl_api_tuple_size(PylVM *vm, PylObject *tuple); /* -1 */
PYL_API PylObject *pyl_api_tuple_get(PylVM *vm, PylObject *tuple, size_t i);

/* dict */
PYL_API PylObject *pyl_api_dict_new(PylVM *vm);
PYL_API int pyl_api_dict_set(PylVM *vm, PylObject *d, PylObject *key, PylObject *value);
PYL_API int pyl_api_dict_set_str(PylVM *vm, PylObject *d, const char *key, PylObject *value);
/* d[key]: a new reference, or NULL with KeyError pending when missing. */
PYL_API PylObject *pyl_api_dict_get(PylVM *vm, PylObject *d, PylObject *key);
PYL_API PylObject *pyl_api_dict_get_str(PylVM *vm, PylObject *d, const char *key);
PYL_API ptrdiff_t pyl_api_dict_size(PylVM *vm, PylObject *d); /* -1 */
/* Iterate over a dict in insertion order:
 *     size_t pos = 0; PylObject *k, *v;
 *     while (pyl_api_dict_next(vm, d, &pos, &k, &v)) { ... }
 * k and v are BORROWED. Returns 1 per item, 0 at the end (and for a non-dict).
 * The dict must not change during the loop. */
PYL_API int pyl_api_dict_next(PylVM *vm, PylObject *d, size_t *pos, PylObject **key,
                              PylObject **value);

/* Type tests (1 or 0; never fail). is_int is true for bool too, like
 * isinstance(o, int); is_str, is_list, is_tuple, is_dict accept subclasses;
 * is_bytes is bytes only (bytearray: is_bytearray). */
PYL_API int pyl_api_is_none(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_bool(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_int(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_str(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_bytes(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_bytearray(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_list(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_tuple(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_dict(PylVM *vm, PylObject *o);
PYL_API int pyl_api_is_callable(PylVM *vm, PylObject *o);
/* type(o).__name__ ("int", "NoneType", "Input"), valid while the type lives. */
PYL_API const char *pyl_api_type_name(PylVM *vm, PylObject *o);

/* ============================================================================
 * Native functions and types (defined in C, used from Python)
 * ========================================================================== */

/* A function written in C. args[0..nargs) are the positional arguments, followed
 * by the values of the keyword arguments whose names are the strs of the tuple
 * kwnames (NULL when there are none): all borrowed. `data` is what the function
 * was made with (for a method of a native type: the C pointer of the instance,
 * args[0] being the instance itself). Return a new reference, or NULL with an
 * exception set (pyl_api_raise). For __next__ (PylNativeType.iternext), NULL
 * without an exception means "exhausted". */
typedef PylObject *(*PylNativeFn)(PylVM *vm, void *data, PylObject *const *args, size_t nargs,
                                  PylObject *kwnames);

/* A builtin function object called `name` (its __name__, and in messages) that
 * calls fn(vm, data, ...). data is not owned: it must stay valid as long as the
 * function may be called. */
PYL_API PylObject *pyl_api_function_new(PylVM *vm, const char *name, PylNativeFn fn, void *data);

typedef struct PylNativeMethod {
    const char *name;
    PylNativeFn fn; /* data = the instance's pointer, args[0] = the instance */
} PylNativeMethod;

/* A class defined from C. Its instances carry one C pointer each (made with
 * pyl_api_native_new, read with pyl_api_native_get); they cannot be created or
 * subclassed from Python and have no __dict__. The spec is copied; the strings
 * it points to must outlive the VM (string literals do). */
typedef struct PylNativeType {
    const char *name;               /* "module.Name": __module__ "module", __name__ "Name" */
    const PylNativeMethod *methods; /* ended by {NULL, NULL}; may be NULL */
    /* Called when an instance dies, with its pointer (also NULL ones). Must not
     * call into the VM. NULL = nothing to do. */
    void (*destroy)(void *data);
    /* Optional slots, called like methods (args[0] = the instance, nargs = 1 for
     * iter/iternext): __iter__ (NULL with iternext set: return the instance
     * itself), __next__, and __call__ (then instances are callable). */
    PylNativeFn iter;
    PylNativeFn iternext;
    PylNativeFn call;
} PylNativeType;

/* Make the class described by spec in vm (a new reference to the type object;
 * the class itself lives until the VM is freed). */
PYL_API PylObject *pyl_api_native_type_new(PylVM *vm, const PylNativeType *spec);
/* A new instance of a native class, holding `data`. */
PYL_API PylObject *pyl_api_native_new(PylVM *vm, PylObject *type, void *data);
/* Is o an instance of the native class `type` (1/0)? */
PYL_API int pyl_api_native_check(PylVM *vm, PylObject *o, PylObject *type);
/* The C pointer of a native instance (NULL for anything else). */
PYL_API void *pyl_api_native_get(PylVM *vm, PylObject *o);
/* Replace it (e.g. NULL once the request it points into has ended: methods then
 * see data == NULL and should raise). The destructor is not called for the old
 * pointer. */
PYL_API void pyl_api_native_set(PylVM *vm, PylObject *o, void *data);

/* ============================================================================
 * Exceptions
 * ========================================================================== */

/* Raise the builtin exception called exc_name ("TypeError", "OSError" ...; an
 * unknown name raises SystemError) with a printf-formatted message (fmt NULL: no
 * arguments). Always returns NULL, so a native function can
 * `return pyl_api_raise(vm, "ValueError", "bad %s", what);`. */
PYL_API PylObject *pyl_api_raise(PylVM *vm, const char *exc_name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Is an exception pending? */
PYL_API int pyl_api_err_pending(PylVM *vm);
/* Does the pending exception match the builtin exception class exc_name (or
 * a subclass of it)? 0 when none is pending or the name is unknown. */
PYL_API int pyl_api_err_matches(PylVM *vm, const char *exc_name);
/* The pending exception formatted exactly as the pyl command prints an uncaught
 * one (CPython's format: "Traceback (most recent call last):", the frames with
 * their source lines, chained exceptions, the final "Type: message" line, each
 * line ending in \n). A malloc'd string for the caller to free(); NULL when no
 * exception is pending or memory ran out. The exception STAYS pending: clear it
 * with pyl_api_err_clear (or fetch it) afterwards. */
PYL_API char *pyl_api_err_traceback(PylVM *vm);
/* Drop the pending exception, if any. */
PYL_API void pyl_api_err_clear(PylVM *vm);
/* Take the pending exception instance (a new reference; NULL, with nothing
 * pending, when there is none) and clear it: to look at it (its type name,
 * SystemExit's .code) or put it back later with pyl_api_err_restore. */
PYL_API PylObject *pyl_api_err_fetch(PylVM *vm);
/* Make exc (an exception instance, borrowed) the pending exception again. */
PYL_API void pyl_api_err_restore(PylVM *vm, PylObject *exc);

#endif
