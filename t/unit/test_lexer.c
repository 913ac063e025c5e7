/* test_lexer.c — the lexer API (compiler/lexer.h): token kinds, texts and
 * positions, INDENT/DEDENT, line joining, number and string forms, the errors
 * and where they point (as CPython 3.11's tokenizer reports them), the source
 * normalisation, and the Unicode tables; plus the parser's error contract
 * (PylSyntaxError fields, REPL "incomplete" input). Expected values were taken
 * from CPython 3.11 (the tokenize module for tokens, SyntaxError attributes for
 * errors). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/lexer.h"
#include "compiler/parser.h"

#define MAXTOK 256

typedef struct Lexed {
    int n;
    PylToken tok[MAXTOK];
    char text[MAXTOK][64];
    int done;
    PylSyntaxError err;
} Lexed;

/* Lexes src up to ENDMARKER or ERRORTOKEN (included) into *out. */
static void lex(const char *src, Lexed *out)
{
    PylLexer lx;
    memset(out, 0, sizeof *out);
    int r = pyl_lexer_init(&lx, src, strlen(src), 0, "t.py", &out->err);
    ck_assert_int_eq(r, 0);
    for (;;) {
        ck_assert_int_lt(out->n, MAXTOK);
        PylToken *t = &out->tok[out->n];
        PylTokKind k = pyl_lexer_next(&lx, t);
        if (t->start) {
            size_t len = (size_t)(t->end - t->start);
            if (len > 63) {
                len = 63;
            }
            memcpy(out->text[out->n], t->start, len);
            out->text[out->n][len] = '\0';
        }
        out->n++;
        if (k == TOK_ENDMARKER || k == TOK_ERRORTOKEN) {
            break;
        }
    }
    out->done = lx.done;
    pyl_lexer_free(&lx);
}

/* The kinds, as a space-separated string of token names ("NAME = NUMBER ..."). */
static const char *kinds(const Lexed *l)
{
    static char buf[4096];
    buf[0] = '\0';
    for (int i = 0; i < l->n; i++) {
        if (i) {
            strcat(buf, " ");
        }
        strcat(buf, pyl_token_name(l->tok[i].kind));
    }
    return buf;
}

/* The error of lexing src (which must fail): message and position. */
static void lex_error(const char *src, const char *msg, int lineno, int offset, int end_offset)
{
    Lexed l;
    lex(src, &l);
    ck_assert_int_eq(l.tok[l.n - 1].kind, TOK_ERRORTOKEN);
    ck_assert_int_eq(l.done, PYL_LEX_ERROR);
    ck_assert_str_eq(l.err.msg, msg);
    ck_assert_int_eq(l.err.lineno, lineno);
    ck_assert_int_eq(l.err.offset, offset);
    ck_assert_int_eq(l.err.end_offset, end_offset);
}

START_TEST(test_simple_statement)
{
    Lexed l;
    lex("x = foo(1, 'a') + y.z\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME = NAME ( NUMBER , STRING ) + NAME . NAME NEWLINE ENDMARKER");
    ck_assert_str_eq(l.text[2], "foo");
    ck_assert_str_eq(l.text[6], "'a'");
    /* positions: 1-based lines, 0-based byte columns */
    ck_assert_int_eq(l.tok[2].lineno, 1);
    ck_assert_int_eq(l.tok[2].col_offset, 4);
    ck_assert_int_eq(l.tok[2].end_col_offset, 7);
    ck_assert_int_eq(l.tok[6].col_offset, 11);
    ck_assert_int_eq(l.tok[6].end_col_offset, 14);
    /* NEWLINE is zero-width at the '\n'; ENDMARKER has no column */
    ck_assert_int_eq(l.tok[12].col_offset, 21);
    ck_assert_int_eq(l.tok[12].end_col_offset, 21);
    ck_assert_int_eq(l.tok[13].col_offset, -1);
}
END_TEST

