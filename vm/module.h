/* module.h — module objects and the table of native (C) modules. */
#ifndef PYL_MODULE_H
#define PYL_MODULE_H

#include "vm/object.h"

typedef struct PylModule {
    PylObject ob;
    PylObject *dict;
    PylObject *name;
    const struct PylModuleDef *def; /* a native module's definition, or NULL */
} PylModule;

/* A native module: its functions, and an init function that adds constants and
 * types to the fresh module object. */
typedef struct PylModuleDef {
    const char *name;
    const PylMethodDef *methods;
    int (*init)(PylThread *t, PylObject *module);
    const char *doc;
} PylModuleDef;

#define PYL_MODULE_DICT(o) (((PylModule *)(o))->dict)

PYL_INTERNAL PylObject *pyl_module_new(PylThread *t, PylObject *name);
PYL_INTERNAL PylObject *pyl_module_from_def(PylThread *t, const PylModuleDef *def);
/* Add obj under name (steals obj; returns -1 if obj is NULL or on failure). */
PYL_INTERNAL int pyl_module_add(PylThread *t, PylObject *module, const char *name, PylObject *obj);
/* The native module definition called name, or NULL. */
PYL_INTERNAL const PylModuleDef *pyl_module_find_native(const char *name);

#endif
