/* parse_match.c — the match statement and its patterns (PEP 634), with their
 * invalid_* rules. One function per grammar rule; see parse_impl.h.
 */
#include "compiler/parse_impl.h"

#define ARENA p->arena

static PylPattern *pattern_rule(Parser *p);
static PylPattern *closed_pattern_rule(Parser *p);

static int is_wildcard(const PylToken *t)
{
    return tok_is_soft(t, "_");
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=')  -> the identifier */
static const char *pattern_capture_target_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *t = peek(p);
    if (!t || is_wildcard(t)) {
        RETURN(NULL);
    }
    PylToken *n = expect(p, TOK_NAME);
    if (n && !next_is(p, TOK_DOT) && !next_is(p, TOK_LPAR) && !next_is(p, TOK_EQUAL) && !p->error) {
        RETURN(pyl_parse_ident(p, n));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* NUMBER | '-' NUMBER (signed_number); real/imag: 1 requires a real number (as in
 * signed_real_number), 2 an imaginary one (imaginary_number, no sign) */
static PylExpr *number_rule(Parser *p, int signed_ok, int need)
{
    ENTER;
    int mark = p->mark;
    PylToken *minus = signed_ok ? expect(p, TOK_MINUS) : NULL;
    PylExpr *n = number_token(p);
    if (!n) {
        NEXT_ALT(mark);
        RETURN(NULL);
    }
    if (need) {
        int imag = n->v.Constant.value.kind == CONST_COMPLEX;
        if (need == 1 && imag) {
            RETURN(RAISE_KNOWN_LOCATION(n, "real number required in complex literal"));
        }
        if (need == 2 && !imag) {
            RETURN(RAISE_KNOWN_LOCATION(n, "imaginary number required in complex literal"));
        }
    }
    if (minus) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_UnaryOp(ARENA, UOP_USub, n, POS4(P))));
    }
    RETURN(n);
}

/* complex_number:
 *     | signed_real_number '+' imaginary_number
 *     | signed_real_number '-' imaginary_number */
static PylExpr *complex_number_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a, *b;
    for (int sub = 0; sub < 2; sub++) {
        if ((a = number_rule(p, 1, 1)) && expect(p, sub ? TOK_MINUS : TOK_PLUS) &&
            (b = number_rule(p, 0, 2))) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_BinOp(ARENA, a, sub ? OP_Sub : OP_Add, b, POS4(P))));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* literal_expr:
 *     | signed_number !('+' | '-') | complex_number | strings
 *     | 'None' | 'True' | 'False'
 * (literal_pattern is the same wrapped in MatchValue / MatchSingleton) */
static PylExpr *literal_expr_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = number_rule(p, 1, 0)) && !next_is(p, TOK_PLUS) && !next_is(p, TOK_MINUS) &&
        !p->error) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if ((a = complex_number_rule(p))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if (next_is(p, TOK_STRING) && (a = strings_rule(p))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    PylToken *t = peek(p);
    if (t && (t->kind == TOK_KW_NONE || t->kind == TOK_KW_TRUE || t->kind == TOK_KW_FALSE)) {
        p->mark++;
        PylConst c;
        memset(&c, 0, sizeof c);
        c.kind = t->kind == TOK_KW_NONE   ? CONST_NONE
                 : t->kind == TOK_KW_TRUE ? CONST_TRUE
                                          : CONST_FALSE;
        RETURN(CHECK(pyl_ast_Constant(ARENA, c, NULL, t->lineno, t->col_offset, t->end_lineno,
                                      t->end_col_offset)));
    }
    RETURN(NULL);
}

/* name_or_attr: attr | NAME */
static PylExpr *name_or_attr_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = attr_rule(p);
    if (a) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(name_token(p));
}

/* star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern */
static PylPattern *star_pattern_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_STAR_PATTERN, PylPattern *);
    int mark = p->mark;
    PylPattern *res = NULL;
    const char *name;
    if (expect(p, TOK_STAR) && (name = pattern_capture_target_rule(p))) {
        Pos P = EXTRA_AT(mark);
        res = CHECK(pyl_ast_MatchStar(ARENA, name, POS4(P)));
        goto done;
    }
    NEXT_ALT(mark);
    PylToken *t;
    if (expect(p, TOK_STAR) && (t = peek(p)) && is_wildcard(t)) {
        p->mark++;
        Pos P = EXTRA_AT(mark);
        res = CHECK(pyl_ast_MatchStar(ARENA, NULL, POS4(P)));
        goto done;
    }
    NEXT_ALT(mark);
