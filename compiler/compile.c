/* compile.c — the code generator: AST -> instructions, one unit per scope
 * (expressions are in compile_expr.c, match statements in compile_match.c).
 *
 * Control flow follows CPython 3.11's bytecode shapes (for loops keep their
 * iterator on the stack; exception handlers run with the previous handled
 * exception under the current one; with-blocks keep __exit__ on the stack), so
 * the eval loop's rules are the ones documented for CPython's instructions.
 * Unwinding for break/continue/return walks the block stack outward and emits
 * each block's cleanup (popping iterators, running finally bodies, calling
 * __exit__) under the handler of the block outside it.
 */
#include <stdio.h>
#include <stdlib.h>

#include "compiler/codegen.h"
#include "compiler/compile.h"

#define ERR(c) ((c)->failed)

static bool compile_stmt(PylCompiler *c, PylStmt *s);
static bool has_annotations(PylStmtSeq *seq);

/* ---- errors ---------------------------------------------------------------------- */

bool pyl_cg_syntax_error(PylCompiler *c, int lineno, int col, int end_lineno, int end_col,
                         const char *fmt, ...)
{
    if (c->failed) {
        return false;
    }
    c->failed = true;
    c->syntax = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    c->err->kind = PYL_SYNTAX_ERROR;
    c->err->lineno = lineno;
    c->err->offset = col + 1;
    c->err->end_lineno = end_lineno;
    c->err->end_offset = end_col + 1;
    c->err->incomplete = 0;
    return false;
}

/* A Python exception (MemoryError ...) is set on the thread. */
bool pyl_cg_py_error(PylCompiler *c)
{
    c->failed = true;
    return false;
}

/* ---- emitting ----------------------------------------------------------------------- */

int pyl_cg_emit(PylCompiler *c, int op, int arg)
{
    PylUnit *u = c->u;
    if (c->failed) {
        return -1;
    }
    if (u->ninstrs == u->capinstrs) {
        int cap = u->capinstrs ? u->capinstrs * 2 : 64;
        PylInstr *v = realloc(u->instrs, sizeof(PylInstr) * (size_t)cap);
        if (v == NULL) {
            pyl_err_nomemory(c->t);
            pyl_cg_py_error(c);
            return -1;
        }
        u->instrs = v;
        u->capinstrs = cap;
    }
    PylInstr *in = &u->instrs[u->ninstrs];
    in->op = (uint16_t)op;
    in->flag = 0;
    in->arg = arg;
    in->label = -1;
    in->handler = u->cur_handler;
    in->loc = u->loc;
    return u->ninstrs++;
}

