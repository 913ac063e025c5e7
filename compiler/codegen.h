/* codegen.h — the state shared by the code generator (compile.c) and the
 * assembler (assemble.c). Internal to compiler/.
 *
 * The generator emits a list of instructions per code unit with symbolic jump
 * targets (labels). Each instruction is stamped with the exception handler in
 * force when it was emitted (a label, or -1); SETUP pseudo-instructions mark
 * where a handler's protected region starts, so the assembler's stack-depth
 * pass learns the depth the handler runs at. The assembler then lays the code
 * out, resolves labels, builds the exception table and the code object.
 */
#ifndef PYL_CODEGEN_H
#define PYL_CODEGEN_H

#include "compiler/ast.h"
#include "compiler/symtable.h"
#include "vm/code.h"
#include "vm/core.h"

/* Pseudo opcodes (never in the final code). */
enum { PSEUDO_SETUP = 250 /* arg = handler label, lasti flag in `flag` */ };

typedef struct PylInstr {
    uint16_t op;
    uint8_t flag;    /* SETUP: push lasti before the exception */
    int arg;
    int label;       /* jump target label, or -1 */
    int handler;     /* exception handler label in force, or -1 */
    PylLocation loc;
} PylInstr;

typedef enum {
    FB_WHILE,
    FB_FOR,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_HANDLER_CLEANUP,
    FB_EXCEPTION_HANDLER,
    FB_POP_VALUE,
} PylFBlockKind;

typedef struct PylFBlock {
    PylFBlockKind kind;
    int start, exit;      /* labels (loops: continue / break targets) */
    int handler;          /* the handler label in force inside the block */
    int outer_handler;    /* the handler in force outside it */
    const void *datum;    /* FINALLY_TRY: the finally body (PylStmtSeq *); HANDLER_CLEANUP: name */
    PylLocation loc;
} PylFBlock;

typedef struct PylUnit {
    struct PylUnit *parent;
    PylScope *scope;
    PylInstr *instrs;
    int ninstrs, capinstrs;
    int *labels; /* label -> instruction index, -1 until placed */
    int nlabels, caplabels;
    PylObject *consts;     /* list */
    PylObject *const_keys; /* dict: key -> index */
    PylObject *names;      /* list of interned str */
    PylObject *name_index; /* dict: str -> index */
    const char **lp_names; /* localsplus names */
    uint8_t *lp_kinds;
    int nlocalsplus, nlocals, ncells, nfrees;
    int cur_handler;
    PylLocation loc;
    PylFBlock fblocks[64];
    int nfblocks;
    int firstlineno;
    PylObject *name, *qualname;
    int argcount, posonlyargcount, kwonlyargcount, flags;
} PylUnit;

typedef struct PylCompiler {
    PylThread *t;
    PylArena *arena;
    PylSymtable st;
    PylUnit *u;
    const char *filename;
    PylObject *filename_obj;
    PylObject *source_lines; /* for tracebacks of code not read from a file */
    PylSyntaxError *err;
    bool failed;    /* an error is reported (err filled or exception set) */
    bool syntax;    /* ... and it is a SyntaxError in *err */
    bool interactive;
    int depth; /* nesting of compile_expr, bounded by PYL_COMPILE_DEPTH */
} PylCompiler;

/* Deepest expression nesting compiled (a + a + ... + a nests to the left). */
#define PYL_COMPILE_DEPTH 2000

/* Assemble the current unit into a code object (new reference) or NULL. */
PYL_INTERNAL PylObject *pyl_assemble(PylCompiler *c, PylUnit *u);

#endif
