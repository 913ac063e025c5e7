/* parse_string.c — literals: NUMBER tokens to Constant, runs of STRING tokens
 * to a str/bytes Constant or an f-string JoinedStr.
 *
 * Follows CPython 3.11 (Parser/string_parser.c, action_helpers.c), whose
 * f-strings are single STRING tokens: the replacement fields are found by a
 * scan of the token text and each expression is parsed by its own parser on the
 * text "(expr)". Error messages and the positions of the nodes inside fields are
 * CPython's, quirks included (see fstring_compile_expr).
 */
#define _GNU_SOURCE /* strtod_l */
#include "compiler/parse_impl.h"

#include <gmp.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#define ARENA p->arena

/* ---- numbers -------------------------------------------------------------------- */

/* The decimal digits of an integer literal's digits (no prefix, underscores
 * removed) in the given base, in the arena. */
static const char *int_to_decimal(Parser *p, const char *digits, int base)
{
    if (base == 10) {
        while (digits[0] == '0' && digits[1]) {
            digits++;
        }
        return CHECK(pyl_arena_strndup(ARENA, digits, strlen(digits)));
    }
    mpz_t z;
    if (mpz_init_set_str(z, digits, base) != 0) {
        mpz_clear(z);
        return CHECK(pyl_arena_strndup(ARENA, "0", 1));
    }
    size_t n = mpz_sizeinbase(z, 10) + 2;
    char *s = CHECK(pyl_arena_alloc(ARENA, n));
    if (s) {
        mpz_get_str(s, 10, z);
    }
    mpz_clear(z);
    return s;
}

/* strtod in the "C" locale: literals always use '.', whatever the process's. */
static double c_strtod(Parser *p, const char *s)
{
    if (!*p->c_locale) {
        *p->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    }
    return *p->c_locale ? strtod_l(s, NULL, *p->c_locale) : strtod(s, NULL);
}

PylExpr *number_token(Parser *p)
{
    PylToken *t = expect(p, TOK_NUMBER);
    if (!t) {
        return NULL;
    }
    size_t len = (size_t)(t->end - t->start);
    char small[64];
    char *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf) {
        return pyl_parse_nomem(p);
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (t->start[i] != '_') {
            buf[n++] = t->start[i];
        }
    }
    buf[n] = '\0';
    PylConst c;
    memset(&c, 0, sizeof c);
    char last = buf[n - 1];
    int base = 10;
    if (n > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')) {
        base = 16;
    } else if (n > 1 && buf[0] == '0' && (buf[1] == 'o' || buf[1] == 'O')) {
        base = 8;
    } else if (n > 1 && buf[0] == '0' && (buf[1] == 'b' || buf[1] == 'B')) {
        base = 2;
    }
    if (base != 10) {
        c.kind = CONST_INT;
        c.v.digits = int_to_decimal(p, buf + 2, base);
    } else if (last == 'j' || last == 'J') {
        buf[n - 1] = '\0';
        c.kind = CONST_COMPLEX;
        c.v.d = c_strtod(p, buf);
    } else if (strpbrk(buf, ".eE")) {
        c.kind = CONST_FLOAT;
        c.v.d = c_strtod(p, buf);
    } else {
        c.kind = CONST_INT;
        c.v.digits = int_to_decimal(p, buf, 10);
    }
    if (buf != small) {
        free(buf);
    }
    if (c.kind == CONST_INT) {
        if (!c.v.digits) {
            return NULL;
        }
        c.len = strlen(c.v.digits);
    }
    return CHECK(pyl_ast_Constant(ARENA, c, NULL, t->lineno, t->col_offset, t->end_lineno,
                                  t->end_col_offset));
}

/* ---- escapes ---------------------------------------------------------------------- */

/* An arena-backed byte buffer. */
typedef struct Buf {
    char *s;
    size_t n, cap;
} Buf;

