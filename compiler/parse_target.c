/* parse_target.c — assignment and del targets: star_targets, single_target,
 * del_targets and their helpers (the grammar's "ASSIGNMENT TARGETS"). Targets are
 * parsed as targets (t_primary chains ending in an attribute or subscript, or
 * names, tuples, lists), not as expressions turned into targets afterwards, as
 * in CPython's grammar. See parse_impl.h for the conventions.
 */
#include "compiler/parse_impl.h"

#define ARENA p->arena

static PylExprSeq *new_expr_seq(Parser *p, Vec *v)
{
    PylExprSeq *s = CHECK(pyl_arena_alloc(ARENA, sizeof *s));
    if (s) {
        *s = AS_SEQ(PylExpr, *v);
    }
    return s;
}

static PylExpr *target_with_star_atom_rule(Parser *p);

/* t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead, with ctx */
static PylExpr *subscript_attribute_target(Parser *p, PylExprContext ctx)
{
    int mark = p->mark;
    PylExpr *a, *b;
    PylToken *n;
    if ((a = t_primary_rule(p)) && expect(p, TOK_DOT) && (n = expect(p, TOK_NAME)) &&
        !pyl_parse_t_lookahead(p) && !p->error) {
        const char *id = pyl_parse_ident(p, n);
        Pos P = EXTRA_AT(mark);
        return id ? CHECK(pyl_ast_Attribute(ARENA, a, id, ctx, POS4(P))) : NULL;
    }
    if (p->error) {
        return NULL;
    }
    p->mark = mark;
    if ((a = t_primary_rule(p)) && expect(p, TOK_LSQB) && (b = slices_rule(p)) &&
        expect(p, TOK_RSQB) && !pyl_parse_t_lookahead(p) && !p->error) {
        Pos P = EXTRA_AT(mark);
        return CHECK(pyl_ast_Subscript(ARENA, a, b, ctx, POS4(P)));
    }
    if (!p->error) {
        p->mark = mark;
    }
    return NULL;
}

/* star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
PylExpr *star_target_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_STAR_TARGET, PylExpr *);
    int mark = p->mark;
    PylExpr *a, *res = NULL;
    if (expect(p, TOK_STAR) && !next_is(p, TOK_STAR) && !p->error && (a = star_target_rule(p))) {
        Pos P = EXTRA_AT(mark);
        PylExpr *t = set_ctx(p, a, CTX_Store);
        res = t ? CHECK(pyl_ast_Starred(ARENA, t, CTX_Store, POS4(P))) : NULL;
        goto done;
    }
    NEXT_ALT(mark);
    res = target_with_star_atom_rule(p);
    if (p->error) {
        RETURN(NULL);
    }
done:
    pyl_parse_memo_put(p, mark, MEMO_STAR_TARGET, res);
    RETURN(res);
}

/* star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
 * star_targets_list_seq: ','.star_target+ [','] */
static PylExprSeq *star_targets_seq(Parser *p, int tuple)
{
    ENTER;
    Vec v = {0};
    PylExpr *a = star_target_rule(p);
    if (!a || VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    int comma = 0;
    for (;;) {
        int m = p->mark;
        if (!expect(p, TOK_COMMA)) {
            break;
        }
        comma = 1;
        if (!(a = star_target_rule(p))) {
            NEXT_ALT(m);
            p->mark = m + 1; /* the trailing comma */
            break;
        }
        if (VEC_PUSH(&v, a) < 0) {
            RETURN(NULL);
        }
    }
    if (p->error || (tuple && !comma)) {
        RETURN(NULL);
    }
    RETURN(new_expr_seq(p, &v));
}

/* star_atom:
 *     | NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
 *     | '[' [star_targets_list_seq] ']' */
static PylExpr *star_atom_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = pyl_parse_name_ctx(p, CTX_Store))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_LPAR) && (a = target_with_star_atom_rule(p)) && expect(p, TOK_RPAR)) {
        RETURN(set_ctx(p, a, CTX_Store));
    }
    NEXT_ALT(mark);
    for (int list = 0; list < 2; list++) {
        if (expect(p, list ? TOK_LSQB : TOK_LPAR)) {
            int m = p->mark;
            PylExprSeq *s = star_targets_seq(p, !list);
            if (!s) {
                NEXT_ALT(m);
            }
            if (expect(p, list ? TOK_RSQB : TOK_RPAR)) {
                Pos P = EXTRA_AT(mark);
                PylExprSeq elts = s ? *s : (PylExprSeq){0, NULL};
                RETURN(CHECK(list ? pyl_ast_List(ARENA, elts, CTX_Store, POS4(P))
                                  : pyl_ast_Tuple(ARENA, elts, CTX_Store, POS4(P))));
            }
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* target_with_star_atom (memo):
 *     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
 *     | star_atom */
static PylExpr *target_with_star_atom_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_TARGET_WITH_STAR_ATOM, PylExpr *);
    int mark = p->mark;
    PylExpr *res = subscript_attribute_target(p, CTX_Store);
    if (!res) {
        NEXT_ALT(mark);
        res = star_atom_rule(p);
        if (p->error) {
            RETURN(NULL);
        }
    }
    pyl_parse_memo_put(p, mark, MEMO_TARGET_WITH_STAR_ATOM, res);
    RETURN(res);
}

