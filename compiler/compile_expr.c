/* compile_expr.c — the code generator's expressions: constants folded as
 * CPython's AST optimizer folds them, displays, comparisons and conditional
 * jumps, calls (CALL with KW_NAMES, CALL_FUNCTION_EX for *args / **kw),
 * f-strings, slices, assignment targets and comprehensions (their own scope,
 * the first iterable evaluated outside). The shared toolkit is in codegen.h.
 */

#include "compiler/codegen.h"

/* ---- expressions ----------------------------------------------------------------------------- */

static const int binop_of[] = {
    [OP_Add] = PYL_NB_ADD,           [OP_Sub] = PYL_NB_SUB,       [OP_Mult] = PYL_NB_MUL,
    [OP_MatMult] = PYL_NB_MATMUL,    [OP_Div] = PYL_NB_TRUEDIV,   [OP_Mod] = PYL_NB_MOD,
    [OP_Pow] = PYL_NB_POW,           [OP_LShift] = PYL_NB_LSHIFT, [OP_RShift] = PYL_NB_RSHIFT,
    [OP_BitOr] = PYL_NB_OR,          [OP_BitXor] = PYL_NB_XOR,    [OP_BitAnd] = PYL_NB_AND,
    [OP_FloorDiv] = PYL_NB_FLOORDIV,
};

int pyl_cg_binop(int op)
{
    return binop_of[op];
}

bool pyl_cg_exprs(PylCompiler *c, PylExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++) {
        if (!pyl_cg_expr(c, seq->items[i])) {
            return false;
        }
    }
    return true;
}

bool pyl_cg_has_starred(PylExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++) {
        if (seq->items[i]->kind == EXPR_Starred) {
            return true;
        }
    }
    return false;
}

static PylObject *constant_tuple(PylCompiler *c, PylExprSeq *elts);

/* -literal for a number literal */
static bool is_negated_number(PylExpr *e)
{
    if (e->kind != EXPR_UnaryOp || e->v.UnaryOp.op != UOP_USub ||
        e->v.UnaryOp.operand->kind != EXPR_Constant) {
        return false;
    }
    int kind = e->v.UnaryOp.operand->v.Constant.value.kind;
    return kind == CONST_INT || kind == CONST_FLOAT || kind == CONST_COMPLEX;
}

static bool is_constant_expr(PylExpr *e)
{
    if (e->kind == EXPR_Constant || is_negated_number(e)) {
        return true;
    }
    if (e->kind != EXPR_Tuple || e->v.Tuple.ctx != CTX_Load) {
        return false;
    }
    for (int i = 0; i < e->v.Tuple.elts.n; i++) {
        if (!is_constant_expr(e->v.Tuple.elts.items[i])) {
            return false;
        }
    }
    return true;
}

/* The value of a constant expression (as CPython's AST optimizer folds tuples of
 * constants into one constant): a new reference, or NULL after py_error. */
static PylObject *constant_value(PylCompiler *c, PylExpr *e)
{
    if (e->kind == EXPR_Constant) {
        PylObject *o = pyl_cg_const_object(c, &e->v.Constant.value);
        if (o == NULL) {
            pyl_cg_py_error(c);
        }
        return o;
    }
    if (is_negated_number(e)) {
        PylObject *v = constant_value(c, e->v.UnaryOp.operand);
        PylObject *neg = v ? pyl_neg(c->t, v) : NULL;
        pyl_xdecref(c->t, v);
        if (neg == NULL && v != NULL) {
            pyl_cg_py_error(c);
        }
        return neg;
    }
    return constant_tuple(c, &e->v.Tuple.elts);
}

/* A tuple constant if every element is a constant, else NULL (no error). */
static PylObject *constant_tuple(PylCompiler *c, PylExprSeq *elts)
{
    for (int i = 0; i < elts->n; i++) {
        if (!is_constant_expr(elts->items[i])) {
            return NULL;
        }
    }
    PylObject *tup = pyl_tuple_new(c->t, elts->n);
    if (tup == NULL) {
        pyl_cg_py_error(c);
        return NULL;
    }
    for (int i = 0; i < elts->n; i++) {
        PylObject *o = constant_value(c, elts->items[i]);
        if (o == NULL) {
            pyl_decref(c->t, tup);
            return NULL;
        }
        PYL_TUPLE_ITEMS(tup)[i] = o;
    }
    return tup;
}