static int buf_reserve(Parser *p, Buf *b, size_t extra)
{
    if (b->n + extra + 1 <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap : 32;
    while (cap < b->n + extra + 1) {
        cap *= 2;
    }
    char *s = CHECK(pyl_arena_alloc(ARENA, cap));
    if (!s) {
        return -1;
    }
    if (b->n) {
        memcpy(s, b->s, b->n);
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

static int buf_add(Parser *p, Buf *b, const char *s, size_t n)
{
    if (buf_reserve(p, b, n) < 0) {
        return -1;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Raises the SyntaxError CPython makes of a UnicodeDecodeError from the
 * 'unicodeescape' codec; start/end are positions in the text CPython decodes
 * (its copy of the literal with every non-ASCII character spelled \UXXXXXXXX). */
static int unicode_error(Parser *p, long start, long end, const char *reason)
{
    if (end - start > 1) {
        RAISE_SYNTAX_ERROR("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                           "%ld-%ld: %s",
                           start, end - 1, reason);
    } else {
        RAISE_SYNTAX_ERROR("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in "
                           "position %ld: %s",
                           start, reason);
    }
    return -1;
}

/* Decodes the escapes of the str literal text s[0..n) into out (UTF-8, lone
 * surrogates allowed). Returns 0 or -1 with the error raised. */
static int decode_str_escapes(Parser *p, const char *s, size_t n, Buf *out)
{
    const char *end = s + n;
    long vpos = 0; /* position in CPython's \U-expanded copy */
    if (buf_reserve(p, out, n) < 0) {
        return -1;
    }
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            if (c < 0x80) {
                out->s[out->n++] = (char)c;
                s++;
                vpos++;
            } else {
                unsigned cp;
                int l = pyl_lex_utf8_decode(s, (size_t)(end - s), &cp);
                if (l == 0) {
                    l = 1;
                }
                memcpy(out->s + out->n, s, (size_t)l);
                out->n += (size_t)l;
                s += l;
                vpos += 10;
            }
            continue;
        }
        long start = vpos;
        s++;
        if (s >= end) {
            return unicode_error(p, start, start + 1, "\\ at end of string");
        }
        c = (unsigned char)*s;
        if (c >= 0x80) {
            /* backslash + non-ASCII: both kept (CPython spells the '\' "\u005c") */
            out->s[out->n++] = '\\';
            vpos += 6;
            continue;
        }
        s++;
        vpos += 2;
        unsigned ch;
        int count = 0;
        const char *msg = NULL;
        switch (c) {
        case '\n':
            continue;
        case '\\':
            ch = '\\';
            break;
        case '\'':
            ch = '\'';
            break;
        case '"':
            ch = '"';
            break;
        case 'b':
            ch = '\b';
            break;
        case 'f':
            ch = '\f';
            break;
        case 't':
            ch = '\t';
            break;
        case 'n':
            ch = '\n';
            break;
        case 'r':
            ch = '\r';
            break;
        case 'v':
            ch = '\v';
            break;
        case 'a':
            ch = '\a';
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
            ch = (unsigned)(c - '0');
            if (s < end && *s >= '0' && *s <= '7') {
                ch = (ch << 3) + (unsigned)(*s++ - '0');
                vpos++;
                if (s < end && *s >= '0' && *s <= '7') {
                    ch = (ch << 3) + (unsigned)(*s++ - '0');
                    vpos++;
                }
            }
            break;
        case 'x':
            count = 2, msg = "truncated \\xXX escape";
            break;
        case 'u':
            count = 4, msg = "truncated \\uXXXX escape";
            break;
        case 'U':
            count = 8, msg = "truncated \\UXXXXXXXX escape";
            break;
        case 'N': {
            msg = "malformed \\N character escape";
            if (s >= end || *s != '{') {
                return unicode_error(p, start, vpos, msg);
            }
            const char *name = ++s;
            vpos++;
            while (s < end && *s != '}') {
                s++;
                vpos++;
            }
            if (s >= end) {
                return unicode_error(p, start, vpos, msg);
            }
            size_t nl = (size_t)(s - name);
            if (nl == 0) {
                return unicode_error(p, start, vpos, msg);
            }
            s++;
            vpos++;
            long cp = pyl_unicode_lookup(name, nl);
            if (cp < 0) {
                return unicode_error(p, start, vpos, "unknown Unicode character name");
            }
            ch = (unsigned)cp;
            break;
        }
        default:
            /* not an escape: kept as is (CPython only warns) */
            out->s[out->n++] = '\\';
            out->s[out->n++] = (char)c;
            continue;
        }
        if (count) {
            ch = 0;
            for (; count; count--, s++, vpos++) {
                int h = s < end ? hexval((unsigned char)*s) : -1;
                if (h < 0) {
                    return unicode_error(p, start, vpos, msg);
                }
                ch = (ch << 4) | (unsigned)h;
            }
            if (ch > 0x10FFFF) {
                return unicode_error(p, start, vpos, "illegal Unicode character");
            }
        }
        out->n += (size_t)pyl_lex_utf8_encode(ch, out->s + out->n);
    }
    out->s[out->n] = '\0';
    return 0;
}

/* Decodes the escapes of a bytes literal's text s[0..n) into out. */
static int decode_bytes_escapes(Parser *p, const char *s, size_t n, Buf *out)
{
    const char *start = s, *end = s + n;
    if (buf_reserve(p, out, n) < 0) {
        return -1;
    }
    while (s < end) {
        char c = *s++;
        if (c != '\\') {
            out->s[out->n++] = c;
            continue;
        }
        if (s >= end) {
            RAISE_SYNTAX_ERROR("(value error) Trailing \\ in string");
            return -1;
        }
        c = *s++;
        switch (c) {
        case '\n':
            break;
        case '\\':
            out->s[out->n++] = '\\';
            break;
        case '\'':
            out->s[out->n++] = '\'';
            break;
        case '"':
            out->s[out->n++] = '"';
            break;
        case 'b':
            out->s[out->n++] = '\b';
            break;
        case 'f':
            out->s[out->n++] = '\f';
            break;
        case 't':
            out->s[out->n++] = '\t';
            break;
        case 'n':
            out->s[out->n++] = '\n';
            break;
        case 'r':
            out->s[out->n++] = '\r';
            break;
        case 'v':
            out->s[out->n++] = '\v';
            break;
        case 'a':
            out->s[out->n++] = '\a';
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            unsigned v = (unsigned)(c - '0');
            if (s < end && *s >= '0' && *s <= '7') {
                v = (v << 3) + (unsigned)(*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7') {
                    v = (v << 3) + (unsigned)(*s++ - '0');
                }
            }
            out->s[out->n++] = (char)(v & 0xFF);
            break;
        }
        case 'x':
            if (s + 1 < end && hexval((unsigned char)s[0]) >= 0 &&
                hexval((unsigned char)s[1]) >= 0) {
                out->s[out->n++] =
                    (char)((hexval((unsigned char)s[0]) << 4) | hexval((unsigned char)s[1]));
                s += 2;
                break;
            }
            RAISE_SYNTAX_ERROR("(value error) invalid \\x escape at position %ld",
                               (long)(s - 2 - start));
            return -1;
        default:
            out->s[out->n++] = '\\';
            out->s[out->n++] = c;
            break;
        }
    }
    out->s[out->n] = '\0';
    return 0;
}

/* ---- string tokens ------------------------------------------------------------------ */

/* The parts of a STRING token: prefix flags and the text between the quotes. */
typedef struct StrTok {
    int bytes, raw, fmode;
    const char *body;
    size_t len;
} StrTok;

static void split_string_token(const PylToken *t, StrTok *st)
{
    const char *s = t->start;
    memset(st, 0, sizeof *st);
    for (;; s++) {
        char c = *s;
        if (c == 'b' || c == 'B') {
            st->bytes = 1;
        } else if (c == 'r' || c == 'R') {
            st->raw = 1;
        } else if (c == 'f' || c == 'F') {
            st->fmode = 1;
        } else if (c != 'u' && c != 'U') {
            break;
        }
    }
    char q = *s;
    size_t len = (size_t)(t->end - s);
    int qs = (len >= 6 && s[1] == q && s[2] == q) ? 3 : 1;
    st->body = s + qs;
    st->len = len - 2 * (size_t)qs;
}

/* ---- f-strings ------------------------------------------------------------------------- */

/* The state of one f-string (or format spec) being assembled: pending literal
 * text, and the finished parts. */
typedef struct FState {
    Buf last;
    int has_last;
    Vec parts;
    int fmode;
} FState;

static int fs_add_text(Parser *p, FState *st, const char *s, size_t n)
{
    if (n == 0) {
        return 0;
    }
    st->has_last = 1;
    return buf_add(p, &st->last, s, n);
}

/* A str Constant of the pending text, spanning first..last. */
static PylExpr *make_str_node(Parser *p, FState *st, PylToken *first, PylToken *last)
{
    PylConst c;
    memset(&c, 0, sizeof c);
    c.kind = CONST_STR;
    c.len = st->last.n;
    c.v.bytes = st->last.s ? st->last.s : CHECK(pyl_arena_strndup(ARENA, "", 0));
    st->last.s = NULL;
    st->last.n = st->last.cap = 0;
    st->has_last = 0;
    if (!c.v.bytes) {
        return NULL;
    }
    const char *kind = NULL;
    if (first->start[0] == 'u') {
        kind = CHECK(pyl_arena_strndup(ARENA, "u", 1));
        if (!kind) {
            return NULL;
        }
    }
    return CHECK(pyl_ast_Constant(ARENA, c, kind, first->lineno, first->col_offset,
                                  last->end_lineno, last->end_col_offset));
}

static PylExpr *fstring_parse(Parser *p, const char **str, const char *end, int raw, int lvl,
                              PylToken *first, PylToken *t, PylToken *last);

/* Parses the expression text [expr_start, expr_end) of a field of token t.
 *
 * Node positions (CPython 3.11's rule): the text is parsed as "(expr)" starting
 * on line t->lineno + (newlines in t before the '{'); on that first line every
 * column is shifted by (the token's column if the '{' is on the token's first
 * line) + (the '{''s column within its line, or 0 when the '{' is followed only
 * by blanks up to a newline). */
static PylExpr *fstring_compile_expr(Parser *p, const char *expr_start, const char *expr_end,
                                     PylToken *t)
{
    const char *s;
    for (s = expr_start; s != expr_end; s++) {
        char c = *s;
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) {
            break;
        }
    }
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
            RAISE_SYNTAX_ERROR("f-string: expression required before '%c'", *expr_end);
        } else {
            RAISE_SYNTAX_ERROR("f-string: empty expression not allowed");
        }
        return NULL;
    }
    const char *brace = expr_start - 1;
    int lines = 0, cols = 0;
    for (const char *q = t->start; q < brace; q++) {
        if (*q == '\n') {
            lines++;
        }
    }
    int newline_after_brace = 1;
    for (s = expr_start; *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = 0;
            break;
        }
    }
    if (!newline_after_brace) {
        s = brace;
        while (s > t->start && *s != '\n') {
            s--;
        }
        cols = (int)(brace - s);
        if (*s == '\n') {
            cols--;
        }
    }
    size_t len = (size_t)(expr_end - expr_start);
    char *text = malloc(len + 3);
    if (!text) {
        return pyl_parse_nomem(p);
    }
    text[0] = '(';
    memcpy(text + 1, expr_start, len);
    text[len + 1] = ')';
    text[len + 2] = '\0';
    int col = (lines == 0 ? t->col_offset : 0) + cols;
    PylExpr *e = pyl_parse_fstring_expr(p, text, len + 2, t->lineno + lines, col);
    free(text);
    return e;
}

