/* exceptions.c — BaseException and the behaviour of the builtin exception
 * classes that differ from it (KeyError's str, OSError's errno mapping,
 * StopIteration.value, SyntaxError's fields, UnicodeDecodeError's message ...).
 * All of them share PylBaseException's layout; their extra attributes are set
 * into the instance __dict__ by their __init__. */
#include <errno.h>
#include <stdio.h>

#include "vm/core.h"

static PylObject *exc_dict(PylThread *t, PylObject *self)
{
    PylBaseException *e = (PylBaseException *)self;
    if (e->dict == NULL) {
        e->dict = pyl_dict_new(t);
    }
    return e->dict;
}

int pyl_exception_set_attr(PylThread *t, PylObject *exc, const char *name, PylObject *value)
{
    if (value == NULL) {
        return -1;
    }
    PylObject *d = exc_dict(t, exc);
    int r = d == NULL ? -1 : pyl_dict_set_cstr(t, d, name, value);
    pyl_decref(t, value);
    return r;
}

PylObject *pyl_exception_get_attr(PylThread *t, PylObject *exc, const char *name)
{
    PylBaseException *e = (PylBaseException *)exc;
    PylObject *v = e->dict ? pyl_dict_get_cstr(t, e->dict, name) : NULL;
    return v ? v : PYL_NONE;
}

static PylObject *exc_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                          PylObject *kwnames)
{
    PylBaseException *e = (PylBaseException *)pyl_obj_alloc(t, type, type->basicsize);
    if (e == NULL) {
        return NULL;
    }
    e->args = pyl_tuple_from_array(t, args, nargs);
    if (e->args == NULL) {
        pyl_decref(t, (PylObject *)e);
        return NULL;
    }
    return (PylObject *)e;
}

PylObject *pyl_exception_new(PylThread *t, PylType *type, PylObject *args)
{
    return pyl_call(t, (PylObject *)type, PYL_TUPLE_ITEMS(args), PYL_TUPLE_SIZE(args), NULL);
}

static int exc_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                    PylObject *kwnames)
{
    if (pyl_no_kwargs(t, pyl_type_name(t, self), kwnames) < 0) {
        return -1;
    }
    PylObject *a = pyl_tuple_from_array(t, args, nargs);
    if (a == NULL) {
        return -1;
    }
    pyl_setref(t, &((PylBaseException *)self)->args, a);
    return 0;
}

static void exc_dealloc(PylThread *t, PylObject *self)
{
    PylBaseException *e = (PylBaseException *)self;
    pyl_xdecref(t, e->dict);
    pyl_xdecref(t, e->args);
    pyl_xdecref(t, e->traceback);
    pyl_xdecref(t, e->context);
    pyl_xdecref(t, e->cause);
    pyl_obj_free(t, self);
}

static int exc_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylBaseException *e = (PylBaseException *)self;
    PylObject *fields[] = {e->dict, e->args, e->traceback, e->context, e->cause};
    for (int i = 0; i < 5; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

/* Breaks cycles (an exception, its traceback, a frame's globals holding it);
 * args stays a tuple, as the rest of the runtime expects. */
static void exc_clear(PylThread *t, PylObject *self)
{
    PylBaseException *e = (PylBaseException *)self;
    PYL_CLEAR(t, e->dict);
    if (e->args != NULL && PYL_TUPLE_SIZE(e->args) > 0) {
        pyl_setref(t, &e->args, pyl_incref(t->vm->empty_tuple));
    }
    PYL_CLEAR(t, e->traceback);
    PYL_CLEAR(t, e->context);
    PYL_CLEAR(t, e->cause);
}

static PylObject *exc_str(PylThread *t, PylObject *self)
{
    PylObject *args = PYL_EXC_ARGS(self);
    switch (PYL_TUPLE_SIZE(args)) {
    case 0:
        return pyl_incref(t->vm->empty_str);
    case 1:
        return pyl_str(t, PYL_TUPLE_ITEM(args, 0));
    default:
        return pyl_str(t, args);
    }
}

static PylObject *exc_repr(PylThread *t, PylObject *self)
{
    PylObject *args = PYL_EXC_ARGS(self);
    const char *name = pyl_type_name(t, self);
    if (PYL_TUPLE_SIZE(args) == 1) {
        return pyl_str_format_c(t, "%s(%R)", name, PYL_TUPLE_ITEM(args, 0));
    }
    return pyl_str_format_c(t, "%s%R", name, args);
}

static PylObject *exc_get_args(PylThread *t, PylObject *self)
{
    return pyl_incref(PYL_EXC_ARGS(self));
}

static int exc_set_args(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "args may not be deleted");
        return -1;
    }
    PylObject *a = pyl_sequence_tuple(t, value);
    if (a == NULL) {
        return -1;
    }
    pyl_setref(t, &((PylBaseException *)self)->args, a);
    return 0;
}