int pyl_cg_new_label(PylCompiler *c)
{
    PylUnit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int cap = u->caplabels ? u->caplabels * 2 : 32;
        int *v = realloc(u->labels, sizeof(int) * (size_t)cap);
        if (v == NULL) {
            pyl_err_nomemory(c->t);
            pyl_cg_py_error(c);
            return 0;
        }
        u->labels = v;
        u->caplabels = cap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void pyl_cg_place(PylCompiler *c, int label)
{
    if (!c->failed) {
        c->u->labels[label] = c->u->ninstrs;
    }
}

void pyl_cg_emit_jump(PylCompiler *c, int op, int label)
{
    int i = pyl_cg_emit(c, op, 0);
    if (i >= 0) {
        c->u->instrs[i].label = label;
    }
}

/* Start the region protected by handler `label`; the handler runs with the
 * stack as deep as here plus `adjust`. */
static void setup_handler_adjust(PylCompiler *c, int label, bool lasti, int adjust)
{
    int i = pyl_cg_emit(c, PSEUDO_SETUP, adjust);
    if (i >= 0) {
        c->u->instrs[i].label = label;
        c->u->instrs[i].flag = lasti;
    }
    c->u->cur_handler = label;
}

static void setup_handler(PylCompiler *c, int label, bool lasti)
{
    setup_handler_adjust(c, label, lasti, 0);
}

void pyl_cg_set_loc(PylCompiler *c, int lineno, int col, int end_lineno, int end_col)
{
    PylLocation *l = &c->u->loc;
    l->line = lineno;
    l->end_line = end_lineno;
    l->col = (int16_t)(col > 32767 ? -1 : col);
    l->end_col = (int16_t)(end_col > 32767 ? -1 : end_col);
}

/* ---- constants and names ------------------------------------------------------------ */

static PylObject *const_key(PylThread *t, PylObject *o)
{
    PylObject *type = (PylObject *)PYL_TYPEOF(t, o);
    if (PYL_IS_FLOAT_EXACT(o)) {
        double d = PYL_FLOAT_VALUE(o);
        int64_t bits;
        memcpy(&bits, &d, sizeof bits);
        PylObject *b = pyl_int_from_i64(t, bits);
        PylObject *k = b ? pyl_tuple_pack(t, 2, type, b) : NULL;
        pyl_xdecref(t, b);
        return k;
    }
    if (PYL_IS_COMPLEX_EXACT(o)) {
        /* by bit pattern, like floats: 0j, -0j and complex(0, -0.0) stay apart */
        double d[2] = {PYL_COMPLEX_REAL(o), PYL_COMPLEX_IMAG(o)};
        int64_t bits[2];
        memcpy(bits, d, sizeof bits);
        PylObject *re = pyl_int_from_i64(t, bits[0]);
        PylObject *im = re ? pyl_int_from_i64(t, bits[1]) : NULL;
        PylObject *k = im ? pyl_tuple_pack(t, 3, type, re, im) : NULL;
        pyl_xdecref(t, re);
        pyl_xdecref(t, im);
        return k;
    }
    if (PYL_IS_TUPLE_EXACT(o)) {
        intptr_t n = PYL_TUPLE_SIZE(o);
        PylObject *keys = pyl_tuple_new(t, n);
        if (keys == NULL) {
            return NULL;
        }
        for (intptr_t i = 0; i < n; i++) {
            PylObject *k = const_key(t, PYL_TUPLE_ITEM(o, i));
            if (k == NULL) {
                pyl_decref(t, keys);
                return NULL;
            }
            PYL_TUPLE_ITEMS(keys)[i] = k;
        }
        PylObject *k = pyl_tuple_pack(t, 2, type, keys);
        pyl_decref(t, keys);
        return k;
    }
    if (PYL_IS_KIND(o, FROZENSET)) {
        /* frozenset({1}) and frozenset({1.0}) are different constants */
        PylObject *keys = pyl_frozenset_new(t, NULL);
        intptr_t pos = 0;
        PylObject *item;
        while (keys != NULL && pyl_set_next(o, &pos, &item)) {
            PylObject *k = const_key(t, item);
            if (k == NULL || pyl_set_add(t, keys, k) < 0) {
                pyl_xdecref(t, k);
                PYL_CLEAR(t, keys);
                break;
            }
            pyl_decref(t, k);
        }
        PylObject *k = keys ? pyl_tuple_pack(t, 2, type, keys) : NULL;
        pyl_xdecref(t, keys);
        return k;
    }
    if (PYL_IS_KIND(o, CODE)) {
        return pyl_int_from_i64(t, (int64_t)(intptr_t)o); /* identity */
    }
    return pyl_tuple_pack(t, 2, type, o);
}

/* Index of constant o in the unit's consts (steals o). */
int pyl_cg_add_const(PylCompiler *c, PylObject *o)
{
    if (o == NULL) {
        pyl_cg_py_error(c);
        return 0;
    }
    PylThread *t = c->t;
    PylUnit *u = c->u;
    PylObject *key = const_key(t, o);
    if (key == NULL) {
        pyl_decref(t, o);
        pyl_cg_py_error(c);
        return 0;
    }
    PylObject *ix = pyl_dict_get(t, u->const_keys, key);
    if (ix != NULL) {
        pyl_decref(t, key);
        pyl_decref(t, o);
        return (int)PYL_SMALLINT_VALUE(ix);
    }
    int n = (int)PYL_LIST_SIZE(u->consts);
    if (pyl_dict_set(t, u->const_keys, key, PYL_SMALLINT(n)) < 0 ||
        pyl_list_append(t, u->consts, o) < 0) {
        pyl_cg_py_error(c);
    }
    pyl_decref(t, key);
    pyl_decref(t, o);
    return n;
}

PylObject *pyl_cg_const_object(PylCompiler *c, const PylConst *k)
{
    PylThread *t = c->t;
    switch (k->kind) {
    case CONST_NONE:
        return PYL_NONE;
    case CONST_TRUE:
        return PYL_TRUE;
    case CONST_FALSE:
        return PYL_FALSE;
    case CONST_ELLIPSIS:
        return PYL_ELLIPSIS;
    case CONST_INT:
        return pyl_int_from_string(t, k->v.digits, (intptr_t)k->len, 10);
    case CONST_FLOAT:
        return pyl_float_new(t, k->v.d);
    case CONST_COMPLEX:
        return pyl_complex_new(t, 0.0, k->v.d);
    case CONST_STR:
        return pyl_str_new(t, k->v.bytes, (intptr_t)k->len);
    case CONST_BYTES:
        return pyl_bytes_new(t, k->v.bytes, (intptr_t)k->len);
    }
    return NULL;
}

PylObject *pyl_cg_intern(PylCompiler *c, const char *name)
{
    PylObject *s = pyl_str_intern_cstr(c->t, name);
    if (s == NULL) {
        pyl_cg_py_error(c);
    }
    return s;
}

int pyl_cg_add_name(PylCompiler *c, const char *name)
{
    PylThread *t = c->t;
    PylUnit *u = c->u;
    PylObject *s = pyl_cg_intern(c, name);
    if (s == NULL) {
        return 0;
    }
    PylObject *ix = pyl_dict_get_str(t, u->name_index, s);
    if (ix != NULL) {
        pyl_decref(t, s);
        return (int)PYL_SMALLINT_VALUE(ix);
    }
    int n = (int)PYL_LIST_SIZE(u->names);
    if (pyl_dict_set(t, u->name_index, s, PYL_SMALLINT(n)) < 0 ||
        pyl_list_append(t, u->names, s) < 0) {
        pyl_cg_py_error(c);
    }
    pyl_decref(t, s);
    return n;
}

void pyl_cg_emit_const(PylCompiler *c, PylObject *o)
{
    pyl_cg_emit(c, OP_LOAD_CONST, pyl_cg_add_const(c, o));
}

static int localsplus_index(PylUnit *u, const char *name)
{
    for (int i = 0; i < u->nlocalsplus; i++) {
        if (strcmp(u->lp_names[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

/* ---- units ------------------------------------------------------------------------------ */

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_function_scope(PylScope *s)
{
    return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA || s->kind == SCOPE_COMPREHENSION;
}

/* Lay out localsplus: locals (parameters first), then cells that are not
 * parameters, then free variables; cells and frees sorted by name. */
static bool layout_locals(PylCompiler *c, PylUnit *u, PylScope *s)
{
    int cap = s->nvarnames + s->nsyms + 1;
    u->lp_names = pyl_arena_alloc(c->arena, sizeof(char *) * (size_t)cap);
    u->lp_kinds = pyl_arena_alloc(c->arena, (size_t)cap);
    const char **cells = pyl_arena_alloc(c->arena, sizeof(char *) * (size_t)cap);
    const char **frees = pyl_arena_alloc(c->arena, sizeof(char *) * (size_t)cap);
    if (!u->lp_names || !u->lp_kinds || !cells || !frees) {
        pyl_err_nomemory(c->t);
        return pyl_cg_py_error(c);
    }
    int n = 0, ncells = 0, nfrees = 0;
    int nparams = s->argcount + s->kwonlyargcount + s->has_varargs + s->has_varkw;
    if (is_function_scope(s)) {
        for (int i = 0; i < s->nvarnames; i++) {
            PylSymbol *sym = pyl_scope_lookup(s, s->varnames[i]);
            bool cell = sym != NULL && sym->scope == SYM_CELL;
            if (cell && i >= nparams) {
                continue; /* goes with the cells */
            }
            u->lp_names[n] = s->varnames[i];
            u->lp_kinds[n] = PYL_LOCAL_PLAIN | (cell ? PYL_LOCAL_CELL : 0);
            n++;
        }
    }
    u->nlocals = n;
    for (int i = 0; i < s->cap_syms; i++) {
        PylSymbol *sym = &s->syms[i];
        if (sym->name == NULL) {
            continue;
        }
        if (sym->scope == SYM_CELL) {
            bool is_param = false;
            for (int k = 0; k < nparams && k < s->nvarnames; k++) {
                if (strcmp(s->varnames[k], sym->name) == 0) {
                    is_param = true;
                }
            }
            if (!is_param || !is_function_scope(s)) {
                cells[ncells++] = sym->name;
            }
        } else if (sym->scope == SYM_FREE ||
                   (s->kind == SCOPE_CLASS && (sym->flags & DEF_FREE_CLASS))) {
            frees[nfrees++] = sym->name;
        }
    }
    qsort(cells, (size_t)ncells, sizeof(char *), cmp_names);
    qsort(frees, (size_t)nfrees, sizeof(char *), cmp_names);
    for (int i = 0; i < ncells; i++) {
        u->lp_names[n] = cells[i];
        u->lp_kinds[n++] = PYL_LOCAL_CELL;
    }
    for (int i = 0; i < nfrees; i++) {
        u->lp_names[n] = frees[i];
        u->lp_kinds[n++] = PYL_LOCAL_FREE;
    }
    u->nlocalsplus = n;
    u->ncells = ncells;
    u->nfrees = nfrees;
    return true;
}

static PylObject *make_qualname(PylCompiler *c, const char *name, PylScope *scope)
{
    PylThread *t = c->t;
    PylUnit *parent = c->u;
    if (parent == NULL || parent->scope->kind == SCOPE_MODULE) {
        return pyl_str_from_cstr(t, name);
    }
    /* a function declared global in its parent has a top-level qualname */
    if (scope->kind == SCOPE_FUNCTION || scope->kind == SCOPE_CLASS) {
        PylSymbol *sym = pyl_scope_lookup(parent->scope, name);
        if (sym != NULL && sym->scope == SYM_GLOBAL_EXPLICIT) {
            return pyl_str_from_cstr(t, name);
        }
    }
    if (is_function_scope(parent->scope)) {
        return pyl_str_format_c(t, "%U.<locals>.%s", parent->qualname, name);
    }
    return pyl_str_format_c(t, "%U.%s", parent->qualname, name);
}

bool pyl_cg_unit_enter(PylCompiler *c, PylScope *scope, const char *name, int firstlineno)
{
    PylThread *t = c->t;
    PylUnit *u = calloc(1, sizeof(PylUnit));
    if (u == NULL) {
        pyl_err_nomemory(t);
        return pyl_cg_py_error(c);
    }
    u->scope = scope;
    u->cur_handler = -1;
    u->firstlineno = firstlineno;
    u->consts = pyl_list_new(t, 0);
    u->const_keys = pyl_dict_new(t);
    u->names = pyl_list_new(t, 0);
    u->name_index = pyl_dict_new(t);
    u->name = pyl_str_from_cstr(t, name);
    u->qualname = make_qualname(c, name, scope);
    u->parent = c->u;
    c->u = u;
    if (!u->consts || !u->const_keys || !u->names || !u->name_index || !u->name || !u->qualname) {
        return pyl_cg_py_error(c);
    }
    u->argcount = scope->argcount;
    u->posonlyargcount = scope->posonlyargcount;
    u->kwonlyargcount = scope->kwonlyargcount;
    if (is_function_scope(scope)) {
        u->flags = PYL_CO_OPTIMIZED | PYL_CO_NEWLOCALS;
        if (scope->has_varargs) {
            u->flags |= PYL_CO_VARARGS;
        }
        if (scope->has_varkw) {
            u->flags |= PYL_CO_VARKEYWORDS;
        }
        if (scope->is_generator) {
            u->flags |= PYL_CO_GENERATOR;
        }
        if (scope->parent != NULL && scope->parent->kind != SCOPE_MODULE) {
            u->flags |= PYL_CO_NESTED;
        }
    }
    if (!layout_locals(c, u, scope)) {
        return false;
    }
    if (u->nfrees == 0 && u->ncells == 0) {
        u->flags |= PYL_CO_NOFREE;
    }
    pyl_cg_set_loc(c, firstlineno, -1, firstlineno, -1);
    /* prologue: free variables from the closure, then the cells */
    if (u->nfrees > 0) {
        pyl_cg_emit(c, OP_COPY_FREE_VARS, u->nfrees);
    }
    for (int i = 0; i < u->nlocalsplus; i++) {
        if (u->lp_kinds[i] & PYL_LOCAL_CELL) {
            pyl_cg_emit(c, OP_MAKE_CELL, i);
        }
    }
    return true;
}

static void unit_free(PylCompiler *c, PylUnit *u)
{
    PylThread *t = c->t;
    pyl_xdecref(t, u->consts);
    pyl_xdecref(t, u->const_keys);
    pyl_xdecref(t, u->names);
    pyl_xdecref(t, u->name_index);
    pyl_xdecref(t, u->name);
    pyl_xdecref(t, u->qualname);
    free(u->instrs);
    free(u->labels);
    free(u);
}

/* Finish the current unit: its code object (new reference) or NULL. */
PylObject *pyl_cg_unit_exit(PylCompiler *c)
{
    PylUnit *u = c->u;
    PylObject *code = c->failed ? NULL : pyl_assemble(c, u);
    if (code == NULL && !c->failed) {
        pyl_cg_py_error(c);
    }
    c->u = u->parent;
    unit_free(c, u);
    return code;
}

/* ---- names ------------------------------------------------------------------------------- */

typedef enum { NAME_FAST, NAME_DEREF, NAME_CLASSDEREF, NAME_GLOBAL, NAME_NAME } NameKind;

static NameKind name_kind(PylCompiler *c, const char *name, int *index)
{
    PylUnit *u = c->u;
    PylScope *s = u->scope;
    PylSymbol *sym = pyl_scope_lookup(s, name);
    PylSymScope sc = sym ? sym->scope : SYM_GLOBAL_IMPLICIT;
    switch (sc) {
    case SYM_FREE:
    case SYM_CELL:
        *index = localsplus_index(u, name);
        if (s->kind == SCOPE_CLASS && sc == SYM_FREE) {
            return NAME_CLASSDEREF;
        }
        return NAME_DEREF;
    case SYM_LOCAL:
        if (is_function_scope(s)) {
            *index = localsplus_index(u, name);
            return NAME_FAST;
        }
        break;
    case SYM_GLOBAL_EXPLICIT:
        *index = pyl_cg_add_name(c, name);
        return NAME_GLOBAL;
    case SYM_GLOBAL_IMPLICIT:
        if (is_function_scope(s)) {
            *index = pyl_cg_add_name(c, name);
            return NAME_GLOBAL;
        }
        break;
    default:
        break;
    }
    *index = pyl_cg_add_name(c, name);
    return NAME_NAME;
}

/* A name as the symbol table sees it (mangled inside classes). */
static const char *mangled(PylCompiler *c, const char *name)
{
    const char *m = pyl_mangle(c->arena, c->u->scope->private, name);
    if (m == NULL) {
        pyl_err_nomemory(c->t);
        pyl_cg_py_error(c);
        return name;
    }
    return m;
}

int pyl_cg_attr_name(PylCompiler *c, const char *attr)
{
    return pyl_cg_add_name(c, mangled(c, attr));
}

void pyl_cg_nameop(PylCompiler *c, const char *name, PylExprContext ctx)
{
    int ix;
    name = mangled(c, name);
    NameKind k = name_kind(c, name, &ix);
    if (ix < 0) {
        /* should not happen: the symbol table and layout disagree */
        ix = pyl_cg_add_name(c, name);
        k = NAME_NAME;
    }
    static const int ops[5][3] = {
        /* Load, Store, Del */
        [NAME_FAST] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        [NAME_DEREF] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
        [NAME_CLASSDEREF] = {OP_LOAD_CLASSDEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
        [NAME_GLOBAL] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        [NAME_NAME] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
    };
    pyl_cg_emit(c, ops[k][ctx - 1], ix);
}

/* ---- blocks (loops, try, with) ---------------------------------------------------------- */

static bool push_fblock(PylCompiler *c, PylFBlockKind kind, int start, int exit, const void *datum)
{
    PylUnit *u = c->u;
    if (u->nfblocks >= 64) {
        return pyl_cg_syntax_error(c, u->loc.line, u->loc.col, u->loc.end_line, u->loc.end_col,
                                   "too many statically nested blocks");
    }
    PylFBlock *b = &u->fblocks[u->nfblocks++];
    b->kind = kind;
    b->start = start;
    b->exit = exit;
    b->datum = datum;
    b->handler = u->cur_handler;
    b->outer_handler = u->cur_handler;
    b->loc = u->loc;
    return true;
}

static void pop_fblock(PylCompiler *c)
{
    c->u->nfblocks--;
}

/* Emit the code that leaves block b early (break/continue/return). With
 * preserve_tos, a return value on top of the stack is kept above the cleanup. */
static bool unwind_fblock(PylCompiler *c, PylFBlock *b, bool preserve_tos)
{
    switch (b->kind) {
    case FB_WHILE:
    case FB_EXCEPTION_HANDLER:
        if (b->kind == FB_EXCEPTION_HANDLER) {
            /* [prev_exc, (tos)] -> restore the handled exception */
            if (preserve_tos) {
                pyl_cg_emit(c, OP_SWAP, 2);
            }
            pyl_cg_emit(c, OP_POP_EXCEPT, 0);
        }
        return !c->failed;
    case FB_FOR:
    case FB_POP_VALUE:
        if (preserve_tos) {
            pyl_cg_emit(c, OP_SWAP, 2);
        }
        pyl_cg_emit(c, OP_POP_TOP, 0);
        return !c->failed;
    case FB_TRY_EXCEPT:
        c->u->cur_handler = b->outer_handler;
        return !c->failed;
    case FB_FINALLY_TRY: {
        c->u->cur_handler = b->outer_handler;
        /* the finally body, inline, under the outer handler */
        PylUnit *u = c->u;
        PylFBlock saved = *b;
        int idx = (int)(b - u->fblocks);
        int saved_n = u->nfblocks;
        u->nfblocks = idx; /* blocks inside the try are gone while it runs */
        if (preserve_tos) {
            u->fblocks[u->nfblocks++] = (PylFBlock){.kind = FB_POP_VALUE, .handler = -1};
        }
        bool ok = pyl_cg_stmts(c, (PylStmtSeq *)saved.datum);
        u->nfblocks = saved_n;
        u->fblocks[idx] = saved;
        return ok;
    }
    case FB_FINALLY_END:
        /* in a finally running for an exception: [prev_exc, exc] */
        c->u->cur_handler = b->outer_handler;
        if (preserve_tos) {
            pyl_cg_emit(c, OP_SWAP, 2);
        }
        pyl_cg_emit(c, OP_POP_TOP, 0); /* exc */
        if (preserve_tos) {
            pyl_cg_emit(c, OP_SWAP, 2);
        }
        pyl_cg_emit(c, OP_POP_EXCEPT, 0);
        return !c->failed;
    case FB_WITH: {
        /* [exit, (tos)]: call exit(None, None, None) */
        c->u->cur_handler = b->outer_handler;
        if (preserve_tos) {
            pyl_cg_emit(c, OP_SWAP, 2);
        }
        pyl_cg_emit_const(c, PYL_NONE);
        pyl_cg_emit_const(c, PYL_NONE);
        pyl_cg_emit_const(c, PYL_NONE);
        pyl_cg_emit(c, OP_CALL, 2);
        pyl_cg_emit(c, OP_POP_TOP, 0);
        return !c->failed;
    }
    case FB_HANDLER_CLEANUP: {
        /* in `except E as name:` body: [prev_exc] */
        c->u->cur_handler = b->outer_handler;
        if (preserve_tos) {
            pyl_cg_emit(c, OP_SWAP, 2);
        }
        pyl_cg_emit(c, OP_POP_EXCEPT, 0);
        if (b->datum != NULL) {
            pyl_cg_emit_const(c, PYL_NONE);
            pyl_cg_nameop(c, (const char *)b->datum, CTX_Store);
            pyl_cg_nameop(c, (const char *)b->datum, CTX_Del);
        }
        return !c->failed;
    }
    }
    return true;
}

/* Unwind every block down to (not including) a loop when loop_only; returns the
 * loop block or NULL. */
static PylFBlock *unwind_to_loop(PylCompiler *c, bool preserve_tos)
{
    PylUnit *u = c->u;
    int saved_handler = u->cur_handler;
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        PylFBlock *b = &u->fblocks[i];
        if (b->kind == FB_WHILE || b->kind == FB_FOR) {
            return b;
        }
        if (!unwind_fblock(c, b, preserve_tos)) {
            return NULL;
        }
    }
    u->cur_handler = saved_handler;
    return NULL;
}

static bool compile_augassign(PylCompiler *c, PylStmt *s)
{
    PylExpr *target = s->v.AugAssign.target;
    int op = pyl_cg_binop(s->v.AugAssign.op) + PYL_NB_INPLACE;
    switch (target->kind) {
    case EXPR_Name:
        pyl_cg_nameop(c, target->v.Name.id, CTX_Load);
        if (!pyl_cg_expr(c, s->v.AugAssign.value)) {
            return false;
        }
        SET_LOC(c, s);
        pyl_cg_emit(c, OP_BINARY_OP, op);
        SET_LOC(c, target);
        pyl_cg_nameop(c, target->v.Name.id, CTX_Store);
        return !c->failed;
    case EXPR_Attribute: {
        if (!pyl_cg_expr(c, target->v.Attribute.value)) {
            return false;
        }
        int name = pyl_cg_attr_name(c, target->v.Attribute.attr);
        pyl_cg_emit(c, OP_COPY, 1);
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_LOAD_ATTR, name);
        if (!pyl_cg_expr(c, s->v.AugAssign.value)) {
            return false;
        }
        SET_LOC(c, s);
        pyl_cg_emit(c, OP_BINARY_OP, op);
        pyl_cg_emit(c, OP_SWAP, 2);
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_STORE_ATTR, name);
        return !c->failed;
    }
    case EXPR_Subscript:
        if (!pyl_cg_expr(c, target->v.Subscript.value) ||
            !pyl_cg_expr(c, target->v.Subscript.slice)) {
            return false;
        }
        pyl_cg_emit(c, OP_COPY, 2);
        pyl_cg_emit(c, OP_COPY, 2);
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_BINARY_SUBSCR, 0);
        if (!pyl_cg_expr(c, s->v.AugAssign.value)) {
            return false;
        }
        SET_LOC(c, s);
        pyl_cg_emit(c, OP_BINARY_OP, op);
        pyl_cg_emit(c, OP_SWAP, 3);
        pyl_cg_emit(c, OP_SWAP, 2);
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_STORE_SUBSCR, 0);
        return !c->failed;
    default:
        return SYNTAX_AT(c, target, "'%s' is an illegal expression for augmented assignment",
                         target->kind == EXPR_Tuple ? "tuple" : "expression");
    }
}

/* ---- functions, lambdas, comprehensions ---------------------------------------------------------- */

/* Push a tuple of the cells the new code's free variables refer to; returns
 * whether the code has any. */
static bool load_closure(PylCompiler *c, PylObject *code_obj)
{
    PylCode *co = (PylCode *)code_obj;
    if (co->nfrees == 0) {
        return false;
    }
    for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
        PylObject *name = PYL_TUPLE_ITEM(co->localsplusnames, i);
        int ix = localsplus_index(c->u, PYL_STR_DATA(name));
        if (ix < 0) {
            pyl_cg_syntax_error(c, c->u->loc.line, 0, c->u->loc.line, 0,
                                "internal error: no cell for free variable '%s'",
                                PYL_STR_DATA(name));
            return false;
        }
        pyl_cg_emit(c, OP_LOAD_CLOSURE, ix);
    }
    pyl_cg_emit(c, OP_BUILD_TUPLE, co->nfrees);
    return true;
}

void pyl_cg_make_function(PylCompiler *c, PylObject *code, int flags)
{
    if (load_closure(c, code)) {
        flags |= 8;
    }
    pyl_cg_emit_const(c, code);
    pyl_cg_emit(c, OP_MAKE_FUNCTION, flags);
}

/* Push defaults / kwdefaults / annotations for a def or lambda; returns flags. */
static int compile_defaults(PylCompiler *c, PylArguments *args, PylExpr *returns, bool annotations)
{
    int flags = 0;
    if (args->defaults.n > 0) {
        if (!pyl_cg_exprs(c, &args->defaults)) {
            return -1;
        }
        pyl_cg_emit(c, OP_BUILD_TUPLE, args->defaults.n);
        flags |= 1;
    }
    int nkw = 0;
    for (int i = 0; i < args->kwonlyargs.n; i++) {
        if (args->kw_defaults.items[i] != NULL) {
            PylObject *s = pyl_cg_intern(c, args->kwonlyargs.items[i]->arg);
            if (s == NULL) {
                return -1;
            }
            pyl_cg_emit_const(c, s);
            if (!pyl_cg_expr(c, args->kw_defaults.items[i])) {
                return -1;
            }
            nkw++;
        }
    }
    if (nkw > 0) {
        pyl_cg_emit(c, OP_BUILD_MAP, nkw);
        flags |= 2;
    }
    if (annotations) {
        int nann = 0;
        PylArgSeq *seqs[3] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
        PylArg *extra[2] = {args->vararg, args->kwarg};
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < seqs[k]->n; i++) {
                PylArg *a = seqs[k]->items[i];
                if (a->annotation != NULL) {
                    pyl_cg_emit_const(c, pyl_cg_intern(c, a->arg));
                    if (!pyl_cg_expr(c, a->annotation)) {
                        return -1;
                    }
                    nann++;
                }
            }
            if (k == 1 && extra[0] != NULL && extra[0]->annotation != NULL) {
                pyl_cg_emit_const(c, pyl_cg_intern(c, extra[0]->arg));
                if (!pyl_cg_expr(c, extra[0]->annotation)) {
                    return -1;
                }
                nann++;
            }
        }
        if (extra[1] != NULL && extra[1]->annotation != NULL) {
            pyl_cg_emit_const(c, pyl_cg_intern(c, extra[1]->arg));
            if (!pyl_cg_expr(c, extra[1]->annotation)) {
                return -1;
            }
            nann++;
        }
        if (returns != NULL) {
            pyl_cg_emit_const(c, pyl_cg_intern(c, "return"));
            if (!pyl_cg_expr(c, returns)) {
                return -1;
            }
            nann++;
        }
        if (nann > 0) {
            pyl_cg_emit(c, OP_BUILD_MAP, nann);
            flags |= 4;
        }
    }
    return c->failed ? -1 : flags;
}

