/* ast.c — the AST arena, node constructors and pyl_ast_dump.
 *
 * The dumper is table-driven: every constructor has a NodeDesc listing its
 * fields (name, kind, offset), in ASDL order, so one routine prints any node the
 * way CPython 3.11's ast.dump(node, indent=2) does.
 */
#include "compiler/ast.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/lexer.h"
#include "vm/dtoa.h"

/* ---- arena --------------------------------------------------------------- */

/* Chunks are singly linked from the newest. Their size doubles from
 * CHUNK_MIN up to CHUNK_MAX, so that a small parse (an eval, an f-string field)
 * stays small and a big one makes few, large (mmap'd, already zero) chunks. A
 * request of a quarter chunk or more gets a chunk of its own, linked behind the
 * current one so the current keeps serving. */
typedef struct Chunk {
    struct Chunk *next;
    size_t size;
    /* data follows, aligned by the header's size */
    max_align_t align_[];
} Chunk;

struct PylArena {
    Chunk *head;
    char *ptr, *end;
    size_t next_size;
};

#define CHUNK_MIN (8 * 1024)
#define CHUNK_MAX (512 * 1024)

PylArena *pyl_arena_new(void)
{
    return calloc(1, sizeof(PylArena));
}

void pyl_arena_free(PylArena *a)
{
    if (!a) {
        return;
    }
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *pyl_arena_alloc(PylArena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0) {
        n = 8;
    }
    if ((size_t)(a->end - a->ptr) >= n) {
        void *p = a->ptr;
        a->ptr += n;
        return p;
    }
    size_t size = a->next_size ? a->next_size : CHUNK_MIN;
    if (n >= size / 4) {
        Chunk *c = calloc(1, sizeof(Chunk) + n);
        if (!c) {
            return NULL;
        }
        c->size = n;
        if (a->head) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            a->head = c;
        }
        return (char *)(c + 1);
    }
    Chunk *c = calloc(1, sizeof(Chunk) + size);
    if (!c) {
        return NULL;
    }
    a->next_size = size < CHUNK_MAX ? size * 2 : CHUNK_MAX;
    c->size = size;
    c->next = a->head;
    a->head = c;
    a->ptr = (char *)(c + 1) + n;
    a->end = (char *)(c + 1) + size;
    return (char *)(c + 1);
}

