/* parse_impl.h — what the parser's files (parser.c, parse_*.c) share: the parser
 * state, token access, memoisation, error raising and node helpers.
 *
 * The parser mirrors CPython 3.11's generated PEG parser:
 *  - tokens are fetched lazily into p->tokens; p->mark is the current position
 *    and p->fill the number fetched, which is also where a generic "invalid
 *    syntax" points (the furthest token any rule looked at);
 *  - a rule function returns its node on success (a rule yielding a sequence
 *    returns an arena-allocated PylXxxSeq *, possibly empty), NULL on failure;
 *    on failure it may leave p->mark anywhere: the caller resets;
 *  - p->error is CPython's error_indicator: an error has been raised (into
 *    *p->err) and every rule returns NULL at once from then on;
 *  - rules named invalid_* run only in the second pass (p->call_invalid_rules)
 *    when they are an alternative on their own, as CPython's generator gates
 *    them (dict's '{' invalid_double_starred_kvpairs '}' thus runs in the first
 *    pass too); they never succeed: they raise a specific error or fail;
 *  - a rule that matched but whose action yielded nothing fails without trying
 *    its later alternatives (as in the generated code).
 */
#ifndef PYL_PARSE_IMPL_H
#define PYL_PARSE_IMPL_H

#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include "compiler/ast.h"
#include "compiler/lexer.h"
#include "compiler/parser.h"

/* Rule-call depth at which parsing gives up (CPython's MAXSTACK). */
#define PYL_PARSE_MAXSTACK 6000

/* The start rule of a parser that reads one f-string replacement field. */
#define PYL_PARSE_FSTRING 10

typedef struct PylMemo {
    int type;
    int mark; /* where the rule ended */
    void *node;
    struct PylMemo *next;
} PylMemo;

typedef struct Parser {
    PylArena *arena;   /* the AST's */
    PylArena *scratch; /* tokens and memo entries, freed with the parser */
    PylLexer *lx;
    PylSyntaxError lexerr; /* errors the lexer raises land here first */
    PylToken **tokens;     /* malloc'd; the tokens themselves are in scratch */
    int fill, size, mark;
    int error;   /* an error has been raised (or memory ran out) */
    int err_set; /* *err holds that error */
    int call_invalid_rules;
    int level; /* rule-call depth */
    int mode;  /* PylParseMode or PYL_PARSE_FSTRING */
    int parsing_started;
    PylSyntaxError *err;
    PylToken *known_err_token;
    int starting_col_offset;                 /* f-string parsers: added to the columns of line 1 */
    int dont_imply_dedent, allow_incomplete; /* 'single' input for a REPL */
    int char_offsets; /* report error columns in characters (else bytes, as CPython does
                         for a file without a coding declaration) */
    const char *filename;
    const char *err_line; /* while raising: the error's text starts here, not at its
                             line (a line continuation after a multi-line token) */
    locale_t *c_locale;   /* the "C" locale for float literals, made on first use;
                           owned by the outermost parse, shared by f-string parsers */
} Parser;

/* Memoised rule ids. */
enum {
    MEMO_EXPRESSION = 1,
    MEMO_DISJUNCTION,
    MEMO_BITWISE_OR,
    MEMO_STAR_EXPRESSION,
    MEMO_T_PRIMARY,
    MEMO_STAR_TARGET,
    MEMO_TARGET_WITH_STAR_ATOM,
    MEMO_DEL_TARGET,
    MEMO_ARGUMENTS,
    MEMO_STRINGS,
    MEMO_CLOSED_PATTERN,
    MEMO_STAR_PATTERN,
    MEMO_BLOCK,
    MEMO_SIMPLE_STMT,
    MEMO_INVALID_NAMED_EXPRESSION,
    MEMO_ATOM,
    MEMO_ATOM_INVALID,
};

/* ---- tokens -------------------------------------------------------------- */

/* Fetches the next token into p->tokens (handling lexer errors as CPython's
 * tokenizer_error does). Returns 0, or -1 with p->error set. */
PYL_INTERNAL int pyl_parse_fill_token(Parser *p);

/* The token at p->mark, fetching it if needed; NULL on error. */
static inline PylToken *peek(Parser *p)
{
    if (p->mark == p->fill && pyl_parse_fill_token(p) < 0) {
        p->error = 1;
        return NULL;
    }
    return p->tokens[p->mark];
}

/* The token at p->mark if it has kind k (and then steps over it), else NULL. */
static inline PylToken *expect(Parser *p, PylTokKind k)
{
    PylToken *t = peek(p);
    if (!t || t->kind != k) {
        return NULL;
    }
    p->mark++;
    return t;
}

