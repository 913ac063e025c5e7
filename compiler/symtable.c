/* symtable.c — building and resolving scopes (see symtable.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable.h"

/* ---- per-scope symbol table: open addressing keyed by name ---------------------- */

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

static bool st_error(PylSymtable *st, int lineno, int col, const char *fmt, const char *name)
{
    if (!st->failed) {
        st->failed = true;
        st->err->kind = PYL_SYNTAX_ERROR;
        snprintf(st->err->msg, sizeof st->err->msg, fmt, name);
        st->err->lineno = lineno;
        st->err->offset = col + 1;
        st->err->end_lineno = lineno;
        st->err->end_offset = -1;
        st->err->incomplete = 0;
    }
    return false;
}

static bool oom(PylSymtable *st)
{
    if (!st->failed) {
        st->failed = true;
        st->err->kind = 3; /* PYL_MEMORY_ERROR */
        st->err->msg[0] = '\0';
        st->err->lineno = 0;
    }
    return false;
}

PylSymbol *pyl_scope_lookup(PylScope *s, const char *name)
{
    if (s->cap_syms == 0) {
        return NULL;
    }
    uint32_t mask = (uint32_t)s->cap_syms - 1;
    for (uint32_t i = name_hash(name) & mask;; i = (i + 1) & mask) {
        PylSymbol *sym = &s->syms[i];
        if (sym->name == NULL) {
            return NULL;
        }
        if (strcmp(sym->name, name) == 0) {
            return sym;
        }
    }
}

static PylSymbol *scope_add(PylSymtable *st, PylScope *s, const char *name)
{
    PylSymbol *sym = pyl_scope_lookup(s, name);
    if (sym != NULL) {
        return sym;
    }
    if ((s->nsyms + 1) * 2 > s->cap_syms) {
        int cap = s->cap_syms ? s->cap_syms * 2 : 16;
        PylSymbol *tab = pyl_arena_alloc(st->arena, sizeof(PylSymbol) * (size_t)cap);
        if (tab == NULL) {
            oom(st);
            return NULL;
        }
        for (int i = 0; i < s->cap_syms; i++) {
            if (s->syms[i].name != NULL) {
                uint32_t j = name_hash(s->syms[i].name) & (uint32_t)(cap - 1);
                while (tab[j].name != NULL) {
                    j = (j + 1) & (uint32_t)(cap - 1);
                }
                tab[j] = s->syms[i];
            }
        }
        s->syms = tab;
        s->cap_syms = cap;
    }
    uint32_t mask = (uint32_t)s->cap_syms - 1;
    uint32_t i = name_hash(name) & mask;
    while (s->syms[i].name != NULL) {
        i = (i + 1) & mask;
    }
    s->syms[i].name = name;
    s->syms[i].flags = 0;
    s->syms[i].scope = SYM_UNKNOWN;
    s->nsyms++;
    return &s->syms[i];
}

static bool add_varname(PylSymtable *st, PylScope *s, const char *name)
{
    for (int i = 0; i < s->nvarnames; i++) {
        if (strcmp(s->varnames[i], name) == 0) {
            return true;
        }
    }
    if (s->nvarnames == s->cap_varnames) {
        int cap = s->cap_varnames ? s->cap_varnames * 2 : 8;
        const char **v = pyl_arena_alloc(st->arena, sizeof(char *) * (size_t)cap);
        if (v == NULL) {
            return oom(st);
        }
        if (s->nvarnames) {
            memcpy(v, s->varnames, sizeof(char *) * (size_t)s->nvarnames);
        }
        s->varnames = v;
        s->cap_varnames = cap;
    }
    s->varnames[s->nvarnames++] = name;
    return true;
}

const char *pyl_mangle(PylArena *a, const char *private, const char *name)
{
    size_t n = strlen(name);
    if (private == NULL || n < 3 || name[0] != '_' || name[1] != '_' ||
        (name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.') != NULL) {
        return name;
    }
    while (*private == '_') {
        private++;
    }
    if (*private == '\0') {
        return name;
    }
    size_t pn = strlen(private);
    char *m = pyl_arena_alloc(a, pn + n + 2);
    if (m == NULL) {
        return NULL;
    }
    m[0] = '_';
    memcpy(m + 1, private, pn);
    memcpy(m + 1 + pn, name, n + 1);
    return m;
}

/* Record a flag for name in the current scope. */
static bool add_def(PylSymtable *st, const char *name, int flag, int lineno, int col)
{
    PylScope *s = st->cur;
    name = pyl_mangle(st->arena, s->private, name);
    if (name == NULL) {
        return oom(st);
    }
    PylSymbol *sym = scope_add(st, s, name);
    if (sym == NULL) {
        return false;
    }
    if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
        return st_error(st, lineno, col, "duplicate argument '%s' in function definition", name);
    }
    sym->flags |= flag;
    if ((flag & (DEF_PARAM | DEF_LOCAL)) && s->kind != SCOPE_MODULE && s->kind != SCOPE_CLASS &&
        !(sym->flags & (DEF_GLOBAL | DEF_NONLOCAL))) {
        return add_varname(st, s, name);
    }
    return true;
}