/* list / tuple / set displays, with *unpacking */
static bool compile_sequence(PylCompiler *c, PylExprSeq *elts, int build_op, int extend_op,
                             bool to_tuple)
{
    if (!pyl_cg_has_starred(elts)) {
        if (build_op == OP_BUILD_TUPLE && elts->n > 0) {
            PylObject *tup = constant_tuple(c, elts);
            if (tup != NULL) {
                pyl_cg_emit_const(c, tup);
                return !c->failed;
            }
            if (c->failed) {
                return false;
            }
        }
        if (build_op != OP_BUILD_TUPLE && elts->n > 2) {
            /* [1, 2, 3] is BUILD_LIST 0 + LIST_EXTEND of a constant tuple, {1, 2, 3}
             * BUILD_SET 0 + SET_UPDATE of a constant frozenset (as in CPython, whose
             * set order this reproduces: the frozenset is rebuilt from a tuple of
             * its items when constants are merged) */
            PylObject *tup = constant_tuple(c, elts);
            if (tup != NULL) {
                if (build_op == OP_BUILD_SET) {
                    PylObject *fs = pyl_frozenset_new(c->t, tup);
                    pyl_decref(c->t, tup);
                    PylObject *items = fs ? pyl_tuple_from_iterable(c->t, fs) : NULL;
                    pyl_xdecref(c->t, fs);
                    tup = items ? pyl_frozenset_new(c->t, items) : NULL;
                    pyl_xdecref(c->t, items);
                    if (tup == NULL) {
                        pyl_cg_py_error(c);
                        return false;
                    }
                }
                pyl_cg_emit(c, build_op, 0);
                pyl_cg_emit_const(c, tup);
                pyl_cg_emit(c, extend_op, 1);
                return !c->failed;
            }
            if (c->failed) {
                return false;
            }
        }
        if (!pyl_cg_exprs(c, elts)) {
            return false;
        }
        pyl_cg_emit(c, build_op, elts->n);
        return !c->failed;
    }
    /* build a list (or set) incrementally */
    int seen = 0;
    bool started = false;
    int base_build = build_op == OP_BUILD_SET ? OP_BUILD_SET : OP_BUILD_LIST;
    int add_op = build_op == OP_BUILD_SET ? OP_SET_ADD : OP_LIST_APPEND;
    for (int i = 0; i < elts->n; i++) {
        PylExpr *e = elts->items[i];
        if (e->kind == EXPR_Starred) {
            if (!started) {
                pyl_cg_emit(c, base_build, seen);
                started = true;
            }
            if (!pyl_cg_expr(c, e->v.Starred.value)) {
                return false;
            }
            pyl_cg_emit(c, extend_op, 1);
        } else {
            if (!pyl_cg_expr(c, e)) {
                return false;
            }
            if (started) {
                pyl_cg_emit(c, add_op, 1);
            } else {
                seen++;
            }
        }
    }
    if (!started) {
        pyl_cg_emit(c, base_build, seen);
    }
    if (to_tuple) {
        pyl_cg_emit(c, OP_LIST_TO_TUPLE, 0);
    }
    return !c->failed;
}

static bool compile_dict(PylCompiler *c, PylExpr *e)
{
    PylExprSeq *keys = &e->v.Dict.keys, *values = &e->v.Dict.values;
    int n = keys->n;
    bool any_unpack = false;
    for (int i = 0; i < n; i++) {
        any_unpack |= keys->items[i] == NULL;
    }
    if (!any_unpack && n > 0 && n <= 0xFFFF) {
        /* all keys constant: BUILD_CONST_KEY_MAP */
        bool all_const = true;
        for (int i = 0; i < n; i++) {
            all_const &= keys->items[i]->kind == EXPR_Constant;
        }
        if (all_const && n > 1) {
            if (!pyl_cg_exprs(c, values)) {
                return false;
            }
            PylObject *kt = constant_tuple(c, keys);
            if (kt == NULL) {
                return false;
            }
            pyl_cg_emit_const(c, kt);
            pyl_cg_emit(c, OP_BUILD_CONST_KEY_MAP, n);
            return !c->failed;
        }
    }
    int pending = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        if (keys->items[i] == NULL) {
            if (!have_dict || pending) {
                pyl_cg_emit(c, OP_BUILD_MAP, pending);
                if (have_dict) {
                    pyl_cg_emit(c, OP_DICT_UPDATE, 1);
                }
                have_dict = true;
                pending = 0;
            }
            if (!pyl_cg_expr(c, values->items[i])) {
                return false;
            }
            pyl_cg_emit(c, OP_DICT_UPDATE, 1);
        } else {
            if (!pyl_cg_expr(c, keys->items[i]) || !pyl_cg_expr(c, values->items[i])) {
                return false;
            }
            pending++;
        }
    }
    if (!have_dict || pending) {
        pyl_cg_emit(c, OP_BUILD_MAP, pending);
        if (have_dict) {
            pyl_cg_emit(c, OP_DICT_UPDATE, 1);
        }
    }
    return !c->failed;
}

