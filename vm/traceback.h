/* traceback.h — traceback entries and their printing (traceback.c). */
#ifndef PYL_TRACEBACK_H
#define PYL_TRACEBACK_H

#include "vm/frame.h"

/* Add an entry for frame f to the pending exception's traceback. 0 or -1. */
PYL_INTERNAL int pyl_traceback_add(PylThread *t, PylFrame *f);

#endif