/* star_targets: star_target !',' | star_target (',' star_target)* [','] */
PylExpr *star_targets_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a = star_target_rule(p);
    if (!a) {
        RETURN(NULL);
    }
    if (!next_is(p, TOK_COMMA)) {
        if (p->error) {
            RETURN(NULL);
        }
        RETURN(a);
    }
    Vec v = {0};
    if (VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    for (;;) {
        int m = p->mark;
        PylExpr *b;
        if (expect(p, TOK_COMMA) && (b = star_target_rule(p))) {
            if (VEC_PUSH(&v, b) < 0) {
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
    Pos P = EXTRA_AT(mark);
    RETURN(CHECK(pyl_ast_Tuple(ARENA, AS_SEQ(PylExpr, v), CTX_Store, POS4(P))));
}

/* single_subscript_attribute_target:
 *     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead */
PylExpr *single_subscript_attribute_target_rule(Parser *p)
{
    ENTER;
    RETURN(subscript_attribute_target(p, CTX_Store));
}

/* single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
PylExpr *single_target_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = subscript_attribute_target(p, CTX_Store))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if ((a = pyl_parse_name_ctx(p, CTX_Store))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_LPAR) && (a = single_target_rule(p)) && expect(p, TOK_RPAR)) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

static PylExpr *del_target_rule(Parser *p);

/* del_targets: ','.del_target+ [','] */
PylExprSeq *del_targets_rule(Parser *p)
{
    ENTER;
    Vec v = {0};
    PylExpr *a = del_target_rule(p);
    if (!a || VEC_PUSH(&v, a) < 0) {
        RETURN(NULL);
    }
    for (;;) {
        int m = p->mark;
        if (expect(p, TOK_COMMA) && (a = del_target_rule(p))) {
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

/* del_t_atom:
 *     | NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']' */
static PylExpr *del_t_atom_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if ((a = pyl_parse_name_ctx(p, CTX_Del))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_LPAR) && (a = del_target_rule(p)) && expect(p, TOK_RPAR)) {
        RETURN(set_ctx(p, a, CTX_Del));
    }
    NEXT_ALT(mark);
    for (int list = 0; list < 2; list++) {
        if (expect(p, list ? TOK_LSQB : TOK_LPAR)) {
            int m = p->mark;
            PylExprSeq *s = del_targets_rule(p);
            if (!s) {
                NEXT_ALT(m);
            }
            if (expect(p, list ? TOK_RSQB : TOK_RPAR)) {
                Pos P = EXTRA_AT(mark);
                PylExprSeq elts = s ? *s : (PylExprSeq){0, NULL};
                RETURN(CHECK(list ? pyl_ast_List(ARENA, elts, CTX_Del, POS4(P))
                                  : pyl_ast_Tuple(ARENA, elts, CTX_Del, POS4(P))));
            }
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* del_target (memo):
 *     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
 *     | del_t_atom */
static PylExpr *del_target_rule(Parser *p)
{
    ENTER;
    MEMO_CHECK(MEMO_DEL_TARGET, PylExpr *);
    int mark = p->mark;
    PylExpr *res = subscript_attribute_target(p, CTX_Del);
    if (!res) {
        NEXT_ALT(mark);
        res = del_t_atom_rule(p);
        if (p->error) {
            RETURN(NULL);
        }
    }
    pyl_parse_memo_put(p, mark, MEMO_DEL_TARGET, res);
    RETURN(res);
}
