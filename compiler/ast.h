/* ast.h — the abstract syntax tree: Python 3.11's ast module (Parser/Python.asdl)
 * as C structs. The parser builds it, the symbol table and the compiler read it,
 * pyl_ast_dump prints it like ast.dump.
 *
 * Conventions (follow them and the ASDL reads as the C):
 *  - one struct per ASDL type: PylMod, PylStmt, PylExpr, PylPattern,
 *    PylExcepthandler, PylTypeIgnore (sum types) and PylArguments, PylArg,
 *    PylKeyword, PylAlias, PylWithitem, PylMatchCase, PylComprehension (products);
 *  - a sum type has `kind` (MOD_Module, STMT_FunctionDef, EXPR_BinOp, PAT_MatchAs,
 *    EXCEPTHANDLER_ExceptHandler ...: prefix + constructor name) and a union `v`
 *    with one struct per constructor named after it, whose members are the ASDL
 *    fields verbatim: e->v.BinOp.left, s->v.Try.handlers, e->v.Name.id;
 *    a product type has its fields directly: k->arg, a->posonlyargs;
 *  - `T*` fields are sequences embedded by value, struct { int n; T **items; }:
 *    PylExprSeq, PylStmtSeq, ... plus PylIdentSeq (const char **items) and
 *    PylIntSeq (int *items: Compare.ops, holding PylCmpop values). n may be 0
 *    (items may then be NULL). Dict.keys holds NULL for a `**d` entry and
 *    arguments.kw_defaults holds NULL for a keyword-only argument without default;
 *  - `T?` fields are NULL when absent; `int?` (ImportFrom.level) is always set;
 *  - identifiers and strings are NUL-terminated UTF-8 in the arena (equal ones
 *    compare equal with strcmp; the same pointer is not guaranteed); non-ASCII
 *    identifiers are NFKC-normalised, as CPython does (PEP 3131);
 *  - nodes with attributes carry lineno, col_offset, end_lineno, end_col_offset
 *    exactly as CPython sets them: 1-based lines, 0-based columns in UTF-8 bytes;
 *  - enums of operators start at 1, as in CPython: OP_Add .. OP_FloorDiv,
 *    UOP_Invert .., BOOL_And, BOOL_Or, CMP_Eq .. CMP_NotIn, CTX_Load .. CTX_Del.
 *
 * Everything (nodes, sequences, strings) lives in one PylArena, freed at once.
 * Nothing here depends on the VM: a Constant's value is a PylConst (below).
 */
#ifndef PYL_AST_H
#define PYL_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "compiler/token.h"

/* ---- arena ------------------------------------------------------------- */

/* A bump allocator: memory comes from malloc'd chunks and is released only by
 * pyl_arena_free. Allocations are zeroed and 8-byte aligned. */
typedef struct PylArena PylArena;

PYL_INTERNAL PylArena *pyl_arena_new(void); /* NULL when out of memory */
PYL_INTERNAL void pyl_arena_free(PylArena *a);
/* n zeroed bytes, or NULL when out of memory. */
PYL_INTERNAL void *pyl_arena_alloc(PylArena *a, size_t n);
/* A NUL-terminated copy of s[0..n) (s may contain NULs), or NULL. */
PYL_INTERNAL char *pyl_arena_strndup(PylArena *a, const char *s, size_t n);

/* ---- nodes ------------------------------------------------------------- */

typedef struct PylMod PylMod;
typedef struct PylStmt PylStmt;
typedef struct PylExpr PylExpr;
typedef struct PylPattern PylPattern;
typedef struct PylExcepthandler PylExcepthandler;
typedef struct PylTypeIgnore PylTypeIgnore;
typedef struct PylArguments PylArguments;
typedef struct PylArg PylArg;
typedef struct PylKeyword PylKeyword;
typedef struct PylAlias PylAlias;
typedef struct PylWithitem PylWithitem;
typedef struct PylMatchCase PylMatchCase;
typedef struct PylComprehension PylComprehension;

#define PYL_AST_SEQ_(T)                                                                            \
    typedef struct T##Seq {                                                                        \
        int n;                                                                                     \
        T **items;                                                                                 \
    } T##Seq