/* Finds the expression of the field at **str ('{'); its FormattedValue into *out
 * and the "expr=" text (or NULL) into *dbg. Returns 0 or -1 on error. */
static int fstring_find_expr(Parser *p, const char **str, const char *end, int raw, int lvl,
                             PylExpr **out, Buf *dbg, int *has_dbg, PylToken *first, PylToken *t,
                             PylToken *last)
{
    char quote_char = 0;
    int string_type = 0;
    int depth = 0;
    char parenstack[PYL_LEX_MAXLEVEL];
    int conversion = -1;
    PylExpr *spec = NULL;
    *has_dbg = 0;
    if (lvl >= 2) {
        RAISE_SYNTAX_ERROR("f-string: expressions nested too deeply");
        return -1;
    }
    *str += 1;
    const char *expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            RAISE_SYNTAX_ERROR("f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= PYL_LEX_MAXLEVEL) {
                RAISE_SYNTAX_ERROR("f-string: too many nested parenthesis");
                return -1;
            }
            parenstack[depth++] = ch;
        } else if (ch == '#') {
            RAISE_SYNTAX_ERROR("f-string expression part cannot include '#'");
            return -1;
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
                if (ch == '>' || ch == '<') {
                    continue;
                }
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                RAISE_SYNTAX_ERROR("f-string: unmatched '%c'", ch);
                return -1;
            }
            int opening = parenstack[--depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                RAISE_SYNTAX_ERROR("f-string: closing parenthesis '%c' does not match opening "
                                   "parenthesis '%c'",
                                   ch, opening);
                return -1;
            }
        }
    }
    const char *expr_end = *str;
    if (quote_char) {
        RAISE_SYNTAX_ERROR("f-string: unterminated string");
        return -1;
    }
    if (depth) {
        RAISE_SYNTAX_ERROR("f-string: unmatched '%c'", parenstack[depth - 1]);
        return -1;
    }
    if (*str >= end) {
        goto unexpected_end;
    }
    PylExpr *simple = fstring_compile_expr(p, expr_start, expr_end, t);
    if (!simple) {
        return -1;
    }
    if (**str == '=') {
        *str += 1;
        while (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' || **str == '\f' ||
               **str == '\v') {
            *str += 1;
        }
        dbg->n = 0;
        if (buf_add(p, dbg, expr_start, (size_t)(*str - expr_start)) < 0) {
            return -1;
        }
        *has_dbg = 1;
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end) {
            goto unexpected_end;
        }
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            RAISE_SYNTAX_ERROR("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    if (*str >= end) {
        goto unexpected_end;
    }
    if (**str == ':') {
        *str += 1;
        if (*str >= end) {
            goto unexpected_end;
        }
        spec = fstring_parse(p, str, end, raw, lvl + 1, first, t, last);
        if (!spec) {
            return -1;
        }
    }
    if (*str >= end || **str != '}') {
        goto unexpected_end;
    }
    *str += 1;
    if (*has_dbg && !spec && conversion == -1) {
        conversion = 'r';
    }
    *out = CHECK(pyl_ast_FormattedValue(ARENA, simple, conversion, spec, first->lineno,
                                        first->col_offset, last->end_lineno, last->end_col_offset));
    return *out ? 0 : -1;

