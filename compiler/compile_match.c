/* compile_match.c — match statements (PEP 634), in CPython 3.11's bytecode shape.
 *
 * The subject stays on the stack while the cases are tried (a COPY for every
 * case but the last). A pattern consumes the value on top of the stack and
 * either falls through having matched, or jumps to a failure label. Values it
 * captures are not stored at once: each is rotated (SWAPs) underneath the items
 * the pattern still needs, and the names are stored only after the whole
 * pattern matched — so a failed case binds nothing. The stack while a pattern
 * runs, for a case that has captured two names and still holds two items:
 *
 *     ... subject | capture(stores[1]) capture(stores[0]) | item item   <- top
 *                   \__________ nstores ____________/       \on_top/
 *
 * On failure everything above the subject must go, so a pattern jumps to
 * fail_pop[on_top + nstores]: the failure labels are laid out after the case
 * body as a ladder of POP_TOPs, fail_pop[n] popping n items before reaching
 * fail_pop[0] and the next case.
 *
 * An OR pattern tries each alternative on a copy of its subject with a fresh
 * context, reorders each alternative's captures to the first one's order, and
 * on success rotates them under the items of the enclosing pattern.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "compiler/codegen.h"

typedef struct PatternCtx {
    const char **stores; /* names captured so far; stores[0] is nearest the top */
    int nstores, capstores;
    int *fail_pop; /* fail_pop[n]: the label that pops n items and fails */
    int nfail_pop, capfail_pop;
    bool allow_irrefutable; /* may this pattern match everything? */
    int on_top;             /* items above the captures that are still needed */
} PatternCtx;

static bool pattern(PylCompiler *c, PylPattern *p, PatternCtx *pc);

/* A SyntaxError at the current source position (as CPython's compiler_error,
 * which reports the position of the instruction being compiled). */
static bool error_here(PylCompiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool error_here(PylCompiler *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    PylLocation *l = &c->u->loc;
    return pyl_cg_syntax_error(c, l->line, l->col, l->end_line, l->end_col, "%s", msg);
}

/* Make room for `need` elements of size `size` in an arena array (*cap grows). */
static bool reserve(PylCompiler *c, void **items, int *cap, int need, size_t size)
{
    if (need <= *cap) {
        return true;
    }
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need) {
        ncap *= 2;
    }
    void *v = pyl_arena_alloc(c->arena, size * (size_t)ncap);
    if (v == NULL) {
        pyl_err_nomemory(c->t);
        return pyl_cg_py_error(c);
    }
    if (*cap) {
        memcpy(v, *items, size * (size_t)*cap);
    }
    *items = v;
    *cap = ncap;
    return true;
}