static PylObject *exc_get_traceback(PylThread *t, PylObject *self)
{
    PylObject *tb = ((PylBaseException *)self)->traceback;
    return tb ? pyl_incref(tb) : PYL_NONE;
}

static int exc_set_traceback(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__traceback__ may not be deleted");
        return -1;
    }
    if (value != PYL_NONE && !PYL_IS_KIND(value, TRACEBACK)) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__traceback__ must be a traceback or None");
        return -1;
    }
    pyl_setref(t, &((PylBaseException *)self)->traceback,
               value == PYL_NONE ? NULL : pyl_incref(value));
    return 0;
}

static PylObject *exc_get_context(PylThread *t, PylObject *self)
{
    PylObject *c = ((PylBaseException *)self)->context;
    return c ? pyl_incref(c) : PYL_NONE;
}

/* Set __context__ or __cause__ ("context" / "cause" in the messages, as CPython). */
static int set_chain(PylThread *t, PylObject **slot, PylObject *value, const char *what)
{
    if (value == NULL) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "__%s__ may not be deleted", what);
        return -1;
    }
    if (value != PYL_NONE && !PYL_IS_EXCEPTION(value)) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "exception %s must be None or derive from BaseException", what);
        return -1;
    }
    pyl_setref(t, slot, value == PYL_NONE ? NULL : pyl_incref(value));
    return 0;
}

static int exc_set_context(PylThread *t, PylObject *self, PylObject *value)
{
    return set_chain(t, &((PylBaseException *)self)->context, value, "context");
}

static PylObject *exc_get_cause(PylThread *t, PylObject *self)
{
    PylObject *c = ((PylBaseException *)self)->cause;
    return c ? pyl_incref(c) : PYL_NONE;
}

static int exc_set_cause(PylThread *t, PylObject *self, PylObject *value)
{
    if (set_chain(t, &((PylBaseException *)self)->cause, value, "cause") < 0) {
        return -1;
    }
    ((PylBaseException *)self)->suppress_context = true;
    return 0;
}

static PylObject *exc_get_dict(PylThread *t, PylObject *self)
{
    PylObject *d = exc_dict(t, self);
    return d ? pyl_incref(d) : NULL;
}

static PylObject *exc_with_traceback(PylThread *t, PylObject *self, PylObject *tb)
{
    if (exc_set_traceback(t, self, tb) < 0) {
        return NULL;
    }
    return pyl_incref(self);
}

static PylObject *exc_add_note(PylThread *t, PylObject *self, PylObject *note)
{
    if (!PYL_IS_STR(note)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "note must be a str, not '%T'", note);
    }
    PylObject *d = exc_dict(t, self);
    if (d == NULL) {
        return NULL;
    }
    PylObject *notes = pyl_dict_get_cstr(t, d, "__notes__");
    if (notes == NULL) {
        notes = pyl_list_new(t, 0);
        if (notes == NULL || pyl_dict_set_cstr(t, d, "__notes__", notes) < 0) {
            pyl_xdecref(t, notes);
            return NULL;
        }
        pyl_decref(t, notes);
    } else if (!PYL_IS_LIST(notes)) {
        return pyl_err_format(t, PYL_EXC(t, TypeError), "Cannot add note: __notes__ is not a list");
    }
    if (pyl_list_append(t, notes, note) < 0) {
        return NULL;
    }
    return PYL_NONE;
}

