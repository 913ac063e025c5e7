/* parse_expr.c — the expression rules of the grammar: operators by precedence,
 * primaries and atoms, displays and comprehensions, call arguments, lambda, and
 * their invalid_* rules (targets are in parse_target.c). One function per
 * grammar rule (left-recursive rules become loops); see parse_impl.h.
 */
#include "compiler/parse_impl.h"

#include <stdint.h>

#define ARENA p->arena

static PylExpr *lambdef_rule(Parser *p);
static PylExpr *atom_rule(Parser *p);
static PylExpr *primary_rule(Parser *p);
static PylExpr *starred_expression_rule(Parser *p);
static PylExpr *assignment_expression_rule(Parser *p);
static PylExpr *invalid_named_expression_rule(Parser *p);
static PylExpr *kvpair_rule(Parser *p, PylExpr **value);

static PylExprSeq *new_expr_seq(Parser *p, Vec *v)
{
    PylExprSeq *s = CHECK(pyl_arena_alloc(ARENA, sizeof *s));
    if (s) {
        *s = AS_SEQ(PylExpr, *v);
    }
    return s;
}

/* A sequence of x followed by the items of rest (rest may be NULL). */
static PylExprSeq prepend(Parser *p, PylExpr *x, PylExprSeq *rest)
{
    Vec v = {0};
    VEC_PUSH(&v, x);
    for (int i = 0; rest && i < rest->n; i++) {
        VEC_PUSH(&v, rest->items[i]);
    }
    return AS_SEQ(PylExpr, v);
}

static PylExpr *const_expr(Parser *p, PylConstKind k, PylToken *t)
{
    PylConst c;
    memset(&c, 0, sizeof c);
    c.kind = k;
    return CHECK(pyl_ast_Constant(ARENA, c, NULL, t->lineno, t->col_offset, t->end_lineno,
                                  t->end_col_offset));
}

/* ---- expression lists ------------------------------------------------------------ */

/* expressions (star = 0) / star_expressions (star = 1):
 *     | X (',' X)+ [','] | X ',' | X */
static PylExpr *expr_list_rule(Parser *p, int star)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = star ? star_expression_rule(p) : expression_rule(p);
    if (!a) {
        NEXT_ALT(mark);
        RETURN(NULL);
    }
    Vec v = {0};
    if (VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    int comma = 0;
    for (;;) {
        int m = p->mark;
        if (!expect(p, TOK_COMMA)) {
            break;
        }
        comma = 1;
        PylExpr *b = star ? star_expression_rule(p) : expression_rule(p);
        if (!b) {
            NEXT_ALT(m);
            p->mark = m + 1; /* keep the trailing comma */
            break;
        }
        if (VEC_PUSH(&v, b) < 0) {
            RETURN(NULL);
        }
    }
    if (p->error) {
        RETURN(NULL);
    }
    if (!comma) {
        RETURN(a);
    }
    Pos P = EXTRA_AT(mark);
    RETURN(CHECK(pyl_ast_Tuple(ARENA, AS_SEQ(PylExpr, v), CTX_Load, POS4(P))));
}

PylExpr *expressions_rule(Parser *p)
{
    return expr_list_rule(p, 0);
}

PylExpr *star_expressions_rule(Parser *p)
{
    return expr_list_rule(p, 1);
}

/* star_expression (memo): '*' bitwise_or | expression */
PylExpr *star_expression_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_STAR_EXPRESSION, PylExpr *);
    int mark = p->mark;
    PylExpr *a, *res = NULL;
    if (expect(p, TOK_STAR) && (a = bitwise_or_rule(p))) {
        Pos P = EXTRA_AT(mark);
        res = CHECK(pyl_ast_Starred(ARENA, a, CTX_Load, POS4(P)));
        goto done;
    }
    NEXT_ALT(mark);
    if ((a = expression_rule(p))) {
        res = a;
        goto done;
    }
    NEXT_ALT(mark);
done:
    pyl_parse_memo_put(p, mark, MEMO_STAR_EXPRESSION, res);
    RETURN(res);
}

/* star_named_expressions: ','.star_named_expression+ [','] */
PylExprSeq *star_named_expressions_rule(Parser *p)
{
    ENTER;
    Vec v = {0};
    PylExpr *a = star_named_expression_rule(p);
    if (!a || VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && (a = star_named_expression_rule(p))) {
            if (VEC_PUSH(&v, a) < 0) {
                RETURN(NULL);
            }
            continue;
        }
        NEXT_ALT(m);
        break;
    }
    expect(p, TOK_COMMA);
    if (p->error) {
        RETURN(NULL);
    }
    RETURN(new_expr_seq(p, &v));
}

/* star_named_expression: '*' bitwise_or | named_expression */
PylExpr *star_named_expression_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_STAR) && (a = bitwise_or_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Starred(ARENA, a, CTX_Load, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(named_expression_rule(p));
}

/* assignment_expression: NAME ':=' ~ expression */
static PylExpr *assignment_expression_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b;
    if (pyl_parse_name_then(p, TOK_COLONEQUAL) && (a = pyl_parse_name_ctx(p, CTX_Store)) &&
        expect(p, TOK_COLONEQUAL)) {
        if ((b = expression_rule(p))) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_NamedExpr(ARENA, a, b, POS4(P))));
        }
        RETURN(NULL); /* cut */
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* named_expression:
 *     | assignment_expression | invalid_named_expression | expression !':=' */
PylExpr *named_expression_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = assignment_expression_rule(p))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        invalid_named_expression_rule(p);
        NEXT_ALT(mark);
    }
    if ((a = expression_rule(p)) && !next_is(p, TOK_COLONEQUAL)) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ---- expression ----------------------------------------------------------------------- */

static PylExpr *expression_without_invalid_rule(Parser *p);

/* invalid_expression:
 *     | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
 *     | disjunction 'if' disjunction !('else'|':') */
