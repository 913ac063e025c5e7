/* code.h — code objects (compiled bytecode) and the instruction encoding.
 *
 * A code object owns its instruction array (32-bit words, opcode in the low
 * byte, argument in the upper 24 bits, inline-cache words after some
 * instructions, see opcodes.def), a location per word, and an exception table.
 *
 *     localsplus: [ locals (argcount, then other locals) | cells | frees ]
 *                   kinds[i] says which (PYL_LOCAL_*), names[i] names it
 */
#ifndef PYL_CODE_H
#define PYL_CODE_H

#include "vm/object.h"

enum {
#define PYL_OPCODE(NAME, CACHES, POP, PUSH, FLAGS) OP_##NAME,
#include "vm/opcodes.def"
#undef PYL_OPCODE
    OP_COUNT
};

#define PYL_OPCODE_OF(w) ((w)&0xFF)
#define PYL_ARG_OF(w) ((w) >> 8)
#define PYL_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define PYL_ARG_MAX 0xFFFFFF

/* Display flags of an opcode's argument (for dis). */
enum {
    OPF_ARG = 1,
    OPF_CONST,
    OPF_NAME,
    OPF_LOCAL,
    OPF_LOCAL2,
    OPF_JUMP,
    OPF_CMP,
    OPF_BINOP,
    OPF_FORMAT
};

PYL_INTERNAL extern const char *const pyl_opcode_names[OP_COUNT];
/* Stack items an instruction pops and pushes when it falls through (from
 * opcodes.def); the effect when its jump is taken; whether it never falls
 * through. */
PYL_INTERNAL int pyl_opcode_pops(int op, int arg);
PYL_INTERNAL int pyl_opcode_pushes(int op, int arg);
PYL_INTERNAL int pyl_opcode_jump_effect(int op);
PYL_INTERNAL bool pyl_opcode_is_terminal(int op);
PYL_INTERNAL extern const uint8_t pyl_opcode_caches[OP_COUNT];
PYL_INTERNAL extern const uint8_t pyl_opcode_flags[OP_COUNT];

/* Code flags (CPython's values, so co_flags reads the same). */
enum {
    PYL_CO_OPTIMIZED = 0x1,
    PYL_CO_NEWLOCALS = 0x2,
    PYL_CO_VARARGS = 0x4,
    PYL_CO_VARKEYWORDS = 0x8,
    PYL_CO_NESTED = 0x10,
    PYL_CO_GENERATOR = 0x20,
    PYL_CO_NOFREE = 0x40,
    PYL_CO_COROUTINE = 0x80,
};

/* Kinds of localsplus slots. */
enum {
    PYL_LOCAL_PLAIN = 0x20,
    PYL_LOCAL_CELL = 0x40,
    PYL_LOCAL_FREE = 0x80,
    PYL_LOCAL_ARG_CELL = 0x60 /* an argument that is also a cell */
};

/* Source position of one instruction (lines 1-based, columns 0-based bytes;
 * line 0 / col -1 = unknown). */
typedef struct PylLocation {
    int32_t line, end_line;
    int16_t col, end_col;
} PylLocation;

/* Exception table entry: an exception raised by an instruction in
 * [start, end) jumps to `handler` with the value stack cut to `depth` items
 * (plus the offending instruction's index pushed first when `lasti`). */
typedef struct PylExcEntry {
    uint32_t start, end, handler;
    uint16_t depth;
    uint8_t lasti;
} PylExcEntry;

typedef struct PylCode {
    PylObject ob;
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocalsplus, nlocals, ncells, nfrees;
    int stacksize;
    int flags;
    int firstlineno;
    PylObject *consts;          /* tuple */
    PylObject *names;           /* tuple of interned str */
    PylObject *localsplusnames; /* tuple of interned str */
    uint8_t *localspluskinds;   /* nlocalsplus bytes */
    PylObject *filename, *name, *qualname;
    uint32_t *code;
    intptr_t ncode;
    PylLocation *locations; /* one per code word */
    PylExcEntry *exctable;
    intptr_t nexc;
    PylObject *source_lines; /* list of the source lines (for tracebacks), or NULL */
} PylCode;

/* A code object taking ownership of the malloc'd (pyl_mem_alloc) arrays code,
 * locations, exctable and kinds; the objects are borrowed (it takes references). */
PYL_INTERNAL PylObject *pyl_code_new(PylThread *t, const PylCode *fields);
/* Line number of the instruction at index i (0 if unknown). */
PYL_INTERNAL int pyl_code_line(const PylCode *co, intptr_t i);
/* The handler for an exception at instruction index i, or NULL. */
PYL_INTERNAL const PylExcEntry *pyl_code_find_handler(const PylCode *co, intptr_t i);

#endif
