/* traceback.c — traceback objects and the printing of uncaught exceptions in
 * CPython 3.11's format (chained exceptions, source lines, position carets,
 * "[Previous line repeated N more times]"). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/core.h"
#include "vm/frame.h"
#include "compiler/caret.h"
#include "vm/modules/sys.h"
#include "vm/traceback.h"

typedef struct PylTraceback {
    PylObject ob;
    PylObject *next;  /* traceback or NULL */
    PylObject *frame; /* frame object */
    PylObject *code;
    int lasti;
    int lineno;
} PylTraceback;

/* Where in `segment` (an expression's source) the operator of a binary
 * operation or the brackets of a subscript start and end, for the ~~^^~~ carets.
 * 1 when found. (compiler/caret.c) */

int pyl_traceback_add(PylThread *t, PylFrame *f)
{
    PylObject *exc = t->exc;
    if (exc == NULL || !PYL_IS_EXCEPTION(exc)) {
        return 0;
    }
    PylObject *pending = pyl_err_fetch(t);
    PylTraceback *tb =
        (PylTraceback *)pyl_obj_alloc(t, PYL_TYPE(t, TRACEBACK), sizeof(PylTraceback));
    PylObject *frame = tb ? pyl_frame_object_new(t, f, NULL) : NULL;
    if (frame == NULL) {
        pyl_xdecref(t, (PylObject *)tb);
        pyl_err_clear(t);
        pyl_err_restore(t, pending);
        return -1;
    }
    PylBaseException *be = (PylBaseException *)pending;
    tb->lasti = (int)pyl_frame_lasti(f);
    tb->lineno = pyl_code_line(f->code, tb->lasti);
    tb->code = pyl_incref((PylObject *)f->code);
    tb->frame = frame;
    tb->next = be->traceback;
    be->traceback = (PylObject *)tb;
    pyl_err_restore(t, pending);
    return 0;
}

static void tb_clear(PylThread *t, PylObject *self)
{
    PylTraceback *tb = (PylTraceback *)self;
    PYL_CLEAR(t, tb->next);
    PYL_CLEAR(t, tb->frame);
}

static void tb_dealloc(PylThread *t, PylObject *self)
{
    /* Long chains: unlink iteratively so freeing does not recurse per entry. */
    PylTraceback *tb = (PylTraceback *)self;
    PylObject *next = tb->next;
    tb->next = NULL;
    tb_clear(t, self);
    pyl_xdecref(t, tb->code);
    pyl_obj_free(t, self);
    while (next != NULL && next->refcnt == 1) {
        PylTraceback *n = (PylTraceback *)next;
        next = n->next;
        n->next = NULL;
        tb_clear(t, (PylObject *)n);
        pyl_xdecref(t, n->code);
        pyl_obj_free(t, (PylObject *)n);
    }
    pyl_xdecref(t, next);
}

static int tb_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylTraceback *tb = (PylTraceback *)self;
    if (tb->next != NULL && visit(tb->next, arg) != 0) {
        return -1;
    }
    return tb->frame != NULL ? visit(tb->frame, arg) : 0;
}

static PylObject *tb_get_next(PylThread *t, PylObject *self)
{
    PylObject *n = ((PylTraceback *)self)->next;
    return n ? pyl_incref(n) : PYL_NONE;
}

static int tb_set_next(PylThread *t, PylObject *self, PylObject *value)
{
    if (value == NULL || (value != PYL_NONE && !PYL_IS_KIND(value, TRACEBACK))) {
        pyl_err_format(t, PYL_EXC(t, TypeError), "expected traceback object or None, got '%T'",
                       value ? value : PYL_NONE);
        return -1;
    }
    for (PylObject *c = value; c != NULL && c != PYL_NONE; c = ((PylTraceback *)c)->next) {
        if (c == self) {
            pyl_err_format(t, PYL_EXC(t, ValueError), "traceback loop detected");
            return -1;
        }
    }
    pyl_setref(t, &((PylTraceback *)self)->next, value == PYL_NONE ? NULL : pyl_incref(value));
    return 0;
}