static int store_index(PatternCtx *pc, const char *name)
{
    for (int i = 0; i < pc->nstores; i++) {
        if (strcmp(pc->stores[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

static bool add_store(PylCompiler *c, PatternCtx *pc, const char *name)
{
    if (store_index(pc, name) >= 0) {
        return error_here(c, "multiple assignments to name '%s' in pattern", name);
    }
    if (!reserve(c, (void **)&pc->stores, &pc->capstores, pc->nstores + 1, sizeof(char *))) {
        return false;
    }
    pc->stores[pc->nstores++] = name;
    return true;
}

/* Move the top of the stack down by count - 1 places (the items it passes rise by one). */
static void rotate(PylCompiler *c, int count)
{
    for (; count > 1; count--) {
        pyl_cg_emit(c, OP_SWAP, count);
    }
}

/* `_`: an AS pattern with neither sub-pattern nor name */
static bool is_wildcard(PylPattern *p)
{
    return p->kind == PAT_MatchAs && p->v.MatchAs.pattern == NULL && p->v.MatchAs.name == NULL;
}

static bool is_star_wildcard(PylPattern *p)
{
    return p->kind == PAT_MatchStar && p->v.MatchStar.name == NULL;
}

/* ---- failure ---------------------------------------------------------------------------- */

static bool ensure_fail_pop(PylCompiler *c, PatternCtx *pc, int n)
{
    if (!reserve(c, (void **)&pc->fail_pop, &pc->capfail_pop, n + 1, sizeof(int))) {
        return false;
    }
    while (pc->nfail_pop <= n) {
        pc->fail_pop[pc->nfail_pop++] = pyl_cg_new_label(c);
    }
    return !c->failed;
}

/* Jump with `op` to the failure label that pops everything this pattern holds. */
static bool jump_to_fail_pop(PylCompiler *c, PatternCtx *pc, int op)
{
    int pops = pc->on_top + pc->nstores;
    if (!ensure_fail_pop(c, pc, pops)) {
        return false;
    }
    pyl_cg_emit_jump(c, op, pc->fail_pop[pops]);
    return !c->failed;
}

/* Lay out the ladder of failure labels, each popping one item, and forget them. */
static void emit_and_reset_fail_pop(PylCompiler *c, PatternCtx *pc)
{
    if (pc->nfail_pop == 0) {
        return;
    }
    for (int n = pc->nfail_pop - 1; n > 0; n--) {
        pyl_cg_place(c, pc->fail_pop[n]);
        pyl_cg_emit(c, OP_POP_TOP, 0);
    }
    pyl_cg_place(c, pc->fail_pop[0]);
    pc->nfail_pop = 0;
}

/* ---- captures --------------------------------------------------------------------------- */

/* Capture the top of the stack as `name` (stored once the case has matched), or
 * drop it when name is NULL. */
static bool store_name(PylCompiler *c, PatternCtx *pc, const char *name)
{
    if (name == NULL) {
        pyl_cg_emit(c, OP_POP_TOP, 0);
        return !c->failed;
    }
    if (strcmp(name, "__debug__") == 0) {
        return error_here(c, "cannot assign to __debug__");
    }
    if (!add_store(c, pc, name)) {
        return false;
    }
    rotate(c, pc->on_top + pc->nstores); /* under the items and the earlier captures */
    return !c->failed;
}

/* A pattern nested in another: it may be irrefutable even where its parent may not. */
static bool subpattern(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    bool saved = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    bool ok = pattern(c, p, pc);
    pc->allow_irrefutable = saved;
    return ok;
}

/* ---- the pattern kinds -------------------------------------------------------------------- */

/* capture_pattern, wildcard_pattern, as_pattern */
static bool pattern_as(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    const char *name = p->v.MatchAs.name;
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (name != NULL) {
                return error_here(c, "name capture '%s' makes remaining patterns unreachable",
                                  name);
            }
            return error_here(c, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, pc, name);
    }
    /* keep a copy of the subject to capture once the inner pattern matched */
    pc->on_top++;
    pyl_cg_emit(c, OP_COPY, 1);
    if (!pattern(c, p->v.MatchAs.pattern, pc)) {
        return false;
    }
    pc->on_top--;
    return store_name(c, pc, name);
}

/* literal_pattern for None, True, False: compared by identity */
static bool pattern_singleton(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    PylObject *v;
    switch (p->v.MatchSingleton.value.kind) {
    case CONST_TRUE:
        v = PYL_TRUE;
        break;
    case CONST_FALSE:
        v = PYL_FALSE;
        break;
    default:
        v = PYL_NONE;
        break;
    }
    pyl_cg_emit_const(c, v);
    pyl_cg_emit_compare(c, CMP_Is);
    return jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
}

/* A literal the parser accepts: a number or string, -number, real +/- imaginary. */
static bool is_literal(PylExpr *e)
{
    return e->kind == EXPR_Constant || e->kind == EXPR_UnaryOp || e->kind == EXPR_BinOp;
}

/* Code for a literal or a value: real +/- imaginary is folded into one constant,
 * as CPython's AST optimizer does (a negative number already is one). */
static bool emit_value(PylCompiler *c, PylExpr *e)
{
    if (e->kind != EXPR_BinOp) {
        return pyl_cg_expr(c, e);
    }
    PylUnit *u = c->u;
    int start = u->ninstrs;
    if (!pyl_cg_expr(c, e->v.BinOp.left) || !pyl_cg_expr(c, e->v.BinOp.right)) {
        return false;
    }
    int nb = e->v.BinOp.op == OP_Sub ? PYL_NB_SUB : PYL_NB_ADD;
    PylLocation saved = u->loc;
    SET_LOC(c, e);
    if (u->ninstrs == start + 2 && u->instrs[start].op == OP_LOAD_CONST &&
        u->instrs[start + 1].op == OP_LOAD_CONST) {
        PylObject *a = PYL_LIST_ITEM(u->consts, u->instrs[start].arg);
        PylObject *b = PYL_LIST_ITEM(u->consts, u->instrs[start + 1].arg);
        PylObject *r = pyl_binop(c->t, a, b, nb);
        if (r == NULL) {
            return pyl_cg_py_error(c);
        }
        u->ninstrs = start;
        pyl_cg_emit_const(c, r);
    } else {
        pyl_cg_emit(c, OP_BINARY_OP, nb);
    }
    u->loc = saved;
    return !c->failed;
}

/* literal_pattern (numbers, strings), value_pattern (dotted names): compared with == */
static bool pattern_value(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    PylExpr *value = p->v.MatchValue.value;
    if (!is_literal(value) && value->kind != EXPR_Attribute) {
        return error_here(c, "patterns may only match literals and attribute lookups");
    }
    if (!emit_value(c, value)) {
        return false;
    }
    pyl_cg_emit_compare(c, CMP_Eq);
    return jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
}

/* The subject's items as separate subjects for the sub-patterns (UNPACK_*). */
static bool sequence_unpack(PylCompiler *c, PylPatternSeq *pats, int star, PatternCtx *pc)
{
    int n = pats->n;
    if (star >= 0) {
        int after = n - star - 1;
        if (star >= (1 << 8) || after >= (0x7FFFFFFF >> 8)) {
            return error_here(c, "too many expressions in star-unpacking sequence pattern");
        }
        pyl_cg_emit(c, OP_UNPACK_EX, star + (after << 8));
    } else {
        pyl_cg_emit(c, OP_UNPACK_SEQUENCE, n);
    }
    pc->on_top += n;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        if (!subpattern(c, pats->items[i], pc)) {
            return false;
        }
    }
    return true;
}

/* Like sequence_unpack for a pattern whose star is `*_`: index the subject
 * (subject[i], or subject[len - k] from the end) instead of unpacking it all. */
static bool sequence_subscr(PylCompiler *c, PylPatternSeq *pats, int star, PatternCtx *pc)
{
    int n = pats->n;
    pc->on_top++; /* the subject, kept for indexing */
    for (int i = 0; i < n; i++) {
        PylPattern *sub = pats->items[i];
        if (is_wildcard(sub) || i == star) {
            continue;
        }
        pyl_cg_emit(c, OP_COPY, 1);
        if (i < star) {
            pyl_cg_emit_const(c, PYL_SMALLINT(i));
        } else {
            /* the subject may not support negative indices */
            pyl_cg_emit(c, OP_GET_LEN, 0);
            pyl_cg_emit_const(c, PYL_SMALLINT(n - i));
            pyl_cg_emit(c, OP_BINARY_OP, PYL_NB_SUB);
        }
        pyl_cg_emit(c, OP_BINARY_SUBSCR, 0);
        if (!subpattern(c, sub, pc)) {
            return false;
        }
    }
    pc->on_top--;
    pyl_cg_emit(c, OP_POP_TOP, 0);
    return !c->failed;
}

/* sequence_pattern: [p, ...] / (p, ...) with at most one *name */
static bool pattern_sequence(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    PylPatternSeq *pats = &p->v.MatchSequence.patterns;
    int n = pats->n, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < n; i++) {
        PylPattern *sub = pats->items[i];
        if (sub->kind == PAT_MatchStar) {
            if (star >= 0) {
                return error_here(c, "multiple starred names in sequence pattern");
            }
            star_wildcard = is_star_wildcard(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(sub);
    }
    /* the subject stays on top for the type and length checks */
    pc->on_top++;
    pyl_cg_emit(c, OP_MATCH_SEQUENCE, 0);
    if (!jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE)) {
        return false;
    }
    if (star < 0) {
        pyl_cg_emit(c, OP_GET_LEN, 0);
        pyl_cg_emit_const(c, PYL_SMALLINT(n));
        pyl_cg_emit_compare(c, CMP_Eq);
        if (!jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE)) {
            return false;
        }
    } else if (n > 1) {
        pyl_cg_emit(c, OP_GET_LEN, 0);
        pyl_cg_emit_const(c, PYL_SMALLINT(n - 1));
        pyl_cg_emit_compare(c, CMP_GtE);
        if (!jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE)) {
            return false;
        }
    }
    pc->on_top--; /* what follows consumes the subject */
    if (only_wildcard) {
        /* [] / [_] / [_, _] / [*_] / [_, *_] ... */
        pyl_cg_emit(c, OP_POP_TOP, 0);
        return !c->failed;
    }
    if (star_wildcard) {
        return sequence_subscr(c, pats, star, pc);
    }
    return sequence_unpack(c, pats, star, pc);
}

/* Emit the keys of a mapping pattern, as one constant tuple when they are all
 * literals; a literal key equal to an earlier one is a SyntaxError. */
static bool mapping_keys(PylCompiler *c, PylPattern *p)
{
    PylThread *t = c->t;
    PylExprSeq *keys = &p->v.MatchMapping.keys;
    PylUnit *u = c->u;
    int start = u->ninstrs;
    bool all_const = true;
    PylObject *seen = NULL;
    for (int i = 0; i < keys->n; i++) {
        PylExpr *key = keys->items[i];
        if (!is_literal(key) && key->kind != EXPR_Attribute) {
            pyl_xdecref(t, seen);
            return error_here(c,
                              "mapping pattern keys may only match literals and attribute lookups");
        }
        int before = u->ninstrs;
        if (!emit_value(c, key)) {
            pyl_xdecref(t, seen);
            return false;
        }
        PylInstr *last = &u->instrs[u->ninstrs - 1];
        if (u->ninstrs != before + 1 || last->op != OP_LOAD_CONST) {
            all_const = false;
            continue;
        }
        if (key->kind == EXPR_Attribute) {
            continue;
        }
        PylObject *value = PYL_LIST_ITEM(u->consts, last->arg);
        if (seen == NULL && (seen = pyl_set_new(t, NULL)) == NULL) {
            return pyl_cg_py_error(c);
        }
        int dup = pyl_set_contains(t, seen, value);
        if (dup == 0) {
            dup = pyl_set_add(t, seen, value);
        } else if (dup > 0) {
            PylObject *r = pyl_repr(t, value);
            if (r != NULL) {
                error_here(c, "mapping pattern checks duplicate key (%s)", PYL_STR_DATA(r));
                pyl_decref(t, r);
            }
        }
        if (dup != 0) {
            pyl_decref(t, seen);
            return c->failed ? false : pyl_cg_py_error(c);
        }
    }
    pyl_xdecref(t, seen);
    if (!all_const) {
        pyl_cg_emit(c, OP_BUILD_TUPLE, keys->n);
        return !c->failed;
    }
    /* fold the LOAD_CONSTs into one tuple, as CPython's optimizer does */
    PylObject *tup = pyl_tuple_new(t, keys->n);
    if (tup == NULL) {
        return pyl_cg_py_error(c);
    }
    for (int i = 0; i < keys->n; i++) {
        PYL_TUPLE_ITEMS(tup)[i] = pyl_incref(PYL_LIST_ITEM(u->consts, u->instrs[start + i].arg));
    }
    u->ninstrs = start;
    pyl_cg_emit_const(c, tup);
    return !c->failed;
}

/* mapping_pattern: {key: p, ..., **rest} */
static bool pattern_mapping(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    PylPatternSeq *pats = &p->v.MatchMapping.patterns;
    const char *rest = p->v.MatchMapping.rest;
    int n = p->v.MatchMapping.keys.n;
    if (n != pats->n) {
        return error_here(c, "keys (%d) / patterns (%d) length mismatch in mapping pattern", n,
                          pats->n);
    }
    /* the subject stays on top for the type and length checks */
    pc->on_top++;
    pyl_cg_emit(c, OP_MATCH_MAPPING, 0);
    if (!jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE)) {
        return false;
    }
    if (n == 0 && rest == NULL) {
        /* {} matches any mapping */
        pc->on_top--;
        pyl_cg_emit(c, OP_POP_TOP, 0);
        return !c->failed;
    }
    if (n > 0) {
        pyl_cg_emit(c, OP_GET_LEN, 0);
        pyl_cg_emit_const(c, PYL_SMALLINT(n));
        pyl_cg_emit_compare(c, CMP_GtE);
        if (!jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE)) {
            return false;
        }
    }
    if (!mapping_keys(c, p)) {
        return false;
    }
    /* [subject, keys] -> [subject, keys, values or None] */
    pyl_cg_emit(c, OP_MATCH_KEYS, 0);
    pc->on_top += 2;
    pyl_cg_emit(c, OP_COPY, 1);
    if (!jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_NONE)) {
        return false;
    }
    pyl_cg_emit(c, OP_UNPACK_SEQUENCE, n);
    pc->on_top += n - 1;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        if (!subpattern(c, pats->items[i], pc)) {
            return false;
        }
    }
    /* matched: what follows consumes the keys and the subject */
    pc->on_top -= 2;
    if (rest == NULL) {
        pyl_cg_emit(c, OP_POP_TOP, 0); /* keys */
        pyl_cg_emit(c, OP_POP_TOP, 0); /* subject */
        return !c->failed;
    }
    /* rest = dict(subject); del rest[k] for each key */
    pyl_cg_emit(c, OP_BUILD_MAP, 0);       /* [subject, keys, rest] */
    pyl_cg_emit(c, OP_SWAP, 3);            /* [rest, keys, subject] */
    pyl_cg_emit(c, OP_DICT_UPDATE, 2);     /* [rest, keys] */
    pyl_cg_emit(c, OP_UNPACK_SEQUENCE, n); /* [rest, key...] */
    for (int k = n; k > 0; k--) {
        pyl_cg_emit(c, OP_COPY, 1 + k); /* [rest, key..., rest] */
        pyl_cg_emit(c, OP_SWAP, 2);     /* [rest, key..., rest, key] */
        pyl_cg_emit(c, OP_DELETE_SUBSCR, 0);
    }
    return store_name(c, pc, rest);
}

