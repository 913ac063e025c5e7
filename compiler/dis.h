/* dis.h — printing bytecode in CPython's `dis` format. */
#ifndef PYL_DIS_H
#define PYL_DIS_H

#include <stdio.h>

#include "vm/object.h"

/* Disassemble a code object and every code object nested in it to fp. */
PYL_INTERNAL int pyl_dis(PylThread *t, PylObject *code, FILE *fp);

#endif