static void *invalid_expression_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b;
    PylToken *t = peek(p);
    if (!t) {
        RETURN(NULL);
    }
    int excluded = 0;
    if (t->kind == TOK_NAME) {
        /* SOFT_KEYWORD: CPython compares only the token's length of each soft
           keyword, so any prefix of "match", "case" or "_" ("c", "ma") counts */
        size_t n = (size_t)(t->end - t->start);
        static const char *const soft[] = {"_", "case", "match"};
        for (int i = 0; i < 3; i++) {
            if (strncmp(soft[i], t->start, n) == 0) {
                excluded = 1;
            }
        }
        if (!excluded) {
            p->mark++;
            excluded = next_is(p, TOK_STRING);
            p->mark = mark;
        }
    }
    if (p->error) {
        RETURN(NULL);
    }
    if (!excluded && (a = disjunction_rule(p)) && (b = expression_without_invalid_rule(p))) {
        if (pyl_parse_is_legacy_name(a) || p->tokens[p->mark - 1]->level == 0) {
            RETURN(NULL);
        }
        RETURN(RAISE_KNOWN_RANGE(a, b, "invalid syntax. Perhaps you forgot a comma?"));
    }
    NEXT_ALT(mark);
    if ((a = disjunction_rule(p)) && expect(p, TOK_KW_IF) && (b = disjunction_rule(p)) &&
        !next_is(p, TOK_KW_ELSE) && !next_is(p, TOK_COLON) && !p->error) {
        RETURN(RAISE_KNOWN_RANGE(a, b, "expected 'else' after 'if' expression"));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* invalid_legacy_expression: NAME !'(' star_expressions */
static void *invalid_legacy_expression_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b;
    if ((a = name_token(p)) && !next_is(p, TOK_LPAR) && !p->error &&
        (b = star_expressions_rule(p))) {
        if (pyl_parse_is_legacy_name(a)) {
            RETURN(RAISE_KNOWN_RANGE(a, b,
                                     "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                     a->v.Name.id, a->v.Name.id));
        }
        RETURN(NULL);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* The non-invalid alternatives of expression:
 *     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
static PylExpr *expression_alts(Parser *p, int mark)
{
    PylExpr *a, *b, *c;
    if ((a = disjunction_rule(p)) && expect(p, TOK_KW_IF) && (b = disjunction_rule(p)) &&
        expect(p, TOK_KW_ELSE) && (c = expression_rule(p))) {
        Pos P = EXTRA_AT(mark);
        return CHECK(pyl_ast_IfExp(ARENA, b, a, c, POS4(P)));
    }
    if (p->error) {
        return NULL;
    }
    p->mark = mark;
    if ((a = disjunction_rule(p))) {
        return a;
    }
    if (p->error) {
        return NULL;
    }
    p->mark = mark;
    if ((a = lambdef_rule(p))) {
        return a;
    }
    if (!p->error) {
        p->mark = mark;
    }
    return NULL;
}

/* expression (memo):
 *     | invalid_expression | invalid_legacy_expression
 *     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
PylExpr *expression_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_EXPRESSION, PylExpr *);
    int mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_expression_rule(p);
        NEXT_ALT(mark);
        invalid_legacy_expression_rule(p);
        NEXT_ALT(mark);
    }
    PylExpr *res = expression_alts(p, mark);
    if (p->error) {
        RETURN(NULL);
    }
    pyl_parse_memo_put(p, mark, MEMO_EXPRESSION, res);
    RETURN(res);
}

/* expression_without_invalid: expression's alternatives with the invalid rules
 * switched off below it */
static PylExpr *expression_without_invalid_rule(Parser *p)
{
    ENTER;
    int saved = p->call_invalid_rules;
    p->call_invalid_rules = 0;
    PylExpr *res = expression_alts(p, p->mark);
    p->call_invalid_rules = saved;
    RETURN(res);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
PylExpr *yield_expr_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_KW_YIELD) && expect(p, TOK_KW_FROM) && (a = expression_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_YieldFrom(ARENA, a, POS4(P))));
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_YIELD)) {
        int m = p->mark;
        a = star_expressions_rule(p);
        if (!a) {
            NEXT_ALT(m);
        }
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Yield(ARENA, a, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ---- boolean operators ---------------------------------------------------------------- */

static PylExpr *inversion_rule(Parser *p);

/* disjunction (memo): conjunction ('or' conjunction)+ | conjunction
 * conjunction (memo): inversion ('and' inversion)+ | inversion */
static PylExpr *boolop_rule(Parser *p, int is_or)
{
    ENTER;
    /* Only disjunction is memoised: conjunction is only reached through it. */
    if (is_or) {
        MEMO_CHECK(MEMO_DISJUNCTION, PylExpr *);
    }
    int mark = p->mark;
    PylExpr *a = is_or ? boolop_rule(p, 0) : inversion_rule(p), *res = a;
    if (a) {
        Vec v = {0};
        if (VEC_PUSH(&v, a) < 0) {
            RETURN(NULL);
        }
        for (;;) {
            int m = p->mark;
            PylExpr *b;
            if (expect(p, is_or ? TOK_KW_OR : TOK_KW_AND) &&
                (b = is_or ? boolop_rule(p, 0) : inversion_rule(p))) {
                if (VEC_PUSH(&v, b) < 0) {
                    RETURN(NULL);
                }
                continue;
            }
            NEXT_ALT(m);
            break;
        }
        if (v.n > 1) {
            Pos P = EXTRA_AT(mark);
            res = CHECK(
                pyl_ast_BoolOp(ARENA, is_or ? BOOL_Or : BOOL_And, AS_SEQ(PylExpr, v), POS4(P)));
        }
    }
    if (p->error) {
        RETURN(NULL);
    }
    if (is_or) {
        pyl_parse_memo_put(p, mark, MEMO_DISJUNCTION, res);
    }
    RETURN(res);
}

PylExpr *disjunction_rule(Parser *p)
{
    return boolop_rule(p, 1);
}

static PylExpr *comparison_rule(Parser *p);

/* inversion: 'not' inversion | comparison
 * (CPython memoises it; here it is only reached once per position, through the
 * memoised disjunction) */
static PylExpr *inversion_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_KW_NOT) && (a = inversion_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_UnaryOp(ARENA, UOP_Not, a, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(comparison_rule(p));
}

/* compare_op_bitwise_or_pair: one of '==' '!=' '<=' '<' '>=' '>' 'not' 'in' 'in'
 * 'is' 'not' 'is', then bitwise_or. Returns the operator or 0. */
static int compare_op(Parser *p)
{
    PylToken *t = peek(p);
    if (!t) {
        return 0;
    }
    int op = 0;
    switch (t->kind) {
    case TOK_EQEQUAL:
        op = CMP_Eq;
        break;
    case TOK_NOTEQUAL:
        /* "<>" is NOTEQUAL only under barry_as_FLUFL */
        if (t->start[0] == '<') {
            return 0;
        }
        op = CMP_NotEq;
        break;
    case TOK_LESSEQUAL:
        op = CMP_LtE;
        break;
    case TOK_LESS:
        op = CMP_Lt;
        break;
    case TOK_GREATEREQUAL:
        op = CMP_GtE;
        break;
    case TOK_GREATER:
        op = CMP_Gt;
        break;
    case TOK_KW_IN:
        op = CMP_In;
        break;
    case TOK_KW_NOT:
        p->mark++;
        if (next_is(p, TOK_KW_IN)) {
            p->mark++;
            return CMP_NotIn;
        }
        p->mark--;
        return 0;
    case TOK_KW_IS:
        p->mark++;
        if (next_is(p, TOK_KW_NOT)) {
            p->mark++;
            return CMP_IsNot;
        }
        return CMP_Is;
    default:
        return 0;
    }
    p->mark++;
    return op;
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
 * (not inlined into the recursive inversion: `not not ... x` would carry its
 * frame on every level) */
static PylExpr *__attribute__((noinline)) comparison_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = bitwise_or_rule(p);
    if (!a) {
        RETURN(NULL);
    }
    Vec ops = {0}, vals = {0};
    for (;;) {
        int m = p->mark;
        int op = compare_op(p);
        PylExpr *b;
        if (op && (b = bitwise_or_rule(p))) {
            if (VEC_PUSH(&ops, (void *)(intptr_t)op) < 0 || VEC_PUSH(&vals, b) < 0) {
                RETURN(NULL);
            }
            continue;
        }
        NEXT_ALT(m);
        break;
    }
    if (ops.n == 0) {
        RETURN(a);
    }
    PylIntSeq is = {ops.n, CHECK(pyl_arena_alloc(ARENA, (size_t)ops.n * sizeof(int)))};
    if (!is.items) {
        RETURN(NULL);
    }
    for (int i = 0; i < ops.n; i++) {
        is.items[i] = (int)(intptr_t)ops.items[i];
    }
    Pos P = EXTRA_AT(mark);
    RETURN(CHECK(pyl_ast_Compare(ARENA, a, is, AS_SEQ(PylExpr, vals), POS4(P))));
}

/* ---- binary operators (left-recursive rules as loops) ------------------------------------ */

/* Precedence levels from bitwise_or (0) down to term (5). */
enum { L_OR, L_XOR, L_AND, L_SHIFT, L_SUM, L_TERM };

static PylExpr *factor_rule(Parser *p);

/* The operator of level lv at the next token (consumed), or 0. */
static int binop_at(Parser *p, int lv)
{
    PylToken *t = peek(p);
    if (!t) {
        return 0;
    }
    int op = 0;
    switch (lv) {
    case L_OR:
        op = t->kind == TOK_VBAR ? OP_BitOr : 0;
        break;
    case L_XOR:
        op = t->kind == TOK_CIRCUMFLEX ? OP_BitXor : 0;
        break;
    case L_AND:
        op = t->kind == TOK_AMPER ? OP_BitAnd : 0;
        break;
    case L_SHIFT:
        op = t->kind == TOK_LEFTSHIFT ? OP_LShift : t->kind == TOK_RIGHTSHIFT ? OP_RShift : 0;
        break;
    case L_SUM:
        op = t->kind == TOK_PLUS ? OP_Add : t->kind == TOK_MINUS ? OP_Sub : 0;
        break;
    default:
        switch (t->kind) {
        case TOK_STAR:
            op = OP_Mult;
            break;
        case TOK_SLASH:
            op = OP_Div;
            break;
        case TOK_DOUBLESLASH:
            op = OP_FloorDiv;
            break;
        case TOK_PERCENT:
            op = OP_Mod;
            break;
        case TOK_AT:
            op = OP_MatMult;
            break;
        default:
            op = 0;
            break;
        }
    }
    if (op) {
        p->mark++;
    }
    return op;
}

/* bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
 * bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
 * bitwise_and: bitwise_and '&' shift_expr | shift_expr
 * shift_expr: shift_expr ('<<' | '>>') sum | sum
 * sum: sum ('+' | '-') term | term
 * term: term ('*' | '/' | '//' | '%' | '@') factor | factor */
static PylExpr *binop_rule(Parser *p, int lv)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = lv == L_TERM ? factor_rule(p) : binop_rule(p, lv + 1);
    if (!a) {
        RETURN(NULL);
    }
    for (;;) {
        int m = p->mark;
        int op = binop_at(p, lv);
        PylExpr *b;
        if (op && (b = lv == L_TERM ? factor_rule(p) : binop_rule(p, lv + 1))) {
            Pos P = EXTRA_AT(mark);
            a = CHECK(pyl_ast_BinOp(ARENA, a, (PylOperator)op, b, POS4(P)));
            if (!a) {
                RETURN(NULL);
            }
            continue;
        }
        NEXT_ALT(m);
        break;
    }
    RETURN(a);
}

/* bitwise_or (memo) */
PylExpr *bitwise_or_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_BITWISE_OR, PylExpr *);
    int mark = p->mark;
    PylExpr *res = binop_rule(p, L_OR);
    if (p->error) {
        RETURN(NULL);
    }
    pyl_parse_memo_put(p, mark, MEMO_BITWISE_OR, res);
    RETURN(res);
}

