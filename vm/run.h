/* run.h — running whole programs (run.c), beyond what pyl.h offers. */
#ifndef PYL_RUN_H
#define PYL_RUN_H

#include "vm/object.h"

/* The whole file at path, NUL-terminated (malloc'd; *len its length), or NULL
 * with errno set. */
PYL_INTERNAL char *pyl_read_file(const char *path, size_t *len);
/* The exit status for the pending exception (SystemExit's code), which is cleared. */
PYL_INTERNAL int pyl_exit_status(PylThread *t);

#endif
