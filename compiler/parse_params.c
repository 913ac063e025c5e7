/* parse_params.c — the parameter lists of def and lambda (the grammar's params
 * and lambda_params families, with their invalid_* rules). The two families
 * differ only in annotations and in the token that closes the list (')' or ':'),
 * so one set of functions serves both: lam = 0 for def, 1 for lambda. See
 * parse_impl.h for the conventions.
 */
#include "compiler/parse_impl.h"

#define ARENA p->arena

typedef struct NameDefault {
    PylArg *arg;
    PylExpr *value; /* NULL: no default */
} NameDefault;

typedef struct StarEtc {
    PylArg *vararg;
    Vec kwonly; /* NameDefault * */
    PylArg *kwarg;
} StarEtc;

/* param: NAME annotation?    lambda_param: NAME
 * param_star_annotation: NAME star_annotation (star = 1) */
static PylArg *param_rule(Parser *p, int lam, int star)
{
    ENTER;
    int mark = p->mark;
    PylToken *n = expect(p, TOK_NAME);
    if (!n) {
        RETURN(NULL);
    }
    PylExpr *ann = NULL;
    if (!lam) {
        int m = p->mark;
        /* annotation: ':' expression    star_annotation: ':' star_expression */
        if (expect(p, TOK_COLON) && (ann = star ? star_expression_rule(p) : expression_rule(p))) {
        } else {
            NEXT_ALT(m);
            ann = NULL;
            if (star) {
                p->mark = mark;
                RETURN(NULL);
            }
        }
    }
    const char *id = pyl_parse_ident(p, n);
    Pos P = EXTRA_AT(mark);
    RETURN(id ? CHECK(pyl_ast_arg(ARENA, id, ann, NULL, POS4(P))) : NULL);
}

/* ',' | &')'  (def)   ',' | &':'  (lambda) */
static int param_end(Parser *p, int lam)
{
    return expect(p, TOK_COMMA) || next_is(p, lam ? TOK_COLON : TOK_RPAR);
}