static PylExpr *await_primary_rule(Parser *p);

/* factor: '+' factor | '-' factor | '~' factor | power
 * power: await_primary '**' factor | await_primary
 * (not memoised: reached once per position, through the memoised bitwise_or) */
static PylExpr *factor_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b, *res = NULL;
    PylToken *t = peek(p);
    if (!t) {
        RETURN(NULL);
    }
    int uop = t->kind == TOK_PLUS    ? UOP_UAdd
              : t->kind == TOK_MINUS ? UOP_USub
              : t->kind == TOK_TILDE ? UOP_Invert
                                     : 0;
    if (uop) {
        p->mark++;
        if ((a = factor_rule(p))) {
            Pos P = EXTRA_AT(mark);
            res = CHECK(pyl_ast_UnaryOp(ARENA, (PylUnaryop)uop, a, POS4(P)));
            goto done;
        }
        NEXT_ALT(mark);
    }
    if ((a = await_primary_rule(p))) {
        int m = p->mark;
        if (expect(p, TOK_DOUBLESTAR) && (b = factor_rule(p))) {
            Pos P = EXTRA_AT(mark);
            res = CHECK(pyl_ast_BinOp(ARENA, a, OP_Pow, b, POS4(P)));
            goto done;
        }
        NEXT_ALT(m);
        res = a;
        goto done;
    }
    NEXT_ALT(mark);
done:
    if (p->error) {
        RETURN(NULL);
    }
    RETURN(res);
}

/* await_primary: AWAIT primary | primary  (not memoised, as factor) */
static PylExpr *await_primary_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_KW_AWAIT) && (a = primary_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Await(ARENA, a, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(primary_rule(p));
}

/* ---- primaries ------------------------------------------------------------------------ */

/* One trailer of a primary / t_primary: '.' NAME | genexp | '(' [arguments] ')' |
 * '[' slices ']', applied to a. Returns the new node or NULL (mark reset). */
static PylExpr *trailer(Parser *p, PylExpr *a, int start, int kind)
{
    int m = p->mark;
    PylToken *n;
    PylExpr *b;
    switch (kind) {
    case 0:
        if (expect(p, TOK_DOT) && (n = expect(p, TOK_NAME))) {
            const char *id = pyl_parse_ident(p, n);
            Pos P = EXTRA_AT(start);
            return id ? CHECK(pyl_ast_Attribute(ARENA, a, id, CTX_Load, POS4(P))) : NULL;
        }
        break;
    case 1:
        if ((b = genexp_rule(p))) {
            Pos P = EXTRA_AT(start);
            PylKeywordSeq none = {0, NULL};
            return CHECK(pyl_ast_Call(ARENA, a, SEQ1(PylExpr, b), none, POS4(P)));
        }
        break;
    case 2:
        if (expect(p, TOK_LPAR)) {
            int m2 = p->mark;
            b = arguments_rule(p);
            if (!b) {
                if (p->error) {
                    return NULL;
                }
                p->mark = m2;
            }
            if (expect(p, TOK_RPAR)) {
                Pos P = EXTRA_AT(start);
                PylExprSeq args = {0, NULL};
                PylKeywordSeq kws = {0, NULL};
                if (b) {
                    args = b->v.Call.args;
                    kws = b->v.Call.keywords;
                }
                return CHECK(pyl_ast_Call(ARENA, a, args, kws, POS4(P)));
            }
        }
        break;
    default:
        if (expect(p, TOK_LSQB) && (b = slices_rule(p)) && expect(p, TOK_RSQB)) {
            Pos P = EXTRA_AT(start);
            return CHECK(pyl_ast_Subscript(ARENA, a, b, CTX_Load, POS4(P)));
        }
        break;
    }
    if (!p->error) {
        p->mark = m;
    }
    return NULL;
}

/* primary:
 *     | primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *     | primary '[' slices ']' | atom */
static PylExpr *primary_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = atom_rule(p);
    if (!a) {
        NEXT_ALT(mark);
        RETURN(NULL);
    }
    for (;;) {
        PylExpr *b = NULL;
        for (int k = 0; k < 4 && !b; k++) {
            b = trailer(p, a, mark, k);
            if (p->error) {
                RETURN(NULL);
            }
        }
        if (!b) {
            break;
        }
        a = b;
    }
    RETURN(a);
}