/* The attribute names of keyword sub-patterns: each a valid target, none twice. */
static bool check_kwd_attrs(PylCompiler *c, PylPattern *p)
{
    PylIdentSeq *attrs = &p->v.MatchClass.kwd_attrs;
    PylPatternSeq *pats = &p->v.MatchClass.kwd_patterns;
    for (int i = 0; i < attrs->n; i++) {
        SET_LOC(c, pats->items[i]);
        if (strcmp(attrs->items[i], "__debug__") == 0) {
            return error_here(c, "cannot assign to __debug__");
        }
        for (int j = i + 1; j < attrs->n; j++) {
            if (strcmp(attrs->items[i], attrs->items[j]) == 0) {
                SET_LOC(c, pats->items[j]);
                return error_here(c, "attribute name repeated in class pattern: %s",
                                  attrs->items[i]);
            }
        }
    }
    return true;
}

/* class_pattern: cls(p, ..., name=p, ...) */
static bool pattern_class(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    PylThread *t = c->t;
    PylPatternSeq *pats = &p->v.MatchClass.patterns;
    PylIdentSeq *attrs = &p->v.MatchClass.kwd_attrs;
    PylPatternSeq *kwd_pats = &p->v.MatchClass.kwd_patterns;
    int nargs = pats->n, nattrs = attrs->n;
    if (nattrs != kwd_pats->n) {
        return error_here(c, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern",
                          nattrs, kwd_pats->n);
    }
    if (nattrs > 0) {
        if (!check_kwd_attrs(c, p)) {
            return false;
        }
        SET_LOC(c, p);
    }
    if (!pyl_cg_expr(c, p->v.MatchClass.cls)) {
        return false;
    }
    PylObject *names = pyl_tuple_new(t, nattrs);
    if (names == NULL) {
        return pyl_cg_py_error(c);
    }
    for (int i = 0; i < nattrs; i++) {
        PylObject *s = pyl_str_intern_cstr(t, attrs->items[i]);
        if (s == NULL) {
            pyl_decref(t, names);
            return pyl_cg_py_error(c);
        }
        PYL_TUPLE_ITEMS(names)[i] = s;
    }
    pyl_cg_emit_const(c, names);
    /* [subject, cls, names] -> [attributes or None] */
    pyl_cg_emit(c, OP_MATCH_CLASS, nargs);
    pyl_cg_emit(c, OP_COPY, 1);
    pc->on_top++;
    if (!jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_NONE)) {
        return false;
    }
    pyl_cg_emit(c, OP_UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        PylPattern *sub = i < nargs ? pats->items[i] : kwd_pats->items[i - nargs];
        if (is_wildcard(sub)) {
            pyl_cg_emit(c, OP_POP_TOP, 0);
            continue;
        }
        if (!subpattern(c, sub, pc)) {
            return false;
        }
    }
    return !c->failed;
}