START_TEST(test_keywords_and_soft_keywords)
{
    Lexed l;
    lex("if not x is None: pass\n", &l);
    ck_assert_int_eq(l.tok[0].kind, TOK_KW_IF);
    ck_assert_int_eq(l.tok[1].kind, TOK_KW_NOT);
    ck_assert_int_eq(l.tok[3].kind, TOK_KW_IS);
    ck_assert_int_eq(l.tok[4].kind, TOK_KW_NONE);
    ck_assert_int_eq(l.tok[6].kind, TOK_KW_PASS);
    lex("match case _ async await print True False\n", &l);
    ck_assert_int_eq(l.tok[0].kind, TOK_NAME); /* soft keywords stay NAMEs */
    ck_assert_int_eq(l.tok[1].kind, TOK_NAME);
    ck_assert_int_eq(l.tok[2].kind, TOK_NAME);
    ck_assert_int_eq(l.tok[3].kind, TOK_KW_ASYNC);
    ck_assert_int_eq(l.tok[4].kind, TOK_KW_AWAIT);
    ck_assert_int_eq(l.tok[5].kind, TOK_NAME);
    ck_assert_int_eq(l.tok[6].kind, TOK_KW_TRUE);
    ck_assert_int_eq(l.tok[7].kind, TOK_KW_FALSE);
    ck_assert(TOK_IS_KEYWORD(TOK_KW_YIELD) && !TOK_IS_KEYWORD(TOK_NAME));
    ck_assert_str_eq(pyl_token_name(TOK_KW_LAMBDA), "lambda");
    ck_assert_str_eq(pyl_token_name(TOK_DOUBLESLASHEQUAL), "//=");
}
END_TEST

START_TEST(test_operators)
{
    Lexed l;
    lex("a**=b//=c>>=d<<=e->f:=g!=h==i<=j>=k...l@=m<>n!o$\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME **= NAME //= NAME >>= NAME <<= NAME -> NAME := NAME != NAME "
                                "== NAME <= NAME >= NAME ... NAME @= NAME != NAME OP NAME OP "
                                "NEWLINE ENDMARKER");
    ck_assert_str_eq(l.text[25], "<>"); /* NOTEQUAL; the parser rejects this spelling */
    lex("x.y ..z\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME . NAME . . NAME NEWLINE ENDMARKER");
}
END_TEST

START_TEST(test_indent_dedent)
{
    Lexed l;
    lex("if a:\n    if b:\n        x\n\n    # c\n    y\nz\n", &l);
    ck_assert_str_eq(kinds(&l), "if NAME : NEWLINE INDENT if NAME : NEWLINE INDENT NAME NEWLINE "
                                "DEDENT NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER");
    /* INDENT/DEDENT carry a line but no column */
    ck_assert_int_eq(l.tok[4].lineno, 2);
    ck_assert_int_eq(l.tok[4].col_offset, -1);
    ck_assert_int_eq(l.tok[12].lineno, 6);
    /* dedents at the end of input */
    lex("def f():\n  if x:\n    return 1", &l);
    ck_assert_str_eq(kinds(&l), "def NAME ( ) : NEWLINE INDENT if NAME : NEWLINE INDENT return "
                                "NUMBER NEWLINE DEDENT DEDENT ENDMARKER");
    /* tabs count to the next multiple of 8, consistently */
    lex("if a:\n\tb\n\tc\n", &l);
    ck_assert_str_eq(kinds(&l), "if NAME : NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT "
                                "ENDMARKER");
}
END_TEST

START_TEST(test_line_joining)
{
    Lexed l;
    lex("x = (1,\n     2)\ny = [\n# c\n]\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME = ( NUMBER , NUMBER ) NEWLINE NAME = [ ] NEWLINE ENDMARKER");
    ck_assert_int_eq(l.tok[5].lineno, 2);
    ck_assert_int_eq(l.tok[5].col_offset, 5);
    ck_assert_int_eq(l.tok[2].level, 1);
    ck_assert_int_eq(l.tok[6].level, 0);
    lex("x = 1 + \\\n    2\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME = NUMBER + NUMBER NEWLINE ENDMARKER");
    ck_assert_int_eq(l.tok[4].lineno, 2);
    ck_assert_int_eq(l.tok[4].col_offset, 4);
}
END_TEST

