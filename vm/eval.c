/* eval.c — the interpreter loop.
 *
 * One C activation of run() executes a chain of Python frames: a call from
 * Python to a Python function pushes a frame and continues in the same loop,
 * a return pops it; only calls from C (pyl_function_call) start a new run().
 * So Python recursion costs no C stack, and the depth limit is a counter.
 *
 * Registers: f (current frame), ip (next instruction word), sp (one past the top
 * of f's value stack), localsplus. They are written back to the frame (SAVE)
 * before anything that can look at the frame (calls out, errors).
 *
 * Dispatch: computed goto (one indirect jump per instruction, better branch
 * prediction) or, with PYL_NO_COMPUTED_GOTO, a switch — from the same
 * TARGET()/DISPATCH() source. Instruction bodies do the fast case inline and
 * call out-of-line helpers otherwise.
 *
 * Errors: `goto error` with an exception set adds a traceback entry for the
 * frame, then `unwind` looks for a handler in the frame's exception table; if
 * none, the frame is popped and the search continues in its caller.
 */
#include <math.h>
#include <stdio.h>

#include "vm/core.h"
#include "vm/eval.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/attrcache.h"
#include "vm/match.h"
#include "vm/builtins.h"
#include "vm/import.h"
#include "vm/traceback.h"

/* ---- calls ------------------------------------------------------------------------ */

/* Can a call with exactly nargs positional arguments and no keywords just copy
 * them into the first slots? */
static inline bool simple_call(PylCode *co, intptr_t nargs, PylObject *kwnames)
{
    return kwnames == NULL && nargs == co->argcount && co->kwonlyargcount == 0 &&
           !(co->flags & (PYL_CO_VARARGS | PYL_CO_VARKEYWORDS));
}

/* A frame for calling func with these arguments (borrowed), pushed and current. */
static PylFrame *frame_for_call(PylThread *t, PylFunction *func, PylObject *const *args,
                                intptr_t nargs, PylObject *kwnames)
{
    if (PYL_UNLIKELY(++t->depth > t->vm->recursion_limit)) {
        t->depth--;
        pyl_err_format(t, PYL_EXC(t, RecursionError), "maximum recursion depth exceeded");
        return NULL;
    }
    PylFrame *f = pyl_frame_push(t, func);
    if (f == NULL) {
        t->depth--;
        return NULL;
    }
    PylCode *co = f->code;
    if (simple_call(co, nargs, kwnames)) {
        for (intptr_t i = 0; i < nargs; i++) {
            f->localsplus[i] = pyl_incref(args[i]);
        }
    } else if (pyl_bind_args(t, func, f->localsplus, args, nargs, kwnames) < 0) {
        pyl_frame_pop(t, f);
        t->depth--;
        return NULL;
    }
    return f;
}

/* Calling a generator function makes a generator holding the bound frame. */
static PylObject *make_generator(PylThread *t, PylFunction *func, PylObject *const *args,
                                 intptr_t nargs, PylObject *kwnames)
{
    PylObject *gen = pyl_gen_new(t, func);
    if (gen == NULL) {
        return NULL;
    }
    PylFrame *f = ((PylGen *)gen)->frame;
    PylCode *co = f->code;
    if (simple_call(co, nargs, kwnames)) {
        for (intptr_t i = 0; i < nargs; i++) {
            f->localsplus[i] = pyl_incref(args[i]);
        }
    } else if (pyl_bind_args(t, func, f->localsplus, args, nargs, kwnames) < 0) {
        pyl_decref(t, gen);
        return NULL;
    }
    return gen;
}

/* ---- helpers of instructions --------------------------------------------------------- */

static void unbound_local(PylThread *t, PylCode *co, int i)
{
    PylObject *name = PYL_TUPLE_ITEM(co->localsplusnames, i);
    if (co->localspluskinds[i] & (PYL_LOCAL_CELL | PYL_LOCAL_FREE)) {
        if (co->localspluskinds[i] & PYL_LOCAL_FREE) {
            pyl_err_format(t, PYL_EXC(t, NameError),
                           "cannot access free variable '%U' where it is not associated with a "
                           "value in enclosing scope",
                           name);
            return;
        }
    }
    pyl_err_format(t, PYL_EXC(t, UnboundLocalError),
                   "cannot access local variable '%U' where it is not associated with a value",
                   name);
}

static void name_error(PylThread *t, PylObject *name)
{
    PylObject *exc = pyl_str_format_c(t, "name '%U' is not defined", name);
    if (exc == NULL) {
        return;
    }
    pyl_err_set(t, PYL_EXC(t, NameError), exc);
    pyl_decref(t, exc);
    if (t->exc != NULL && pyl_err_matches(t, PYL_EXC(t, NameError))) {
        pyl_exception_set_attr(t, t->exc, "name", pyl_incref(name));
    }
}

/* LOAD_GLOBAL's slow path: look up and fill the inline cache. */
static PylObject *load_global_slow(PylThread *t, PylFrame *f, PylObject *name, uint32_t *cache)
{
    PylObject *g = f->globals, *b = f->builtins;
    intptr_t ix = pyl_dict_index_str(t, g, name);
    if (ix >= 0) {
        cache[0] = pyl_dict_version(t, g);
        cache[1] = 0;
        cache[2] = (uint32_t)ix;
        return ((PylDict *)g)->entries[ix].value;
    }
    ix = pyl_dict_index_str(t, b, name);
    if (ix >= 0) {
        cache[0] = pyl_dict_version(t, g);
        cache[1] = pyl_dict_version(t, b);
        cache[2] = (uint32_t)ix;
        if (cache[1] == 0) {
            cache[0] = 0;
        }
        return ((PylDict *)b)->entries[ix].value;
    }
    name_error(t, name);
    return NULL;
}

static PylObject *load_name(PylThread *t, PylFrame *f, PylObject *name)
{
    PylObject *v;
    if (f->locals != NULL) {
        if (PYL_IS_DICT_EXACT(f->locals)) {
            v = pyl_dict_get_str(t, f->locals, name);
            if (v != NULL) {
                return pyl_incref(v);
            }
        } else {
            v = pyl_getitem(t, f->locals, name);
            if (v != NULL) {
                return v;
            }
            if (!pyl_err_matches(t, PYL_EXC(t, KeyError))) {
                return NULL;
            }
            pyl_err_clear(t);
        }
    }
    v = pyl_dict_get_str(t, f->globals, name);
    if (v == NULL) {
        v = pyl_dict_get_str(t, f->builtins, name);
    }
    if (v == NULL) {
        name_error(t, name);
        return NULL;
    }
    return pyl_incref(v);
}

static int unpack_iterable(PylThread *t, PylObject *v, int before, int after, PylObject **out)
{
    /* out receives `before` items, then (if after >= 0) a list of the rest and
     * `after` more items, in stack order: out[0] is the LAST item pushed... we
     * fill the stack top-down so that the first item ends on top. */
    if (after < 0 && (PYL_IS_TUPLE_EXACT(v) || PYL_IS_LIST_EXACT(v))) {
        intptr_t n = PYL_IS_TUPLE_EXACT(v) ? PYL_TUPLE_SIZE(v) : PYL_LIST_SIZE(v);
        PylObject **items = PYL_IS_TUPLE_EXACT(v) ? PYL_TUPLE_ITEMS(v) : PYL_LIST_ITEMS(v);
        if (n != before) {
            if (n < before) {
                pyl_err_format(t, PYL_EXC(t, ValueError),
                               "not enough values to unpack (expected %d, got %zd)", before,
                               (ssize_t)n);
            } else {
                pyl_err_format(t, PYL_EXC(t, ValueError), "too many values to unpack (expected %d)",
                               before);
            }
            return -1;
        }
        for (int i = 0; i < before; i++) {
            out[before - 1 - i] = pyl_incref(items[i]);
        }
        return 0;
    }
    PylObject *it = pyl_iter(t, v);
    if (it == NULL) {
        if (pyl_err_matches(t, PYL_EXC(t, TypeError)) && PYL_TYPEOF(t, v)->iter == NULL &&
            PYL_TYPEOF(t, v)->getitem == NULL) {
            pyl_err_clear(t);
            pyl_err_format(t, PYL_EXC(t, TypeError), "cannot unpack non-iterable %T object", v);
        }
        return -1;
    }
    int total = before + (after >= 0 ? 1 + after : 0);
    int i = 0;
    for (; i < before; i++) {
        PylObject *x = pyl_iter_next(t, it);
        if (x == NULL) {
            if (!pyl_err_occurred(t)) {
                if (after >= 0) {
                    pyl_err_format(t, PYL_EXC(t, ValueError),
                                   "not enough values to unpack (expected at least %d, got %d)",
                                   before + after, i);
                } else {
                    pyl_err_format(t, PYL_EXC(t, ValueError),
                                   "not enough values to unpack (expected %d, got %d)", before, i);
                }
            }
            goto fail;
        }
        out[total - 1 - i] = x;
    }
    if (after < 0) {
        PylObject *x = pyl_iter_next(t, it);
        if (x != NULL) {
            pyl_decref(t, x);
            pyl_err_format(t, PYL_EXC(t, ValueError), "too many values to unpack (expected %d)",
                           before);
            goto fail;
        }
        if (pyl_err_occurred(t)) {
            goto fail;
        }
        pyl_decref(t, it);
        return 0;
    }
    PylObject *rest = pyl_list_from_iterable(t, it);
    if (rest == NULL) {
        goto fail;
    }
    intptr_t nrest = PYL_LIST_SIZE(rest);
    if (nrest < after) {
        pyl_err_format(t, PYL_EXC(t, ValueError),
                       "not enough values to unpack (expected at least %d, got %zd)",
                       before + after, (ssize_t)(before + nrest));
        pyl_decref(t, rest);
        goto fail;
    }
    for (int k = 0; k < after; k++) {
        out[after - 1 - k] = PYL_LIST_ITEM(rest, nrest - after + k);
    }
    ((PylList *)rest)->size = nrest - after;
    out[after] = rest;
    pyl_decref(t, it);
    return 0;
fail:
    for (int k = 0; k < i; k++) {
        pyl_decref(t, out[total - 1 - k]);
    }
    pyl_decref(t, it);
    return -1;
}

