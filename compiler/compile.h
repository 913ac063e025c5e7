/* compile.h — source to code object: parse, build scopes, generate bytecode.
 * The one entry point the VM uses (exec, eval, compile, running files). */
#ifndef PYL_COMPILE_H
#define PYL_COMPILE_H

#include "compiler/parser.h"
#include "vm/object.h"

/* Compile src[0..len) as a module (PYL_PARSE_FILE), an expression
 * (PYL_PARSE_EVAL) or an interactive statement (PYL_PARSE_SINGLE, whose
 * expression values are printed). Returns a code object, or NULL with
 * SyntaxError (or MemoryError) set on t. If incomplete is not NULL, it is set to
 * 1 when the input ended inside an open construct (REPL continuation). */
PYL_INTERNAL PylObject *pyl_compile(PylThread *t, const char *src, size_t len, const char *filename,
                                    PylParseMode mode, int *incomplete);
/* The same with parser flags: PYL_PARSE_STRING_INPUT for source that was a str
 * (exec, eval, compile), whose error columns count characters, not bytes. */
PYL_INTERNAL PylObject *pyl_compile_ex(PylThread *t, const char *src, size_t len,
                                       const char *filename, PylParseMode mode, int flags,
                                       int *incomplete);

/* Raise the SyntaxError described by err (with the source line from src). */
PYL_INTERNAL void pyl_raise_syntax_error(PylThread *t, const PylSyntaxError *err, const char *src,
                                         size_t len, const char *filename);

#endif