/* Reorder an alternative's captures (alt->stores, on the stack) into the order
 * of the first alternative's (control), so that every alternative leaves the
 * same names in the same stack slots. False if they bind different names. */
static bool reorder_captures(PylCompiler *c, PatternCtx *alt, const char **control)
{
    int n = alt->nstores;
    for (int ic = n - 1; ic >= 0; ic--) {
        int is = store_index(alt, control[ic]);
        if (is < 0) {
            return false;
        }
        if (is == ic) {
            continue;
        }
        /* is+1 rotations of the top ic+1 items bring stores[is] down to depth ic
         * (the names above it go along, the ones below rise) */
        for (int k = 0; k <= is; k++) {
            const char *top = alt->stores[0];
            memmove(alt->stores, alt->stores + 1, sizeof(char *) * (size_t)ic);
            alt->stores[ic] = top;
            rotate(c, ic + 1);
        }
    }
    return true;
}

/* or_pattern: p1 | p2 | ... */
static bool pattern_or(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    PylPatternSeq *alts = &p->v.MatchOr.patterns;
    int end = pyl_cg_new_label(c);
    PatternCtx outer = *pc;
    const char **control = NULL;
    int ncontrol = 0;
    for (int i = 0; i < alts->n; i++) {
        PylPattern *alt = alts->items[i];
        SET_LOC(c, alt);
        PatternCtx a = {0};
        /* an irrefutable alternative must be the last, if allowed at all */
        a.allow_irrefutable = i == alts->n - 1 && outer.allow_irrefutable;
        pyl_cg_emit(c, OP_COPY, 1);
        if (!pattern(c, alt, &a)) {
            return false;
        }
        if (i == 0) {
            control = a.stores;
            ncontrol = a.nstores;
        } else if (a.nstores != ncontrol || !reorder_captures(c, &a, control)) {
            return error_here(c, "alternative patterns bind different names");
        }
        if (i == alts->n - 1 && a.nfail_pop == 0) {
            /* an irrefutable last alternative: the OR pattern cannot fail */
            pyl_cg_place(c, end);
            break;
        }
        pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
        emit_and_reset_fail_pop(c, &a);
        if (i == alts->n - 1) {
            /* no alternative matched: drop the subject and fail */
            pyl_cg_emit(c, OP_POP_TOP, 0);
            if (!jump_to_fail_pop(c, pc, OP_JUMP_FORWARD)) {
                return false;
            }
            pyl_cg_place(c, end);
        }
    }
    /* [... stores, on_top items, subject, captures]: each capture goes under the
     * enclosing pattern's stores, then the subject copy is dropped */
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < ncontrol; i++) {
        rotate(c, nrots);
        if (!add_store(c, pc, control[i])) {
            return false;
        }
    }
    pyl_cg_emit(c, OP_POP_TOP, 0);
    return !c->failed;
}