static int cmpop_of(int op)
{
    switch (op) {
    case CMP_Eq:
        return PYL_EQ;
    case CMP_NotEq:
        return PYL_NE;
    case CMP_Lt:
        return PYL_LT;
    case CMP_LtE:
        return PYL_LE;
    case CMP_Gt:
        return PYL_GT;
    default:
        return PYL_GE;
    }
}

void pyl_cg_emit_compare(PylCompiler *c, int op)
{
    switch (op) {
    case CMP_Is:
        pyl_cg_emit(c, OP_IS_OP, 0);
        break;
    case CMP_IsNot:
        pyl_cg_emit(c, OP_IS_OP, 1);
        break;
    case CMP_In:
        pyl_cg_emit(c, OP_CONTAINS_OP, 0);
        break;
    case CMP_NotIn:
        pyl_cg_emit(c, OP_CONTAINS_OP, 1);
        break;
    default:
        pyl_cg_emit(c, OP_COMPARE_OP, cmpop_of(op));
        break;
    }
}

static bool compile_compare(PylCompiler *c, PylExpr *e)
{
    int n = e->v.Compare.ops.n;
    if (!pyl_cg_expr(c, e->v.Compare.left)) {
        return false;
    }
    if (n == 1) {
        if (!pyl_cg_expr(c, e->v.Compare.comparators.items[0])) {
            return false;
        }
        SET_LOC(c, e);
        pyl_cg_emit_compare(c, e->v.Compare.ops.items[0]);
        return !c->failed;
    }
    /* a < b < c: keep b for the next comparison, short-circuit on false */
    int cleanup = pyl_cg_new_label(c), end = pyl_cg_new_label(c);
    for (int i = 0; i < n - 1; i++) {
        if (!pyl_cg_expr(c, e->v.Compare.comparators.items[i])) {
            return false;
        }
        SET_LOC(c, e);
        pyl_cg_emit(c, OP_SWAP, 2);
        pyl_cg_emit(c, OP_COPY, 2);
        pyl_cg_emit_compare(c, e->v.Compare.ops.items[i]);
        pyl_cg_emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (!pyl_cg_expr(c, e->v.Compare.comparators.items[n - 1])) {
        return false;
    }
    SET_LOC(c, e);
    pyl_cg_emit_compare(c, e->v.Compare.ops.items[n - 1]);
    pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
    pyl_cg_place(c, cleanup);
    pyl_cg_emit(c, OP_SWAP, 2);
    pyl_cg_emit(c, OP_POP_TOP, 0);
    pyl_cg_place(c, end);
    return !c->failed;
}

/* Jump to `label` when e's truth equals `cond`, consuming e. Optimises not/and/or
 * and comparisons chains. */
bool pyl_cg_jump_if(PylCompiler *c, PylExpr *e, int label, bool cond)
{
    if (e->kind == EXPR_UnaryOp && e->v.UnaryOp.op == UOP_Not) {
        return pyl_cg_jump_if(c, e->v.UnaryOp.operand, label, !cond);
    }
    if (e->kind == EXPR_BoolOp) {
        bool is_or = e->v.BoolOp.op == BOOL_Or;
        PylExprSeq *vals = &e->v.BoolOp.values;
        int next = label;
        if (is_or != cond) {
            next = pyl_cg_new_label(c);
        }
        for (int i = 0; i < vals->n - 1; i++) {
            if (!pyl_cg_jump_if(c, vals->items[i], next, is_or)) {
                return false;
            }
        }
        if (!pyl_cg_jump_if(c, vals->items[vals->n - 1], label, cond)) {
            return false;
        }
        if (next != label) {
            pyl_cg_place(c, next);
        }
        return !c->failed;
    }
    if (!pyl_cg_expr(c, e)) {
        return false;
    }
    pyl_cg_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    return !c->failed;
}

static bool compile_boolop(PylCompiler *c, PylExpr *e)
{
    int end = pyl_cg_new_label(c);
    int op = e->v.BoolOp.op == BOOL_And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    PylExprSeq *vals = &e->v.BoolOp.values;
    for (int i = 0; i < vals->n - 1; i++) {
        if (!pyl_cg_expr(c, vals->items[i])) {
            return false;
        }
        pyl_cg_emit_jump(c, op, end);
    }
    if (!pyl_cg_expr(c, vals->items[vals->n - 1])) {
        return false;
    }
    pyl_cg_place(c, end);
    return !c->failed;
}

/* Keyword arguments of a call: values pushed, names as a KW_NAMES constant.
 * Returns how many were pushed. */
bool pyl_cg_push_keywords(PylCompiler *c, PylKeywordSeq *kws, int *nkw)
{
    PylObject *names = pyl_tuple_new(c->t, kws->n);
    if (names == NULL) {
        return pyl_cg_py_error(c);
    }
    for (int i = 0; i < kws->n; i++) {
        PylKeyword *k = kws->items[i];
        for (int j = 0; j < i; j++) {
            if (strcmp(kws->items[j]->arg, k->arg) == 0) {
                pyl_decref(c->t, names);
                return pyl_cg_syntax_error(c, k->lineno, k->col_offset, k->end_lineno,
                                           k->end_col_offset, "keyword argument repeated: %s",
                                           k->arg);
            }
        }
        PylObject *s = pyl_cg_intern(c, k->arg);
        if (s == NULL) {
            pyl_decref(c->t, names);
            return false;
        }
        PYL_TUPLE_ITEMS(names)[i] = s;
        if (!pyl_cg_expr(c, k->value)) {
            pyl_decref(c->t, names);
            return false;
        }
    }
    *nkw = kws->n;
    pyl_cg_emit(c, OP_KW_NAMES, pyl_cg_add_const(c, names));
    return !c->failed;
}

/* The CALL_FUNCTION_EX that follows a positional-argument tuple: keywords as
 * runs of name=value in BUILD_MAP, **m merged with DICT_MERGE. */
bool pyl_cg_call_function_ex(PylCompiler *c, PylKeywordSeq *kws)
{
    if (kws->n == 0) {
        pyl_cg_emit(c, OP_CALL_FUNCTION_EX, 0);
        return !c->failed;
    }
    int pending = 0;
    bool have_dict = false;
    for (int i = 0; i < kws->n; i++) {
        PylKeyword *k = kws->items[i];
        if (k->arg == NULL) {
            if (!have_dict || pending) {
                pyl_cg_emit(c, OP_BUILD_MAP, pending);
                if (have_dict) {
                    pyl_cg_emit(c, OP_DICT_MERGE, 1);
                }
                have_dict = true;
                pending = 0;
            }
            if (!pyl_cg_expr(c, k->value)) {
                return false;
            }
            pyl_cg_emit(c, OP_DICT_MERGE, 1);
        } else {
            PylObject *s = pyl_cg_intern(c, k->arg);
            if (s == NULL) {
                return false;
            }
            pyl_cg_emit_const(c, s);
            if (!pyl_cg_expr(c, k->value)) {
                return false;
            }
            pending++;
        }
    }
    if (!have_dict || pending) {
        pyl_cg_emit(c, OP_BUILD_MAP, pending);
        if (have_dict) {
            pyl_cg_emit(c, OP_DICT_MERGE, 1);
        }
    }
    pyl_cg_emit(c, OP_CALL_FUNCTION_EX, 1);
    return !c->failed;
}

/* f(*args, **kw) shapes: build the positional tuple and keyword dict. */
static bool compile_call_ex(PylCompiler *c, PylExprSeq *args, PylKeywordSeq *kws)
{
    if (args->n == 1 && args->items[0]->kind == EXPR_Starred && kws->n == 0) {
        if (!pyl_cg_expr(c, args->items[0]->v.Starred.value)) {
            return false;
        }
    } else if (!compile_sequence(c, args, OP_BUILD_TUPLE, OP_LIST_EXTEND, true)) {
        return false;
    }
    return pyl_cg_call_function_ex(c, kws);
}

/* The location of the LOAD_ATTR / LOAD_METHOD of an attribute: the whole
 * expression, or, when it spans lines, just the attribute name on its last line
 * (where CPython 3.11 points tracebacks). */
static void set_attr_loc(PylCompiler *c, PylExpr *attr)
{
    SET_LOC(c, attr);
    if (attr->lineno != attr->end_lineno) {
        int len = (int)strlen(attr->v.Attribute.attr);
        int col = attr->end_col_offset >= len ? attr->end_col_offset - len : -1;
        pyl_cg_set_loc(c, attr->end_lineno, col, attr->end_lineno,
                       col < 0 ? -1 : attr->end_col_offset);
    }
}

static bool compile_call(PylCompiler *c, PylExpr *e)
{
    PylExpr *func = e->v.Call.func;
    PylExprSeq *args = &e->v.Call.args;
    PylKeywordSeq *kws = &e->v.Call.keywords;
    bool ex = pyl_cg_has_starred(args);
    for (int i = 0; i < kws->n; i++) {
        ex |= kws->items[i]->arg == NULL;
    }
    if (func->kind == EXPR_Attribute && !ex && func->v.Attribute.ctx == CTX_Load) {
        if (!pyl_cg_expr(c, func->v.Attribute.value)) {
            return false;
        }
        set_attr_loc(c, func);
        pyl_cg_emit(c, OP_LOAD_METHOD, pyl_cg_attr_name(c, func->v.Attribute.attr));
    } else {
        pyl_cg_emit(c, OP_PUSH_NULL, 0);
        if (!pyl_cg_expr(c, func)) {
            return false;
        }
    }
    if (ex) {
        if (!compile_call_ex(c, args, kws)) {
            return false;
        }
        SET_LOC(c, e);
        return !c->failed;
    }
    if (!pyl_cg_exprs(c, args)) {
        return false;
    }
    int nkw = 0;
    if (kws->n > 0 && !pyl_cg_push_keywords(c, kws, &nkw)) {
        return false;
    }
    SET_LOC(c, e);
    if (func->kind == EXPR_Attribute && func->lineno != func->end_lineno) {
        /* a method call split over lines: from the method name to the call's end */
        set_attr_loc(c, func);
        PylLocation *l = &c->u->loc;
        l->end_line = e->end_lineno;
        l->end_col = (int16_t)(e->end_col_offset > 32767 ? -1 : e->end_col_offset);
    }
    pyl_cg_emit(c, OP_CALL, args->n + nkw);
    return !c->failed;
}

static bool compile_fstring(PylCompiler *c, PylExpr *e)
{
    PylExprSeq *vals = &e->v.JoinedStr.values;
    if (vals->n == 0) {
        pyl_cg_emit_const(c, pyl_str_new(c->t, "", 0));
        return !c->failed;
    }
    if (!pyl_cg_exprs(c, vals)) {
        return false;
    }
    if (vals->n > 1) {
        pyl_cg_emit(c, OP_BUILD_STRING, vals->n);
    }
    return !c->failed;
}

static bool compile_formatted(PylCompiler *c, PylExpr *e)
{
    if (!pyl_cg_expr(c, e->v.FormattedValue.value)) {
        return false;
    }
    int conv = e->v.FormattedValue.conversion;
    int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (e->v.FormattedValue.format_spec != NULL) {
        if (!pyl_cg_expr(c, e->v.FormattedValue.format_spec)) {
            return false;
        }
        flags |= 4;
    }
    pyl_cg_emit(c, OP_FORMAT_VALUE, flags);
    return !c->failed;
}

static bool compile_slice_part(PylCompiler *c, PylExpr *e)
{
    if (e == NULL) {
        pyl_cg_emit_const(c, PYL_NONE);
        return !c->failed;
    }
    return pyl_cg_expr(c, e);
}

static bool compile_slice(PylCompiler *c, PylExpr *e)
{
    if (!compile_slice_part(c, e->v.Slice.lower) || !compile_slice_part(c, e->v.Slice.upper)) {
        return false;
    }
    int n = 2;
    if (e->v.Slice.step != NULL) {
        if (!pyl_cg_expr(c, e->v.Slice.step)) {
            return false;
        }
        n = 3;
    }
    pyl_cg_emit(c, OP_BUILD_SLICE, n);
    return !c->failed;
}

static bool compile_comprehension(PylCompiler *c, PylExpr *e);

static bool compile_named(PylCompiler *c, PylExpr *e)
{
    if (!pyl_cg_expr(c, e->v.NamedExpr.value)) {
        return false;
    }
    pyl_cg_emit(c, OP_COPY, 1);
    pyl_cg_nameop(c, e->v.NamedExpr.target->v.Name.id, CTX_Store);
    return !c->failed;
}

static bool too_deep(PylCompiler *c)
{
    pyl_err_format(c->t, PYL_EXC(c->t, RecursionError),
                   "maximum recursion depth exceeded during compilation");
    return pyl_cg_py_error(c);
}

bool pyl_cg_expr(PylCompiler *c, PylExpr *e)
{
    if (c->failed) {
        return false;
    }
    if (++c->depth > PYL_COMPILE_DEPTH) {
        c->depth--;
        return too_deep(c);
    }
    PylLocation saved = c->u->loc;
    SET_LOC(c, e);
    bool ok = true;
    switch (e->kind) {
    case EXPR_BoolOp:
        ok = compile_boolop(c, e);
        break;
    case EXPR_NamedExpr:
        ok = compile_named(c, e);
        break;
    case EXPR_BinOp:
        ok = pyl_cg_expr(c, e->v.BinOp.left) && pyl_cg_expr(c, e->v.BinOp.right);
        SET_LOC(c, e);
        pyl_cg_emit(c, OP_BINARY_OP, pyl_cg_binop(e->v.BinOp.op));
        break;
    case EXPR_UnaryOp: {
        PylExpr *operand = e->v.UnaryOp.operand;
        if (is_negated_number(e)) {
            PylObject *neg = constant_value(c, e);
            if (neg == NULL) {
                ok = false;
                break;
            }
            pyl_cg_emit_const(c, neg);
            break;
        }
        ok = pyl_cg_expr(c, operand);
        SET_LOC(c, e);
        static const int uops[] = {[UOP_Invert] = OP_UNARY_INVERT,
                                   [UOP_Not] = OP_UNARY_NOT,
                                   [UOP_UAdd] = OP_UNARY_POSITIVE,
                                   [UOP_USub] = OP_UNARY_NEGATIVE};
        pyl_cg_emit(c, uops[e->v.UnaryOp.op], 0);
        break;
    }
    case EXPR_Lambda:
        ok = pyl_cg_function_body(c, e, "<lambda>", e->v.Lambda.args, NULL, e->v.Lambda.body,
                                  e->lineno, NULL, NULL);
        break;
    case EXPR_IfExp: {
        int orelse = pyl_cg_new_label(c), end = pyl_cg_new_label(c);
        ok = pyl_cg_jump_if(c, e->v.IfExp.test, orelse, false) && pyl_cg_expr(c, e->v.IfExp.body);
        pyl_cg_emit_jump(c, OP_JUMP_FORWARD, end);
        pyl_cg_place(c, orelse);
        ok = ok && pyl_cg_expr(c, e->v.IfExp.orelse);
        pyl_cg_place(c, end);
        break;
    }
    case EXPR_Dict:
        ok = compile_dict(c, e);
        break;
    case EXPR_Set:
        ok = compile_sequence(c, &e->v.Set.elts, OP_BUILD_SET, OP_SET_UPDATE, false);
        break;
    case EXPR_ListComp:
    case EXPR_SetComp:
    case EXPR_DictComp:
    case EXPR_GeneratorExp:
        ok = compile_comprehension(c, e);
        break;
    case EXPR_Await:
        ok = SYNTAX_AT(c, e, "'await' outside async function");
        break;
    case EXPR_Yield:
        if (e->v.Yield.value != NULL) {
            ok = pyl_cg_expr(c, e->v.Yield.value);
        } else {
            pyl_cg_emit_const(c, PYL_NONE);
        }
        SET_LOC(c, e);
        pyl_cg_emit(c, OP_YIELD_VALUE, 0);
        break;
    case EXPR_YieldFrom: {
        int loop = pyl_cg_new_label(c), exit = pyl_cg_new_label(c);
        ok = pyl_cg_expr(c, e->v.YieldFrom.value);
        SET_LOC(c, e);
        pyl_cg_emit(c, OP_GET_YIELD_FROM_ITER, 0);
        pyl_cg_emit_const(c, PYL_NONE);
        pyl_cg_place(c, loop);
        pyl_cg_emit_jump(c, OP_SEND, exit);
        pyl_cg_emit(c, OP_YIELD_VALUE, 1); /* 1: a delegated yield (see gen.c) */
        pyl_cg_emit_jump(c, OP_JUMP_BACKWARD, loop);
        pyl_cg_place(c, exit);
        break;
    }
    case EXPR_Compare:
        ok = compile_compare(c, e);
        break;
    case EXPR_Call:
        ok = compile_call(c, e);
        break;
    case EXPR_FormattedValue:
        ok = compile_formatted(c, e);
        break;
    case EXPR_JoinedStr:
        ok = compile_fstring(c, e);
        break;
    case EXPR_Constant: {
        PylObject *o = pyl_cg_const_object(c, &e->v.Constant.value);
        if (o == NULL) {
            ok = pyl_cg_py_error(c);
            break;
        }
        pyl_cg_emit_const(c, o);
        break;
    }
    case EXPR_Attribute:
        if (e->v.Attribute.ctx != CTX_Load) {
            ok = pyl_cg_store(c, e);
            break;
        }
        ok = pyl_cg_expr(c, e->v.Attribute.value);
        set_attr_loc(c, e);
        pyl_cg_emit(c, OP_LOAD_ATTR, pyl_cg_attr_name(c, e->v.Attribute.attr));
        break;
    case EXPR_Subscript:
        ok = pyl_cg_expr(c, e->v.Subscript.value) && pyl_cg_expr(c, e->v.Subscript.slice);
        SET_LOC(c, e);
        pyl_cg_emit(c, e->v.Subscript.ctx == CTX_Del ? OP_DELETE_SUBSCR : OP_BINARY_SUBSCR, 0);
        break;
    case EXPR_Starred:
        ok = SYNTAX_AT(c, e, "can't use starred expression here");
        break;
    case EXPR_Name:
        pyl_cg_nameop(c, e->v.Name.id, e->v.Name.ctx);
        break;
    case EXPR_List:
        if (e->v.List.ctx == CTX_Store) {
            ok = pyl_cg_store(c, e);
            break;
        }
        ok = compile_sequence(c, &e->v.List.elts, OP_BUILD_LIST, OP_LIST_EXTEND, false);
        break;
    case EXPR_Tuple:
        if (e->v.Tuple.ctx == CTX_Store) {
            ok = pyl_cg_store(c, e);
            break;
        }
        ok = compile_sequence(c, &e->v.Tuple.elts, OP_BUILD_TUPLE, OP_LIST_EXTEND, true);
        break;
    case EXPR_Slice:
        ok = compile_slice(c, e);
        break;
    }
    c->u->loc = saved;
    c->depth--;
    return ok && !c->failed;
}

/* ---- assignment targets ----------------------------------------------------------------------- */

static bool compile_unpack(PylCompiler *c, PylExpr *target, PylExprSeq *elts)
{
    int star = -1;
    for (int i = 0; i < elts->n; i++) {
        if (elts->items[i]->kind == EXPR_Starred) {
            if (star >= 0) {
                return SYNTAX_AT(c, elts->items[i], "multiple starred expressions in assignment");
            }
            star = i;
        }
    }
    if (star >= 0) {
        int after = elts->n - star - 1;
        if (star > 255 || after > 0xFFFF) {
            return SYNTAX_AT(c, target, "too many expressions in star-unpacking assignment");
        }
        pyl_cg_emit(c, OP_UNPACK_EX, star | (after << 8));
    } else {
        pyl_cg_emit(c, OP_UNPACK_SEQUENCE, elts->n);
    }
    for (int i = 0; i < elts->n; i++) {
        PylExpr *el = elts->items[i];
        if (!pyl_cg_store(c, el->kind == EXPR_Starred ? el->v.Starred.value : el)) {
            return false;
        }
    }
    return !c->failed;
}

/* Store TOS into target (Name, Attribute, Subscript, Tuple/List). */
bool pyl_cg_store(PylCompiler *c, PylExpr *target)
{
    PylLocation saved = c->u->loc;
    SET_LOC(c, target);
    bool ok = true;
    switch (target->kind) {
    case EXPR_Name:
        pyl_cg_nameop(c, target->v.Name.id, CTX_Store);
        break;
    case EXPR_Attribute:
        ok = pyl_cg_expr(c, target->v.Attribute.value);
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_STORE_ATTR, pyl_cg_attr_name(c, target->v.Attribute.attr));
        break;
    case EXPR_Subscript:
        ok = pyl_cg_expr(c, target->v.Subscript.value) && pyl_cg_expr(c, target->v.Subscript.slice);
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_STORE_SUBSCR, 0);
        break;
    case EXPR_Tuple:
        ok = compile_unpack(c, target, &target->v.Tuple.elts);
        break;
    case EXPR_List:
        ok = compile_unpack(c, target, &target->v.List.elts);
        break;
    case EXPR_Starred:
        ok = SYNTAX_AT(c, target, "starred assignment target must be in a list or tuple");
        break;
    default:
        ok = SYNTAX_AT(c, target, "cannot assign to expression");
        break;
    }
    c->u->loc = saved;
    return ok && !c->failed;
}