static const PylMethodDef exc_methods[] = {
    PYL_METHOD_O("with_traceback", exc_with_traceback),
    PYL_METHOD_O("add_note", exc_add_note),
    PYL_METHOD_END,
};

static const PylGetSetDef exc_getset[] = {
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_traceback, exc_set_traceback, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL},
    {"__dict__", exc_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const PylMemberDef exc_members[] = {
    {"__suppress_context__", PYL_MEMBER_BOOL, offsetof(PylBaseException, suppress_context), false,
     NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylType base_exception_template = {
    .name = "BaseException",
    .flags = PYL_TF_BASETYPE | PYL_TF_GC | PYL_TF_EXCEPTION,
    .basicsize = sizeof(PylBaseException),
    .dictoffset = offsetof(PylBaseException, dict),
    .dealloc = exc_dealloc,
    .traverse = exc_traverse,
    .clear = exc_clear,
    .repr = exc_repr,
    .str = exc_str,
    .getattr = pyl_generic_getattr,
    .setattr = pyl_generic_setattr,
    .new_ = exc_new,
    .init = exc_init,
    .methods = exc_methods,
    .getset = exc_getset,
    .members = exc_members,
    .doc = "Common base class for all exceptions",
};

const PylType *pyl_exception_template(void)
{
    return &base_exception_template;
}

/* ---- the classes with their own behaviour ----------------------------------- */

static PylObject *arg_or_none(PylObject *args, intptr_t i)
{
    return i < PYL_TUPLE_SIZE(args) ? PYL_TUPLE_ITEM(args, i) : PYL_NONE;
}

static PylObject *keyerror_str(PylThread *t, PylObject *self)
{
    PylObject *args = PYL_EXC_ARGS(self);
    if (PYL_TUPLE_SIZE(args) == 1) {
        return pyl_repr(t, PYL_TUPLE_ITEM(args, 0));
    }
    return exc_str(t, self);
}

static int stopiteration_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0) {
        return -1;
    }
    return pyl_exception_set_attr(t, self, "value", pyl_incref(nargs > 0 ? args[0] : PYL_NONE));
}

static int systemexit_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0) {
        return -1;
    }
    PylObject *code = nargs == 0 ? PYL_NONE : nargs == 1 ? args[0] : PYL_EXC_ARGS(self);
    return pyl_exception_set_attr(t, self, "code", pyl_incref(code));
}

static int name_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                     PylObject *kwnames)
{
    /* NameError(name=...), AttributeError(name=..., obj=...), ImportError(name=, path=) */
    intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
    PylObject *a = pyl_tuple_from_array(t, args, nargs);
    if (a == NULL) {
        return -1;
    }
    pyl_setref(t, &((PylBaseException *)self)->args, a);
    PylType *type = PYL_TYPEOF(t, self);
    bool is_import = pyl_type_is_subtype(type, PYL_EXC(t, ImportError));
    bool is_attr = pyl_type_is_subtype(type, PYL_EXC(t, AttributeError));
    static const char *const import_kw[] = {"name", "path", NULL};
    static const char *const attr_kw[] = {"name", "obj", NULL};
    static const char *const name_kw[] = {"name", NULL};
    const char *const *allowed = is_import ? import_kw : is_attr ? attr_kw : name_kw;
    for (const char *const *k = allowed; *k; k++) {
        if (pyl_exception_set_attr(t, self, *k, pyl_incref(PYL_NONE)) < 0) {
            return -1;
        }
    }
    for (intptr_t i = 0; i < nkw; i++) {
        PylObject *kw = PYL_TUPLE_ITEM(kwnames, i);
        bool ok = false;
        for (const char *const *k = allowed; *k; k++) {
            if (pyl_str_equal_cstr(kw, *k)) {
                ok = true;
                if (pyl_exception_set_attr(t, self, *k, pyl_incref(args[nargs + i])) < 0) {
                    return -1;
                }
            }
        }
        if (!ok) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "'%U' is an invalid keyword argument for %s()",
                           kw, pyl_type_get_name(type));
            return -1;
        }
    }
    if (is_import) {
        return pyl_exception_set_attr(t, self, "msg", pyl_incref(arg_or_none(a, 0)));
    }
    return 0;
}