static PylScope *open_scope(PylSymtable *st, PylScopeKind kind, const char *name, const void *node,
                            int lineno)
{
    PylScope *s = pyl_arena_alloc(st->arena, sizeof(PylScope));
    if (s == NULL) {
        oom(st);
        return NULL;
    }
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->lineno = lineno;
    s->parent = st->cur;
    if (st->cur != NULL) {
        PylScope *p = st->cur;
        if (p->nchildren == p->cap_children) {
            int cap = p->cap_children ? p->cap_children * 2 : 4;
            PylScope **c = pyl_arena_alloc(st->arena, sizeof(PylScope *) * (size_t)cap);
            if (c == NULL) {
                oom(st);
                return NULL;
            }
            if (p->nchildren) {
                memcpy(c, p->children, sizeof(PylScope *) * (size_t)p->nchildren);
            }
            p->children = c;
            p->cap_children = cap;
        }
        p->children[p->nchildren++] = s;
        s->in_function_chain = p->kind == SCOPE_FUNCTION || p->kind == SCOPE_LAMBDA ||
                               (p->kind == SCOPE_COMPREHENSION && p->in_function_chain);
        s->private = p->kind == SCOPE_CLASS ? p->name : p->private;
    }
    st->cur = s;
    return s;
}

static void close_scope(PylSymtable *st)
{
    st->cur = st->cur->parent;
}

PylScope *pyl_symtable_scope_of(PylSymtable *st, const void *node)
{
    /* depth-first search; scopes are few */
    PylScope *stack[256];
    int n = 0;
    stack[n++] = st->top;
    while (n > 0) {
        PylScope *s = stack[--n];
        if (s->node == node) {
            return s;
        }
        for (int i = s->nchildren - 1; i >= 0; i--) {
            if (n < 256) {
                stack[n++] = s->children[i];
            } else {
                PylScope *r = NULL;
                PylScope *saved = st->top;
                st->top = s->children[i];
                r = pyl_symtable_scope_of(st, node);
                st->top = saved;
                if (r != NULL) {
                    return r;
                }
            }
        }
    }
    return NULL;
}

/* ---- pass 1: collect ------------------------------------------------------------ */

static bool visit_stmts(PylSymtable *st, PylStmtSeq *seq);
static bool visit_expr(PylSymtable *st, PylExpr *e);
static bool visit_pattern(PylSymtable *st, PylPattern *p);

static bool visit_exprs(PylSymtable *st, PylExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++) {
        if (seq->items[i] != NULL && !visit_expr(st, seq->items[i])) {
            return false;
        }
    }
    return true;
}

static bool visit_params(PylSymtable *st, PylArgSeq *args)
{
    for (int i = 0; i < args->n; i++) {
        PylArg *a = args->items[i];
        if (!add_def(st, a->arg, DEF_PARAM, a->lineno, a->col_offset)) {
            return false;
        }
    }
    return true;
}

static bool visit_annotations(PylSymtable *st, PylArguments *args, PylExpr *returns)
{
    PylArgSeq *seqs[3] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < seqs[k]->n; i++) {
            PylExpr *ann = seqs[k]->items[i]->annotation;
            if (ann != NULL && !visit_expr(st, ann)) {
                return false;
            }
        }
    }
    if (args->vararg && args->vararg->annotation && !visit_expr(st, args->vararg->annotation)) {
        return false;
    }
    if (args->kwarg && args->kwarg->annotation && !visit_expr(st, args->kwarg->annotation)) {
        return false;
    }
    return returns == NULL || visit_expr(st, returns);
}