static const PylMemberDef tb_members[] = {
    {"tb_frame", PYL_MEMBER_OBJECT, offsetof(PylTraceback, frame), true, NULL},
    {"tb_lasti", PYL_MEMBER_INT, offsetof(PylTraceback, lasti), true, NULL},
    {"tb_lineno", PYL_MEMBER_INT, offsetof(PylTraceback, lineno), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_traceback_type = {
    .name = "traceback",
    .kind = PYL_K_TRACEBACK,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylTraceback),
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .members = tb_members,
    .getset = tb_getset,
};

/* ---- printing ----------------------------------------------------------------------- */

/* Write to sys.stderr (or the process's stderr when that is unusable). */

/* Line `lineno` of a source file, without its newline, into b; 0 if found. */
static int source_line(PylThread *t, PylCode *co, int lineno, PylBuf *b)
{
    if (PYL_STR_DATA(co->filename)[0] == '<') {
        return -1; /* "<string>", "<stdin>": CPython's linecache has no lines for them */
    }
    if (co->source_lines != NULL) {
        if (lineno >= 1 && lineno <= PYL_LIST_SIZE(co->source_lines)) {
            return pyl_buf_put_str(t, b, PYL_LIST_ITEM(co->source_lines, lineno - 1));
        }
        return -1;
    }
    const char *fn = PYL_STR_DATA(co->filename);
    FILE *fp = fopen(fn, "rb");
    if (fp == NULL) {
        return -1;
    }
    int line = 1, c, r = -1;
    while (line < lineno && (c = getc(fp)) != EOF) {
        line += c == '\n';
    }
    if (line == lineno) {
        r = 0;
        while ((c = getc(fp)) != EOF && c != '\n') {
            if (c != '\r' && pyl_buf_putc(t, b, (char)c) < 0) {
                r = -1;
                break;
            }
        }
    }
    fclose(fp);
    return r;
}

/* "    source line\n" and, when the instruction covers only part of it, the
 * caret line under that part. */
static void print_source(PylThread *t, PylBuf *out, PylCode *co, int lasti, int lineno)
{
    PylBuf line;
    pyl_buf_init(&line);
    if (source_line(t, co, lineno, &line) < 0 || line.block == NULL) {
        pyl_buf_free(t, &line);
        return;
    }
    const char *s = line.data;
    intptr_t n = line.len, indent = 0;
    while (indent < n && (s[indent] == ' ' || s[indent] == '\t' || s[indent] == '\f')) {
        indent++;
    }
    while (n > indent && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
        n--;
    }
    pyl_buf_puts(t, out, "    ");
    pyl_buf_append(t, out, s + indent, n - indent);
    pyl_buf_putc(t, out, '\n');
    if (co->locations != NULL && lasti >= 0 && lasti < co->ncode) {
        PylLocation loc = co->locations[lasti];
        intptr_t start = loc.col, end = loc.end_col;
        if (loc.line == lineno && start >= 0 && end >= 0) {
            if (loc.end_line != loc.line) {
                end = n;
            }
            if (end > n) {
                end = n;
            }
            int left = -1, right = -1;
            bool anchors = start < end && loc.end_line == loc.line &&
                           pyl_caret_anchors(s + start, (size_t)(end - start), &left, &right);
            /* carets unless the span is the whole line and has no anchors */
            if (start < end && (start > indent || end < n || anchors)) {
                pyl_buf_puts(t, out, "    ");
                /* columns are byte offsets; carets count characters */
                for (intptr_t i = indent; i < start; i++) {
                    if (((unsigned char)s[i] & 0xC0) != 0x80) {
                        pyl_buf_putc(t, out, ' ');
                    }
                }
                for (intptr_t i = start; i < end; i++) {
                    if (((unsigned char)s[i] & 0xC0) == 0x80) {
                        continue;
                    }
                    char c = '^';
                    if (anchors && (i - start < left || i - start >= right)) {
                        c = '~';
                    }
                    pyl_buf_putc(t, out, c);
                }
                pyl_buf_putc(t, out, '\n');
            }
        }
    }
    pyl_buf_free(t, &line);
}

/* sys.tracebacklimit as CPython reads it: an int caps the number of entries
 * printed (the innermost ones), <= 0 prints none; anything else is ignored. */
static int64_t traceback_limit(PylThread *t)
{
    PylObject *sys = t->vm->sys;
    PylObject *v = sys ? pyl_dict_get_cstr(t, PYL_MODULE_DICT(sys), "tracebacklimit") : NULL;
    int64_t limit = INT64_MAX;
    if (v != NULL && PYL_IS_INT(v) && pyl_int_as_i64(t, v, &limit) < 0) {
        pyl_err_clear(t);
        limit = pyl_richcompare_bool(t, v, PYL_SMALLINT(0), PYL_GT) > 0 ? INT64_MAX : 0;
        pyl_err_clear(t);
    }
    return limit;
}

static void print_tb(PylThread *t, PylBuf *out, PylObject *tbo)
{
    int64_t limit = traceback_limit(t), depth = 0;
    if (limit <= 0) {
        return;
    }
    for (PylObject *c = tbo; c != NULL; c = ((PylTraceback *)c)->next) {
        depth++;
    }
    for (; depth > limit; depth--) {
        tbo = ((PylTraceback *)tbo)->next;
    }
    pyl_buf_puts(t, out, "Traceback (most recent call last):\n");
    PylCode *last_code = NULL;
    int last_line = -1, repeats = 0;
    for (; tbo != NULL; tbo = ((PylTraceback *)tbo)->next) {
        PylTraceback *tb = (PylTraceback *)tbo;
        PylCode *co = (PylCode *)tb->code;
        if (co == last_code && tb->lineno == last_line) {
            repeats++;
            if (repeats > 3) {
                continue;
            }
        } else {
            if (repeats > 3) {
                pyl_buf_printf(t, out, "  [Previous line repeated %d more time%s]\n", repeats - 3,
                               repeats - 3 == 1 ? "" : "s");
            }
            repeats = 1;
            last_code = co;
            last_line = tb->lineno;
        }
        pyl_buf_puts(t, out, "  File \"");
        pyl_buf_put_str(t, out, co->filename);
        pyl_buf_printf(t, out, "\", line %d, in ", tb->lineno);
        pyl_buf_put_str(t, out, co->name);
        pyl_buf_putc(t, out, '\n');
        print_source(t, out, co, tb->lasti, tb->lineno);
    }
    if (repeats > 3) {
        pyl_buf_printf(t, out, "  [Previous line repeated %d more time%s]\n", repeats - 3,
                       repeats - 3 == 1 ? "" : "s");
    }
}

/* The "  File ..., line N\n    text\n    ^^^\n" block of a SyntaxError, laid out
 * exactly as CPython 3.11 does: offsets count bytes of the UTF-8 text, leading
 * whitespace is stripped (shifting the caret), subclasses (IndentationError,
 * TabError) get a single caret, and a caret left of the text is not drawn. */
static void print_syntax_error_location(PylThread *t, PylBuf *out, PylObject *exc)
{
    PylObject *fn = pyl_exception_get_attr(t, exc, "filename");
    PylObject *lineno = pyl_exception_get_attr(t, exc, "lineno");
    PylObject *text = pyl_exception_get_attr(t, exc, "text");
    PylObject *offset_o = pyl_exception_get_attr(t, exc, "offset");
    PylObject *end_offset_o = pyl_exception_get_attr(t, exc, "end_offset");
    PylObject *end_lineno_o = pyl_exception_get_attr(t, exc, "end_lineno");
    if (!PYL_IS_STR(fn) || !PYL_IS_INT(lineno)) {
        return;
    }
    intptr_t line = 0, end_line, offset = -1, end_offset = -1;
    if (pyl_int_as_ssize(t, lineno, &line) < 0) {
        pyl_err_clear(t);
        return;
    }
    pyl_buf_puts(t, out, "  File \"");
    pyl_buf_put_str(t, out, fn);
    pyl_buf_printf(t, out, "\", line %zd\n", (ssize_t)line);
    if (!PYL_IS_STR(text)) {
        return;
    }
    if (PYL_IS_INT(offset_o) && pyl_int_as_ssize(t, offset_o, &offset) < 0) {
        pyl_err_clear(t);
        offset = -1;
    }
    end_line = line;
    if (PYL_TYPEOF(t, exc) == PYL_EXC(t, SyntaxError)) {
        if (PYL_IS_INT(end_lineno_o) && pyl_int_as_ssize(t, end_lineno_o, &end_line) < 0) {
            pyl_err_clear(t);
        }
        if (PYL_IS_INT(end_offset_o) && pyl_int_as_ssize(t, end_offset_o, &end_offset) < 0) {
            pyl_err_clear(t);
            end_offset = -1;
        }
    }
    const char *s = PYL_STR_DATA(text);
    intptr_t size = PYL_STR_NBYTES(text);
    if (end_line > line) {
        end_offset = size;
    }
    if (end_offset > size + 1) {
        end_offset = size + 1;
    }
    intptr_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    offset--;
    while (*s == ' ' || *s == '\t' || *s == '\f') {
        s++;
        offset--;
    }
    intptr_t len = (intptr_t)strlen(s);
    if (len > 0 && s[len - 1] == '\n') {
        len--;
    }
    if (offset > len) {
        offset = len;
    }
    for (;;) {
        const char *nl = strchr(s, '\n');
        if (nl == NULL || nl - s >= offset) {
            break;
        }
        intptr_t skip = nl - s + 1;
        s += skip;
        len -= skip;
        offset -= skip;
    }
    pyl_buf_puts(t, out, "    ");
    pyl_buf_puts(t, out, s);
    if (s[len] != '\n') {
        pyl_buf_putc(t, out, '\n');
    }
    if (offset < 0) {
        return;
    }
    pyl_buf_puts(t, out, "    ");
    for (intptr_t i = 0; i < offset; i++) {
        pyl_buf_putc(t, out, ' ');
    }
    for (intptr_t i = 0; i < carets; i++) {
        pyl_buf_putc(t, out, '^');
    }
    pyl_buf_putc(t, out, '\n');
}

/* ---- "Did you mean" (CPython 3.11's Python/suggestions.c) ---------------------------
 * A candidate is offered when its Levenshtein distance from the missing name
 * (a case change costs 1, any other edit 2) is at most a third of the
 * characters involved; the first closest candidate in the list wins. */
enum { SUGGEST_MAX_ITEMS = 750, SUGGEST_MAX_STRING = 40, MOVE_COST = 2, CASE_COST = 1 };

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) {
        return MOVE_COST;
    }
    if (a == b) {
        return 0;
    }
    if ('A' <= a && a <= 'Z') {
        a += 'a' - 'A';
    }
    if ('A' <= b && b <= 'Z') {
        b += 'a' - 'A';
    }
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t a_size, const char *b, size_t b_size,
                          size_t max_cost)
{
    size_t buffer[SUGGEST_MAX_STRING];
    while (a_size && b_size && a[0] == b[0]) {
        a++, a_size--;
        b++, b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
        a_size--, b_size--;
    }
    if (a_size == 0 || b_size == 0) {
        return (a_size + b_size) * MOVE_COST;
    }
    if (a_size > SUGGEST_MAX_STRING || b_size > SUGGEST_MAX_STRING) {
        return max_cost + 1;
    }
    if (b_size < a_size) {
        const char *ts = a;
        a = b, b = ts;
        size_t tn = a_size;
        a_size = b_size, b_size = tn;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost) {
        return max_cost + 1;
    }
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = (i + 1) * MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t ai = 0; ai < a_size; ai++) {
            size_t substitute = distance + substitution_cost(b[bi], a[ai]);
            distance = buffer[ai];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[ai] = result;
            if (result < minimum) {
                minimum = result;
            }
        }
        if (minimum > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

/* The closest name to `name` in the list of candidates (borrowed), or NULL. */
static PylObject *closest_name(PylObject *list, PylObject *name)
{
    intptr_t n = PYL_LIST_SIZE(list);
    if (n >= SUGGEST_MAX_ITEMS) {
        return NULL;
    }
    size_t best_distance = SIZE_MAX;
    PylObject *best = NULL;
    size_t name_size = (size_t)PYL_STR_NBYTES(name);
    for (intptr_t i = 0; i < n; i++) {
        PylObject *item = PYL_LIST_ITEM(list, i);
        if (!PYL_IS_STR(item)) {
            continue;
        }
        size_t item_size = (size_t)PYL_STR_NBYTES(item);
        if (item_size == name_size &&
            memcmp(PYL_STR_DATA(item), PYL_STR_DATA(name), name_size) == 0) {
            continue;
        }
        size_t max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max_distance) {
            max_distance = best_distance - 1;
        }
        size_t d =
            levenshtein(PYL_STR_DATA(name), name_size, PYL_STR_DATA(item), item_size, max_distance);
        if (d > max_distance) {
            continue;
        }
        if (best == NULL || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

/* The candidates in a list, tuple or dict's keys, as a new list (NULL on error). */
static PylObject *candidates(PylThread *t, PylObject *o)
{
    if (o != NULL && PYL_IS_DICT(o)) {
        return pyl_dict_keys_list(t, o);
    }
    return o != NULL ? pyl_sequence_list(t, o) : NULL;
}

/* A suggestion for `name` among the candidates in o; new reference or NULL. */
static PylObject *suggest_from(PylThread *t, PylObject *o, PylObject *name)
{
    PylObject *list = candidates(t, o);
    if (list == NULL) {
        return NULL;
    }
    PylObject *r = closest_name(list, name);
    pyl_xincref(r);
    pyl_decref(t, list);
    return r;
}

/* AttributeError: the names of dir(obj). NameError: the innermost frame's
 * local variables, then its globals, then the builtins. Exact types only, as
 * in CPython. New reference or NULL (errors are cleared). */
static PylObject *offer_suggestion(PylThread *t, PylObject *exc)
{
    PylType *type = PYL_TYPEOF(t, exc);
    PylObject *name = pyl_exception_get_attr(t, exc, "name");
    if (!PYL_IS_STR_EXACT(name)) {
        return NULL;
    }
    PylObject *r = NULL;
    if (type == PYL_EXC(t, AttributeError)) {
        PylObject *obj = pyl_exception_get_attr(t, exc, "obj");
        PylObject *dir = pyl_getattr_cstr(t, t->vm->builtins_module, "dir");
        PylObject *names = dir ? pyl_call1(t, dir, obj) : NULL;
        pyl_xdecref(t, dir);
        if (names != NULL) {
            r = suggest_from(t, names, name);
            pyl_decref(t, names);
        }
    } else if (type == PYL_EXC(t, NameError)) {
        PylObject *tbo = ((PylBaseException *)exc)->traceback;
        if (tbo == NULL) {
            return NULL;
        }
        while (((PylTraceback *)tbo)->next != NULL) {
            tbo = ((PylTraceback *)tbo)->next;
        }
        PylTraceback *tb = (PylTraceback *)tbo;
        PylObject *varnames = pyl_getattr_cstr(t, tb->code, "co_varnames");
        if (varnames != NULL) {
            r = suggest_from(t, varnames, name);
            pyl_decref(t, varnames);
        }
        if (r == NULL && tb->frame != NULL) {
            PylObject *globals = pyl_getattr_cstr(t, tb->frame, "f_globals");
            if (globals != NULL) {
                r = suggest_from(t, globals, name);
                if (r == NULL) {
                    PylObject *b = pyl_dict_get_str(t, globals, PYL_NAME(t, __builtins__));
                    if (b == NULL || !PYL_IS_DICT(b)) {
                        b = PYL_MODULE_DICT(t->vm->builtins_module);
                    }
                    r = suggest_from(t, b, name);
                }
                pyl_decref(t, globals);
            }
        }
    }
    pyl_err_clear(t);
    return r;
}

/* "ValueError: message" with the module prefix CPython prints for classes
 * outside builtins and __main__. */
/* The exception type as the traceback names it: module-qualified outside
 * builtins and __main__. */
static void print_type_name(PylThread *t, PylBuf *out, PylType *type)
{
    if (type->flags & PYL_TF_HEAPTYPE) {
        PylObject *mod = pyl_dict_get_str(t, type->dict, PYL_NAME(t, __module__));
        if (mod != NULL && PYL_IS_STR(mod) && !pyl_str_equal_cstr(mod, "builtins") &&
            !pyl_str_equal_cstr(mod, "__main__")) {
            pyl_buf_put_str(t, out, mod);
            pyl_buf_putc(t, out, '.');
        }
        pyl_buf_put_str(t, out, type->qualname);
    } else {
        pyl_buf_puts(t, out, pyl_type_get_name(type));
    }
}

static void print_exception_line(PylThread *t, PylBuf *out, PylObject *exc)
{
    PylType *type = PYL_TYPEOF(t, exc);
    print_type_name(t, out, type);
    PylObject *msg;
    if (pyl_type_is_subtype(type, PYL_EXC(t, SyntaxError))) {
        msg = pyl_exception_get_attr(t, exc, "msg");
        msg = msg == PYL_NONE ? pyl_str(t, exc) : pyl_str(t, msg);
    } else {
        msg = pyl_str(t, exc);
    }
    if (msg == NULL) {
        pyl_err_clear(t);
        pyl_buf_puts(t, out, ": <exception str() failed>\n");
        return;
    }
    if (PYL_STR_NBYTES(msg) > 0) {
        pyl_buf_puts(t, out, ": ");
        pyl_buf_put_str(t, out, msg);
    }
    pyl_decref(t, msg);
    PylObject *suggestion = offer_suggestion(t, exc);
    if (suggestion != NULL) {
        pyl_buf_puts(t, out, ". Did you mean: '");
        pyl_buf_put_str(t, out, suggestion);
        pyl_buf_puts(t, out, "'?");
        pyl_decref(t, suggestion);
    }
    pyl_buf_putc(t, out, '\n');
    PylBaseException *be = (PylBaseException *)exc;
    PylObject *notes = be->dict ? pyl_dict_get_cstr(t, be->dict, "__notes__") : NULL;
    if (notes != NULL && PYL_IS_LIST(notes)) {
        for (intptr_t i = 0; i < PYL_LIST_SIZE(notes); i++) {
            PylObject *s = pyl_str(t, PYL_LIST_ITEM(notes, i));
            if (s == NULL) {
                pyl_err_clear(t);
                continue;
            }
            pyl_buf_put_str(t, out, s);
            pyl_buf_putc(t, out, '\n');
            pyl_decref(t, s);
        }
    }
}

static void print_chain(PylThread *t, PylBuf *out, PylObject *exc, PylObject *seen, int depth)
{
    PylBaseException *be = (PylBaseException *)exc;
    if (pyl_set_add(t, seen, exc) < 0) {
        pyl_err_clear(t);
    }
    if (depth < 100) {
        if (be->cause != NULL && PYL_IS_EXCEPTION(be->cause) &&
            pyl_set_contains(t, seen, be->cause) == 0) {
            print_chain(t, out, be->cause, seen, depth + 1);
            pyl_buf_puts(t, out,
                         "\nThe above exception was the direct cause of the following "
                         "exception:\n\n");
        } else if (be->context != NULL && !be->suppress_context && PYL_IS_EXCEPTION(be->context) &&
                   pyl_set_contains(t, seen, be->context) == 0) {
            print_chain(t, out, be->context, seen, depth + 1);
            pyl_buf_puts(t, out,
                         "\nDuring handling of the above exception, another exception "
                         "occurred:\n\n");
        }
    }
    if (be->traceback != NULL) {
        print_tb(t, out, be->traceback);
    }
    if (pyl_type_is_subtype(PYL_TYPEOF(t, exc), PYL_EXC(t, SyntaxError))) {
        print_syntax_error_location(t, out, exc);
    }
    print_exception_line(t, out, exc);
}

void pyl_err_print(PylThread *t, PylObject *exc)
{
    PylObject *pending = pyl_err_fetch(t);
    pyl_incref(exc);
    PylBuf out;
    pyl_buf_init(&out);
    if (!PYL_IS_EXCEPTION(exc)) {
        pyl_buf_puts(t, &out, "TypeError: print_exception(): Exception expected for value\n");
    } else {
        PylObject *seen = pyl_set_new(t, NULL);
        if (seen != NULL) {
            print_chain(t, &out, exc, seen, 0);
            pyl_decref(t, seen);
        }
    }
    pyl_err_clear(t);
    if (out.block != NULL) {
        pyl_sys_write_stderr(t, out.data, out.len);
    }
    pyl_buf_free(t, &out);
    pyl_decref(t, exc);
    pyl_err_restore(t, pending);
}

/* "Exception ignored in: WHERE" and the exception as CPython's default
 * sys.unraisablehook writes it: its own traceback and "Type: value", without
 * the chained exceptions, and with ": " even when str(value) is empty. */
void pyl_err_write_unraisable(PylThread *t, const char *where)
{
    PylObject *exc = pyl_err_fetch(t);
    if (exc == NULL) {
        return;
    }
    PylBuf out;
    pyl_buf_init(&out);
    pyl_buf_printf(t, &out, "Exception ignored in: %s\n", where);
    if (PYL_IS_EXCEPTION(exc)) {
        PylBaseException *be = (PylBaseException *)exc;
        if (be->traceback != NULL) {
            print_tb(t, &out, be->traceback);
        }
        PylType *type = PYL_TYPEOF(t, exc);
        print_type_name(t, &out, type);
        PylObject *msg = pyl_str(t, exc);
        pyl_buf_puts(t, &out, ": ");
        if (msg != NULL) {
            pyl_buf_put_str(t, &out, msg);
            pyl_decref(t, msg);
        } else {
            pyl_buf_puts(t, &out, "<exception str() failed>");
        }
        pyl_buf_putc(t, &out, '\n');
    }
    pyl_err_clear(t);
    if (out.block != NULL) {
        pyl_sys_write_stderr(t, out.data, out.len);
    }
    pyl_buf_free(t, &out);
    pyl_decref(t, exc);
}