bool pyl_cg_delete(PylCompiler *c, PylExpr *target)
{
    SET_LOC(c, target);
    switch (target->kind) {
    case EXPR_Name:
        pyl_cg_nameop(c, target->v.Name.id, CTX_Del);
        return !c->failed;
    case EXPR_Attribute:
        if (!pyl_cg_expr(c, target->v.Attribute.value)) {
            return false;
        }
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_DELETE_ATTR, pyl_cg_attr_name(c, target->v.Attribute.attr));
        return !c->failed;
    case EXPR_Subscript:
        if (!pyl_cg_expr(c, target->v.Subscript.value) ||
            !pyl_cg_expr(c, target->v.Subscript.slice)) {
            return false;
        }
        SET_LOC(c, target);
        pyl_cg_emit(c, OP_DELETE_SUBSCR, 0);
        return !c->failed;
    case EXPR_Tuple:
    case EXPR_List: {
        PylExprSeq *elts =
            target->kind == EXPR_Tuple ? &target->v.Tuple.elts : &target->v.List.elts;
        for (int i = 0; i < elts->n; i++) {
            if (!pyl_cg_delete(c, elts->items[i])) {
                return false;
            }
        }
        return true;
    }
    default:
        return SYNTAX_AT(c, target, "cannot delete expression");
    }
}

