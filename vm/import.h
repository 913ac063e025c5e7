/* import.h — the import system (import.c): what the import statements run,
 * and the code loader with its __pycache__/NAME.pylc cache. */
#ifndef PYL_IMPORT_H
#define PYL_IMPORT_H

#include "vm/object.h"

/* __import__(name, globals, fromlist, level): the module to bind. */
PYL_INTERNAL PylObject *pyl_import_name(PylThread *t, PylObject *name, PylObject *globals,
                                        PylObject *fromlist, int level);
/* from module import name */
PYL_INTERNAL PylObject *pyl_import_from(PylThread *t, PylObject *module, PylObject *name);
/* from module import * (into locals) */
PYL_INTERNAL int pyl_import_star(PylThread *t, PylObject *module, PylObject *locals);
/* The code object of the source file path (compiled, or loaded from its cache). */
PYL_INTERNAL PylObject *pyl_import_get_code(PylThread *t, const char *path, PylObject *filename);
/* The file `python -m name` runs (malloc'd), and *package the package it is in. */
PYL_INTERNAL char *pyl_import_locate_main(PylThread *t, PylObject *name, PylObject **package);

#endif
