/* caret.c — where to put the ^ under a traceback's source line.
 *
 * For an instruction that covers part of a line, CPython 3.11 re-parses the
 * covered text; for a binary operation the operator gets ^ and the operands ~,
 * for a subscript the brackets get ^ and the value ~. Same rules here. */
#include "compiler/parser.h"
#include "compiler/caret.h"

int pyl_caret_anchors(const char *segment, size_t len, int *left, int *right)
{
    PylArena *a = pyl_arena_new();
    if (a == NULL) {
        return 0;
    }
    PylSyntaxError err;
    PylMod *mod = pyl_parse(a, segment, len, "<string>", PYL_PARSE_FILE, &err);
    int found = 0;
    if (mod != NULL && mod->kind == MOD_Module && mod->v.Module.body.n == 1 &&
        mod->v.Module.body.items[0]->kind == STMT_Expr) {
        PylExpr *e = mod->v.Module.body.items[0]->v.Expr.value;
        if (e->kind == EXPR_BinOp && e->lineno == e->end_lineno) {
            PylExpr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
            for (int i = l->end_col_offset; i < r->col_offset && (size_t)i < len; i++) {
                char c = segment[i];
                if (c == ' ' || c == '\t' || c == '\f') {
                    continue;
                }
                *left = i;
                *right = i + 1;
                if (i + 1 < r->col_offset && segment[i + 1] != ' ' && segment[i + 1] != '\t' &&
                    segment[i + 1] != '\f') {
                    (*right)++;
                }
                found = 1;
                break;
            }
        } else if (e->kind == EXPR_Subscript && e->lineno == e->end_lineno) {
            *left = e->v.Subscript.value->end_col_offset;
            *right = e->v.Subscript.slice->end_col_offset + 1;
            found = 1;
        }
    }
    pyl_arena_free(a);
    return found;
}