/* ---- comprehensions ------------------------------------------------------------------ */

/* The body of one generator clause of a comprehension (recursive for nested
 * `for`s). The result accumulator sits `depth` items below the iterators. */
static bool comprehension_generator(PylCompiler *c, PylExpr *e, PylComprehensionSeq *gens,
                                    int gen_index, int depth, PylExpr *elt, PylExpr *val)
{
    PylComprehension *gen = gens->items[gen_index];
    int start = pyl_cg_new_label(c), anchor = pyl_cg_new_label(c), if_cleanup = pyl_cg_new_label(c);
    if (gen_index == 0) {
        pyl_cg_emit(c, OP_LOAD_FAST, 0); /* the .0 argument: an iterator already */
    } else {
        if (!pyl_cg_expr(c, gen->iter)) {
            return false;
        }
        pyl_cg_emit(c, OP_GET_ITER, 0);
    }
    pyl_cg_place(c, start);
    pyl_cg_emit_jump(c, OP_FOR_ITER, anchor);
    if (!pyl_cg_store(c, gen->target)) {
        return false;
    }
    for (int i = 0; i < gen->ifs.n; i++) {
        if (!pyl_cg_jump_if(c, gen->ifs.items[i], if_cleanup, false)) {
            return false;
        }
    }
    depth++;
    if (gen_index + 1 < gens->n) {
        if (!comprehension_generator(c, e, gens, gen_index + 1, depth, elt, val)) {
            return false;
        }
    } else {
        switch (e->kind) {
        case EXPR_ListComp:
            if (!pyl_cg_expr(c, elt)) {
                return false;
            }
            pyl_cg_emit(c, OP_LIST_APPEND, depth + 1);
            break;
        case EXPR_SetComp:
            if (!pyl_cg_expr(c, elt)) {
                return false;
            }
            pyl_cg_emit(c, OP_SET_ADD, depth + 1);
            break;
        case EXPR_GeneratorExp:
            if (!pyl_cg_expr(c, elt)) {
                return false;
            }
            pyl_cg_emit(c, OP_YIELD_VALUE, 0);
            pyl_cg_emit(c, OP_POP_TOP, 0);
            break;
        default: /* DictComp */
            if (!pyl_cg_expr(c, val) || !pyl_cg_expr(c, elt)) {
                return false;
            }
            pyl_cg_emit(c, OP_MAP_ADD, depth + 1);
            break;
        }
    }
    pyl_cg_place(c, if_cleanup);
    pyl_cg_emit_jump(c, OP_JUMP_BACKWARD, start);
    pyl_cg_place(c, anchor);
    return !c->failed;
}