static bool pattern(PylCompiler *c, PylPattern *p, PatternCtx *pc)
{
    if (c->failed) {
        return false;
    }
    if (c->depth + 1 > PYL_COMPILE_DEPTH) {
        pyl_err_format(c->t, PYL_EXC(c->t, RecursionError),
                       "maximum recursion depth exceeded during compilation");
        return pyl_cg_py_error(c);
    }
    c->depth++;
    SET_LOC(c, p);
    bool ok = false;
    switch (p->kind) {
    case PAT_MatchValue:
        ok = pattern_value(c, p, pc);
        break;
    case PAT_MatchSingleton:
        ok = pattern_singleton(c, p, pc);
        break;
    case PAT_MatchSequence:
        ok = pattern_sequence(c, p, pc);
        break;
    case PAT_MatchMapping:
        ok = pattern_mapping(c, p, pc);
        break;
    case PAT_MatchClass:
        ok = pattern_class(c, p, pc);
        break;
    case PAT_MatchStar:
        ok = store_name(c, pc, p->v.MatchStar.name);
        break;
    case PAT_MatchAs:
        ok = pattern_as(c, p, pc);
        break;
    case PAT_MatchOr:
        ok = pattern_or(c, p, pc);
        break;
    }
    c->depth--;
    return ok && !c->failed;
}

