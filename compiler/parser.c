/* parser.c — the parser's engine: token buffer, memo, error reporting, the
 * two-pass driver and the entry point pyl_parse. The grammar rules live in
 * parse_stmt.c, parse_expr.c, parse_match.c and parse_string.c.
 *
 * Error reporting reproduces CPython 3.11 (Parser/pegen.c, pegen_errors.c):
 * which error wins, and where it points. A failed first pass is followed by a
 * second pass with the invalid_* rules on; if that raises nothing, the error is a
 * generic "invalid syntax" at the furthest token the first pass fetched. Errors
 * the parser raised (not the tokenizer) then yield to a tokenizer error found
 * further on in the source, as CPython lexes the rest of the file to look.
 */
#include "compiler/parse_impl.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- tokens ---------------------------------------------------------------- */

static void raise_unclosed_paren(Parser *p)
{
    PylLexer *lx = p->lx;
    int line = lx->parenlinenostack[lx->level - 1];
    int col = lx->parencolstack[lx->level - 1];
    pyl_parse_raise_at(p, PYL_SYNTAX_ERROR, line, col, line, -1, "'%c' was never closed",
                       lx->parenstack[lx->level - 1]);
}

/* The error for an ERRORTOKEN (CPython's tokenizer_error). */
static int tokenizer_error(Parser *p)
{
    PylLexer *lx = p->lx;
    const char *msg;
    int kind = PYL_SYNTAX_ERROR, col = 0;
    switch (lx->done) {
    case PYL_LEX_ERROR:
        if (!(p->error && p->err_set)) {
            *p->err = p->lexerr;
            p->err_set = 1;
        }
        p->error = 1;
        return -1;
    case PYL_LEX_EOF:
        if (lx->level) {
            raise_unclosed_paren(p);
        } else {
            RAISE_SYNTAX_ERROR("unexpected EOF while parsing");
        }
        return -1;
    case PYL_LEX_DEDENT:
        RAISE_INDENTATION_ERROR("unindent does not match any outer indentation level");
        return -1;
    case PYL_LEX_TABSPACE:
        kind = PYL_TAB_ERROR;
        msg = "inconsistent use of tabs and spaces in indentation";
        break;
    case PYL_LEX_TOODEEP:
        kind = PYL_INDENTATION_ERROR;
        msg = "too many levels of indentation";
        break;
    case PYL_LEX_LINECONT:
        /* CPython counts from its line buffer, which begins where the last
           multi-line token did, and reports that whole text */
        col = (int)(lx->cur - lx->buf_start) - 1;
        p->err_line = lx->buf_start;
        msg = "unexpected character after line continuation character";
        break;
    default:
        msg = "unknown parsing error";
        break;
    }
    pyl_parse_raise_at(p, kind, lx->lineno, col, lx->lineno, -1, "%s", msg);
    p->err_line = NULL;
    return -1;
}

int pyl_parse_fill_token(Parser *p)
{
    if (p->fill == p->size) {
        int size = p->size ? p->size * 2 : 256;
        PylToken **t = realloc(p->tokens, (size_t)size * sizeof *t);
        if (!t) {
            pyl_parse_nomem(p);
            return -1;
        }
        p->tokens = t;
        p->size = size;
    }
    PylToken *t = pyl_arena_alloc(p->scratch, sizeof *t);
    if (!t) {
        pyl_parse_nomem(p);
        return -1;
    }
    PylTokKind k = pyl_lexer_next(p->lx, t);
    /* At the end of REPL input, end the statement and close its blocks. */
    if (p->mode == PYL_PARSE_SINGLE && k == TOK_ENDMARKER && p->parsing_started) {
        t->kind = k = TOK_NEWLINE;
        p->parsing_started = 0;
        if (p->lx->indent && !p->dont_imply_dedent) {
            p->lx->pendin = -p->lx->indent;
            p->lx->indent = 0;
        }
    } else {
        p->parsing_started = 1;
    }
    p->tokens[p->fill++] = t;
    return k == TOK_ERRORTOKEN ? tokenizer_error(p) : 0;
}