unexpected_end:
    RAISE_SYNTAX_ERROR("f-string: expecting '}'");
    return -1;
}

/* Scans literal text up to an un-doubled '{' (or '}' at lvl > 0, or the end);
 * appends it, decoded, to st. Returns 1 after a doubled brace (call again), 0 at
 * a field or the end, -1 on error. */
static int fstring_find_literal(Parser *p, const char **str, const char *end, int raw, int lvl,
                                FState *st)
{
    const char *s = *str, *lit = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                /* skip "\N{...}" so its braces do not start a field */
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    RAISE_SYNTAX_ERROR("f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (lit != s) {
        if (raw) {
            if (fs_add_text(p, st, lit, (size_t)(s - lit)) < 0) {
                return -1;
            }
        } else {
            Buf b = {0};
            if (decode_str_escapes(p, lit, (size_t)(s - lit), &b) < 0 ||
                fs_add_text(p, st, b.s, b.n) < 0) {
                return -1;
            }
        }
    }
    return result;
}

/* Parses the f-string text at *str..end into st (CPython's
 * _PyPegen_FstringParser_ConcatFstring). */
static int fstring_concat(Parser *p, FState *st, const char **str, const char *end, int raw,
                          int lvl, PylToken *first, PylToken *t, PylToken *last)
{
    st->fmode = 1;
    for (;;) {
        int r = fstring_find_literal(p, str, end, raw, lvl, st);
        if (r < 0) {
            return -1;
        }
        if (r == 1) {
            continue;
        }
        if (*str >= end || **str == '}') {
            break;
        }
        PylExpr *e = NULL;
        Buf dbg = {0};
        int has_dbg;
        if (fstring_find_expr(p, str, end, raw, lvl, &e, &dbg, &has_dbg, first, t, last) < 0) {
            return -1;
        }
        if (has_dbg && fs_add_text(p, st, dbg.s, dbg.n) < 0) {
            return -1;
        }
        if (st->has_last) {
            PylExpr *c = make_str_node(p, st, first, last);
            if (!c || VEC_PUSH(&st->parts, c) < 0) {
                return -1;
            }
        }
        if (VEC_PUSH(&st->parts, e) < 0) {
            return -1;
        }
    }
    if (lvl == 0 && *str < end - 1) {
        RAISE_SYNTAX_ERROR("f-string: unexpected end of string");
        return -1;
    }
    if (lvl != 0 && **str != '}') {
        RAISE_SYNTAX_ERROR("f-string: expecting '}'");
        return -1;
    }
    return 0;
}