done:
    if (p->error) {
        RETURN(NULL);
    }
    pyl_parse_memo_put(p, mark, MEMO_STAR_PATTERN, res);
    RETURN(res);
}

/* maybe_star_pattern: star_pattern | pattern */
static PylPattern *maybe_star_pattern_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylPattern *a = star_pattern_rule(p);
    if (a) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(pattern_rule(p));
}

/* maybe_sequence_pattern: ','.maybe_star_pattern+ ','?  (appends to v) */
static int maybe_sequence_pattern(Parser *p, Vec *v)
{
    PylPattern *a = maybe_star_pattern_rule(p);
    if (!a || VEC_PUSH(v, a) < 0) {
        return 0;
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && (a = maybe_star_pattern_rule(p))) {
            if (VEC_PUSH(v, a) < 0) {
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
    expect(p, TOK_COMMA);
    return !p->error;
}

/* open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
static int open_sequence_pattern(Parser *p, Vec *v)
{
    int mark = p->mark;
    PylPattern *a = maybe_star_pattern_rule(p);
    if (a && expect(p, TOK_COMMA)) {
        if (VEC_PUSH(v, a) < 0) {
            return 0;
        }
        int m = p->mark;
        if (!maybe_sequence_pattern(p, v)) {
            if (p->error) {
                return 0;
            }
            p->mark = m;
            v->n = 1;
        }
        return 1;
    }
    if (!p->error) {
        p->mark = mark;
    }
    return 0;
}

/* ','.pattern+ (positional_patterns) into v */
static int positional_patterns(Parser *p, Vec *v)
{
    PylPattern *a = pattern_rule(p);
    if (!a || VEC_PUSH(v, a) < 0) {
        return 0;
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && (a = pattern_rule(p))) {
            if (VEC_PUSH(v, a) < 0) {
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

/* keyword_patterns: ','.keyword_pattern+   keyword_pattern: NAME '=' pattern */
static int keyword_patterns(Parser *p, Vec *names, Vec *pats)
{
    for (int first = 1;; first = 0) {
        int m = p->mark;
        PylToken *n;
        PylPattern *a;
        if ((first || expect(p, TOK_COMMA)) && (n = expect(p, TOK_NAME)) && expect(p, TOK_EQUAL) &&
            (a = pattern_rule(p))) {
            const char *id = pyl_parse_ident(p, n);
            if (!id || VEC_PUSH(names, (void *)id) < 0 || VEC_PUSH(pats, a) < 0) {
                return 0;
            }
            continue;
        }
        if (p->error) {
            return 0;
        }
        p->mark = m;
        return names->n > 0;
    }
}

/* class_pattern:
 *     | name_or_attr '(' ')'
 *     | name_or_attr '(' positional_patterns ','? ')'
 *     | name_or_attr '(' keyword_patterns ','? ')'
 *     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
 *     | invalid_class_pattern */
static PylPattern *class_pattern_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *cls;
    for (int alt = 0; alt < 4; alt++) {
        Vec pos = {0}, names = {0}, kw = {0};
        if ((cls = name_or_attr_rule(p)) && expect(p, TOK_LPAR)) {
            int ok = 1;
            if (alt == 1 || alt == 3) {
                ok = positional_patterns(p, &pos);
                if (ok && alt == 3) {
                    ok = expect(p, TOK_COMMA) != NULL;
                }
            }
            if (ok && (alt == 2 || alt == 3)) {
                ok = keyword_patterns(p, &names, &kw);
            }
            if (ok && alt != 0) {
                expect(p, TOK_COMMA);
            }
            if (ok && !p->error && expect(p, TOK_RPAR)) {
                Pos P = EXTRA_AT(mark);
                PylIdentSeq ids = {names.n, (const char **)VEC_FINISH(names)};
                RETURN(CHECK(pyl_ast_MatchClass(ARENA, cls, AS_SEQ(PylPattern, pos), ids,
                                                AS_SEQ(PylPattern, kw), POS4(P))));
            }
        }
        NEXT_ALT(mark);
    }
    if (p->call_invalid_rules) {
        /* invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern
         * invalid_class_argument_pattern:
         *     [positional_patterns ','] keyword_patterns ',' positional_patterns */
        if (name_or_attr_rule(p) && expect(p, TOK_LPAR)) {
            int m = p->mark;
            Vec pos = {0}, names = {0}, kw = {0}, a = {0};
            if (!(positional_patterns(p, &pos) && expect(p, TOK_COMMA))) {
                NEXT_ALT(m);
            }
            if (keyword_patterns(p, &names, &kw) && expect(p, TOK_COMMA) &&
                positional_patterns(p, &a)) {
                PylPattern *first = a.items[0], *last = a.items[a.n - 1];
                RETURN(
                    RAISE_KNOWN_RANGE(first, last, "positional patterns follow keyword patterns"));
            }
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* mapping_pattern:
 *     | '{' '}'
 *     | '{' double_star_pattern ','? '}'
 *     | '{' items_pattern ',' double_star_pattern ','? '}'
 *     | '{' items_pattern ','? '}'
 * items_pattern: ','.key_value_pattern+
 * key_value_pattern: (literal_expr | attr) ':' pattern
 * double_star_pattern: '**' pattern_capture_target */
static PylPattern *mapping_pattern_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    for (int alt = 0; alt < 4; alt++) {
        Vec keys = {0}, pats = {0};
        const char *rest = NULL;
        if (!expect(p, TOK_LBRACE)) {
            RETURN(NULL);
        }
        int ok = 1;
        if (alt >= 2) {
            /* items_pattern */
            for (int first = 1;; first = 0) {
                int m = p->mark;
                PylExpr *k = NULL;
                PylPattern *v;
                if (first || expect(p, TOK_COMMA)) {
                    int m2 = p->mark;
                    k = literal_expr_rule(p);
                    if (!k) {
                        if (p->error) {
                            RETURN(NULL);
                        }
                        p->mark = m2;
                        k = attr_rule(p);
                    }
                }
                if (k && expect(p, TOK_COLON) && (v = pattern_rule(p))) {
                    if (VEC_PUSH(&keys, k) < 0 || VEC_PUSH(&pats, v) < 0) {
                        RETURN(NULL);
                    }
                    continue;
                }
                NEXT_ALT(m);
                break;
            }
            ok = keys.n > 0;
            if (ok && alt == 2) {
                ok = expect(p, TOK_COMMA) != NULL;
            }
        }
        if (ok && (alt == 1 || alt == 2)) {
            ok = expect(p, TOK_DOUBLESTAR) && (rest = pattern_capture_target_rule(p));
        }
        if (ok && alt != 0) {
            expect(p, TOK_COMMA);
        }
        if (ok && !p->error && expect(p, TOK_RBRACE)) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_MatchMapping(ARENA, AS_SEQ(PylExpr, keys),
                                              AS_SEQ(PylPattern, pats), rest, POS4(P))));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* closed_pattern (memo):
 *     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
 *     | group_pattern | sequence_pattern | mapping_pattern | class_pattern */
static PylPattern *closed_pattern_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_CLOSED_PATTERN, PylPattern *);
    int mark = p->mark;
    PylPattern *res = NULL;
    PylExpr *e;
    const char *name;
    PylToken *t;
    /* literal_pattern */
    if ((e = literal_expr_rule(p))) {
        Pos P = EXTRA_AT(mark);
        if (e->kind == EXPR_Constant &&
            (e->v.Constant.value.kind == CONST_NONE || e->v.Constant.value.kind == CONST_TRUE ||
             e->v.Constant.value.kind == CONST_FALSE)) {
            res = CHECK(pyl_ast_MatchSingleton(ARENA, e->v.Constant.value, POS4(P)));
        } else {
            res = CHECK(pyl_ast_MatchValue(ARENA, e, POS4(P)));
        }
        goto done;
    }
    NEXT_ALT(mark);
    /* capture_pattern: pattern_capture_target */
    if ((name = pattern_capture_target_rule(p))) {
        Pos P = EXTRA_AT(mark);
        res = CHECK(pyl_ast_MatchAs(ARENA, NULL, name, POS4(P)));
        goto done;
    }
    NEXT_ALT(mark);
    /* wildcard_pattern: "_" */
    if ((t = peek(p)) && is_wildcard(t)) {
        p->mark++;
        Pos P = EXTRA_AT(mark);
        res = CHECK(pyl_ast_MatchAs(ARENA, NULL, NULL, POS4(P)));
        goto done;
    }
    NEXT_ALT(mark);
    /* value_pattern: attr !('.' | '(' | '=') */
    if ((e = attr_rule(p)) && !next_is(p, TOK_DOT) && !next_is(p, TOK_LPAR) &&
        !next_is(p, TOK_EQUAL) && !p->error) {
        Pos P = EXTRA_AT(mark);
        res = CHECK(pyl_ast_MatchValue(ARENA, e, POS4(P)));
        goto done;
    }
    NEXT_ALT(mark);
    /* group_pattern: '(' pattern ')' */
    PylPattern *a;
    if (expect(p, TOK_LPAR) && (a = pattern_rule(p)) && expect(p, TOK_RPAR)) {
        res = a;
        goto done;
    }
    NEXT_ALT(mark);
    /* sequence_pattern:
     *     | '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')' */
    for (int paren = 0; paren < 2; paren++) {
        Vec v = {0};
        if (expect(p, paren ? TOK_LPAR : TOK_LSQB)) {
            int m = p->mark;
            if (!(paren ? open_sequence_pattern(p, &v) : maybe_sequence_pattern(p, &v))) {
                NEXT_ALT(m);
                v.n = 0;
            }
            if (expect(p, paren ? TOK_RPAR : TOK_RSQB)) {
                Pos P = EXTRA_AT(mark);
                res = CHECK(pyl_ast_MatchSequence(ARENA, AS_SEQ(PylPattern, v), POS4(P)));
                goto done;
            }
        }
        NEXT_ALT(mark);
    }
    if ((res = mapping_pattern_rule(p))) {
        goto done;
    }
    NEXT_ALT(mark);
    res = class_pattern_rule(p);
    if (p->error) {
        RETURN(NULL);
    }
done:
    if (p->error) {
        RETURN(NULL);
    }
    pyl_parse_memo_put(p, mark, MEMO_CLOSED_PATTERN, res);
    RETURN(res);
}

/* or_pattern: '|'.closed_pattern+ */
static PylPattern *or_pattern_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    Vec v = {0};
    PylPattern *a = closed_pattern_rule(p);
    if (!a || VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_VBAR) && (a = closed_pattern_rule(p))) {
            if (VEC_PUSH(&v, a) < 0) {
                RETURN(NULL);
            }
            continue;
        }
        NEXT_ALT(m);
        break;
    }
    if (v.n == 1) {
        RETURN(v.items[0]);
    }
    Pos P = EXTRA_AT(mark);
    RETURN(CHECK(pyl_ast_MatchOr(ARENA, AS_SEQ(PylPattern, v), POS4(P))));
}

/* pattern: as_pattern | or_pattern
 * as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
 * invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression */
static PylPattern *pattern_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylPattern *a;
    const char *name;
    if ((a = or_pattern_rule(p)) && expect(p, TOK_KW_AS) &&
        (name = pattern_capture_target_rule(p))) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_MatchAs(ARENA, a, name, POS4(P))));
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        PylToken *t;
        PylExpr *e;
        if (or_pattern_rule(p) && expect(p, TOK_KW_AS) && (t = peek(p)) && is_wildcard(t)) {
            RETURN(RAISE_KNOWN_LOCATION(t, "cannot use '_' as a target"));
        }
        NEXT_ALT(mark);
        if (or_pattern_rule(p) && expect(p, TOK_KW_AS) && !next_is(p, TOK_NAME) && !p->error &&
            (e = expression_rule(p))) {
            RETURN(RAISE_KNOWN_LOCATION(e, "invalid pattern target"));
        }
        NEXT_ALT(mark);
    }
    RETURN(or_pattern_rule(p));
}