static PylStmt *docstring_of(PylStmtSeq *body)
{
    if (body->n > 0 && body->items[0]->kind == STMT_Expr) {
        PylExpr *v = body->items[0]->v.Expr.value;
        if (v->kind == EXPR_Constant && v->v.Constant.value.kind == CONST_STR) {
            return body->items[0];
        }
    }
    return NULL;
}

/* def / lambda: defaults and decorators in the enclosing unit, the body in a new
 * one; leaves the function on the stack. */
bool pyl_cg_function_body(PylCompiler *c, const void *node, const char *name, PylArguments *args,
                          PylStmtSeq *body, PylExpr *expr_body, int lineno, PylExprSeq *decorators,
                          PylExpr *returns)
{
    if (decorators != NULL && !pyl_cg_exprs(c, decorators)) {
        return false;
    }
    int flags = compile_defaults(c, args, returns, expr_body == NULL);
    if (flags < 0) {
        return false;
    }
    PylScope *scope = pyl_symtable_scope_of(&c->st, node);
    if (scope == NULL) {
        return pyl_cg_syntax_error(c, lineno, 0, lineno, 0,
                                   "internal error: no scope for function");
    }
    PylLocation saved = c->u->loc;
    if (!pyl_cg_unit_enter(c, scope, name, lineno)) {
        return false;
    }
    bool ok;
    if (expr_body != NULL) {
        /* lambda: no docstring, const 0 is None like CPython */
        pyl_cg_add_const(c, PYL_NONE);
        ok = pyl_cg_expr(c, expr_body);
        pyl_cg_emit(c, OP_RETURN_VALUE, 0);
    } else {
        PylStmt *doc = docstring_of(body);
        if (doc != NULL) {
            pyl_cg_add_const(c, pyl_cg_const_object(c, &doc->v.Expr.value->v.Constant.value));
        } else {
            pyl_cg_add_const(c, PYL_NONE);
        }
        ok = true;
        for (int i = doc ? 1 : 0; i < body->n && ok; i++) {
            ok = compile_stmt(c, body->items[i]);
        }
        if (ok) {
            /* implicit `return None`, at the last line of the body */
            if (body->n > 0) {
                PylStmt *last = body->items[body->n - 1];
                pyl_cg_set_loc(c, last->end_lineno, -1, last->end_lineno, -1);
            }
            pyl_cg_emit_const(c, PYL_NONE);
            pyl_cg_emit(c, OP_RETURN_VALUE, 0);
        }
    }
    PylObject *code = pyl_cg_unit_exit(c);
    c->u->loc = saved;
    if (!ok || code == NULL) {
        pyl_xdecref(c->t, code);
        return false;
    }
    pyl_cg_make_function(c, code, flags);
    if (decorators != NULL) {
        for (int i = 0; i < decorators->n; i++) {
            pyl_cg_emit(c, OP_CALL, 0);
        }
    }
    return !c->failed;
}

