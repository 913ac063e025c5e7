/* token.h — the tokens of Python 3.11 as the lexer hands them to the parser.
 *
 * One X-macro list gives the kinds, their names and their spellings. Keywords are
 * kinds of their own (the lexer looks every NAME up in the keyword table); the
 * soft keywords 'match', 'case' and '_' stay NAMEs, as in CPython.
 */
#ifndef PYL_TOKEN_H
#define PYL_TOKEN_H

/* The front end does not include VM headers; this is vm/object.h's definition. */
#ifndef PYL_INTERNAL
#define PYL_INTERNAL __attribute__((visibility("hidden")))
#endif

/* X(KIND, "spelling or name") */
#define PYL_TOKEN_LIST(X)                                                                          \
    X(ENDMARKER, "ENDMARKER")                                                                      \
    X(NAME, "NAME")                                                                                \
    X(NUMBER, "NUMBER")                                                                            \
    X(STRING, "STRING")                                                                            \
    X(NEWLINE, "NEWLINE")                                                                          \
    X(INDENT, "INDENT")                                                                            \
    X(DEDENT, "DEDENT")                                                                            \
    X(LPAR, "(")                                                                                   \
    X(RPAR, ")")                                                                                   \
    X(LSQB, "[")                                                                                   \
    X(RSQB, "]")                                                                                   \
    X(COLON, ":")                                                                                  \
    X(COMMA, ",")                                                                                  \
    X(SEMI, ";")                                                                                   \
    X(PLUS, "+")                                                                                   \
    X(MINUS, "-")                                                                                  \
    X(STAR, "*")                                                                                   \
    X(SLASH, "/")                                                                                  \
    X(VBAR, "|")                                                                                   \
    X(AMPER, "&")                                                                                  \
    X(LESS, "<")                                                                                   \
    X(GREATER, ">")                                                                                \
    X(EQUAL, "=")                                                                                  \
    X(DOT, ".")                                                                                    \
    X(PERCENT, "%")                                                                                \
    X(LBRACE, "{")                                                                                 \
    X(RBRACE, "}")                                                                                 \
    X(EQEQUAL, "==")                                                                               \
    X(NOTEQUAL, "!=")                                                                              \
    X(LESSEQUAL, "<=")                                                                             \
    X(GREATEREQUAL, ">=")                                                                          \
    X(TILDE, "~")                                                                                  \
    X(CIRCUMFLEX, "^")                                                                             \
    X(LEFTSHIFT, "<<")                                                                             \
    X(RIGHTSHIFT, ">>")                                                                            \
    X(DOUBLESTAR, "**")                                                                            \
    X(PLUSEQUAL, "+=")                                                                             \
    X(MINEQUAL, "-=")                                                                              \
    X(STAREQUAL, "*=")                                                                             \
    X(SLASHEQUAL, "/=")                                                                            \
    X(PERCENTEQUAL, "%=")                                                                          \
    X(AMPEREQUAL, "&=")                                                                            \
    X(VBAREQUAL, "|=")                                                                             \
    X(CIRCUMFLEXEQUAL, "^=")                                                                       \
    X(LEFTSHIFTEQUAL, "<<=")                                                                       \
    X(RIGHTSHIFTEQUAL, ">>=")                                                                      \
    X(DOUBLESTAREQUAL, "**=")                                                                      \
    X(DOUBLESLASH, "//")                                                                           \
    X(DOUBLESLASHEQUAL, "//=")                                                                     \
    X(AT, "@")                                                                                     \
    X(ATEQUAL, "@=")                                                                               \
    X(RARROW, "->")                                                                                \
    X(ELLIPSIS, "...")                                                                             \
    X(COLONEQUAL, ":=")                                                                            \
    X(OP, "OP") /* a stray character: $ ? ! ` */                                                   \
    X(ERRORTOKEN, "ERRORTOKEN")

/* X(KIND, "keyword"), in the order of the table the lexer searches. */
#define PYL_KEYWORD_LIST(X)                                                                        \
    X(KW_FALSE, "False")                                                                           \
    X(KW_NONE, "None")                                                                             \
    X(KW_TRUE, "True")                                                                             \
    X(KW_AND, "and")                                                                               \
    X(KW_AS, "as")                                                                                 \
    X(KW_ASSERT, "assert")                                                                         \
    X(KW_ASYNC, "async")                                                                           \
    X(KW_AWAIT, "await")                                                                           \
    X(KW_BREAK, "break")                                                                           \
    X(KW_CLASS, "class")                                                                           \
    X(KW_CONTINUE, "continue")                                                                     \
    X(KW_DEF, "def")                                                                               \
    X(KW_DEL, "del")                                                                               \
    X(KW_ELIF, "elif")                                                                             \
    X(KW_ELSE, "else")                                                                             \
    X(KW_EXCEPT, "except")                                                                         \
    X(KW_FINALLY, "finally")                                                                       \
    X(KW_FOR, "for")                                                                               \
    X(KW_FROM, "from")                                                                             \
    X(KW_GLOBAL, "global")                                                                         \
    X(KW_IF, "if")                                                                                 \
    X(KW_IMPORT, "import")                                                                         \
    X(KW_IN, "in")                                                                                 \
    X(KW_IS, "is")                                                                                 \
    X(KW_LAMBDA, "lambda")                                                                         \
    X(KW_NONLOCAL, "nonlocal")                                                                     \
    X(KW_NOT, "not")                                                                               \
    X(KW_OR, "or")                                                                                 \
    X(KW_PASS, "pass")                                                                             \
    X(KW_RAISE, "raise")                                                                           \
    X(KW_RETURN, "return")                                                                         \
    X(KW_TRY, "try")                                                                               \
    X(KW_WHILE, "while")                                                                           \
    X(KW_WITH, "with")                                                                             \
    X(KW_YIELD, "yield")

typedef enum PylTokKind {
#define PYL_TOK_ENUM_(k, s) TOK_##k,
    PYL_TOKEN_LIST(PYL_TOK_ENUM_) PYL_KEYWORD_LIST(PYL_TOK_ENUM_)
#undef PYL_TOK_ENUM_
        TOK__COUNT
} PylTokKind;

#define TOK_IS_KEYWORD(k) ((k) >= TOK_KW_FALSE && (k) < TOK__COUNT)

/* One token. start/end point into the lexer's (normalised) source buffer; a
 * STRING's text includes its prefix and quotes. Positions follow CPython: lines
 * are 1-based, columns 0-based byte offsets; a STRING starts on the line of its
 * opening quote and ends on the line of its closing one. NEWLINE is zero-width at
 * the '\n'; INDENT/DEDENT/ENDMARKER carry the position where the lexer stood.
 * level is the bracket nesting depth after the token. */
typedef struct PylToken {
    PylTokKind kind;
    int level;
    const char *start, *end;
    int lineno, col_offset, end_lineno, end_col_offset;
    struct PylMemo *memo; /* parser-owned memo entries for this position */
} PylToken;

/* The spelling of a kind ("(", "if") or its name ("NAME"). */
PYL_INTERNAL const char *pyl_token_name(PylTokKind k);

#endif
