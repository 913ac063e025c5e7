/* compile_match.c — match statements (PEP 634). Being written (issue #3); until
 * then a match statement is refused with a SyntaxError. */
#include "compiler/codegen.h"

bool pyl_cg_match(PylCompiler *c, PylStmt *s)
{
    return SYNTAX_AT(c, s, "match statements are not supported yet");
}
