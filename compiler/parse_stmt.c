/* parse_stmt.c — the statement rules of the grammar: simple and compound
 * statements, blocks, imports, function and class definitions (their parameter
 * lists are in parse_params.c), and their invalid_* rules. One function per
 * grammar rule, in the grammar's order of alternatives; see parse_impl.h for the
 * conventions.
 */
#include "compiler/parse_impl.h"

static PylStmt *compound_stmt_rule(Parser *p);
static PylStmtSeq *simple_stmts_rule(Parser *p);
static PylStmt *simple_stmt_rule(Parser *p);

#define ARENA p->arena

static PylStmtSeq *new_stmt_seq(Parser *p, Vec *v)
{
    PylStmtSeq *s = CHECK(pyl_arena_alloc(ARENA, sizeof *s));
    if (s) {
        *s = AS_SEQ(PylStmt, *v);
    }
    return s;
}

/* ---- statements ------------------------------------------------------------ */

/* statements: statement+ */
PylStmtSeq *statements_rule(Parser *p)
{
    ENTER;
    Vec v = {0};
    for (;;) {
        int mark = p->mark;
        PylToken *t = peek(p);
        if (!t) {
            RETURN(NULL);
        }
        /* statement: compound_stmt | simple_stmts */
        PylStmt *c = compound_stmt_rule(p);
        if (c) {
            if (VEC_PUSH(&v, c) < 0) {
                RETURN(NULL);
            }
            continue;
        }
        NEXT_ALT(mark);
        PylStmtSeq *s = simple_stmts_rule(p);
        if (s) {
            for (int i = 0; i < s->n; i++) {
                if (VEC_PUSH(&v, s->items[i]) < 0) {
                    RETURN(NULL);
                }
            }
            continue;
        }
        NEXT_ALT(mark);
        break;
    }
    if (v.n == 0) {
        RETURN(NULL);
    }
    RETURN(new_stmt_seq(p, &v));
}

/* statement_newline:
 *     | compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER */
PylStmtSeq *pyl_parse_statement_newline_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylStmt *c = compound_stmt_rule(p);
    if (c && expect(p, TOK_NEWLINE)) {
        PylStmtSeq *s = CHECK(pyl_arena_alloc(ARENA, sizeof *s));
        if (s) {
            *s = SEQ1(PylStmt, c);
        }
        RETURN(s);
    }
    NEXT_ALT(mark);
    PylStmtSeq *ss = simple_stmts_rule(p);
    if (ss) {
        RETURN(ss);
    }
    NEXT_ALT(mark);
    PylToken *t = expect(p, TOK_NEWLINE);
    if (t) {
        PylStmtSeq *s = CHECK(pyl_arena_alloc(ARENA, sizeof *s));
        Pos P = EXTRA_AT(mark);
        PylStmt *pass = CHECK(pyl_ast_Pass(ARENA, POS4(P)));
        if (s && pass) {
            *s = SEQ1(PylStmt, pass);
        }
        RETURN(s);
    }
    NEXT_ALT(mark);
    RETURN(NULL); /* ENDMARKER: end of input, nothing to run */
}

/* simple_stmts:
 *     | simple_stmt !';' NEWLINE
 *     | ';'.simple_stmt+ [';'] NEWLINE */
static PylStmtSeq *simple_stmts_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylStmt *a = simple_stmt_rule(p);
    if (a && !next_is(p, TOK_SEMI) && expect(p, TOK_NEWLINE)) {
        Vec v = {0};
        if (VEC_PUSH(&v, a) < 0) {
            RETURN(NULL);
        }
        RETURN(new_stmt_seq(p, &v));
    }
    NEXT_ALT(mark);
    Vec v = {0};
    a = simple_stmt_rule(p);
    if (!a) {
        NEXT_ALT(mark);
        RETURN(NULL);
    }
    if (VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    for (;;) {
        int m = p->mark;
        if (!expect(p, TOK_SEMI)) {
            break;
        }
        PylStmt *b = simple_stmt_rule(p);
        if (!b) {
            NEXT_ALT(m);
            break;
        }
        if (VEC_PUSH(&v, b) < 0) {
            RETURN(NULL);
        }
    }
    expect(p, TOK_SEMI);
    if (p->error) {
        RETURN(NULL);
    }
    if (expect(p, TOK_NEWLINE)) {
        RETURN(new_stmt_seq(p, &v));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

static PylStmt *assignment_rule(Parser *p);
static PylStmt *return_stmt_rule(Parser *p);
static PylStmt *import_stmt_rule(Parser *p);
static PylStmt *raise_stmt_rule(Parser *p);
static PylStmt *del_stmt_rule(Parser *p);
static PylStmt *assert_stmt_rule(Parser *p);
static PylStmt *global_stmt_rule(Parser *p, int nonlocal);

/* simple_stmt (memo):
 *     | assignment | star_expressions | &'return' return_stmt
 *     | &('import' | 'from') import_stmt | &'raise' raise_stmt | 'pass'
 *     | &'del' del_stmt | &'yield' yield_stmt | &'assert' assert_stmt
 *     | 'break' | 'continue' | &'global' global_stmt | &'nonlocal' nonlocal_stmt */
static PylStmt *simple_stmt_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_SIMPLE_STMT, PylStmt *);
    int mark = p->mark;
    PylStmt *res = NULL;
    PylExpr *e;
    if ((res = assignment_rule(p))) {
        goto done;
    }
    NEXT_ALT(mark);
    if ((e = star_expressions_rule(p))) {
        Pos P = EXTRA_AT(mark);
        res = CHECK(pyl_ast_Expr(ARENA, e, POS4(P)));
        goto done;
    }
    NEXT_ALT(mark);
    PylToken *t = peek(p);
    if (!t) {
        RETURN(NULL);
    }
    switch (t->kind) {
    case TOK_KW_RETURN:
        res = return_stmt_rule(p);
        break;
    case TOK_KW_IMPORT:
    case TOK_KW_FROM:
        res = import_stmt_rule(p);
        break;
    case TOK_KW_RAISE:
        res = raise_stmt_rule(p);
        break;
    case TOK_KW_PASS:
    case TOK_KW_BREAK:
    case TOK_KW_CONTINUE: {
        p->mark++;
        Pos P = EXTRA_AT(mark);
        res = CHECK(t->kind == TOK_KW_PASS    ? pyl_ast_Pass(ARENA, POS4(P))
                    : t->kind == TOK_KW_BREAK ? pyl_ast_Break(ARENA, POS4(P))
                                              : pyl_ast_Continue(ARENA, POS4(P)));
        break;
    }
    case TOK_KW_DEL:
        res = del_stmt_rule(p);
        break;
    case TOK_KW_YIELD:
        /* yield_stmt: yield_expr */
        if ((e = yield_expr_rule(p))) {
            Pos P = EXTRA_AT(mark);
            res = CHECK(pyl_ast_Expr(ARENA, e, POS4(P)));
        }
        break;
    case TOK_KW_ASSERT:
        res = assert_stmt_rule(p);
        break;
    case TOK_KW_GLOBAL:
        res = global_stmt_rule(p, 0);
        break;
    case TOK_KW_NONLOCAL:
        res = global_stmt_rule(p, 1);
        break;
    default:
        break;
    }
    if (p->error) {
        RETURN(NULL);
    }
    if (!res) {
        p->mark = mark;
    }
done:
    pyl_parse_memo_put(p, mark, MEMO_SIMPLE_STMT, res);
    RETURN(res);
}