/* t_lookahead: '(' | '[' | '.' */
int pyl_parse_t_lookahead(Parser *p)
{
    PylToken *t = peek(p);
    return t && (t->kind == TOK_LPAR || t->kind == TOK_LSQB || t->kind == TOK_DOT);
}

/* t_primary (memo):
 *     | t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
 *     | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
 *     | atom &t_lookahead */
PylExpr *t_primary_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_T_PRIMARY, PylExpr *);
    int mark = p->mark;
    PylExpr *a = atom_rule(p);
    if (!a || !pyl_parse_t_lookahead(p)) {
        if (p->error) {
            RETURN(NULL);
        }
        p->mark = mark;
        pyl_parse_memo_put(p, mark, MEMO_T_PRIMARY, NULL);
        RETURN(NULL);
    }
    static const int order[4] = {0, 3, 1, 2};
    for (;;) {
        PylExpr *b = NULL;
        for (int k = 0; k < 4 && !b; k++) {
            int m = p->mark;
            b = trailer(p, a, mark, order[k]);
            if (p->error) {
                RETURN(NULL);
            }
            if (b && !pyl_parse_t_lookahead(p)) {
                if (p->error) {
                    RETURN(NULL);
                }
                b = NULL;
                p->mark = m;
            }
        }
        if (!b) {
            break;
        }
        a = b;
    }
    pyl_parse_memo_put(p, mark, MEMO_T_PRIMARY, a);
    RETURN(a);
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static PylExpr *slice_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = expression_rule(p), *b = NULL, *c = NULL;
    if (!a) {
        NEXT_ALT(mark);
    }
    if (expect(p, TOK_COLON)) {
        int m = p->mark;
        if (!(b = expression_rule(p))) {
            NEXT_ALT(m);
        }
        m = p->mark;
        if (expect(p, TOK_COLON)) {
            int m2 = p->mark;
            if (!(c = expression_rule(p))) {
                NEXT_ALT(m2);
            }
        } else {
            NEXT_ALT(m);
        }
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Slice(ARENA, a, b, c, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(named_expression_rule(p));
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
PylExpr *slices_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = slice_rule(p);
    if (a && !next_is(p, TOK_COMMA)) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    Vec v = {0};
    for (;;) {
        int m = p->mark;
        PylExpr *e = slice_rule(p);
        if (!e) {
            NEXT_ALT(m);
            e = starred_expression_rule(p);
        }
        if (!e) {
            NEXT_ALT(m);
            if (v.n > 0) {
                p->mark = m - 1; /* give the separator back */
            }
            break;
        }
        if (VEC_PUSH(&v, e) < 0) {
            RETURN(NULL);
        }
        if (!expect(p, TOK_COMMA)) {
            break;
        }
    }
    if (p->error) {
        RETURN(NULL);
    }
    if (v.n == 0) {
        p->mark = mark;
        RETURN(NULL);
    }
    expect(p, TOK_COMMA);
    Pos P = EXTRA_AT(mark);
    RETURN(CHECK(pyl_ast_Tuple(ARENA, AS_SEQ(PylExpr, v), CTX_Load, POS4(P))));
}

/* ---- atoms ------------------------------------------------------------------------------- */

static PylExpr *group_rule(Parser *p);
static PylExpr *listcomp_rule(Parser *p);
static PylExpr *dict_rule(Parser *p);
static PylExpr *set_rule(Parser *p);
static PylExpr *dictcomp_rule(Parser *p);
static PylExpr *setcomp_rule(Parser *p);

/* atom:
 *     | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
 *     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
 *     | &'{' (dict | set | dictcomp | setcomp) | '...' */
static PylExpr *atom_alts(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *t = peek(p);
    if (!t) {
        RETURN(NULL);
    }
    PylExpr *a;
    switch (t->kind) {
    case TOK_NAME:
        RETURN(name_token(p));
    case TOK_KW_TRUE:
        p->mark++;
        RETURN(const_expr(p, CONST_TRUE, t));
    case TOK_KW_FALSE:
        p->mark++;
        RETURN(const_expr(p, CONST_FALSE, t));
    case TOK_KW_NONE:
        p->mark++;
        RETURN(const_expr(p, CONST_NONE, t));
    case TOK_ELLIPSIS:
        p->mark++;
        RETURN(const_expr(p, CONST_ELLIPSIS, t));
    case TOK_STRING:
        RETURN(strings_rule(p));
    case TOK_NUMBER:
        RETURN(number_token(p));
    case TOK_LPAR:
        if ((a = tuple_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        if ((a = group_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        if ((a = genexp_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        RETURN(NULL);
    case TOK_LSQB:
        if ((a = list_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        if ((a = listcomp_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        RETURN(NULL);
    case TOK_LBRACE:
        if ((a = dict_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        if ((a = set_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        if ((a = dictcomp_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        if ((a = setcomp_rule(p))) {
            RETURN(a);
        }
        NEXT_ALT(mark);
        RETURN(NULL);
    default:
        RETURN(NULL);
    }
}

/* atom, memoised (CPython does not memoise it; a memo keyed by the state of the
 * invalid rules cannot change what it yields). t_primary and primary both start
 * with it, so a statement's first atom (a big literal, say) is parsed once. */
static PylExpr *atom_rule(Parser *p)
{
    ENTER;
    int type = p->call_invalid_rules ? MEMO_ATOM_INVALID : MEMO_ATOM;
    MEMO_CHECK(type, PylExpr *);
    int mark = p->mark;
    PylExpr *res = atom_alts(p);
    if (p->error) {
        RETURN(NULL);
    }
    pyl_parse_memo_put(p, mark, type, res);
    RETURN(res);
}

/* strings (memo): STRING+ */
PylExpr *strings_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_STRINGS, PylExpr *);
    int mark = p->mark;
    while (expect(p, TOK_STRING)) {
    }
    if (p->error) {
        RETURN(NULL);
    }
    PylExpr *res = NULL;
    if (p->mark > mark) {
        res = pyl_parse_concat_strings(p, mark, p->mark - 1);
        if (p->error) {
            RETURN(NULL);
        }
    }
    pyl_parse_memo_put(p, mark, MEMO_STRINGS, res);
    RETURN(res);
}

/* group: '(' (yield_expr | named_expression) ')' | invalid_group
 * invalid_group: '(' starred_expression ')' | '(' '**' expression ')' */
static PylExpr *group_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_LPAR)) {
        int m = p->mark;
        a = yield_expr_rule(p);
        if (!a) {
            NEXT_ALT(m);
            a = named_expression_rule(p);
        }
        if (a && expect(p, TOK_RPAR)) {
            RETURN(a);
        }
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        PylToken *t;
        if (expect(p, TOK_LPAR) && (a = starred_expression_rule(p)) && expect(p, TOK_RPAR)) {
            RETURN(RAISE_KNOWN_LOCATION(a, "cannot use starred expression here"));
        }
        NEXT_ALT(mark);
        if (expect(p, TOK_LPAR) && (t = expect(p, TOK_DOUBLESTAR)) && expression_rule(p) &&
            expect(p, TOK_RPAR)) {
            RETURN(RAISE_KNOWN_LOCATION(t, "cannot use double starred expression here"));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static PylExpr *lambdef_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *b;
    if (expect(p, TOK_KW_LAMBDA)) {
        int m = p->mark;
        PylArguments *a = pyl_parse_lambda_params_rule(p);
        if (!a) {
            NEXT_ALT(m);
        }
        if (expect(p, TOK_COLON) && (b = expression_rule(p))) {
            if (!a && !(a = pyl_parse_empty_arguments(p))) {
                RETURN(NULL);
            }
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_Lambda(ARENA, a, b, POS4(P))));
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* list: '[' [star_named_expressions] ']' */
PylExpr *list_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    if (expect(p, TOK_LSQB)) {
        int m = p->mark;
        PylExprSeq *a = star_named_expressions_rule(p);
        if (!a) {
            NEXT_ALT(m);
        }
        if (expect(p, TOK_RSQB)) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_List(ARENA, a ? *a : (PylExprSeq){0, NULL}, CTX_Load, POS4(P))));
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
PylExpr *tuple_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    if (expect(p, TOK_LPAR)) {
        int m = p->mark;
        PylExprSeq elts = {0, NULL};
        PylExpr *y;
        if ((y = star_named_expression_rule(p)) && expect(p, TOK_COMMA)) {
            int m2 = p->mark;
            PylExprSeq *z = star_named_expressions_rule(p);
            if (!z) {
                NEXT_ALT(m2);
            }
            elts = prepend(p, y, z);
        } else {
            NEXT_ALT(m);
        }
        if (expect(p, TOK_RPAR)) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_Tuple(ARENA, elts, CTX_Load, POS4(P))));
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* set: '{' star_named_expressions '}' */
static PylExpr *set_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExprSeq *a;
    if (expect(p, TOK_LBRACE) && (a = star_named_expressions_rule(p)) && expect(p, TOK_RBRACE)) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Set(ARENA, *a, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* kvpair: expression ':' expression  (returns the key, *value the value) */
static PylExpr *kvpair_rule(Parser *p, PylExpr **value)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b;
    if ((a = expression_rule(p)) && expect(p, TOK_COLON) && (b = expression_rule(p))) {
        *value = b;
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* double_starred_kvpair: '**' bitwise_or | kvpair. Returns 1 and key (NULL for
 * '**') / value, or 0. */
static int double_starred_kvpair(Parser *p, PylExpr **key, PylExpr **value)
{
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_DOUBLESTAR) && (a = bitwise_or_rule(p))) {
        *key = NULL;
        *value = a;
        return 1;
    }
    if (p->error) {
        return 0;
    }
    p->mark = mark;
    if ((a = kvpair_rule(p, value))) {
        *key = a;
        return 1;
    }
    if (!p->error) {
        p->mark = mark;
    }
    return 0;
}

/* ','.double_starred_kvpair+ (without the trailing [',']) */
static int double_starred_kvpairs(Parser *p, Vec *keys, Vec *values)
{
    PylExpr *k, *v;
    if (!double_starred_kvpair(p, &k, &v)) {
        return 0;
    }
    if (VEC_PUSH(keys, k) < 0 || VEC_PUSH(values, v) < 0) {
        return 0;
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && double_starred_kvpair(p, &k, &v)) {
            if (VEC_PUSH(keys, k) < 0 || VEC_PUSH(values, v) < 0) {
                return 0;
            }
            continue;
        }
        if (p->error) {
            return 0;
        }
        p->mark = m;
        return 1;
    }
}

/* invalid_kvpair:
 *     | expression !(':')
 *     | expression ':' '*' bitwise_or
 *     | expression ':' &('}'|',') */
static void *invalid_kvpair_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    PylToken *t;
    if ((a = expression_rule(p)) && !next_is(p, TOK_COLON) && !p->error) {
        RETURN(pyl_parse_raise_at(p, PYL_SYNTAX_ERROR, a->lineno, a->end_col_offset - 1,
                                  a->end_lineno, -1, "':' expected after dictionary key"));
    }
    NEXT_ALT(mark);
    if (expression_rule(p) && expect(p, TOK_COLON) && (t = expect(p, TOK_STAR)) &&
        bitwise_or_rule(p)) {
        RETURN(RAISE_STARTING_FROM(t, "cannot use a starred expression in a dictionary value"));
    }
    NEXT_ALT(mark);
    if (expression_rule(p) && (t = expect(p, TOK_COLON)) &&
        (next_is(p, TOK_RBRACE) || next_is(p, TOK_COMMA))) {
        RETURN(RAISE_KNOWN_LOCATION(t, "expression expected after dictionary key and ':'"));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* invalid_double_starred_kvpairs:
 *     | ','.double_starred_kvpair+ ',' invalid_kvpair
 *     | expression ':' '*' bitwise_or
 *     | expression ':' &('}'|',') */
static void *invalid_double_starred_kvpairs_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    Vec k = {0}, v = {0};
    PylToken *t;
    if (double_starred_kvpairs(p, &k, &v) && expect(p, TOK_COMMA)) {
        invalid_kvpair_rule(p);
    }
    NEXT_ALT(mark);
    if (expression_rule(p) && expect(p, TOK_COLON) && (t = expect(p, TOK_STAR)) &&
        bitwise_or_rule(p)) {
        RETURN(RAISE_STARTING_FROM(t, "cannot use a starred expression in a dictionary value"));
    }
    NEXT_ALT(mark);
    if (expression_rule(p) && (t = expect(p, TOK_COLON)) &&
        (next_is(p, TOK_RBRACE) || next_is(p, TOK_COMMA))) {
        RETURN(RAISE_KNOWN_LOCATION(t, "expression expected after dictionary key and ':'"));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* dict:
 *     | '{' [double_starred_kvpairs] '}'
 *     | '{' invalid_double_starred_kvpairs '}' */
static PylExpr *dict_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    if (expect(p, TOK_LBRACE)) {
        Vec k = {0}, v = {0};
        int m = p->mark;
        if (double_starred_kvpairs(p, &k, &v)) {
            expect(p, TOK_COMMA);
        } else {
            NEXT_ALT(m);
            k.n = v.n = 0;
        }
        if (expect(p, TOK_RBRACE)) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_Dict(ARENA, AS_SEQ(PylExpr, k), AS_SEQ(PylExpr, v), POS4(P))));
        }
    }
    NEXT_ALT(mark);
    /* Not gated by call_invalid_rules: CPython's generator only gates an
       alternative that is a lone invalid_ rule, so this one runs (and may raise)
       in the first pass too. */
    if (expect(p, TOK_LBRACE)) {
        invalid_double_starred_kvpairs_rule(p);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ---- comprehensions ------------------------------------------------------------------------ */

/* for_if_clause:
 *     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *     | invalid_for_target */
static PylComprehension *for_if_clause_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    for (int is_async = 1; is_async >= 0; is_async--) {
        PylExpr *a, *b;
        if ((!is_async || expect(p, TOK_KW_ASYNC)) && expect(p, TOK_KW_FOR) &&
            (a = star_targets_rule(p)) && expect(p, TOK_KW_IN)) {
            if (!(b = disjunction_rule(p))) {
                RETURN(NULL); /* cut */
            }
            Vec ifs = {0};
            for (;;) {
                int m = p->mark;
                PylExpr *z;
                if (expect(p, TOK_KW_IF) && (z = disjunction_rule(p))) {
                    if (VEC_PUSH(&ifs, z) < 0) {
                        RETURN(NULL);
                    }
                    continue;
                }
                NEXT_ALT(m);
                break;
            }
            RETURN(CHECK(pyl_ast_comprehension(ARENA, a, b, AS_SEQ(PylExpr, ifs), is_async)));
        }
        NEXT_ALT(mark);
    }
    if (p->call_invalid_rules) {
        pyl_parse_invalid_for_target_rule(p);
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* for_if_clauses: for_if_clause+ */
PylComprehensionSeq *for_if_clauses_rule(Parser *p)
{
    ENTER;
    Vec v = {0};
    for (;;) {
        int m = p->mark;
        PylComprehension *c = for_if_clause_rule(p);
        if (!c) {
            NEXT_ALT(m);
            break;
        }
        if (VEC_PUSH(&v, c) < 0) {
            RETURN(NULL);
        }
    }
    if (v.n == 0) {
        RETURN(NULL);
    }
    PylComprehensionSeq *s = CHECK(pyl_arena_alloc(ARENA, sizeof *s));
    if (s) {
        *s = AS_SEQ(PylComprehension, v);
    }
    RETURN(s);
}

static PylExpr *last_comprehension_item(PylComprehensionSeq *s)
{
    PylComprehension *c = s->items[s->n - 1];
    return c->ifs.n == 0 ? c->iter : c->ifs.items[c->ifs.n - 1];
}

/* invalid_comprehension:
 *     | ('[' | '(' | '{') starred_expression for_if_clauses
 *     | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
 *     | ('[' | '{') star_named_expression ',' for_if_clauses */
static void *invalid_comprehension_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    PylExprSeq *b;
    PylToken *t;
    if ((expect(p, TOK_LSQB) || expect(p, TOK_LPAR) || expect(p, TOK_LBRACE)) &&
        (a = starred_expression_rule(p)) && for_if_clauses_rule(p)) {
        RETURN(RAISE_KNOWN_LOCATION(a, "iterable unpacking cannot be used in comprehension"));
    }
    NEXT_ALT(mark);
    if ((expect(p, TOK_LSQB) || expect(p, TOK_LBRACE)) && (a = star_named_expression_rule(p)) &&
        expect(p, TOK_COMMA) && (b = star_named_expressions_rule(p)) && for_if_clauses_rule(p)) {
        RETURN(RAISE_KNOWN_RANGE(a, b->items[b->n - 1],
                                 "did you forget parentheses around the comprehension target?"));
    }
    NEXT_ALT(mark);
    if ((expect(p, TOK_LSQB) || expect(p, TOK_LBRACE)) && (a = star_named_expression_rule(p)) &&
        (t = expect(p, TOK_COMMA)) && for_if_clauses_rule(p)) {
        RETURN(
            RAISE_KNOWN_RANGE(a, t, "did you forget parentheses around the comprehension target?"));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
 * setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
static PylExpr *listset_comp_rule(Parser *p, int set)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    PylComprehensionSeq *b;
    if (expect(p, set ? TOK_LBRACE : TOK_LSQB) && (a = named_expression_rule(p)) &&
        (b = for_if_clauses_rule(p)) && expect(p, set ? TOK_RBRACE : TOK_RSQB)) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(set ? pyl_ast_SetComp(ARENA, a, *b, POS4(P))
                         : pyl_ast_ListComp(ARENA, a, *b, POS4(P))));
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        invalid_comprehension_rule(p);
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

static PylExpr *listcomp_rule(Parser *p)
{
    return listset_comp_rule(p, 0);
}

static PylExpr *setcomp_rule(Parser *p)
{
    return listset_comp_rule(p, 1);
}

/* genexp:
 *     | '(' (assignment_expression | expression !':=') for_if_clauses ')'
 *     | invalid_comprehension */
PylExpr *genexp_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    PylComprehensionSeq *b;
    if (expect(p, TOK_LPAR)) {
        int m = p->mark;
        a = assignment_expression_rule(p);
        if (!a) {
            NEXT_ALT(m);
            a = expression_rule(p);
            if (a && next_is(p, TOK_COLONEQUAL)) {
                a = NULL;
            }
        }
        if (a && (b = for_if_clauses_rule(p)) && expect(p, TOK_RPAR)) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_GeneratorExp(ARENA, a, *b, POS4(P))));
        }
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        invalid_comprehension_rule(p);
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
 * invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}' */
static PylExpr *dictcomp_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *k, *v;
    PylComprehensionSeq *b;
    if (expect(p, TOK_LBRACE) && (k = kvpair_rule(p, &v)) && (b = for_if_clauses_rule(p)) &&
        expect(p, TOK_RBRACE)) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_DictComp(ARENA, k, v, *b, POS4(P))));
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        PylToken *t;
        if (expect(p, TOK_LBRACE) && (t = expect(p, TOK_DOUBLESTAR)) && bitwise_or_rule(p) &&
            for_if_clauses_rule(p) && expect(p, TOK_RBRACE)) {
            RETURN(RAISE_KNOWN_LOCATION(t, "dict unpacking cannot be used in dict comprehension"));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* ---- call arguments ------------------------------------------------------------------------- */

/* starred_expression: '*' expression */
static PylExpr *starred_expression_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_STAR) && (a = expression_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Starred(ARENA, a, CTX_Load, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* invalid_kwarg:
 *     | ('True'|'False'|'None') '='
 *     | NAME '=' expression for_if_clauses
 *     | !(NAME '=') expression '=' */
static void *invalid_kwarg_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a, *b;
    PylExpr *e;
    if (((a = expect(p, TOK_KW_TRUE)) || (a = expect(p, TOK_KW_FALSE)) ||
         (a = expect(p, TOK_KW_NONE))) &&
        (b = expect(p, TOK_EQUAL))) {
        RETURN(
            RAISE_KNOWN_RANGE(a, b, "cannot assign to %.*s", (int)(a->end - a->start), a->start));
    }
    NEXT_ALT(mark);
    if ((a = expect(p, TOK_NAME)) && (b = expect(p, TOK_EQUAL)) && expression_rule(p) &&
        for_if_clauses_rule(p)) {
        RETURN(RAISE_KNOWN_RANGE(a, b,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    }
    NEXT_ALT(mark);
    int name_eq = expect(p, TOK_NAME) && expect(p, TOK_EQUAL);
    NEXT_ALT(mark);
    if (!name_eq && (e = expression_rule(p)) && (b = expect(p, TOK_EQUAL))) {
        RETURN(RAISE_KNOWN_RANGE(
            e, b, "expression cannot contain assignment, perhaps you meant \"==\"?"));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* A keyword-or-starred element of kwargs. */
typedef struct KwOrStarred {
    void *elem; /* PylKeyword * or PylExpr * */
    int is_keyword;
} KwOrStarred;

/* kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
 * kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
static KwOrStarred *kwarg_rule(Parser *p, int dstar)
{
    ENTER;
    int mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_kwarg_rule(p);
        NEXT_ALT(mark);
    }
    KwOrStarred *r = CHECK(pyl_arena_alloc(ARENA, sizeof *r));
    if (!r) {
        RETURN(NULL);
    }
    PylToken *n;
    PylExpr *b;
    if ((n = expect(p, TOK_NAME)) && expect(p, TOK_EQUAL) && (b = expression_rule(p))) {
        const char *id = pyl_parse_ident(p, n);
        Pos P = EXTRA_AT(mark);
        r->elem = id ? CHECK(pyl_ast_keyword(ARENA, id, b, POS4(P))) : NULL;
        r->is_keyword = 1;
        RETURN(r->elem ? r : NULL);
    }
    NEXT_ALT(mark);
    if (!dstar) {
        if ((b = starred_expression_rule(p))) {
            r->elem = b;
            r->is_keyword = 0;
            RETURN(r);
        }
    } else if (expect(p, TOK_DOUBLESTAR) && (b = expression_rule(p))) {
        Pos P = EXTRA_AT(mark);
        r->elem = CHECK(pyl_ast_keyword(ARENA, NULL, b, POS4(P)));
        r->is_keyword = 1;
        RETURN(r->elem ? r : NULL);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ','.kwarg_or_starred+ / ','.kwarg_or_double_starred+ into v */
static int kwarg_list(Parser *p, int dstar, Vec *v)
{
    KwOrStarred *k = kwarg_rule(p, dstar);
    if (!k || VEC_PUSH(v, k) < 0) {
        return 0;
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && (k = kwarg_rule(p, dstar))) {
            if (VEC_PUSH(v, k) < 0) {
                return 0;
            }
            continue;
        }
        if (p->error) {
            return 0;
        }
        p->mark = m;
        return 1;
    }
}

/* kwargs:
 *     | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 *     | ','.kwarg_or_starred+
 *     | ','.kwarg_or_double_starred+ */
static int kwargs_rule(Parser *p, Vec *v)
{
    int mark = p->mark;
    v->n = 0;
    if (kwarg_list(p, 0, v) && expect(p, TOK_COMMA) && kwarg_list(p, 1, v)) {
        return 1;
    }
    if (p->error) {
        return 0;
    }
    p->mark = mark;
    v->n = 0;
    if (kwarg_list(p, 0, v)) {
        return 1;
    }
    if (p->error) {
        return 0;
    }
    p->mark = mark;
    v->n = 0;
    if (kwarg_list(p, 1, v)) {
        return 1;
    }
    if (!p->error) {
        p->mark = mark;
    }
    return 0;
}

/* The Call(args, keywords) carrier built from positional args a and kwargs b. */
static PylExpr *collect_call_seqs(Parser *p, Vec *a, Vec *b, Pos P)
{
    Vec args = {0}, kws = {0};
    for (int i = 0; i < a->n; i++) {
        VEC_PUSH(&args, a->items[i]);
    }
    for (int i = 0; b && i < b->n; i++) {
        KwOrStarred *k = b->items[i];
        VEC_PUSH(k->is_keyword ? &kws : &args, k->elem);
    }
    if (p->error) {
        return NULL;
    }
    return CHECK(
        pyl_ast_Call(ARENA, NULL, AS_SEQ(PylExpr, args), AS_SEQ(PylKeyword, kws), POS4(P)));
}

/* ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
 * into a; returns whether at least one matched (the separator after the last
 * one is not consumed). */
static int positional_args(Parser *p, Vec *a)
{
    for (;;) {
        int m = p->mark;
        PylExpr *e = starred_expression_rule(p);
        if (!e) {
            if (p->error) {
                return 0;
            }
            p->mark = m;
            e = assignment_expression_rule(p);
            if (!e) {
                if (p->error) {
                    return 0;
                }
                p->mark = m;
                e = expression_rule(p);
                if (e && next_is(p, TOK_COLONEQUAL)) {
                    e = NULL;
                }
            }
            if (e && next_is(p, TOK_EQUAL)) {
                e = NULL;
            }
        }
        if (p->error) {
            return 0;
        }
        if (!e) {
            p->mark = m;
            if (a->n > 0) {
                p->mark = m - 1; /* give the separator back */
            }
            return a->n > 0;
        }
        if (VEC_PUSH(a, e) < 0) {
            return 0;
        }
        if (!expect(p, TOK_COMMA)) {
            return !p->error;
        }
    }
}

/* args:
 *     | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
 *       [',' kwargs]
 *     | kwargs */
static PylExpr *args_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    Vec a = {0}, b = {0};
    if (positional_args(p, &a)) {
        int m = p->mark;
        int have_kw = expect(p, TOK_COMMA) && kwargs_rule(p, &b);
        if (!have_kw) {
            NEXT_ALT(m);
        }
        Pos P = EXTRA_AT(mark);
        RETURN(collect_call_seqs(p, &a, have_kw ? &b : NULL, P));
    }
    NEXT_ALT(mark);
    if (kwargs_rule(p, &b)) {
        Pos P = EXTRA_AT(mark);
        Vec none = {0};
        RETURN(collect_call_seqs(p, &none, &b, P));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* invalid_arguments:
 *     | ((','.(starred_expression | (assignment_expression | expression !':=') !'=')+
 *        ',' kwargs) | kwargs) ',' '*'      (3.11.7: gh-110696)
 *     | expression for_if_clauses ',' [args | expression for_if_clauses]
 *     | NAME '=' expression for_if_clauses
 *     | args for_if_clauses
 *     | args ',' expression for_if_clauses
 *     | args ',' args */
static void *invalid_arguments_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *e;
    PylComprehensionSeq *b;
    PylToken *n, *t;
    {
        Vec pa = {0}, kw = {0};
        int ok = positional_args(p, &pa) && expect(p, TOK_COMMA) && kwargs_rule(p, &kw);
        if (!ok) {
            NEXT_ALT(mark);
            ok = kwargs_rule(p, &kw);
        }
        if (ok && expect(p, TOK_COMMA) && (t = expect(p, TOK_STAR))) {
            RETURN(RAISE_KNOWN_LOCATION(
                t, "iterable argument unpacking follows keyword argument unpacking"));
        }
        NEXT_ALT(mark);
    }
    if ((a = expression_rule(p)) && (b = for_if_clauses_rule(p)) && expect(p, TOK_COMMA)) {
        int m = p->mark;
        if (!args_rule(p)) {
            NEXT_ALT(m);
            if (!(expression_rule(p) && for_if_clauses_rule(p))) {
                NEXT_ALT(m);
            }
        }
        RETURN(RAISE_KNOWN_RANGE(a, last_comprehension_item(b),
                                 "Generator expression must be parenthesized"));
    }
    NEXT_ALT(mark);
    if ((n = expect(p, TOK_NAME)) && (t = expect(p, TOK_EQUAL)) && expression_rule(p) &&
        for_if_clauses_rule(p)) {
        RETURN(RAISE_KNOWN_RANGE(n, t,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    }
    NEXT_ALT(mark);
    if ((a = args_rule(p)) && (b = for_if_clauses_rule(p))) {
        /* _PyPegen_nonparen_genexp_in_call: with one argument it is fine */
        int len = a->v.Call.args.n;
        if (len <= 1) {
            RETURN(NULL);
        }
        RETURN(RAISE_KNOWN_RANGE(a->v.Call.args.items[len - 1], last_comprehension_item(b),
                                 "Generator expression must be parenthesized"));
    }
    NEXT_ALT(mark);
    if (args_rule(p) && expect(p, TOK_COMMA) && (e = expression_rule(p)) &&
        (b = for_if_clauses_rule(p))) {
        RETURN(RAISE_KNOWN_RANGE(e, last_comprehension_item(b),
                                 "Generator expression must be parenthesized"));
    }
    NEXT_ALT(mark);
    if ((a = args_rule(p)) && expect(p, TOK_COMMA) && args_rule(p)) {
        int unpack = 0;
        for (int i = 0; i < a->v.Call.keywords.n; i++) {
            if (!a->v.Call.keywords.items[i]->arg) {
                unpack = 1;
            }
        }
        RETURN(RAISE_SYNTAX_ERROR(unpack ? "positional argument follows keyword argument unpacking"
                                         : "positional argument follows keyword argument"));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* arguments (memo): args [','] &')' | invalid_arguments */
PylExpr *arguments_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_ARGUMENTS, PylExpr *);
    int mark = p->mark;
    PylExpr *a, *res = NULL;
    if ((a = args_rule(p))) {
        expect(p, TOK_COMMA);
        if (next_is(p, TOK_RPAR)) {
            res = a;
            goto done;
        }
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        invalid_arguments_rule(p);
        NEXT_ALT(mark);
    }
done:
    pyl_parse_memo_put(p, mark, MEMO_ARGUMENTS, res);
    RETURN(res);
}

/* ---- invalid_named_expression ------------------------------------------------------------------ */

/* invalid_named_expression (memo):
 *     | expression ':=' expression
 *     | NAME '=' bitwise_or !('='|':=')
 *     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=') */
static PylExpr *invalid_named_expression_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_INVALID_NAMED_EXPRESSION, PylExpr *);
    int mark = p->mark;
    PylExpr *a, *b;
    if ((a = expression_rule(p)) && expect(p, TOK_COLONEQUAL) && expression_rule(p)) {
        RETURN(RAISE_KNOWN_LOCATION(a, "cannot use assignment expressions with %s", expr_name(a)));
    }
    NEXT_ALT(mark);
    if ((a = name_token(p)) && expect(p, TOK_EQUAL) && (b = bitwise_or_rule(p)) &&
        !next_is(p, TOK_EQUAL) && !next_is(p, TOK_COLONEQUAL) && !p->error) {
        RETURN(RAISE_KNOWN_RANGE(a, b,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    }
    NEXT_ALT(mark);
    /* !(list|tuple|genexp|'True'|'None'|'False') */
    int excluded = 0;
    for (int k = 0; k < 4 && !excluded && !p->error; k++) {
        p->mark = mark;
        switch (k) {
        case 0:
            excluded = list_rule(p) != NULL;
            break;
        case 1:
            excluded = tuple_rule(p) != NULL;
            break;
        case 2:
            excluded = genexp_rule(p) != NULL;
            break;
        default:
            excluded =
                next_is(p, TOK_KW_TRUE) || next_is(p, TOK_KW_NONE) || next_is(p, TOK_KW_FALSE);
            break;
        }
    }
    NEXT_ALT(mark);
    if (!excluded && (a = bitwise_or_rule(p)) && expect(p, TOK_EQUAL) && bitwise_or_rule(p) &&
        !next_is(p, TOK_EQUAL) && !next_is(p, TOK_COLONEQUAL) && !p->error) {
        RETURN(RAISE_KNOWN_LOCATION(
            a, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(a)));
    }
    NEXT_ALT(mark);
    pyl_parse_memo_put(p, mark, MEMO_INVALID_NAMED_EXPRESSION, NULL);
    RETURN(NULL);
}

/* fstring: star_expressions */
PylExpr *fstring_rule(Parser *p)
{
    return star_expressions_rule(p);
}

/* attr: name_or_attr '.' NAME (for patterns); NULL unless at least one dot */
PylExpr *attr_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = name_token(p);
    if (!a) {
        RETURN(NULL);
    }
    int dots = 0;
    for (;;) {
        int m = p->mark;
        PylToken *n;
        if (expect(p, TOK_DOT) && (n = expect(p, TOK_NAME))) {
            const char *id = pyl_parse_ident(p, n);
            Pos P = EXTRA_AT(mark);
            a = id ? CHECK(pyl_ast_Attribute(ARENA, a, id, CTX_Load, POS4(P))) : NULL;
            if (!a) {
                RETURN(NULL);
            }
            dots++;
            continue;
        }
        NEXT_ALT(m);
        break;
    }
    if (!dots) {
        p->mark = mark;
        RETURN(NULL);
    }
    RETURN(a);
}