static PylObject *importerror_str(PylThread *t, PylObject *self)
{
    PylObject *msg = pyl_exception_get_attr(t, self, "msg");
    if (msg != PYL_NONE) {
        return pyl_str(t, msg);
    }
    return exc_str(t, self);
}

/* errno -> the OSError subclass OSError(errno, ...) turns into. */
static int oserror_kind_for_errno(long err)
{
    switch (err) {
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
        return PYL_K_EXC_BlockingIOError;
    case ECHILD:
        return PYL_K_EXC_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return PYL_K_EXC_BrokenPipeError;
    case ECONNABORTED:
        return PYL_K_EXC_ConnectionAbortedError;
    case ECONNREFUSED:
        return PYL_K_EXC_ConnectionRefusedError;
    case ECONNRESET:
        return PYL_K_EXC_ConnectionResetError;
    case EEXIST:
        return PYL_K_EXC_FileExistsError;
    case ENOENT:
        return PYL_K_EXC_FileNotFoundError;
    case EISDIR:
        return PYL_K_EXC_IsADirectoryError;
    case ENOTDIR:
        return PYL_K_EXC_NotADirectoryError;
    case EINTR:
        return PYL_K_EXC_InterruptedError;
    case EACCES:
    case EPERM:
        return PYL_K_EXC_PermissionError;
    case ESRCH:
        return PYL_K_EXC_ProcessLookupError;
    case ETIMEDOUT:
        return PYL_K_EXC_TimeoutError;
    default:
        return 0;
    }
}

static PylObject *oserror_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                              PylObject *kwnames)
{
    if (type == PYL_EXC(t, OSError) && nargs >= 2 && nargs <= 5 && PYL_IS_INT(args[0])) {
        int64_t err;
        if (pyl_int_as_i64(t, args[0], &err) < 0) {
            pyl_err_clear(t);
        } else {
            int k = oserror_kind_for_errno((long)err);
            if (k != 0) {
                type = t->vm->types[k];
            }
        }
    }
    return exc_new(t, type, args, nargs, kwnames);
}

static int oserror_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                        PylObject *kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0) {
        return -1;
    }
    PylObject *a = PYL_EXC_ARGS(self);
    bool full = nargs >= 2 && nargs <= 5;
    bool has_fn = full && nargs >= 3 && args[2] != PYL_NONE;
    if (has_fn && PYL_TYPEOF(t, self) == PYL_EXC(t, BlockingIOError) && PYL_IS_INT(args[2])) {
        /* BlockingIOError(errno, strerror, characters_written) */
        if (pyl_exception_set_attr(t, self, "characters_written", pyl_incref(args[2])) < 0) {
            return -1;
        }
        has_fn = false;
    }
    if (pyl_exception_set_attr(t, self, "errno", pyl_incref(full ? args[0] : PYL_NONE)) < 0 ||
        pyl_exception_set_attr(t, self, "strerror", pyl_incref(full ? args[1] : PYL_NONE)) < 0 ||
        pyl_exception_set_attr(t, self, "filename", pyl_incref(has_fn ? args[2] : PYL_NONE)) < 0 ||
        pyl_exception_set_attr(t, self, "filename2",
                               pyl_incref(full && nargs >= 5 ? args[4] : PYL_NONE)) < 0) {
        return -1;
    }
    if (has_fn) {
        /* args keeps only (errno, strerror) when a filename is given */
        PylObject *two = pyl_tuple_from_array(t, PYL_TUPLE_ITEMS(a), 2);
        if (two == NULL) {
            return -1;
        }
        pyl_setref(t, &((PylBaseException *)self)->args, two);
    }
    return 0;
}

