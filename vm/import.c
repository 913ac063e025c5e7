/* import.c — the import system.
 *
 * `import a.b.c` imports a, then a.b, then a.b.c, each found once and kept in
 * sys.modules. A top-level name is a native module (vm/modules/modules.def) or
 * the first NAME/__init__.py or NAME.py on sys.path; a submodule is searched in
 * its package's __path__. A module is put in sys.modules before its code runs
 * (so circular imports see the partly initialised module) and removed again if
 * the code fails.
 *
 * Compiled code is cached in __pycache__/NAME.pylc beside the source, keyed by
 * the source's mtime and size; a stale or damaged cache file is ignored and
 * rewritten (vm/marshal.c validates everything it reads); an unwritable
 * directory just means no cache.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compiler/compile.h"
#include "vm/core.h"
#include "vm/eval.h"
#include "vm/marshal.h"
#include "vm/import.h"
#include "vm/run.h"

/* sys.dont_write_bytecode (-B): existing cache files are still used */
static bool may_write_cache(PylThread *t)
{
    PylObject *v =
        pyl_dict_get_str(t, PYL_MODULE_DICT(t->vm->sys), PYL_NAME(t, dont_write_bytecode));
    return v == NULL || v == PYL_FALSE;
}

static PylObject *no_module(PylThread *t, PylObject *name, const char *fmt_suffix,
                            PylObject *parent)
{
    PylObject *msg =
        fmt_suffix ? pyl_str_format_c(t, "No module named %R; %R is not a package", name, parent)
                   : pyl_str_format_c(t, "No module named %R", name);
    if (msg == NULL) {
        return NULL;
    }
    pyl_err_set(t, PYL_EXC(t, ModuleNotFoundError), msg);
    pyl_decref(t, msg);
    if (t->exc != NULL && pyl_err_matches(t, PYL_EXC(t, ModuleNotFoundError))) {
        pyl_exception_set_attr(t, t->exc, "name", pyl_incref(name));
    }
    return NULL;
}

/* ---- the bytecode cache ------------------------------------------------------------- */

/* dir/__pycache__/base.pylc for dir/base.py */
static char *cache_path(const char *source)
{
    const char *slash = strrchr(source, '/');
    size_t dirlen = slash ? (size_t)(slash - source + 1) : 0;
    const char *base = source + dirlen;
    size_t baselen = strlen(base);
    if (baselen > 3 && strcmp(base + baselen - 3, ".py") == 0) {
        baselen -= 3;
    }
    char *p = malloc(dirlen + baselen + sizeof "__pycache__/" + sizeof ".pylc");
    if (p != NULL) {
        sprintf(p, "%.*s__pycache__/%.*s.pylc", (int)dirlen, source, (int)baselen, base);
    }
    return p;
}

static void write_cache(PylThread *t, const char *source, PylObject *code, const struct stat *st)
{
    char *cpath = cache_path(source);
    if (cpath == NULL) {
        return;
    }
    PylBuf b;
    pyl_buf_init(&b);
    int64_t mtime = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
    if (pyl_marshal_cache_file(t, code, mtime, (int64_t)st->st_size, &b) < 0) {
        pyl_err_clear(t);
        goto done;
    }
    char *dir = strdup(cpath);
    if (dir == NULL) {
        goto done;
    }
    *strrchr(dir, '/') = '\0';
    if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
        free(dir);
        goto done;
    }
    free(dir);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.%d.tmp", cpath, (int)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        goto done;
    }
    const char *p = b.data;
    intptr_t left = b.len;
    bool ok = true;
    while (left > 0) {
        ssize_t w = write(fd, p, (size_t)left);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            ok = false;
            break;
        }
        p += w;
        left -= w;
    }
    if (close(fd) < 0) {
        ok = false;
    }
    if (ok && rename(tmp, cpath) == 0) {
        t->vm->import_stats[2]++;
    } else {
        unlink(tmp);
    }
done:
    pyl_buf_free(t, &b);
    free(cpath);
}

/* The code of a source file: from its cache file when that is valid, else
 * compiled (and cached). */