/* raise / raise exc / raise exc from cause */
static int do_raise(PylThread *t, PylObject *exc, PylObject *cause)
{
    if (exc == NULL) {
        PylObject *cur = t->exc_info;
        if (cur == NULL || cur == PYL_NONE) {
            pyl_err_format(t, PYL_EXC(t, RuntimeError), "No active exception to reraise");
            return -1;
        }
        pyl_err_restore(t, pyl_incref(cur));
        return 1; /* re-raise: the traceback already has this frame */
    }
    PylObject *value;
    if (PYL_IS_EXCEPTION_TYPE(exc)) {
        value = pyl_call0(t, exc);
        if (value == NULL) {
            return -1;
        }
        if (!PYL_IS_EXCEPTION(value)) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "calling %R should have returned an instance of BaseException, not %T",
                           exc, value);
            pyl_decref(t, value);
            return -1;
        }
    } else if (PYL_IS_EXCEPTION(exc)) {
        value = pyl_incref(exc);
    } else {
        pyl_err_format(t, PYL_EXC(t, TypeError), "exceptions must derive from BaseException");
        return -1;
    }
    if (cause != NULL) {
        PylObject *c;
        if (PYL_IS_EXCEPTION_TYPE(cause)) {
            c = pyl_call0(t, cause);
            if (c == NULL) {
                pyl_decref(t, value);
                return -1;
            }
        } else if (PYL_IS_EXCEPTION(cause)) {
            c = pyl_incref(cause);
        } else if (cause == PYL_NONE) {
            c = NULL;
        } else {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "exception causes must derive from BaseException");
            pyl_decref(t, value);
            return -1;
        }
        PylBaseException *be = (PylBaseException *)value;
        pyl_setref(t, &be->cause, c);
        be->suppress_context = true;
    }
    pyl_err_raise_steal(t, value);
    return 0;
}

static PylObject *format_value(PylThread *t, PylObject *v, int conv, PylObject *spec)
{
    PylObject *tmp = NULL;
    switch (conv) {
    case 1:
        tmp = pyl_str(t, v);
        break;
    case 2:
        tmp = pyl_repr(t, v);
        break;
    case 3:
        tmp = pyl_ascii(t, v);
        break;
    default:
        break;
    }
    if (conv != 0) {
        if (tmp == NULL) {
            return NULL;
        }
        v = tmp;
    }
    PylObject *r = pyl_format(t, v, spec);
    pyl_xdecref(t, tmp);
    return r;
}

static PylObject *build_string(PylThread *t, PylObject **items, intptr_t n)
{
    intptr_t total = 0;
    for (intptr_t i = 0; i < n; i++) {
        total += PYL_STR_NBYTES(items[i]);
    }
    PylBuf b;
    pyl_buf_init(&b);
    if (pyl_buf_reserve(t, &b, total) < 0) {
        return NULL;
    }
    for (intptr_t i = 0; i < n; i++) {
        memcpy(b.data + b.len, PYL_STR_DATA(items[i]), (size_t)PYL_STR_NBYTES(items[i]));
        b.len += PYL_STR_NBYTES(items[i]);
    }
    return pyl_buf_finish_str(t, &b);
}

static int dict_merge_kwargs(PylThread *t, PylObject *dict, PylObject *other, PylObject *func)
{
    if (!PYL_IS_DICT(other)) {
        int has_keys = pyl_hasattr(t, other, PYL_NAME(t, keys));
        if (has_keys < 0) {
            return -1;
        }
        if (!has_keys) {
            pyl_err_format(t, PYL_EXC(t, TypeError),
                           "%S argument after ** must be a mapping, not %T", func, other);
            return -1;
        }
        PylObject *tmp = pyl_dict_new(t);
        if (tmp == NULL || pyl_dict_update(t, tmp, other) < 0) {
            pyl_xdecref(t, tmp);
            return -1;
        }
        int r = dict_merge_kwargs(t, dict, tmp, func);
        pyl_decref(t, tmp);
        return r;
    }
    intptr_t pos = 0;
    PylObject *k, *v;
    while (pyl_dict_next(other, &pos, &k, &v)) {
        if (!PYL_IS_STR(k)) {
            pyl_err_format(t, PYL_EXC(t, TypeError), "keywords must be strings");
            return -1;
        }
        int has = pyl_dict_contains(t, dict, k);
        if (has != 0) {
            if (has > 0) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "%S got multiple values for keyword argument '%U'", func, k);
            }
            return -1;
        }
        if (pyl_dict_set(t, dict, k, v) < 0) {
            return -1;
        }
    }
    return 0;
}

/* "f()" for messages about a callable: module.qualname() for functions, as
 * CPython's _PyObject_FunctionStr. */
static PylObject *func_desc(PylThread *t, PylObject *func)
{
    PylObject *name = pyl_getattr_opt(t, func, PYL_NAME(t, __qualname__));
    if (name == NULL) {
        pyl_err_clear(t);
        return pyl_str_format_c(t, "%T object", func);
    }
    PylObject *mod = pyl_getattr_opt(t, func, PYL_NAME(t, __module__));
    if (mod == NULL) {
        pyl_err_clear(t);
    }
    PylObject *r;
    if (mod != NULL && PYL_IS_STR(mod) && !pyl_str_equal_cstr(mod, "builtins")) {
        r = pyl_str_format_c(t, "%U.%S()", mod, name);
    } else {
        r = pyl_str_format_c(t, "%S()", name);
    }
    pyl_xdecref(t, mod);
    pyl_decref(t, name);
    return r;
}

/* ---- the loop ----------------------------------------------------------------------------- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(intptr_t)(n)])
#define SAVE() (f->ip = ip, f->sp = sp)
#define LOAD()                                                                                     \
    do {                                                                                           \
        ip = f->ip;                                                                                \
        sp = f->sp;                                                                                \
        localsplus = f->localsplus;                                                                \
        consts = PYL_TUPLE_ITEMS(f->code->consts);                                                 \
        names = PYL_TUPLE_ITEMS(f->code->names);                                                   \
    } while (0)
#define JUMPTO(target) (ip = f->code->code + (target))

#ifdef PYL_NO_COMPUTED_GOTO
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#define DISPATCH_WORD() goto dispatch_op
#else
#define TARGET(op) L_##op:
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        word = *ip++;                                                                              \
        arg = word >> 8;                                                                           \
        goto *labels[word & 0xFF];                                                                 \
    } while (0)
#define DISPATCH_WORD() goto *labels[word & 0xFF]
#endif

static PylObject *run(PylThread *t, PylFrame *f, bool throwing)
{
#ifndef PYL_NO_COMPUTED_GOTO
    static const void *const labels[256] = {
#define PYL_OPCODE(NAME, CACHES, POP, PUSH, FLAGS) [OP_##NAME] = &&L_##NAME,
#include "vm/opcodes.def"
#undef PYL_OPCODE
    };
#endif
    const uint32_t *ip;
    PylObject **sp;
    PylObject **localsplus;
    PylObject *const *consts;
    PylObject *const *names;
    uint32_t word, arg;
    PylObject *exc_result = NULL;

    f->entry = true;
    t->frame = f;
    LOAD();
    if (throwing) {
        goto error; /* gen.throw(): the exception surfaces at the yield */
    }
    if (PYL_UNLIKELY(pyl_eval_breaker_pending(t)) && pyl_eval_breaker_run(t) < 0) {
        goto error;
    }

#ifdef PYL_NO_COMPUTED_GOTO
dispatch:
    word = *ip++;
    arg = word >> 8;
