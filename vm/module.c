/* module.c — module objects (a namespace dict with a name) and the table of
 * native modules written in C (vm/modules/). */
#include <stdio.h>

#include "vm/core.h"

PylObject *pyl_module_new(PylThread *t, PylObject *name)
{
    PylModule *m = (PylModule *)pyl_obj_alloc(t, PYL_TYPE(t, MODULE), sizeof(PylModule));
    if (m == NULL) {
        return NULL;
    }
    m->dict = pyl_dict_new(t);
    m->name = pyl_incref(name);
    if (m->dict == NULL || pyl_dict_set(t, m->dict, PYL_NAME(t, __name__), name) < 0 ||
        pyl_dict_set(t, m->dict, PYL_NAME(t, __doc__), PYL_NONE) < 0 ||
        pyl_dict_set(t, m->dict, PYL_NAME(t, __package__), PYL_NONE) < 0 ||
        pyl_dict_set(t, m->dict, PYL_NAME(t, __loader__), PYL_NONE) < 0 ||
        pyl_dict_set(t, m->dict, PYL_NAME(t, __spec__), PYL_NONE) < 0) {
        pyl_decref(t, (PylObject *)m);
        return NULL;
    }
    return (PylObject *)m;
}

int pyl_module_add(PylThread *t, PylObject *module, const char *name, PylObject *obj)
{
    if (obj == NULL) {
        return -1;
    }
    int r = pyl_dict_set_cstr(t, PYL_MODULE_DICT(module), name, obj);
    pyl_decref(t, obj);
    return r;
}

PylObject *pyl_module_from_def(PylThread *t, const PylModuleDef *def)
{
    PylObject *name = pyl_str_intern_cstr(t, def->name);
    if (name == NULL) {
        return NULL;
    }
    PylObject *m = pyl_module_new(t, name);
    pyl_decref(t, name);
    if (m == NULL) {
        return NULL;
    }
    ((PylModule *)m)->def = def;
    for (const PylMethodDef *d = def->methods; d != NULL && d->name != NULL; d++) {
        if (pyl_module_add(t, m, d->name, pyl_cfunction_new(t, d, m, ((PylModule *)m)->name)) < 0) {
            goto error;
        }
    }
    if (def->doc != NULL && pyl_module_add(t, m, "__doc__", pyl_str_from_cstr(t, def->doc)) < 0) {
        goto error;
    }
    if (def->init != NULL && def->init(t, m) < 0) {
        goto error;
    }
    return m;
error:
    pyl_decref(t, m);
    return NULL;
}

#define PYL_MODULE_ENTRY(name, def) extern const PylModuleDef def;
#include "vm/modules/modules.def"
#undef PYL_MODULE_ENTRY

static const PylModuleDef *const native_modules[] = {
#define PYL_MODULE_ENTRY(name, def) &def,
#include "vm/modules/modules.def"
#undef PYL_MODULE_ENTRY
    NULL,
};

const PylModuleDef *pyl_module_find_native(const char *name)
{
    for (int i = 0; native_modules[i] != NULL; i++) {
        if (strcmp(native_modules[i]->name, name) == 0) {
            return native_modules[i];
        }
    }
    return NULL;
}

/* ---- the type --------------------------------------------------------------------- */

static void module_dealloc(PylThread *t, PylObject *self)
{
    PylModule *m = (PylModule *)self;
    pyl_xdecref(t, m->dict);
    pyl_xdecref(t, m->name);
    pyl_obj_free(t, self);
}

static int module_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylModule *m = (PylModule *)self;
    return m->dict ? visit(m->dict, arg) : 0;
}

static void module_clear(PylThread *t, PylObject *self)
{
    PylModule *m = (PylModule *)self;
    PYL_CLEAR(t, m->dict);
}

static PylObject *module_repr(PylThread *t, PylObject *self)
{
    PylModule *m = (PylModule *)self;
    PylObject *file = m->dict ? pyl_dict_get_str(t, m->dict, PYL_NAME(t, __file__)) : NULL;
    if (file != NULL && PYL_IS_STR(file)) {
        return pyl_str_format_c(t, "<module %R from %R>", m->name, file);
    }
    if (m->def != NULL) {
        return pyl_str_format_c(t, "<module %R (built-in)>", m->name);
    }
    return pyl_str_format_c(t, "<module %R>", m->name);
}

static PylObject *module_getattr(PylThread *t, PylObject *self, PylObject *name)
{
    PylObject *r = pyl_generic_getattr_opt(t, self, name);
    if (r != NULL || pyl_err_occurred(t)) {
        return r;
    }
    PylModule *m = (PylModule *)self;
    /* PEP 562: a module-level __getattr__ */
    PylObject *hook = m->dict ? pyl_dict_get_str(t, m->dict, PYL_NAME(t, __getattr__)) : NULL;
    if (hook != NULL) {
        return pyl_call1(t, hook, name);
    }
    return pyl_err_format(t, PYL_EXC(t, AttributeError), "module '%U' has no attribute '%U'",
                          m->name, name);
}

static PylObject *module_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (pyl_check_nargs(t, "module", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(args[0])) {
        return pyl_bad_argument(t, "module", "'name'", "str", args[0]);
    }
    PylObject *m = pyl_module_new(t, args[0]);
    if (m != NULL && nargs == 2 &&
        pyl_dict_set(t, PYL_MODULE_DICT(m), PYL_NAME(t, __doc__), args[1]) < 0) {
        pyl_decref(t, m);
        return NULL;
    }
    return m;
}

static PylObject *module_dir(PylThread *t, PylObject *self)
{
    PylModule *m = (PylModule *)self;
    return pyl_dict_keys_list(t, m->dict);
}

static const PylMethodDef module_methods[] = {
    PYL_METHOD_NOARGS("__dir__", module_dir),
    PYL_METHOD_END,
};

static const PylMemberDef module_members[] = {
    {"__dict__", PYL_MEMBER_OBJECT, offsetof(PylModule, dict), true, NULL},
    {NULL, 0, 0, false, NULL},
};

const PylType pyl_module_type = {
    .name = "module",
    .kind = PYL_K_MODULE,
    .flags = PYL_TF_BASETYPE | PYL_TF_GC,
    .basicsize = sizeof(PylModule),
    .dictoffset = offsetof(PylModule, dict),
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .clear = module_clear,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = pyl_generic_setattr,
    .new_ = module_new,
    .methods = module_methods,
    .members = module_members,
};