/* ---- SWAP clean-up ------------------------------------------------------------------------ */

/* Captures are moved into place with runs of SWAPs that often cancel out or only
 * reorder the stores that follow. As CPython's flowgraph optimizer does, each run
 * is replaced by the fewest SWAPs with the same effect ("swaptimize"), and a SWAP
 * followed by STORE_FAST / POP_TOP instructions of one line is replaced by
 * exchanging those instructions ("apply_static_swaps"). Only straight-line code is
 * touched: a label target starts a new block. */

enum { DEAD_OP = 0xFFFF }; /* an instruction to delete */

typedef struct SwapPass {
    PylInstr *in;
    int start, n;    /* the instructions [start, n) are optimised */
    bool *is_target; /* is_target[i - start]: a jump lands on instruction i */
} SwapPass;

static bool is_nop(int op)
{
    return op == OP_NOP || op == DEAD_OP;
}

static bool is_swappable(int op)
{
    return op == OP_STORE_FAST || op == OP_POP_TOP;
}

/* The run of SWAPs at i (with NOPs among them), rewritten as the fewest SWAPs
 * that permute the stack the same way; returns its length. */
static int simplify_swap_run(SwapPass *sp, int i)
{
    PylInstr *run = sp->in + i;
    int len = 1, depth = run[0].arg, nswaps = 1;
    while (i + len < sp->n && !sp->is_target[i + len - sp->start] &&
           (run[len].op == OP_SWAP || is_nop(run[len].op))) {
        if (run[len].op == OP_SWAP) {
            depth = run[len].arg > depth ? run[len].arg : depth;
            nswaps++;
        }
        len++;
    }
    if (nswaps == 1) {
        return len;
    }
    int *stack = malloc(sizeof(int) * (size_t)depth);
    if (stack == NULL) {
        return len; /* leave it as it is */
    }
    /* stack[k]: which item ends up at depth k */
    for (int k = 0; k < depth; k++) {
        stack[k] = k;
    }
    for (int k = 0; k < len; k++) {
        if (run[k].op == OP_SWAP) {
            int top = stack[0];
            stack[0] = stack[run[k].arg - 1];
            stack[run[k].arg - 1] = top;
        }
    }
    /* Undo the permutation cycle by cycle with swaps through the top; emitted
     * from the end of the run backwards they perform it. */
    int cur = len - 1;
    for (int k = 0; k < depth; k++) {
        if (stack[k] < 0 || stack[k] == k) {
            continue;
        }
        int j = k;
        for (;;) {
            if (j != 0) {
                run[cur].op = OP_SWAP;
                run[cur--].arg = j + 1;
            }
            if (stack[j] < 0) {
                break;
            }
            int next = stack[j];
            stack[j] = -1;
            j = next;
        }
    }
    while (cur >= 0) {
        run[cur--].op = DEAD_OP;
    }
    free(stack);
    return len;
}