/* ---- statements --------------------------------------------------------------------------- */

static bool compile_if(PylCompiler *c, PylStmt *s)
{
    int end = pyl_cg_new_label(c);
    int orelse = s->v.If.orelse.n > 0 ? pyl_cg_new_label(c) : end;
    if (!pyl_cg_jump_if(c, s->v.If.test, orelse, false) || !pyl_cg_stmts(c, &s->v.If.body)) {
        return false;
    }
    if (s->v.If.orelse.n > 0) {
        pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
        pyl_cg_place(c, orelse);
        if (!pyl_cg_stmts(c, &s->v.If.orelse)) {
            return false;
        }
    }
    pyl_cg_place(c, end);
    return !c->failed;
}

static bool compile_while(PylCompiler *c, PylStmt *s)
{
    int start = pyl_cg_new_label(c), body = pyl_cg_new_label(c), orelse = pyl_cg_new_label(c),
        end = pyl_cg_new_label(c);
    pyl_cg_place(c, start);
    if (!pyl_cg_jump_if(c, s->v.While.test, orelse, false)) {
        return false;
    }
    pyl_cg_place(c, body);
    if (!push_fblock(c, FB_WHILE, start, end, NULL)) {
        return false;
    }
    if (!pyl_cg_stmts(c, &s->v.While.body)) {
        return false;
    }
    pop_fblock(c);
    SET_LOC(c, s->v.While.test);
    pyl_cg_emit_jump(c, OP_JUMP_BACKWARD, start);
    pyl_cg_place(c, orelse);
    if (!pyl_cg_stmts(c, &s->v.While.orelse)) {
        return false;
    }
    pyl_cg_place(c, end);
    return !c->failed;
}