PylObject *pyl_import_get_code(PylThread *t, const char *path, PylObject *filename)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        return pyl_err_from_errno(t, errno, filename);
    }
    int64_t mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    char *cpath = cache_path(path);
    if (cpath != NULL) {
        size_t n;
        char *data = pyl_read_file(cpath, &n);
        if (data != NULL) {
            PylObject *code =
                pyl_unmarshal_cache_file(t, data, n, mtime, (int64_t)st.st_size, filename);
            free(data);
            if (code != NULL) {
                free(cpath);
                t->vm->import_stats[1]++;
                return code;
            }
        }
    }
    free(cpath);
    size_t len;
    char *src = pyl_read_file(path, &len);
    if (src == NULL) {
        return pyl_err_from_errno(t, errno, filename);
    }
    PylObject *code = pyl_compile(t, src, len, path, PYL_PARSE_FILE, NULL);
    free(src);
    if (code == NULL) {
        return NULL;
    }
    t->vm->import_stats[0]++;
    if (may_write_cache(t)) {
        write_cache(t, path, code, &st);
    }
    return code;
}

/* ---- finding modules ------------------------------------------------------------------ */

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Search dirs (a list of str) for leaf as a package or a module. On success,
 * *path is the file to run and *pkgdir the package directory (or NULL); both
 * malloc'd. 1 found, 0 not found, -1 error. */
static int find_in(PylThread *t, PylObject *dirs, PylObject *leaf, char **path, char **pkgdir)
{
    if (dirs == NULL || !PYL_IS_LIST(dirs)) {
        return 0;
    }
    const char *name = PYL_STR_DATA(leaf);
    for (intptr_t i = 0; i < PYL_LIST_SIZE(dirs); i++) {
        PylObject *d = PYL_LIST_ITEM(dirs, i);
        if (!PYL_IS_STR(d)) {
            continue;
        }
        const char *dir = PYL_STR_DATA(d);
        size_t n = strlen(dir) + strlen(name) + sizeof "/__init__.py" + 2;
        char *p = malloc(n);
        if (p == NULL) {
            pyl_err_nomemory(t);
            return -1;
        }
        const char *sep = dir[0] && dir[strlen(dir) - 1] != '/' ? "/" : "";
        const char *base = dir[0] ? dir : ".";
        snprintf(p, n, "%s%s%s/__init__.py", base, dir[0] ? sep : "/", name);
        if (is_file(p)) {
            *pkgdir = strdup(p);
            if (*pkgdir != NULL) {
                *strrchr(*pkgdir, '/') = '\0';
            }
            *path = p;
            return 1;
        }
        snprintf(p, n, "%s%s%s.py", base, dir[0] ? sep : "/", name);
        if (is_file(p)) {
            *pkgdir = NULL;
            *path = p;
            return 1;
        }
        free(p);
    }
    return 0;
}

/* Run the file at path as module `name` (registered in sys.modules first). */
static PylObject *load_source_module(PylThread *t, PylObject *name, const char *path,
                                     const char *pkgdir)
{
    PylVM *vm = t->vm;
    PylObject *mod = pyl_module_new(t, name);
    if (mod == NULL) {
        return NULL;
    }
    PylObject *d = PYL_MODULE_DICT(mod);
    PylObject *file = pyl_str_from_cstr(t, path);
    PylObject *package;
    if (pkgdir != NULL) {
        package = pyl_incref(name);
    } else {
        const char *s = PYL_STR_DATA(name);
        const char *dot = strrchr(s, '.');
        package = pyl_str_new(t, s, dot ? dot - s : 0);
    }
    int r = file && package ? 0 : -1;
    if (r == 0) {
        r = pyl_dict_set(t, d, PYL_NAME(t, __file__), file);
    }
    if (r == 0) {
        r = pyl_dict_set(t, d, PYL_NAME(t, __package__), package);
    }
    if (r == 0) {
        r = pyl_dict_set(t, d, PYL_NAME(t, __builtins__), vm->builtins_module);
    }
    if (r == 0 && pkgdir != NULL) {
        PylObject *dir = pyl_str_from_cstr(t, pkgdir);
        PylObject *list = dir ? pyl_list_new(t, 0) : NULL;
        r = list && pyl_list_append(t, list, dir) == 0
                ? pyl_dict_set(t, d, PYL_NAME(t, __path__), list)
                : -1;
        pyl_xdecref(t, dir);
        pyl_xdecref(t, list);
    }
    if (r == 0) {
        r = pyl_dict_set(t, vm->modules, name, mod);
    }
    if (r < 0) {
        pyl_xdecref(t, file);
        pyl_xdecref(t, package);
        pyl_decref(t, mod);
        return NULL;
    }
    PylObject *code = pyl_import_get_code(t, path, file);
    pyl_decref(t, file);
    pyl_decref(t, package);
    PylObject *res = NULL;
    if (code != NULL) {
        if (pyl_set_add(t, vm->importing, name) == 0) {
            res = pyl_eval_code(t, code, d, d);
            pyl_set_discard(t, vm->importing, name);
        }
        pyl_decref(t, code);
    }
    if (res == NULL) {
        PylObject *exc = pyl_err_fetch(t);
        PylObject *gone = pyl_dict_pop(t, vm->modules, name);
        pyl_xdecref(t, gone);
        pyl_err_clear(t);
        pyl_err_restore(t, exc);
        pyl_decref(t, mod);
        return NULL;
    }
    pyl_decref(t, res);
    pyl_decref(t, mod);
    /* the module may have replaced itself in sys.modules */
    PylObject *final = pyl_dict_get(t, vm->modules, name);
    if (final == NULL) {
        if (!pyl_err_occurred(t)) {
            pyl_err_format(t, PYL_EXC(t, ImportError), "Loaded module %R not found in sys.modules",
                           name);
        }
        return NULL;
    }
    return pyl_incref(final);
}