/* patterns: open_sequence_pattern | pattern */
static PylPattern *patterns_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    Vec v = {0};
    if (open_sequence_pattern(p, &v)) {
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_MatchSequence(ARENA, AS_SEQ(PylPattern, v), POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(pattern_rule(p));
}

/* guard: 'if' named_expression */
static PylExpr *guard_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_KW_IF) && (a = named_expression_rule(p))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* case_block:
 *     | invalid_case_block
 *     | "case" patterns guard? ':' block
 * invalid_case_block:
 *     | "case" patterns guard? NEWLINE
 *     | "case" patterns guard? ':' NEWLINE !INDENT */
static PylMatchCase *case_block_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylToken *a;
    if (p->call_invalid_rules) {
        for (int alt = 0; alt < 2; alt++) {
            if ((a = expect_soft(p, "case")) && patterns_rule(p)) {
                int m = p->mark;
                if (!guard_rule(p)) {
                    NEXT_ALT(m);
                }
                if (alt == 0 && expect(p, TOK_NEWLINE)) {
                    RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
                }
                if (alt == 1 && expect(p, TOK_COLON) && expect(p, TOK_NEWLINE) &&
                    !next_is(p, TOK_INDENT) && !p->error) {
                    RETURN(RAISE_INDENTATION_ERROR(
                        "expected an indented block after 'case' statement on line %d", a->lineno));
                }
            }
            NEXT_ALT(mark);
        }
    }
    PylPattern *pat;
    PylStmtSeq *b;
    if (expect_soft(p, "case") && (pat = patterns_rule(p))) {
        int m = p->mark;
        PylExpr *g = guard_rule(p);
        if (!g) {
            NEXT_ALT(m);
        }
        if (expect(p, TOK_COLON) && (b = block_rule(p))) {
            RETURN(CHECK(pyl_ast_match_case(ARENA, pat, g, *b)));
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* subject_expr:
 *     | star_named_expression ',' star_named_expressions?
 *     | named_expression */
static PylExpr *subject_expr_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = star_named_expression_rule(p)) && expect(p, TOK_COMMA)) {
        int m = p->mark;
        PylExprSeq *b = star_named_expressions_rule(p);
        if (!b) {
            NEXT_ALT(m);
        }
        Vec v = {0};
        VEC_PUSH(&v, a);
        for (int i = 0; b && i < b->n; i++) {
            VEC_PUSH(&v, b->items[i]);
        }
        if (p->error) {
            RETURN(NULL);
        }
        Pos P = EXTRA_AT(mark);
        RETURN(CHECK(pyl_ast_Tuple(ARENA, AS_SEQ(PylExpr, v), CTX_Load, POS4(P))));
    }
    NEXT_ALT(mark);
    RETURN(named_expression_rule(p));
}