/* A NAME spelling the soft keyword kw. */
static inline PylToken *expect_soft(Parser *p, const char *kw)
{
    PylToken *t = peek(p);
    if (!t || t->kind != TOK_NAME) {
        return NULL;
    }
    size_t n = strlen(kw);
    if ((size_t)(t->end - t->start) != n || memcmp(t->start, kw, n) != 0) {
        return NULL;
    }
    p->mark++;
    return t;
}

/* Whether the next token has kind k (nothing consumed). */
static inline int next_is(Parser *p, PylTokKind k)
{
    PylToken *t = peek(p);
    return t && t->kind == k;
}

static inline int tok_is_soft(const PylToken *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->kind == TOK_NAME && (size_t)(t->end - t->start) == n && memcmp(t->start, kw, n) == 0;
}

/* `&&tok` in the grammar: the token, or the error "expected 'x'" right away. */
PYL_INTERNAL PylToken *pyl_parse_expect_forced(Parser *p, PylTokKind k, const char *spelling);
#define expect_forced pyl_parse_expect_forced

/* ---- rule bookkeeping ----------------------------------------------------- */

/* Every rule starts with ENTER and leaves through RETURN. */
PYL_INTERNAL int pyl_parse_stack_overflow(Parser *p);
#define ENTER                                                                                      \
    do {                                                                                           \
        if (++p->level > PYL_PARSE_MAXSTACK && pyl_parse_stack_overflow(p)) {                      \
            p->level--;                                                                            \
            return NULL;                                                                           \
        }                                                                                          \
        if (p->error) {                                                                            \
            p->level--;                                                                            \
            return NULL;                                                                           \
        }                                                                                          \
    } while (0)
#define RETURN(x)                                                                                  \
    do {                                                                                           \
        p->level--;                                                                                \
        return (x);                                                                                \
    } while (0)
/* After a failed alternative: stop on error, else rewind. */
#define NEXT_ALT(m)                                                                                \
    do {                                                                                           \
        if (p->error) {                                                                            \
            RETURN(NULL);                                                                          \
        }                                                                                          \
        p->mark = (m);                                                                             \
    } while (0)

/* Memo lookup at p->mark (fetching the token there): 1 and *res, p->mark set if
 * found; 0 if not; -1 on error. */
PYL_INTERNAL int pyl_parse_memo_get(Parser *p, int type, void **res);
PYL_INTERNAL void pyl_parse_memo_put(Parser *p, int mark, int type, void *node);
#define MEMO_CHECK(type, T)                                                                        \
    do {                                                                                           \
        void *memo_res_;                                                                           \
        int memo_r_ = pyl_parse_memo_get(p, (type), &memo_res_);                                   \
        if (memo_r_ != 0) {                                                                        \
            RETURN(memo_r_ < 0 ? NULL : (T)memo_res_);                                             \
        }                                                                                          \
    } while (0)

/* ---- positions ------------------------------------------------------------- */

typedef struct Pos {
    int lineno, col_offset, end_lineno, end_col_offset;
} Pos;

/* The span of a rule that started at token index start and ends before p->mark
 * (CPython's EXTRA: up to the last token that is not NEWLINE/INDENT/DEDENT). */
PYL_INTERNAL Pos pyl_parse_extra(Parser *p, int start);
#define EXTRA_AT(start) pyl_parse_extra(p, (start))
#define POS4(P) (P).lineno, (P).col_offset, (P).end_lineno, (P).end_col_offset

/* The last token before p->mark that is not NEWLINE/INDENT/DEDENT/ENDMARKER. */
PYL_INTERNAL PylToken *pyl_parse_last_nonwhite(Parser *p);

/* ---- errors ------------------------------------------------------------------ */

#define CURRENT_POS (-5)