dispatch_op:
    switch (word & 0xFF) {
#else
    DISPATCH();
#endif

        TARGET(CACHE)
        TARGET(NOP)
        {
            DISPATCH();
        }

        TARGET(EXTENDED_ARG)
        {
            uint32_t hi = arg;
            word = *ip++;
            arg = (word >> 8) | (hi << 24);
            DISPATCH_WORD();
        }

        TARGET(POP_TOP)
        {
            PylObject *v = POP();
            pyl_decref(t, v);
            DISPATCH();
        }

        TARGET(PUSH_NULL)
        {
            PUSH(NULL);
            DISPATCH();
        }

        TARGET(COPY)
        {
            PylObject *v = PEEK(arg);
            PUSH(pyl_incref(v));
            DISPATCH();
        }

        TARGET(SWAP)
        {
            PylObject *v = TOP();
            TOP() = PEEK(arg);
            PEEK(arg) = v;
            DISPATCH();
        }

        TARGET(LOAD_CONST)
        {
            PUSH(pyl_incref(consts[arg]));
            DISPATCH();
        }

        TARGET(LOAD_FAST)
        {
            PylObject *v = localsplus[arg];
            if (PYL_UNLIKELY(v == NULL)) {
                SAVE();
                unbound_local(t, f->code, (int)arg);
                goto error;
            }
            PUSH(pyl_incref(v));
            DISPATCH();
        }

        TARGET(LOAD_FAST_LOAD_FAST)
        {
            PylObject *a = localsplus[arg >> 12];
            PylObject *b = localsplus[arg & 0xFFF];
            if (PYL_UNLIKELY(a == NULL || b == NULL)) {
                SAVE();
                unbound_local(t, f->code, (int)(a == NULL ? arg >> 12 : arg & 0xFFF));
                goto error;
            }
            PUSH(pyl_incref(a));
            PUSH(pyl_incref(b));
            DISPATCH();
        }

        TARGET(STORE_FAST)
        {
            PylObject *v = POP();
            PylObject *old = localsplus[arg];
            localsplus[arg] = v;
            if (old != NULL) {
                pyl_decref(t, old);
            }
            DISPATCH();
        }

        TARGET(DELETE_FAST)
        {
            PylObject *old = localsplus[arg];
            if (old == NULL) {
                SAVE();
                unbound_local(t, f->code, (int)arg);
                goto error;
            }
            localsplus[arg] = NULL;
            pyl_decref(t, old);
            DISPATCH();
        }

        TARGET(MAKE_CELL)
        {
            SAVE();
            PylObject *cell = pyl_cell_new(t, localsplus[arg]);
            if (cell == NULL) {
                goto error;
            }
            pyl_xdecref(t, localsplus[arg]);
            localsplus[arg] = cell;
            DISPATCH();
        }

        TARGET(COPY_FREE_VARS)
        {
            PylObject *closure = f->func->closure;
            int first = f->code->nlocalsplus - (int)arg;
            for (uint32_t i = 0; i < arg; i++) {
                localsplus[first + (int)i] = pyl_incref(PYL_TUPLE_ITEM(closure, i));
            }
            DISPATCH();
        }

        TARGET(LOAD_CLOSURE)
        {
            PUSH(pyl_incref(localsplus[arg]));
            DISPATCH();
        }

        TARGET(LOAD_DEREF)
        {
            PylObject *v = ((PylCell *)localsplus[arg])->ref;
            if (PYL_UNLIKELY(v == NULL)) {
                SAVE();
                unbound_local(t, f->code, (int)arg);
                goto error;
            }
            PUSH(pyl_incref(v));
            DISPATCH();
        }

        TARGET(LOAD_CLASSDEREF)
        {
            SAVE();
            PylObject *name = PYL_TUPLE_ITEM(f->code->localsplusnames, arg);
            PylObject *v = f->locals ? pyl_dict_get_str(t, f->locals, name) : NULL;
            if (v == NULL) {
                v = ((PylCell *)localsplus[arg])->ref;
                if (v == NULL) {
                    unbound_local(t, f->code, (int)arg);
                    goto error;
                }
            }
            PUSH(pyl_incref(v));
            DISPATCH();
        }

        TARGET(STORE_DEREF)
        {
            PylObject *v = POP();
            PylCell *cell = (PylCell *)localsplus[arg];
            PylObject *old = cell->ref;
            cell->ref = v;
            pyl_xdecref(t, old);
            DISPATCH();
        }

        TARGET(DELETE_DEREF)
        {
            PylCell *cell = (PylCell *)localsplus[arg];
            if (cell->ref == NULL) {
                SAVE();
                unbound_local(t, f->code, (int)arg);
                goto error;
            }
            PYL_CLEAR(t, cell->ref);
            DISPATCH();
        }

        TARGET(LOAD_NAME)
        {
            SAVE();
            PylObject *v = load_name(t, f, names[arg]);
            if (v == NULL) {
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_NAME)
        {
            PylObject *v = POP();
            SAVE();
            int r;
            if (f->locals == NULL) {
                pyl_err_format(t, PYL_EXC(t, SystemError), "no locals found when storing %R",
                               names[arg]);
                r = -1;
            } else if (PYL_IS_DICT_EXACT(f->locals)) {
                r = pyl_dict_set(t, f->locals, names[arg], v);
            } else {
                r = pyl_setitem(t, f->locals, names[arg], v);
            }
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_NAME)
        {
            SAVE();
            if (f->locals == NULL || pyl_delitem(t, f->locals, names[arg]) < 0) {
                if (f->locals != NULL && !pyl_err_matches(t, PYL_EXC(t, KeyError))) {
                    goto error;
                }
                pyl_err_clear(t);
                name_error(t, names[arg]);
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_GLOBAL)
        {
            uint32_t *cache = (uint32_t *)ip;
            PylDict *g = (PylDict *)f->globals;
            PylObject *v;
            if (PYL_LIKELY(cache[0] != 0 && cache[0] == g->version)) {
                if (cache[1] == 0) {
                    v = g->entries[cache[2]].value;
                    PUSH(pyl_incref(v));
                    ip += 3;
                    DISPATCH();
                }
                PylDict *b = (PylDict *)f->builtins;
                if (PYL_LIKELY(cache[1] == b->version)) {
                    v = b->entries[cache[2]].value;
                    PUSH(pyl_incref(v));
                    ip += 3;
                    DISPATCH();
                }
            }
            SAVE();
            v = load_global_slow(t, f, names[arg], cache);
            if (v == NULL) {
                goto error;
            }
            PUSH(pyl_incref(v));
            ip += 3;
            DISPATCH();
        }

        TARGET(STORE_GLOBAL)
        {
            PylObject *v = POP();
            SAVE();
            int r = pyl_dict_set(t, f->globals, names[arg], v);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_GLOBAL)
        {
            SAVE();
            if (pyl_dict_del(t, f->globals, names[arg]) < 0) {
                if (!pyl_err_matches(t, PYL_EXC(t, KeyError))) {
                    goto error;
                }
                pyl_err_clear(t);
                name_error(t, names[arg]);
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_ATTR)
        {
            PylObject *owner = TOP();
            uint32_t *cache = (uint32_t *)ip;
            PylObject *v;
            SAVE();
            if (!pyl_ac_load(t, owner, names[arg], cache, &v)) {
                v = pyl_getattr(t, owner, names[arg]);
                if (v != NULL) {
                    pyl_ac_fill_load(t, owner, names[arg], cache);
                }
            }
            if (v == NULL) {
                goto error;
            }
            pyl_decref(t, owner);
            TOP() = v;
            ip += 4;
            DISPATCH();
        }

        TARGET(STORE_ATTR)
        {
            PylObject *owner = POP();
            PylObject *v = POP();
            uint32_t *cache = (uint32_t *)ip;
            int r;
            SAVE();
            if (!pyl_ac_store(t, owner, names[arg], v, cache, &r)) {
                r = pyl_setattr(t, owner, names[arg], v);
                if (r == 0) {
                    pyl_ac_fill_store(t, owner, names[arg], cache);
                }
            }
            pyl_decref(t, owner);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            ip += 4;
            DISPATCH();
        }

        TARGET(DELETE_ATTR)
        {
            PylObject *owner = POP();
            SAVE();
            int r = pyl_delattr(t, owner, names[arg]);
            pyl_decref(t, owner);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_METHOD)
        {
            /* [obj] -> [meth, obj] when obj.name is a plain method, else [NULL, attr] */
            PylObject *owner = TOP();
            uint32_t *cache = (uint32_t *)ip;
            PylObject *meth;
            if (PYL_LIKELY(pyl_ac_method(t, owner, names[arg], cache, &meth))) {
                TOP() = meth;
                PUSH(owner);
                ip += 4;
                DISPATCH();
            }
            SAVE();
            int unbound;
            PylObject *m = pyl_getmethod(t, owner, names[arg], &unbound);
            if (m == NULL) {
                goto error;
            }
            if (unbound) {
                pyl_ac_fill_method(t, owner, names[arg], m, cache);
                TOP() = m;
                PUSH(owner);
            } else {
                TOP() = NULL;
                PUSH(m);
                pyl_decref(t, owner);
            }
            ip += 4;
            DISPATCH();
        }

        TARGET(UNARY_POSITIVE)
        {
            PylObject *v = TOP();
            SAVE();
            PylObject *r = pyl_pos(t, v);
            if (r == NULL) {
                goto error;
            }
            pyl_decref(t, v);
            TOP() = r;
            DISPATCH();
        }

        TARGET(UNARY_NEGATIVE)
        {
            PylObject *v = TOP();
            if (PYL_IS_SMALLINT(v) && PYL_SMALLINT_VALUE(v) != PYL_SMALLINT_MIN) {
                TOP() = PYL_SMALLINT(-PYL_SMALLINT_VALUE(v));
                DISPATCH();
            }
            SAVE();
            PylObject *r = pyl_neg(t, v);
            if (r == NULL) {
                goto error;
            }
            pyl_decref(t, v);
            TOP() = r;
            DISPATCH();
        }

        TARGET(UNARY_NOT)
        {
            PylObject *v = TOP();
            if (v == PYL_TRUE || v == PYL_FALSE) {
                TOP() = PYL_BOOL(v == PYL_FALSE);
                DISPATCH();
            }
            SAVE();
            int b = pyl_is_true(t, v);
            if (b < 0) {
                goto error;
            }
            pyl_decref(t, v);
            TOP() = PYL_BOOL(!b);
            DISPATCH();
        }

        TARGET(UNARY_INVERT)
        {
            PylObject *v = TOP();
            SAVE();
            PylObject *r = pyl_invert(t, v);
            if (r == NULL) {
                goto error;
            }
            pyl_decref(t, v);
            TOP() = r;
            DISPATCH();
        }

        TARGET(BINARY_OP)
        {
            PylObject *b = POP();
            PylObject *a = TOP();
            PylObject *r;
            if (PYL_IS_SMALLINT(a) && PYL_IS_SMALLINT(b)) {
                intptr_t x = PYL_SMALLINT_VALUE(a), y = PYL_SMALLINT_VALUE(b), z;
                switch (arg) {
                case PYL_NB_ADD:
                case PYL_NB_ADD + PYL_NB_INPLACE:
                    z = x + y; /* cannot overflow intptr_t: both are 63-bit */
                    if (PYL_FITS_SMALLINT(z)) {
                        TOP() = PYL_SMALLINT(z);
                        DISPATCH();
                    }
                    break;
                case PYL_NB_SUB:
                case PYL_NB_SUB + PYL_NB_INPLACE:
                    z = x - y;
                    if (PYL_FITS_SMALLINT(z)) {
                        TOP() = PYL_SMALLINT(z);
                        DISPATCH();
                    }
                    break;
                case PYL_NB_MUL:
                case PYL_NB_MUL + PYL_NB_INPLACE:
                    if (!__builtin_mul_overflow(x, y, &z) && PYL_FITS_SMALLINT(z)) {
                        TOP() = PYL_SMALLINT(z);
                        DISPATCH();
                    }
                    break;
                case PYL_NB_FLOORDIV:
                case PYL_NB_FLOORDIV + PYL_NB_INPLACE:
                    if (y > 0 || (y < 0 && x != PYL_SMALLINT_MIN)) {
                        z = x / y;
                        if ((x % y != 0) && ((x < 0) != (y < 0))) {
                            z--;
                        }
                        TOP() = PYL_SMALLINT(z);
                        DISPATCH();
                    }
                    break;
                case PYL_NB_MOD:
                case PYL_NB_MOD + PYL_NB_INPLACE:
                    if (y != 0 && y != -1) {
                        z = x % y;
                        if (z != 0 && ((z < 0) != (y < 0))) {
                            z += y;
                        }
                        TOP() = PYL_SMALLINT(z);
                        DISPATCH();
                    }
                    break;
                case PYL_NB_AND:
                case PYL_NB_AND + PYL_NB_INPLACE:
                    TOP() = PYL_SMALLINT(x & y);
                    DISPATCH();
                case PYL_NB_OR:
                case PYL_NB_OR + PYL_NB_INPLACE:
                    TOP() = PYL_SMALLINT(x | y);
                    DISPATCH();
                case PYL_NB_XOR:
                case PYL_NB_XOR + PYL_NB_INPLACE:
                    TOP() = PYL_SMALLINT(x ^ y);
                    DISPATCH();
                case PYL_NB_RSHIFT:
                case PYL_NB_RSHIFT + PYL_NB_INPLACE:
                    if (y >= 0) {
                        TOP() = PYL_SMALLINT(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
                        DISPATCH();
                    }
                    break;
                case PYL_NB_TRUEDIV:
                case PYL_NB_TRUEDIV + PYL_NB_INPLACE:
                    if (y != 0 && x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) &&
                        y < (1LL << 53)) {
                        SAVE();
                        r = pyl_float_new(t, (double)x / (double)y);
                        if (r == NULL) {
                            goto error;
                        }
                        TOP() = r;
                        DISPATCH();
                    }
                    break;
                default:
                    break;
                }
            } else if (PYL_IS_FLOAT_EXACT(a) && PYL_IS_FLOAT_EXACT(b)) {
                double x = PYL_FLOAT_VALUE(a), y = PYL_FLOAT_VALUE(b), z;
                bool ok = true;
                switch (arg % PYL_NB_INPLACE) {
                case PYL_NB_ADD:
                    z = x + y;
                    break;
                case PYL_NB_SUB:
                    z = x - y;
                    break;
                case PYL_NB_MUL:
                    z = x * y;
                    break;
                case PYL_NB_TRUEDIV:
                    ok = y != 0;
                    z = ok ? x / y : 0;
                    break;
                default:
                    ok = false;
                    z = 0;
                    break;
                }
                if (ok) {
                    SAVE();
                    if (a->refcnt == 1) {
                        /* reuse the left operand's box */
                        PYL_FLOAT_VALUE(a) = z;
                        pyl_decref(t, b);
                        DISPATCH();
                    }
                    r = pyl_float_new(t, z);
                    if (r == NULL) {
                        sp++;
                        goto error;
                    }
                    pyl_decref(t, a);
                    pyl_decref(t, b);
                    TOP() = r;
                    DISPATCH();
                }
            }
            if ((arg == PYL_NB_ADD || arg == PYL_NB_ADD + PYL_NB_INPLACE) && PYL_IS_STR_EXACT(a) &&
                PYL_IS_STR_EXACT(b)) {
                /* s = s + x / s += x on a local: drop the local's reference first so
             * the str can grow in place when nothing else holds it */
                uint32_t next = *ip;
                if (PYL_OPCODE_OF(next) == OP_STORE_FAST && localsplus[PYL_ARG_OF(next)] == a) {
                    localsplus[PYL_ARG_OF(next)] = NULL;
                    pyl_decref(t, a);
                }
                SAVE();
                if (pyl_str_append_inplace(t, &TOP(), b) < 0) {
                    sp++;
                    goto error;
                }
                pyl_decref(t, b);
                DISPATCH();
            }
            SAVE();
            if (arg >= PYL_NB_INPLACE) {
                r = pyl_inplace_binop(t, a, b, (int)arg - PYL_NB_INPLACE);
            } else {
                r = pyl_binop(t, a, b, (int)arg);
            }
            if (r == NULL) {
                sp++; /* keep b on the stack so the unwinder releases it */
                goto error;
            }
            pyl_decref(t, a);
            pyl_decref(t, b);
            TOP() = r;
            DISPATCH();
        }

        TARGET(COMPARE_OP)
        {
            PylObject *b = POP();
            PylObject *a = TOP();
            if (PYL_IS_SMALLINT(a) && PYL_IS_SMALLINT(b)) {
                intptr_t x = (intptr_t)a, y = (intptr_t)b; /* tagging preserves order */
                bool c;
                switch (arg) {
                case PYL_LT:
                    c = x < y;
                    break;
                case PYL_LE:
                    c = x <= y;
                    break;
                case PYL_EQ:
                    c = x == y;
                    break;
                case PYL_NE:
                    c = x != y;
                    break;
                case PYL_GT:
                    c = x > y;
                    break;
                default:
                    c = x >= y;
                    break;
                }
                TOP() = PYL_BOOL(c);
                DISPATCH();
            }
            if (PYL_IS_FLOAT_EXACT(a) && PYL_IS_FLOAT_EXACT(b)) {
                double x = PYL_FLOAT_VALUE(a), y = PYL_FLOAT_VALUE(b);
                bool c;
                switch (arg) {
                case PYL_LT:
                    c = x < y;
                    break;
                case PYL_LE:
                    c = x <= y;
                    break;
                case PYL_EQ:
                    c = x == y;
                    break;
                case PYL_NE:
                    c = x != y;
                    break;
                case PYL_GT:
                    c = x > y;
                    break;
                default:
                    c = x >= y;
                    break;
                }
                pyl_decref(t, a);
                pyl_decref(t, b);
                TOP() = PYL_BOOL(c);
                DISPATCH();
            }
            if (PYL_IS_STR_EXACT(a) && PYL_IS_STR_EXACT(b) && arg == PYL_EQ) {
                bool c = pyl_str_equal(a, b);
                pyl_decref(t, a);
                pyl_decref(t, b);
                TOP() = PYL_BOOL(c);
                DISPATCH();
            }
            SAVE();
            PylObject *r = pyl_richcompare(t, a, b, (int)arg);
            if (r == NULL) {
                sp++;
                goto error;
            }
            pyl_decref(t, a);
            pyl_decref(t, b);
            TOP() = r;
            DISPATCH();
        }

        TARGET(IS_OP)
        {
            PylObject *b = POP();
            PylObject *a = TOP();
            bool c = (a == b) ^ (arg != 0);
            pyl_decref(t, a);
            pyl_decref(t, b);
            TOP() = PYL_BOOL(c);
            DISPATCH();
        }

        TARGET(CONTAINS_OP)
        {
            PylObject *container = POP();
            PylObject *item = TOP();
            SAVE();
            int c = pyl_contains(t, container, item);
            if (c < 0) {
                sp++;
                goto error;
            }
            pyl_decref(t, container);
            pyl_decref(t, item);
            TOP() = PYL_BOOL(c ^ (arg != 0));
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR)
        {
            PylObject *key = POP();
            PylObject *container = TOP();
            PylObject *r;
            if (PYL_IS_LIST_EXACT(container) && PYL_IS_SMALLINT(key)) {
                intptr_t i = PYL_SMALLINT_VALUE(key), n = PYL_LIST_SIZE(container);
                if (i < 0) {
                    i += n;
                }
                if (i >= 0 && i < n) {
                    r = pyl_incref(PYL_LIST_ITEM(container, i));
                    pyl_decref(t, container);
                    TOP() = r;
                    DISPATCH();
                }
            } else if (PYL_IS_TUPLE_EXACT(container) && PYL_IS_SMALLINT(key)) {
                intptr_t i = PYL_SMALLINT_VALUE(key), n = PYL_TUPLE_SIZE(container);
                if (i < 0) {
                    i += n;
                }
                if (i >= 0 && i < n) {
                    r = pyl_incref(PYL_TUPLE_ITEM(container, i));
                    pyl_decref(t, container);
                    TOP() = r;
                    DISPATCH();
                }
            } else if (PYL_IS_DICT_EXACT(container)) {
                SAVE();
                r = pyl_dict_get(t, container, key);
                if (r != NULL) {
                    pyl_incref(r);
                    pyl_decref(t, container);
                    pyl_decref(t, key);
                    TOP() = r;
                    DISPATCH();
                }
                if (pyl_err_occurred(t)) {
                    sp++;
                    goto error;
                }
                pyl_dict_key_error(t, key);
                sp++;
                goto error;
            }
            SAVE();
            r = pyl_getitem(t, container, key);
            if (r == NULL) {
                sp++;
                goto error;
            }
            pyl_decref(t, container);
            pyl_decref(t, key);
            TOP() = r;
            DISPATCH();
        }

        TARGET(STORE_SUBSCR)
        {
            /* stack: value, container, key */
            PylObject *key = POP();
            PylObject *container = POP();
            PylObject *v = POP();
            SAVE();
            int r;
            if (PYL_IS_LIST_EXACT(container) && PYL_IS_SMALLINT(key)) {
                intptr_t i = PYL_SMALLINT_VALUE(key), n = PYL_LIST_SIZE(container);
                if (i < 0) {
                    i += n;
                }
                if (i >= 0 && i < n) {
                    PylObject *old = PYL_LIST_ITEM(container, i);
                    PYL_LIST_ITEMS(container)[i] = v;
                    pyl_decref(t, old);
                    pyl_decref(t, container);
                    DISPATCH();
                }
            }
            if (PYL_IS_DICT_EXACT(container)) {
                r = pyl_dict_set(t, container, key, v);
            } else {
                r = pyl_setitem(t, container, key, v);
            }
            pyl_decref(t, key);
            pyl_decref(t, container);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_SUBSCR)
        {
            PylObject *key = POP();
            PylObject *container = POP();
            SAVE();
            int r = pyl_delitem(t, container, key);
            pyl_decref(t, key);
            pyl_decref(t, container);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(BUILD_TUPLE)
        {
            SAVE();
            PylObject *tup = pyl_tuple_new(t, (intptr_t)arg);
            if (tup == NULL) {
                goto error;
            }
            sp -= arg;
            for (uint32_t i = 0; i < arg; i++) {
                PYL_TUPLE_ITEMS(tup)[i] = sp[i];
            }
            PUSH(tup);
            DISPATCH();
        }

        TARGET(BUILD_LIST)
        {
            SAVE();
            PylObject *list = pyl_list_new(t, (intptr_t)arg);
            if (list == NULL) {
                goto error;
            }
            sp -= arg;
            for (uint32_t i = 0; i < arg; i++) {
                PYL_LIST_ITEMS(list)[i] = sp[i];
            }
            PUSH(list);
            DISPATCH();
        }

        TARGET(BUILD_SET)
        {
            SAVE();
            PylObject *set = pyl_set_new(t, NULL);
            if (set == NULL) {
                goto error;
            }
            int r = 0;
            for (uint32_t i = 0; i < arg; i++) {
                if (r == 0) {
                    r = pyl_set_add(t, set, sp[-(int)arg + (int)i]);
                }
            }
            for (uint32_t i = 0; i < arg; i++) {
                pyl_decref(t, POP());
            }
            if (r < 0) {
                pyl_decref(t, set);
                goto error;
            }
            PUSH(set);
            DISPATCH();
        }

        TARGET(BUILD_MAP)
        {
            SAVE();
            PylObject *d = pyl_dict_new_presized(t, (intptr_t)arg);
            if (d == NULL) {
                goto error;
            }
            int r = 0;
            PylObject **base = sp - 2 * arg;
            for (uint32_t i = 0; i < arg && r == 0; i++) {
                r = pyl_dict_set(t, d, base[2 * i], base[2 * i + 1]);
            }
            for (uint32_t i = 0; i < 2 * arg; i++) {
                pyl_decref(t, POP());
            }
            if (r < 0) {
                pyl_decref(t, d);
                goto error;
            }
            PUSH(d);
            DISPATCH();
        }

        TARGET(BUILD_CONST_KEY_MAP)
        {
            SAVE();
            PylObject *keys = POP();
            PylObject *d = pyl_dict_new_presized(t, (intptr_t)arg);
            int r = d ? 0 : -1;
            PylObject **base = sp - arg;
            for (uint32_t i = 0; i < arg && r == 0; i++) {
                r = pyl_dict_set(t, d, PYL_TUPLE_ITEM(keys, i), base[i]);
            }
            for (uint32_t i = 0; i < arg; i++) {
                pyl_decref(t, POP());
            }
            pyl_decref(t, keys);
            if (r < 0) {
                pyl_xdecref(t, d);
                goto error;
            }
            PUSH(d);
            DISPATCH();
        }

        TARGET(BUILD_STRING)
        {
            SAVE();
            PylObject *s = build_string(t, sp - arg, (intptr_t)arg);
            if (s == NULL) {
                goto error;
            }
            for (uint32_t i = 0; i < arg; i++) {
                pyl_decref(t, POP());
            }
            PUSH(s);
            DISPATCH();
        }

        TARGET(BUILD_SLICE)
        {
            PylObject *step = arg == 3 ? POP() : NULL;
            PylObject *stop = POP();
            PylObject *start = TOP();
            SAVE();
            PylObject *s = pyl_slice_new(t, start, stop, step ? step : PYL_NONE);
            pyl_xdecref(t, step);
            pyl_decref(t, stop);
            if (s == NULL) {
                goto error;
            }
            pyl_decref(t, start);
            TOP() = s;
            DISPATCH();
        }

        TARGET(LIST_APPEND)
        {
            PylObject *v = POP();
            SAVE();
            int r = pyl_list_append(t, PEEK(arg), v);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(SET_ADD)
        {
            PylObject *v = POP();
            SAVE();
            int r = pyl_set_add(t, PEEK(arg), v);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(MAP_ADD)
        {
            PylObject *v = POP();
            PylObject *k = POP();
            SAVE();
            int r = pyl_dict_set(t, PEEK(arg), k, v);
            pyl_decref(t, k);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LIST_EXTEND)
        {
            PylObject *v = POP();
            SAVE();
            int r = pyl_list_extend(t, PEEK(arg), v);
            if (r < 0 && pyl_err_matches(t, PYL_EXC(t, TypeError)) &&
                PYL_TYPEOF(t, v)->iter == NULL && PYL_TYPEOF(t, v)->getitem == NULL) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "Value after * must be an iterable, not %T", v);
            }
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(SET_UPDATE)
        {
            PylObject *v = POP();
            SAVE();
            int r = pyl_set_update(t, PEEK(arg), v);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DICT_UPDATE)
        {
            PylObject *v = POP();
            SAVE();
            int r = pyl_dict_update(t, PEEK(arg), v);
            if (r < 0 && pyl_err_matches(t, PYL_EXC(t, AttributeError))) {
                pyl_err_clear(t);
                pyl_err_format(t, PYL_EXC(t, TypeError), "'%T' object is not a mapping", v);
            }
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DICT_MERGE)
        {
            /* stack: ..., callable(+2 below the dict), dict, other */
            PylObject *v = POP();
            SAVE();
            PylObject *desc = func_desc(t, PEEK(arg + 2));
            int r = desc ? dict_merge_kwargs(t, PEEK(arg), v, desc) : -1;
            pyl_xdecref(t, desc);
            pyl_decref(t, v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LIST_TO_TUPLE)
        {
            PylObject *list = TOP();
            SAVE();
            PylObject *tup = pyl_list_as_tuple(t, list);
            if (tup == NULL) {
                goto error;
            }
            pyl_decref(t, list);
            TOP() = tup;
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE)
        {
            /* unpacked above v (the compiler reserves one slot of slack), then moved down */
            PylObject *v = TOP();
            SAVE();
            if (unpack_iterable(t, v, (int)arg, -1, sp) < 0) {
                goto error;
            }
            pyl_decref(t, v);
            memmove(sp - 1, sp, sizeof(PylObject *) * arg);
            sp += (intptr_t)arg - 1;
            DISPATCH();
        }

        TARGET(UNPACK_EX)
        {
            PylObject *v = TOP();
            SAVE();
            int before = (int)(arg & 0xFF), after = (int)(arg >> 8);
            if (unpack_iterable(t, v, before, after, sp) < 0) {
                goto error;
            }
            pyl_decref(t, v);
            intptr_t n = before + after + 1;
            memmove(sp - 1, sp, sizeof(PylObject *) * (size_t)n);
            sp += n - 1;
            DISPATCH();
        }

        TARGET(FORMAT_VALUE)
        {
            PylObject *spec = (arg & 4) ? POP() : NULL;
            PylObject *v = TOP();
            SAVE();
            PylObject *r = format_value(t, v, (int)(arg & 3), spec);
            pyl_xdecref(t, spec);
            if (r == NULL) {
                goto error;
            }
            pyl_decref(t, v);
            TOP() = r;
            DISPATCH();
        }

        TARGET(GET_ITER)
        {
            PylObject *v = TOP();
            SAVE();
            PylObject *it = pyl_iter(t, v);
            if (it == NULL) {
                goto error;
            }
            pyl_decref(t, v);
            TOP() = it;
            DISPATCH();
        }

        TARGET(FOR_ITER)
        {
            PylObject *it = TOP();
            SAVE();
            PylObject *next = PYL_TYPEOF(t, it)->iternext(t, it);
            if (next != NULL) {
                PUSH(next);
                DISPATCH();
            }
            if (pyl_err_occurred(t)) {
                if (!pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
                    goto error;
                }
                pyl_err_clear(t);
            }
            pyl_decref(t, POP());
            JUMPTO(arg);
            DISPATCH();
        }

        TARGET(JUMP_FORWARD)
        {
            JUMPTO(arg);
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD)
        {
            /* GIL drop request or interrupt (gil.h), checked before the jump: an
             * exception it raises belongs to this instruction, inside the loop */
            if (PYL_UNLIKELY(pyl_eval_breaker_pending(t))) {
                SAVE();
                if (pyl_eval_breaker_run(t) < 0) {
                    goto error;
                }
            }
            JUMPTO(arg);
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_FALSE)
        {
            PylObject *v = POP();
            if (v == PYL_FALSE) {
                JUMPTO(arg);
                DISPATCH();
            }
            if (v == PYL_TRUE) {
                DISPATCH();
            }
            SAVE();
            int b = pyl_is_true(t, v);
            pyl_decref(t, v);
            if (b < 0) {
                goto error;
            }
            if (!b) {
                JUMPTO(arg);
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_TRUE)
        {
            PylObject *v = POP();
            if (v == PYL_TRUE) {
                JUMPTO(arg);
                DISPATCH();
            }
            if (v == PYL_FALSE) {
                DISPATCH();
            }
            SAVE();
            int b = pyl_is_true(t, v);
            pyl_decref(t, v);
            if (b < 0) {
                goto error;
            }
            if (b) {
                JUMPTO(arg);
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_NONE)
        {
            PylObject *v = POP();
            if (v == PYL_NONE) {
                JUMPTO(arg);
            } else {
                pyl_decref(t, v);
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_NOT_NONE)
        {
            PylObject *v = POP();
            if (v != PYL_NONE) {
                pyl_decref(t, v);
                JUMPTO(arg);
            }
            DISPATCH();
        }

        TARGET(JUMP_IF_FALSE_OR_POP)
        {
            PylObject *v = TOP();
            SAVE();
            int b = pyl_is_true(t, v);
            if (b < 0) {
                goto error;
            }
            if (!b) {
                JUMPTO(arg);
            } else {
                sp--;
                pyl_decref(t, v);
            }
            DISPATCH();
        }

        TARGET(JUMP_IF_TRUE_OR_POP)
        {
            PylObject *v = TOP();
            SAVE();
            int b = pyl_is_true(t, v);
            if (b < 0) {
                goto error;
            }
            if (b) {
                JUMPTO(arg);
            } else {
                sp--;
                pyl_decref(t, v);
            }
            DISPATCH();
        }

        TARGET(MAKE_FUNCTION)
        {
            PylObject *code = POP();
            SAVE();
            PylFunction *fn = (PylFunction *)pyl_function_new(t, code, f->globals);
            pyl_decref(t, code);
            if (fn == NULL) {
                goto error;
            }
            if (arg & 8) {
                fn->closure = POP();
            }
            if (arg & 4) {
                fn->annotations = POP();
            }
            if (arg & 2) {
                fn->kwdefaults = POP();
            }
            if (arg & 1) {
                fn->defaults = POP();
            }
            PUSH((PylObject *)fn);
            DISPATCH();
        }

        TARGET(KW_NAMES)
        {
            f->kwnames = consts[arg];
            DISPATCH();
        }

        TARGET(CALL)
        {
            /* stack: [A, B, args...]: A NULL -> call B(args); else A(B, args) */
            intptr_t nargs = (intptr_t)arg;
            PylObject *kwnames = f->kwnames;
            f->kwnames = NULL;
            intptr_t nkw = kwnames ? PYL_TUPLE_SIZE(kwnames) : 0;
            PylObject **args = sp - nargs;
            PylObject *callable = args[-2];
            if (callable == NULL) {
                callable = args[-1];
            } else {
                args--;
                nargs++;
            }
            intptr_t npos = nargs - nkw;
            if (PYL_IS_KIND(callable, METHOD) && args[-1] == callable && args[-2] == NULL) {
                /* unpack a bound method in place: [NULL, method, args] -> [func, self, args] */
                PylMethod *m = (PylMethod *)callable;
                args[-2] = pyl_incref(m->func);
                args[-1] = pyl_incref(m->self);
                pyl_decref(t, callable);
                callable = args[-2];
                args--;
                nargs++;
                npos++;
            }
            SAVE();
            if (PYL_IS_KIND(callable, FUNCTION) &&
                !(((PylCode *)((PylFunction *)callable)->code)->flags & PYL_CO_GENERATOR)) {
                PylFrame *nf = frame_for_call(t, (PylFunction *)callable, args, npos, kwnames);
                /* the arguments were copied with new references: release the stack's */
                PylObject **base = sp - arg - 2;
                while (sp > base) {
                    PylObject *v = POP();
                    pyl_xdecref(t, v);
                }
                f->sp = sp;
                if (nf == NULL) {
                    goto error;
                }
                nf->prev = f;
                f = nf;
                t->frame = f;
                LOAD();
                if (PYL_UNLIKELY(pyl_eval_breaker_pending(t)) && pyl_eval_breaker_run(t) < 0) {
                    goto error;
                }
                DISPATCH();
            }
            PylObject *r = pyl_call(t, callable, args, npos, kwnames);
            PylObject **base = sp - arg - 2;
            while (sp > base) {
                PylObject *v = POP();
                pyl_xdecref(t, v);
            }
            if (r == NULL) {
                goto error;
            }
            PUSH(r);
            DISPATCH();
        }

        TARGET(CALL_FUNCTION_EX)
        {
            /* stack: [NULL, callable, args tuple, kwargs dict?] */
            PylObject *kwargs = (arg & 1) ? POP() : NULL;
            PylObject *callargs = POP();
            PylObject *callable = POP();
            PylObject *null = POP();
            (void)null;
            SAVE();
            PylObject *r = NULL;
            if (!PYL_IS_TUPLE_EXACT(callargs)) {
                PylObject *tup = pyl_sequence_tuple(t, callargs);
                if (tup == NULL) {
                    if (pyl_err_matches(t, PYL_EXC(t, TypeError)) &&
                        PYL_TYPEOF(t, callargs)->iter == NULL &&
                        PYL_TYPEOF(t, callargs)->getitem == NULL) {
                        pyl_err_clear(t);
                        PylObject *desc = func_desc(t, callable);
                        if (desc != NULL) {
                            pyl_err_format(t, PYL_EXC(t, TypeError),
                                           "%S argument after * must be an iterable, not %T", desc,
                                           callargs);
                            pyl_decref(t, desc);
                        }
                    }
                    goto call_ex_done;
                }
                pyl_decref(t, callargs);
                callargs = tup;
            }
            if (kwargs != NULL && !PYL_IS_DICT_EXACT(kwargs)) {
                PylObject *d = pyl_dict_new(t);
                PylObject *desc = func_desc(t, callable);
                int rr = (d && desc) ? dict_merge_kwargs(t, d, kwargs, desc) : -1;
                pyl_xdecref(t, desc);
                if (rr < 0) {
                    pyl_xdecref(t, d);
                    goto call_ex_done;
                }
                pyl_decref(t, kwargs);
                kwargs = d;
            }
            r = pyl_call_tuple_dict(t, callable, callargs, kwargs);
        call_ex_done:
            pyl_xdecref(t, kwargs);
            pyl_decref(t, callargs);
            pyl_decref(t, callable);
            if (r == NULL) {
                goto error;
            }
            PUSH(r);
            DISPATCH();
        }

        TARGET(RETURN_VALUE)
        {
            PylObject *retval = POP();
            f->sp = sp;
            t->depth--;
            if (f->entry) {
                t->frame = f->prev;
                pyl_frame_pop(t, f);
                return retval;
            }
            PylFrame *caller = f->prev;
            t->frame = caller;
            pyl_frame_pop(t, f);
            f = caller;
            LOAD();
            PUSH(retval);
            DISPATCH();
        }

        TARGET(RAISE_VARARGS)
        {
            PylObject *cause = arg >= 2 ? POP() : NULL;
            PylObject *exc = arg >= 1 ? POP() : NULL;
            SAVE();
            int r = do_raise(t, exc, cause);
            pyl_xdecref(t, exc);
            pyl_xdecref(t, cause);
            if (r > 0) {
                goto unwind;
            }
            goto error;
        }

        TARGET(RERAISE)
        {
            /* The handler search continues from here; a lasti below the exception
         * (arg != 0) only restores the frame's line, which the traceback already has. */
            PylObject *exc = POP();
            SAVE();
            pyl_err_restore(t, exc);
            goto unwind;
        }

        TARGET(PUSH_EXC_INFO)
        {
            /* [exc] -> [previous exc_info, exc]; exc becomes the handled exception */
            PylObject *exc = TOP();
            PylObject *prev = t->exc_info;
            TOP() = prev ? prev : PYL_NONE;
            t->exc_info = pyl_incref(exc);
            PUSH(exc);
            DISPATCH();
        }

        TARGET(POP_EXCEPT)
        {
            PylObject *prev = POP();
            PylObject *cur = t->exc_info;
            t->exc_info = prev == PYL_NONE ? NULL : prev;
            pyl_xdecref(t, cur);
            DISPATCH();
        }

        TARGET(CHECK_EXC_MATCH)
        {
            PylObject *type = TOP();
            PylObject *exc = SECOND();
            SAVE();
            if (PYL_IS_TUPLE(type)) {
                for (intptr_t i = 0; i < PYL_TUPLE_SIZE(type); i++) {
                    if (!PYL_IS_EXCEPTION_TYPE(PYL_TUPLE_ITEM(type, i))) {
                        pyl_err_format(t, PYL_EXC(t, TypeError),
                                       "catching classes that do not inherit from BaseException is "
                                       "not allowed");
                        goto error;
                    }
                }
            } else if (!PYL_IS_EXCEPTION_TYPE(type)) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "catching classes that do not inherit from BaseException is not "
                               "allowed");
                goto error;
            }
            int m = pyl_exc_matches(t, exc, type);
            pyl_decref(t, type);
            TOP() = PYL_BOOL(m);
            DISPATCH();
        }

        TARGET(LOAD_ASSERTION_ERROR)
        {
            PUSH(pyl_incref((PylObject *)PYL_EXC(t, AssertionError)));
            DISPATCH();
        }

        TARGET(PRINT_EXPR)
        {
            PylObject *v = POP();
            SAVE();
            PylObject *r = pyl_builtin_print_expr(t, v);
            pyl_decref(t, v);
            if (r == NULL) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(SETUP_ANNOTATIONS)
        {
            SAVE();
            if (f->locals != NULL &&
                pyl_dict_get_str(t, f->locals, PYL_NAME(t, __annotations__)) == NULL) {
                PylObject *d = pyl_dict_new(t);
                int r = d ? pyl_dict_set(t, f->locals, PYL_NAME(t, __annotations__), d) : -1;
                pyl_xdecref(t, d);
                if (r < 0) {
                    goto error;
                }
            }
            DISPATCH();
        }

        TARGET(IMPORT_NAME)
        {
            PylObject *fromlist = POP();
            PylObject *level = TOP();
            SAVE();
            PylObject *m = pyl_import_name(t, names[arg], f->globals, fromlist,
                                           (int)PYL_SMALLINT_VALUE(level));
            pyl_decref(t, fromlist);
            if (m == NULL) {
                goto error;
            }
            TOP() = m;
            DISPATCH();
        }

        TARGET(IMPORT_FROM)
        {
            SAVE();
            PylObject *v = pyl_import_from(t, TOP(), names[arg]);
            if (v == NULL) {
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }

        TARGET(IMPORT_STAR)
        {
            PylObject *m = POP();
            SAVE();
            int r = f->locals ? pyl_import_star(t, m, f->locals) : -1;
            if (f->locals == NULL) {
                pyl_err_format(t, PYL_EXC(t, SystemError), "no locals found during 'import *'");
            }
            pyl_decref(t, m);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(BEFORE_WITH)
        {
            /* [mgr] -> [bound __exit__, mgr.__enter__()] */
            PylObject *mgr = TOP();
            SAVE();
            PylObject *enter = pyl_type_lookup(t, PYL_TYPEOF(t, mgr), PYL_NAME(t, __enter__));
            PylObject *exit =
                enter ? pyl_type_lookup(t, PYL_TYPEOF(t, mgr), PYL_NAME(t, __exit__)) : NULL;
            if (enter == NULL || exit == NULL) {
                pyl_err_format(t, PYL_EXC(t, TypeError),
                               "'%T' object does not support the context manager protocol%s", mgr,
                               enter == NULL ? "" : " (missed __exit__ method)");
                goto error;
            }
            PylDescrGetFn get = PYL_TYPEOF(t, exit)->descr_get;
            PylObject *bound_exit =
                get ? get(t, exit, mgr, (PylObject *)PYL_TYPEOF(t, mgr)) : pyl_incref(exit);
            if (bound_exit == NULL) {
                goto error;
            }
            pyl_incref(enter);
            PylObject *res = pyl_call1(t, enter, mgr);
            pyl_decref(t, enter);
            if (res == NULL) {
                pyl_decref(t, bound_exit);
                goto error;
            }
            pyl_decref(t, mgr);
            TOP() = bound_exit;
            PUSH(res);
            DISPATCH();
        }

        TARGET(WITH_EXCEPT_START)
        {
            /* [exit, lasti, prev_exc, exc] -> [..., exit(type(exc), exc, tb)] */
            PylObject *exc = TOP();
            PylObject *exit = PEEK(4);
            PylObject *tb = ((PylBaseException *)exc)->traceback;
            PylObject *args[3] = {(PylObject *)PYL_TYPEOF(t, exc), exc, tb ? tb : PYL_NONE};
            SAVE();
            PylObject *r = pyl_call(t, exit, args, 3, NULL);
            if (r == NULL) {
                goto error;
            }
            PUSH(r);
            DISPATCH();
        }

        TARGET(LOAD_BUILD_CLASS)
        {
            PylObject *bc = pyl_dict_get_str(t, f->builtins, PYL_NAME(t, __build_class__));
            if (bc == NULL) {
                SAVE();
                pyl_err_format(t, PYL_EXC(t, NameError), "__build_class__ not found");
                goto error;
            }
            PUSH(pyl_incref(bc));
            DISPATCH();
        }

        TARGET(LOAD_LOCALS)
        TARGET(YIELD_VALUE)
        {
            /* only generator frames yield, and they always run as entry frames */
            PylObject *v = POP();
            SAVE();
            f->suspended = true;
            t->depth--;
            t->frame = f->prev;
            return v;
        }

        TARGET(GET_YIELD_FROM_ITER)
        {
            PylObject *v = TOP();
            if (!PYL_IS_KIND(v, GENERATOR)) {
                SAVE();
                PylObject *it = pyl_iter(t, v);
                if (it == NULL) {
                    goto error;
                }
                pyl_decref(t, v);
                TOP() = it;
            }
            DISPATCH();
        }

        TARGET(SEND)
        {
            /* [receiver, value] -> [receiver, yielded], or jump with [result] */
            PylObject *v = POP();
            PylObject *recv = TOP();
            SAVE();
            PylObject *r = NULL;
            int rc;
            if (PYL_IS_KIND(recv, GENERATOR)) {
                rc = pyl_gen_resume(t, recv, v, NULL, &r);
            } else if (v == PYL_NONE && PYL_TYPEOF(t, recv)->iternext != NULL) {
                r = PYL_TYPEOF(t, recv)->iternext(t, recv);
                rc = r != NULL ? 0 : -1;
            } else {
                r = pyl_call_method(t, recv, PYL_NAME(t, send), &v, 1);
                rc = r != NULL ? 0 : -1;
            }
            pyl_decref(t, v);
            if (rc < 0) {
                if (pyl_err_occurred(t) == NULL) {
                    r = PYL_NONE;
                    rc = 1;
                } else if (pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
                    PylObject *si = pyl_err_fetch(t);
                    r = pyl_incref(pyl_exception_get_attr(t, si, "value"));
                    pyl_decref(t, si);
                    rc = 1;
                } else {
                    goto error;
                }
            }
            if (rc == 0) {
                PUSH(r);
                DISPATCH();
            }
            pyl_decref(t, recv);
            TOP() = r;
            JUMPTO(arg);
            DISPATCH();
        }

        TARGET(GET_LEN)
        {
            SAVE();
            intptr_t n = pyl_len(t, TOP());
            PylObject *len = n < 0 ? NULL : pyl_int_from_ssize(t, n);
            if (len == NULL) {
                goto error;
            }
            PUSH(len);
            DISPATCH();
        }

        TARGET(MATCH_MAPPING)
        {
            bool m = pyl_match_is_mapping(t, TOP());
            PUSH(PYL_BOOL(m));
            DISPATCH();
        }

        TARGET(MATCH_SEQUENCE)
        {
            bool m = pyl_match_is_sequence(t, TOP());
            PUSH(PYL_BOOL(m));
            DISPATCH();
        }

        TARGET(MATCH_KEYS)
        {
            /* [subject, keys] -> [subject, keys, values or None] */
            SAVE();
            PylObject *values = pyl_match_keys(t, SECOND(), TOP());
            if (values == NULL) {
                goto error;
            }
            PUSH(values);
            DISPATCH();
        }

        TARGET(MATCH_CLASS)
        {
            /* [subject, cls, kwnames] -> [attributes tuple or None] */
            SAVE();
            PylObject *attrs = pyl_match_class(t, PEEK(3), SECOND(), (intptr_t)arg, TOP());
            if (attrs == NULL) {
                goto error;
            }
            pyl_decref(t, POP());
            pyl_decref(t, POP());
            pyl_setref(t, &TOP(), attrs);
            DISPATCH();
        }

        TARGET(RETURN_GENERATOR)
        TARGET(END_SEND)
        {
            SAVE();
            pyl_err_format(t, PYL_EXC(t, SystemError), "opcode %s is not implemented yet",
                           pyl_opcode_names[word & 0xFF]);
            goto error;
        }

#ifdef PYL_NO_COMPUTED_GOTO
    default:
        SAVE();
        pyl_err_format(t, PYL_EXC(t, SystemError), "unknown opcode %u", (unsigned)(word & 0xFF));
        goto error;
    }
#endif

error:
    /* An exception was raised by the instruction before ip: record this frame. */
    if (pyl_traceback_add(t, f) < 0) {
        /* out of memory while building the traceback: keep unwinding anyway */
    }
unwind : {
    f->sp = sp;
    intptr_t lasti = pyl_frame_lasti(f);
    const PylExcEntry *h = pyl_code_find_handler(f->code, lasti);
    if (h != NULL) {
        PylObject **base = f->localsplus + f->code->nlocalsplus + h->depth;
        while (sp > base) {
            PylObject *v = POP();
            pyl_xdecref(t, v);
        }
        if (h->lasti) {
            PUSH(PYL_SMALLINT(lasti));
        }
        PUSH(pyl_err_fetch(t));
        f->kwnames = NULL;
        JUMPTO(h->handler);
        DISPATCH();
    }
    /* no handler here: pop the frame and continue in the caller */
    t->depth--;
    if (f->entry) {
        t->frame = f->prev;
        pyl_frame_pop(t, f);
        return exc_result;
    }
    PylFrame *caller = f->prev;
    t->frame = caller;
    pyl_frame_pop(t, f);
    f = caller;
    LOAD();
    goto error;
}
}

/* ---- entry points --------------------------------------------------------------------------- */

PylObject *pyl_function_call(PylThread *t, PylObject *func, PylObject *const *args, intptr_t nargs,
                             PylObject *kwnames)
{
    char here;
    if (PYL_UNLIKELY(&here < t->cstack_limit)) {
        return pyl_err_format(t, PYL_EXC(t, RecursionError),
                              "maximum recursion depth exceeded while calling a Python object");
    }
    PylFunction *fn = (PylFunction *)func;
    if (((PylCode *)fn->code)->flags & PYL_CO_GENERATOR) {
        return make_generator(t, fn, args, nargs, kwnames);
    }
    PylFrame *f = frame_for_call(t, fn, args, nargs, kwnames);
    if (f == NULL) {
        return NULL;
    }
    f->prev = t->frame;
    return run(t, f, false);
}

int pyl_gen_resume(PylThread *t, PylObject *genobj, PylObject *value, PylObject *exc,
                   PylObject **result)
{
    PylGen *gen = (PylGen *)genobj;
    PylFrame *f = gen->frame;
    if (gen->state == PYL_GEN_RUNNING) {
        pyl_xdecref(t, exc);
        pyl_err_format(t, PYL_EXC(t, ValueError), "generator already executing");
        return -1;
    }
    if (gen->state == PYL_GEN_CLOSED) {
        if (exc != NULL) {
            pyl_err_raise_steal(t, exc);
            return -1;
        }
        *result = PYL_NONE;
        return 1;
    }
    if (gen->state == PYL_GEN_CREATED && exc == NULL && value != PYL_NONE) {
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "can't send non-None value to a just-started generator");
        return -1;
    }
    char here;
    if (++t->depth > t->vm->recursion_limit || &here < t->cstack_limit) {
        t->depth--;
        pyl_xdecref(t, exc);
        pyl_err_format(t, PYL_EXC(t, RecursionError), "maximum recursion depth exceeded");
        return -1;
    }
    if (gen->state == PYL_GEN_SUSPENDED && exc == NULL) {
        *f->sp++ = pyl_incref(value);
    }
    /* the generator sees its own handled exception, else the caller's */
    PylObject *saved = t->exc_info;
    if (gen->exc_state != NULL) {
        t->exc_info = gen->exc_state;
        gen->exc_state = NULL;
    } else {
        t->exc_info = pyl_xincref(saved);
    }
    f->prev = t->frame;
    f->suspended = false;
    gen->state = PYL_GEN_RUNNING;
    if (exc != NULL) {
        pyl_err_raise_steal(t, exc);
    }
    PylObject *r = run(t, f, exc != NULL);
    gen->state = f->suspended ? PYL_GEN_SUSPENDED : PYL_GEN_CLOSED;
    PylObject *cur = t->exc_info;
    if (gen->state == PYL_GEN_SUSPENDED && cur != saved) {
        gen->exc_state = cur;
    } else {
        pyl_xdecref(t, cur);
    }
    t->exc_info = saved;
    if (r == NULL) {
        if (pyl_err_matches(t, PYL_EXC(t, StopIteration))) {
            PylObject *si = pyl_err_fetch(t);
            pyl_err_format(t, PYL_EXC(t, RuntimeError), "generator raised StopIteration");
            if (t->exc != NULL) {
                PylBaseException *be = (PylBaseException *)t->exc;
                pyl_setref(t, &be->cause, pyl_incref(si));
                pyl_setref(t, &be->context, si);
                be->suppress_context = true;
            } else {
                pyl_decref(t, si);
            }
        }
        return -1;
    }
    *result = r;
    return gen->state == PYL_GEN_SUSPENDED ? 0 : 1;
}

/* Run a class body: the function's code with the class namespace as locals.
 * Returns the __class__ cell (or None). */
PylObject *pyl_eval_class_body(PylThread *t, PylObject *func, PylObject *ns)
{
    if (++t->depth > t->vm->recursion_limit) {
        t->depth--;
        return pyl_err_format(t, PYL_EXC(t, RecursionError), "maximum recursion depth exceeded");
    }
    PylFrame *f = pyl_frame_push(t, (PylFunction *)func);
    if (f == NULL) {
        t->depth--;
        return NULL;
    }
    f->locals = pyl_incref(ns);
    f->prev = t->frame;
    return run(t, f, false);
}

PylObject *pyl_eval_code(PylThread *t, PylObject *code, PylObject *globals, PylObject *locals)
{
    if (pyl_dict_get_str(t, globals, PYL_NAME(t, __builtins__)) == NULL &&
        pyl_dict_set(t, globals, PYL_NAME(t, __builtins__), t->vm->builtins_module) < 0) {
        return NULL;
    }
    PylObject *func = pyl_function_new(t, code, globals);
    if (func == NULL) {
        return NULL;
    }
    if (++t->depth > t->vm->recursion_limit) {
        t->depth--;
        pyl_decref(t, func);
        return pyl_err_format(t, PYL_EXC(t, RecursionError), "maximum recursion depth exceeded");
    }
    PylFrame *f = pyl_frame_push(t, (PylFunction *)func);
    pyl_decref(t, func);
    if (f == NULL) {
        t->depth--;
        return NULL;
    }
    f->locals = pyl_incref(locals);
    f->prev = t->frame;
    return run(t, f, false);
}