static bool enter_function(PylSymtable *st, PylScopeKind kind, const char *name, const void *node,
                           PylArguments *args, int lineno)
{
    PylScope *s = open_scope(st, kind, name, node, lineno);
    if (s == NULL) {
        return false;
    }
    s->posonlyargcount = args->posonlyargs.n;
    s->argcount = args->posonlyargs.n + args->args.n;
    s->kwonlyargcount = args->kwonlyargs.n;
    if (!visit_params(st, &args->posonlyargs) || !visit_params(st, &args->args) ||
        !visit_params(st, &args->kwonlyargs)) {
        return false;
    }
    if (args->vararg != NULL) {
        s->has_varargs = true;
        if (!add_def(st, args->vararg->arg, DEF_PARAM, args->vararg->lineno,
                     args->vararg->col_offset)) {
            return false;
        }
    }
    if (args->kwarg != NULL) {
        s->has_varkw = true;
        if (!add_def(st, args->kwarg->arg, DEF_PARAM, args->kwarg->lineno,
                     args->kwarg->col_offset)) {
            return false;
        }
    }
    return true;
}

static bool declare(PylSymtable *st, PylStmt *s, PylIdentSeq *names, bool global)
{
    PylScope *sc = st->cur;
    for (int i = 0; i < names->n; i++) {
        const char *name = pyl_mangle(st->arena, sc->private, names->items[i]);
        if (name == NULL) {
            return oom(st);
        }
        if (!global && sc->kind == SCOPE_MODULE) {
            return st_error(st, s->lineno, s->col_offset,
                            "nonlocal declaration not allowed at module level%s", "");
        }
        PylSymbol *sym = pyl_scope_lookup(sc, name);
        int cur = sym ? sym->flags : 0;
        const char *what = global ? "global" : "nonlocal";
        char fmt[128];
        if (cur & DEF_PARAM) {
            snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s", what);
            return st_error(st, s->lineno, s->col_offset, fmt, name);
        }
        if (global && (cur & DEF_NONLOCAL)) {
            return st_error(st, s->lineno, s->col_offset, "name '%s' is nonlocal and global", name);
        }
        if (!global && (cur & DEF_GLOBAL)) {
            return st_error(st, s->lineno, s->col_offset, "name '%s' is nonlocal and global", name);
        }
        if (cur & (USE | DEF_LOCAL | DEF_ANNOT)) {
            if (cur & DEF_ANNOT) {
                snprintf(fmt, sizeof fmt, "annotated name '%%s' can't be %s", what);
            } else if (cur & DEF_LOCAL) {
                snprintf(fmt, sizeof fmt, "name '%%s' is assigned to before %s declaration", what);
            } else {
                snprintf(fmt, sizeof fmt, "name '%%s' is used prior to %s declaration", what);
            }
            return st_error(st, s->lineno, s->col_offset, fmt, name);
        }
        sym = scope_add(st, sc, name);
        if (sym == NULL) {
            return false;
        }
        sym->flags |= global ? DEF_GLOBAL : DEF_NONLOCAL;
    }
    return true;
}

