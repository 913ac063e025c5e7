/* lexer.h — Python 3.11 source text -> tokens (compiler/token.h).
 *
 * The lexer works on its own normalised copy of the source: a leading UTF-8 BOM
 * dropped (of a file), "\r\n" and "\r" turned into "\n", a final "\n" added when
 * missing (file input), Latin-1 decoded when a coding declaration asks for it
 * (other declared encodings than UTF-8 are not supported), NUL terminated. Tokens
 * point into that copy, which lives until pyl_lexer_free.
 *
 * It reproduces CPython's tokenizer (Parser/tokenizer.c), including where its
 * errors point, so that the parser can report the same SyntaxError:
 *  - errors CPython's tokenizer raises itself (bad literals, unterminated strings,
 *    bad characters, unmatched brackets) fill *err and return ERRORTOKEN with
 *    done == PYL_LEX_ERROR;
 *  - the others (EOF inside brackets, dedent mismatch, tabs/spaces, too deep,
 *    junk after '\') return ERRORTOKEN with done set to say which, and leave the
 *    message to the parser, which knows what CPython says about each.
 */
#ifndef PYL_LEXER_H
#define PYL_LEXER_H

#include <stddef.h>

#include "compiler/token.h"

/* A syntax error as Python's SyntaxError sees it: the fields are CPython 3.11's
 * SyntaxError attributes for the same input (see pyl_parse for which input). */
typedef struct PylSyntaxError {
    /* 0 SyntaxError, 1 IndentationError, 2 TabError (3 MemoryError: parser.h) */
    int kind;
    /* exactly CPython 3.11's message */
    char msg[512];
    /* 1-based like SyntaxError.lineno/offset; lineno 0: no location (a source that
       cannot be decoded). offset counts characters, except where CPython counts
       bytes (parser errors in a file without a coding declaration) */
    int lineno, offset;
    /* SyntaxError.end_lineno / end_offset; end_offset 0 or -1: none */
    int end_lineno, end_offset;
    /* PYL_PARSE_SINGLE only: the input ended inside an open construct (a REPL
       should read another line) */
    int incomplete;
    /* SyntaxError.text when it is not line `lineno` of the source: for an error
       inside an f-string field, the field's text as CPython parses it ("(a b)",
       offsets count in it); "" otherwise */
    char text[512];
} PylSyntaxError;

#define PYL_SYNTAX_ERROR 0
#define PYL_INDENTATION_ERROR 1
#define PYL_TAB_ERROR 2

/* lexer->done */
enum {
    PYL_LEX_OK = 0,
    PYL_LEX_EOF,      /* end of input (inside brackets when the token is ERRORTOKEN) */
    PYL_LEX_ERROR,    /* *err is filled */
    PYL_LEX_DEDENT,   /* unindent does not match any outer indentation level */
    PYL_LEX_TABSPACE, /* inconsistent use of tabs and spaces in indentation */
    PYL_LEX_TOODEEP,  /* too many levels of indentation */
    PYL_LEX_LINECONT, /* unexpected character after line continuation character */
};

#define PYL_LEX_MAXINDENT 100
#define PYL_LEX_MAXLEVEL 200 /* = PYL_PARSER_MAX_NESTING */

/* Lexer flags */
#define PYL_LEX_INTERACTIVE 1      /* REPL input: a totally empty line yields NEWLINE */
#define PYL_LEX_STRING_INPUT 2     /* source is a string, not a file (end-of-input columns) */
#define PYL_LEX_NO_FINAL_NEWLINE 4 /* do not add a '\n' at the end (eval, single input) */