/* The module called `name` (absolute, dotted), importing it and its parents as
 * needed. */
static PylObject *import_module(PylThread *t, PylObject *name)
{
    PylVM *vm = t->vm;
    PylObject *m = pyl_dict_get(t, vm->modules, name);
    if (m != NULL) {
        if (m == PYL_NONE) {
            pyl_err_format(t, PYL_EXC(t, ModuleNotFoundError),
                           "import of %U halted; None in sys.modules", name);
            return NULL;
        }
        return pyl_incref(m);
    }
    if (pyl_err_occurred(t)) {
        return NULL;
    }
    const char *s = PYL_STR_DATA(name);
    const char *dot = strrchr(s, '.');
    PylObject *parent = NULL, *dirs, *leaf;
    if (dot != NULL) {
        PylObject *pname = pyl_str_new(t, s, dot - s);
        if (pname == NULL) {
            return NULL;
        }
        parent = import_module(t, pname);
        if (parent == NULL) {
            pyl_decref(t, pname);
            return NULL;
        }
        /* importing the parent may have imported us */
        m = pyl_dict_get(t, vm->modules, name);
        if (m != NULL) {
            pyl_decref(t, pname);
            pyl_decref(t, parent);
            return pyl_incref(m);
        }
        dirs = pyl_getattr_opt(t, parent, PYL_NAME(t, __path__));
        if (dirs == NULL) {
            if (!pyl_err_occurred(t)) {
                no_module(t, name, "not a package", pname);
            }
            pyl_decref(t, pname);
            pyl_decref(t, parent);
            return NULL;
        }
        pyl_decref(t, pname);
        leaf = pyl_str_from_cstr(t, dot + 1);
    } else {
        const PylModuleDef *def = pyl_module_find_native(s);
        if (def != NULL) {
            m = pyl_module_from_def(t, def);
            if (m == NULL || pyl_dict_set(t, vm->modules, name, m) < 0) {
                pyl_xdecref(t, m);
                return NULL;
            }
            return m;
        }
        dirs = pyl_incref(vm->path);
        leaf = pyl_incref(name);
    }
    char *path = NULL, *pkgdir = NULL;
    int found = leaf ? find_in(t, dirs, leaf, &path, &pkgdir) : -1;
    pyl_decref(t, dirs);
    pyl_xdecref(t, leaf);
    if (found <= 0) {
        pyl_xdecref(t, parent);
        return found < 0 ? NULL : no_module(t, name, NULL, NULL);
    }
    m = load_source_module(t, name, path, pkgdir);
    free(path);
    free(pkgdir);
    if (m != NULL && parent != NULL) {
        PylObject *attr = pyl_str_intern_cstr(t, dot + 1);
        if (attr == NULL || pyl_setattr(t, parent, attr, m) < 0) {
            PYL_CLEAR(t, m);
        }
        pyl_xdecref(t, attr);
    }
    pyl_xdecref(t, parent);
    return m;
}

/* For `pyl -m name`: the source file to run as __main__ (malloc'd), after
 * importing name's parent packages; a package runs its __main__.py. *package is
 * set to the package the code belongs to (new reference). NULL with
 * ModuleNotFoundError / ImportError when there is nothing to run. */