PYL_AST_SEQ_(PylStmt);
PYL_AST_SEQ_(PylExpr);
PYL_AST_SEQ_(PylPattern);
PYL_AST_SEQ_(PylExcepthandler);
PYL_AST_SEQ_(PylTypeIgnore);
PYL_AST_SEQ_(PylArg);
PYL_AST_SEQ_(PylKeyword);
PYL_AST_SEQ_(PylAlias);
PYL_AST_SEQ_(PylWithitem);
PYL_AST_SEQ_(PylMatchCase);
PYL_AST_SEQ_(PylComprehension);
#undef PYL_AST_SEQ_

typedef struct PylIdentSeq {
    int n;
    const char **items;
} PylIdentSeq;

typedef struct PylIntSeq {
    int n;
    int *items;
} PylIntSeq;

typedef enum PylExprContext {
    CTX_Load = 1,
    CTX_Store = 2,
    CTX_Del = 3,
} PylExprContext;

typedef enum PylBoolop {
    BOOL_And = 1,
    BOOL_Or = 2,
} PylBoolop;

typedef enum PylOperator {
    OP_Add = 1,
    OP_Sub = 2,
    OP_Mult = 3,
    OP_MatMult = 4,
    OP_Div = 5,
    OP_Mod = 6,
    OP_Pow = 7,
    OP_LShift = 8,
    OP_RShift = 9,
    OP_BitOr = 10,
    OP_BitXor = 11,
    OP_BitAnd = 12,
    OP_FloorDiv = 13,
} PylOperator;

typedef enum PylUnaryop {
    UOP_Invert = 1,
    UOP_Not = 2,
    UOP_UAdd = 3,
    UOP_USub = 4,
} PylUnaryop;

typedef enum PylCmpop {
    CMP_Eq = 1,
    CMP_NotEq = 2,
    CMP_Lt = 3,
    CMP_LtE = 4,
    CMP_Gt = 5,
    CMP_GtE = 6,
    CMP_Is = 7,
    CMP_IsNot = 8,
    CMP_In = 9,
    CMP_NotIn = 10,
} PylCmpop;

typedef enum PylModKind {
    MOD_Module = 1,
    MOD_Interactive = 2,
    MOD_Expression = 3,
    MOD_FunctionType = 4,
} PylModKind;

typedef enum PylStmtKind {
    STMT_FunctionDef = 1,
    STMT_AsyncFunctionDef = 2,
    STMT_ClassDef = 3,
    STMT_Return = 4,
    STMT_Delete = 5,
    STMT_Assign = 6,
    STMT_AugAssign = 7,
    STMT_AnnAssign = 8,
    STMT_For = 9,
    STMT_AsyncFor = 10,
    STMT_While = 11,
    STMT_If = 12,
    STMT_With = 13,
    STMT_AsyncWith = 14,
    STMT_Match = 15,
    STMT_Raise = 16,
    STMT_Try = 17,
    STMT_TryStar = 18,
    STMT_Assert = 19,
    STMT_Import = 20,
    STMT_ImportFrom = 21,
    STMT_Global = 22,
    STMT_Nonlocal = 23,
    STMT_Expr = 24,
    STMT_Pass = 25,
    STMT_Break = 26,
    STMT_Continue = 27,
} PylStmtKind;

typedef enum PylExprKind {
    EXPR_BoolOp = 1,
    EXPR_NamedExpr = 2,
    EXPR_BinOp = 3,
    EXPR_UnaryOp = 4,
    EXPR_Lambda = 5,
    EXPR_IfExp = 6,
    EXPR_Dict = 7,
    EXPR_Set = 8,
    EXPR_ListComp = 9,
    EXPR_SetComp = 10,
    EXPR_DictComp = 11,
    EXPR_GeneratorExp = 12,
    EXPR_Await = 13,
    EXPR_Yield = 14,
    EXPR_YieldFrom = 15,
    EXPR_Compare = 16,
    EXPR_Call = 17,
    EXPR_FormattedValue = 18,
    EXPR_JoinedStr = 19,
    EXPR_Constant = 20,
    EXPR_Attribute = 21,
    EXPR_Subscript = 22,
    EXPR_Starred = 23,
    EXPR_Name = 24,
    EXPR_List = 25,
    EXPR_Tuple = 26,
    EXPR_Slice = 27,
} PylExprKind;