typedef struct PylLexer {
    char *owned;            /* the normalised source (malloc'd) */
    const char *buf, *end;  /* its bytes, end at the NUL */
    const char *cur;        /* next byte to read */
    const char *line_start; /* first byte of the line being read */
    const char *line_next;  /* first byte after that line's '\n' */
    const char *start;      /* start of the token being read, or NULL */
    /* where CPython's line buffer starts: the first line read outside a token
       (a multi-line token keeps the lines it spans) */
    const char *buf_start;
    int lineno;                   /* line of line_start */
    int first_lineno;             /* STRING: line of the opening quote */
    const char *multi_line_start; /* STRING: start of that line */
    int flags;
    int had_bom;    /* the source started with a UTF-8 BOM */
    int has_cookie; /* line 1 or 2 declares a coding (PEP 263) */
    int done;
    int eof_in_string; /* a string literal was unterminated at the end of input */
    int atbol, pendin, indent, cont_line;
    int indstack[PYL_LEX_MAXINDENT], altindstack[PYL_LEX_MAXINDENT];
    int level;
    char parenstack[PYL_LEX_MAXLEVEL];
    int parenlinenostack[PYL_LEX_MAXLEVEL], parencolstack[PYL_LEX_MAXLEVEL];
    /* f-string expressions are lexed on their own; tokens that end on line
       starting_lineno get starting_col_offset added to their columns. */
    int starting_lineno, starting_col_offset;
    PylSyntaxError *err;
} PylLexer;

/* Prepares lx for src[0..len). Returns 0, or -1 with *err filled (undecodable
 * source, NUL byte); the caller must call pyl_lexer_free either way. filename is
 * only used in messages. The first line is line lx->lineno + 1: a caller lexing a
 * fragment (an f-string expression) may set lx->lineno, starting_lineno and
 * starting_col_offset after init. */
PYL_INTERNAL int pyl_lexer_init(PylLexer *lx, const char *src, size_t len, int flags,
                                const char *filename, PylSyntaxError *err);
PYL_INTERNAL void pyl_lexer_free(PylLexer *lx);

/* The next token into *t; returns its kind. After ENDMARKER it keeps returning
 * ENDMARKER. After ERRORTOKEN, lx->done says why (see above). */
PYL_INTERNAL PylTokKind pyl_lexer_next(PylLexer *lx, PylToken *t);

/* Fills *err from CPython's tokenizer-error convention: lineno = lx->lineno, offset
 * = characters from the line start to lx->cur (or the given 1-based byte columns
 * when col/end_col >= 0). kind is PYL_SYNTAX_ERROR etc. Returns ERRORTOKEN. */
PYL_INTERNAL PylTokKind pyl_lexer_error(PylLexer *lx, int kind, int col, int end_col,
                                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Number of characters (UTF-8 sequences) in the first nbytes of s. */
PYL_INTERNAL int pyl_lex_utf8_chars(const char *s, size_t nbytes);

/* Unicode helpers (tables generated from the UCD, restricted to Unicode 14.0). */
PYL_INTERNAL int pyl_lex_isprintable(unsigned cp);
PYL_INTERNAL int pyl_unicode_is_xid_start(unsigned cp);
PYL_INTERNAL int pyl_unicode_is_xid_continue(unsigned cp);
/* The code point named name[0..len) as "\N{...}" accepts it (any case for table
 * names and aliases; Hangul syllables and CJK unified ideographs exactly as
 * CPython spells them), or -1. */
PYL_INTERNAL long pyl_unicode_lookup(const char *name, size_t len);

/* The NFKC normal form of the UTF-8 text s[0..n), as CPython applies it to
 * non-ASCII identifiers: a malloc'd NUL-terminated copy (its length in *outlen),
 * or NULL when out of memory. */
PYL_INTERNAL char *pyl_unicode_nfkc(const char *s, size_t n, size_t *outlen);

/* Decodes one UTF-8 (or generalised UTF-8: surrogates allowed) sequence at s (at
 * most n bytes); returns its length and sets *cp, or returns 0 if invalid. */
PYL_INTERNAL int pyl_lex_utf8_decode(const char *s, size_t n, unsigned *cp);
/* Encodes cp (<= 0x10FFFF, surrogates too) at out; returns the length (1..4). */
PYL_INTERNAL int pyl_lex_utf8_encode(unsigned cp, char *out);

#endif