static PylStmt *function_def_rule(Parser *p);
static PylStmt *if_stmt_rule(Parser *p);
static PylStmt *class_def_rule(Parser *p);
static PylStmt *with_stmt_rule(Parser *p);
static PylStmt *for_stmt_rule(Parser *p);
static PylStmt *try_stmt_rule(Parser *p);
static PylStmt *while_stmt_rule(Parser *p);

/* compound_stmt:
 *     | &('def' | '@' | ASYNC) function_def | &'if' if_stmt
 *     | &('class' | '@') class_def | &('with' | ASYNC) with_stmt
 *     | &('for' | ASYNC) for_stmt | &'try' try_stmt | &'while' while_stmt
 *     | match_stmt */
static PylStmt *compound_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *t = peek(p);
    if (!t) {
        RETURN(NULL);
    }
    PylStmt *r;
    PylTokKind k = t->kind;
    if (k == TOK_KW_DEF || k == TOK_AT || k == TOK_KW_ASYNC) {
        if ((r = function_def_rule(p))) {
            RETURN(r);
        }
        NEXT_ALT(mark);
    }
    if (k == TOK_KW_IF) {
        if ((r = if_stmt_rule(p))) {
            RETURN(r);
        }
        NEXT_ALT(mark);
    }
    if (k == TOK_KW_CLASS || k == TOK_AT) {
        if ((r = class_def_rule(p))) {
            RETURN(r);
        }
        NEXT_ALT(mark);
    }
    if (k == TOK_KW_WITH || k == TOK_KW_ASYNC) {
        if ((r = with_stmt_rule(p))) {
            RETURN(r);
        }
        NEXT_ALT(mark);
    }
    if (k == TOK_KW_FOR || k == TOK_KW_ASYNC) {
        if ((r = for_stmt_rule(p))) {
            RETURN(r);
        }
        NEXT_ALT(mark);
    }
    if (k == TOK_KW_TRY) {
        if ((r = try_stmt_rule(p))) {
            RETURN(r);
        }
        NEXT_ALT(mark);
    }
    if (k == TOK_KW_WHILE) {
        if ((r = while_stmt_rule(p))) {
            RETURN(r);
        }
        NEXT_ALT(mark);
    }
    if ((r = match_stmt_rule(p))) {
        RETURN(r);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ---- assignment ----------------------------------------------------------- */

/* annotated_rhs: yield_expr | star_expressions */
static PylExpr *annotated_rhs_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *e = yield_expr_rule(p);
    if (e) {
        RETURN(e);
    }
    NEXT_ALT(mark);
    RETURN(star_expressions_rule(p));
}

/* augassign: '+=' | '-=' | ... ; 0 if none */
static int augassign(Parser *p)
{
    PylToken *t = peek(p);
    if (!t) {
        return 0;
    }
    int op;
    switch (t->kind) {
    case TOK_PLUSEQUAL:
        op = OP_Add;
        break;
    case TOK_MINEQUAL:
        op = OP_Sub;
        break;
    case TOK_STAREQUAL:
        op = OP_Mult;
        break;
    case TOK_ATEQUAL:
        op = OP_MatMult;
        break;
    case TOK_SLASHEQUAL:
        op = OP_Div;
        break;
    case TOK_PERCENTEQUAL:
        op = OP_Mod;
        break;
    case TOK_AMPEREQUAL:
        op = OP_BitAnd;
        break;
    case TOK_VBAREQUAL:
        op = OP_BitOr;
        break;
    case TOK_CIRCUMFLEXEQUAL:
        op = OP_BitXor;
        break;
    case TOK_LEFTSHIFTEQUAL:
        op = OP_LShift;
        break;
    case TOK_RIGHTSHIFTEQUAL:
        op = OP_RShift;
        break;
    case TOK_DOUBLESTAREQUAL:
        op = OP_Pow;
        break;
    case TOK_DOUBLESLASHEQUAL:
        op = OP_FloorDiv;
        break;
    default:
        return 0;
    }
    p->mark++;
    return op;
}

static void *invalid_assignment_rule(Parser *p);

/* ['=' annotated_rhs]: *out is NULL when absent; returns 0 on error */
static int opt_assigned_value(Parser *p, PylExpr **out)
{
    int m = p->mark;
    *out = NULL;
    if (expect(p, TOK_EQUAL)) {
        *out = annotated_rhs_rule(p);
        if (!*out) {
            if (p->error) {
                return 0;
            }
            p->mark = m;
        }
    }
    return !p->error;
}

/* assignment:
 *     | NAME ':' expression ['=' annotated_rhs]
 *     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression
 *       ['=' annotated_rhs]
 *     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
 *     | single_target augassign ~ (yield_expr | star_expressions)
 *     | invalid_assignment */
static PylStmt *assignment_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b, *c;
    if (pyl_parse_name_then(p, TOK_COLON) && (a = pyl_parse_name_ctx(p, CTX_Store)) &&
        expect(p, TOK_COLON) && (b = expression_rule(p)) && opt_assigned_value(p, &c)) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_AnnAssign(ARENA, a, b, c, 1, POS4(P))));
    }
    NEXT_ALT(mark);
    /* '(' single_target ')' | single_subscript_attribute_target */
    a = NULL;
    if (expect(p, TOK_LPAR) && (a = single_target_rule(p)) && expect(p, TOK_RPAR)) {
    } else {
        NEXT_ALT(mark);
        a = single_subscript_attribute_target_rule(p);
    }
    if (a && expect(p, TOK_COLON) && (b = expression_rule(p)) && opt_assigned_value(p, &c)) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_AnnAssign(ARENA, a, b, c, 0, POS4(P))));
    }
    NEXT_ALT(mark);
    /* (star_targets '=')+ (yield_expr | star_expressions) !'=' */
    {
        Vec targets = {0};
        for (;;) {
            int m = p->mark;
            PylExpr *t = star_targets_rule(p);
            if (t && expect(p, TOK_EQUAL)) {
                if (VEC_PUSH(&targets, t) < 0) {
                    RETURN(NULL);
                }
                continue;
            }
            NEXT_ALT(m);
            break;
        }
        if (targets.n > 0) {
            int m = p->mark;
            PylExpr *v = yield_expr_rule(p);
            if (!v) {
                NEXT_ALT(m);
                v = star_expressions_rule(p);
            }
            if (v && !next_is(p, TOK_EQUAL)) {
                Pos P = EXTRA_AT(mark);
                RETURN(CHECK(pyl_ast_Assign(ARENA, AS_SEQ(PylExpr, targets), v, NULL, POS4(P))));
            }
        }
        NEXT_ALT(mark);
    }
    /* single_target augassign ~ (yield_expr | star_expressions) */
    int op;
    if ((a = single_target_rule(p)) && (op = augassign(p))) {
        int m = p->mark;
        PylExpr *v = yield_expr_rule(p);
        if (!v) {
            NEXT_ALT(m);
            v = star_expressions_rule(p);
        }
        if (v) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_AugAssign(ARENA, a, (PylOperator)op, v, POS4(P))));
        }
        RETURN(NULL); /* cut */
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        invalid_assignment_rule(p);
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
static PylExpr *invalid_ann_assign_target_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = list_rule(p))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if ((a = tuple_rule(p))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_LPAR) && (a = invalid_ann_assign_target_rule(p)) && expect(p, TOK_RPAR)) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* (star_targets '=')* : consumes as many as match */
static void star_targets_eq_loop(Parser *p)
{
    for (;;) {
        int m = p->mark;
        if (star_targets_rule(p) && expect(p, TOK_EQUAL)) {
            continue;
        }
        if (!p->error) {
            p->mark = m;
        }
        return;
    }
}