typedef enum PylPatternKind {
    PAT_MatchValue = 1,
    PAT_MatchSingleton = 2,
    PAT_MatchSequence = 3,
    PAT_MatchMapping = 4,
    PAT_MatchClass = 5,
    PAT_MatchStar = 6,
    PAT_MatchAs = 7,
    PAT_MatchOr = 8,
} PylPatternKind;

typedef enum PylExcepthandlerKind {
    EXCEPTHANDLER_ExceptHandler = 1,
} PylExcepthandlerKind;

typedef enum PylTypeIgnoreKind {
    TYPEIGNORE_TypeIgnore = 1,
} PylTypeIgnoreKind;

/* The value of a Constant node (and of MatchSingleton), independent of the VM.
 *
 *   CONST_NONE/TRUE/FALSE/ELLIPSIS  no payload
 *   CONST_INT      v.digits: the value in normalised decimal ("0", "255",
 *                  "1000000"; never a sign: literals are not negative)
 *   CONST_FLOAT    v.d
 *   CONST_COMPLEX  v.d is the imaginary part (a literal has no real part)
 *   CONST_STR      v.bytes[0..len): the decoded text in UTF-8; it may hold NULs
 *                  and lone surrogates (U+D800..U+DFFF as 3-byte sequences, as
 *                  from "\ud800"); NUL-terminated
 *   CONST_BYTES    v.bytes[0..len): the raw bytes; NUL-terminated
 */
typedef enum PylConstKind {
    CONST_NONE,
    CONST_TRUE,
    CONST_FALSE,
    CONST_ELLIPSIS,
    CONST_INT,
    CONST_FLOAT,
    CONST_COMPLEX,
    CONST_STR,
    CONST_BYTES,
} PylConstKind;

typedef struct PylConst {
    PylConstKind kind;
    size_t len; /* INT: strlen(digits); STR, BYTES: byte length */
    union {
        const char *digits;
        double d;
        const char *bytes;
    } v;
} PylConst;

struct PylMod {
    PylModKind kind;
    union {
        struct {
            PylStmtSeq body;
            PylTypeIgnoreSeq type_ignores;
        } Module;
        struct {
            PylStmtSeq body;
        } Interactive;
        struct {
            PylExpr *body;
        } Expression;
        struct {
            PylExprSeq argtypes;
            PylExpr *returns;
        } FunctionType;
    } v;
};

struct PylStmt {
    PylStmtKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct {
            const char *name;
            PylArguments *args;
            PylStmtSeq body;
            PylExprSeq decorator_list;
            PylExpr *returns;
            const char *type_comment;
        } FunctionDef;
        struct {
            const char *name;
            PylArguments *args;
            PylStmtSeq body;
            PylExprSeq decorator_list;
            PylExpr *returns;
            const char *type_comment;
        } AsyncFunctionDef;
        struct {
            const char *name;
            PylExprSeq bases;
            PylKeywordSeq keywords;
            PylStmtSeq body;
            PylExprSeq decorator_list;
        } ClassDef;
        struct {
            PylExpr *value;
        } Return;
        struct {
            PylExprSeq targets;
        } Delete;
        struct {
            PylExprSeq targets;
            PylExpr *value;
            const char *type_comment;
        } Assign;
        struct {
            PylExpr *target;
            PylOperator op;
            PylExpr *value;
        } AugAssign;
        struct {
            PylExpr *target;
            PylExpr *annotation;
            PylExpr *value;
            int simple;
        } AnnAssign;
        struct {
            PylExpr *target;
            PylExpr *iter;
            PylStmtSeq body;
            PylStmtSeq orelse;
            const char *type_comment;
        } For;
        struct {
            PylExpr *target;
            PylExpr *iter;
            PylStmtSeq body;
            PylStmtSeq orelse;
            const char *type_comment;
        } AsyncFor;
        struct {
            PylExpr *test;
            PylStmtSeq body;
            PylStmtSeq orelse;
        } While;
        struct {
            PylExpr *test;
            PylStmtSeq body;
            PylStmtSeq orelse;
        } If;
        struct {
            PylWithitemSeq items;
            PylStmtSeq body;
            const char *type_comment;
        } With;
        struct {
            PylWithitemSeq items;
            PylStmtSeq body;
            const char *type_comment;
        } AsyncWith;
        struct {
            PylExpr *subject;
            PylMatchCaseSeq cases;
        } Match;
        struct {
            PylExpr *exc;
            PylExpr *cause;
        } Raise;
        struct {
            PylStmtSeq body;
            PylExcepthandlerSeq handlers;
            PylStmtSeq orelse;
            PylStmtSeq finalbody;
        } Try;
        struct {
            PylStmtSeq body;
            PylExcepthandlerSeq handlers;
            PylStmtSeq orelse;
            PylStmtSeq finalbody;
        } TryStar;
        struct {
            PylExpr *test;
            PylExpr *msg;
        } Assert;
        struct {
            PylAliasSeq names;
        } Import;
        struct {
            const char *module;
            PylAliasSeq names;
            int level;
        } ImportFrom;
        struct {
            PylIdentSeq names;
        } Global;
        struct {
            PylIdentSeq names;
        } Nonlocal;
        struct {
            PylExpr *value;
        } Expr;
        struct {
            char unused_;
        } Pass;
        struct {
            char unused_;
        } Break;
        struct {
            char unused_;
        } Continue;
    } v;
};