START_TEST(test_numbers)
{
    static const char *const ok[] = {"0",     "00",   "0_0",    "7",           "1_000", "0xff",
                                     "0XA_B", "0o17", "0b1_0",  "1.0",         "1.",    ".5",
                                     "1e10",  "1E-5", "1.5e+3", "1_0.0_1e1_0", "1j",    "2.5J",
                                     ".5j",   "1e5j", "0j",     "1_0j"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char src[64];
        snprintf(src, sizeof src, "%s\n", ok[i]);
        Lexed l;
        lex(src, &l);
        ck_assert_int_eq(l.tok[0].kind, TOK_NUMBER);
        ck_assert_str_eq(l.text[0], ok[i]);
        ck_assert_int_eq(l.tok[1].kind, TOK_NEWLINE);
    }
    /* a keyword right after a number is accepted (CPython only warns) */
    Lexed l;
    lex("1if x else 2\n", &l);
    ck_assert_str_eq(kinds(&l), "NUMBER if NAME else NUMBER NEWLINE ENDMARKER");
    lex("x = 1 .real\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME = NUMBER . NAME NEWLINE ENDMARKER");
    lex_error("x = 1.real\n", "invalid decimal literal", 1, 6, 6);
}
END_TEST

START_TEST(test_strings)
{
    Lexed l;
    lex("a = r'x' b\"y\" Rb'z' BR\"w\" f'{q}' rF'v' u'u' U\"U\"\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME = STRING STRING STRING STRING STRING STRING STRING STRING "
                                "NEWLINE ENDMARKER");
    ck_assert_str_eq(l.text[4], "Rb'z'");
    ck_assert_str_eq(l.text[6], "f'{q}'");
    /* not prefixes: ub, fb, ur */
    lex("ub'x'\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME STRING NEWLINE ENDMARKER");
    /* escaped quotes, empty strings, triple quotes spanning lines */
    lex("'it\\'s' \"\" '''a\n'b'\nc''' 'x'\n", &l);
    ck_assert_str_eq(kinds(&l), "STRING STRING STRING STRING NEWLINE ENDMARKER");
    ck_assert_str_eq(l.text[0], "'it\\'s'");
    ck_assert_int_eq(l.tok[2].lineno, 1);
    ck_assert_int_eq(l.tok[2].col_offset, 11);
    ck_assert_int_eq(l.tok[2].end_lineno, 3);
    ck_assert_int_eq(l.tok[2].end_col_offset, 4);
    ck_assert_int_eq(l.tok[3].lineno, 3);
    ck_assert_int_eq(l.tok[3].col_offset, 5);
    /* a backslash-newline inside a string continues it */
    lex("s = 'a\\\nb'\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME = STRING NEWLINE ENDMARKER");
    ck_assert_int_eq(l.tok[2].end_lineno, 2);
}
END_TEST

START_TEST(test_identifiers_unicode)
{
    Lexed l;
    lex("caf\xc3\xa9 = \xe5\x90\x8d\xe5\x89\x8d + \xce\xbb_1\n", &l);
    ck_assert_str_eq(kinds(&l), "NAME = NAME + NAME NEWLINE ENDMARKER");
    ck_assert_str_eq(l.text[0], "caf\xc3\xa9");
    ck_assert_int_eq(l.tok[1].col_offset, 6); /* columns are bytes */
    ck_assert_int_eq(l.tok[2].col_offset, 8);
    ck_assert_int_eq(l.tok[2].end_col_offset, 14);
}
END_TEST