char *pyl_import_locate_main(PylThread *t, PylObject *name, PylObject **package)
{
    const char *s = PYL_STR_DATA(name);
    const char *dot = strrchr(s, '.');
    PylObject *dirs;
    if (dot != NULL) {
        PylObject *pname = pyl_str_new(t, s, dot - s);
        PylObject *parent = pname ? import_module(t, pname) : NULL;
        dirs = parent ? pyl_getattr_opt(t, parent, PYL_NAME(t, __path__)) : NULL;
        pyl_xdecref(t, parent);
        if (dirs == NULL) {
            if (parent != NULL && !pyl_err_occurred(t)) {
                no_module(t, name, "not a package", pname);
            }
            pyl_xdecref(t, pname);
            return NULL;
        }
        *package = pname;
    } else {
        dirs = pyl_incref(t->vm->path);
        *package = pyl_str_new(t, "", 0);
    }
    PylObject *leaf = *package ? pyl_str_from_cstr(t, dot ? dot + 1 : s) : NULL;
    char *path = NULL, *pkgdir = NULL;
    int found = leaf ? find_in(t, dirs, leaf, &path, &pkgdir) : -1;
    pyl_decref(t, dirs);
    pyl_xdecref(t, leaf);
    if (found <= 0) {
        if (found == 0) {
            no_module(t, name, NULL, NULL);
        }
        PYL_CLEAR(t, *package);
        return NULL;
    }
    if (pkgdir == NULL) {
        return path;
    }
    /* a package: import it, then run its __main__ submodule */
    free(path);
    free(pkgdir);
    PylObject *pkg = import_module(t, name);
    PylObject *sub = pkg ? pyl_str_format_c(t, "%U.__main__", name) : NULL;
    pyl_xdecref(t, pkg);
    PYL_CLEAR(t, *package);
    if (sub == NULL) {
        return NULL;
    }
    PylObject *ignored = NULL;
    path = pyl_import_locate_main(t, sub, &ignored);
    pyl_xdecref(t, ignored);
    if (path == NULL && pyl_err_matches(t, PYL_EXC(t, ImportError))) {
        pyl_err_clear(t);
        PylObject *msg = pyl_str_format_c(t,
                                          "No module named %U; %R is a package and cannot be "
                                          "directly executed",
                                          sub, name);
        if (msg != NULL) {
            pyl_err_set(t, PYL_EXC(t, ImportError), msg);
            pyl_decref(t, msg);
        }
    }
    *package = path ? pyl_incref(name) : NULL;
    pyl_decref(t, sub);
    return path;
}

/* The absolute name for a relative import of `name` at `level` from globals. */
static PylObject *resolve_name(PylThread *t, PylObject *name, PylObject *globals, int level)
{
    PylObject *package = globals ? pyl_dict_get_str(t, globals, PYL_NAME(t, __package__)) : NULL;
    PylObject *owned = NULL;
    if (package == NULL || package == PYL_NONE) {
        PylObject *modname = globals ? pyl_dict_get_str(t, globals, PYL_NAME(t, __name__)) : NULL;
        if (modname == NULL || !PYL_IS_STR(modname)) {
            pyl_err_format(t, PYL_EXC(t, KeyError), "'__name__' not in globals");
            return NULL;
        }
        if (pyl_dict_get_str(t, globals, PYL_NAME(t, __path__)) != NULL) {
            package = modname;
        } else {
            const char *s = PYL_STR_DATA(modname);
            const char *dot = strrchr(s, '.');
            package = owned = pyl_str_new(t, s, dot ? dot - s : 0);
            if (package == NULL) {
                return NULL;
            }
        }
    }
    if (!PYL_IS_STR(package)) {
        pyl_xdecref(t, owned);
        return pyl_err_format(t, PYL_EXC(t, TypeError), "package must be a string");
    }
    if (PYL_STR_NBYTES(package) == 0) {
        pyl_xdecref(t, owned);
        return pyl_err_format(t, PYL_EXC(t, ImportError),
                              "attempted relative import with no known parent package");
    }
    /* strip level-1 trailing components */
    const char *s = PYL_STR_DATA(package);
    intptr_t end = PYL_STR_NBYTES(package);
    for (int i = 1; i < level; i++) {
        while (end > 0 && s[end - 1] != '.') {
            end--;
        }
        if (end == 0) {
            pyl_xdecref(t, owned);
            return pyl_err_format(t, PYL_EXC(t, ImportError),
                                  "attempted relative import beyond top-level package");
        }
        end--;
    }
    PylObject *base = pyl_str_new(t, s, end);
    pyl_xdecref(t, owned);
    if (base == NULL) {
        return NULL;
    }
    if (PYL_STR_NBYTES(name) == 0) {
        return base;
    }
    PylObject *r = pyl_str_format_c(t, "%U.%U", base, name);
    pyl_decref(t, base);
    return r;
}