struct PylExpr {
    PylExprKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct {
            PylBoolop op;
            PylExprSeq values;
        } BoolOp;
        struct {
            PylExpr *target;
            PylExpr *value;
        } NamedExpr;
        struct {
            PylExpr *left;
            PylOperator op;
            PylExpr *right;
        } BinOp;
        struct {
            PylUnaryop op;
            PylExpr *operand;
        } UnaryOp;
        struct {
            PylArguments *args;
            PylExpr *body;
        } Lambda;
        struct {
            PylExpr *test;
            PylExpr *body;
            PylExpr *orelse;
        } IfExp;
        struct {
            PylExprSeq keys;
            PylExprSeq values;
        } Dict;
        struct {
            PylExprSeq elts;
        } Set;
        struct {
            PylExpr *elt;
            PylComprehensionSeq generators;
        } ListComp;
        struct {
            PylExpr *elt;
            PylComprehensionSeq generators;
        } SetComp;
        struct {
            PylExpr *key;
            PylExpr *value;
            PylComprehensionSeq generators;
        } DictComp;
        struct {
            PylExpr *elt;
            PylComprehensionSeq generators;
        } GeneratorExp;
        struct {
            PylExpr *value;
        } Await;
        struct {
            PylExpr *value;
        } Yield;
        struct {
            PylExpr *value;
        } YieldFrom;
        struct {
            PylExpr *left;
            PylIntSeq ops;
            PylExprSeq comparators;
        } Compare;
        struct {
            PylExpr *func;
            PylExprSeq args;
            PylKeywordSeq keywords;
        } Call;
        struct {
            PylExpr *value;
            int conversion;
            PylExpr *format_spec;
        } FormattedValue;
        struct {
            PylExprSeq values;
        } JoinedStr;
        struct {
            PylConst value;
            const char *kind;
        } Constant;
        struct {
            PylExpr *value;
            const char *attr;
            PylExprContext ctx;
        } Attribute;
        struct {
            PylExpr *value;
            PylExpr *slice;
            PylExprContext ctx;
        } Subscript;
        struct {
            PylExpr *value;
            PylExprContext ctx;
        } Starred;
        struct {
            const char *id;
            PylExprContext ctx;
        } Name;
        struct {
            PylExprSeq elts;
            PylExprContext ctx;
        } List;
        struct {
            PylExprSeq elts;
            PylExprContext ctx;
        } Tuple;
        struct {
            PylExpr *lower;
            PylExpr *upper;
            PylExpr *step;
        } Slice;
    } v;
};

struct PylPattern {
    PylPatternKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct {
            PylExpr *value;
        } MatchValue;
        struct {
            PylConst value;
        } MatchSingleton;
        struct {
            PylPatternSeq patterns;
        } MatchSequence;
        struct {
            PylExprSeq keys;
            PylPatternSeq patterns;
            const char *rest;
        } MatchMapping;
        struct {
            PylExpr *cls;
            PylPatternSeq patterns;
            PylIdentSeq kwd_attrs;
            PylPatternSeq kwd_patterns;
        } MatchClass;
        struct {
            const char *name;
        } MatchStar;
        struct {
            PylPattern *pattern;
            const char *name;
        } MatchAs;
        struct {
            PylPatternSeq patterns;
        } MatchOr;
    } v;
};

