/* import.c — the import statement: sys.modules, native modules, and (issue #3)
 * modules and packages found on sys.path. */
#include <stdio.h>

#include "vm/core.h"

/* The module called `name`, importing it if needed (new reference). */
static PylObject *import_module(PylThread *t, PylObject *name)
{
    PylVM *vm = t->vm;
    PylObject *m = pyl_dict_get(t, vm->modules, name);
    if (m != NULL) {
        return pyl_incref(m);
    }
    if (pyl_err_occurred(t)) {
        return NULL;
    }
    const PylModuleDef *def = pyl_module_find_native(PYL_STR_DATA(name));
    if (def != NULL) {
        m = pyl_module_from_def(t, def);
        if (m == NULL) {
            return NULL;
        }
        if (pyl_dict_set(t, vm->modules, name, m) < 0) {
            pyl_decref(t, m);
            return NULL;
        }
        return m;
    }
    PylObject *exc = pyl_str_format_c(t, "No module named %R", name);
    if (exc == NULL) {
        return NULL;
    }
    pyl_err_set(t, PYL_EXC(t, ModuleNotFoundError), exc);
    pyl_decref(t, exc);
    if (t->exc != NULL) {
        pyl_exception_set_attr(t, t->exc, "name", pyl_incref(name));
    }
    return NULL;
}

PYL_INTERNAL PylObject *pyl_import_name(PylThread *t, PylObject *name, PylObject *globals,
                                        PylObject *fromlist, int level);
PylObject *pyl_import_name(PylThread *t, PylObject *name, PylObject *globals,
                           PylObject *fromlist, int level)
{
    if (level > 0) {
        return pyl_err_format(t, PYL_EXC(t, ImportError),
                              "attempted relative import with no known parent package");
    }
    if (PYL_STR_NBYTES(name) == 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "Empty module name");
    }
    /* import each package along a dotted path */
    const char *s = PYL_STR_DATA(name);
    const char *dot = strchr(s, '.');
    PylObject *top = NULL;
    intptr_t pos = 0;
    for (;;) {
        intptr_t end = dot ? dot - s : PYL_STR_NBYTES(name);
        PylObject *prefix = pyl_str_new(t, s, end);
        if (prefix == NULL) {
            pyl_xdecref(t, top);
            return NULL;
        }
        PylObject *m = import_module(t, prefix);
        pyl_decref(t, prefix);
        if (m == NULL) {
            pyl_xdecref(t, top);
            return NULL;
        }
        if (top == NULL) {
            top = m;
        } else if (dot == NULL) {
            bool from = fromlist != NULL && fromlist != PYL_NONE && pyl_is_true(t, fromlist) > 0;
            if (from) {
                pyl_decref(t, top);
                return m;
            }
            pyl_decref(t, m);
        } else {
            pyl_decref(t, m);
        }
        if (dot == NULL) {
            break;
        }
        pos = end + 1;
        dot = strchr(s + pos, '.');
    }
    return top;
}

/* from module import name */
PYL_INTERNAL PylObject *pyl_import_from(PylThread *t, PylObject *module, PylObject *name);
PylObject *pyl_import_from(PylThread *t, PylObject *module, PylObject *name)
{
    PylObject *v = pyl_getattr_opt(t, module, name);
    if (v != NULL || pyl_err_occurred(t)) {
        return v;
    }
    PylObject *mname = pyl_getattr_opt(t, module, PYL_NAME(t, __name__));
    if (mname == NULL) {
        pyl_err_clear(t);
        return pyl_err_format(t, PYL_EXC(t, ImportError), "cannot import name %R", name);
    }
    PylObject *file = pyl_getattr_opt(t, module, PYL_NAME(t, __file__));
    if (file == NULL) {
        pyl_err_clear(t);
        pyl_err_format(t, PYL_EXC(t, ImportError), "cannot import name %R from %R (unknown location)",
                       name, mname);
    } else {
        pyl_err_format(t, PYL_EXC(t, ImportError), "cannot import name %R from %R (%S)", name,
                       mname, file);
        pyl_decref(t, file);
    }
    pyl_decref(t, mname);
    return NULL;
}

/* from module import * */
PYL_INTERNAL int pyl_import_star(PylThread *t, PylObject *module, PylObject *locals);
int pyl_import_star(PylThread *t, PylObject *module, PylObject *locals)
{
    PylObject *all = pyl_getattr_opt(t, module, PYL_NAME(t, __all__));
    if (all == NULL && pyl_err_occurred(t)) {
        return -1;
    }
    bool skip_private = all == NULL;
    if (all == NULL) {
        PylObject *d = pyl_getattr_opt(t, module, PYL_NAME(t, __dict__));
        if (d == NULL) {
            if (!pyl_err_occurred(t)) {
                pyl_err_format(t, PYL_EXC(t, ImportError),
                               "from-import-* object has no __dict__ and no __all__");
            }
            return -1;
        }
        all = pyl_sequence_list(t, d);
        pyl_decref(t, d);
        if (all == NULL) {
            return -1;
        }
    }
    PylObject *it = pyl_iter(t, all);
    pyl_decref(t, all);
    if (it == NULL) {
        return -1;
    }
    PylObject *name;
    int r = 0;
    while (r == 0 && (name = pyl_iter_next(t, it)) != NULL) {
        if (!PYL_IS_STR(name)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "Item in %s.__all__ must be str, not %T",
                           "module", name);
            r = -1;
        } else if (!(skip_private && PYL_STR_DATA(name)[0] == '_')) {
            PylObject *v = pyl_getattr(t, module, name);
            r = v ? pyl_setitem(t, locals, name, v) : -1;
            pyl_xdecref(t, v);
        }
        pyl_decref(t, name);
    }
    pyl_decref(t, it);
    if (r == 0 && pyl_err_occurred(t)) {
        r = -1;
    }
    return r;
}
