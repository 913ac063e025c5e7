/* caret.h — where the ^^^ and ~~~ marks of a traceback line go (caret.c). */
#ifndef PYL_CARET_H
#define PYL_CARET_H

#include <stddef.h>

#include "compiler/token.h"

/* The anchors of the main operator in an expression's source segment: 1 and
 * *left, *right (byte offsets), or 0 when there is none. */
PYL_INTERNAL int pyl_caret_anchors(const char *segment, size_t len, int *left, int *right);

#endif