struct PylExcepthandler {
    PylExcepthandlerKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct {
            PylExpr *type;
            const char *name;
            PylStmtSeq body;
        } ExceptHandler;
    } v;
};

struct PylTypeIgnore {
    PylTypeIgnoreKind kind;
    union {
        struct {
            int lineno;
            const char *tag;
        } TypeIgnore;
    } v;
};

struct PylComprehension {
    PylExpr *target;
    PylExpr *iter;
    PylExprSeq ifs;
    int is_async;
};

struct PylArguments {
    PylArgSeq posonlyargs;
    PylArgSeq args;
    PylArg *vararg;
    PylArgSeq kwonlyargs;
    PylExprSeq kw_defaults;
    PylArg *kwarg;
    PylExprSeq defaults;
};

struct PylArg {
    const char *arg;
    PylExpr *annotation;
    const char *type_comment;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct PylKeyword {
    const char *arg;
    PylExpr *value;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct PylAlias {
    const char *name;
    const char *asname;
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct PylWithitem {
    PylExpr *context_expr;
    PylExpr *optional_vars;
};

struct PylMatchCase {
    PylPattern *pattern;
    PylExpr *guard;
    PylStmtSeq body;
};

/* ---- constructors -------------------------------------------------------- */

/* One per constructor / product type, named pyl_ast_ + the ASDL name; arguments
 * in ASDL order, then the position. NULL when out of memory. */
PYL_INTERNAL PylMod *pyl_ast_Module(PylArena *a, PylStmtSeq body, PylTypeIgnoreSeq type_ignores);
PYL_INTERNAL PylMod *pyl_ast_Interactive(PylArena *a, PylStmtSeq body);
PYL_INTERNAL PylMod *pyl_ast_Expression(PylArena *a, PylExpr *body);
PYL_INTERNAL PylMod *pyl_ast_FunctionType(PylArena *a, PylExprSeq argtypes, PylExpr *returns);
PYL_INTERNAL PylStmt *pyl_ast_FunctionDef(PylArena *a, const char *name, PylArguments *args,
                                          PylStmtSeq body, PylExprSeq decorator_list,
                                          PylExpr *returns, const char *type_comment, int lineno,
                                          int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_AsyncFunctionDef(PylArena *a, const char *name, PylArguments *args,
                                               PylStmtSeq body, PylExprSeq decorator_list,
                                               PylExpr *returns, const char *type_comment,
                                               int lineno, int col_offset, int end_lineno,
                                               int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_ClassDef(PylArena *a, const char *name, PylExprSeq bases,
                                       PylKeywordSeq keywords, PylStmtSeq body,
                                       PylExprSeq decorator_list, int lineno, int col_offset,
                                       int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Return(PylArena *a, PylExpr *value, int lineno, int col_offset,
                                     int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Delete(PylArena *a, PylExprSeq targets, int lineno, int col_offset,
                                     int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Assign(PylArena *a, PylExprSeq targets, PylExpr *value,
                                     const char *type_comment, int lineno, int col_offset,
                                     int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_AugAssign(PylArena *a, PylExpr *target, PylOperator op,
                                        PylExpr *value, int lineno, int col_offset, int end_lineno,
                                        int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_AnnAssign(PylArena *a, PylExpr *target, PylExpr *annotation,
                                        PylExpr *value, int simple, int lineno, int col_offset,
                                        int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_For(PylArena *a, PylExpr *target, PylExpr *iter, PylStmtSeq body,
                                  PylStmtSeq orelse, const char *type_comment, int lineno,
                                  int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_AsyncFor(PylArena *a, PylExpr *target, PylExpr *iter, PylStmtSeq body,
                                       PylStmtSeq orelse, const char *type_comment, int lineno,
                                       int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_While(PylArena *a, PylExpr *test, PylStmtSeq body, PylStmtSeq orelse,
                                    int lineno, int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_If(PylArena *a, PylExpr *test, PylStmtSeq body, PylStmtSeq orelse,
                                 int lineno, int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_With(PylArena *a, PylWithitemSeq items, PylStmtSeq body,
                                   const char *type_comment, int lineno, int col_offset,
                                   int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_AsyncWith(PylArena *a, PylWithitemSeq items, PylStmtSeq body,
                                        const char *type_comment, int lineno, int col_offset,
                                        int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Match(PylArena *a, PylExpr *subject, PylMatchCaseSeq cases,
                                    int lineno, int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Raise(PylArena *a, PylExpr *exc, PylExpr *cause, int lineno,
                                    int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Try(PylArena *a, PylStmtSeq body, PylExcepthandlerSeq handlers,
                                  PylStmtSeq orelse, PylStmtSeq finalbody, int lineno,
                                  int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_TryStar(PylArena *a, PylStmtSeq body, PylExcepthandlerSeq handlers,
                                      PylStmtSeq orelse, PylStmtSeq finalbody, int lineno,
                                      int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Assert(PylArena *a, PylExpr *test, PylExpr *msg, int lineno,
                                     int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Import(PylArena *a, PylAliasSeq names, int lineno, int col_offset,
                                     int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_ImportFrom(PylArena *a, const char *module, PylAliasSeq names,
                                         int level, int lineno, int col_offset, int end_lineno,
                                         int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Global(PylArena *a, PylIdentSeq names, int lineno, int col_offset,
                                     int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Nonlocal(PylArena *a, PylIdentSeq names, int lineno, int col_offset,
                                       int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Expr(PylArena *a, PylExpr *value, int lineno, int col_offset,
                                   int end_lineno, int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Pass(PylArena *a, int lineno, int col_offset, int end_lineno,
                                   int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Break(PylArena *a, int lineno, int col_offset, int end_lineno,
                                    int end_col_offset);
PYL_INTERNAL PylStmt *pyl_ast_Continue(PylArena *a, int lineno, int col_offset, int end_lineno,
                                       int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_BoolOp(PylArena *a, PylBoolop op, PylExprSeq values, int lineno,
                                     int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_NamedExpr(PylArena *a, PylExpr *target, PylExpr *value, int lineno,
                                        int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_BinOp(PylArena *a, PylExpr *left, PylOperator op, PylExpr *right,
                                    int lineno, int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_UnaryOp(PylArena *a, PylUnaryop op, PylExpr *operand, int lineno,
                                      int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Lambda(PylArena *a, PylArguments *args, PylExpr *body, int lineno,
                                     int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_IfExp(PylArena *a, PylExpr *test, PylExpr *body, PylExpr *orelse,
                                    int lineno, int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Dict(PylArena *a, PylExprSeq keys, PylExprSeq values, int lineno,
                                   int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Set(PylArena *a, PylExprSeq elts, int lineno, int col_offset,
                                  int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_ListComp(PylArena *a, PylExpr *elt, PylComprehensionSeq generators,
                                       int lineno, int col_offset, int end_lineno,
                                       int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_SetComp(PylArena *a, PylExpr *elt, PylComprehensionSeq generators,
                                      int lineno, int col_offset, int end_lineno,
                                      int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_DictComp(PylArena *a, PylExpr *key, PylExpr *value,
                                       PylComprehensionSeq generators, int lineno, int col_offset,
                                       int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_GeneratorExp(PylArena *a, PylExpr *elt,
                                           PylComprehensionSeq generators, int lineno,
                                           int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Await(PylArena *a, PylExpr *value, int lineno, int col_offset,
                                    int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Yield(PylArena *a, PylExpr *value, int lineno, int col_offset,
                                    int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_YieldFrom(PylArena *a, PylExpr *value, int lineno, int col_offset,
                                        int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Compare(PylArena *a, PylExpr *left, PylIntSeq ops,
                                      PylExprSeq comparators, int lineno, int col_offset,
                                      int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Call(PylArena *a, PylExpr *func, PylExprSeq args,
                                   PylKeywordSeq keywords, int lineno, int col_offset,
                                   int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_FormattedValue(PylArena *a, PylExpr *value, int conversion,
                                             PylExpr *format_spec, int lineno, int col_offset,
                                             int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_JoinedStr(PylArena *a, PylExprSeq values, int lineno, int col_offset,
                                        int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Constant(PylArena *a, PylConst value, const char *kind, int lineno,
                                       int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Attribute(PylArena *a, PylExpr *value, const char *attr,
                                        PylExprContext ctx, int lineno, int col_offset,
                                        int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Subscript(PylArena *a, PylExpr *value, PylExpr *slice,
                                        PylExprContext ctx, int lineno, int col_offset,
                                        int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Starred(PylArena *a, PylExpr *value, PylExprContext ctx, int lineno,
                                      int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Name(PylArena *a, const char *id, PylExprContext ctx, int lineno,
                                   int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_List(PylArena *a, PylExprSeq elts, PylExprContext ctx, int lineno,
                                   int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Tuple(PylArena *a, PylExprSeq elts, PylExprContext ctx, int lineno,
                                    int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExpr *pyl_ast_Slice(PylArena *a, PylExpr *lower, PylExpr *upper, PylExpr *step,
                                    int lineno, int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchValue(PylArena *a, PylExpr *value, int lineno, int col_offset,
                                            int end_lineno, int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchSingleton(PylArena *a, PylConst value, int lineno,
                                                int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchSequence(PylArena *a, PylPatternSeq patterns, int lineno,
                                               int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchMapping(PylArena *a, PylExprSeq keys, PylPatternSeq patterns,
                                              const char *rest, int lineno, int col_offset,
                                              int end_lineno, int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchClass(PylArena *a, PylExpr *cls, PylPatternSeq patterns,
                                            PylIdentSeq kwd_attrs, PylPatternSeq kwd_patterns,
                                            int lineno, int col_offset, int end_lineno,
                                            int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchStar(PylArena *a, const char *name, int lineno,
                                           int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchAs(PylArena *a, PylPattern *pattern, const char *name,
                                         int lineno, int col_offset, int end_lineno,
                                         int end_col_offset);
PYL_INTERNAL PylPattern *pyl_ast_MatchOr(PylArena *a, PylPatternSeq patterns, int lineno,
                                         int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylExcepthandler *pyl_ast_ExceptHandler(PylArena *a, PylExpr *type, const char *name,
                                                     PylStmtSeq body, int lineno, int col_offset,
                                                     int end_lineno, int end_col_offset);
PYL_INTERNAL PylTypeIgnore *pyl_ast_TypeIgnore(PylArena *a, int lineno, const char *tag);
PYL_INTERNAL PylComprehension *pyl_ast_comprehension(PylArena *a, PylExpr *target, PylExpr *iter,
                                                     PylExprSeq ifs, int is_async);
PYL_INTERNAL PylArguments *pyl_ast_arguments(PylArena *a, PylArgSeq posonlyargs, PylArgSeq args,
                                             PylArg *vararg, PylArgSeq kwonlyargs,
                                             PylExprSeq kw_defaults, PylArg *kwarg,
                                             PylExprSeq defaults);
PYL_INTERNAL PylArg *pyl_ast_arg(PylArena *a, const char *arg, PylExpr *annotation,
                                 const char *type_comment, int lineno, int col_offset,
                                 int end_lineno, int end_col_offset);
PYL_INTERNAL PylKeyword *pyl_ast_keyword(PylArena *a, const char *arg, PylExpr *value, int lineno,
                                         int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylAlias *pyl_ast_alias(PylArena *a, const char *name, const char *asname, int lineno,
                                     int col_offset, int end_lineno, int end_col_offset);
PYL_INTERNAL PylWithitem *pyl_ast_withitem(PylArena *a, PylExpr *context_expr,
                                           PylExpr *optional_vars);
PYL_INTERNAL PylMatchCase *pyl_ast_match_case(PylArena *a, PylPattern *pattern, PylExpr *guard,
                                              PylStmtSeq body);

/* ---- dump ------------------------------------------------------------------ */

/* Nesting depth beyond which pyl_ast_dump refuses (CPython's ast.dump raises
 * RecursionError on such trees, well before this). */
#define PYL_AST_DUMP_MAX_DEPTH 3000

/* Prints m as print(ast.dump(m, indent=2, include_attributes=...)) does in CPython
 * 3.11, newline included; str reprs use str.isprintable's rule (Unicode 14 tables).
 * Returns 0, or -1 (printing nothing) when the tree nests deeper than
 * PYL_AST_DUMP_MAX_DEPTH: the caller should report a RecursionError. */
PYL_INTERNAL int pyl_ast_dump(FILE *out, const PylMod *m, int include_attributes);

#endif