/* from package import a, b: names that are not attributes may be submodules */
static int handle_fromlist(PylThread *t, PylObject *module, PylObject *absname, PylObject *fromlist)
{
    PylObject *path = pyl_getattr_opt(t, module, PYL_NAME(t, __path__));
    if (path == NULL) {
        return pyl_err_occurred(t) ? -1 : 0; /* not a package */
    }
    pyl_decref(t, path);
    PylObject *it = pyl_iter(t, fromlist);
    if (it == NULL) {
        return -1;
    }
    PylObject *item;
    int r = 0;
    while (r == 0 && (item = pyl_iter_next(t, it)) != NULL) {
        if (PYL_IS_STR(item) && pyl_str_equal_cstr(item, "*")) {
            PylObject *all = pyl_getattr_opt(t, module, PYL_NAME(t, __all__));
            if (all != NULL) {
                r = handle_fromlist(t, module, absname, all);
                pyl_decref(t, all);
            } else if (pyl_err_occurred(t)) {
                r = -1;
            }
        } else if (PYL_IS_STR(item)) {
            int has = pyl_hasattr(t, module, item);
            if (has < 0) {
                r = -1;
            } else if (!has) {
                PylObject *sub = pyl_str_format_c(t, "%U.%U", absname, item);
                PylObject *m = sub ? import_module(t, sub) : NULL;
                if (m == NULL && pyl_err_matches(t, PYL_EXC(t, ModuleNotFoundError))) {
                    /* only "this submodule does not exist" is ignored */
                    PylObject *exc = pyl_err_fetch(t);
                    PylObject *ename = pyl_exception_get_attr(t, exc, "name");
                    if (sub != NULL && PYL_IS_STR(ename) && pyl_str_equal(ename, sub)) {
                        pyl_decref(t, exc);
                    } else {
                        pyl_err_restore(t, exc);
                        r = -1;
                    }
                } else if (m == NULL) {
                    r = -1;
                }
                pyl_xdecref(t, m);
                pyl_xdecref(t, sub);
            }
        }
        pyl_decref(t, item);
    }
    pyl_decref(t, it);
    return r < 0 || pyl_err_occurred(t) ? -1 : 0;
}

PylObject *pyl_import_name(PylThread *t, PylObject *name, PylObject *globals, PylObject *fromlist,
                           int level)
{
    if (level < 0) {
        return pyl_err_format(t, PYL_EXC(t, ValueError), "level must be >= 0");
    }
    PylObject *absname;
    if (level > 0) {
        absname = resolve_name(t, name, globals, level);
    } else {
        if (PYL_STR_NBYTES(name) == 0) {
            return pyl_err_format(t, PYL_EXC(t, ValueError), "Empty module name");
        }
        absname = pyl_incref(name);
    }
    if (absname == NULL) {
        return NULL;
    }
    PylObject *module = import_module(t, absname);
    if (module == NULL) {
        pyl_decref(t, absname);
        return NULL;
    }
    bool has_fromlist = fromlist != NULL && fromlist != PYL_NONE && pyl_is_true(t, fromlist) > 0;
    if (has_fromlist) {
        if (handle_fromlist(t, module, absname, fromlist) < 0) {
            pyl_decref(t, module);
            pyl_decref(t, absname);
            return NULL;
        }
        pyl_decref(t, absname);
        return module;
    }
    /* `import a.b.c` binds a: return the top-level package */
    const char *s = PYL_STR_DATA(absname);
    const char *dot = strchr(s, '.');
    if (dot == NULL || level > 0) {
        pyl_decref(t, absname);
        if (level > 0 && dot != NULL) {
            /* `from . import x` always has a fromlist; this is __import__('.a.b', level=1) */
            return module;
        }
        return module;
    }
    PylObject *topname = pyl_str_new(t, s, dot - s);
    pyl_decref(t, absname);
    pyl_decref(t, module);
    if (topname == NULL) {
        return NULL;
    }
    PylObject *top = pyl_dict_get(t, t->vm->modules, topname);
    pyl_decref(t, topname);
    if (top == NULL) {
        return pyl_err_occurred(t) ? NULL : pyl_err_format(t, PYL_EXC(t, KeyError), "top module");
    }
    return pyl_incref(top);
}