/* param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')' */
static PylArg *param_no_default_rule(Parser *p, int lam)
{
    ENTER;
    int mark = p->mark;
    PylArg *a = param_rule(p, lam, 0);
    if (a && param_end(p, lam)) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* param_no_default_star_annotation:
 *     param_star_annotation ',' TYPE_COMMENT? | param_star_annotation TYPE_COMMENT? &')' */
static PylArg *param_no_default_star_annotation_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylArg *a = param_rule(p, 0, 1);
    if (a && param_end(p, 0)) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

static PylExpr *default_rule(Parser *p);

/* param_with_default: param default ',' | param default &')'
 * param_maybe_default: param default? ',' | param default? &')' */
static NameDefault *param_default_rule(Parser *p, int lam, int maybe)
{
    ENTER;
    int mark = p->mark;
    PylArg *a = param_rule(p, lam, 0);
    if (a) {
        int m = p->mark;
        PylExpr *c = default_rule(p);
        if (!c) {
            NEXT_ALT(m);
        }
        if ((c || maybe) && param_end(p, lam)) {
            NameDefault *nd = CHECK(pyl_arena_alloc(ARENA, sizeof *nd));
            if (nd) {
                nd->arg = a;
                nd->value = c;
            }
            RETURN(nd);
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* default: '=' expression | invalid_default */
static PylExpr *default_rule(Parser *p)
{
    ENTER;
    int mark = p->mark;
    PylExpr *a;
    if (expect(p, TOK_EQUAL) && (a = expression_rule(p))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    if (p->call_invalid_rules) {
        /* invalid_default: '=' &(')'|',') */
        PylToken *t;
        if ((t = expect(p, TOK_EQUAL)) && (next_is(p, TOK_RPAR) || next_is(p, TOK_COMMA))) {
            RETURN(RAISE_KNOWN_LOCATION(t, "expected default value expression"));
        }
        NEXT_ALT(mark);
    }
    RETURN(NULL);
}

/* param_no_default* (or +): pushes the args */
static void param_no_default_loop(Parser *p, int lam, Vec *v)
{
    for (;;) {
        int m = p->mark;
        PylArg *a = param_no_default_rule(p, lam);
        if (!a) {
            if (!p->error) {
                p->mark = m;
            }
            return;
        }
        if (VEC_PUSH(v, a) < 0) {
            return;
        }
    }
}

/* param_with_default* / param_maybe_default*: pushes NameDefault * */
static void param_default_loop(Parser *p, int lam, int maybe, Vec *v)
{
    for (;;) {
        int m = p->mark;
        NameDefault *nd = param_default_rule(p, lam, maybe);
        if (!nd) {
            if (!p->error) {
                p->mark = m;
            }
            return;
        }
        if (VEC_PUSH(v, nd) < 0) {
            return;
        }
    }
}

/* slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')' */
static int slash_no_default_rule(Parser *p, int lam, Vec *out)
{
    int mark = p->mark;
    out->n = 0;
    param_no_default_loop(p, lam, out);
    if (!p->error && out->n > 0 && expect(p, TOK_SLASH) && param_end(p, lam)) {
        return 1;
    }
    if (!p->error) {
        p->mark = mark;
    }
    out->n = 0;
    return 0;
}

/* slash_with_default:
 *     | param_no_default* param_with_default+ '/' ','
 *     | param_no_default* param_with_default+ '/' &')' */
static int slash_with_default_rule(Parser *p, int lam, Vec *plain, Vec *with)
{
    int mark = p->mark;
    plain->n = with->n = 0;
    param_no_default_loop(p, lam, plain);
    if (!p->error) {
        param_default_loop(p, lam, 0, with);
    }
    if (!p->error && with->n > 0 && expect(p, TOK_SLASH) && param_end(p, lam)) {
        return 1;
    }
    if (!p->error) {
        p->mark = mark;
    }
    plain->n = with->n = 0;
    return 0;
}

static void *invalid_star_etc_rule(Parser *p, int lam);
static PylArg *kwds_rule(Parser *p, int lam);

/* star_etc:
 *     | invalid_star_etc
 *     | '*' param_no_default param_maybe_default* [kwds]
 *     | '*' param_no_default_star_annotation param_maybe_default* [kwds]   (def only)
 *     | '*' ',' param_maybe_default+ [kwds]
 *     | kwds */
static StarEtc *star_etc_rule(Parser *p, int lam)
{
    ENTER;
    int mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_star_etc_rule(p, lam);
        NEXT_ALT(mark);
    }
    StarEtc *se = CHECK(pyl_arena_alloc(ARENA, sizeof *se));
    if (!se) {
        RETURN(NULL);
    }
    for (int alt = 0; alt < 2; alt++) {
        if (alt == 1 && lam) {
            break;
        }
        PylArg *a;
        if (expect(p, TOK_STAR) && (a = alt == 0 ? param_no_default_rule(p, lam)
                                                 : param_no_default_star_annotation_rule(p))) {
            se->vararg = a;
            se->kwonly.n = 0;
            param_default_loop(p, lam, 1, &se->kwonly);
            if (p->error) {
                RETURN(NULL);
            }
            int m = p->mark;
            se->kwarg = kwds_rule(p, lam);
            if (!se->kwarg) {
                NEXT_ALT(m);
            }
            RETURN(se);
        }
        NEXT_ALT(mark);
    }
    if (expect(p, TOK_STAR) && expect(p, TOK_COMMA)) {
        se->vararg = NULL;
        se->kwonly.n = 0;
        param_default_loop(p, lam, 1, &se->kwonly);
        if (p->error) {
            RETURN(NULL);
        }
        if (se->kwonly.n > 0) {
            int m = p->mark;
            se->kwarg = kwds_rule(p, lam);
            if (!se->kwarg) {
                NEXT_ALT(m);
            }
            RETURN(se);
        }
    }
    NEXT_ALT(mark);
    PylArg *k = kwds_rule(p, lam);
    if (k) {
        se->vararg = NULL;
        se->kwonly.n = 0;
        se->kwarg = k;
        RETURN(se);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* kwds: invalid_kwds | '**' param_no_default */
static PylArg *kwds_rule(Parser *p, int lam)
{
    ENTER;
    int mark = p->mark;
    if (p->call_invalid_rules) {
        /* invalid_kwds:
         *     | '**' param '='
         *     | '**' param ',' param
         *     | '**' param ',' ('*'|'**'|'/') */
        PylToken *t;
        PylArg *a;
        if (expect(p, TOK_DOUBLESTAR) && param_rule(p, lam, 0) && (t = expect(p, TOK_EQUAL))) {
            RETURN(RAISE_KNOWN_LOCATION(t, "var-keyword argument cannot have default value"));
        }
        NEXT_ALT(mark);
        if (expect(p, TOK_DOUBLESTAR) && param_rule(p, lam, 0) && expect(p, TOK_COMMA) &&
            (a = param_rule(p, lam, 0))) {
            RETURN(RAISE_KNOWN_LOCATION(a, "arguments cannot follow var-keyword argument"));
        }
        NEXT_ALT(mark);
        if (expect(p, TOK_DOUBLESTAR) && param_rule(p, lam, 0) && expect(p, TOK_COMMA) &&
            ((t = expect(p, TOK_STAR)) || (t = expect(p, TOK_DOUBLESTAR)) ||
             (t = expect(p, TOK_SLASH)))) {
            RETURN(RAISE_KNOWN_LOCATION(t, "arguments cannot follow var-keyword argument"));
        }
        NEXT_ALT(mark);
    }
    PylArg *a;
    if (expect(p, TOK_DOUBLESTAR) && (a = param_no_default_rule(p, lam))) {
        RETURN(a);
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* invalid_star_etc:
 *     | '*' (')' | ',' (')' | '**'))          (lambda: ':' for ')')
 *     | '*' ',' TYPE_COMMENT                  (no type comments here)
 *     | '*' param '='
 *     | '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',') */
static void *invalid_star_etc_rule(Parser *p, int lam)
{
    ENTER;
    int mark = p->mark;
    PylTokKind close = lam ? TOK_COLON : TOK_RPAR;
    PylToken *a, *t;
    if ((a = expect(p, TOK_STAR))) {
        int m = p->mark;
        int ok = expect(p, close) != NULL;
        if (!ok) {
            NEXT_ALT(m);
            ok = expect(p, TOK_COMMA) && (expect(p, close) || expect(p, TOK_DOUBLESTAR));
        }
        if (ok) {
            if (lam) {
                RETURN(RAISE_SYNTAX_ERROR("named arguments must follow bare *"));
            }
            RETURN(RAISE_KNOWN_LOCATION(a, "named arguments must follow bare *"));
        }
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_STAR) && param_rule(p, lam, 0) && (t = expect(p, TOK_EQUAL))) {
        RETURN(RAISE_KNOWN_LOCATION(t, "var-positional argument cannot have default value"));
    }
    NEXT_ALT(mark);
    if (expect(p, TOK_STAR)) {
        int m = p->mark;
        int ok = param_no_default_rule(p, lam) != NULL;
        if (!ok) {
            NEXT_ALT(m);
            ok = expect(p, TOK_COMMA) != NULL;
        }
        if (ok) {
            Vec v = {0};
            param_default_loop(p, lam, 1, &v);
            if (!p->error && (t = expect(p, TOK_STAR))) {
                m = p->mark;
                ok = param_no_default_rule(p, lam) != NULL;
                if (!ok) {
                    NEXT_ALT(m);
                    ok = expect(p, TOK_COMMA) != NULL;
                }
                if (ok) {
                    RETURN(RAISE_KNOWN_LOCATION(t, "* argument may appear only once"));
                }
            }
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* invalid_parameters (and invalid_lambda_parameters):
 *     | param_no_default* invalid_parameters_helper param_no_default
 *     | param_no_default* '(' param_no_default+ ','? ')'     (lambda: ','.lambda_param+)
 *     | "/" ','
 *     | (slash_no_default | slash_with_default) param_maybe_default* '/'
 *     | [(slash_no_default | slash_with_default)] param_maybe_default* '*'
 *       (',' | param_no_default) param_maybe_default* '/'
 *     | param_maybe_default+ '/' '*'
 * invalid_parameters_helper: slash_with_default | param_with_default+ */
static void *invalid_parameters_rule(Parser *p, int lam)
{
    ENTER;
    int mark = p->mark;
    Vec v = {0}, w = {0};
    PylArg *a;
    PylToken *t, *t2;
    param_no_default_loop(p, lam, &v);
    if (!p->error) {
        int m = p->mark;
        int helper = slash_with_default_rule(p, lam, &v, &w);
        if (!helper && !p->error) {
            p->mark = m;
            w.n = 0;
            param_default_loop(p, lam, 0, &w);
            helper = w.n > 0;
        }
        if (helper && (a = param_no_default_rule(p, lam))) {
            RETURN(RAISE_KNOWN_LOCATION(a, "non-default argument follows default argument"));
        }
    }
    NEXT_ALT(mark);
    v.n = 0;
    param_no_default_loop(p, lam, &v);
    if (!p->error && (t = expect(p, TOK_LPAR))) {
        int ok;
        if (!lam) {
            Vec x = {0};
            param_no_default_loop(p, lam, &x);
            ok = x.n > 0;
        } else {
            ok = param_rule(p, 1, 0) != NULL;
            while (ok) {
                int m = p->mark;
                if (!(expect(p, TOK_COMMA) && param_rule(p, 1, 0))) {
                    NEXT_ALT(m);
                    break;
                }
            }
        }
        if (ok && !p->error) {
            expect(p, TOK_COMMA);
            if ((t2 = expect(p, TOK_RPAR))) {
                RETURN(
                    RAISE_KNOWN_RANGE(t, t2,
                                      lam ? "Lambda expression parameters cannot be parenthesized"
                                          : "Function parameters cannot be parenthesized"));
            }
        }
    }
    NEXT_ALT(mark);
    if ((t = expect(p, TOK_SLASH)) && expect(p, TOK_COMMA)) {
        RETURN(RAISE_KNOWN_LOCATION(t, "at least one argument must precede /"));
    }
    NEXT_ALT(mark);
    v.n = w.n = 0;
    if (slash_no_default_rule(p, lam, &v) || slash_with_default_rule(p, lam, &v, &w)) {
        Vec x = {0};
        param_default_loop(p, lam, 1, &x);
        if (!p->error && (t = expect(p, TOK_SLASH))) {
            RETURN(RAISE_KNOWN_LOCATION(t, "/ may appear only once"));
        }
    }
    NEXT_ALT(mark);
    v.n = w.n = 0;
    if (!slash_no_default_rule(p, lam, &v) && !p->error) {
        slash_with_default_rule(p, lam, &v, &w);
    }
    if (!p->error) {
        Vec x = {0};
        param_default_loop(p, lam, 1, &x);
        if (!p->error && expect(p, TOK_STAR)) {
            int m = p->mark;
            int ok = expect(p, TOK_COMMA) != NULL;
            if (!ok) {
                NEXT_ALT(m);
                ok = param_no_default_rule(p, lam) != NULL;
            }
            if (ok) {
                param_default_loop(p, lam, 1, &x);
                if (!p->error && (t = expect(p, TOK_SLASH))) {
                    RETURN(RAISE_KNOWN_LOCATION(t, "/ must be ahead of *"));
                }
            }
        }
    }
    NEXT_ALT(mark);
    {
        Vec x = {0};
        param_default_loop(p, lam, 1, &x);
        if (!p->error && x.n > 0 && expect(p, TOK_SLASH) && (t = expect(p, TOK_STAR))) {
            RETURN(RAISE_KNOWN_LOCATION(t, "expected comma between / and *"));
        }
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

static PylArgSeq arg_names(Parser *p, Vec *nd)
{
    PylArgSeq s = {nd->n, NULL};
    if (nd->n) {
        s.items = CHECK(pyl_arena_alloc(ARENA, (size_t)nd->n * sizeof *s.items));
        if (!s.items) {
            s.n = 0;
            return s;
        }
        for (int i = 0; i < nd->n; i++) {
            s.items[i] = ((NameDefault *)nd->items[i])->arg;
        }
    }
    return s;
}

static PylExprSeq arg_defaults(Parser *p, Vec *nd)
{
    PylExprSeq s = {nd->n, NULL};
    if (nd->n) {
        s.items = CHECK(pyl_arena_alloc(ARENA, (size_t)nd->n * sizeof *s.items));
        if (!s.items) {
            s.n = 0;
            return s;
        }
        for (int i = 0; i < nd->n; i++) {
            s.items[i] = ((NameDefault *)nd->items[i])->value;
        }
    }
    return s;
}

/* The concatenation of two sequences of pointers. */
static void vec_join(Parser *p, Vec *r, Vec *a, Vec *b)
{
    for (int i = 0; i < a->n; i++) {
        VEC_PUSH(r, a->items[i]);
    }
    for (int i = 0; i < b->n; i++) {
        VEC_PUSH(r, b->items[i]);
    }
}

/* _PyPegen_make_arguments. slash_plain/slash_with: the parameters before '/'
 * (with_slash says whether there was one), plain/with: those after it. */
static PylArguments *make_arguments(Parser *p, Vec *slash_plain, Vec *slash_with, Vec *plain,
                                    Vec *with, StarEtc *se)
{
    Vec posonly = {0}, posargs = {0}, defaults = {0};
    PylArgSeq sw_names = arg_names(p, slash_with);
    PylExprSeq sw_defs = arg_defaults(p, slash_with);
    PylArgSeq w_names = arg_names(p, with);
    PylExprSeq w_defs = arg_defaults(p, with);
    Vec swn = {(void **)sw_names.items, sw_names.n, sw_names.n};
    Vec swd = {(void **)sw_defs.items, sw_defs.n, sw_defs.n};
    Vec wn = {(void **)w_names.items, w_names.n, w_names.n};
    Vec wd = {(void **)w_defs.items, w_defs.n, w_defs.n};
    vec_join(p, &posonly, slash_plain, &swn);
    vec_join(p, &posargs, plain, &wn);
    vec_join(p, &defaults, &swd, &wd);
    PylArgSeq kwonly = {0, NULL};
    PylExprSeq kwdefs = {0, NULL};
    PylArg *vararg = NULL, *kwarg = NULL;
    if (se) {
        vararg = se->vararg;
        kwarg = se->kwarg;
        kwonly = arg_names(p, &se->kwonly);
        kwdefs = arg_defaults(p, &se->kwonly);
    }
    if (p->error) {
        return NULL;
    }
    return CHECK(pyl_ast_arguments(ARENA, AS_SEQ(PylArg, posonly), AS_SEQ(PylArg, posargs), vararg,
                                   kwonly, kwdefs, kwarg, AS_SEQ(PylExpr, defaults)));
}

/* parameters:
 *     | slash_no_default param_no_default* param_with_default* [star_etc]
 *     | slash_with_default param_with_default* [star_etc]
 *     | param_no_default+ param_with_default* [star_etc]
 *     | param_with_default+ [star_etc]
 *     | star_etc
 * (lambda_parameters: the same with lambda_ rules) */
static PylArguments *parameters_rule(Parser *p, int lam)
{
    ENTER;
    int mark = p->mark;
    Vec empty = {0};
    Vec a = {0}, b = {0}, c = {0}, sw = {0};
    StarEtc *d;
    int m;
    if (slash_no_default_rule(p, lam, &a)) {
        param_no_default_loop(p, lam, &b);
        if (!p->error) {
            param_default_loop(p, lam, 0, &c);
        }
        if (p->error) {
            RETURN(NULL);
        }
        m = p->mark;
        if (!(d = star_etc_rule(p, lam))) {
            NEXT_ALT(m);
        }
        RETURN(make_arguments(p, &a, &empty, &b, &c, d));
    }
    NEXT_ALT(mark);
    a.n = b.n = c.n = 0;
    if (slash_with_default_rule(p, lam, &a, &sw)) {
        param_default_loop(p, lam, 0, &c);
        if (p->error) {
            RETURN(NULL);
        }
        m = p->mark;
        if (!(d = star_etc_rule(p, lam))) {
            NEXT_ALT(m);
        }
        RETURN(make_arguments(p, &a, &sw, &empty, &c, d));
    }
    NEXT_ALT(mark);
    a.n = c.n = 0;
    param_no_default_loop(p, lam, &a);
    if (p->error) {
        RETURN(NULL);
    }
    if (a.n > 0) {
        param_default_loop(p, lam, 0, &c);
        if (p->error) {
            RETURN(NULL);
        }
        m = p->mark;
        if (!(d = star_etc_rule(p, lam))) {
            NEXT_ALT(m);
        }
        RETURN(make_arguments(p, &empty, &empty, &a, &c, d));
    }
    NEXT_ALT(mark);
    c.n = 0;
    param_default_loop(p, lam, 0, &c);
    if (p->error) {
        RETURN(NULL);
    }
    if (c.n > 0) {
        m = p->mark;
        if (!(d = star_etc_rule(p, lam))) {
            NEXT_ALT(m);
        }
        RETURN(make_arguments(p, &empty, &empty, &empty, &c, d));
    }
    NEXT_ALT(mark);
    if ((d = star_etc_rule(p, lam))) {
        RETURN(make_arguments(p, &empty, &empty, &empty, &empty, d));
    }
    NEXT_ALT(mark);
    RETURN(NULL);
}

/* params: invalid_parameters | parameters
 * lambda_params: invalid_lambda_parameters | lambda_parameters */
PylArguments *pyl_parse_params_rule(Parser *p, int lam)
{
    ENTER;
    int mark = p->mark;
    if (p->call_invalid_rules) {
        invalid_parameters_rule(p, lam);
        NEXT_ALT(mark);
    }
    RETURN(parameters_rule(p, lam));
}

PylArguments *pyl_parse_lambda_params_rule(Parser *p)
{
    return pyl_parse_params_rule(p, 1);
}