static bool compile_comprehension(PylCompiler *c, PylExpr *e)
{
    PylComprehensionSeq *gens;
    PylExpr *elt, *val = NULL;
    const char *name;
    int build;
    switch (e->kind) {
    case EXPR_ListComp:
        gens = &e->v.ListComp.generators;
        elt = e->v.ListComp.elt;
        name = "<listcomp>";
        build = OP_BUILD_LIST;
        break;
    case EXPR_SetComp:
        gens = &e->v.SetComp.generators;
        elt = e->v.SetComp.elt;
        name = "<setcomp>";
        build = OP_BUILD_SET;
        break;
    case EXPR_DictComp:
        gens = &e->v.DictComp.generators;
        elt = e->v.DictComp.value;
        val = e->v.DictComp.key;
        name = "<dictcomp>";
        build = OP_BUILD_MAP;
        break;
    default:
        gens = &e->v.GeneratorExp.generators;
        elt = e->v.GeneratorExp.elt;
        name = "<genexpr>";
        build = -1;
        break;
    }
    for (int i = 0; i < gens->n; i++) {
        if (gens->items[i]->is_async) {
            return SYNTAX_AT(c, e,
                             "asynchronous comprehension outside of an asynchronous function");
        }
    }
    PylScope *scope = pyl_symtable_scope_of(&c->st, e);
    if (scope == NULL) {
        return SYNTAX_AT(c, e, "internal error: no scope for comprehension");
    }
    PylLocation saved = c->u->loc;
    if (!pyl_cg_unit_enter(c, scope, name, e->lineno)) {
        return false;
    }
    SET_LOC(c, e);
    if (build >= 0) {
        pyl_cg_emit(c, build, 0);
    }
    bool ok = comprehension_generator(c, e, gens, 0, build >= 0 ? 0 : -1, elt, val);
    if (build < 0) {
        pyl_cg_emit_const(c, PYL_NONE);
    }
    pyl_cg_emit(c, OP_RETURN_VALUE, 0);
    PylObject *code = pyl_cg_unit_exit(c);
    c->u->loc = saved;
    if (!ok || code == NULL) {
        pyl_xdecref(c->t, code);
        return false;
    }
    pyl_cg_make_function(c, code, 0);
    if (!pyl_cg_expr(c, gens->items[0]->iter)) {
        return false;
    }
    SET_LOC(c, e);
    pyl_cg_emit(c, OP_GET_ITER, 0);
    pyl_cg_emit(c, OP_CALL, 0);
    return !c->failed;
}