/* from module import name */
PylObject *pyl_import_from(PylThread *t, PylObject *module, PylObject *name)
{
    PylObject *v = pyl_getattr_opt(t, module, name);
    if (v != NULL || pyl_err_occurred(t)) {
        return v;
    }
    /* a submodule imported in the meantime (circular imports) */
    PylObject *mname = pyl_getattr_opt(t, module, PYL_NAME(t, __name__));
    if (mname != NULL && PYL_IS_STR(mname)) {
        PylObject *full = pyl_str_format_c(t, "%U.%U", mname, name);
        PylObject *sub = full ? pyl_dict_get(t, t->vm->modules, full) : NULL;
        pyl_xdecref(t, full);
        if (sub != NULL) {
            pyl_decref(t, mname);
            return pyl_incref(sub);
        }
    }
    pyl_err_clear(t);
    if (mname == NULL || !PYL_IS_STR(mname)) {
        pyl_xdecref(t, mname);
        return pyl_err_format(t, PYL_EXC(t, ImportError),
                              "cannot import name %R from '<unknown module name>' (unknown "
                              "location)",
                              name);
    }
    PylObject *file = pyl_getattr_opt(t, module, PYL_NAME(t, __file__));
    pyl_err_clear(t);
    bool initializing = pyl_set_contains(t, t->vm->importing, mname) > 0;
    if (file != NULL && PYL_IS_STR(file)) {
        if (initializing) {
            pyl_err_format(t, PYL_EXC(t, ImportError),
                           "cannot import name %R from partially initialized module %R (most "
                           "likely due to a circular import) (%U)",
                           name, mname, file);
        } else {
            pyl_err_format(t, PYL_EXC(t, ImportError), "cannot import name %R from %R (%U)", name,
                           mname, file);
        }
    } else {
        pyl_err_format(t, PYL_EXC(t, ImportError),
                       "cannot import name %R from %R (unknown location)", name, mname);
    }
    if (t->exc != NULL && pyl_err_matches(t, PYL_EXC(t, ImportError))) {
        pyl_exception_set_attr(t, t->exc, "name", pyl_incref(mname));
        if (file != NULL) {
            pyl_exception_set_attr(t, t->exc, "path", pyl_incref(file));
        }
    }
    pyl_xdecref(t, file);
    pyl_decref(t, mname);
    return NULL;
}

/* from module import * */
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
            PylObject *mname = pyl_getattr_opt(t, module, PYL_NAME(t, __name__));
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, TypeError), "Item in %S.__all__ must be str, not %T",
                           mname ? mname : PYL_NONE, name);
            pyl_xdecref(t, mname);
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

/* importlib.import_module(name, package=None) */
static PylObject *importlib_import_module(PylThread *t, PylObject *self, PylObject *const *args,
                                          intptr_t nargs, PylObject *kwnames)
{
    static const char *const names[] = {"name", "package", NULL};
    static const PylArgSpec spec = {"import_module", names, 1, 2};
    PylObject *a[2];
    if (pyl_parse_args(t, &spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    if (!PYL_IS_STR(a[0])) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "import_module() argument must be str");
    }
    const char *s = PYL_STR_DATA(a[0]);
    int level = 0;
    while (s[level] == '.') {
        level++;
    }
    if (level == 0) {
        return import_module(t, a[0]);
    }
    if (a[1] == NULL || a[1] == PYL_NONE) {
        return pyl_err_format(t, PYL_EXC(t, TypeError),
                              "the 'package' argument is required to perform a relative import "
                              "for %R",
                              a[0]);
    }
    PylObject *globals = pyl_dict_new(t);
    if (globals == NULL || pyl_dict_set(t, globals, PYL_NAME(t, __package__), a[1]) < 0) {
        pyl_xdecref(t, globals);
        return NULL;
    }
    PylObject *rest = pyl_str_from_cstr(t, s + level);
    PylObject *abs = rest ? resolve_name(t, rest, globals, level) : NULL;
    pyl_xdecref(t, rest);
    pyl_decref(t, globals);
    if (abs == NULL) {
        return NULL;
    }
    PylObject *m = import_module(t, abs);
    pyl_decref(t, abs);
    return m;
}

static const PylMethodDef importlib_methods[] = {
    PYL_METHOD_KW("import_module", importlib_import_module),
    PYL_METHOD_END,
};

const PylModuleDef pyl_module_importlib = {"importlib", importlib_methods, NULL,
                                           "The import machinery (import_module)."};