/* _PyPegen_raise_error: at the last token fetched (or known_err_token). */
PYL_INTERNAL void *pyl_parse_raise(Parser *p, int kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* At a known place: 0-based byte columns (CURRENT_POS: where the lexer stands;
 * end_col -1: none), converted as CPython does. */
PYL_INTERNAL void *pyl_parse_raise_at(Parser *p, int kind, int lineno, int col, int end_lineno,
                                      int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
PYL_INTERNAL void *pyl_parse_nomem(Parser *p);

#define RAISE_SYNTAX_ERROR(...) pyl_parse_raise(p, PYL_SYNTAX_ERROR, __VA_ARGS__)
#define RAISE_INDENTATION_ERROR(...) pyl_parse_raise(p, PYL_INDENTATION_ERROR, __VA_ARGS__)
#define RAISE_KNOWN_LOCATION(a, ...)                                                               \
    pyl_parse_raise_at(p, PYL_SYNTAX_ERROR, (a)->lineno, (a)->col_offset, (a)->end_lineno,         \
                       (a)->end_col_offset, __VA_ARGS__)
#define RAISE_KNOWN_RANGE(a, b, ...)                                                               \
    pyl_parse_raise_at(p, PYL_SYNTAX_ERROR, (a)->lineno, (a)->col_offset, (b)->end_lineno,         \
                       (b)->end_col_offset, __VA_ARGS__)
#define RAISE_STARTING_FROM(a, ...)                                                                \
    pyl_parse_raise_at(p, PYL_SYNTAX_ERROR, (a)->lineno, (a)->col_offset, CURRENT_POS,             \
                       CURRENT_POS, __VA_ARGS__)

/* x, or NULL with a memory error raised when x is NULL. */
static inline void *check_mem(Parser *p, void *x)
{
    return x ? x : pyl_parse_nomem(p);
}
#define CHECK(x) check_mem(p, (x))

/* ---- growable arrays (arena-backed) ----------------------------------------- */

/* A sequence being built. Its first VEC_INLINE items live in the struct (on the
 * C stack: a rule that backtracks wastes nothing), later ones in the arena; a
 * Vec must not be copied once it has items. VEC_FINISH (AS_SEQ) gives the items
 * an exact-size home in the arena. */
#define VEC_INLINE 4
typedef struct Vec {
    void **items;
    int n, cap;
    void *inl[VEC_INLINE];
} Vec;

PYL_INTERNAL int pyl_parse_vec_push(Parser *p, Vec *v, void *x); /* -1: no memory */
/* The items in the arena (NULL if none or out of memory: check p->error). */
PYL_INTERNAL void **pyl_parse_vec_finish(Parser *p, Vec *v);
#define VEC_PUSH(v, x) pyl_parse_vec_push(p, (v), (x))
#define VEC_FINISH(v) pyl_parse_vec_finish(p, &(v))
#define AS_SEQ(T, v) ((T##Seq){(v).n, (T **)VEC_FINISH(v)})
#define SEQ1(T, x) pyl_parse_seq1_##T(p, (x))
PYL_INTERNAL PylExprSeq pyl_parse_seq1_PylExpr(Parser *p, PylExpr *x);
PYL_INTERNAL PylStmtSeq pyl_parse_seq1_PylStmt(Parser *p, PylStmt *x);

/* ---- node helpers (parser.c) ------------------------------------------------- */

/* An identifier from a NAME token (NFKC-normalised if not ASCII, as CPython). */
PYL_INTERNAL const char *pyl_parse_ident(Parser *p, const PylToken *t);
/* The same from text (a dotted name). */
PYL_INTERNAL const char *pyl_parse_ident_text(Parser *p, const char *s, size_t n);
/* NAME -> Name(id, Load); NULL if the next token is not a NAME. */
PYL_INTERNAL PylExpr *pyl_parse_name_token(Parser *p);
/* The same with another context (a target). */
PYL_INTERNAL PylExpr *pyl_parse_name_ctx(Parser *p, PylExprContext ctx);
/* Whether the next tokens are NAME and k (nothing consumed, both fetched as
 * `NAME k` would fetch them): lets a rule fail before building a Name. */
PYL_INTERNAL int pyl_parse_name_then(Parser *p, PylTokKind k);
/* A copy of e with ctx set (recursively for Tuple/List/Starred). */
PYL_INTERNAL PylExpr *pyl_parse_set_ctx(Parser *p, PylExpr *e, PylExprContext ctx);
PYL_INTERNAL const char *pyl_parse_expr_name(const PylExpr *e);
enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS };
PYL_INTERNAL void *pyl_parse_raise_invalid_target(Parser *p, int type, PylExpr *e);
PYL_INTERNAL int pyl_parse_is_legacy_name(const PylExpr *e);
PYL_INTERNAL PylArguments *pyl_parse_empty_arguments(Parser *p);

#define name_token pyl_parse_name_token
#define set_ctx pyl_parse_set_ctx
#define expr_name pyl_parse_expr_name

/* ---- rules shared between files ---------------------------------------------- */

#define expression_rule pyl_parse_expression_rule
#define expressions_rule pyl_parse_expressions_rule
#define star_expressions_rule pyl_parse_star_expressions_rule
#define star_expression_rule pyl_parse_star_expression_rule
#define star_named_expression_rule pyl_parse_star_named_expression_rule
#define star_named_expressions_rule pyl_parse_star_named_expressions_rule
#define named_expression_rule pyl_parse_named_expression_rule
#define disjunction_rule pyl_parse_disjunction_rule
#define bitwise_or_rule pyl_parse_bitwise_or_rule
#define yield_expr_rule pyl_parse_yield_expr_rule
#define arguments_rule pyl_parse_arguments_rule
#define star_targets_rule pyl_parse_star_targets_rule
#define star_target_rule pyl_parse_star_target_rule
#define single_target_rule pyl_parse_single_target_rule
#define single_subscript_attribute_target_rule pyl_parse_single_subscript_attribute_target_rule
#define del_targets_rule pyl_parse_del_targets_rule
#define strings_rule pyl_parse_strings_rule
#define list_rule pyl_parse_list_rule
#define tuple_rule pyl_parse_tuple_rule
#define genexp_rule pyl_parse_genexp_rule
#define for_if_clauses_rule pyl_parse_for_if_clauses_rule
#define attr_rule pyl_parse_attr_rule
#define slices_rule pyl_parse_slices_rule
#define t_primary_rule pyl_parse_t_primary_rule
#define statements_rule pyl_parse_statements_rule
#define block_rule pyl_parse_block_rule
#define match_stmt_rule pyl_parse_match_stmt_rule
#define number_token pyl_parse_number_token
#define fstring_rule pyl_parse_fstring_rule

PYL_INTERNAL PylExpr *expression_rule(Parser *p);
PYL_INTERNAL PylExpr *expressions_rule(Parser *p);
PYL_INTERNAL PylExpr *star_expressions_rule(Parser *p);
PYL_INTERNAL PylExpr *star_expression_rule(Parser *p);
PYL_INTERNAL PylExpr *star_named_expression_rule(Parser *p);
PYL_INTERNAL PylExprSeq *star_named_expressions_rule(Parser *p);
PYL_INTERNAL PylExpr *named_expression_rule(Parser *p);
PYL_INTERNAL PylExpr *disjunction_rule(Parser *p);
PYL_INTERNAL PylExpr *bitwise_or_rule(Parser *p);
PYL_INTERNAL PylExpr *yield_expr_rule(Parser *p);
PYL_INTERNAL PylExpr *arguments_rule(Parser *p); /* a Call holding args/keywords */
PYL_INTERNAL PylExpr *star_targets_rule(Parser *p);
PYL_INTERNAL PylExpr *star_target_rule(Parser *p);
PYL_INTERNAL PylExpr *single_target_rule(Parser *p);
PYL_INTERNAL PylExpr *single_subscript_attribute_target_rule(Parser *p);
PYL_INTERNAL PylExprSeq *del_targets_rule(Parser *p);
PYL_INTERNAL PylExpr *strings_rule(Parser *p);
PYL_INTERNAL PylExpr *list_rule(Parser *p);
PYL_INTERNAL PylExpr *tuple_rule(Parser *p);
PYL_INTERNAL PylExpr *genexp_rule(Parser *p);
PYL_INTERNAL PylComprehensionSeq *for_if_clauses_rule(Parser *p);
PYL_INTERNAL PylExpr *attr_rule(Parser *p);
PYL_INTERNAL PylExpr *slices_rule(Parser *p);
/* t_primary (memo): a primary followed by '.', '(' or '[' (the stem of a target) */
PYL_INTERNAL PylExpr *t_primary_rule(Parser *p);
/* t_lookahead: '(' | '[' | '.' (nothing consumed) */
PYL_INTERNAL int pyl_parse_t_lookahead(Parser *p);
PYL_INTERNAL PylStmtSeq *statements_rule(Parser *p);
PYL_INTERNAL PylStmtSeq *block_rule(Parser *p);
PYL_INTERNAL PylStmt *match_stmt_rule(Parser *p);
/* statement_newline (the start of 'single' input) */
PYL_INTERNAL PylStmtSeq *pyl_parse_statement_newline_rule(Parser *p);
/* params (lam = 0) / lambda_params (lam = 1) */
PYL_INTERNAL PylArguments *pyl_parse_params_rule(Parser *p, int lam);
PYL_INTERNAL PylArguments *pyl_parse_lambda_params_rule(Parser *p);
/* invalid_for_target: raises or fails */
PYL_INTERNAL void *pyl_parse_invalid_for_target_rule(Parser *p);
/* NUMBER -> Constant; NULL if the next token is not a NUMBER. */
PYL_INTERNAL PylExpr *number_token(Parser *p);
/* fstring: star_expressions (the start rule of an f-string field parser) */
PYL_INTERNAL PylExpr *fstring_rule(Parser *p);

/* parse_string.c: the Constant / JoinedStr for the STRING tokens [first, last]. */
PYL_INTERNAL PylExpr *pyl_parse_concat_strings(Parser *p, int first, int last);
/* parser.c: parses one f-string replacement field, src[0..len) being "(expr)"
 * whose first line is line `lineno` and whose line-1 columns are shifted by col. */
PYL_INTERNAL PylExpr *pyl_parse_fstring_expr(Parser *p, const char *src, size_t len, int lineno,
                                             int col);

#endif
