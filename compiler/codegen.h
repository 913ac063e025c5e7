/* codegen.h — the state shared by the code generator (compile.c) and the
 * assembler (assemble.c). Internal to compiler/.
 *
 * The generator emits a list of instructions per code unit with symbolic jump
 * targets (labels). Each instruction is stamped with the exception handler in
 * force when it was emitted (a label, or -1); SETUP pseudo-instructions mark
 * where a handler's protected region starts, so the assembler's stack-depth
 * pass learns the depth the handler runs at. The assembler then lays the code
 * out, resolves labels, builds the exception table and the code object.
 */
#ifndef PYL_CODEGEN_H
#define PYL_CODEGEN_H

#include "compiler/ast.h"
#include "compiler/symtable.h"
#include "vm/code.h"
#include "vm/core.h"

/* Pseudo opcodes (never in the final code). */
enum { PSEUDO_SETUP = 250 /* arg = handler label, lasti flag in `flag` */ };

typedef struct PylInstr {
    uint16_t op;
    uint8_t flag; /* SETUP: push lasti before the exception */
    int arg;
    int label;   /* jump target label, or -1 */
    int handler; /* exception handler label in force, or -1 */
    PylLocation loc;
} PylInstr;

typedef enum {
    FB_WHILE,
    FB_FOR,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_HANDLER_CLEANUP,
    FB_EXCEPTION_HANDLER,
    FB_POP_VALUE,
} PylFBlockKind;

typedef struct PylFBlock {
    PylFBlockKind kind;
    int start, exit;   /* labels (loops: continue / break targets) */
    int handler;       /* the handler label in force inside the block */
    int outer_handler; /* the handler in force outside it */
    const void *datum; /* FINALLY_TRY: the finally body (PylStmtSeq *); HANDLER_CLEANUP: name */
    PylLocation loc;
} PylFBlock;

typedef struct PylUnit {
    struct PylUnit *parent;
    PylScope *scope;
    PylInstr *instrs;
    int ninstrs, capinstrs;
    int *labels; /* label -> instruction index, -1 until placed */
    int nlabels, caplabels;
    PylObject *consts;     /* list */
    PylObject *const_keys; /* dict: key -> index */
    PylObject *names;      /* list of interned str */
    PylObject *name_index; /* dict: str -> index */
    const char **lp_names; /* localsplus names */
    uint8_t *lp_kinds;
    int nlocalsplus, nlocals, ncells, nfrees;
    int cur_handler;
    PylLocation loc;
    PylFBlock fblocks[64];
    int nfblocks;
    int firstlineno;
    PylObject *name, *qualname;
    int argcount, posonlyargcount, kwonlyargcount, flags;
} PylUnit;

typedef struct PylCompiler {
    PylThread *t;
    PylArena *arena;
    PylSymtable st;
    PylUnit *u;
    const char *filename;
    PylObject *filename_obj;
    PylObject *source_lines; /* for tracebacks of code not read from a file */
    PylSyntaxError *err;
    bool failed; /* an error is reported (err filled or exception set) */
    bool syntax; /* ... and it is a SyntaxError in *err */
    bool interactive;
    int depth; /* nesting of compile_expr, bounded by PYL_COMPILE_DEPTH */
} PylCompiler;

/* Deepest expression nesting compiled (a + a + ... + a nests to the left). */
#define PYL_COMPILE_DEPTH 2000

/* ---- the code generator's toolkit (compile.c), shared with compile_match.c ---- */

/* Errors: a SyntaxError at a source range (always returns false), or "a Python
 * exception is set on the thread" (returns false). Once c->failed is set every
 * emit is a no-op, so callers may check only at the end. */