/* The next STORE_FAST / POP_TOP after i in the same block (and on line `line`
 * unless it is -1), skipping NOPs; -1 if something else comes first. */
static int next_swappable(SwapPass *sp, int i, int line)
{
    while (++i < sp->n) {
        if (sp->is_target[i - sp->start] || (line >= 0 && sp->in[i].loc.line != line)) {
            return -1;
        }
        if (is_nop(sp->in[i].op)) {
            continue;
        }
        return is_swappable(sp->in[i].op) ? i : -1;
    }
    return -1;
}

/* Walking back from i over SWAPs, stores and NOPs: a SWAP k whose k items are
 * all consumed by the stores after it becomes an exchange of two stores. */
static void apply_static_swaps(SwapPass *sp, int i)
{
    for (; i >= sp->start; i--) {
        PylInstr *swap = &sp->in[i];
        bool block_start = sp->is_target[i - sp->start];
        if (swap->op == OP_SWAP) {
            int j = next_swappable(sp, i, -1);
            if (j < 0) {
                return;
            }
            int k = j, line = sp->in[j].loc.line;
            for (int count = swap->arg - 1; count > 0; count--) {
                k = next_swappable(sp, k, line);
                if (k < 0) {
                    return;
                }
            }
            swap->op = DEAD_OP;
            PylInstr tmp = sp->in[j];
            sp->in[j] = sp->in[k];
            sp->in[k] = tmp;
        } else if (!is_nop(swap->op) && !is_swappable(swap->op)) {
            return;
        }
        if (block_start) {
            return;
        }
    }
}

/* Optimise the SWAPs among instructions [start, ninstrs) and delete the ones
 * that disappear, moving the labels behind them. */
static void optimize_swaps(PylCompiler *c, int start)
{
    PylUnit *u = c->u;
    int n = u->ninstrs;
    if (c->failed || n <= start) {
        return;
    }
    SwapPass sp = {u->instrs, start, n, calloc((size_t)(n - start + 1), sizeof(bool))};
    if (sp.is_target == NULL) {
        return;
    }
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] >= start && u->labels[l] <= n) {
            sp.is_target[u->labels[l] - start] = true;
        }
    }
    for (int i = start; i < n; i++) {
        if (u->instrs[i].op == OP_SWAP) {
            int len = simplify_swap_run(&sp, i);
            apply_static_swaps(&sp, i + len - 1);
            i += len - 1;
        }
    }
    /* compact, remembering where each old index went */
    int *moved = malloc(sizeof(int) * (size_t)(n - start + 1));
    if (moved == NULL) {
        /* cannot renumber the labels: turn the dead instructions into NOPs */
        for (int i = start; i < n; i++) {
            if (u->instrs[i].op == DEAD_OP) {
                u->instrs[i].op = OP_NOP;
            }
        }
        free(sp.is_target);
        return;
    }
    int out = start;
    for (int i = start; i < n; i++) {
        moved[i - start] = out;
        if (u->instrs[i].op != DEAD_OP) {
            u->instrs[out++] = u->instrs[i];
        }
    }
    moved[n - start] = out;
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] >= start && u->labels[l] <= n) {
            u->labels[l] = moved[u->labels[l] - start];
        }
    }
    u->ninstrs = out;
    free(moved);
    free(sp.is_target);
}