PylToken *pyl_parse_expect_forced(Parser *p, PylTokKind k, const char *spelling)
{
    if (p->error) {
        return NULL;
    }
    PylToken *t = peek(p);
    if (!t) {
        return NULL;
    }
    if (t->kind != k) {
        RAISE_KNOWN_LOCATION(t, "expected '%s'", spelling);
        return NULL;
    }
    p->mark++;
    return t;
}

/* ---- memo ------------------------------------------------------------------- */

int pyl_parse_memo_get(Parser *p, int type, void **res)
{
    PylToken *t = peek(p);
    if (!t) {
        return -1;
    }
    for (PylMemo *m = t->memo; m; m = m->next) {
        if (m->type == type) {
            p->mark = m->mark;
            *res = m->node;
            return 1;
        }
    }
    return 0;
}

void pyl_parse_memo_put(Parser *p, int mark, int type, void *node)
{
    PylMemo *m = pyl_arena_alloc(p->scratch, sizeof *m);
    if (!m) {
        pyl_parse_nomem(p);
        return;
    }
    m->type = type;
    m->node = node;
    m->mark = p->mark;
    m->next = p->tokens[mark]->memo;
    p->tokens[mark]->memo = m;
}

int pyl_parse_stack_overflow(Parser *p)
{
    pyl_parse_nomem(p);
    return 1;
}

/* ---- positions ---------------------------------------------------------------- */

PylToken *pyl_parse_last_nonwhite(Parser *p)
{
    PylToken *t = p->tokens[0];
    for (int m = p->mark - 1; m >= 0; m--) {
        t = p->tokens[m];
        if (t->kind != TOK_ENDMARKER && (t->kind < TOK_NEWLINE || t->kind > TOK_DEDENT)) {
            break;
        }
    }
    return t;
}

Pos pyl_parse_extra(Parser *p, int start)
{
    const PylToken *s = p->tokens[start];
    const PylToken *e = pyl_parse_last_nonwhite(p);
    Pos pos = {s->lineno, s->col_offset, e->end_lineno, e->end_col_offset};
    return pos;
}

/* ---- errors ------------------------------------------------------------------ */

void *pyl_parse_nomem(Parser *p)
{
    memset(p->err, 0, sizeof *p->err);
    p->err->kind = PYL_MEMORY_ERROR;
    p->err_set = 1;
    p->error = 1;
    return NULL;
}

/* The bytes of line `lineno` of the lexer's source including its '\n' (an empty
 * line when out of range). */