static bool visit_stmt(PylSymtable *st, PylStmt *s)
{
    switch (s->kind) {
    case STMT_FunctionDef:
    case STMT_AsyncFunctionDef: {
        const char *name =
            s->kind == STMT_FunctionDef ? s->v.FunctionDef.name : s->v.AsyncFunctionDef.name;
        PylArguments *args = s->v.FunctionDef.args;
        if (!add_def(st, name, DEF_LOCAL, s->lineno, s->col_offset) ||
            !visit_exprs(st, &args->defaults) || !visit_exprs(st, &args->kw_defaults) ||
            !visit_annotations(st, args, s->v.FunctionDef.returns) ||
            !visit_exprs(st, &s->v.FunctionDef.decorator_list)) {
            return false;
        }
        if (!enter_function(st, SCOPE_FUNCTION, name, s, args, s->lineno)) {
            return false;
        }
        st->cur->is_coroutine = s->kind == STMT_AsyncFunctionDef;
        bool ok = visit_stmts(st, &s->v.FunctionDef.body);
        close_scope(st);
        return ok;
    }
    case STMT_ClassDef: {
        if (!add_def(st, s->v.ClassDef.name, DEF_LOCAL, s->lineno, s->col_offset) ||
            !visit_exprs(st, &s->v.ClassDef.bases) ||
            !visit_exprs(st, &s->v.ClassDef.decorator_list)) {
            return false;
        }
        for (int i = 0; i < s->v.ClassDef.keywords.n; i++) {
            if (!visit_expr(st, s->v.ClassDef.keywords.items[i]->value)) {
                return false;
            }
        }
        if (open_scope(st, SCOPE_CLASS, s->v.ClassDef.name, s, s->lineno) == NULL) {
            return false;
        }
        st->cur->private = s->v.ClassDef.name;
        bool ok = visit_stmts(st, &s->v.ClassDef.body);
        close_scope(st);
        return ok;
    }
    case STMT_Return:
        if (s->v.Return.value != NULL) {
            st->cur->has_return_value = true;
            return visit_expr(st, s->v.Return.value);
        }
        return true;
    case STMT_Delete:
        return visit_exprs(st, &s->v.Delete.targets);
    case STMT_Assign:
        return visit_exprs(st, &s->v.Assign.targets) && visit_expr(st, s->v.Assign.value);
    case STMT_AugAssign:
        return visit_expr(st, s->v.AugAssign.target) && visit_expr(st, s->v.AugAssign.value);
    case STMT_AnnAssign: {
        PylExpr *target = s->v.AnnAssign.target;
        if (target->kind == EXPR_Name) {
            PylSymbol *cur = pyl_scope_lookup(st->cur, target->v.Name.id);
            if (cur != NULL && (cur->flags & (DEF_GLOBAL | DEF_NONLOCAL)) &&
                s->v.AnnAssign.simple) {
                return st_error(st, s->lineno, s->col_offset,
                                (cur->flags & DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                          : "annotated name '%s' can't be nonlocal",
                                target->v.Name.id);
            }
            if (s->v.AnnAssign.simple &&
                !add_def(st, target->v.Name.id, DEF_ANNOT | DEF_LOCAL, s->lineno, s->col_offset)) {
                return false;
            }
            if (!s->v.AnnAssign.simple && s->v.AnnAssign.value != NULL && !visit_expr(st, target)) {
                return false;
            }
        } else if (!visit_expr(st, target)) {
            return false;
        }
        if (!visit_expr(st, s->v.AnnAssign.annotation)) {
            return false;
        }
        return s->v.AnnAssign.value == NULL || visit_expr(st, s->v.AnnAssign.value);
    }
    case STMT_For:
    case STMT_AsyncFor:
        return visit_expr(st, s->v.For.target) && visit_expr(st, s->v.For.iter) &&
               visit_stmts(st, &s->v.For.body) && visit_stmts(st, &s->v.For.orelse);
    case STMT_While:
        return visit_expr(st, s->v.While.test) && visit_stmts(st, &s->v.While.body) &&
               visit_stmts(st, &s->v.While.orelse);
    case STMT_If:
        return visit_expr(st, s->v.If.test) && visit_stmts(st, &s->v.If.body) &&
               visit_stmts(st, &s->v.If.orelse);
    case STMT_With:
    case STMT_AsyncWith:
        for (int i = 0; i < s->v.With.items.n; i++) {
            PylWithitem *w = s->v.With.items.items[i];
            if (!visit_expr(st, w->context_expr) ||
                (w->optional_vars != NULL && !visit_expr(st, w->optional_vars))) {
                return false;
            }
        }
        return visit_stmts(st, &s->v.With.body);
    case STMT_Match:
        if (!visit_expr(st, s->v.Match.subject)) {
            return false;
        }
        for (int i = 0; i < s->v.Match.cases.n; i++) {
            PylMatchCase *mc = s->v.Match.cases.items[i];
            if (!visit_pattern(st, mc->pattern) ||
                (mc->guard != NULL && !visit_expr(st, mc->guard)) || !visit_stmts(st, &mc->body)) {
                return false;
            }
        }
        return true;
    case STMT_Raise:
        return (s->v.Raise.exc == NULL || visit_expr(st, s->v.Raise.exc)) &&
               (s->v.Raise.cause == NULL || visit_expr(st, s->v.Raise.cause));
    case STMT_Try:
    case STMT_TryStar:
        if (!visit_stmts(st, &s->v.Try.body) || !visit_stmts(st, &s->v.Try.orelse) ||
            !visit_stmts(st, &s->v.Try.finalbody)) {
            return false;
        }
        for (int i = 0; i < s->v.Try.handlers.n; i++) {
            PylExcepthandler *h = s->v.Try.handlers.items[i];
            if (h->v.ExceptHandler.type != NULL && !visit_expr(st, h->v.ExceptHandler.type)) {
                return false;
            }
            if (h->v.ExceptHandler.name != NULL &&
                !add_def(st, h->v.ExceptHandler.name, DEF_LOCAL, h->lineno, h->col_offset)) {
                return false;
            }
            if (!visit_stmts(st, &h->v.ExceptHandler.body)) {
                return false;
            }
        }
        return true;
    case STMT_Assert:
        return visit_expr(st, s->v.Assert.test) &&
               (s->v.Assert.msg == NULL || visit_expr(st, s->v.Assert.msg));
    case STMT_Import:
    case STMT_ImportFrom: {
        PylAliasSeq *names = s->kind == STMT_Import ? &s->v.Import.names : &s->v.ImportFrom.names;
        for (int i = 0; i < names->n; i++) {
            PylAlias *a = names->items[i];
            if (strcmp(a->name, "*") == 0) {
                if (st->cur->kind != SCOPE_MODULE) {
                    return st_error(st, s->lineno, s->col_offset,
                                    "import * only allowed at module level%s", "");
                }
                continue;
            }
            const char *bound = a->asname;
            if (bound == NULL) {
                const char *dot = strchr(a->name, '.');
                bound =
                    dot ? pyl_arena_strndup(st->arena, a->name, (size_t)(dot - a->name)) : a->name;
                if (bound == NULL) {
                    return oom(st);
                }
            }
            if (!add_def(st, bound, DEF_LOCAL, a->lineno, a->col_offset)) {
                return false;
            }
        }
        return true;
    }
    case STMT_Global:
        return declare(st, s, &s->v.Global.names, true);
    case STMT_Nonlocal:
        return declare(st, s, &s->v.Nonlocal.names, false);
    case STMT_Expr:
        return visit_expr(st, s->v.Expr.value);
    case STMT_Pass:
    case STMT_Break:
    case STMT_Continue:
        return true;
    }
    return true;
}

static bool visit_stmts(PylSymtable *st, PylStmtSeq *seq)
{
    for (int i = 0; i < seq->n; i++) {
        if (!visit_stmt(st, seq->items[i])) {
            return false;
        }
    }
    return true;
}

static bool visit_comprehension(PylSymtable *st, PylExpr *e, const char *scope_name,
                                PylComprehensionSeq *gens, PylExpr *elt, PylExpr *value)
{
    /* the outermost iterable is evaluated in the enclosing scope */
    if (!visit_expr(st, gens->items[0]->iter)) {
        return false;
    }
    PylScope *s = open_scope(st, SCOPE_COMPREHENSION, scope_name, e, e->lineno);
    if (s == NULL) {
        return false;
    }
    s->argcount = 1;
    s->is_generator = e->kind == EXPR_GeneratorExp;
    if (!add_def(st, ".0", DEF_PARAM, e->lineno, e->col_offset)) {
        return false;
    }
    for (int i = 0; i < gens->n; i++) {
        PylComprehension *c = gens->items[i];
        if (i > 0 && !visit_expr(st, c->iter)) {
            return false;
        }
        if (!visit_expr(st, c->target) || !visit_exprs(st, &c->ifs)) {
            return false;
        }
    }
    if (value != NULL && !visit_expr(st, value)) {
        return false;
    }
    bool ok = visit_expr(st, elt);
    close_scope(st);
    return ok;
}

/* `x := v` inside a comprehension binds x in the nearest enclosing non-comprehension
 * scope (PEP 572). */
static bool visit_named_target(PylSymtable *st, PylExpr *target, PylExpr *e)
{
    const char *name = target->v.Name.id;
    PylScope *s = st->cur;
    if (s->kind != SCOPE_COMPREHENSION) {
        return add_def(st, name, DEF_LOCAL, target->lineno, target->col_offset);
    }
    PylScope *owner = s;
    while (owner->kind == SCOPE_COMPREHENSION) {
        owner = owner->parent;
    }
    if (owner->kind == SCOPE_CLASS) {
        return st_error(st, e->lineno, e->col_offset,
                        "assignment expression within a comprehension cannot be used in a class "
                        "body%s",
                        "");
    }
    /* in every comprehension between: a free/global reference */
    for (PylScope *c = s; c != owner; c = c->parent) {
        PylSymbol *sym = scope_add(st, c, name);
        if (sym == NULL) {
            return false;
        }
        if (sym->flags & DEF_COMP_ITER) {
            return st_error(st, e->lineno, e->col_offset,
                            "assignment expression cannot rebind comprehension iteration variable "
                            "'%s'",
                            name);
        }
        sym->flags |= owner->kind == SCOPE_MODULE ? DEF_GLOBAL : DEF_NONLOCAL;
    }
    PylScope *saved = st->cur;
    st->cur = owner;
    bool ok = add_def(st, name, DEF_LOCAL, target->lineno, target->col_offset);
    st->cur = saved;
    return ok;
}

static bool visit_expr_inner(PylSymtable *st, PylExpr *e);

static bool visit_expr(PylSymtable *st, PylExpr *e)
{
    if (st->depth >= 2000) {
        st->too_deep = true;
        st->failed = true;
        return false;
    }
    st->depth++;
    bool ok = visit_expr_inner(st, e);
    st->depth--;
    return ok;
}

static bool visit_expr_inner(PylSymtable *st, PylExpr *e)
{
    switch (e->kind) {
    case EXPR_BoolOp:
        return visit_exprs(st, &e->v.BoolOp.values);
    case EXPR_NamedExpr:
        return visit_expr(st, e->v.NamedExpr.value) &&
               visit_named_target(st, e->v.NamedExpr.target, e);
    case EXPR_BinOp:
        return visit_expr(st, e->v.BinOp.left) && visit_expr(st, e->v.BinOp.right);
    case EXPR_UnaryOp:
        return visit_expr(st, e->v.UnaryOp.operand);
    case EXPR_Lambda: {
        PylArguments *args = e->v.Lambda.args;
        if (!visit_exprs(st, &args->defaults) || !visit_exprs(st, &args->kw_defaults)) {
            return false;
        }
        if (!enter_function(st, SCOPE_LAMBDA, "<lambda>", e, args, e->lineno)) {
            return false;
        }
        bool ok = visit_expr(st, e->v.Lambda.body);
        close_scope(st);
        return ok;
    }
    case EXPR_IfExp:
        return visit_expr(st, e->v.IfExp.test) && visit_expr(st, e->v.IfExp.body) &&
               visit_expr(st, e->v.IfExp.orelse);
    case EXPR_Dict:
        return visit_exprs(st, &e->v.Dict.keys) && visit_exprs(st, &e->v.Dict.values);
    case EXPR_Set:
        return visit_exprs(st, &e->v.Set.elts);
    case EXPR_ListComp:
        return visit_comprehension(st, e, "listcomp", &e->v.ListComp.generators, e->v.ListComp.elt,
                                   NULL);
    case EXPR_SetComp:
        return visit_comprehension(st, e, "setcomp", &e->v.SetComp.generators, e->v.SetComp.elt,
                                   NULL);
    case EXPR_DictComp:
        return visit_comprehension(st, e, "dictcomp", &e->v.DictComp.generators,
                                   e->v.DictComp.value, e->v.DictComp.key);
    case EXPR_GeneratorExp:
        return visit_comprehension(st, e, "genexpr", &e->v.GeneratorExp.generators,
                                   e->v.GeneratorExp.elt, NULL);
    case EXPR_Await:
    case EXPR_Yield:
    case EXPR_YieldFrom: {
        PylExpr *v = e->kind == EXPR_Await   ? e->v.Await.value
                     : e->kind == EXPR_Yield ? e->v.Yield.value
                                             : e->v.YieldFrom.value;
        PylScope *s = st->cur;
        if (e->kind != EXPR_Await) {
            if (s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS) {
                return st_error(st, e->lineno, e->col_offset, "'yield' outside function%s", "");
            }
            if (s->kind == SCOPE_COMPREHENSION) {
                return st_error(st, e->lineno, e->col_offset, "'yield' inside %s",
                                s->name[0] == 'l'   ? "list comprehension"
                                : s->name[0] == 's' ? "set comprehension"
                                : s->name[0] == 'd' ? "dict comprehension"
                                                    : "generator expression");
            }
            s->is_generator = true;
        }
        return v == NULL || visit_expr(st, v);
    }
    case EXPR_Compare:
        return visit_expr(st, e->v.Compare.left) && visit_exprs(st, &e->v.Compare.comparators);
    case EXPR_Call:
        if (!visit_expr(st, e->v.Call.func) || !visit_exprs(st, &e->v.Call.args)) {
            return false;
        }
        for (int i = 0; i < e->v.Call.keywords.n; i++) {
            if (!visit_expr(st, e->v.Call.keywords.items[i]->value)) {
                return false;
            }
        }
        return true;
    case EXPR_FormattedValue:
        return visit_expr(st, e->v.FormattedValue.value) &&
               (e->v.FormattedValue.format_spec == NULL ||
                visit_expr(st, e->v.FormattedValue.format_spec));
    case EXPR_JoinedStr:
        return visit_exprs(st, &e->v.JoinedStr.values);
    case EXPR_Constant:
        return true;
    case EXPR_Attribute:
        return visit_expr(st, e->v.Attribute.value);
    case EXPR_Subscript:
        return visit_expr(st, e->v.Subscript.value) && visit_expr(st, e->v.Subscript.slice);
    case EXPR_Starred:
        return visit_expr(st, e->v.Starred.value);
    case EXPR_Name: {
        int flag = e->v.Name.ctx == CTX_Load ? USE : DEF_LOCAL;
        if (flag == DEF_LOCAL && st->cur->kind == SCOPE_COMPREHENSION) {
            /* iteration targets of comprehensions */
            PylSymbol *sym = scope_add(st, st->cur, e->v.Name.id);
            if (sym == NULL) {
                return false;
            }
            sym->flags |= DEF_COMP_ITER;
        }
        if (flag == USE && strcmp(e->v.Name.id, "super") == 0 && st->cur->kind != SCOPE_MODULE &&
            st->cur->kind != SCOPE_CLASS && st->cur->private != NULL) {
            /* super() needs the __class__ cell of the enclosing class */
            st->cur->needs_class_closure = true;
            if (!add_def(st, "__class__", USE, e->lineno, e->col_offset)) {
                return false;
            }
        }
        return add_def(st, e->v.Name.id, flag, e->lineno, e->col_offset);
    }
    case EXPR_List:
        return visit_exprs(st, &e->v.List.elts);
    case EXPR_Tuple:
        return visit_exprs(st, &e->v.Tuple.elts);
    case EXPR_Slice:
        return (e->v.Slice.lower == NULL || visit_expr(st, e->v.Slice.lower)) &&
               (e->v.Slice.upper == NULL || visit_expr(st, e->v.Slice.upper)) &&
               (e->v.Slice.step == NULL || visit_expr(st, e->v.Slice.step));
    }
    return true;
}

static bool visit_patterns(PylSymtable *st, PylPatternSeq *seq)
{
    for (int i = 0; i < seq->n; i++) {
        if (!visit_pattern(st, seq->items[i])) {
            return false;
        }
    }
    return true;
}

static bool visit_pattern(PylSymtable *st, PylPattern *p)
{
    switch (p->kind) {
    case PAT_MatchValue:
        return visit_expr(st, p->v.MatchValue.value);
    case PAT_MatchSingleton:
        return true;
    case PAT_MatchSequence:
        return visit_patterns(st, &p->v.MatchSequence.patterns);
    case PAT_MatchMapping:
        if (!visit_exprs(st, &p->v.MatchMapping.keys) ||
            !visit_patterns(st, &p->v.MatchMapping.patterns)) {
            return false;
        }
        return p->v.MatchMapping.rest == NULL ||
               add_def(st, p->v.MatchMapping.rest, DEF_LOCAL, p->lineno, p->col_offset);
    case PAT_MatchClass:
        return visit_expr(st, p->v.MatchClass.cls) &&
               visit_patterns(st, &p->v.MatchClass.patterns) &&
               visit_patterns(st, &p->v.MatchClass.kwd_patterns);
    case PAT_MatchStar:
        return p->v.MatchStar.name == NULL ||
               add_def(st, p->v.MatchStar.name, DEF_LOCAL, p->lineno, p->col_offset);
    case PAT_MatchAs:
        if (p->v.MatchAs.pattern != NULL && !visit_pattern(st, p->v.MatchAs.pattern)) {
            return false;
        }
        return p->v.MatchAs.name == NULL ||
               add_def(st, p->v.MatchAs.name, DEF_LOCAL, p->lineno, p->col_offset);
    case PAT_MatchOr:
        return visit_patterns(st, &p->v.MatchOr.patterns);
    }
    return true;
}

/* ---- pass 2: resolve ------------------------------------------------------------ */

/* A set of names (the names bound by enclosing functions), as a small array. */
typedef struct NameSet {
    const char **items;
    int n, cap;
} NameSet;

static bool set_has(const NameSet *s, const char *name)
{
    for (int i = s->n - 1; i >= 0; i--) {
        if (strcmp(s->items[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static bool set_add(PylSymtable *st, NameSet *s, const char *name)
{
    if (set_has(s, name)) {
        return true;
    }
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        const char **v = realloc((void *)s->items, sizeof(char *) * (size_t)cap);
        if (v == NULL) {
            return oom(st);
        }
        s->items = v;
        s->cap = cap;
    }
    s->items[s->n++] = name;
    return true;
}

static bool is_function_like(PylScope *s)
{
    return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA || s->kind == SCOPE_COMPREHENSION;
}

/* Resolve scope s given the names bound in enclosing function scopes; add to
 * `free` the names s (or its children) need from outside. */
static bool analyze(PylSymtable *st, PylScope *s, const NameSet *bound, NameSet *out_free)
{
    for (int i = 0; i < s->cap_syms; i++) {
        PylSymbol *sym = &s->syms[i];
        if (sym->name == NULL) {
            continue;
        }
        int fl = sym->flags;
        if (fl & DEF_GLOBAL) {
            sym->scope = SYM_GLOBAL_EXPLICIT;
        } else if (fl & DEF_NONLOCAL) {
            if (!set_has(bound, sym->name)) {
                return st_error(st, s->lineno, 0, "no binding for nonlocal '%s' found", sym->name);
            }
            sym->scope = SYM_FREE;
        } else if (fl & (DEF_LOCAL | DEF_PARAM)) {
            sym->scope = SYM_LOCAL;
        } else if (s->kind != SCOPE_MODULE && set_has(bound, sym->name)) {
            sym->scope = SYM_FREE;
        } else {
            sym->scope = SYM_GLOBAL_IMPLICIT;
        }
    }
    /* the names visible as enclosing-function locals to the children */
    NameSet newbound = {0};
    bool ok = true;
    if (s->kind != SCOPE_MODULE) {
        for (int i = 0; i < bound->n && ok; i++) {
            PylSymbol *sym = pyl_scope_lookup(s, bound->items[i]);
            if (sym == NULL || sym->scope != SYM_GLOBAL_EXPLICIT) {
                ok = set_add(st, &newbound, bound->items[i]);
            }
        }
    }
    if (is_function_like(s)) {
        for (int i = 0; i < s->cap_syms && ok; i++) {
            PylSymbol *sym = &s->syms[i];
            if (sym->name != NULL && (sym->scope == SYM_LOCAL || sym->scope == SYM_FREE)) {
                ok = set_add(st, &newbound, sym->name);
            }
        }
    }
    if (s->kind == SCOPE_CLASS && ok) {
        /* methods see __class__ as a free variable of the class body */
        ok = set_add(st, &newbound, "__class__");
    }
    NameSet child_free = {0};
    for (int i = 0; i < s->nchildren && ok; i++) {
        ok = analyze(st, s->children[i], &newbound, &child_free);
    }
    free((void *)newbound.items);
    if (!ok) {
        free((void *)child_free.items);
        return false;
    }
    for (int i = 0; i < child_free.n && ok; i++) {
        const char *name = child_free.items[i];
        PylSymbol *sym = pyl_scope_lookup(s, name);
        if (s->kind == SCOPE_CLASS && strcmp(name, "__class__") == 0) {
            /* the class body provides the __class__ cell itself */
            PylSymbol *c = scope_add(st, s, "__class__");
            if (c == NULL) {
                ok = false;
                break;
            }
            c->scope = SYM_CELL;
            continue;
        }
        if (is_function_like(s) && sym != NULL && sym->scope == SYM_LOCAL) {
            sym->scope = SYM_CELL;
            continue;
        }
        if (s->kind == SCOPE_CLASS && sym != NULL &&
            (sym->scope == SYM_LOCAL || sym->scope == SYM_GLOBAL_EXPLICIT ||
             sym->scope == SYM_GLOBAL_IMPLICIT)) {
            /* the class keeps its own binding and also passes the variable on */
            sym->flags |= DEF_FREE_CLASS;
            ok = set_add(st, out_free, name);
            continue;
        }
        if (sym == NULL) {
            sym = scope_add(st, s, name);
            if (sym == NULL) {
                ok = false;
                break;
            }
        }
        if (sym->scope != SYM_CELL) {
            sym->scope = SYM_FREE;
        }
        ok = set_add(st, out_free, name);
    }
    free((void *)child_free.items);
    if (!ok) {
        return false;
    }
    for (int i = 0; i < s->cap_syms && ok; i++) {
        PylSymbol *sym = &s->syms[i];
        if (sym->name != NULL && sym->scope == SYM_FREE) {
            ok = set_add(st, out_free, sym->name);
        }
    }
    return ok;
}

int pyl_symtable_build(PylSymtable *st, PylArena *a, PylMod *mod, const char *filename,
                       PylSyntaxError *err)
{
    memset(st, 0, sizeof *st);
    st->arena = a;
    st->filename = filename;
    st->err = err;
    st->top = open_scope(st, SCOPE_MODULE, "top", mod, 1);
    if (st->top == NULL) {
        return -1;
    }
    bool ok;
    switch (mod->kind) {
    case MOD_Module:
        ok = visit_stmts(st, &mod->v.Module.body);
        break;
    case MOD_Interactive:
        ok = visit_stmts(st, &mod->v.Interactive.body);
        break;
    case MOD_Expression:
        ok = visit_expr(st, mod->v.Expression.body);
        break;
    default:
        ok = true;
        break;
    }
    if (!ok) {
        return -1;
    }
    NameSet bound = {0}, free_names = {0};
    ok = analyze(st, st->top, &bound, &free_names);
    free((void *)free_names.items);
    return ok ? 0 : -1;
}