/* The Constant or JoinedStr for st, spanning first..last. */
static PylExpr *fstring_finish(Parser *p, FState *st, PylToken *first, PylToken *last)
{
    if (!st->fmode) {
        return make_str_node(p, st, first, last);
    }
    if (st->has_last) {
        PylExpr *c = make_str_node(p, st, first, last);
        if (!c || VEC_PUSH(&st->parts, c) < 0) {
            return NULL;
        }
    }
    return CHECK(pyl_ast_JoinedStr(ARENA, AS_SEQ(PylExpr, st->parts), first->lineno,
                                   first->col_offset, last->end_lineno, last->end_col_offset));
}

/* A format spec: parsed like an f-string one level down; spans token t only. */
static PylExpr *fstring_parse(Parser *p, const char **str, const char *end, int raw, int lvl,
                              PylToken *first, PylToken *t, PylToken *last)
{
    FState st;
    memset(&st, 0, sizeof st);
    if (fstring_concat(p, &st, str, end, raw, lvl, first, t, last) < 0) {
        return NULL;
    }
    return fstring_finish(p, &st, t, t);
}

PylExpr *pyl_parse_concat_strings(Parser *p, int first_i, int last_i)
{
    PylToken *first = p->tokens[first_i], *last = p->tokens[last_i];
    int bytesmode = 0;
    Buf bytes = {0};
    FState st;
    memset(&st, 0, sizeof st);
    for (int i = first_i; i <= last_i; i++) {
        PylToken *t = p->tokens[i];
        StrTok s;
        split_string_token(t, &s);
        if (s.bytes) {
            for (size_t k = 0; k < s.len; k++) {
                if ((unsigned char)s.body[k] >= 0x80) {
                    RAISE_KNOWN_LOCATION(t, "bytes can only contain ASCII literal characters");
                    return NULL;
                }
            }
        }
        if (i != first_i && bytesmode != s.bytes) {
            RAISE_SYNTAX_ERROR("cannot mix bytes and nonbytes literals");
            return NULL;
        }
        bytesmode = s.bytes;
        if (s.fmode) {
            const char *str = s.body;
            if (fstring_concat(p, &st, &str, s.body + s.len, s.raw, 0, first, t, last) < 0) {
                return NULL;
            }
            continue;
        }
        int raw = s.raw || !memchr(s.body, '\\', s.len);
        if (s.bytes) {
            if (raw ? buf_add(p, &bytes, s.body, s.len) < 0
                    : decode_bytes_escapes(p, s.body, s.len, &bytes) < 0) {
                return NULL;
            }
        } else if (raw) {
            if (fs_add_text(p, &st, s.body, s.len) < 0) {
                return NULL;
            }
        } else {
            Buf b = {0};
            if (decode_str_escapes(p, s.body, s.len, &b) < 0 || fs_add_text(p, &st, b.s, b.n) < 0) {
                return NULL;
            }
        }
    }
    if (bytesmode) {
        PylConst c;
        memset(&c, 0, sizeof c);
        c.kind = CONST_BYTES;
        c.len = bytes.n;
        c.v.bytes = bytes.s ? bytes.s : CHECK(pyl_arena_strndup(ARENA, "", 0));
        if (!c.v.bytes) {
            return NULL;
        }
        return CHECK(pyl_ast_Constant(ARENA, c, NULL, first->lineno, first->col_offset,
                                      last->end_lineno, last->end_col_offset));
    }
    return fstring_finish(p, &st, first, last);
}