static bool compile_for(PylCompiler *c, PylStmt *s)
{
    if (s->kind == STMT_AsyncFor) {
        return SYNTAX_AT(c, s, "'async for' outside async function");
    }
    int start = pyl_cg_new_label(c), cleanup = pyl_cg_new_label(c), end = pyl_cg_new_label(c);
    if (!pyl_cg_expr(c, s->v.For.iter)) {
        return false;
    }
    SET_LOC(c, s); /* errors of iter() and next() point at the whole for statement */
    pyl_cg_emit(c, OP_GET_ITER, 0);
    pyl_cg_place(c, start);
    pyl_cg_emit_jump(c, OP_FOR_ITER, cleanup);
    if (!push_fblock(c, FB_FOR, start, end, NULL)) {
        return false;
    }
    if (!pyl_cg_store(c, s->v.For.target) || !pyl_cg_stmts(c, &s->v.For.body)) {
        return false;
    }
    pop_fblock(c);
    SET_LOC(c, s->v.For.target);
    pyl_cg_emit_jump(c, OP_JUMP_BACKWARD, start);
    pyl_cg_place(c, cleanup);
    if (!pyl_cg_stmts(c, &s->v.For.orelse)) {
        return false;
    }
    pyl_cg_place(c, end);
    return !c->failed;
}

static bool compile_return(PylCompiler *c, PylStmt *s)
{
    PylScope *sc = c->u->scope;
    if (!is_function_scope(sc)) {
        return SYNTAX_AT(c, s, "'return' outside function");
    }
    bool preserve = s->v.Return.value != NULL;
    if (preserve && !pyl_cg_expr(c, s->v.Return.value)) {
        return false;
    }
    SET_LOC(c, s);
    PylUnit *u = c->u;
    int saved_handler = u->cur_handler;
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        if (!unwind_fblock(c, &u->fblocks[i], preserve)) {
            return false;
        }
    }
    if (!preserve) {
        pyl_cg_emit_const(c, PYL_NONE);
    }
    pyl_cg_emit(c, OP_RETURN_VALUE, 0);
    u->cur_handler = saved_handler;
    return !c->failed;
}

static bool compile_break_continue(PylCompiler *c, PylStmt *s, bool is_break)
{
    PylUnit *u = c->u;
    int saved_handler = u->cur_handler;
    PylFBlock *loop = unwind_to_loop(c, false);
    if (c->failed) {
        return false;
    }
    if (loop == NULL) {
        u->cur_handler = saved_handler;
        return SYNTAX_AT(c, s,
                         is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    if (is_break) {
        if (loop->kind == FB_FOR) {
            pyl_cg_emit(c, OP_POP_TOP, 0);
        }
        pyl_cg_emit_jump(c, OP_JUMP_FORWARD, loop->exit);
    } else {
        pyl_cg_emit_jump(c, OP_JUMP_BACKWARD, loop->start);
    }
    u->cur_handler = saved_handler;
    return !c->failed;
}

static bool compile_raise(PylCompiler *c, PylStmt *s)
{
    int n = 0;
    if (s->v.Raise.exc != NULL) {
        if (!pyl_cg_expr(c, s->v.Raise.exc)) {
            return false;
        }
        n = 1;
        if (s->v.Raise.cause != NULL) {
            if (!pyl_cg_expr(c, s->v.Raise.cause)) {
                return false;
            }
            n = 2;
        }
    }
    SET_LOC(c, s);
    pyl_cg_emit(c, OP_RAISE_VARARGS, n);
    return !c->failed;
}

/* The comparison whose location CPython's jump code leaves in force after
 * testing e (the last one reached through and/or/not), or NULL. */
static PylExpr *last_compare(PylExpr *e)
{
    switch (e->kind) {
    case EXPR_Compare:
        return e;
    case EXPR_UnaryOp:
        return e->v.UnaryOp.op == UOP_Not ? last_compare(e->v.UnaryOp.operand) : NULL;
    case EXPR_BoolOp: {
        PylExpr *found = NULL;
        for (int i = 0; i < e->v.BoolOp.values.n; i++) {
            PylExpr *c = last_compare(e->v.BoolOp.values.items[i]);
            found = c ? c : found;
        }
        return found;
    }
    default:
        return NULL;
    }
}

static bool compile_assert(PylCompiler *c, PylStmt *s)
{
    int end = pyl_cg_new_label(c);
    if (!pyl_cg_jump_if(c, s->v.Assert.test, end, true)) {
        return false;
    }
    /* CPython 3.11 reports a failed assert at its last comparison, else at the
     * statement */
    PylExpr *cmp = last_compare(s->v.Assert.test);
    if (cmp != NULL) {
        SET_LOC(c, cmp);
    } else {
        SET_LOC(c, s);
    }
    PylLocation loc = c->u->loc;
    pyl_cg_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.Assert.msg != NULL) {
        if (!pyl_cg_expr(c, s->v.Assert.msg)) {
            return false;
        }
        c->u->loc = loc;
        pyl_cg_emit(c, OP_CALL, 0);
    }
    pyl_cg_emit(c, OP_RAISE_VARARGS, 1);
    pyl_cg_place(c, end);
    return !c->failed;
}

/* try: body except...: handlers else: orelse */
static bool compile_try_except(PylCompiler *c, PylStmt *s)
{
    PylUnit *u = c->u;
    int outer = u->cur_handler;
    int except = pyl_cg_new_label(c), orelse = pyl_cg_new_label(c), end = pyl_cg_new_label(c),
        cleanup = pyl_cg_new_label(c);
    setup_handler(c, except, false);
    if (!push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL)) {
        return false;
    }
    c->u->fblocks[u->nfblocks - 1].outer_handler = outer;
    if (!pyl_cg_stmts(c, &s->v.Try.body)) {
        return false;
    }
    pop_fblock(c);
    u->cur_handler = outer;
    pyl_cg_place(c, orelse);
    if (!pyl_cg_stmts(c, &s->v.Try.orelse)) {
        return false;
    }
    pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);

    /* the handlers: stack [exc] on entry */
    pyl_cg_place(c, except);
    setup_handler(c, cleanup, true);
    pyl_cg_emit(c, OP_PUSH_EXC_INFO, 0);
    for (int i = 0; i < s->v.Try.handlers.n; i++) {
        PylExcepthandler *h = s->v.Try.handlers.items[i];
        SET_LOC(c, h);
        if (h->v.ExceptHandler.type == NULL && i < s->v.Try.handlers.n - 1) {
            return SYNTAX_AT(c, h, "default 'except:' must be last");
        }
        int next = pyl_cg_new_label(c);
        if (h->v.ExceptHandler.type != NULL) {
            if (!pyl_cg_expr(c, h->v.ExceptHandler.type)) {
                return false;
            }
            SET_LOC(c, h);
            pyl_cg_emit(c, OP_CHECK_EXC_MATCH, 0);
            pyl_cg_emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name != NULL) {
            pyl_cg_nameop(c, name, CTX_Store);
            int cleanup_name = pyl_cg_new_label(c);
            setup_handler(c, cleanup_name, true);
            if (!push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, name)) {
                return false;
            }
            c->u->fblocks[u->nfblocks - 1].outer_handler = outer;
            if (!pyl_cg_stmts(c, &h->v.ExceptHandler.body)) {
                return false;
            }
            pop_fblock(c);
            SET_LOC(c, h);
            u->cur_handler = outer;
            pyl_cg_emit(c, OP_POP_EXCEPT, 0);
            pyl_cg_emit_const(c, PYL_NONE);
            pyl_cg_nameop(c, name, CTX_Store);
            pyl_cg_nameop(c, name, CTX_Del);
            pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
            /* an exception in the handler body: unbind the name, re-raise */
            pyl_cg_place(c, cleanup_name);
            u->cur_handler = cleanup;
            pyl_cg_emit_const(c, PYL_NONE);
            pyl_cg_nameop(c, name, CTX_Store);
            pyl_cg_nameop(c, name, CTX_Del);
            pyl_cg_emit(c, OP_RERAISE, 1);
        } else {
            pyl_cg_emit(c, OP_POP_TOP, 0);
            if (!push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL)) {
                return false;
            }
            c->u->fblocks[u->nfblocks - 1].outer_handler = outer;
            if (!pyl_cg_stmts(c, &h->v.ExceptHandler.body)) {
                return false;
            }
            pop_fblock(c);
            u->cur_handler = outer;
            pyl_cg_emit(c, OP_POP_EXCEPT, 0);
            pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
            u->cur_handler = cleanup;
        }
        pyl_cg_place(c, next);
    }
    /* no handler matched: re-raise (still under the cleanup handler) */
    pyl_cg_emit(c, OP_RERAISE, 0);
    pyl_cg_place(c, cleanup);
    u->cur_handler = outer;
    pyl_cg_emit(c, OP_COPY, 3);
    pyl_cg_emit(c, OP_POP_EXCEPT, 0);
    pyl_cg_emit(c, OP_RERAISE, 1);
    pyl_cg_place(c, end);
    return !c->failed;
}