START_TEST(test_normalisation)
{
    Lexed l;
    /* BOM skipped, CRLF and CR are newlines, a last newline is added */
    lex("\xef\xbb\xbfx = 1\r\ny = 2\rz", &l);
    ck_assert_str_eq(kinds(&l), "NAME = NUMBER NEWLINE NAME = NUMBER NEWLINE NAME NEWLINE "
                                "ENDMARKER");
    ck_assert_int_eq(l.tok[0].col_offset, 0);
    ck_assert_int_eq(l.tok[8].lineno, 3);
    lex("", &l);
    ck_assert_str_eq(kinds(&l), "ENDMARKER");
    lex("# only a comment", &l);
    ck_assert_str_eq(kinds(&l), "ENDMARKER");

    PylLexer lx;
    PylSyntaxError err;
    ck_assert_int_eq(pyl_lexer_init(&lx, "x = 1\0\n", 7, 0, "t.py", &err), -1);
    ck_assert_str_eq(err.msg, "source code cannot contain null bytes");
    ck_assert_int_eq(err.lineno, 1);
    pyl_lexer_free(&lx);
    ck_assert_int_eq(pyl_lexer_init(&lx, "x = 1\ny = '\xff'\n", 13, 0, "t.py", &err), -1);
    ck_assert_str_eq(err.msg, "Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but "
                              "no encoding declared; see https://peps.python.org/pep-0263/ for "
                              "details");
    ck_assert_int_eq(err.lineno, 0);
    pyl_lexer_free(&lx);
    /* a Latin-1 coding declaration is honoured */
    const char *latin = "# -*- coding: latin-1 -*-\nx = '\xe9'\n";
    ck_assert_int_eq(pyl_lexer_init(&lx, latin, strlen(latin), 0, "t.py", &err), 0);
    ck_assert(strstr(lx.buf, "'\xc3\xa9'") != NULL);
    ck_assert(lx.has_cookie);
    pyl_lexer_free(&lx);
}
END_TEST

