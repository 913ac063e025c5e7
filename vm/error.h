/* error.h — raising and catching exceptions from C.
 *
 * The exception being raised lives on the thread (t->exc, one owned reference to
 * an exception instance). A C function that fails sets it and returns NULL or -1;
 * its caller either handles it (pyl_err_matches + pyl_err_clear) or returns the
 * failure in turn. A function must never return a value with an exception set.
 */
#ifndef PYL_ERROR_H
#define PYL_ERROR_H

#include <stdarg.h>

#include "vm/object.h"

/* Raise `type` with a message built from fmt. fmt understands printf's %d %i %u
 * %ld %lu %zd %zu %lld %x %c %s %p %% plus:
 *   %S  str(obj)         %R  repr(obj)       %A  ascii(obj)
 *   %U  a str object, as is                   %T  the type name of obj ("int")
 *   %N  the __name__ of a type object
 * Always returns NULL, so `return pyl_err_format(...)` reads well. */
PYL_INTERNAL PylObject *pyl_err_format(PylThread *t, PylType *type, const char *fmt, ...);
PYL_INTERNAL PylObject *pyl_err_vformat(PylThread *t, PylType *type, const char *fmt, va_list ap);
/* Raise type(value) — value may be NULL (no args), an exception instance (raised
 * as is), a tuple of args, or a single arg. Returns NULL. */
PYL_INTERNAL PylObject *pyl_err_set(PylThread *t, PylType *type, PylObject *value);
/* Raise an exception instance (borrowed): sets __context__ from the exception being
 * handled, like a `raise` statement. */
PYL_INTERNAL void pyl_err_raise(PylThread *t, PylObject *exc);
/* Raise an exception instance, stealing the reference. */
PYL_INTERNAL void pyl_err_raise_steal(PylThread *t, PylObject *exc);
PYL_INTERNAL PylObject *pyl_err_nomemory(PylThread *t);
/* OSError subclass chosen from errno, with strerror and optional filename. */
PYL_INTERNAL PylObject *pyl_err_from_errno(PylThread *t, int err, PylObject *filename);
/* "bad argument" SystemError for C code handed the wrong type. */
PYL_INTERNAL PylObject *pyl_err_badinternalcall(PylThread *t, const char *where);

static inline PylObject *pyl_err_occurred(PylThread *t);
/* Does the pending exception match `type` (or a subclass)? 0 when none. */
PYL_INTERNAL int pyl_err_matches(PylThread *t, PylType *type);
/* Is exception instance or type `exc` a subclass of `cls` (a type or a tuple)? */
PYL_INTERNAL int pyl_exc_matches(PylThread *t, PylObject *exc, PylObject *cls);
PYL_INTERNAL void pyl_err_clear(PylThread *t);
/* Take the pending exception (new reference) and clear it. */
PYL_INTERNAL PylObject *pyl_err_fetch(PylThread *t);
/* Put back an exception taken with pyl_err_fetch (steals). */
PYL_INTERNAL void pyl_err_restore(PylThread *t, PylObject *exc);

/* Print exc with its traceback and chain like CPython's default hook to stderr. */
PYL_INTERNAL void pyl_err_print(PylThread *t, PylObject *exc);
/* Print and clear the pending exception (used when nobody can take it). */
PYL_INTERNAL void pyl_err_write_unraisable(PylThread *t, const char *where);

#include "vm/vm.h"

static inline PylObject *pyl_err_occurred(PylThread *t)
{
    return t->exc;
}

#endif
