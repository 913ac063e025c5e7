/* parser.h — Python 3.11 source -> AST (compiler/ast.h).
 *
 * A hand-written recursive-descent parser that follows CPython 3.11's PEG
 * grammar (Grammar/python.gram) rule by rule, including its two passes: a plain
 * one, and on failure a second one with the grammar's invalid_* rules switched on
 * to find the specific message. Errors carry CPython's message and position, so
 * the caller can print exactly what CPython prints.
 */
#ifndef PYL_PARSER_H
#define PYL_PARSER_H

#include <stddef.h>

#include "compiler/ast.h"
#include "compiler/lexer.h" /* PylSyntaxError */

/* PYL_PARSE_SINGLE is the REPL's mode and decides as Python's
 * codeop.compile_command does: src is the lines typed so far joined with '\n'
 * (so it ends in '\n' only when the last line typed was empty). If more input is
 * needed, pyl_parse returns NULL with err->incomplete = 1 (msg "incomplete
 * input"): read another line and parse the whole again. A compound statement is
 * complete once an empty line follows it; input of only blanks and comments
 * parses as `pass`. */
typedef enum {
    PYL_PARSE_FILE,   /* exec: a module (MOD_Module) */
    PYL_PARSE_EVAL,   /* eval: one expression (MOD_Expression) */
    PYL_PARSE_SINGLE, /* REPL 'single': one interactive statement (MOD_Interactive) */
} PylParseMode;

/* PylSyntaxError.kind (besides PYL_SYNTAX_ERROR, PYL_INDENTATION_ERROR and
 * PYL_TAB_ERROR from lexer.h): the parser ran out of memory or its stack limit
 * (absurdly deep nesting); CPython raises MemoryError there. msg is empty and
 * lineno 0. */
#define PYL_MEMORY_ERROR 3

/* Parses src[0..len) (UTF-8, a leading BOM is skipped). Returns the tree, in a,
 * or NULL with *err filled. filename is used only in messages that name the file
 * (undecodable source). Thread-safe: all state is on the stack and in a.
 *
 * Error positions are those CPython 3.11 reports for the same input given as a
 * file (`python3 x.py`) in PYL_PARSE_FILE mode, and as a string (compile(),
 * eval(), the REPL) in the other modes. The two differ: for a file without a
 * coding declaration CPython reports the columns of parser errors in bytes (+1),
 * for strings in characters; and at end of input the column of a file is 0. */
PYL_INTERNAL PylMod *pyl_parse(PylArena *a, const char *src, size_t len, const char *filename,
                               PylParseMode mode, PylSyntaxError *err);

/* pyl_parse with flags: PYL_PARSE_STRING_INPUT says the source is a str (the
 * UTF-8 of compile()'s or exec()'s str argument), not a file: positions are then
 * those compile(src, filename, 'exec') reports, and a leading U+FEFF is not a
 * BOM but an invalid character, as in CPython. */
#define PYL_PARSE_STRING_INPUT 1
PYL_INTERNAL PylMod *pyl_parse_ex(PylArena *a, const char *src, size_t len, const char *filename,
                                  PylParseMode mode, int flags, PylSyntaxError *err);

/* Formats e as CPython 3.11 prints an uncaught SyntaxError of a script (what
 * `python3 FILE` writes on stderr): '  File "FILENAME", line N', the source line
 * (or e->text) stripped of its indentation, the caret line, then
 * "SyntaxError: msg" (IndentationError, TabError; "MemoryError" alone). A
 * subclass of SyntaxError gets one caret (CPython ignores its end). src/srclen
 * are the bytes given to pyl_parse. snprintf-like: writes at most size bytes,
 * NUL included, and returns the length of the whole text. */
PYL_INTERNAL size_t pyl_syntax_error_format(const PylSyntaxError *e, const char *filename,
                                            const char *src, size_t srclen, char *buf, size_t size);

#endif