START_TEST(test_errors_raised)
{
    lex_error("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5, 5);
    lex_error("x = 1\ns = '''abc\n\ndef\n",
              "unterminated triple-quoted string literal (detected at line 4)", 2, 5, 5);
    lex_error("x = 12abc\n", "invalid decimal literal", 1, 6, 6);
    lex_error("x = 1__0\n", "invalid decimal literal", 1, 6, 6);
    lex_error("x = 1e\n", "invalid decimal literal", 1, 5, 5);
    lex_error("x = 0777\n",
              "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
              "for octal integers",
              1, 5, 6);
    lex_error("x = 0x\n", "invalid hexadecimal literal", 1, 6, 6);
    lex_error("x = 0xfg\n", "invalid hexadecimal literal", 1, 7, 7);
    lex_error("x = 0o8\n", "invalid digit '8' in octal literal", 1, 7, 7);
    lex_error("x = 0b12\n", "invalid digit '2' in binary literal", 1, 8, 8);
    lex_error("x = \xe2\x82\xac\n", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 5, 5);
    lex_error("\xc3\xa9\xc3\xa9 = a\xc2\xa0"
              "b\n",
              "invalid non-printable character U+00A0", 1, 7, 7);
    lex_error("x = \x01\n", "invalid non-printable character U+0001", 1, 5, 5);
    lex_error("x = 1)\n", "unmatched ')'", 1, 6, 6);
    lex_error("x = (1, 2]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1,
              10, 10);
    lex_error("foo(\n  x\n  ]\n",
              "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 3, 3, 3);
    char deep[512];
    memset(deep, '(', 201);
    strcpy(deep + 201, "\n");
    lex_error(deep, "too many nested parentheses", 1, 201, 201);
}
END_TEST

START_TEST(test_errors_for_the_parser)
{
    /* These return ERRORTOKEN with lx.done saying why; the parser words them. */
    Lexed l;
    lex("if x:\n        a\n    b\n", &l);
    ck_assert_int_eq(l.done, PYL_LEX_DEDENT);
    lex("if x:\n\tif y:\n        pass\n", &l);
    ck_assert_int_eq(l.done, PYL_LEX_TABSPACE);
    lex("x = 1 \\ 2\n", &l);
    ck_assert_int_eq(l.done, PYL_LEX_LINECONT);
    lex("x = (1,\n", &l);
    ck_assert_int_eq(l.tok[l.n - 1].kind, TOK_ERRORTOKEN);
    ck_assert_int_eq(l.done, PYL_LEX_EOF);
    lex("x = 1 \\\n", &l);
    ck_assert_int_eq(l.done, PYL_LEX_EOF);
    /* 100 levels of indentation are too many */
    size_t cap = 16384, n = 0;
    char *deep = malloc(cap);
    for (int i = 0; i < 101; i++) {
        n += (size_t)snprintf(deep + n, cap - n, "%*sif x:\n", i, "");
    }
    PylLexer lx;
    PylSyntaxError err;
    ck_assert_int_eq(pyl_lexer_init(&lx, deep, n, 0, "t.py", &err), 0);
    PylToken t;
    while (pyl_lexer_next(&lx, &t) != TOK_ERRORTOKEN) {
        ck_assert_int_ne(t.kind, TOK_ENDMARKER);
    }
    ck_assert_int_eq(lx.done, PYL_LEX_TOODEEP);
    ck_assert_int_eq(lx.lineno, 101);
    pyl_lexer_free(&lx);
    free(deep);
}
END_TEST

START_TEST(test_unicode_tables)
{
    ck_assert_int_eq(pyl_unicode_lookup("LATIN SMALL LETTER A", 20), 'a');
    ck_assert_int_eq(pyl_unicode_lookup("latin small letter a", 20), 'a'); /* any case */
    ck_assert_int_eq(pyl_unicode_lookup("EM DASH", 7), 0x2014);
    ck_assert_int_eq(pyl_unicode_lookup("SNOWMAN", 7), 0x2603);
    ck_assert_int_eq(pyl_unicode_lookup("LF", 2), '\n');       /* alias */
    ck_assert_int_eq(pyl_unicode_lookup("NULL", 4), 0);        /* alias */
    ck_assert_int_eq(pyl_unicode_lookup("ZWNBSP", 6), 0xFEFF); /* abbreviation */
    ck_assert_int_eq(pyl_unicode_lookup("HANGUL SYLLABLE GAG", 19), 0xAC01);
    ck_assert_int_eq(pyl_unicode_lookup("HANGUL SYLLABLE GA", 18), 0xAC00);
    ck_assert_int_eq(pyl_unicode_lookup("hangul syllable ga", 18), -1); /* exact case only */
    ck_assert_int_eq(pyl_unicode_lookup("CJK UNIFIED IDEOGRAPH-4E00", 26), 0x4E00);
    ck_assert_int_eq(pyl_unicode_lookup("CJK UNIFIED IDEOGRAPH-2B738", 27), 0x2B738);
    ck_assert_int_eq(pyl_unicode_lookup("CJK UNIFIED IDEOGRAPH-2B739", 27), -1); /* 15.0 */
    ck_assert_int_eq(pyl_unicode_lookup("CJK UNIFIED IDEOGRAPH-4e00", 26), -1);
    ck_assert_int_eq(pyl_unicode_lookup("NO SUCH CHARACTER", 17), -1);
    ck_assert_int_eq(pyl_unicode_lookup("LATIN SMALL LETTER A ", 21), -1);
    ck_assert(pyl_lex_isprintable('a') && pyl_lex_isprintable(' ') && !pyl_lex_isprintable('\n'));
    ck_assert(pyl_lex_isprintable(0xE9) && !pyl_lex_isprintable(0xA0) &&
              !pyl_lex_isprintable(0xAD));
    ck_assert(!pyl_lex_isprintable(0x2028) && !pyl_lex_isprintable(0xD800) &&
              !pyl_lex_isprintable(0xE000));
    ck_assert(pyl_lex_isprintable(0x1F600) && !pyl_lex_isprintable(0x10FFFF));
    ck_assert(pyl_unicode_is_xid_start('a') && !pyl_unicode_is_xid_start('1') &&
              pyl_unicode_is_xid_continue('1') && pyl_unicode_is_xid_start(0x540D) &&
              !pyl_unicode_is_xid_start(0x20AC));
}
END_TEST

/* NFKC of identifiers (PEP 3131); expected values from unicodedata.normalize */
static void nfkc_is(const char *in, const char *exp)
{
    size_t n;
    char *out = pyl_unicode_nfkc(in, strlen(in), &n);
    ck_assert_ptr_nonnull(out);
    ck_assert_str_eq(out, exp);
    ck_assert_uint_eq(n, strlen(exp));
    free(out);
}

START_TEST(test_nfkc)
{
    nfkc_is("abc", "abc");
    nfkc_is("\xc2\xb5", "\xce\xbc");                      /* MICRO SIGN -> mu */
    nfkc_is("\xef\xac\x81le", "file");                    /* fi ligature */
    nfkc_is("\xef\xbd\x97", "w");                         /* fullwidth w */
    nfkc_is("e\xcc\x81", "\xc3\xa9");                     /* e + acute -> é */
    nfkc_is("\xe2\x84\xab", "\xc3\x85");                  /* ANGSTROM SIGN -> Å */
    nfkc_is("\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80");  /* jamo G + A -> GA */
    nfkc_is("a\xcc\xa3\xcc\x87", "\xe1\xba\xa1\xcc\x87"); /* reordered, composed */
    nfkc_is("a\xcc\x87\xcc\xa3", "\xe1\xba\xa1\xcc\x87");
}
END_TEST

START_TEST(test_utf8)
{
    unsigned cp;
    char buf[4];
    ck_assert_int_eq(pyl_lex_utf8_decode("\xe2\x82\xac", 3, &cp), 3);
    ck_assert_uint_eq(cp, 0x20AC);
    ck_assert_int_eq(pyl_lex_utf8_decode("\xc0\x80", 2, &cp), 0); /* overlong */
    ck_assert_int_eq(pyl_lex_utf8_decode("\xe2\x82", 2, &cp), 0); /* truncated */
    ck_assert_int_eq(pyl_lex_utf8_encode(0xD800, buf), 3);        /* surrogates allowed */
    ck_assert(memcmp(buf, "\xed\xa0\x80", 3) == 0);
    ck_assert_int_eq(pyl_lex_utf8_encode(0x1F600, buf), 4);
    ck_assert_int_eq(pyl_lex_utf8_chars("a\xc3\xa9\xe2\x82\xac", 6), 3);
}
END_TEST

/* The parser's error contract: the fields CPython's SyntaxError would have. */
static void parse_error(PylParseMode mode, const char *src, int kind, const char *msg, int lineno,
                        int offset, int end_lineno, int end_offset)
{
    PylArena *a = pyl_arena_new();
    PylSyntaxError err;
    ck_assert_ptr_null(pyl_parse(a, src, strlen(src), "t.py", mode, &err));
    ck_assert_int_eq(err.kind, kind);
    ck_assert_str_eq(err.msg, msg);
    ck_assert_int_eq(err.lineno, lineno);
    ck_assert_int_eq(err.offset, offset);
    ck_assert_int_eq(err.end_lineno, end_lineno);
    ck_assert_int_eq(err.end_offset, end_offset);
    pyl_arena_free(a);
}

START_TEST(test_parser_errors)
{
    parse_error(PYL_PARSE_FILE, "x = 1 +\n", PYL_SYNTAX_ERROR, "invalid syntax", 1, 8, 1, 8);
    parse_error(PYL_PARSE_FILE, "x = (1,\n  2 3)\n", PYL_SYNTAX_ERROR,
                "invalid syntax. Perhaps you forgot a comma?", 2, 3, 2, 6);
    parse_error(PYL_PARSE_FILE, "if x:\n        a\n    b\n", PYL_INDENTATION_ERROR,
                "unindent does not match any outer indentation level", 3, 6, 3, -1);
    parse_error(PYL_PARSE_FILE, "if x:\n\tif y:\n        pass\n", PYL_TAB_ERROR,
                "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0);
    parse_error(PYL_PARSE_FILE, "if x:\npass\n", PYL_INDENTATION_ERROR,
                "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5);
    parse_error(PYL_PARSE_FILE, "x = [\n1, 2,\n", PYL_SYNTAX_ERROR, "'[' was never closed", 1, 5, 1,
                0);
    parse_error(PYL_PARSE_FILE, "print 'x'\n", PYL_SYNTAX_ERROR,
                "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 10);
    parse_error(PYL_PARSE_FILE, "x = f\"{a b}\"\n", PYL_SYNTAX_ERROR,
                "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5);
    /* a file reports parser columns in bytes (CPython), a string in characters */
    parse_error(PYL_PARSE_FILE, "\xc3\xa9 = 1 +\n", PYL_SYNTAX_ERROR, "invalid syntax", 1, 9, 1, 9);
    parse_error(PYL_PARSE_EVAL, "\xc3\xa9 + (a b)", PYL_SYNTAX_ERROR,
                "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9);
    /* absurd nesting is refused, not a crash */
    size_t n = 100000;
    char *deep = malloc(n + 8);
    memcpy(deep, "x = ", 4);
    memset(deep + 4, '-', n);
    strcpy(deep + 4 + n, "1\n");
    parse_error(PYL_PARSE_FILE, deep, PYL_MEMORY_ERROR, "", 0, 0, 0, 0);
    free(deep);
}
END_TEST

/* REPL input: incomplete means "read another line". */
static int incomplete(const char *src)
{
    PylArena *a = pyl_arena_new();
    PylSyntaxError err;
    PylMod *m = pyl_parse(a, src, strlen(src), "<stdin>", PYL_PARSE_SINGLE, &err);
    int r = m ? 0 : err.incomplete ? 1 : -1;
    pyl_arena_free(a);
    return r;
}

START_TEST(test_parser_single)
{
    ck_assert_int_eq(incomplete("x = 1"), 0);
    ck_assert_int_eq(incomplete("if x:"), 1);
    ck_assert_int_eq(incomplete("if x:\n  pass"), 1);
    ck_assert_int_eq(incomplete("if x:\n  pass\n"), 0);
    ck_assert_int_eq(incomplete("x = (1,"), 1);
    ck_assert_int_eq(incomplete("x = \"\"\"abc"), 1);
    ck_assert_int_eq(incomplete("x = \\"), 1);
    ck_assert_int_eq(incomplete("@d"), 1);
    ck_assert_int_eq(incomplete("x = 1 +"), -1);
    ck_assert_int_eq(incomplete("\"abc"), -1);
    ck_assert_int_eq(incomplete("x = 1\ny = 2"), -1); /* one statement at a time */
}
END_TEST

static Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("tokens");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_simple_statement);
    tcase_add_test(tc, test_keywords_and_soft_keywords);
    tcase_add_test(tc, test_operators);
    tcase_add_test(tc, test_indent_dedent);
    tcase_add_test(tc, test_line_joining);
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_strings);
    tcase_add_test(tc, test_identifiers_unicode);
    tcase_add_test(tc, test_normalisation);
    tcase_add_test(tc, test_errors_raised);
    tcase_add_test(tc, test_errors_for_the_parser);
    tcase_add_test(tc, test_unicode_tables);
    tcase_add_test(tc, test_utf8);
    tcase_add_test(tc, test_nfkc);
    suite_add_tcase(s, tc);
    TCase *tp = tcase_create("parser");
    tcase_set_timeout(tp, 60);
    tcase_add_test(tp, test_parser_errors);
    tcase_add_test(tp, test_parser_single);
    suite_add_tcase(s, tp);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lexer_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