static bool compile_try_finally(PylCompiler *c, PylStmt *s)
{
    PylUnit *u = c->u;
    int outer = u->cur_handler;
    int fin = pyl_cg_new_label(c), end = pyl_cg_new_label(c), cleanup = pyl_cg_new_label(c);
    setup_handler(c, fin, false);
    if (!push_fblock(c, FB_FINALLY_TRY, -1, -1, &s->v.Try.finalbody)) {
        return false;
    }
    c->u->fblocks[u->nfblocks - 1].outer_handler = outer;
    bool ok;
    if (s->v.Try.handlers.n > 0) {
        ok = compile_try_except(c, s);
    } else {
        ok = pyl_cg_stmts(c, &s->v.Try.body);
    }
    if (!ok) {
        return false;
    }
    pop_fblock(c);
    u->cur_handler = outer;
    /* normal exit: the finally body inline */
    if (!pyl_cg_stmts(c, &s->v.Try.finalbody)) {
        return false;
    }
    pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
    /* exceptional exit: [lasti, exc] */
    pyl_cg_place(c, fin);
    setup_handler(c, cleanup, true);
    pyl_cg_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!push_fblock(c, FB_FINALLY_END, -1, -1, NULL)) {
        return false;
    }
    c->u->fblocks[u->nfblocks - 1].outer_handler = outer;
    if (!pyl_cg_stmts(c, &s->v.Try.finalbody)) {
        return false;
    }
    pop_fblock(c);
    u->cur_handler = cleanup;
    pyl_cg_emit(c, OP_RERAISE, 0);
    pyl_cg_place(c, cleanup);
    u->cur_handler = outer;
    pyl_cg_emit(c, OP_COPY, 3);
    pyl_cg_emit(c, OP_POP_EXCEPT, 0);
    pyl_cg_emit(c, OP_RERAISE, 1);
    pyl_cg_place(c, end);
    return !c->failed;
}

static bool compile_with_items(PylCompiler *c, PylStmt *s, int index)
{
    PylUnit *u = c->u;
    PylWithitem *item = s->v.With.items.items[index];
    int outer = u->cur_handler;
    int exc = pyl_cg_new_label(c), end = pyl_cg_new_label(c), cleanup = pyl_cg_new_label(c),
        suppress = pyl_cg_new_label(c);
    if (!pyl_cg_expr(c, item->context_expr)) {
        return false;
    }
    SET_LOC(c, item->context_expr);
    pyl_cg_emit(c, OP_BEFORE_WITH, 0);
    setup_handler_adjust(c, exc, true, -1); /* __enter__'s result is not kept */
    if (!push_fblock(c, FB_WITH, -1, -1, NULL)) {
        return false;
    }
    c->u->fblocks[u->nfblocks - 1].outer_handler = outer;
    if (item->optional_vars != NULL) {
        if (!pyl_cg_store(c, item->optional_vars)) {
            return false;
        }
    } else {
        pyl_cg_emit(c, OP_POP_TOP, 0);
    }
    bool ok = index + 1 < s->v.With.items.n ? compile_with_items(c, s, index + 1)
                                            : pyl_cg_stmts(c, &s->v.With.body);
    if (!ok) {
        return false;
    }
    pop_fblock(c);
    u->cur_handler = outer;
    SET_LOC(c, s);
    pyl_cg_emit_const(c, PYL_NONE);
    pyl_cg_emit_const(c, PYL_NONE);
    pyl_cg_emit_const(c, PYL_NONE);
    pyl_cg_emit(c, OP_CALL, 2);
    pyl_cg_emit(c, OP_POP_TOP, 0);
    pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
    /* exceptional exit: [exit, lasti, exc] */
    pyl_cg_place(c, exc);
    setup_handler(c, cleanup, true);
    pyl_cg_emit(c, OP_PUSH_EXC_INFO, 0);
    pyl_cg_emit(c, OP_WITH_EXCEPT_START, 0);
    pyl_cg_emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    pyl_cg_emit(c, OP_RERAISE, 2);
    pyl_cg_place(c, suppress);
    pyl_cg_emit(c, OP_POP_TOP, 0);
    pyl_cg_emit(c, OP_POP_EXCEPT, 0);
    u->cur_handler = outer;
    pyl_cg_emit(c, OP_POP_TOP, 0);
    pyl_cg_emit(c, OP_POP_TOP, 0);
    pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
    pyl_cg_place(c, cleanup);
    pyl_cg_emit(c, OP_COPY, 3);
    pyl_cg_emit(c, OP_POP_EXCEPT, 0);
    pyl_cg_emit(c, OP_RERAISE, 1);
    pyl_cg_place(c, end);
    return !c->failed;
}

static bool compile_import(PylCompiler *c, PylStmt *s)
{
    for (int i = 0; i < s->v.Import.names.n; i++) {
        PylAlias *a = s->v.Import.names.items[i];
        SET_LOC(c, a);
        pyl_cg_emit_const(c, PYL_SMALLINT(0));
        pyl_cg_emit_const(c, PYL_NONE);
        pyl_cg_emit(c, OP_IMPORT_NAME, pyl_cg_add_name(c, a->name));
        if (a->asname != NULL) {
            /* import a.b.c as d: bind the last submodule */
            const char *p = a->name;
            const char *dot;
            while ((dot = strchr(p, '.')) != NULL) {
                char part[256];
                size_t n = strlen(dot + 1);
                const char *next = strchr(dot + 1, '.');
                if (next != NULL) {
                    n = (size_t)(next - dot - 1);
                }
                snprintf(part, sizeof part, "%.*s", (int)n, dot + 1);
                pyl_cg_emit(c, OP_IMPORT_FROM, pyl_cg_add_name(c, part));
                pyl_cg_emit(c, OP_SWAP, 2);
                pyl_cg_emit(c, OP_POP_TOP, 0);
                p = dot + 1;
            }
            pyl_cg_nameop(c, a->asname, CTX_Store);
        } else {
            const char *dot = strchr(a->name, '.');
            char first[256];
            snprintf(first, sizeof first, "%.*s", dot ? (int)(dot - a->name) : (int)strlen(a->name),
                     a->name);
            pyl_cg_nameop(c, pyl_arena_strndup(c->arena, first, strlen(first)), CTX_Store);
        }
    }
    return !c->failed;
}

static bool compile_import_from(PylCompiler *c, PylStmt *s)
{
    int n = s->v.ImportFrom.names.n;
    PylObject *names = pyl_tuple_new(c->t, n);
    if (names == NULL) {
        return pyl_cg_py_error(c);
    }
    for (int i = 0; i < n; i++) {
        PylObject *nm = pyl_cg_intern(c, s->v.ImportFrom.names.items[i]->name);
        if (nm == NULL) {
            pyl_decref(c->t, names);
            return false;
        }
        PYL_TUPLE_ITEMS(names)[i] = nm;
    }
    SET_LOC(c, s);
    pyl_cg_emit_const(c, PYL_SMALLINT(s->v.ImportFrom.level));
    pyl_cg_emit_const(c, names);
    const char *module = s->v.ImportFrom.module ? s->v.ImportFrom.module : "";
    pyl_cg_emit(c, OP_IMPORT_NAME, pyl_cg_add_name(c, module));
    for (int i = 0; i < n; i++) {
        PylAlias *a = s->v.ImportFrom.names.items[i];
        if (strcmp(a->name, "*") == 0) {
            pyl_cg_emit(c, OP_IMPORT_STAR, 0);
            return !c->failed;
        }
        SET_LOC(c, a);
        pyl_cg_emit(c, OP_IMPORT_FROM, pyl_cg_add_name(c, a->name));
        pyl_cg_nameop(c, a->asname ? a->asname : a->name, CTX_Store);
    }
    pyl_cg_emit(c, OP_POP_TOP, 0);
    return !c->failed;
}

static bool compile_annassign(PylCompiler *c, PylStmt *s)
{
    PylExpr *target = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value != NULL) {
        if (!pyl_cg_expr(c, s->v.AnnAssign.value) || !pyl_cg_store(c, target)) {
            return false;
        }
    }
    PylScope *sc = c->u->scope;
    bool module_or_class = sc->kind == SCOPE_MODULE || sc->kind == SCOPE_CLASS;
    if (target->kind == EXPR_Name) {
        if (s->v.AnnAssign.simple && module_or_class) {
            /* __annotations__['x'] = annotation */
            if (!pyl_cg_expr(c, s->v.AnnAssign.annotation)) {
                return false;
            }
            SET_LOC(c, s);
            pyl_cg_emit(c, OP_LOAD_NAME, pyl_cg_add_name(c, "__annotations__"));
            pyl_cg_emit_const(c, pyl_cg_intern(c, target->v.Name.id));
            pyl_cg_emit(c, OP_STORE_SUBSCR, 0);
        }
    } else if (s->v.AnnAssign.value == NULL) {
        /* evaluate the target's parts, as CPython does */
        if (target->kind == EXPR_Attribute) {
            if (!pyl_cg_expr(c, target->v.Attribute.value)) {
                return false;
            }
            pyl_cg_emit(c, OP_POP_TOP, 0);
        } else if (target->kind == EXPR_Subscript) {
            if (!pyl_cg_expr(c, target->v.Subscript.value) ||
                !pyl_cg_expr(c, target->v.Subscript.slice)) {
                return false;
            }
            pyl_cg_emit(c, OP_POP_TOP, 0);
            pyl_cg_emit(c, OP_POP_TOP, 0);
        }
        if (module_or_class) {
            if (!pyl_cg_expr(c, s->v.AnnAssign.annotation)) {
                return false;
            }
            pyl_cg_emit(c, OP_POP_TOP, 0);
        }
    } else if (module_or_class) {
        if (!pyl_cg_expr(c, s->v.AnnAssign.annotation)) {
            return false;
        }
        pyl_cg_emit(c, OP_POP_TOP, 0);
    }
    return !c->failed;
}

