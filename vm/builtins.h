/* builtins.h — the builtins module (builtins.c). */
#ifndef PYL_BUILTINS_H
#define PYL_BUILTINS_H

#include "vm/object.h"

/* Make the builtins module of the VM (start-up). 0 or -1. */
PYL_INTERNAL int pyl_builtins_init(PylThread *t);
/* sys.displayhook's default: print repr(v) and bind builtins._ (None: nothing). */
PYL_INTERNAL PylObject *pyl_builtin_print_expr(PylThread *t, PylObject *v);

#endif