static const char *source_line(Parser *p, int lineno, size_t *len)
{
    const char *s = p->lx->buf, *end = p->lx->end;
    int first = p->mode == PYL_PARSE_FSTRING ? p->lx->starting_lineno : 1;
    for (int l = first; l < lineno && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        s = nl ? nl + 1 : end;
    }
    if (lineno < first || s >= end) {
        *len = 0;
        return "";
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    *len = nl ? (size_t)(nl + 1 - s) : (size_t)(end - s);
    return s;
}

/* CPython's _PyPegen_byte_offset_to_character_offset: the characters in the
 * first col (1-based) bytes of the line. */
static int byte_to_char_offset(const char *line, size_t len, int col)
{
    if (col > (int)len + 1) {
        col = (int)len + 1;
    }
    if (col > (int)len) {
        return pyl_lex_utf8_chars(line, len) + (col - (int)len);
    }
    return pyl_lex_utf8_chars(line, (size_t)col);
}

/* _PyPegen_raise_error_known_location, with col/end_col already 1-based (or -1,
 * 0, CURRENT_POS). Overrides nothing: the caller decides. */
static void raise_known(Parser *p, int kind, int lineno, int col, int end_lineno, int end_col,
                        const char *fmt, va_list ap)
{
    PylSyntaxError *e = p->err;
    PylLexer *lx = p->lx;
    p->error = 1;
    if (end_lineno == CURRENT_POS) {
        end_lineno = lx->lineno;
    }
    if (end_col == CURRENT_POS) {
        end_col = (int)(lx->cur - lx->line_start);
    }
    memset(e, 0, sizeof *e);
    int n = 0;
    if (p->mode == PYL_PARSE_FSTRING) {
        n = snprintf(e->msg, sizeof e->msg, "f-string: ");
    }
    vsnprintf(e->msg + n, sizeof e->msg - (size_t)n, fmt, ap);
    e->kind = kind;
    e->lineno = lineno;
    e->end_lineno = end_lineno;
    if (p->mode == PYL_PARSE_FSTRING) {
        /* CPython reports f-string fields in bytes of the "(expr)" text. */
        e->offset = col - p->starting_col_offset;
        e->end_offset = end_col - p->starting_col_offset;
    } else if (!p->char_offsets) {
        e->offset = col;
        e->end_offset = end_col;
    } else {
        size_t len;
        const char *line = source_line(p, lineno, &len);
        if (p->err_line) {
            /* the error's text spans lines: from err_line to the end of this one */
            len = (size_t)(line + len - p->err_line);
            line = p->err_line;
            if (p->lx->flags & PYL_LEX_STRING_INPUT) {
                size_t n = len && line[len - 1] == '\n' ? len - 1 : len;
                if (n >= sizeof e->text) {
                    n = sizeof e->text - 1;
                }
                memcpy(e->text, line, n);
                e->text[n] = '\0';
            }
        }
        /* CPython takes the line from the file with its '\n', from a string
           without it; the difference shows when an end column is clamped */
        if ((p->lx->flags & PYL_LEX_STRING_INPUT) && len > 0 && line[len - 1] == '\n') {
            len--;
        }
        e->offset = byte_to_char_offset(line, len, col);
        e->end_offset = end_col > 0 ? byte_to_char_offset(line, len, end_col) : end_col;
    }
    p->err_set = 1;
}

void *pyl_parse_raise_at(Parser *p, int kind, int lineno, int col, int end_lineno, int end_col,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, kind, lineno, col == CURRENT_POS ? CURRENT_POS : col + 1, end_lineno,
                end_col == CURRENT_POS ? CURRENT_POS : end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *pyl_parse_raise(Parser *p, int kind, const char *fmt, ...)
{
    if (p->error && p->err_set) {
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    if (p->fill == 0) {
        raise_known(p, kind, 0, 0, 0, -1, fmt, ap);
        va_end(ap);
        return NULL;
    }
    PylToken *t = p->known_err_token ? p->known_err_token : p->tokens[p->fill - 1];
    int col, end_col = -1;
    if (t->col_offset == -1) {
        col = (int)(p->lx->cur - p->lx->line_start);
    } else {
        col = t->col_offset + 1;
    }
    if (t->end_col_offset != -1) {
        end_col = t->end_col_offset + 1;
    }
    raise_known(p, kind, t->lineno, col, t->end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

/* ---- vectors -------------------------------------------------------------------- */

int pyl_parse_vec_push(Parser *p, Vec *v, void *x)
{
    if (v->cap == 0) {
        v->items = v->inl;
        v->cap = VEC_INLINE;
    }
    if (v->n == v->cap) {
        int cap = v->cap * 2;
        void **items = pyl_arena_alloc(p->scratch, (size_t)cap * sizeof *items);
        if (!items) {
            pyl_parse_nomem(p);
            return -1;
        }
        memcpy(items, v->items, (size_t)v->n * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = x;
    return 0;
}

void **pyl_parse_vec_finish(Parser *p, Vec *v)
{
    if (v->n == 0) {
        return NULL;
    }
    void **items = pyl_arena_alloc(p->arena, (size_t)v->n * sizeof *items);
    if (!items) {
        return pyl_parse_nomem(p);
    }
    memcpy(items, v->items, (size_t)v->n * sizeof *items);
    return items;
}

PylExprSeq pyl_parse_seq1_PylExpr(Parser *p, PylExpr *x)
{
    PylExprSeq s = {0, NULL};
    s.items = CHECK(pyl_arena_alloc(p->arena, sizeof *s.items));
    if (s.items) {
        s.items[0] = x;
        s.n = 1;
    }
    return s;
}

PylStmtSeq pyl_parse_seq1_PylStmt(Parser *p, PylStmt *x)
{
    PylStmtSeq s = {0, NULL};
    s.items = CHECK(pyl_arena_alloc(p->arena, sizeof *s.items));
    if (s.items) {
        s.items[0] = x;
        s.n = 1;
    }
    return s;
}

/* ---- node helpers ----------------------------------------------------------------- */

const char *pyl_parse_ident_text(Parser *p, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            /* PEP 3131: non-ASCII identifiers are NFKC-normalised */
            size_t len;
            char *norm = pyl_unicode_nfkc(s, n, &len);
            if (!norm) {
                return pyl_parse_nomem(p);
            }
            const char *id = CHECK(pyl_arena_strndup(p->arena, norm, len));
            free(norm);
            return id;
        }
    }
    return CHECK(pyl_arena_strndup(p->arena, s, n));
}

const char *pyl_parse_ident(Parser *p, const PylToken *t)
{
    return pyl_parse_ident_text(p, t->start, (size_t)(t->end - t->start));
}

PylExpr *pyl_parse_name_ctx(Parser *p, PylExprContext ctx)
{
    PylToken *t = expect(p, TOK_NAME);
    if (!t) {
        return NULL;
    }
    const char *id = pyl_parse_ident(p, t);
    if (!id) {
        return NULL;
    }
    return CHECK(pyl_ast_Name(p->arena, id, ctx, t->lineno, t->col_offset, t->end_lineno,
                              t->end_col_offset));
}

int pyl_parse_name_then(Parser *p, PylTokKind k)
{
    PylToken *t = peek(p);
    if (!t || t->kind != TOK_NAME) {
        return 0;
    }
    p->mark++;
    int r = next_is(p, k);
    p->mark--;
    return r;
}

PylExpr *pyl_parse_name_token(Parser *p)
{
    PylToken *t = expect(p, TOK_NAME);
    if (!t) {
        return NULL;
    }
    const char *id = pyl_parse_ident(p, t);
    if (!id) {
        return NULL;
    }
    return CHECK(pyl_ast_Name(p->arena, id, CTX_Load, t->lineno, t->col_offset, t->end_lineno,
                              t->end_col_offset));
}

PylExpr *pyl_parse_set_ctx(Parser *p, PylExpr *e, PylExprContext ctx)
{
    PylExpr *n;
    switch (e->kind) {
    case EXPR_Name:
    case EXPR_Attribute:
    case EXPR_Subscript:
    case EXPR_Starred:
    case EXPR_Tuple:
    case EXPR_List:
        break;
    default:
        return e;
    }
    n = CHECK(pyl_arena_alloc(p->arena, sizeof *n));
    if (!n) {
        return NULL;
    }
    *n = *e;
    switch (e->kind) {
    case EXPR_Name:
        n->v.Name.ctx = ctx;
        break;
    case EXPR_Attribute:
        n->v.Attribute.ctx = ctx;
        break;
    case EXPR_Subscript:
        n->v.Subscript.ctx = ctx;
        break;
    case EXPR_Starred:
        n->v.Starred.ctx = ctx;
        n->v.Starred.value = pyl_parse_set_ctx(p, e->v.Starred.value, ctx);
        if (!n->v.Starred.value) {
            return NULL;
        }
        break;
    case EXPR_Tuple:
    case EXPR_List: {
        PylExprSeq *src = e->kind == EXPR_Tuple ? &e->v.Tuple.elts : &e->v.List.elts;
        PylExprSeq dst = {src->n, NULL};
        if (src->n) {
            dst.items = CHECK(pyl_arena_alloc(p->arena, (size_t)src->n * sizeof *dst.items));
            if (!dst.items) {
                return NULL;
            }
            for (int i = 0; i < src->n; i++) {
                dst.items[i] = pyl_parse_set_ctx(p, src->items[i], ctx);
                if (!dst.items[i]) {
                    return NULL;
                }
            }
        }
        if (e->kind == EXPR_Tuple) {
            n->v.Tuple.elts = dst;
            n->v.Tuple.ctx = ctx;
        } else {
            n->v.List.elts = dst;
            n->v.List.ctx = ctx;
        }
        break;
    }
    default:
        break;
    }
    return n;
}

const char *pyl_parse_expr_name(const PylExpr *e)
{
    switch (e->kind) {
    case EXPR_Attribute:
        return "attribute";
    case EXPR_Subscript:
        return "subscript";
    case EXPR_Starred:
        return "starred";
    case EXPR_Name:
        return "name";
    case EXPR_List:
        return "list";
    case EXPR_Tuple:
        return "tuple";
    case EXPR_Lambda:
        return "lambda";
    case EXPR_Call:
        return "function call";
    case EXPR_BoolOp:
    case EXPR_BinOp:
    case EXPR_UnaryOp:
        return "expression";
    case EXPR_GeneratorExp:
        return "generator expression";
    case EXPR_Yield:
    case EXPR_YieldFrom:
        return "yield expression";
    case EXPR_Await:
        return "await expression";
    case EXPR_ListComp:
        return "list comprehension";
    case EXPR_SetComp:
        return "set comprehension";
    case EXPR_DictComp:
        return "dict comprehension";
    case EXPR_Dict:
        return "dict literal";
    case EXPR_Set:
        return "set display";
    case EXPR_JoinedStr:
    case EXPR_FormattedValue:
        return "f-string expression";
    case EXPR_Constant:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE:
            return "None";
        case CONST_FALSE:
            return "False";
        case CONST_TRUE:
            return "True";
        case CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case EXPR_Compare:
        return "comparison";
    case EXPR_IfExp:
        return "conditional expression";
    case EXPR_NamedExpr:
        return "named expression";
    default:
        return "?";
    }
}

/* The first sub-expression of e that cannot be a target of the given kind. */
static PylExpr *invalid_target(PylExpr *e, int type)
{
    if (!e) {
        return NULL;
    }
    switch (e->kind) {
    case EXPR_List:
    case EXPR_Tuple: {
        PylExprSeq *s = e->kind == EXPR_List ? &e->v.List.elts : &e->v.Tuple.elts;
        for (int i = 0; i < s->n; i++) {
            PylExpr *c = invalid_target(s->items[i], type);
            if (c) {
                return c;
            }
        }
        return NULL;
    }
    case EXPR_Starred:
        if (type == DEL_TARGETS) {
            return e;
        }
        return invalid_target(e->v.Starred.value, type);
    case EXPR_Compare:
        /* `for a in b` parses its target as the comparison `a in b` */
        if (type == FOR_TARGETS) {
            if (e->v.Compare.ops.items[0] == CMP_In) {
                return invalid_target(e->v.Compare.left, type);
            }
            return NULL;
        }
        return e;
    case EXPR_Name:
    case EXPR_Subscript:
    case EXPR_Attribute:
        return NULL;
    default:
        return e;
    }
}

void *pyl_parse_raise_invalid_target(Parser *p, int type, PylExpr *e)
{
    PylExpr *t = invalid_target(e, type);
    if (t) {
        const char *msg = type == DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s";
        RAISE_KNOWN_LOCATION(t, msg, expr_name(t));
    }
    return NULL;
}

int pyl_parse_is_legacy_name(const PylExpr *e)
{
    return e->kind == EXPR_Name &&
           (strcmp(e->v.Name.id, "print") == 0 || strcmp(e->v.Name.id, "exec") == 0);
}

PylArguments *pyl_parse_empty_arguments(Parser *p)
{
    PylArgSeq none = {0, NULL};
    PylExprSeq enone = {0, NULL};
    return CHECK(pyl_ast_arguments(p->arena, none, none, NULL, none, enone, NULL, enone));
}

/* ---- the driver -------------------------------------------------------------------- */

/* CPython's _PyPegen_tokenize_full_source_to_check_for_errors: lex the rest of
 * the source; a tokenizer error there replaces the current error, and so does an
 * unclosed bracket opened before the line of the current error. */
static void check_rest_of_source(Parser *p)
{
    if (p->mode == PYL_PARSE_SINGLE || p->err->kind == PYL_MEMORY_ERROR) {
        return;
    }
    PylSyntaxError saved = *p->err;
    PylToken *cur = p->known_err_token ? p->known_err_token : p->tokens[p->fill - 1];
    int err_line = cur->lineno;
    p->err_set = 0;
    for (;;) {
        PylToken t;
        PylTokKind k = pyl_lexer_next(p->lx, &t);
        if (k == TOK_ERRORTOKEN) {
            if (p->lx->done == PYL_LEX_ERROR) {
                *p->err = p->lexerr;
                p->err_set = 1;
            } else if (p->lx->level != 0) {
                int line = p->lx->parenlinenostack[p->lx->level - 1];
                if (err_line > line) {
                    raise_unclosed_paren(p);
                }
            }
            break;
        }
        if (k == TOK_ENDMARKER) {
            break;
        }
    }
    if (!p->err_set) {
        *p->err = saved;
        p->err_set = 1;
    }
}

/* CPython's _Pypegen_set_syntax_error, after the second pass. */
static void set_syntax_error(Parser *p, PylToken *last)
{
    if (p->err_set) {
        if (p->lx->done == PYL_LEX_OK && p->err->kind != PYL_MEMORY_ERROR) {
            check_rest_of_source(p);
        }
        return;
    }
    if (p->fill == 0) {
        RAISE_SYNTAX_ERROR("error at start before reading any input");
        return;
    }
    if (last->kind == TOK_ERRORTOKEN && p->lx->done == PYL_LEX_EOF) {
        if (p->lx->level) {
            raise_unclosed_paren(p);
        } else {
            RAISE_SYNTAX_ERROR("unexpected EOF while parsing");
        }
        return;
    }
    if (last->kind == TOK_INDENT || last->kind == TOK_DEDENT) {
        RAISE_INDENTATION_ERROR(last->kind == TOK_INDENT ? "unexpected indent"
                                                         : "unexpected unindent");
        return;
    }
    RAISE_KNOWN_LOCATION(last, "invalid syntax");
    check_rest_of_source(p);
}

typedef void *(*StartRule)(Parser *p);

/* _PyPegen_run_parser: the two passes. */
static void *run_parser(Parser *p, StartRule start)
{
    void *res = start(p);
    if (res) {
        return res;
    }
    if (p->err_set && p->err->kind == PYL_MEMORY_ERROR) {
        return NULL;
    }
    if (p->allow_incomplete && (p->lx->done == PYL_LEX_EOF || p->lx->eof_in_string)) {
        p->err_set = 0;
        RAISE_SYNTAX_ERROR("incomplete input");
        p->err->incomplete = 1;
        return NULL;
    }
    if (p->fill == 0) {
        set_syntax_error(p, NULL);
        return NULL;
    }
    PylToken *last = p->tokens[p->fill - 1];
    for (int i = 0; i < p->fill; i++) {
        p->tokens[i]->memo = NULL;
    }
    p->mark = 0;
    p->call_invalid_rules = 1;
    start(p);
    set_syntax_error(p, last);
    return NULL;
}

/* file: [statements] ENDMARKER */
static void *file_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylStmtSeq *a = statements_rule(p);
    if (!a) {
        NEXT_ALT(mark);
    }
    if (expect(p, TOK_ENDMARKER)) {
        PylTypeIgnoreSeq none = {0, NULL};
        PylStmtSeq body = a ? *a : (PylStmtSeq){0, NULL};
        RETURN(CHECK(pyl_ast_Module(p->arena, body, none)));
    }
    RETURN(NULL);
}

/* eval: expressions NEWLINE* ENDMARKER */
static void *eval_rule(Parser *p)
{
    ENTER;
    PylExpr *a = expressions_rule(p);
    if (!a) {
        RETURN(NULL);
    }
    while (expect(p, TOK_NEWLINE)) {
    }
    if (expect(p, TOK_ENDMARKER)) {
        RETURN(CHECK(pyl_ast_Expression(p->arena, a)));
    }
    RETURN(NULL);
}

/* interactive: statement_newline */
static void *interactive_rule(Parser *p)
{
    ENTER;
    PylStmtSeq *a = pyl_parse_statement_newline_rule(p);
    if (!a) {
        RETURN(NULL);
    }
    RETURN(CHECK(pyl_ast_Interactive(p->arena, *a)));
}

static void *fstring_start(Parser *p)
{
    return fstring_rule(p);
}

static void parser_init(Parser *p, PylArena *a, PylLexer *lx, int mode, PylSyntaxError *err)
{
    memset(p, 0, sizeof *p);
    p->arena = a;
    p->lx = lx;
    p->mode = mode;
    p->err = err;
    lx->err = &p->lexerr;
}

PylExpr *pyl_parse_fstring_expr(Parser *p, const char *src, size_t len, int lineno, int col)
{
    PylLexer lx;
    Parser p2;
    PylSyntaxError err2;
    if (pyl_lexer_init(&lx, src, len, 0, p->filename, &err2) < 0) {
        pyl_lexer_free(&lx);
        return pyl_parse_nomem(p);
    }
    parser_init(&p2, p->arena, &lx, PYL_PARSE_FSTRING, &err2);
    p2.filename = p->filename;
    p2.c_locale = p->c_locale;
    p2.scratch = pyl_arena_new();
    lx.lineno = lineno - 1;
    lx.starting_lineno = lineno;
    lx.starting_col_offset = col;
    p2.starting_col_offset = col;
    p2.level = p->level; /* the depth limit counts the enclosing parser's frames */
    PylExpr *res = NULL;
    if (p2.scratch) {
        res = run_parser(&p2, fstring_start);
        if (!res && !p2.err_set) {
            pyl_parse_nomem(&p2);
        }
    } else {
        pyl_parse_nomem(&p2);
    }
    if (!res) {
        if (!err2.text[0] && err2.kind != PYL_MEMORY_ERROR) {
            /* the line of the field's text the error is on */
            size_t n;
            const char *line = source_line(&p2, err2.lineno, &n);
            if (n > 0 && line[n - 1] == '\n') {
                n--;
            }
            if (n >= sizeof err2.text) {
                n = sizeof err2.text - 1;
            }
            memcpy(err2.text, line, n);
            err2.text[n] = '\0';
        }
        *p->err = err2;
        p->err_set = 1;
        p->error = 1;
    }
    free(p2.tokens);
    pyl_arena_free(p2.scratch);
    pyl_lexer_free(&lx);
    return res;
}

/* compile()'s check that 'single' input holds one statement: only blanks and
 * comments may follow it. */
static int bad_single_statement(Parser *p)
{
    const char *cur = p->lx->cur, *end = p->lx->end;
    for (;;) {
        while (cur < end && (*cur == ' ' || *cur == '\t' || *cur == '\n' || *cur == '\014')) {
            cur++;
        }
        if (cur >= end) {
            return 0;
        }
        if (*cur != '#') {
            return 1;
        }
        while (cur < end && *cur != '\n') {
            cur++;
        }
    }
}

/* Parse options of one run (see pyl_parse_ex and the REPL protocol). */
enum {
    RUN_STRING_INPUT = 1,      /* positions as for compile() of a string */
    RUN_DONT_IMPLY_DEDENT = 2, /* 'single': no DEDENTs at the end of input */
    RUN_ALLOW_INCOMPLETE = 4,  /* 'single': input ending early is "incomplete input" */
};

static PylMod *parse_once(PylArena *a, const char *src, size_t len, const char *filename,
                          PylParseMode mode, int run, PylSyntaxError *err)
{
    PylLexer lx;
    Parser p;
    memset(err, 0, sizeof *err);
    int lflags = (run & RUN_STRING_INPUT) ? PYL_LEX_STRING_INPUT : 0;
    if (mode != PYL_PARSE_FILE) {
        lflags |= PYL_LEX_NO_FINAL_NEWLINE;
    }
    if (pyl_lexer_init(&lx, src, len, lflags, filename, err) < 0) {
        pyl_lexer_free(&lx);
        return NULL;
    }
    locale_t c_locale = (locale_t)0;
    parser_init(&p, a, &lx, (int)mode, err);
    p.filename = filename;
    p.c_locale = &c_locale;
    p.char_offsets = (run & RUN_STRING_INPUT) || lx.had_bom || lx.has_cookie;
    p.dont_imply_dedent = (run & RUN_DONT_IMPLY_DEDENT) != 0;
    p.allow_incomplete = (run & RUN_ALLOW_INCOMPLETE) != 0;
    p.scratch = pyl_arena_new();
    PylMod *res = NULL;
    if (!p.scratch) {
        pyl_parse_nomem(&p);
    } else {
        StartRule start = mode == PYL_PARSE_EVAL     ? eval_rule
                          : mode == PYL_PARSE_SINGLE ? interactive_rule
                                                     : file_rule;
        res = run_parser(&p, start);
        if (res && mode == PYL_PARSE_SINGLE && bad_single_statement(&p)) {
            res = NULL;
            pyl_parse_raise(&p, PYL_SYNTAX_ERROR,
                            "multiple statements found while compiling a single statement");
        }
        if (!res && !p.err_set) {
            pyl_parse_nomem(&p);
        }
    }
    if (!res && err->kind == PYL_MEMORY_ERROR) {
        err->lineno = err->end_lineno = 0;
        err->msg[0] = '\0';
    }
    if (c_locale) {
        freelocale(c_locale);
    }
    free(p.tokens);
    pyl_arena_free(p.scratch);
    pyl_lexer_free(&lx);
    return res;
}

/* REPL input, as Python's codeop.compile_command decides it: the source is
 * complete if it parses; it is incomplete if it parses (or reaches its end
 * early) once a newline is added; otherwise its error stands. */
static PylMod *parse_single(PylArena *a, const char *src, size_t len, const char *filename,
                            PylSyntaxError *err)
{
    int blank = 1;
    for (size_t i = 0; i < len && blank;) {
        while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\r')) {
            i++;
        }
        if (i < len && src[i] != '\n' && src[i] != '#') {
            blank = 0;
        }
        while (i < len && src[i] != '\n') {
            i++;
        }
        i++;
    }
    if (blank) {
        src = "pass", len = 4;
    }
    int run = RUN_STRING_INPUT | RUN_DONT_IMPLY_DEDENT | RUN_ALLOW_INCOMPLETE;
    PylMod *m = parse_once(a, src, len, filename, PYL_PARSE_SINGLE, run, err);
    if (m || err->kind == PYL_MEMORY_ERROR) {
        return m;
    }
    char *src2 = malloc(len + 2);
    if (!src2) {
        memset(err, 0, sizeof *err);
        err->kind = PYL_MEMORY_ERROR;
        return NULL;
    }
    memcpy(src2, src, len);
    src2[len] = '\n';
    PylArena *scratch = pyl_arena_new();
    PylMod *m2 =
        scratch ? parse_once(scratch, src2, len + 1, filename, PYL_PARSE_SINGLE, run, err) : NULL;
    int incomplete = m2 || err->incomplete;
    pyl_arena_free(scratch);
    free(src2);
    m = parse_once(a, src, len, filename, PYL_PARSE_SINGLE, run & ~RUN_ALLOW_INCOMPLETE, err);
    if (!m && incomplete && err->kind != PYL_MEMORY_ERROR) {
        memset(err, 0, sizeof *err);
        snprintf(err->msg, sizeof err->msg, "incomplete input");
        err->incomplete = 1;
    }
    return m;
}

PylMod *pyl_parse(PylArena *a, const char *src, size_t len, const char *filename, PylParseMode mode,
                  PylSyntaxError *err)
{
    return pyl_parse_ex(a, src, len, filename, mode, 0, err);
}

PylMod *pyl_parse_ex(PylArena *a, const char *src, size_t len, const char *filename,
                     PylParseMode mode, int flags, PylSyntaxError *err)
{
    if (mode == PYL_PARSE_SINGLE) {
        return parse_single(a, src, len, filename, err);
    }
    int run = (mode != PYL_PARSE_FILE || (flags & PYL_PARSE_STRING_INPUT)) ? RUN_STRING_INPUT : 0;
    return parse_once(a, src, len, filename, mode, run, err);
}