/* class C(bases, **kw): body
 *   -> __build_class__(<function running body>, 'C', *bases, **kw) */
static bool compile_class(PylCompiler *c, PylStmt *s)
{
    PylExprSeq *decos = &s->v.ClassDef.decorator_list;
    if (!pyl_cg_exprs(c, decos)) {
        return false;
    }
    PylScope *scope = pyl_symtable_scope_of(&c->st, s);
    if (scope == NULL) {
        return SYNTAX_AT(c, s, "internal error: no scope for class");
    }
    PylLocation saved = c->u->loc;
    const char *name = s->v.ClassDef.name;
    if (!pyl_cg_unit_enter(c, scope, name, s->lineno)) {
        return false;
    }
    SET_LOC(c, s);
    pyl_cg_emit(c, OP_LOAD_NAME, pyl_cg_add_name(c, "__name__"));
    pyl_cg_emit(c, OP_STORE_NAME, pyl_cg_add_name(c, "__module__"));
    pyl_cg_emit_const(c, pyl_incref(c->u->qualname));
    pyl_cg_emit(c, OP_STORE_NAME, pyl_cg_add_name(c, "__qualname__"));
    PylStmtSeq *body = &s->v.ClassDef.body;
    if (has_annotations(body)) {
        pyl_cg_emit(c, OP_SETUP_ANNOTATIONS, 0);
    }
    PylStmt *doc = docstring_of(body);
    bool ok = true;
    if (doc != NULL) {
        SET_LOC(c, doc);
        pyl_cg_emit_const(c, pyl_cg_const_object(c, &doc->v.Expr.value->v.Constant.value));
        pyl_cg_emit(c, OP_STORE_NAME, pyl_cg_add_name(c, "__doc__"));
    }
    for (int i = doc ? 1 : 0; i < body->n && ok; i++) {
        ok = compile_stmt(c, body->items[i]);
    }
    if (ok) {
        if (body->n > 0) {
            PylStmt *last = body->items[body->n - 1];
            pyl_cg_set_loc(c, last->end_lineno, -1, last->end_lineno, -1);
        }
        int cell = localsplus_index(c->u, "__class__");
        if (cell >= 0 && (c->u->lp_kinds[cell] & PYL_LOCAL_CELL)) {
            pyl_cg_emit(c, OP_LOAD_CLOSURE, cell);
            pyl_cg_emit(c, OP_COPY, 1);
            pyl_cg_emit(c, OP_STORE_NAME, pyl_cg_add_name(c, "__classcell__"));
        } else {
            pyl_cg_emit_const(c, PYL_NONE);
        }
        pyl_cg_emit(c, OP_RETURN_VALUE, 0);
    }
    PylObject *code = pyl_cg_unit_exit(c);
    c->u->loc = saved;
    if (!ok || code == NULL) {
        pyl_xdecref(c->t, code);
        return false;
    }
    SET_LOC(c, s);
    pyl_cg_emit(c, OP_PUSH_NULL, 0);
    pyl_cg_emit(c, OP_LOAD_BUILD_CLASS, 0);
    pyl_cg_make_function(c, code, 0);
    pyl_cg_emit_const(c, pyl_cg_intern(c, name));
    PylExprSeq *bases = &s->v.ClassDef.bases;
    PylKeywordSeq *kws = &s->v.ClassDef.keywords;
    bool ex = pyl_cg_has_starred(bases);
    for (int i = 0; i < kws->n; i++) {
        ex |= kws->items[i]->arg == NULL;
    }
    if (ex) {
        /* __build_class__(func, name, *bases, **kw): prepend func and name */
        pyl_cg_emit(c, OP_BUILD_LIST, 2); /* [func, name] */
        for (int i = 0; i < bases->n; i++) {
            PylExpr *b = bases->items[i];
            if (b->kind == EXPR_Starred) {
                if (!pyl_cg_expr(c, b->v.Starred.value)) {
                    return false;
                }
                pyl_cg_emit(c, OP_LIST_EXTEND, 1);
            } else {
                if (!pyl_cg_expr(c, b)) {
                    return false;
                }
                pyl_cg_emit(c, OP_LIST_APPEND, 1);
            }
        }
        pyl_cg_emit(c, OP_LIST_TO_TUPLE, 0);
        if (!pyl_cg_call_function_ex(c, kws)) {
            return false;
        }
    } else {
        if (!pyl_cg_exprs(c, bases)) {
            return false;
        }
        int nkw = 0;
        if (kws->n > 0 && !pyl_cg_push_keywords(c, kws, &nkw)) {
            return false;
        }
        SET_LOC(c, s);
        pyl_cg_emit(c, OP_CALL, 2 + bases->n + nkw);
    }
    for (int i = 0; i < decos->n; i++) {
        pyl_cg_emit(c, OP_CALL, 0);
    }
    pyl_cg_nameop(c, name, CTX_Store);
    return !c->failed;
}

static bool compile_stmt(PylCompiler *c, PylStmt *s)
{
    if (c->failed) {
        return false;
    }
    SET_LOC(c, s);
    switch (s->kind) {
    case STMT_FunctionDef:
        if (!pyl_cg_function_body(c, s, s->v.FunctionDef.name, s->v.FunctionDef.args,
                                  &s->v.FunctionDef.body, NULL, s->lineno,
                                  &s->v.FunctionDef.decorator_list, s->v.FunctionDef.returns)) {
            return false;
        }
        SET_LOC(c, s);
        pyl_cg_nameop(c, s->v.FunctionDef.name, CTX_Store);
        return !c->failed;
    case STMT_AsyncFunctionDef:
        return SYNTAX_AT(c, s, "async is not supported yet");
    case STMT_ClassDef:
        return compile_class(c, s);
    case STMT_Return:
        return compile_return(c, s);
    case STMT_Delete:
        for (int i = 0; i < s->v.Delete.targets.n; i++) {
            if (!pyl_cg_delete(c, s->v.Delete.targets.items[i])) {
                return false;
            }
        }
        return true;
    case STMT_Assign: {
        if (!pyl_cg_expr(c, s->v.Assign.value)) {
            return false;
        }
        int n = s->v.Assign.targets.n;
        for (int i = 0; i < n; i++) {
            if (i < n - 1) {
                pyl_cg_emit(c, OP_COPY, 1);
            }
            if (!pyl_cg_store(c, s->v.Assign.targets.items[i])) {
                return false;
            }
        }
        return true;
    }
    case STMT_AugAssign:
        return compile_augassign(c, s);
    case STMT_AnnAssign:
        return compile_annassign(c, s);
    case STMT_For:
    case STMT_AsyncFor:
        return compile_for(c, s);
    case STMT_While:
        return compile_while(c, s);
    case STMT_If:
        return compile_if(c, s);
    case STMT_With:
        return compile_with_items(c, s, 0);
    case STMT_AsyncWith:
        return SYNTAX_AT(c, s, "'async with' outside async function");
    case STMT_Match:
        return pyl_cg_match(c, s);
    case STMT_Raise:
        return compile_raise(c, s);
    case STMT_Try:
        if (s->v.Try.finalbody.n > 0) {
            return compile_try_finally(c, s);
        }
        return compile_try_except(c, s);
    case STMT_TryStar:
        return SYNTAX_AT(c, s, "except* is not supported yet");
    case STMT_Assert:
        return compile_assert(c, s);
    case STMT_Import:
        return compile_import(c, s);
    case STMT_ImportFrom:
        return compile_import_from(c, s);
    case STMT_Global:
    case STMT_Nonlocal:
    case STMT_Pass:
        return true;
    case STMT_Expr: {
        PylExpr *v = s->v.Expr.value;
        if (c->interactive && c->u->scope->kind == SCOPE_MODULE && c->u->nfblocks == 0) {
            if (!pyl_cg_expr(c, v)) {
                return false;
            }
            SET_LOC(c, s);
            pyl_cg_emit(c, OP_PRINT_EXPR, 0);
            return !c->failed;
        }
        if (v->kind == EXPR_Constant) {
            return true; /* a bare constant (docstring-like) compiles to nothing */
        }
        if (!pyl_cg_expr(c, v)) {
            return false;
        }
        SET_LOC(c, s);
        pyl_cg_emit(c, OP_POP_TOP, 0);
        return !c->failed;
    }
    case STMT_Break:
        return compile_break_continue(c, s, true);
    case STMT_Continue:
        return compile_break_continue(c, s, false);
    }
    return true;
}

bool pyl_cg_stmts(PylCompiler *c, PylStmtSeq *seq)
{
    for (int i = 0; i < seq->n; i++) {
        if (!compile_stmt(c, seq->items[i])) {
            return false;
        }
    }
    return true;
}

