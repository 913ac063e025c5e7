/* parse_error.c — printing a PylSyntaxError the way CPython 3.11 prints an
 * uncaught SyntaxError of a script (Python/pythonrun.c: print_exception,
 * parse_syntax_error and print_error_text), so that `pyl x.py` and
 * `python3 x.py` write the same bytes to stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compiler/parser.h"

typedef struct Out {
    char *buf;
    size_t size, len;
} Out;

static void out_printf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out_printf(Out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->size ? o->size - o->len : 0;
    int n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0) {
        o->len += (size_t)n;
    }
}

/* Line `lineno` of the raw source as CPython re-reads it from the file: universal
 * newlines, ending in '\n' (unless it is the last line without one), cut at a NUL
 * (it is a C string there). */
static size_t source_line(const char *src, size_t len, int lineno, char *line, size_t size)
{
    size_t i = 0;
    for (int l = 1; l < lineno && i < len; i++) {
        if (src[i] == '\n' || (src[i] == '\r' && !(i + 1 < len && src[i + 1] == '\n'))) {
            l++;
        }
    }
    if (i >= len || size == 0) {
        return 0;
    }
    size_t n = 0;
    for (; i < len && n + 2 < size; i++) {
        char c = src[i];
        if (c == '\0') {
            break;
        }
        if (c == '\r' || c == '\n') {
            line[n++] = '\n';
            break;
        }
        line[n++] = c;
    }
    line[n] = '\0';
    return n;
}

/* print_error_text: the line (stripped of leading blanks) and the carets. */
static void error_text(Out *o, long offset, long end_offset, const char *text)
{
    size_t carets = (end_offset > 0 && end_offset > offset) ? (size_t)(end_offset - offset) : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    long len = (long)strlen(text);
    if (len > 0 && text[len - 1] == '\n') {
        len--;
    }
    if (offset > len) {
        offset = len;
    }
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl) {
            break;
        }
        long inl = (long)(nl - text);
        if (inl >= offset) {
            break;
        }
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    out_printf(o, "    %s", text);
    if (text[len] != '\n') {
        out_printf(o, "\n");
    }
    if (offset < 0) {
        return;
    }
    out_printf(o, "    ");
    while (--offset >= 0) {
        out_printf(o, " ");
    }
    for (size_t i = 0; i < carets; i++) {
        out_printf(o, "^");
    }
    out_printf(o, "\n");
}

size_t pyl_syntax_error_format(const PylSyntaxError *e, const char *filename, const char *src,
                               size_t srclen, char *buf, size_t size)
{
    static const char *const kinds[] = {"SyntaxError", "IndentationError", "TabError",
                                        "MemoryError"};
    Out o = {buf, size, 0};
    if (size) {
        buf[0] = '\0';
    }
    const char *kind = (unsigned)e->kind < 4 ? kinds[e->kind] : "SyntaxError";
    if (e->kind == PYL_MEMORY_ERROR) {
        out_printf(&o, "%s\n", kind);
        return o.len;
    }
    if (e->lineno > 0) {
        out_printf(&o, "  File \"%s\", line %d\n", filename, e->lineno);
        char line[4096];
        const char *text = e->text;
        if (!text[0]) {
            source_line(src, srclen, e->lineno, line, sizeof line);
            text = line;
        }
        if (text[0]) {
            /* SyntaxError's subclasses print without their end (one caret). */
            long end_offset = e->kind == PYL_SYNTAX_ERROR ? e->end_offset : -1;
            long line_size = (long)strlen(text);
            if (e->kind == PYL_SYNTAX_ERROR && e->end_lineno > e->lineno) {
                end_offset = line_size;
            }
            if (end_offset > line_size + 1) {
                end_offset = line_size + 1;
            }
            error_text(&o, e->offset, end_offset, text);
        }
    }
    out_printf(&o, "%s: %s\n", kind, e->msg);
    return o.len;
}
