/* structseq.h — named tuples made from C: sys.version_info, sys.flags,
 * sys.float_info ... A struct sequence type is a class deriving from tuple whose
 * fields are also readable by name; its repr is `module.name(field=value, ...)`. */
#ifndef PYL_STRUCTSEQ_H
#define PYL_STRUCTSEQ_H

#include "vm/object.h"

typedef struct PylStructSeqDesc {
    const char *name; /* "sys.version_info": the module, a dot, the type's name */
    const char *doc;
    const char *const *fields; /* NULL-terminated */
    bool creatable;            /* may Python code call the type? (os.stat_result: yes) */
} PylStructSeqDesc;

/* A new struct sequence type. */
PYL_INTERNAL PylObject *pyl_structseq_type(PylThread *t, const PylStructSeqDesc *desc);
/* An instance of it holding items[0..n) (n = the number of fields; borrowed). */
PYL_INTERNAL PylObject *pyl_structseq_new(PylThread *t, PylObject *type, PylObject *const *items,
                                          intptr_t n);

#endif
