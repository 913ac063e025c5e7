/* sys.h — what the runtime asks of the sys module (sys.c). */
#ifndef PYL_MODULES_SYS_H
#define PYL_MODULES_SYS_H

#include "vm/object.h"

/* sys.NAME (a new reference), or NULL with RuntimeError when it is missing. */
PYL_INTERNAL PylObject *pyl_sys_get(PylThread *t, PylObject *name);
/* Write to sys.stderr (falling back to fd 2). 0 or -1. */
PYL_INTERNAL int pyl_sys_write_stderr(PylThread *t, const char *s, intptr_t n);

#endif