/* invalid_assignment:
 *     | invalid_ann_assign_target ':' expression
 *     | star_named_expression ',' star_named_expressions* ':' expression
 *     | expression ':' expression
 *     | (star_targets '=')* star_expressions '='
 *     | (star_targets '=')* yield_expr '='
 *     | star_expressions augassign (yield_expr | star_expressions) */
static void *invalid_assignment_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = invalid_ann_assign_target_rule(p)) && expect(p, TOK_COLON) && expression_rule(p)) {
        RETURN(
            RAISE_KNOWN_LOCATION(a, "only single target (not %s) can be annotated", expr_name(a)));
    }
    NEXT_ALT(mark);
    if ((a = star_named_expression_rule(p)) && expect(p, TOK_COMMA)) {
        for (;;) {
            int m = p->mark;
            if (!star_named_expressions_rule(p)) {
                NEXT_ALT(m);
                break;
            }
        }
        if (expect(p, TOK_COLON) && expression_rule(p)) {
            RETURN(RAISE_KNOWN_LOCATION(a, "only single target (not tuple) can be annotated"));
        }
    }
    NEXT_ALT(mark);
    if ((a = expression_rule(p)) && expect(p, TOK_COLON) && expression_rule(p)) {
        RETURN(RAISE_KNOWN_LOCATION(a, "illegal target for annotation"));
    }
    NEXT_ALT(mark);
    star_targets_eq_loop(p);
    if (p->error) {
        RETURN(NULL);
    }
    if ((a = star_expressions_rule(p)) && expect(p, TOK_EQUAL)) {
        RETURN(pyl_parse_raise_invalid_target(p, STAR_TARGETS, a));
    }
    NEXT_ALT(mark);
    star_targets_eq_loop(p);
    if (p->error) {
        RETURN(NULL);
    }
    if ((a = yield_expr_rule(p)) && expect(p, TOK_EQUAL)) {
        RETURN(RAISE_KNOWN_LOCATION(a, "assignment to yield expression not possible"));
    }
    NEXT_ALT(mark);
    if ((a = star_expressions_rule(p)) && augassign(p)) {
        int m = p->mark;
        PylExpr *v = yield_expr_rule(p);
        if (!v) {
            NEXT_ALT(m);
            v = star_expressions_rule(p);
        }
        if (v) {
            RETURN(RAISE_KNOWN_LOCATION(a, "'%s' is an illegal expression for augmented assignment",
                                        expr_name(a)));
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ---- simple statements --------------------------------------------------------- */

/* return_stmt: 'return' [star_expressions] */
static PylStmt *return_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    if (!expect(p, TOK_KW_RETURN)) {
        RETURN(NULL);
    }
    int m = p->mark;
    PylExpr *a = star_expressions_rule(p);
    if (!a) {
        NEXT_ALT(m);
    }
    Pos P = EXTRA_AT(mark);
    RETURN(CHECK(pyl_ast_Return(ARENA, a, POS4(P))));
}

/* raise_stmt: 'raise' expression ['from' expression] | 'raise' */
static PylStmt *raise_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b = NULL;
    if (expect(p, TOK_KW_RAISE) && (a = expression_rule(p))) {
        int m = p->mark;
        if (!(expect(p, TOK_KW_FROM) && (b = expression_rule(p)))) {
            NEXT_ALT(m);
            b = NULL;
        }
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Raise(ARENA, a, b, POS4(P))));
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_RAISE)) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Raise(ARENA, NULL, NULL, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* global_stmt: 'global' ','.NAME+
 * nonlocal_stmt: 'nonlocal' ','.NAME+ */
static PylStmt *global_stmt_rule(Parser *p, int nonlocal)
{
    ENTER;
    int mark = p->mark;
    if (!expect(p, nonlocal ? TOK_KW_NONLOCAL : TOK_KW_GLOBAL)) {
        RETURN(NULL);
    }
    Vec v = {0};
    for (;;) {
        PylToken *t = expect(p, TOK_NAME);
        if (!t) {
            break;
        }
        const char *id = pyl_parse_ident(p, t);
        if (!id || VEC_PUSH(&v, (void *)id) < 0) {
            RETURN(NULL);
        }
        int m = p->mark;
        if (!expect(p, TOK_COMMA)) {
            break;
        }
        if (!next_is(p, TOK_NAME)) {
            NEXT_ALT(m);
            break;
        }
    }
    if (p->error || v.n == 0) {
        NEXT_ALT(mark);
        RETURN(NULL);
    }
    Pos P = EXTRA_AT(mark);
    PylIdentSeq names = {v.n, (const char **)VEC_FINISH(v)};
    RETURN(CHECK(nonlocal ? pyl_ast_Nonlocal(ARENA, names, POS4(P))
                          : pyl_ast_Global(ARENA, names, POS4(P))));
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static PylStmt *del_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExprSeq *a;
    if (expect(p, TOK_KW_DEL) && (a = del_targets_rule(p)) &&
        (next_is(p, TOK_SEMI) || next_is(p, TOK_NEWLINE))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Delete(ARENA, *a, POS4(P))));
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        /* invalid_del_stmt: 'del' star_expressions */
        PylExpr *e;
        if (expect(p, TOK_KW_DEL) && (e = star_expressions_rule(p))) {
            pyl_parse_raise_invalid_target(p, DEL_TARGETS, e);
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* assert_stmt: 'assert' expression [',' expression] */
static PylStmt *assert_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b = NULL;
    if (expect(p, TOK_KW_ASSERT) && (a = expression_rule(p))) {
        int m = p->mark;
        if (!(expect(p, TOK_COMMA) && (b = expression_rule(p)))) {
            NEXT_ALT(m);
            b = NULL;
        }
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Assert(ARENA, a, b, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ---- imports ------------------------------------------------------------------ */

/* dotted_name: dotted_name '.' NAME | NAME  -> the joined identifier */
static const char *dotted_name_rule(Parser *p)
{
    ENTER;
    PylToken *t = expect(p, TOK_NAME);
    if (!t) {
        RETURN(NULL);
    }
    const char *start = t->start, *end = t->end;
    int simple = 1;
    for (;;) {
        int m = p->mark;
        PylToken *n;
        if (expect(p, TOK_DOT) && (n = expect(p, TOK_NAME))) {
            end = n->end;
            simple = simple && n->start == t->end + 1;
            t = n;
            continue;
        }
        NEXT_ALT(m);
        break;
    }
    if (simple) {
        RETURN(pyl_parse_ident_text(p, start, (size_t)(end - start)));
    }
    /* Rebuild "a.b.c" from the NAME tokens (there was space around a dot). */
    size_t len = 0;
    int first = -1;
    for (int i = p->mark - 1; i >= 0; i--) {
        if (p->tokens[i]->start == start) {
            first = i;
            break;
        }
    }
    for (int i = first; i < p->mark; i++) {
        if (p->tokens[i]->kind == TOK_NAME) {
            len += (size_t)(p->tokens[i]->end - p->tokens[i]->start) + 1;
        }
    }
    char *s = CHECK(pyl_arena_alloc(ARENA, len + 1));
    if (!s) {
        RETURN(NULL);
    }
    size_t n = 0;
    for (int i = first; i < p->mark; i++) {
        PylToken *x = p->tokens[i];
        if (x->kind == TOK_NAME) {
            if (n) {
                s[n++] = '.';
            }
            memcpy(s + n, x->start, (size_t)(x->end - x->start));
            n += (size_t)(x->end - x->start);
        }
    }
    s[n] = '\0';
    RETURN(pyl_parse_ident_text(p, s, n));
}

/* dotted_as_name: dotted_name ['as' NAME]
 * import_from_as_name: NAME ['as' NAME] */
static PylAlias *as_name_rule(Parser *p, int dotted)
{
    ENTER;
    int mark = p->mark;
    const char *name;
    if (dotted) {
        name = dotted_name_rule(p);
    } else {
        PylToken *t = expect(p, TOK_NAME);
        name = t ? pyl_parse_ident(p, t) : NULL;
    }
    if (!name) {
        NEXT_ALT(mark);
        RETURN(NULL);
    }
    const char *asname = NULL;
    int m = p->mark;
    PylToken *z;
    if (expect(p, TOK_KW_AS) && (z = expect(p, TOK_NAME))) {
        asname = pyl_parse_ident(p, z);
        if (!asname) {
            RETURN(NULL);
        }
    } else {
        NEXT_ALT(m);
    }
    Pos P = EXTRA_AT(mark);
    RETURN(CHECK(pyl_ast_alias(ARENA, name, asname, POS4(P))));
}

/* ','.X+ for dotted_as_names / import_from_as_names */
static PylAliasSeq *as_names_rule(Parser *p, int dotted)
{
    ENTER;
    Vec v = {0};
    PylAlias *a = as_name_rule(p, dotted);
    if (!a) {
        RETURN(NULL);
    }
    if (VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && (a = as_name_rule(p, dotted))) {
            if (VEC_PUSH(&v, a) < 0) {
                RETURN(NULL);
            }
            continue;
        }
        NEXT_ALT(m);
        break;
    }
    PylAliasSeq *s = CHECK(pyl_arena_alloc(ARENA, sizeof *s));
    if (s) {
        *s = AS_SEQ(PylAlias, v);
    }
    RETURN(s);
}

/* import_name: 'import' dotted_as_names */
static PylStmt *import_name_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylAliasSeq *a;
    if (expect(p, TOK_KW_IMPORT) && (a = as_names_rule(p, 1))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Import(ARENA, *a, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* import_from_targets:
 *     | '(' import_from_as_names [','] ')'
 *     | import_from_as_names !','
 *     | '*'
 *     | invalid_import_from_targets */
static PylAliasSeq *import_from_targets_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylAliasSeq *a;
    if (expect(p, TOK_LPAR) && (a = as_names_rule(p, 0))) {
        expect(p, TOK_COMMA);
        if (expect(p, TOK_RPAR)) {
            RETURN(a);
        }
    }
    NEXT_ALT(mark);
    if ((a = as_names_rule(p, 0)) && !next_is(p, TOK_COMMA)) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    PylToken *t = expect(p, TOK_STAR);
    if (t) {
        const char *star = CHECK(pyl_arena_strndup(ARENA, "*", 1));
        PylAlias *al = star ? CHECK(pyl_ast_alias(ARENA, star, NULL, t->lineno, t->col_offset,
                                                  t->end_lineno, t->end_col_offset))
                            : NULL;
        PylAliasSeq *s = al ? CHECK(pyl_arena_alloc(ARENA, sizeof *s)) : NULL;
        PylAlias **items = s ? CHECK(pyl_arena_alloc(ARENA, sizeof *items)) : NULL;
        if (!items) {
            RETURN(NULL);
        }
        items[0] = al;
        s->n = 1;
        s->items = items;
        RETURN(s);
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        /* invalid_import_from_targets: import_from_as_names ',' NEWLINE */
        if (as_names_rule(p, 0) && expect(p, TOK_COMMA) && expect(p, TOK_NEWLINE)) {
            RETURN(
                RAISE_SYNTAX_ERROR("trailing comma not allowed without surrounding parentheses"));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* ('.' | '...')* : the number of dots */
static int import_dots(Parser *p)
{
    int n = 0;
    for (;;) {
        if (expect(p, TOK_DOT)) {
            n += 1;
        } else if (expect(p, TOK_ELLIPSIS)) {
            n += 3;
        } else {
            return n;
        }
    }
}

/* import_from:
 *     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *     | 'from' ('.' | '...')+ 'import' import_from_targets */
static PylStmt *import_from_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    const char *b;
    PylAliasSeq *c;
    int dots;
    if (expect(p, TOK_KW_FROM)) {
        dots = import_dots(p);
        if (!p->error && (b = dotted_name_rule(p)) && expect(p, TOK_KW_IMPORT) &&
            (c = import_from_targets_rule(p))) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_ImportFrom(ARENA, b, *c, dots, POS4(P))));
        }
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_FROM)) {
        dots = import_dots(p);
        if (!p->error && dots > 0 && expect(p, TOK_KW_IMPORT) &&
            (c = import_from_targets_rule(p))) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_ImportFrom(ARENA, NULL, *c, dots, POS4(P))));
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* import_stmt: import_name | import_from */
static PylStmt *import_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylStmt *s = import_name_rule(p);
    if (s) {
        RETURN(s);
    }
    NEXT_ALT(mark);
    RETURN(import_from_rule(p));
}

/* ---- blocks -------------------------------------------------------------------- */

/* block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
PylStmtSeq *block_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_BLOCK, PylStmtSeq *);
    int mark = p->mark;
    PylStmtSeq *res = NULL, *a;
    if (expect(p, TOK_NEWLINE) && expect(p, TOK_INDENT) && (a = statements_rule(p)) &&
        expect(p, TOK_DEDENT)) {
        res = a;
        goto done;
    }
    NEXT_ALT(mark);
    if ((a = simple_stmts_rule(p))) {
        res = a;
        goto done;
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        /* invalid_block: NEWLINE !INDENT */
        if (expect(p, TOK_NEWLINE) && !next_is(p, TOK_INDENT)) {
            if (!p->error) {
                RAISE_INDENTATION_ERROR("expected an indented block");
            }
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
done:
    pyl_parse_memo_put(p, mark, MEMO_BLOCK, res);
    RETURN(res);
}

/* `':' NEWLINE !INDENT` after a header: raises "expected an indented block after
 * WHAT on line N" (the invalid_*_indent rules' common tail) and returns 1. */
static int missing_block(Parser *p, const char *what, int lineno)
{
    if (expect(p, TOK_COLON) && expect(p, TOK_NEWLINE) && !next_is(p, TOK_INDENT) && !p->error) {
        RAISE_INDENTATION_ERROR("expected an indented block after %s on line %d", what, lineno);
        return 1;
    }
    return 0;
}

/* decorators: ('@' named_expression NEWLINE)+ */
static int decorators_rule(Parser *p, Vec *out)
{
    for (;;) {
        int m = p->mark;
        PylExpr *f;
        if (expect(p, TOK_AT) && (f = named_expression_rule(p)) && expect(p, TOK_NEWLINE)) {
            if (VEC_PUSH(out, f) < 0) {
                return 0;
            }
            continue;
        }
        if (p->error) {
            return 0;
        }
        p->mark = m;
        break;
    }
    return out->n > 0;
}

/* ---- class ---------------------------------------------------------------------- */

/* class_def_raw:
 *     | invalid_class_def_raw
 *     | 'class' NAME ['(' [arguments] ')'] ':' block */
static PylStmt *class_def_raw_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *c, *n;
    if (p->call_invalid_rules) {
        /* invalid_class_def_raw:
         *     | 'class' NAME ['(' [arguments] ')'] NEWLINE
         *     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT */
        for (int alt = 0; alt < 2; alt++) {
            if ((c = expect(p, TOK_KW_CLASS)) && expect(p, TOK_NAME)) {
                int m = p->mark;
                if (expect(p, TOK_LPAR)) {
                    int m2 = p->mark;
                    if (!arguments_rule(p)) {
                        NEXT_ALT(m2);
                    }
                    if (!expect(p, TOK_RPAR)) {
                        NEXT_ALT(m);
                    }
                }
                if (p->error) {
                    RETURN(NULL);
                }
                if (alt == 0 && expect(p, TOK_NEWLINE)) {
                    RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
                }
                if (alt == 1 && missing_block(p, "class definition", c->lineno)) {
                    RETURN(NULL);
                }
            }
            NEXT_ALT(mark);
        }
    }
    if (expect(p, TOK_KW_CLASS) && (n = expect(p, TOK_NAME))) {
        PylExpr *args = NULL;
        int m = p->mark;
        if (expect(p, TOK_LPAR)) {
            int m2 = p->mark;
            args = arguments_rule(p);
            if (!args) {
                NEXT_ALT(m2);
            }
            if (!expect(p, TOK_RPAR)) {
                NEXT_ALT(m);
                args = NULL;
            }
        }
        PylStmtSeq *b;
        if (!p->error && expect(p, TOK_COLON) && (b = block_rule(p))) {
            const char *name = pyl_parse_ident(p, n);
            Pos P = EXTRA_AT(mark);
            PylExprSeq bases = {0, NULL}, decos = {0, NULL};
            PylKeywordSeq kws = {0, NULL};
            if (args) {
                bases = args->v.Call.args;
                kws = args->v.Call.keywords;
            }
            RETURN(name ? CHECK(pyl_ast_ClassDef(ARENA, name, bases, kws, *b, decos, POS4(P)))
                        : NULL);
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* class_def: decorators class_def_raw | class_def_raw */
static PylStmt *class_def_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    Vec d = {0};
    PylStmt *c;
    if (decorators_rule(p, &d) && (c = class_def_raw_rule(p))) {
        c->v.ClassDef.decorator_list = AS_SEQ(PylExpr, d);
        RETURN(c);
    }
    NEXT_ALT(mark);
    RETURN(class_def_raw_rule(p));
}

/* ---- functions ------------------------------------------------------------------ */

/* function_def_raw:
 *     | invalid_def_raw
 *     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
 *     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment]
 *       block */
static PylStmt *function_def_raw_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    if (p->call_invalid_rules) {
        /* invalid_def_raw:
         *     | [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT */
        expect(p, TOK_KW_ASYNC);
        PylToken *d;
        if ((d = expect(p, TOK_KW_DEF)) && expect(p, TOK_NAME) && expect(p, TOK_LPAR)) {
            int m = p->mark;
            if (!pyl_parse_params_rule(p, 0)) {
                NEXT_ALT(m);
            }
            if (expect(p, TOK_RPAR)) {
                m = p->mark;
                if (!(expect(p, TOK_RARROW) && expression_rule(p))) {
                    NEXT_ALT(m);
                }
                if (missing_block(p, "function definition", d->lineno)) {
                    RETURN(NULL);
                }
            }
        }
        NEXT_ALT(mark);
    }
    int is_async = expect(p, TOK_KW_ASYNC) != NULL;
    PylToken *n;
    if (expect(p, TOK_KW_DEF) && (n = expect(p, TOK_NAME)) && expect_forced(p, TOK_LPAR, "(")) {
        int m = p->mark;
        PylArguments *params = pyl_parse_params_rule(p, 0);
        if (!params) {
            NEXT_ALT(m);
        }
        if (expect(p, TOK_RPAR)) {
            PylExpr *ret = NULL;
            m = p->mark;
            if (!(expect(p, TOK_RARROW) && (ret = expression_rule(p)))) {
                NEXT_ALT(m);
                ret = NULL;
            }
            PylStmtSeq *b;
            if (expect_forced(p, TOK_COLON, ":") && (b = block_rule(p))) {
                const char *name = pyl_parse_ident(p, n);
                if (!params) {
                    params = pyl_parse_empty_arguments(p);
                }
                if (!name || !params) {
                    RETURN(NULL);
                }
                Pos P = EXTRA_AT(mark);
                PylExprSeq decos = {0, NULL};
                RETURN(CHECK(is_async ? pyl_ast_AsyncFunctionDef(ARENA, name, params, *b, decos,
                                                                 ret, NULL, POS4(P))
                                      : pyl_ast_FunctionDef(ARENA, name, params, *b, decos, ret,
                                                            NULL, POS4(P))));
            }
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* function_def: decorators function_def_raw | function_def_raw */
static PylStmt *function_def_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    Vec d = {0};
    PylStmt *f;
    if (decorators_rule(p, &d) && (f = function_def_raw_rule(p))) {
        if (f->kind == STMT_FunctionDef) {
            f->v.FunctionDef.decorator_list = AS_SEQ(PylExpr, d);
        } else {
            f->v.AsyncFunctionDef.decorator_list = AS_SEQ(PylExpr, d);
        }
        RETURN(f);
    }
    NEXT_ALT(mark);
    RETURN(function_def_raw_rule(p));
}

/* ---- if / while / for ------------------------------------------------------------ */

/* else_block: invalid_else_stmt | 'else' &&':' block */
static PylStmtSeq *else_block_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a;
    if (p->call_invalid_rules) {
        /* invalid_else_stmt: 'else' ':' NEWLINE !INDENT */
        if ((a = expect(p, TOK_KW_ELSE)) && missing_block(p, "'else' statement", a->lineno)) {
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
    PylStmtSeq *b;
    if (expect(p, TOK_KW_ELSE) && expect_forced(p, TOK_COLON, ":") && (b = block_rule(p))) {
        RETURN(b);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* if_stmt / elif_stmt (kw is 'if' or 'elif'):
 *     | invalid_if_stmt
 *     | 'if' named_expression ':' block elif_stmt
 *     | 'if' named_expression ':' block [else_block]
 * invalid_if_stmt:
 *     | 'if' named_expression NEWLINE
 *     | 'if' named_expression ':' NEWLINE !INDENT */
static PylStmt *if_rule(Parser *p, PylTokKind kw)
{
    ENTER;
    int mark = p->mark;
    const char *what = kw == TOK_KW_IF ? "'if' statement" : "'elif' statement";
    PylToken *a;
    PylExpr *t;
    if (p->call_invalid_rules) {
        if (expect(p, kw) && named_expression_rule(p) && expect(p, TOK_NEWLINE)) {
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
        NEXT_ALT(mark);
        /* CPython names the line of the condition for 'if' (its action's `a`
           is rebound to the expression), of the keyword for 'elif'. */
        if ((a = expect(p, kw)) && (t = named_expression_rule(p)) &&
            missing_block(p, what, kw == TOK_KW_IF ? t->lineno : a->lineno)) {
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
    PylStmtSeq *b;
    if (expect(p, kw) && (t = named_expression_rule(p)) && expect(p, TOK_COLON) &&
        (b = block_rule(p))) {
        int m = p->mark;
        PylStmt *c = if_rule(p, TOK_KW_ELIF);
        if (c) {
            Pos P = EXTRA_AT(mark);
            PylStmtSeq orelse = SEQ1(PylStmt, c);
            RETURN(CHECK(pyl_ast_If(ARENA, t, *b, orelse, POS4(P))));
        }
        NEXT_ALT(m);
        PylStmtSeq *e = else_block_rule(p);
        if (!e) {
            NEXT_ALT(m);
        }
        Pos P = EXTRA_AT(mark);
        PylStmtSeq orelse = e ? *e : (PylStmtSeq){0, NULL};
        RETURN(CHECK(pyl_ast_If(ARENA, t, *b, orelse, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

static PylStmt *if_stmt_rule(Parser *p)
{
    return if_rule(p, TOK_KW_IF);
}

/* while_stmt:
 *     | invalid_while_stmt
 *     | 'while' named_expression ':' block [else_block] */
static PylStmt *while_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a;
    PylExpr *t;
    if (p->call_invalid_rules) {
        if (expect(p, TOK_KW_WHILE) && named_expression_rule(p) && expect(p, TOK_NEWLINE)) {
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
        NEXT_ALT(mark);
        if ((a = expect(p, TOK_KW_WHILE)) && named_expression_rule(p) &&
            missing_block(p, "'while' statement", a->lineno)) {
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
    PylStmtSeq *b;
    if (expect(p, TOK_KW_WHILE) && (t = named_expression_rule(p)) && expect(p, TOK_COLON) &&
        (b = block_rule(p))) {
        int m = p->mark;
        PylStmtSeq *e = else_block_rule(p);
        if (!e) {
            NEXT_ALT(m);
        }
        Pos P = EXTRA_AT(mark);
        PylStmtSeq orelse = e ? *e : (PylStmtSeq){0, NULL};
        RETURN(CHECK(pyl_ast_While(ARENA, t, *b, orelse, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* invalid_for_target: ASYNC? 'for' star_expressions */
void *pyl_parse_invalid_for_target_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    expect(p, TOK_KW_ASYNC);
    if (expect(p, TOK_KW_FOR) && (a = star_expressions_rule(p))) {
        RETURN(pyl_parse_raise_invalid_target(p, FOR_TARGETS, a));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* for_stmt:
 *     | invalid_for_stmt
 *     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
 *     | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block
 *       [else_block]
 *     | invalid_for_target
 * invalid_for_stmt:
 *     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
 *     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT */
static PylStmt *for_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a;
    if (p->call_invalid_rules) {
        expect(p, TOK_KW_ASYNC);
        if (expect(p, TOK_KW_FOR) && star_targets_rule(p) && expect(p, TOK_KW_IN) &&
            star_expressions_rule(p) && expect(p, TOK_NEWLINE)) {
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
        NEXT_ALT(mark);
        expect(p, TOK_KW_ASYNC);
        if ((a = expect(p, TOK_KW_FOR)) && star_targets_rule(p) && expect(p, TOK_KW_IN) &&
            star_expressions_rule(p) && missing_block(p, "'for' statement", a->lineno)) {
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
    for (int is_async = 0; is_async < 2; is_async++) {
        PylExpr *t, *ex;
        PylStmtSeq *b;
        if ((!is_async || expect(p, TOK_KW_ASYNC)) && expect(p, TOK_KW_FOR) &&
            (t = star_targets_rule(p)) && expect(p, TOK_KW_IN)) {
            /* cut: no other alternative once 'in' is seen */
            if ((ex = star_expressions_rule(p)) && expect(p, TOK_COLON) && (b = block_rule(p))) {
                int m = p->mark;
                PylStmtSeq *e = else_block_rule(p);
                if (!e) {
                    NEXT_ALT(m);
                }
                Pos P = EXTRA_AT(mark);
                PylStmtSeq orelse = e ? *e : (PylStmtSeq){0, NULL};
                RETURN(CHECK(is_async ? pyl_ast_AsyncFor(ARENA, t, ex, *b, orelse, NULL, POS4(P))
                                      : pyl_ast_For(ARENA, t, ex, *b, orelse, NULL, POS4(P))));
            }
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
    if (p->call_invalid_rules) {
        pyl_parse_invalid_for_target_rule(p);
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* ---- with -------------------------------------------------------------------------- */

/* with_item:
 *     | expression 'as' star_target &(',' | ')' | ':')
 *     | invalid_with_item
 *     | expression */
static PylWithitem *with_item_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *e, *t;
    if ((e = expression_rule(p)) && expect(p, TOK_KW_AS) && (t = star_target_rule(p)) &&
        (next_is(p, TOK_COMMA) || next_is(p, TOK_RPAR) || next_is(p, TOK_COLON))) {
        RETURN(CHECK(pyl_ast_withitem(ARENA, e, t)));
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        /* invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
        if (expression_rule(p) && expect(p, TOK_KW_AS) && (t = expression_rule(p)) &&
            (next_is(p, TOK_COMMA) || next_is(p, TOK_RPAR) || next_is(p, TOK_COLON))) {
            pyl_parse_raise_invalid_target(p, STAR_TARGETS, t);
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
    if ((e = expression_rule(p))) {
        RETURN(CHECK(pyl_ast_withitem(ARENA, e, NULL)));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* ','.with_item+ */
static int with_items(Parser *p, Vec *v)
{
    PylWithitem *w = with_item_rule(p);
    if (!w || VEC_PUSH(v, w) < 0) {
        return 0;
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && (w = with_item_rule(p))) {
            if (VEC_PUSH(v, w) < 0) {
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

/* expression ['as' star_target]  (paren: expressions ['as' star_target]) */
static int invalid_with_item_ish(Parser *p, int paren)
{
    if (!(paren ? expressions_rule(p) : expression_rule(p))) {
        return 0;
    }
    int m = p->mark;
    if (!(expect(p, TOK_KW_AS) && star_target_rule(p))) {
        if (p->error) {
            return 0;
        }
        p->mark = m;
    }
    return 1;
}

/* ','.(expression ['as' star_target])+  (paren: with expressions) */
static int invalid_with_items(Parser *p, int paren)
{
    if (!invalid_with_item_ish(p, paren)) {
        return 0;
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && invalid_with_item_ish(p, paren)) {
            continue;
        }
        if (p->error) {
            return 0;
        }
        p->mark = m;
        return 1;
    }
}

/* with_stmt:
 *     | invalid_with_stmt_indent
 *     | 'with' '(' ','.with_item+ ','? ')' ':' block
 *     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
 *     | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
 *     | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
 *     | invalid_with_stmt */
static PylStmt *with_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a;
    if (p->call_invalid_rules) {
        /* invalid_with_stmt_indent:
         *     | [ASYNC] 'with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT
         *     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':'
         *       NEWLINE !INDENT */
        expect(p, TOK_KW_ASYNC);
        if ((a = expect(p, TOK_KW_WITH)) && invalid_with_items(p, 0) &&
            missing_block(p, "'with' statement", a->lineno)) {
            RETURN(NULL);
        }
        NEXT_ALT(mark);
        expect(p, TOK_KW_ASYNC);
        if ((a = expect(p, TOK_KW_WITH)) && expect(p, TOK_LPAR) && invalid_with_items(p, 1)) {
            expect(p, TOK_COMMA);
            if (expect(p, TOK_RPAR) && missing_block(p, "'with' statement", a->lineno)) {
                RETURN(NULL);
            }
        }
        NEXT_ALT(mark);
    }
    for (int is_async = 0; is_async < 2; is_async++) {
        for (int paren = 1; paren >= 0; paren--) {
            Vec items = {0};
            PylStmtSeq *b;
            if ((!is_async || expect(p, TOK_KW_ASYNC)) && expect(p, TOK_KW_WITH) &&
                (!paren || expect(p, TOK_LPAR)) && with_items(p, &items)) {
                int ok = 1;
                if (paren) {
                    expect(p, TOK_COMMA);
                    ok = expect(p, TOK_RPAR) != NULL;
                }
                if (ok && expect(p, TOK_COLON) && (b = block_rule(p))) {
                    Pos P = EXTRA_AT(mark);
                    PylWithitemSeq s = AS_SEQ(PylWithitem, items);
                    RETURN(CHECK(is_async ? pyl_ast_AsyncWith(ARENA, s, *b, NULL, POS4(P))
                                          : pyl_ast_With(ARENA, s, *b, NULL, POS4(P))));
                }
            }
            NEXT_ALT(mark);
        }
    }
    if (p->call_invalid_rules) {
        /* invalid_with_stmt:
         *     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
         *     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE */
        expect(p, TOK_KW_ASYNC);
        if (expect(p, TOK_KW_WITH) && invalid_with_items(p, 0) && expect(p, TOK_NEWLINE)) {
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
        NEXT_ALT(mark);
        expect(p, TOK_KW_ASYNC);
        if (expect(p, TOK_KW_WITH) && expect(p, TOK_LPAR) && invalid_with_items(p, 1)) {
            expect(p, TOK_COMMA);
            if (expect(p, TOK_RPAR) && expect(p, TOK_NEWLINE)) {
                RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
            }
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* ---- try ------------------------------------------------------------------------------ */

/* ['as' NAME]: the name or NULL; *ok = 0 on error */
static PylToken *opt_as_name(Parser *p)
{
    int m = p->mark;
    PylToken *z;
    if (expect(p, TOK_KW_AS) && (z = expect(p, TOK_NAME))) {
        return z;
    }
    if (!p->error) {
        p->mark = m;
    }
    return NULL;
}

/* invalid_except_stmt:
 *     | 'except' '*'? expression ',' expressions ['as' NAME ] ':'
 *     | 'except' '*'? expression ['as' NAME ] NEWLINE
 *     | 'except' NEWLINE
 *     | 'except' '*' (NEWLINE | ':') */
static void *invalid_except_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_KW_EXCEPT)) {
        expect(p, TOK_STAR);
        if ((a = expression_rule(p)) && expect(p, TOK_COMMA) && expressions_rule(p)) {
            opt_as_name(p);
            if (expect(p, TOK_COLON)) {
                RETURN(RAISE_STARTING_FROM(a, "multiple exception types must be parenthesized"));
            }
        }
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_EXCEPT)) {
        expect(p, TOK_STAR);
        if (expression_rule(p)) {
            opt_as_name(p);
            if (expect(p, TOK_NEWLINE)) {
                RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
            }
        }
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_EXCEPT) && expect(p, TOK_NEWLINE)) {
        RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_EXCEPT) && expect(p, TOK_STAR) &&
        (expect(p, TOK_NEWLINE) || expect(p, TOK_COLON))) {
        RETURN(RAISE_SYNTAX_ERROR("expected one or more exception types"));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* except_block:
 *     | invalid_except_stmt_indent
 *     | 'except' expression ['as' NAME] ':' block
 *     | 'except' ':' block
 *     | invalid_except_stmt
 * except_star_block:
 *     | invalid_except_star_stmt_indent
 *     | 'except' '*' expression ['as' NAME] ':' block
 *     | invalid_except_stmt */
static PylExcepthandler *except_block_rule(Parser *p, int star)
{
    ENTER;
    int mark = p->mark;
    PylToken *a, *n;
    PylExpr *e;
    PylStmtSeq *b;
    if (p->call_invalid_rules) {
        if (!star) {
            /* invalid_except_stmt_indent:
             *     | 'except' expression ['as' NAME ] ':' NEWLINE !INDENT
             *     | 'except' ':' NEWLINE !INDENT */
            if ((a = expect(p, TOK_KW_EXCEPT)) && expression_rule(p)) {
                opt_as_name(p);
                if (missing_block(p, "'except' statement", a->lineno)) {
                    RETURN(NULL);
                }
            }
            NEXT_ALT(mark);
            if ((a = expect(p, TOK_KW_EXCEPT)) &&
                missing_block(p, "'except' statement", a->lineno)) {
                RETURN(NULL);
            }
            NEXT_ALT(mark);
        } else {
            /* invalid_except_star_stmt_indent:
             *     | 'except' '*' expression ['as' NAME ] ':' NEWLINE !INDENT */
            if ((a = expect(p, TOK_KW_EXCEPT)) && expect(p, TOK_STAR) && expression_rule(p)) {
                opt_as_name(p);
                if (missing_block(p, "'except*' statement", a->lineno)) {
                    RETURN(NULL);
                }
            }
            NEXT_ALT(mark);
        }
    }
    if (expect(p, TOK_KW_EXCEPT) && (!star || expect(p, TOK_STAR)) && (e = expression_rule(p))) {
        n = opt_as_name(p);
        if (!p->error && expect(p, TOK_COLON) && (b = block_rule(p))) {
            const char *name = n ? pyl_parse_ident(p, n) : NULL;
            Pos P = EXTRA_AT(mark);
            RETURN((n && !name) ? NULL : CHECK(pyl_ast_ExceptHandler(ARENA, e, name, *b, POS4(P))));
        }
    }
    NEXT_ALT(mark);
    if (!star && expect(p, TOK_KW_EXCEPT) && expect(p, TOK_COLON) && (b = block_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_ExceptHandler(ARENA, NULL, NULL, *b, POS4(P))));
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        invalid_except_stmt_rule(p);
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* finally_block: invalid_finally_stmt | 'finally' &&':' block */
static PylStmtSeq *finally_block_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a;
    if (p->call_invalid_rules) {
        /* invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT */
        if ((a = expect(p, TOK_KW_FINALLY)) && missing_block(p, "'finally' statement", a->lineno)) {
            RETURN(NULL);
        }
        NEXT_ALT(mark);
    }
    PylStmtSeq *b;
    if (expect(p, TOK_KW_FINALLY) && expect_forced(p, TOK_COLON, ":") && (b = block_rule(p))) {
        RETURN(b);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* except_block+ or except_star_block+ */
static int except_blocks(Parser *p, int star, Vec *v)
{
    for (;;) {
        int m = p->mark;
        PylExcepthandler *h = except_block_rule(p, star);
        if (!h) {
            if (p->error) {
                return 0;
            }
            p->mark = m;
            return v->n > 0;
        }
        if (VEC_PUSH(v, h) < 0) {
            return 0;
        }
    }
}

/* block* */
static void blocks_loop(Parser *p)
{
    for (;;) {
        int m = p->mark;
        if (!block_rule(p)) {
            if (!p->error) {
                p->mark = m;
            }
            return;
        }
    }
}

/* invalid_try_stmt:
 *     | 'try' ':' NEWLINE !INDENT
 *     | 'try' ':' block !('except' | 'finally')
 *     | 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
 *     | 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':' */
static void *invalid_try_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a, *b;
    if ((a = expect(p, TOK_KW_TRY)) && missing_block(p, "'try' statement", a->lineno)) {
        RETURN(NULL);
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_TRY) && expect(p, TOK_COLON) && block_rule(p) &&
        !next_is(p, TOK_KW_EXCEPT) && !next_is(p, TOK_KW_FINALLY) && !p->error) {
        RETURN(RAISE_SYNTAX_ERROR("expected 'except' or 'finally' block"));
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_TRY) && expect(p, TOK_COLON)) {
        blocks_loop(p);
        Vec v = {0};
        if (!p->error && except_blocks(p, 0, &v) && (a = expect(p, TOK_KW_EXCEPT)) &&
            (b = expect(p, TOK_STAR)) && expression_rule(p)) {
            opt_as_name(p);
            if (expect(p, TOK_COLON)) {
                RETURN(RAISE_KNOWN_RANGE(
                    a, b, "cannot have both 'except' and 'except*' on the same 'try'"));
            }
        }
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_KW_TRY) && expect(p, TOK_COLON)) {
        blocks_loop(p);
        Vec v = {0};
        if (!p->error && except_blocks(p, 1, &v) && (a = expect(p, TOK_KW_EXCEPT))) {
            int m = p->mark;
            if (expression_rule(p)) {
                opt_as_name(p);
            } else {
                NEXT_ALT(m);
            }
            if (expect(p, TOK_COLON)) {
                RETURN(RAISE_KNOWN_LOCATION(
                    a, "cannot have both 'except' and 'except*' on the same 'try'"));
            }
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* try_stmt:
 *     | invalid_try_stmt
 *     | 'try' &&':' block finally_block
 *     | 'try' &&':' block except_block+ [else_block] [finally_block]
 *     | 'try' &&':' block except_star_block+ [else_block] [finally_block] */
static PylStmt *try_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_try_stmt_rule(p);
        NEXT_ALT(mark);
    }
    PylStmtSeq *b, *f, *e;
    PylStmtSeq none = {0, NULL};
    PylExcepthandlerSeq nohandlers = {0, NULL};
    if (expect(p, TOK_KW_TRY) && expect_forced(p, TOK_COLON, ":") && (b = block_rule(p)) &&
        (f = finally_block_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Try(ARENA, *b, nohandlers, none, *f, POS4(P))));
    }
    NEXT_ALT(mark);
    for (int star = 0; star < 2; star++) {
        Vec ex = {0};
        if (expect(p, TOK_KW_TRY) && expect_forced(p, TOK_COLON, ":") && (b = block_rule(p)) &&
            except_blocks(p, star, &ex)) {
            int m = p->mark;
            if (!(e = else_block_rule(p))) {
                NEXT_ALT(m);
            }
            m = p->mark;
            if (!(f = finally_block_rule(p))) {
                NEXT_ALT(m);
            }
            Pos P = EXTRA_AT(mark);
            PylExcepthandlerSeq h = AS_SEQ(PylExcepthandler, ex);
            RETURN(CHECK(star ? pyl_ast_TryStar(ARENA, *b, h, e ? *e : none, f ? *f : none, POS4(P))
                              : pyl_ast_Try(ARENA, *b, h, e ? *e : none, f ? *f : none, POS4(P))));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}