static PylObject *oserror_str(PylThread *t, PylObject *self)
{
    PylObject *err = pyl_exception_get_attr(t, self, "errno");
    PylObject *msg = pyl_exception_get_attr(t, self, "strerror");
    PylObject *fn = pyl_exception_get_attr(t, self, "filename");
    PylObject *fn2 = pyl_exception_get_attr(t, self, "filename2");
    if (fn != PYL_NONE) {
        if (fn2 != PYL_NONE) {
            return pyl_str_format_c(t, "[Errno %S] %S: %R -> %R", err, msg, fn, fn2);
        }
        return pyl_str_format_c(t, "[Errno %S] %S: %R", err, msg, fn);
    }
    /* errno and strerror count as set (even to None) when 2 to 5 arguments were given */
    intptr_t nargs = PYL_TUPLE_SIZE(PYL_EXC_ARGS(self));
    if ((nargs >= 2 && nargs <= 5) || (err != PYL_NONE && msg != PYL_NONE)) {
        return pyl_str_format_c(t, "[Errno %S] %S", err, msg);
    }
    return exc_str(t, self);
}

static int syntaxerror_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                            PylObject *kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0) {
        return -1;
    }
    static const char *const fields[] = {"filename", "lineno",     "offset",
                                         "text",     "end_lineno", "end_offset"};
    if (pyl_exception_set_attr(t, self, "msg", pyl_incref(nargs >= 1 ? args[0] : PYL_NONE)) < 0 ||
        pyl_exception_set_attr(t, self, "print_file_and_line", pyl_incref(PYL_NONE)) < 0) {
        return -1;
    }
    PylObject *info = NULL;
    if (nargs == 2) {
        info = pyl_sequence_tuple(t, args[1]);
        if (info == NULL) {
            return -1;
        }
        intptr_t n = PYL_TUPLE_SIZE(info);
        if (n < 4 || n > 6) {
            pyl_decref(t, info);
            pyl_err_format(t, PYL_EXC(t, IndexError), "tuple index out of range");
            return -1;
        }
    }
    for (int i = 0; i < 6; i++) {
        PylObject *v = info && i < PYL_TUPLE_SIZE(info) ? PYL_TUPLE_ITEM(info, i) : PYL_NONE;
        if (pyl_exception_set_attr(t, self, fields[i], pyl_incref(v)) < 0) {
            pyl_xdecref(t, info);
            return -1;
        }
    }
    pyl_xdecref(t, info);
    return 0;
}

static PylObject *syntaxerror_str(PylThread *t, PylObject *self)
{
    PylObject *msg = pyl_exception_get_attr(t, self, "msg");
    PylObject *fn = pyl_exception_get_attr(t, self, "filename");
    PylObject *line = pyl_exception_get_attr(t, self, "lineno");
    PylObject *m = msg == PYL_NONE ? NULL : pyl_str(t, msg);
    if (msg != PYL_NONE && m == NULL) {
        return NULL;
    }
    PylObject *r;
    const char *base = NULL;
    if (fn != PYL_NONE && PYL_IS_STR(fn)) {
        const char *s = PYL_STR_DATA(fn);
        const char *slash = strrchr(s, '/');
        base = slash ? slash + 1 : s;
    }
    const char *ms = m ? PYL_STR_DATA(m) : "None";
    if (base != NULL && PYL_IS_INT(line)) {
        r = pyl_str_format_c(t, "%s (%s, line %S)", ms, base, line);
    } else if (base != NULL) {
        r = pyl_str_format_c(t, "%s (%s)", ms, base);
    } else if (PYL_IS_INT(line)) {
        r = pyl_str_format_c(t, "%s (line %S)", ms, line);
    } else {
        r = m ? pyl_incref(m) : pyl_str(t, msg);
    }
    pyl_xdecref(t, m);
    return r;
}

/* UnicodeDecodeError(encoding, object, start, end, reason) and the encode twin */
static int unicodeerror_init(PylThread *t, PylObject *self, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0) {
        return -1;
    }
    if (nargs != 5) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "function takes exactly 5 arguments (%zd given)",
                       (ssize_t)nargs);
        return -1;
    }
    static const char *const fields[] = {"encoding", "object", "start", "end", "reason"};
    for (int i = 0; i < 5; i++) {
        if (pyl_exception_set_attr(t, self, fields[i], pyl_incref(args[i])) < 0) {
            return -1;
        }
    }
    return 0;
}