/* match_stmt:
 *     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
 *     | invalid_match_stmt
 * invalid_match_stmt:
 *     | "match" subject_expr NEWLINE
 *     | "match" subject_expr ':' NEWLINE !INDENT */
PylStmt *match_stmt_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *subject;
    if (expect_soft(p, "match") && (subject = subject_expr_rule(p)) && expect(p, TOK_COLON) &&
        expect(p, TOK_NEWLINE) && expect(p, TOK_INDENT)) {
        Vec cases = {0};
        for (;;) {
            int m = p->mark;
            PylMatchCase *c = case_block_rule(p);
            if (!c) {
                NEXT_ALT(m);
                break;
            }
            if (VEC_PUSH(&cases, c) < 0) {
                RETURN(NULL);
            }
        }
        if (cases.n > 0 && expect(p, TOK_DEDENT)) {
            Pos P = EXTRA_AT(mark);
            RETURN(CHECK(pyl_ast_Match(ARENA, subject, AS_SEQ(PylMatchCase, cases), POS4(P))));
        }
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        PylToken *a;
        if (expect_soft(p, "match") && subject_expr_rule(p) && expect(p, TOK_NEWLINE)) {
            RETURN(RAISE_SYNTAX_ERROR("expected ':'"));
        }
        NEXT_ALT(mark);
        if ((a = expect_soft(p, "match")) && subject_expr_rule(p) && expect(p, TOK_COLON) &&
            expect(p, TOK_NEWLINE) && !next_is(p, TOK_INDENT) && !p->error) {
            RETURN(RAISE_INDENTATION_ERROR(
                "expected an indented block after 'match' statement on line %d", a->lineno));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}