/* ---- the statement ------------------------------------------------------------------------ */

/* Can control reach the next instruction? Not after a return, raise or jump,
 * unless a label is placed here. */
static bool reachable_here(PylCompiler *c)
{
    PylUnit *u = c->u;
    if (u->ninstrs == 0 || !pyl_opcode_is_terminal(u->instrs[u->ninstrs - 1].op)) {
        return true;
    }
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] == u->ninstrs) {
            return true;
        }
    }
    return false;
}

/* Jump to label when the guard is false. */
/* Does the code of case m (guard or body) start with an instruction on `line`?
 * Then a trailing `case _:` needs no NOP to mark its line. */
static bool starts_on_line(PylMatchCase *m, int line)
{
    if (m->guard != NULL) {
        return m->guard->lineno == line;
    }
    if (m->body.n == 0) {
        return false;
    }
    PylStmt *first = m->body.items[0];
    switch (first->kind) {
    case STMT_Pass:
    case STMT_Global:
    case STMT_Nonlocal:
        return false;
    case STMT_Expr:
        if (first->v.Expr.value->kind == EXPR_Constant) {
            return false;
        }
        break;
    default:
        break;
    }
    return first->lineno == line;
}

/* Before placing label `end`: a last case that jumps to it over nothing does not
 * need the jump (what jumped to the jump now lands on `end` too). */
static void drop_jump_to_next(PylCompiler *c, int end)
{
    PylUnit *u = c->u;
    if (c->failed || u->ninstrs == 0 || u->instrs[u->ninstrs - 1].op != OP_JUMP_FORWARD ||
        u->instrs[u->ninstrs - 1].label != end) {
        return;
    }
    u->ninstrs--;
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] == u->ninstrs + 1) {
            u->labels[l] = u->ninstrs;
        }
    }
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT */
bool pyl_cg_match(PylCompiler *c, PylStmt *s)
{
    PylMatchCaseSeq *cases = &s->v.Match.cases;
    int n = cases->n;
    int start = c->u->ninstrs;
    if (!pyl_cg_expr(c, s->v.Match.subject)) {
        return false;
    }
    int end = pyl_cg_new_label(c);
    /* a trailing `case _:` needs no copy of the subject, nor a pattern */
    bool has_default = n > 1 && is_wildcard(cases->items[n - 1]->pattern);
    int last = n - has_default - 1; /* the last case that tests a pattern */
    PatternCtx pc = {0};
    for (int i = 0; i <= last; i++) {
        PylMatchCase *m = cases->items[i];
        SET_LOC(c, m->pattern);
        if (i != last) {
            pyl_cg_emit(c, OP_COPY, 1);
        }
        pc.nstores = 0;
        pc.nfail_pop = 0;
        pc.on_top = 0;
        /* irrefutable cases must be guarded, last, or both */
        pc.allow_irrefutable = m->guard != NULL || i == n - 1;
        if (!pattern(c, m->pattern, &pc)) {
            return false;
        }
        /* matched: store the captures (the first one is on top) */
        for (int k = 0; k < pc.nstores; k++) {
            pyl_cg_nameop(c, pc.stores[k], CTX_Store);
        }
        if (m->guard != NULL) {
            if (!ensure_fail_pop(c, &pc, 0) ||
                !pyl_cg_jump_if(c, m->guard, pc.fail_pop[0], false)) {
                return false;
            }
        }
        if (i != last) {
            pyl_cg_emit(c, OP_POP_TOP, 0); /* the subject */
        }
        if (!pyl_cg_stmts(c, &m->body)) {
            return false;
        }
        if (reachable_here(c)) {
            pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
        }
        /* the failure path belongs to the pattern's line, not the body's */
        SET_LOC(c, m->pattern);
        emit_and_reset_fail_pop(c, &pc);
    }
    if (has_default) {
        PylMatchCase *m = cases->items[n - 1];
        SET_LOC(c, m->pattern);
        if (!starts_on_line(m, m->pattern->lineno)) {
            pyl_cg_emit(c, OP_NOP, 0); /* the line of `case _:` */
        }
        if (m->guard != NULL && !pyl_cg_jump_if(c, m->guard, end, false)) {
            return false;
        }
        if (!pyl_cg_stmts(c, &m->body)) {
            return false;
        }
    }
    drop_jump_to_next(c, end);
    pyl_cg_place(c, end);
    optimize_swaps(c, start);
    return !c->failed;
}