static PylObject *unicodeerror_str(PylThread *t, PylObject *self)
{
    PylObject *enc = pyl_exception_get_attr(t, self, "encoding");
    PylObject *obj = pyl_exception_get_attr(t, self, "object");
    PylObject *reason = pyl_exception_get_attr(t, self, "reason");
    intptr_t start, end;
    if (PYL_TUPLE_SIZE(PYL_EXC_ARGS(self)) == 0) {
        return pyl_incref(t->vm->empty_str);
    }
    if (pyl_int_as_ssize(t, pyl_exception_get_attr(t, self, "start"), &start) < 0 ||
        pyl_int_as_ssize(t, pyl_exception_get_attr(t, self, "end"), &end) < 0) {
        return NULL;
    }
    bool decode = PYL_TYPEOF(t, self) == PYL_EXC(t, UnicodeDecodeError);
    if (decode && PYL_IS_BYTES(obj) && end == start + 1 && start >= 0 &&
        start < PYL_BYTES_SIZE(obj)) {
        return pyl_str_format_c(t, "%R codec can't decode byte 0x%02x in position %zd: %S", enc,
                                (unsigned char)PYL_BYTES_DATA(obj)[start], (ssize_t)start, reason);
    }
    if (!decode && PYL_IS_STR(obj) && end == start + 1 && start >= 0 && start < PYL_STR_LEN(obj)) {
        const char *p = PYL_STR_DATA(obj) + pyl_str_offset(obj, start);
        uint32_t cp = pyl_utf8_next(&p);
        const char *f = cp < 0x100 ? "%R codec can't encode character '\\x%02x' in position %zd: %S"
                        : cp < 0x10000
                            ? "%R codec can't encode character '\\u%04x' in position %zd: %S"
                            : "%R codec can't encode character '\\U%08x' in position %zd: %S";
        return pyl_str_format_c(t, f, enc, (unsigned)cp, (ssize_t)start, reason);
    }
    return pyl_str_format_c(t, "%R codec can't %s %s in position %zd-%zd: %S", enc,
                            decode ? "decode" : "encode", decode ? "bytes" : "characters",
                            (ssize_t)start, (ssize_t)(end - 1), reason);
}

/* Give the builtin exception classes their own slots; runs between the copying
 * of the templates and pyl_type_ready, so slot wrappers are made for them. */
void pyl_exceptions_patch(PylVM *vm)
{
    PylType **ty = vm->types;
    ty[PYL_K_EXC_KeyError]->str = keyerror_str;
    ty[PYL_K_EXC_StopIteration]->init = stopiteration_init;
    ty[PYL_K_EXC_SystemExit]->init = systemexit_init;
    ty[PYL_K_EXC_NameError]->init = name_init;
    ty[PYL_K_EXC_AttributeError]->init = name_init;
    ty[PYL_K_EXC_ImportError]->init = name_init;
    ty[PYL_K_EXC_ImportError]->str = importerror_str;
    ty[PYL_K_EXC_OSError]->new_ = oserror_new;
    ty[PYL_K_EXC_OSError]->init = oserror_init;
    ty[PYL_K_EXC_OSError]->str = oserror_str;
    ty[PYL_K_EXC_SyntaxError]->init = syntaxerror_init;
    ty[PYL_K_EXC_SyntaxError]->str = syntaxerror_str;
    ty[PYL_K_EXC_UnicodeDecodeError]->init = unicodeerror_init;
    ty[PYL_K_EXC_UnicodeDecodeError]->str = unicodeerror_str;
    ty[PYL_K_EXC_UnicodeEncodeError]->init = unicodeerror_init;
    ty[PYL_K_EXC_UnicodeEncodeError]->str = unicodeerror_str;
    ty[PYL_K_EXC_UnicodeTranslateError]->init = unicodeerror_init;
    ty[PYL_K_EXC_UnicodeTranslateError]->str = unicodeerror_str;
}
