/* pyl.h — the public embedding API of the pyl runtime (the only VM header the
 * gateway includes). Issue #4 grows this into the full embedding API; for now it
 * covers creating a VM and running programs.
 *
 * Ownership: functions returning PylObject * return new references; arguments
 * are borrowed. A NULL / negative result means an exception is pending in the VM.
 */
#ifndef PYL_H
#define PYL_H

#include <stddef.h>

typedef struct PylVM PylVM;

#define PYL_VERSION "0.1.0"
#define PYL_PYTHON_VERSION "3.11"

/* A new interpreter, or NULL when out of memory. */
__attribute__((visibility("default"))) PylVM *pyl_vm_new(void);
__attribute__((visibility("default"))) void pyl_vm_free(PylVM *vm);

/* sys.argv for the program about to run. */
__attribute__((visibility("default"))) int pyl_set_argv(PylVM *vm, int argc, char **argv);
/* Prepend / append a directory to sys.path. */
__attribute__((visibility("default"))) int pyl_path_prepend(PylVM *vm, const char *dir);
__attribute__((visibility("default"))) int pyl_path_append(PylVM *vm, const char *dir);
/* Whether imports write __pycache__/NAME.pylc files (default: yes). */
__attribute__((visibility("default"))) void pyl_set_write_bytecode(PylVM *vm, int on);
/* Import counters since the VM started: source files compiled, code loaded
 * from the bytecode cache, cache files written. */
__attribute__((visibility("default"))) void pyl_import_stats(PylVM *vm, long *compiled,
                                                             long *cache_loads, long *cache_writes);

/* Run source text as the __main__ module. Returns the process exit status a
 * `python` command would have: 0, the SystemExit code, or 1 after printing an
 * uncaught exception's traceback to sys.stderr. */
__attribute__((visibility("default"))) int pyl_run_string(PylVM *vm, const char *src, size_t len,
                                                          const char *filename);
__attribute__((visibility("default"))) int pyl_run_file(PylVM *vm, const char *path);
/* Run module `name` (found on sys.path, a package's __main__) as __main__ with
 * sys.argv = [its path, argv...], like `python -m name`. */
__attribute__((visibility("default"))) int pyl_run_module(PylVM *vm, const char *name, int argc,
                                                          char **argv);
/* Did an uncaught KeyboardInterrupt end the program (the run returned 130)? A
 * command then ends itself by SIGINT, as CPython does. */
__attribute__((visibility("default"))) int pyl_ended_by_interrupt(PylVM *vm);
/* Flush sys.stdout and sys.stderr; returns 0, or 120 when flushing failed. */
__attribute__((visibility("default"))) int pyl_flush_std(PylVM *vm);

#endif