static bool has_annotations(PylStmtSeq *seq)
{
    for (int i = 0; i < seq->n; i++) {
        PylStmt *s = seq->items[i];
        switch (s->kind) {
        case STMT_AnnAssign:
            return true;
        case STMT_For:
            if (has_annotations(&s->v.For.body) || has_annotations(&s->v.For.orelse)) {
                return true;
            }
            break;
        case STMT_While:
            if (has_annotations(&s->v.While.body) || has_annotations(&s->v.While.orelse)) {
                return true;
            }
            break;
        case STMT_If:
            if (has_annotations(&s->v.If.body) || has_annotations(&s->v.If.orelse)) {
                return true;
            }
            break;
        case STMT_With:
            if (has_annotations(&s->v.With.body)) {
                return true;
            }
            break;
        case STMT_Try:
            if (has_annotations(&s->v.Try.body) || has_annotations(&s->v.Try.orelse) ||
                has_annotations(&s->v.Try.finalbody)) {
                return true;
            }
            for (int k = 0; k < s->v.Try.handlers.n; k++) {
                if (has_annotations(&s->v.Try.handlers.items[k]->v.ExceptHandler.body)) {
                    return true;
                }
            }
            break;
        default:
            break;
        }
    }
    return false;
}

static PylObject *compile_module(PylCompiler *c, PylMod *mod)
{
    if (!pyl_cg_unit_enter(c, c->st.top, "<module>", 1)) {
        return NULL;
    }
    bool ok = true;
    switch (mod->kind) {
    case MOD_Module: {
        PylStmtSeq *body = &mod->v.Module.body;
        if (has_annotations(body)) {
            pyl_cg_set_loc(c, 1, -1, 1, -1);
            pyl_cg_emit(c, OP_SETUP_ANNOTATIONS, 0);
        }
        int first = 0;
        PylStmt *doc = docstring_of(body);
        if (doc != NULL) {
            SET_LOC(c, doc);
            pyl_cg_emit_const(c, pyl_cg_const_object(c, &doc->v.Expr.value->v.Constant.value));
            pyl_cg_emit(c, OP_STORE_NAME, pyl_cg_add_name(c, "__doc__"));
            first = 1;
        }
        for (int i = first; i < body->n && ok; i++) {
            ok = compile_stmt(c, body->items[i]);
        }
        if (body->n > 0) {
            PylStmt *last = body->items[body->n - 1];
            pyl_cg_set_loc(c, last->end_lineno, -1, last->end_lineno, -1);
        }
        pyl_cg_emit_const(c, PYL_NONE);
        pyl_cg_emit(c, OP_RETURN_VALUE, 0);
        break;
    }
    case MOD_Interactive:
        c->interactive = true;
        if (has_annotations(&mod->v.Interactive.body)) {
            pyl_cg_emit(c, OP_SETUP_ANNOTATIONS, 0);
        }
        ok = pyl_cg_stmts(c, &mod->v.Interactive.body);
        pyl_cg_emit_const(c, PYL_NONE);
        pyl_cg_emit(c, OP_RETURN_VALUE, 0);
        break;
    case MOD_Expression:
        ok = pyl_cg_expr(c, mod->v.Expression.body);
        pyl_cg_emit(c, OP_RETURN_VALUE, 0);
        break;
    default:
        ok = pyl_cg_syntax_error(c, 1, 0, 1, 0, "unsupported module kind");
        break;
    }
    PylObject *code = pyl_cg_unit_exit(c);
    if (!ok) {
        pyl_xdecref(c->t, code);
        return NULL;
    }
    return code;
}

/* ---- entry points --------------------------------------------------------------------------- */

/* The text of line `lineno` of src (1-based), without its newline. */
static PylObject *source_line(PylThread *t, const char *src, size_t len, int lineno)
{
    const char *p = src, *end = src + len;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        p += 3;
    }
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            return NULL;
        }
        p = nl + 1;
    }
    const char *q = p;
    while (q < end && *q != '\n') {
        q++;
    }
    PylObject *s = pyl_str_decode_utf8(t, p, q - p, "replace");
    if (s == NULL) {
        pyl_err_clear(t);
        return NULL;
    }
    /* SyntaxError.text keeps the newline */
    PylObject *nl = pyl_str_from_cstr(t, "\n");
    PylObject *r = nl ? pyl_str_concat(t, s, nl) : NULL;
    pyl_xdecref(t, nl);
    pyl_decref(t, s);
    return r;
}

void pyl_raise_syntax_error(PylThread *t, const PylSyntaxError *err, const char *src, size_t len,
                            const char *filename)
{
    if (err->kind == 3) {
        pyl_err_nomemory(t);
        return;
    }
    PylType *type = err->kind == PYL_TAB_ERROR           ? PYL_EXC(t, TabError)
                    : err->kind == PYL_INDENTATION_ERROR ? PYL_EXC(t, IndentationError)
                                                         : PYL_EXC(t, SyntaxError);
    PylObject *msg = pyl_str_from_cstr(t, err->msg);
    PylObject *fn = pyl_str_from_cstr(t, filename);
    /* an error inside an f-string field shows the field, as CPython does */
    PylObject *text = err->text[0] != '\0' ? pyl_str_from_cstr(t, err->text)
                      : err->lineno > 0    ? source_line(t, src, len, err->lineno)
                                           : NULL;
    PylObject *info = NULL;
    if (msg != NULL && fn != NULL) {
        if (err->lineno > 0) {
            PylObject *eline = PYL_SMALLINT(err->end_lineno);
            PylObject *eoff = PYL_SMALLINT(err->end_offset);
            info = pyl_tuple_pack(t, 6, fn, PYL_SMALLINT(err->lineno), PYL_SMALLINT(err->offset),
                                  text ? text : PYL_NONE, eline, eoff);
        }
    }
    if (msg != NULL) {
        PylObject *args[2] = {msg, info};
        PylObject *exc = pyl_call(t, (PylObject *)type, args, info ? 2 : 1, NULL);
        if (exc != NULL) {
            pyl_err_raise_steal(t, exc);
        }
    }
    pyl_xdecref(t, msg);
    pyl_xdecref(t, fn);
    pyl_xdecref(t, text);
    pyl_xdecref(t, info);
}

PylObject *pyl_compile(PylThread *t, const char *src, size_t len, const char *filename,
                       PylParseMode mode, int *incomplete)
{
    return pyl_compile_ex(t, src, len, filename, mode, 0, incomplete);
}

PylObject *pyl_compile_ex(PylThread *t, const char *src, size_t len, const char *filename,
                          PylParseMode mode, int flags, int *incomplete)
{
    PylArena *arena = pyl_arena_new();
    if (arena == NULL) {
        return pyl_err_nomemory(t);
    }
    PylSyntaxError err;
    memset(&err, 0, sizeof err);
    if (incomplete != NULL) {
        *incomplete = 0;
    }
    PylMod *mod = pyl_parse_ex(arena, src, len, filename, mode, flags, &err);
    if (mod == NULL) {
        if (incomplete != NULL) {
            *incomplete = err.incomplete;
        }
        pyl_raise_syntax_error(t, &err, src, len, filename);
        pyl_arena_free(arena);
        return NULL;
    }
    PylCompiler c;
    memset(&c, 0, sizeof c);
    c.t = t;
    c.arena = arena;
    c.filename = filename;
    c.err = &err;
    c.filename_obj = pyl_str_from_cstr(t, filename);
    PylObject *code = NULL;
    if (c.filename_obj != NULL) {
        if (pyl_symtable_build(&c.st, arena, mod, filename, &err) < 0) {
            if (c.st.too_deep) {
                pyl_err_format(t, PYL_EXC(t, RecursionError),
                               "maximum recursion depth exceeded during compilation");
            } else {
                pyl_raise_syntax_error(t, &err, src, len, filename);
            }
        } else {
            if (filename[0] == '<') {
                /* keep the source so tracebacks can show it */
                c.source_lines = pyl_list_new(t, 0);
                const char *p = src, *end = src + len;
                while (c.source_lines != NULL && p < end) {
                    const char *nl = memchr(p, '\n', (size_t)(end - p));
                    const char *q = nl ? nl : end;
                    PylObject *line = pyl_str_decode_utf8(t, p, q - p, "replace");
                    if (line == NULL || pyl_list_append(t, c.source_lines, line) < 0) {
                        pyl_xdecref(t, line);
                        PYL_CLEAR(t, c.source_lines);
                        pyl_err_clear(t);
                        break;
                    }
                    pyl_decref(t, line);
                    p = q + 1;
                }
            }
            code = compile_module(&c, mod);
            if (code == NULL && c.syntax && t->exc == NULL) {
                pyl_raise_syntax_error(t, &err, src, len, filename);
            }
            while (c.u != NULL) {
                PylUnit *u = c.u;
                c.u = u->parent;
                unit_free(&c, u);
            }
        }
    }
    pyl_xdecref(t, c.filename_obj);
    pyl_xdecref(t, c.source_lines);
    pyl_arena_free(arena);
    if (code == NULL && t->exc == NULL) {
        pyl_err_format(t, PYL_EXC(t, SystemError), "compilation failed without an error");
    }
    return code;
}