PYL_INTERNAL bool pyl_cg_syntax_error(PylCompiler *c, int lineno, int col, int end_lineno,
                                      int end_col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
PYL_INTERNAL bool pyl_cg_py_error(PylCompiler *c);
#define SYNTAX_AT(c, node, ...)                                                                    \
    pyl_cg_syntax_error((c), (node)->lineno, (node)->col_offset, (node)->end_lineno,               \
                        (node)->end_col_offset, __VA_ARGS__)

/* Instructions: emit returns the instruction's index (or -1 after an error);
 * labels are created unplaced and placed before the next instruction emitted. */
PYL_INTERNAL int pyl_cg_emit(PylCompiler *c, int op, int arg);
PYL_INTERNAL void pyl_cg_emit_jump(PylCompiler *c, int op, int label);
PYL_INTERNAL int pyl_cg_new_label(PylCompiler *c);
PYL_INTERNAL void pyl_cg_place(PylCompiler *c, int label);
/* LOAD_CONST o (steals o; NULL = an exception is set) */
PYL_INTERNAL void pyl_cg_emit_const(PylCompiler *c, PylObject *o);
/* The instruction(s) for a comparison operator (CMP_Eq ... CMP_NotIn). */
PYL_INTERNAL void pyl_cg_emit_compare(PylCompiler *c, int cmp);
/* Index of a constant in the unit's consts (steals o) / of a name in its names. */
PYL_INTERNAL int pyl_cg_add_const(PylCompiler *c, PylObject *o);
PYL_INTERNAL int pyl_cg_add_name(PylCompiler *c, const char *name);
/* The source position stamped on the instructions emitted next. */
PYL_INTERNAL void pyl_cg_set_loc(PylCompiler *c, int lineno, int col, int end_lineno, int end_col);
#define SET_LOC(c, node)                                                                           \
    pyl_cg_set_loc((c), (node)->lineno, (node)->col_offset, (node)->end_lineno,                    \
                   (node)->end_col_offset)

/* Code for an expression (leaves its value on the stack), for statements, for
 * storing TOS into a target, and for loading/storing/deleting a name. */
PYL_INTERNAL bool pyl_cg_expr(PylCompiler *c, PylExpr *e);
PYL_INTERNAL bool pyl_cg_stmts(PylCompiler *c, PylStmtSeq *seq);
PYL_INTERNAL bool pyl_cg_store(PylCompiler *c, PylExpr *target);
/* Jump to label when e's truth equals cond (and/or/not/comparisons short-cut). */
PYL_INTERNAL bool pyl_cg_jump_if(PylCompiler *c, PylExpr *e, int label, bool cond);
PYL_INTERNAL void pyl_cg_nameop(PylCompiler *c, const char *name, PylExprContext ctx);

/* Shared between compile.c (units, names, statements) and compile_expr.c. */
PYL_INTERNAL PylObject *pyl_cg_const_object(PylCompiler *c, const PylConst *k); /* new */
PYL_INTERNAL PylObject *pyl_cg_intern(PylCompiler *c, const char *name);        /* new */
PYL_INTERNAL int pyl_cg_attr_name(PylCompiler *c, const char *attr); /* mangled, in names */
PYL_INTERNAL bool pyl_cg_unit_enter(PylCompiler *c, PylScope *scope, const char *name,
                                    int firstlineno);
PYL_INTERNAL PylObject *pyl_cg_unit_exit(PylCompiler *c); /* the unit's code object */
/* MAKE_FUNCTION for code (steals it), with its closure when it has free vars. */
PYL_INTERNAL void pyl_cg_make_function(PylCompiler *c, PylObject *code, int flags);
/* def / lambda: defaults and decorators in this unit, the body in a new one. */
PYL_INTERNAL bool pyl_cg_function_body(PylCompiler *c, const void *node, const char *name,
                                       PylArguments *args, PylStmtSeq *body, PylExpr *expr_body,
                                       int lineno, PylExprSeq *decorators, PylExpr *returns);
PYL_INTERNAL bool pyl_cg_exprs(PylCompiler *c, PylExprSeq *seq);
PYL_INTERNAL bool pyl_cg_has_starred(PylExprSeq *seq);
PYL_INTERNAL int pyl_cg_binop(int ast_op); /* BINARY_OP's argument for an AST operator */
/* name=value keywords of a call: values pushed, KW_NAMES emitted; *nkw set. */
PYL_INTERNAL bool pyl_cg_push_keywords(PylCompiler *c, PylKeywordSeq *kws, int *nkw);
/* The CALL_FUNCTION_EX that follows a positional-argument tuple. */
PYL_INTERNAL bool pyl_cg_call_function_ex(PylCompiler *c, PylKeywordSeq *kws);
PYL_INTERNAL bool pyl_cg_delete(PylCompiler *c, PylExpr *target);

/* A match statement (compile_match.c). */
PYL_INTERNAL bool pyl_cg_match(PylCompiler *c, PylStmt *s);

/* Assemble the current unit into a code object (new reference) or NULL. */
PYL_INTERNAL PylObject *pyl_assemble(PylCompiler *c, PylUnit *u);

#endif