char *pyl_arena_strndup(PylArena *a, const char *s, size_t n)
{
    char *d = pyl_arena_alloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* ---- constructors ---------------------------------------------------------- */

PylMod *pyl_ast_Module(PylArena *a, PylStmtSeq body, PylTypeIgnoreSeq type_ignores)
{
    PylMod *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = MOD_Module;
    n->v.Module.body = body;
    n->v.Module.type_ignores = type_ignores;
    return n;
}

PylMod *pyl_ast_Interactive(PylArena *a, PylStmtSeq body)
{
    PylMod *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = MOD_Interactive;
    n->v.Interactive.body = body;
    return n;
}

PylMod *pyl_ast_Expression(PylArena *a, PylExpr *body)
{
    PylMod *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = MOD_Expression;
    n->v.Expression.body = body;
    return n;
}

PylMod *pyl_ast_FunctionType(PylArena *a, PylExprSeq argtypes, PylExpr *returns)
{
    PylMod *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = MOD_FunctionType;
    n->v.FunctionType.argtypes = argtypes;
    n->v.FunctionType.returns = returns;
    return n;
}

PylStmt *pyl_ast_FunctionDef(PylArena *a, const char *name, PylArguments *args, PylStmtSeq body,
                             PylExprSeq decorator_list, PylExpr *returns, const char *type_comment,
                             int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_FunctionDef;
    n->v.FunctionDef.name = name;
    n->v.FunctionDef.args = args;
    n->v.FunctionDef.body = body;
    n->v.FunctionDef.decorator_list = decorator_list;
    n->v.FunctionDef.returns = returns;
    n->v.FunctionDef.type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_AsyncFunctionDef(PylArena *a, const char *name, PylArguments *args,
                                  PylStmtSeq body, PylExprSeq decorator_list, PylExpr *returns,
                                  const char *type_comment, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_AsyncFunctionDef;
    n->v.AsyncFunctionDef.name = name;
    n->v.AsyncFunctionDef.args = args;
    n->v.AsyncFunctionDef.body = body;
    n->v.AsyncFunctionDef.decorator_list = decorator_list;
    n->v.AsyncFunctionDef.returns = returns;
    n->v.AsyncFunctionDef.type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_ClassDef(PylArena *a, const char *name, PylExprSeq bases, PylKeywordSeq keywords,
                          PylStmtSeq body, PylExprSeq decorator_list, int lineno, int col_offset,
                          int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_ClassDef;
    n->v.ClassDef.name = name;
    n->v.ClassDef.bases = bases;
    n->v.ClassDef.keywords = keywords;
    n->v.ClassDef.body = body;
    n->v.ClassDef.decorator_list = decorator_list;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Return(PylArena *a, PylExpr *value, int lineno, int col_offset, int end_lineno,
                        int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Return;
    n->v.Return.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Delete(PylArena *a, PylExprSeq targets, int lineno, int col_offset, int end_lineno,
                        int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Delete;
    n->v.Delete.targets = targets;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Assign(PylArena *a, PylExprSeq targets, PylExpr *value, const char *type_comment,
                        int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Assign;
    n->v.Assign.targets = targets;
    n->v.Assign.value = value;
    n->v.Assign.type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_AugAssign(PylArena *a, PylExpr *target, PylOperator op, PylExpr *value, int lineno,
                           int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_AugAssign;
    n->v.AugAssign.target = target;
    n->v.AugAssign.op = op;
    n->v.AugAssign.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_AnnAssign(PylArena *a, PylExpr *target, PylExpr *annotation, PylExpr *value,
                           int simple, int lineno, int col_offset, int end_lineno,
                           int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_AnnAssign;
    n->v.AnnAssign.target = target;
    n->v.AnnAssign.annotation = annotation;
    n->v.AnnAssign.value = value;
    n->v.AnnAssign.simple = simple;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_For(PylArena *a, PylExpr *target, PylExpr *iter, PylStmtSeq body,
                     PylStmtSeq orelse, const char *type_comment, int lineno, int col_offset,
                     int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_For;
    n->v.For.target = target;
    n->v.For.iter = iter;
    n->v.For.body = body;
    n->v.For.orelse = orelse;
    n->v.For.type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_AsyncFor(PylArena *a, PylExpr *target, PylExpr *iter, PylStmtSeq body,
                          PylStmtSeq orelse, const char *type_comment, int lineno, int col_offset,
                          int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_AsyncFor;
    n->v.AsyncFor.target = target;
    n->v.AsyncFor.iter = iter;
    n->v.AsyncFor.body = body;
    n->v.AsyncFor.orelse = orelse;
    n->v.AsyncFor.type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_While(PylArena *a, PylExpr *test, PylStmtSeq body, PylStmtSeq orelse, int lineno,
                       int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_While;
    n->v.While.test = test;
    n->v.While.body = body;
    n->v.While.orelse = orelse;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_If(PylArena *a, PylExpr *test, PylStmtSeq body, PylStmtSeq orelse, int lineno,
                    int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_If;
    n->v.If.test = test;
    n->v.If.body = body;
    n->v.If.orelse = orelse;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_With(PylArena *a, PylWithitemSeq items, PylStmtSeq body, const char *type_comment,
                      int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_With;
    n->v.With.items = items;
    n->v.With.body = body;
    n->v.With.type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_AsyncWith(PylArena *a, PylWithitemSeq items, PylStmtSeq body,
                           const char *type_comment, int lineno, int col_offset, int end_lineno,
                           int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_AsyncWith;
    n->v.AsyncWith.items = items;
    n->v.AsyncWith.body = body;
    n->v.AsyncWith.type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Match(PylArena *a, PylExpr *subject, PylMatchCaseSeq cases, int lineno,
                       int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Match;
    n->v.Match.subject = subject;
    n->v.Match.cases = cases;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Raise(PylArena *a, PylExpr *exc, PylExpr *cause, int lineno, int col_offset,
                       int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Raise;
    n->v.Raise.exc = exc;
    n->v.Raise.cause = cause;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Try(PylArena *a, PylStmtSeq body, PylExcepthandlerSeq handlers, PylStmtSeq orelse,
                     PylStmtSeq finalbody, int lineno, int col_offset, int end_lineno,
                     int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Try;
    n->v.Try.body = body;
    n->v.Try.handlers = handlers;
    n->v.Try.orelse = orelse;
    n->v.Try.finalbody = finalbody;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_TryStar(PylArena *a, PylStmtSeq body, PylExcepthandlerSeq handlers,
                         PylStmtSeq orelse, PylStmtSeq finalbody, int lineno, int col_offset,
                         int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_TryStar;
    n->v.TryStar.body = body;
    n->v.TryStar.handlers = handlers;
    n->v.TryStar.orelse = orelse;
    n->v.TryStar.finalbody = finalbody;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Assert(PylArena *a, PylExpr *test, PylExpr *msg, int lineno, int col_offset,
                        int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Assert;
    n->v.Assert.test = test;
    n->v.Assert.msg = msg;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Import(PylArena *a, PylAliasSeq names, int lineno, int col_offset, int end_lineno,
                        int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Import;
    n->v.Import.names = names;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_ImportFrom(PylArena *a, const char *module, PylAliasSeq names, int level,
                            int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_ImportFrom;
    n->v.ImportFrom.module = module;
    n->v.ImportFrom.names = names;
    n->v.ImportFrom.level = level;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Global(PylArena *a, PylIdentSeq names, int lineno, int col_offset, int end_lineno,
                        int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Global;
    n->v.Global.names = names;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Nonlocal(PylArena *a, PylIdentSeq names, int lineno, int col_offset,
                          int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Nonlocal;
    n->v.Nonlocal.names = names;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Expr(PylArena *a, PylExpr *value, int lineno, int col_offset, int end_lineno,
                      int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Expr;
    n->v.Expr.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Pass(PylArena *a, int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Pass;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Break(PylArena *a, int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Break;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylStmt *pyl_ast_Continue(PylArena *a, int lineno, int col_offset, int end_lineno,
                          int end_col_offset)
{
    PylStmt *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = STMT_Continue;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_BoolOp(PylArena *a, PylBoolop op, PylExprSeq values, int lineno, int col_offset,
                        int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_BoolOp;
    n->v.BoolOp.op = op;
    n->v.BoolOp.values = values;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_NamedExpr(PylArena *a, PylExpr *target, PylExpr *value, int lineno, int col_offset,
                           int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_NamedExpr;
    n->v.NamedExpr.target = target;
    n->v.NamedExpr.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_BinOp(PylArena *a, PylExpr *left, PylOperator op, PylExpr *right, int lineno,
                       int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_BinOp;
    n->v.BinOp.left = left;
    n->v.BinOp.op = op;
    n->v.BinOp.right = right;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_UnaryOp(PylArena *a, PylUnaryop op, PylExpr *operand, int lineno, int col_offset,
                         int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_UnaryOp;
    n->v.UnaryOp.op = op;
    n->v.UnaryOp.operand = operand;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Lambda(PylArena *a, PylArguments *args, PylExpr *body, int lineno, int col_offset,
                        int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Lambda;
    n->v.Lambda.args = args;
    n->v.Lambda.body = body;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_IfExp(PylArena *a, PylExpr *test, PylExpr *body, PylExpr *orelse, int lineno,
                       int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_IfExp;
    n->v.IfExp.test = test;
    n->v.IfExp.body = body;
    n->v.IfExp.orelse = orelse;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Dict(PylArena *a, PylExprSeq keys, PylExprSeq values, int lineno, int col_offset,
                      int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Dict;
    n->v.Dict.keys = keys;
    n->v.Dict.values = values;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Set(PylArena *a, PylExprSeq elts, int lineno, int col_offset, int end_lineno,
                     int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Set;
    n->v.Set.elts = elts;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_ListComp(PylArena *a, PylExpr *elt, PylComprehensionSeq generators, int lineno,
                          int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_ListComp;
    n->v.ListComp.elt = elt;
    n->v.ListComp.generators = generators;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_SetComp(PylArena *a, PylExpr *elt, PylComprehensionSeq generators, int lineno,
                         int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_SetComp;
    n->v.SetComp.elt = elt;
    n->v.SetComp.generators = generators;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_DictComp(PylArena *a, PylExpr *key, PylExpr *value, PylComprehensionSeq generators,
                          int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_DictComp;
    n->v.DictComp.key = key;
    n->v.DictComp.value = value;
    n->v.DictComp.generators = generators;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_GeneratorExp(PylArena *a, PylExpr *elt, PylComprehensionSeq generators, int lineno,
                              int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_GeneratorExp;
    n->v.GeneratorExp.elt = elt;
    n->v.GeneratorExp.generators = generators;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Await(PylArena *a, PylExpr *value, int lineno, int col_offset, int end_lineno,
                       int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Await;
    n->v.Await.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Yield(PylArena *a, PylExpr *value, int lineno, int col_offset, int end_lineno,
                       int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Yield;
    n->v.Yield.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_YieldFrom(PylArena *a, PylExpr *value, int lineno, int col_offset, int end_lineno,
                           int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_YieldFrom;
    n->v.YieldFrom.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Compare(PylArena *a, PylExpr *left, PylIntSeq ops, PylExprSeq comparators,
                         int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Compare;
    n->v.Compare.left = left;
    n->v.Compare.ops = ops;
    n->v.Compare.comparators = comparators;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Call(PylArena *a, PylExpr *func, PylExprSeq args, PylKeywordSeq keywords,
                      int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Call;
    n->v.Call.func = func;
    n->v.Call.args = args;
    n->v.Call.keywords = keywords;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_FormattedValue(PylArena *a, PylExpr *value, int conversion, PylExpr *format_spec,
                                int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_FormattedValue;
    n->v.FormattedValue.value = value;
    n->v.FormattedValue.conversion = conversion;
    n->v.FormattedValue.format_spec = format_spec;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_JoinedStr(PylArena *a, PylExprSeq values, int lineno, int col_offset,
                           int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_JoinedStr;
    n->v.JoinedStr.values = values;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Constant(PylArena *a, PylConst value, const char *kind, int lineno, int col_offset,
                          int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Constant;
    n->v.Constant.value = value;
    n->v.Constant.kind = kind;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Attribute(PylArena *a, PylExpr *value, const char *attr, PylExprContext ctx,
                           int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Attribute;
    n->v.Attribute.value = value;
    n->v.Attribute.attr = attr;
    n->v.Attribute.ctx = ctx;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Subscript(PylArena *a, PylExpr *value, PylExpr *slice, PylExprContext ctx,
                           int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Subscript;
    n->v.Subscript.value = value;
    n->v.Subscript.slice = slice;
    n->v.Subscript.ctx = ctx;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Starred(PylArena *a, PylExpr *value, PylExprContext ctx, int lineno,
                         int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Starred;
    n->v.Starred.value = value;
    n->v.Starred.ctx = ctx;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Name(PylArena *a, const char *id, PylExprContext ctx, int lineno, int col_offset,
                      int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Name;
    n->v.Name.id = id;
    n->v.Name.ctx = ctx;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_List(PylArena *a, PylExprSeq elts, PylExprContext ctx, int lineno, int col_offset,
                      int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_List;
    n->v.List.elts = elts;
    n->v.List.ctx = ctx;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Tuple(PylArena *a, PylExprSeq elts, PylExprContext ctx, int lineno, int col_offset,
                       int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Tuple;
    n->v.Tuple.elts = elts;
    n->v.Tuple.ctx = ctx;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExpr *pyl_ast_Slice(PylArena *a, PylExpr *lower, PylExpr *upper, PylExpr *step, int lineno,
                       int col_offset, int end_lineno, int end_col_offset)
{
    PylExpr *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXPR_Slice;
    n->v.Slice.lower = lower;
    n->v.Slice.upper = upper;
    n->v.Slice.step = step;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchValue(PylArena *a, PylExpr *value, int lineno, int col_offset,
                               int end_lineno, int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchValue;
    n->v.MatchValue.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchSingleton(PylArena *a, PylConst value, int lineno, int col_offset,
                                   int end_lineno, int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchSingleton;
    n->v.MatchSingleton.value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchSequence(PylArena *a, PylPatternSeq patterns, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchSequence;
    n->v.MatchSequence.patterns = patterns;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchMapping(PylArena *a, PylExprSeq keys, PylPatternSeq patterns,
                                 const char *rest, int lineno, int col_offset, int end_lineno,
                                 int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchMapping;
    n->v.MatchMapping.keys = keys;
    n->v.MatchMapping.patterns = patterns;
    n->v.MatchMapping.rest = rest;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchClass(PylArena *a, PylExpr *cls, PylPatternSeq patterns,
                               PylIdentSeq kwd_attrs, PylPatternSeq kwd_patterns, int lineno,
                               int col_offset, int end_lineno, int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchClass;
    n->v.MatchClass.cls = cls;
    n->v.MatchClass.patterns = patterns;
    n->v.MatchClass.kwd_attrs = kwd_attrs;
    n->v.MatchClass.kwd_patterns = kwd_patterns;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchStar(PylArena *a, const char *name, int lineno, int col_offset,
                              int end_lineno, int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchStar;
    n->v.MatchStar.name = name;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchAs(PylArena *a, PylPattern *pattern, const char *name, int lineno,
                            int col_offset, int end_lineno, int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchAs;
    n->v.MatchAs.pattern = pattern;
    n->v.MatchAs.name = name;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylPattern *pyl_ast_MatchOr(PylArena *a, PylPatternSeq patterns, int lineno, int col_offset,
                            int end_lineno, int end_col_offset)
{
    PylPattern *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = PAT_MatchOr;
    n->v.MatchOr.patterns = patterns;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylExcepthandler *pyl_ast_ExceptHandler(PylArena *a, PylExpr *type, const char *name,
                                        PylStmtSeq body, int lineno, int col_offset, int end_lineno,
                                        int end_col_offset)
{
    PylExcepthandler *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = EXCEPTHANDLER_ExceptHandler;
    n->v.ExceptHandler.type = type;
    n->v.ExceptHandler.name = name;
    n->v.ExceptHandler.body = body;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylTypeIgnore *pyl_ast_TypeIgnore(PylArena *a, int lineno, const char *tag)
{
    PylTypeIgnore *n = pyl_arena_alloc(a, sizeof *n);
    n->kind = TYPEIGNORE_TypeIgnore;
    n->v.TypeIgnore.lineno = lineno;
    n->v.TypeIgnore.tag = tag;
    return n;
}

PylComprehension *pyl_ast_comprehension(PylArena *a, PylExpr *target, PylExpr *iter, PylExprSeq ifs,
                                        int is_async)
{
    PylComprehension *n = pyl_arena_alloc(a, sizeof *n);
    n->target = target;
    n->iter = iter;
    n->ifs = ifs;
    n->is_async = is_async;
    return n;
}

PylArguments *pyl_ast_arguments(PylArena *a, PylArgSeq posonlyargs, PylArgSeq args, PylArg *vararg,
                                PylArgSeq kwonlyargs, PylExprSeq kw_defaults, PylArg *kwarg,
                                PylExprSeq defaults)
{
    PylArguments *n = pyl_arena_alloc(a, sizeof *n);
    n->posonlyargs = posonlyargs;
    n->args = args;
    n->vararg = vararg;
    n->kwonlyargs = kwonlyargs;
    n->kw_defaults = kw_defaults;
    n->kwarg = kwarg;
    n->defaults = defaults;
    return n;
}

PylArg *pyl_ast_arg(PylArena *a, const char *arg, PylExpr *annotation, const char *type_comment,
                    int lineno, int col_offset, int end_lineno, int end_col_offset)
{
    PylArg *n = pyl_arena_alloc(a, sizeof *n);
    n->arg = arg;
    n->annotation = annotation;
    n->type_comment = type_comment;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylKeyword *pyl_ast_keyword(PylArena *a, const char *arg, PylExpr *value, int lineno,
                            int col_offset, int end_lineno, int end_col_offset)
{
    PylKeyword *n = pyl_arena_alloc(a, sizeof *n);
    n->arg = arg;
    n->value = value;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylAlias *pyl_ast_alias(PylArena *a, const char *name, const char *asname, int lineno,
                        int col_offset, int end_lineno, int end_col_offset)
{
    PylAlias *n = pyl_arena_alloc(a, sizeof *n);
    n->name = name;
    n->asname = asname;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

PylWithitem *pyl_ast_withitem(PylArena *a, PylExpr *context_expr, PylExpr *optional_vars)
{
    PylWithitem *n = pyl_arena_alloc(a, sizeof *n);
    n->context_expr = context_expr;
    n->optional_vars = optional_vars;
    return n;
}

PylMatchCase *pyl_ast_match_case(PylArena *a, PylPattern *pattern, PylExpr *guard, PylStmtSeq body)
{
    PylMatchCase *n = pyl_arena_alloc(a, sizeof *n);
    n->pattern = pattern;
    n->guard = guard;
    n->body = body;
    return n;
}

/* ---- dump ------------------------------------------------------------------ */

typedef enum FieldKind {
    F_ALIAS_SEQ,
    F_ARGUMENTS,
    F_ARG_OPT,
    F_ARG_SEQ,
    F_BOOLOP,
    F_CMPOP_SEQ,
    F_COMPREHENSION_SEQ,
    F_CONST,
    F_EXCEPTHANDLER_SEQ,
    F_EXPR,
    F_EXPR_CONTEXT,
    F_EXPR_OPT,
    F_EXPR_SEQ,
    F_IDENT,
    F_IDENTIFIER_SEQ,
    F_IDENT_OPT,
    F_INT,
    F_KEYWORD_SEQ,
    F_MATCH_CASE_SEQ,
    F_OPERATOR,
    F_PATTERN,
    F_PATTERN_OPT,
    F_PATTERN_SEQ,
    F_STMT_SEQ,
    F_STRING,
    F_STRING_OPT,
    F_TYPE_IGNORE_SEQ,
    F_UNARYOP,
    F_WITHITEM_SEQ,
} FieldKind;

typedef struct FieldDesc {
    const char *name;
    unsigned char kind;
    unsigned short offset;
} FieldDesc;

typedef struct NodeDesc {
    const char *name;
    short nfields;
    short pos; /* offset of lineno (then col_offset, end_lineno, end_col_offset), or -1 */
    FieldDesc f[7];
} NodeDesc;

static const NodeDesc mod_desc[] = {
    [MOD_Module] = {"Module",
                    2,
                    -1,
                    {
                        {"body", F_STMT_SEQ, offsetof(PylMod, v.Module.body)},
                        {"type_ignores", F_TYPE_IGNORE_SEQ,
                         offsetof(PylMod, v.Module.type_ignores)},
                    }},
    [MOD_Interactive] = {"Interactive",
                         1,
                         -1,
                         {
                             {"body", F_STMT_SEQ, offsetof(PylMod, v.Interactive.body)},
                         }},
    [MOD_Expression] = {"Expression",
                        1,
                        -1,
                        {
                            {"body", F_EXPR, offsetof(PylMod, v.Expression.body)},
                        }},
    [MOD_FunctionType] = {"FunctionType",
                          2,
                          -1,
                          {
                              {"argtypes", F_EXPR_SEQ, offsetof(PylMod, v.FunctionType.argtypes)},
                              {"returns", F_EXPR, offsetof(PylMod, v.FunctionType.returns)},
                          }},
};

static const NodeDesc stmt_desc[] = {
    [STMT_FunctionDef] =
        {"FunctionDef",
         6,
         offsetof(PylStmt, lineno),
         {
             {"name", F_IDENT, offsetof(PylStmt, v.FunctionDef.name)},
             {"args", F_ARGUMENTS, offsetof(PylStmt, v.FunctionDef.args)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.FunctionDef.body)},
             {"decorator_list", F_EXPR_SEQ, offsetof(PylStmt, v.FunctionDef.decorator_list)},
             {"returns", F_EXPR_OPT, offsetof(PylStmt, v.FunctionDef.returns)},
             {"type_comment", F_STRING_OPT, offsetof(PylStmt, v.FunctionDef.type_comment)},
         }},
    [STMT_AsyncFunctionDef] =
        {"AsyncFunctionDef",
         6,
         offsetof(PylStmt, lineno),
         {
             {"name", F_IDENT, offsetof(PylStmt, v.AsyncFunctionDef.name)},
             {"args", F_ARGUMENTS, offsetof(PylStmt, v.AsyncFunctionDef.args)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.AsyncFunctionDef.body)},
             {"decorator_list", F_EXPR_SEQ, offsetof(PylStmt, v.AsyncFunctionDef.decorator_list)},
             {"returns", F_EXPR_OPT, offsetof(PylStmt, v.AsyncFunctionDef.returns)},
             {"type_comment", F_STRING_OPT, offsetof(PylStmt, v.AsyncFunctionDef.type_comment)},
         }},
    [STMT_ClassDef] = {"ClassDef",
                       5,
                       offsetof(PylStmt, lineno),
                       {
                           {"name", F_IDENT, offsetof(PylStmt, v.ClassDef.name)},
                           {"bases", F_EXPR_SEQ, offsetof(PylStmt, v.ClassDef.bases)},
                           {"keywords", F_KEYWORD_SEQ, offsetof(PylStmt, v.ClassDef.keywords)},
                           {"body", F_STMT_SEQ, offsetof(PylStmt, v.ClassDef.body)},
                           {"decorator_list", F_EXPR_SEQ,
                            offsetof(PylStmt, v.ClassDef.decorator_list)},
                       }},
    [STMT_Return] =
        {"Return",
         1,
         offsetof(PylStmt, lineno),
         {
             {"value", F_EXPR_OPT, offsetof(PylStmt, v.Return.value)},
         }},
    [STMT_Delete] =
        {"Delete",
         1,
         offsetof(PylStmt, lineno),
         {
             {"targets", F_EXPR_SEQ, offsetof(PylStmt, v.Delete.targets)},
         }},
    [STMT_Assign] =
        {"Assign",
         3,
         offsetof(PylStmt, lineno),
         {
             {"targets", F_EXPR_SEQ, offsetof(PylStmt, v.Assign.targets)},
             {"value", F_EXPR, offsetof(PylStmt, v.Assign.value)},
             {"type_comment", F_STRING_OPT, offsetof(PylStmt, v.Assign.type_comment)},
         }},
    [STMT_AugAssign] =
        {"AugAssign",
         3,
         offsetof(PylStmt, lineno),
         {
             {"target", F_EXPR, offsetof(PylStmt, v.AugAssign.target)},
             {"op", F_OPERATOR, offsetof(PylStmt, v.AugAssign.op)},
             {"value", F_EXPR, offsetof(PylStmt, v.AugAssign.value)},
         }},
    [STMT_AnnAssign] =
        {"AnnAssign",
         4,
         offsetof(PylStmt, lineno),
         {
             {"target", F_EXPR, offsetof(PylStmt, v.AnnAssign.target)},
             {"annotation", F_EXPR, offsetof(PylStmt, v.AnnAssign.annotation)},
             {"value", F_EXPR_OPT, offsetof(PylStmt, v.AnnAssign.value)},
             {"simple", F_INT, offsetof(PylStmt, v.AnnAssign.simple)},
         }},
    [STMT_For] =
        {"For",
         5,
         offsetof(PylStmt, lineno),
         {
             {"target", F_EXPR, offsetof(PylStmt, v.For.target)},
             {"iter", F_EXPR, offsetof(PylStmt, v.For.iter)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.For.body)},
             {"orelse", F_STMT_SEQ, offsetof(PylStmt, v.For.orelse)},
             {"type_comment", F_STRING_OPT, offsetof(PylStmt, v.For.type_comment)},
         }},
    [STMT_AsyncFor] =
        {"AsyncFor",
         5,
         offsetof(PylStmt, lineno),
         {
             {"target", F_EXPR, offsetof(PylStmt, v.AsyncFor.target)},
             {"iter", F_EXPR, offsetof(PylStmt, v.AsyncFor.iter)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.AsyncFor.body)},
             {"orelse", F_STMT_SEQ, offsetof(PylStmt, v.AsyncFor.orelse)},
             {"type_comment", F_STRING_OPT, offsetof(PylStmt, v.AsyncFor.type_comment)},
         }},
    [STMT_While] =
        {"While",
         3,
         offsetof(PylStmt, lineno),
         {
             {"test", F_EXPR, offsetof(PylStmt, v.While.test)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.While.body)},
             {"orelse", F_STMT_SEQ, offsetof(PylStmt, v.While.orelse)},
         }},
    [STMT_If] =
        {"If",
         3,
         offsetof(PylStmt, lineno),
         {
             {"test", F_EXPR, offsetof(PylStmt, v.If.test)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.If.body)},
             {"orelse", F_STMT_SEQ, offsetof(PylStmt, v.If.orelse)},
         }},
    [STMT_With] =
        {"With",
         3,
         offsetof(PylStmt, lineno),
         {
             {"items", F_WITHITEM_SEQ, offsetof(PylStmt, v.With.items)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.With.body)},
             {"type_comment", F_STRING_OPT, offsetof(PylStmt, v.With.type_comment)},
         }},
    [STMT_AsyncWith] =
        {"AsyncWith",
         3,
         offsetof(PylStmt, lineno),
         {
             {"items", F_WITHITEM_SEQ, offsetof(PylStmt, v.AsyncWith.items)},
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.AsyncWith.body)},
             {"type_comment", F_STRING_OPT, offsetof(PylStmt, v.AsyncWith.type_comment)},
         }},
    [STMT_Match] =
        {"Match",
         2,
         offsetof(PylStmt, lineno),
         {
             {"subject", F_EXPR, offsetof(PylStmt, v.Match.subject)},
             {"cases", F_MATCH_CASE_SEQ, offsetof(PylStmt, v.Match.cases)},
         }},
    [STMT_Raise] =
        {"Raise",
         2,
         offsetof(PylStmt, lineno),
         {
             {"exc", F_EXPR_OPT, offsetof(PylStmt, v.Raise.exc)},
             {"cause", F_EXPR_OPT, offsetof(PylStmt, v.Raise.cause)},
         }},
    [STMT_Try] =
        {"Try",
         4,
         offsetof(PylStmt, lineno),
         {
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.Try.body)},
             {"handlers", F_EXCEPTHANDLER_SEQ, offsetof(PylStmt, v.Try.handlers)},
             {"orelse", F_STMT_SEQ, offsetof(PylStmt, v.Try.orelse)},
             {"finalbody", F_STMT_SEQ, offsetof(PylStmt, v.Try.finalbody)},
         }},
    [STMT_TryStar] =
        {"TryStar",
         4,
         offsetof(PylStmt, lineno),
         {
             {"body", F_STMT_SEQ, offsetof(PylStmt, v.TryStar.body)},
             {"handlers", F_EXCEPTHANDLER_SEQ, offsetof(PylStmt, v.TryStar.handlers)},
             {"orelse", F_STMT_SEQ, offsetof(PylStmt, v.TryStar.orelse)},
             {"finalbody", F_STMT_SEQ, offsetof(PylStmt, v.TryStar.finalbody)},
         }},
    [STMT_Assert] =
        {"Assert",
         2,
         offsetof(PylStmt, lineno),
         {
             {"test", F_EXPR, offsetof(PylStmt, v.Assert.test)},
             {"msg", F_EXPR_OPT, offsetof(PylStmt, v.Assert.msg)},
         }},
    [STMT_Import] =
        {"Import",
         1,
         offsetof(PylStmt, lineno),
         {
             {"names", F_ALIAS_SEQ, offsetof(PylStmt, v.Import.names)},
         }},
    [STMT_ImportFrom] =
        {"ImportFrom",
         3,
         offsetof(PylStmt, lineno),
         {
             {"module", F_IDENT_OPT, offsetof(PylStmt, v.ImportFrom.module)},
             {"names", F_ALIAS_SEQ, offsetof(PylStmt, v.ImportFrom.names)},
             {"level", F_INT, offsetof(PylStmt, v.ImportFrom.level)},
         }},
    [STMT_Global] =
        {"Global",
         1,
         offsetof(PylStmt, lineno),
         {
             {"names", F_IDENTIFIER_SEQ, offsetof(PylStmt, v.Global.names)},
         }},
    [STMT_Nonlocal] =
        {"Nonlocal",
         1,
         offsetof(PylStmt, lineno),
         {
             {"names", F_IDENTIFIER_SEQ, offsetof(PylStmt, v.Nonlocal.names)},
         }},
    [STMT_Expr] =
        {"Expr",
         1,
         offsetof(PylStmt, lineno),
         {
             {"value", F_EXPR, offsetof(PylStmt, v.Expr.value)},
         }},
    [STMT_Pass] = {"Pass", 0, offsetof(PylStmt, lineno), {}},
    [STMT_Break] = {"Break", 0, offsetof(PylStmt, lineno), {}},
    [STMT_Continue] = {"Continue", 0, offsetof(PylStmt, lineno), {}},
};

static const NodeDesc expr_desc[] = {
    [EXPR_BoolOp] = {"BoolOp",
                     2,
                     offsetof(PylExpr, lineno),
                     {
                         {"op", F_BOOLOP, offsetof(PylExpr, v.BoolOp.op)},
                         {"values", F_EXPR_SEQ, offsetof(PylExpr, v.BoolOp.values)},
                     }},
    [EXPR_NamedExpr] = {"NamedExpr",
                        2,
                        offsetof(PylExpr, lineno),
                        {
                            {"target", F_EXPR, offsetof(PylExpr, v.NamedExpr.target)},
                            {"value", F_EXPR, offsetof(PylExpr, v.NamedExpr.value)},
                        }},
    [EXPR_BinOp] = {"BinOp",
                    3,
                    offsetof(PylExpr, lineno),
                    {
                        {"left", F_EXPR, offsetof(PylExpr, v.BinOp.left)},
                        {"op", F_OPERATOR, offsetof(PylExpr, v.BinOp.op)},
                        {"right", F_EXPR, offsetof(PylExpr, v.BinOp.right)},
                    }},
    [EXPR_UnaryOp] = {"UnaryOp",
                      2,
                      offsetof(PylExpr, lineno),
                      {
                          {"op", F_UNARYOP, offsetof(PylExpr, v.UnaryOp.op)},
                          {"operand", F_EXPR, offsetof(PylExpr, v.UnaryOp.operand)},
                      }},
    [EXPR_Lambda] = {"Lambda",
                     2,
                     offsetof(PylExpr, lineno),
                     {
                         {"args", F_ARGUMENTS, offsetof(PylExpr, v.Lambda.args)},
                         {"body", F_EXPR, offsetof(PylExpr, v.Lambda.body)},
                     }},
    [EXPR_IfExp] = {"IfExp",
                    3,
                    offsetof(PylExpr, lineno),
                    {
                        {"test", F_EXPR, offsetof(PylExpr, v.IfExp.test)},
                        {"body", F_EXPR, offsetof(PylExpr, v.IfExp.body)},
                        {"orelse", F_EXPR, offsetof(PylExpr, v.IfExp.orelse)},
                    }},
    [EXPR_Dict] =
        {"Dict",
         2,
         offsetof(PylExpr, lineno),
         {
             {"keys", F_EXPR_SEQ, offsetof(PylExpr, v.Dict.keys)},
             {"values", F_EXPR_SEQ, offsetof(PylExpr, v.Dict.values)},
         }},
    [EXPR_Set] =
        {"Set",
         1,
         offsetof(PylExpr, lineno),
         {
             {"elts", F_EXPR_SEQ, offsetof(PylExpr, v.Set.elts)},
         }},
    [EXPR_ListComp] =
        {"ListComp",
         2,
         offsetof(PylExpr, lineno),
         {
             {"elt", F_EXPR, offsetof(PylExpr, v.ListComp.elt)},
             {"generators", F_COMPREHENSION_SEQ, offsetof(PylExpr, v.ListComp.generators)},
         }},
    [EXPR_SetComp] =
        {"SetComp",
         2,
         offsetof(PylExpr, lineno),
         {
             {"elt", F_EXPR, offsetof(PylExpr, v.SetComp.elt)},
             {"generators", F_COMPREHENSION_SEQ, offsetof(PylExpr, v.SetComp.generators)},
         }},
    [EXPR_DictComp] =
        {"DictComp",
         3,
         offsetof(PylExpr, lineno),
         {
             {"key", F_EXPR, offsetof(PylExpr, v.DictComp.key)},
             {"value", F_EXPR, offsetof(PylExpr, v.DictComp.value)},
             {"generators", F_COMPREHENSION_SEQ, offsetof(PylExpr, v.DictComp.generators)},
         }},
    [EXPR_GeneratorExp] =
        {"GeneratorExp",
         2,
         offsetof(PylExpr, lineno),
         {
             {"elt", F_EXPR, offsetof(PylExpr, v.GeneratorExp.elt)},
             {"generators", F_COMPREHENSION_SEQ, offsetof(PylExpr, v.GeneratorExp.generators)},
         }},
    [EXPR_Await] =
        {"Await",
         1,
         offsetof(PylExpr, lineno),
         {
             {"value", F_EXPR, offsetof(PylExpr, v.Await.value)},
         }},
    [EXPR_Yield] =
        {"Yield",
         1,
         offsetof(PylExpr, lineno),
         {
             {"value", F_EXPR_OPT, offsetof(PylExpr, v.Yield.value)},
         }},
    [EXPR_YieldFrom] =
        {"YieldFrom",
         1,
         offsetof(PylExpr, lineno),
         {
             {"value", F_EXPR, offsetof(PylExpr, v.YieldFrom.value)},
         }},
    [EXPR_Compare] =
        {"Compare",
         3,
         offsetof(PylExpr, lineno),
         {
             {"left", F_EXPR, offsetof(PylExpr, v.Compare.left)},
             {"ops", F_CMPOP_SEQ, offsetof(PylExpr, v.Compare.ops)},
             {"comparators", F_EXPR_SEQ, offsetof(PylExpr, v.Compare.comparators)},
         }},
    [EXPR_Call] =
        {"Call",
         3,
         offsetof(PylExpr, lineno),
         {
             {"func", F_EXPR, offsetof(PylExpr, v.Call.func)},
             {"args", F_EXPR_SEQ, offsetof(PylExpr, v.Call.args)},
             {"keywords", F_KEYWORD_SEQ, offsetof(PylExpr, v.Call.keywords)},
         }},
    [EXPR_FormattedValue] =
        {"FormattedValue",
         3,
         offsetof(PylExpr, lineno),
         {
             {"value", F_EXPR, offsetof(PylExpr, v.FormattedValue.value)},
             {"conversion", F_INT, offsetof(PylExpr, v.FormattedValue.conversion)},
             {"format_spec", F_EXPR_OPT, offsetof(PylExpr, v.FormattedValue.format_spec)},
         }},
    [EXPR_JoinedStr] =
        {"JoinedStr",
         1,
         offsetof(PylExpr, lineno),
         {
             {"values", F_EXPR_SEQ, offsetof(PylExpr, v.JoinedStr.values)},
         }},
    [EXPR_Constant] =
        {"Constant",
         2,
         offsetof(PylExpr, lineno),
         {
             {"value", F_CONST, offsetof(PylExpr, v.Constant.value)},
             {"kind", F_STRING_OPT, offsetof(PylExpr, v.Constant.kind)},
         }},
    [EXPR_Attribute] =
        {"Attribute",
         3,
         offsetof(PylExpr, lineno),
         {
             {"value", F_EXPR, offsetof(PylExpr, v.Attribute.value)},
             {"attr", F_IDENT, offsetof(PylExpr, v.Attribute.attr)},
             {"ctx", F_EXPR_CONTEXT, offsetof(PylExpr, v.Attribute.ctx)},
         }},
    [EXPR_Subscript] =
        {"Subscript",
         3,
         offsetof(PylExpr, lineno),
         {
             {"value", F_EXPR, offsetof(PylExpr, v.Subscript.value)},
             {"slice", F_EXPR, offsetof(PylExpr, v.Subscript.slice)},
             {"ctx", F_EXPR_CONTEXT, offsetof(PylExpr, v.Subscript.ctx)},
         }},
    [EXPR_Starred] =
        {"Starred",
         2,
         offsetof(PylExpr, lineno),
         {
             {"value", F_EXPR, offsetof(PylExpr, v.Starred.value)},
             {"ctx", F_EXPR_CONTEXT, offsetof(PylExpr, v.Starred.ctx)},
         }},
    [EXPR_Name] =
        {"Name",
         2,
         offsetof(PylExpr, lineno),
         {
             {"id", F_IDENT, offsetof(PylExpr, v.Name.id)},
             {"ctx", F_EXPR_CONTEXT, offsetof(PylExpr, v.Name.ctx)},
         }},
    [EXPR_List] =
        {"List",
         2,
         offsetof(PylExpr, lineno),
         {
             {"elts", F_EXPR_SEQ, offsetof(PylExpr, v.List.elts)},
             {"ctx", F_EXPR_CONTEXT, offsetof(PylExpr, v.List.ctx)},
         }},
    [EXPR_Tuple] =
        {"Tuple",
         2,
         offsetof(PylExpr, lineno),
         {
             {"elts", F_EXPR_SEQ, offsetof(PylExpr, v.Tuple.elts)},
             {"ctx", F_EXPR_CONTEXT, offsetof(PylExpr, v.Tuple.ctx)},
         }},
    [EXPR_Slice] =
        {"Slice",
         3,
         offsetof(PylExpr, lineno),
         {
             {"lower", F_EXPR_OPT, offsetof(PylExpr, v.Slice.lower)},
             {"upper", F_EXPR_OPT, offsetof(PylExpr, v.Slice.upper)},
             {"step", F_EXPR_OPT, offsetof(PylExpr, v.Slice.step)},
         }},
};

static const NodeDesc pattern_desc[] = {
    [PAT_MatchValue] = {"MatchValue",
                        1,
                        offsetof(PylPattern, lineno),
                        {
                            {"value", F_EXPR, offsetof(PylPattern, v.MatchValue.value)},
                        }},
    [PAT_MatchSingleton] = {"MatchSingleton",
                            1,
                            offsetof(PylPattern, lineno),
                            {
                                {"value", F_CONST, offsetof(PylPattern, v.MatchSingleton.value)},
                            }},
    [PAT_MatchSequence] = {"MatchSequence",
                           1,
                           offsetof(PylPattern, lineno),
                           {
                               {"patterns", F_PATTERN_SEQ,
                                offsetof(PylPattern, v.MatchSequence.patterns)},
                           }},
    [PAT_MatchMapping] = {"MatchMapping",
                          3,
                          offsetof(PylPattern, lineno),
                          {
                              {"keys", F_EXPR_SEQ, offsetof(PylPattern, v.MatchMapping.keys)},
                              {"patterns", F_PATTERN_SEQ,
                               offsetof(PylPattern, v.MatchMapping.patterns)},
                              {"rest", F_IDENT_OPT, offsetof(PylPattern, v.MatchMapping.rest)},
                          }},
    [PAT_MatchClass] =
        {"MatchClass",
         4,
         offsetof(PylPattern, lineno),
         {
             {"cls", F_EXPR, offsetof(PylPattern, v.MatchClass.cls)},
             {"patterns", F_PATTERN_SEQ, offsetof(PylPattern, v.MatchClass.patterns)},
             {"kwd_attrs", F_IDENTIFIER_SEQ, offsetof(PylPattern, v.MatchClass.kwd_attrs)},
             {"kwd_patterns", F_PATTERN_SEQ, offsetof(PylPattern, v.MatchClass.kwd_patterns)},
         }},
    [PAT_MatchStar] = {"MatchStar",
                       1,
                       offsetof(PylPattern, lineno),
                       {
                           {"name", F_IDENT_OPT, offsetof(PylPattern, v.MatchStar.name)},
                       }},
    [PAT_MatchAs] = {"MatchAs",
                     2,
                     offsetof(PylPattern, lineno),
                     {
                         {"pattern", F_PATTERN_OPT, offsetof(PylPattern, v.MatchAs.pattern)},
                         {"name", F_IDENT_OPT, offsetof(PylPattern, v.MatchAs.name)},
                     }},
    [PAT_MatchOr] = {"MatchOr",
                     1,
                     offsetof(PylPattern, lineno),
                     {
                         {"patterns", F_PATTERN_SEQ, offsetof(PylPattern, v.MatchOr.patterns)},
                     }},
};

static const NodeDesc excepthandler_desc[] = {
    [EXCEPTHANDLER_ExceptHandler] =
        {"ExceptHandler",
         3,
         offsetof(PylExcepthandler, lineno),
         {
             {"type", F_EXPR_OPT, offsetof(PylExcepthandler, v.ExceptHandler.type)},
             {"name", F_IDENT_OPT, offsetof(PylExcepthandler, v.ExceptHandler.name)},
             {"body", F_STMT_SEQ, offsetof(PylExcepthandler, v.ExceptHandler.body)},
         }},
};

static const NodeDesc type_ignore_desc[] = {
    [TYPEIGNORE_TypeIgnore] = {"TypeIgnore",
                               2,
                               -1,
                               {
                                   {"lineno", F_INT, offsetof(PylTypeIgnore, v.TypeIgnore.lineno)},
                                   {"tag", F_STRING, offsetof(PylTypeIgnore, v.TypeIgnore.tag)},
                               }},
};

static const NodeDesc comprehension_desc = {
    "comprehension",
    4,
    -1,
    {
        {"target", F_EXPR, offsetof(PylComprehension, target)},
        {"iter", F_EXPR, offsetof(PylComprehension, iter)},
        {"ifs", F_EXPR_SEQ, offsetof(PylComprehension, ifs)},
        {"is_async", F_INT, offsetof(PylComprehension, is_async)},
    }};

static const NodeDesc arguments_desc = {
    "arguments",
    7,
    -1,
    {
        {"posonlyargs", F_ARG_SEQ, offsetof(PylArguments, posonlyargs)},
        {"args", F_ARG_SEQ, offsetof(PylArguments, args)},
        {"vararg", F_ARG_OPT, offsetof(PylArguments, vararg)},
        {"kwonlyargs", F_ARG_SEQ, offsetof(PylArguments, kwonlyargs)},
        {"kw_defaults", F_EXPR_SEQ, offsetof(PylArguments, kw_defaults)},
        {"kwarg", F_ARG_OPT, offsetof(PylArguments, kwarg)},
        {"defaults", F_EXPR_SEQ, offsetof(PylArguments, defaults)},
    }};

static const NodeDesc arg_desc = {
    "arg",
    3,
    offsetof(PylArg, lineno),
    {
        {"arg", F_IDENT, offsetof(PylArg, arg)},
        {"annotation", F_EXPR_OPT, offsetof(PylArg, annotation)},
        {"type_comment", F_STRING_OPT, offsetof(PylArg, type_comment)},
    }};

static const NodeDesc keyword_desc = {"keyword",
                                      2,
                                      offsetof(PylKeyword, lineno),
                                      {
                                          {"arg", F_IDENT_OPT, offsetof(PylKeyword, arg)},
                                          {"value", F_EXPR, offsetof(PylKeyword, value)},
                                      }};

static const NodeDesc alias_desc = {"alias",
                                    2,
                                    offsetof(PylAlias, lineno),
                                    {
                                        {"name", F_IDENT, offsetof(PylAlias, name)},
                                        {"asname", F_IDENT_OPT, offsetof(PylAlias, asname)},
                                    }};

static const NodeDesc withitem_desc = {
    "withitem",
    2,
    -1,
    {
        {"context_expr", F_EXPR, offsetof(PylWithitem, context_expr)},
        {"optional_vars", F_EXPR_OPT, offsetof(PylWithitem, optional_vars)},
    }};

static const NodeDesc match_case_desc = {
    "match_case",
    3,
    -1,
    {
        {"pattern", F_PATTERN, offsetof(PylMatchCase, pattern)},
        {"guard", F_EXPR_OPT, offsetof(PylMatchCase, guard)},
        {"body", F_STMT_SEQ, offsetof(PylMatchCase, body)},
    }};

static const char *const ctx_names[] = {"?", "Load", "Store", "Del"};
static const char *const boolop_names[] = {"?", "And", "Or"};
static const char *const operator_names[] = {"?",     "Add",    "Sub",    "Mult",    "MatMult",
                                             "Div",   "Mod",    "Pow",    "LShift",  "RShift",
                                             "BitOr", "BitXor", "BitAnd", "FloorDiv"};
static const char *const unaryop_names[] = {"?", "Invert", "Not", "UAdd", "USub"};
static const char *const cmpop_names[] = {"?",   "Eq", "NotEq", "Lt", "LtE",  "Gt",
                                          "GtE", "Is", "IsNot", "In", "NotIn"};

typedef struct Dumper {
    FILE *out;
    int attrs;
} Dumper;

#define FIELD(node, fd, T) (*(const T *)((const char *)(node) + (fd)->offset))

/* Python's repr() of a str (UTF-8, surrogates allowed) or, if bytes, of a bytes. */
static void repr_text(FILE *out, const char *s, size_t n, int bytes)
{
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (bytes) {
        fputc('b', out);
    }
    fputc(q, out);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp = c;
        int l = 1;
        if (c >= 0x80 && !bytes) {
            l = pyl_lex_utf8_decode(s + i, n - i, &cp);
            if (l == 0) {
                /* a surrogate: pyl_lex_utf8_decode rejects nothing else we store */
                cp = ((unsigned)(c & 0x0F) << 12) | ((unsigned)(s[i + 1] & 0x3F) << 6) |
                     (unsigned)(s[i + 2] & 0x3F);
                l = 3;
            }
        }
        if (cp == (unsigned char)q || cp == '\\') {
            fprintf(out, "\\%c", (char)cp);
        } else if (cp == '\t') {
            fputs("\\t", out);
        } else if (cp == '\n') {
            fputs("\\n", out);
        } else if (cp == '\r') {
            fputs("\\r", out);
        } else if (cp < 0x20 || cp == 0x7F || (bytes && cp >= 0x80)) {
            fprintf(out, "\\x%02x", cp);
        } else if (cp < 0x7F) {
            fputc((int)cp, out);
        } else if (pyl_lex_isprintable(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            fwrite(s + i, 1, (size_t)l, out);
        } else if (cp <= 0xFF) {
            fprintf(out, "\\x%02x", cp);
        } else if (cp <= 0xFFFF) {
            fprintf(out, "\\u%04x", cp);
        } else {
            fprintf(out, "\\U%08x", cp);
        }
        i += (size_t)l;
    }
    fputc(q, out);
}

static void repr_str(FILE *out, const char *s)
{
    repr_text(out, s, strlen(s), 0);
}

static void repr_const(FILE *out, const PylConst *c)
{
    char buf[40];
    switch (c->kind) {
    case CONST_NONE:
        fputs("None", out);
        break;
    case CONST_TRUE:
        fputs("True", out);
        break;
    case CONST_FALSE:
        fputs("False", out);
        break;
    case CONST_ELLIPSIS:
        fputs("Ellipsis", out);
        break;
    case CONST_INT:
        fputs(c->v.digits, out);
        break;
    case CONST_FLOAT:
        pyl_double_repr(c->v.d, buf);
        fputs(buf, out);
        break;
    case CONST_COMPLEX: {
        /* repr(complex(0, d)): the imaginary part without a forced ".0" */
        int n = pyl_double_repr(c->v.d, buf);
        if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0') {
            buf[n - 2] = '\0';
        }
        fprintf(out, "%sj", buf);
        break;
    }
    case CONST_STR:
        repr_text(out, c->v.bytes, c->len, 0);
        break;
    case CONST_BYTES:
        repr_text(out, c->v.bytes, c->len, 1);
        break;
    }
}

static void indent(Dumper *d, int level)
{
    fputc('\n', d->out);
    for (int i = 0; i < level; i++) {
        fputs("  ", d->out);
    }
}

static const NodeDesc *desc_of(int kind, const void *node);
static void dump_value(Dumper *d, int kind, const void *field, int level);

/* Whether ast.dump omits the field: an optional field holding None. */
static int omitted(const FieldDesc *fd, const void *node)
{
    switch (fd->kind) {
    case F_EXPR_OPT:
    case F_PATTERN_OPT:
    case F_ARG_OPT:
        return FIELD(node, fd, const void *) == NULL;
    case F_IDENT_OPT:
    case F_STRING_OPT:
        return FIELD(node, fd, const char *) == NULL;
    default:
        return 0;
    }
}

/* Whether a value prints as a "simple" one (ast.dump puts a node whose arguments
 * are all simple, at most three, on one line): scalars, empty lists, and nodes
 * printed without arguments. */
static int simple_value(Dumper *d, int kind, const void *field)
{
    switch (kind) {
    case F_EXPR_SEQ:
    case F_STMT_SEQ:
    case F_PATTERN_SEQ:
    case F_ARG_SEQ:
    case F_KEYWORD_SEQ:
    case F_ALIAS_SEQ:
    case F_WITHITEM_SEQ:
    case F_MATCH_CASE_SEQ:
    case F_EXCEPTHANDLER_SEQ:
    case F_COMPREHENSION_SEQ:
    case F_TYPE_IGNORE_SEQ:
    case F_IDENTIFIER_SEQ:
    case F_CMPOP_SEQ:
        return ((const PylExprSeq *)field)->n == 0;
    case F_EXPR:
    case F_EXPR_OPT:
    case F_PATTERN:
    case F_PATTERN_OPT:
    case F_ARG_OPT:
    case F_ARGUMENTS: {
        const void *node = *(const void *const *)field;
        if (!node) {
            return 1;
        }
        const NodeDesc *nd = desc_of(kind, node);
        if (d->attrs && nd->pos >= 0) {
            return 0;
        }
        for (int i = 0; i < nd->nfields; i++) {
            if (!omitted(&nd->f[i], node)) {
                return 0;
            }
        }
        return 1;
    }
    default:
        return 1;
    }
}

static const NodeDesc *desc_of(int kind, const void *node)
{
    switch (kind) {
    case F_EXPR:
    case F_EXPR_OPT:
    case F_EXPR_SEQ:
        return &expr_desc[((const PylExpr *)node)->kind];
    case F_STMT_SEQ:
        return &stmt_desc[((const PylStmt *)node)->kind];
    case F_PATTERN:
    case F_PATTERN_OPT:
    case F_PATTERN_SEQ:
        return &pattern_desc[((const PylPattern *)node)->kind];
    case F_EXCEPTHANDLER_SEQ:
        return &excepthandler_desc[((const PylExcepthandler *)node)->kind];
    case F_TYPE_IGNORE_SEQ:
        return &type_ignore_desc[((const PylTypeIgnore *)node)->kind];
    case F_ARGUMENTS:
        return &arguments_desc;
    case F_ARG_OPT:
    case F_ARG_SEQ:
        return &arg_desc;
    case F_KEYWORD_SEQ:
        return &keyword_desc;
    case F_ALIAS_SEQ:
        return &alias_desc;
    case F_WITHITEM_SEQ:
        return &withitem_desc;
    case F_MATCH_CASE_SEQ:
        return &match_case_desc;
    case F_COMPREHENSION_SEQ:
        return &comprehension_desc;
    default:
        return NULL;
    }
}

static int is_seq(int kind)
{
    switch (kind) {
    case F_EXPR_SEQ:
    case F_STMT_SEQ:
    case F_PATTERN_SEQ:
    case F_ARG_SEQ:
    case F_KEYWORD_SEQ:
    case F_ALIAS_SEQ:
    case F_WITHITEM_SEQ:
    case F_MATCH_CASE_SEQ:
    case F_EXCEPTHANDLER_SEQ:
    case F_COMPREHENSION_SEQ:
    case F_TYPE_IGNORE_SEQ:
    case F_IDENTIFIER_SEQ:
    case F_CMPOP_SEQ:
        return 1;
    default:
        return 0;
    }
}

/* Prints one node (ast.dump's _format for an AST instance); level as there. */
static void dump_node(Dumper *d, const NodeDesc *nd, const void *node, int level)
{
    static const char *const attr_names[4] = {"lineno", "col_offset", "end_lineno",
                                              "end_col_offset"};
    level++;
    int nargs = 0, allsimple = 1;
    for (int i = 0; i < nd->nfields; i++) {
        const FieldDesc *fd = &nd->f[i];
        if (!omitted(fd, node)) {
            nargs++;
            allsimple = allsimple && simple_value(d, fd->kind, (const char *)node + fd->offset);
        }
    }
    int attrs = d->attrs && nd->pos >= 0;
    if (attrs) {
        nargs += 4;
    }
    int one_line = allsimple && nargs <= 3;
    fprintf(d->out, "%s(", nd->name);
    int first = 1;
    for (int i = 0; i < nd->nfields; i++) {
        const FieldDesc *fd = &nd->f[i];
        if (omitted(fd, node)) {
            continue;
        }
        if (one_line) {
            fputs(first ? "" : ", ", d->out);
        } else {
            fputs(first ? "" : ",", d->out);
            indent(d, level);
        }
        first = 0;
        fprintf(d->out, "%s=", fd->name);
        dump_value(d, fd->kind, (const char *)node + fd->offset, level);
    }
    if (attrs) {
        const int *p = (const int *)((const char *)node + nd->pos);
        for (int i = 0; i < 4; i++) {
            if (one_line) {
                fputs(first ? "" : ", ", d->out);
            } else {
                fputs(first ? "" : ",", d->out);
                indent(d, level);
            }
            first = 0;
            fprintf(d->out, "%s=%d", attr_names[i], p[i]);
        }
    }
    fputc(')', d->out);
}

static void dump_list(Dumper *d, int kind, const void *field, int level)
{
    const PylExprSeq *seq = field; /* all sequences share this layout */
    level++;
    if (seq->n == 0) {
        fputs("[]", d->out);
        return;
    }
    fputc('[', d->out);
    for (int i = 0; i < seq->n; i++) {
        if (i) {
            fputc(',', d->out);
        }
        indent(d, level);
        switch (kind) {
        case F_IDENTIFIER_SEQ:
            repr_str(d->out, ((const PylIdentSeq *)field)->items[i]);
            break;
        case F_CMPOP_SEQ:
            fprintf(d->out, "%s()", cmpop_names[((const PylIntSeq *)field)->items[i]]);
            break;
        default: {
            const void *item = seq->items[i];
            if (!item) {
                fputs("None", d->out);
            } else {
                dump_node(d, desc_of(kind, item), item, level);
            }
        }
        }
    }
    fputc(']', d->out);
}

static void dump_value(Dumper *d, int kind, const void *field, int level)
{
    switch (kind) {
    case F_EXPR:
    case F_EXPR_OPT:
    case F_PATTERN:
    case F_PATTERN_OPT:
    case F_ARG_OPT:
    case F_ARGUMENTS: {
        const void *node = *(const void *const *)field;
        if (!node) {
            fputs("None", d->out);
            return;
        }
        dump_node(d, desc_of(kind, node), node, level);
        return;
    }
    case F_IDENT:
    case F_IDENT_OPT:
    case F_STRING:
    case F_STRING_OPT: {
        const char *s = *(const char *const *)field;
        if (s) {
            repr_str(d->out, s);
        } else {
            fputs("None", d->out);
        }
        return;
    }
    case F_INT:
        fprintf(d->out, "%d", *(const int *)field);
        return;
    case F_CONST:
        repr_const(d->out, field);
        return;
    case F_EXPR_CONTEXT:
        fprintf(d->out, "%s()", ctx_names[*(const int *)field]);
        return;
    case F_BOOLOP:
        fprintf(d->out, "%s()", boolop_names[*(const int *)field]);
        return;
    case F_OPERATOR:
        fprintf(d->out, "%s()", operator_names[*(const int *)field]);
        return;
    case F_UNARYOP:
        fprintf(d->out, "%s()", unaryop_names[*(const int *)field]);
        return;
    default:
        dump_list(d, kind, field, level);
        return;
    }
}

/* Whether the tree below node (at depth) nests deeper than PYL_AST_DUMP_MAX_DEPTH.
 * Bounded recursion: it stops at the limit. */
static int too_deep(const NodeDesc *nd, const void *node, int depth)
{
    if (depth > PYL_AST_DUMP_MAX_DEPTH) {
        return 1;
    }
    for (int i = 0; i < nd->nfields; i++) {
        const FieldDesc *fd = &nd->f[i];
        const void *field = (const char *)node + fd->offset;
        switch (fd->kind) {
        case F_EXPR:
        case F_EXPR_OPT:
        case F_PATTERN:
        case F_PATTERN_OPT:
        case F_ARG_OPT:
        case F_ARGUMENTS: {
            const void *child = *(const void *const *)field;
            if (child && too_deep(desc_of(fd->kind, child), child, depth + 1)) {
                return 1;
            }
            break;
        }
        case F_IDENTIFIER_SEQ:
        case F_CMPOP_SEQ:
            break;
        default:
            if (is_seq(fd->kind)) {
                const PylExprSeq *seq = field; /* all node sequences share this layout */
                for (int k = 0; k < seq->n; k++) {
                    const void *child = seq->items[k];
                    if (child && too_deep(desc_of(fd->kind, child), child, depth + 1)) {
                        return 1;
                    }
                }
            }
            break;
        }
    }
    return 0;
}

int pyl_ast_dump(FILE *out, const PylMod *m, int include_attributes)
{
    Dumper d = {out, include_attributes};
    if (too_deep(&mod_desc[m->kind], m, 0)) {
        return -1;
    }
    dump_node(&d, &mod_desc[m->kind], m, 0);
    fputc('\n', out);
    return 0;
}
