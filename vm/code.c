/* code.c — code objects and the opcode tables generated from opcodes.def. */
#include <stdio.h>

#include "vm/code.h"
#include "vm/core.h"

const char *const pyl_opcode_names[OP_COUNT] = {
#define PYL_OPCODE(NAME, CACHES, POP, PUSH, FLAGS) [OP_##NAME] = #NAME,
#include "vm/opcodes.def"
#undef PYL_OPCODE
};

const uint8_t pyl_opcode_caches[OP_COUNT] = {
#define PYL_OPCODE(NAME, CACHES, POP, PUSH, FLAGS) [OP_##NAME] = CACHES,
#include "vm/opcodes.def"
#undef PYL_OPCODE
};

const uint8_t pyl_opcode_flags[OP_COUNT] = {
#define PYL_OPCODE(NAME, CACHES, POP, PUSH, FLAGS) [OP_##NAME] = FLAGS,
#include "vm/opcodes.def"
#undef PYL_OPCODE
};

int pyl_opcode_pops(int op, int arg)
{
    switch (op) {
#define PYL_OPCODE(NAME, CACHES, POP, PUSH, FLAGS)                                                 \
    case OP_##NAME:                                                                                \
        return (POP);
#include "vm/opcodes.def"
#undef PYL_OPCODE
    default:
        return 0;
    }
}

int pyl_opcode_pushes(int op, int arg)
{
    switch (op) {
#define PYL_OPCODE(NAME, CACHES, POP, PUSH, FLAGS)                                                 \
    case OP_##NAME:                                                                                \
        return (PUSH);
#include "vm/opcodes.def"
#undef PYL_OPCODE
    default:
        return 0;
    }
}

int pyl_opcode_jump_effect(int op)
{
    switch (op) {
    case OP_FOR_ITER: /* the exhausted iterator is popped */
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
    case OP_SEND: /* [receiver, value] -> [result] */
        return -1;
    default:
        return 0;
    }
}

bool pyl_opcode_is_terminal(int op)
{
    return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE ||
           op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD;
}

PylObject *pyl_code_new(PylThread *t, const PylCode *fields)
{
    PylCode *co = (PylCode *)pyl_obj_alloc(t, PYL_TYPE(t, CODE), sizeof(PylCode));
    if (co == NULL) {
        pyl_mem_free(t, fields->code);
        pyl_mem_free(t, fields->locations);
        pyl_mem_free(t, fields->exctable);
        pyl_mem_free(t, fields->localspluskinds);
        return NULL;
    }
    PylObject ob = co->ob;
    *co = *fields;
    co->ob = ob;
    pyl_incref(co->consts);
    pyl_incref(co->names);
    pyl_incref(co->localsplusnames);
    pyl_incref(co->filename);
    pyl_incref(co->name);
    pyl_incref(co->qualname);
    pyl_xincref(co->source_lines);
    return (PylObject *)co;
}

int pyl_code_line(const PylCode *co, intptr_t i)
{
    if (i < 0 || i >= co->ncode || co->locations == NULL) {
        return co->firstlineno;
    }
    return co->locations[i].line;
}

const PylExcEntry *pyl_code_find_handler(const PylCode *co, intptr_t i)
{
    /* Entries are sorted by start and do not overlap: binary search. */
    intptr_t lo = 0, hi = co->nexc;
    while (lo < hi) {
        intptr_t mid = (lo + hi) / 2;
        const PylExcEntry *e = &co->exctable[mid];
        if ((intptr_t)e->end <= i) {
            lo = mid + 1;
        } else if ((intptr_t)e->start > i) {
            hi = mid;
        } else {
            return e;
        }
    }
    return NULL;
}

static void code_dealloc(PylThread *t, PylObject *self)
{
    PylCode *co = (PylCode *)self;
    pyl_xdecref(t, co->consts);
    pyl_xdecref(t, co->names);
    pyl_xdecref(t, co->localsplusnames);
    pyl_xdecref(t, co->filename);
    pyl_xdecref(t, co->name);
    pyl_xdecref(t, co->qualname);
    pyl_xdecref(t, co->source_lines);
    pyl_mem_free(t, co->code);
    pyl_mem_free(t, co->locations);
    pyl_mem_free(t, co->exctable);
    pyl_mem_free(t, co->localspluskinds);
    pyl_obj_free(t, self);
}

static int code_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylCode *co = (PylCode *)self;
    return co->consts ? visit(co->consts, arg) : 0;
}

static void code_clear(PylThread *t, PylObject *self)
{
    PYL_CLEAR(t, ((PylCode *)self)->consts);
}

static PylObject *code_repr(PylThread *t, PylObject *self)
{
    PylCode *co = (PylCode *)self;
    return pyl_str_format_c(t, "<code object %U at %p, file %R, line %d>", co->name, (void *)self,
                            co->filename, co->firstlineno);
}

/* Names of the localsplus slots whose kind has any of the bits in mask. */
static PylObject *names_of_kind(PylThread *t, PylCode *co, int mask, int exclude)
{
    PylObject *list = pyl_list_new(t, 0);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i < co->nlocalsplus; i++) {
        int k = co->localspluskinds[i];
        if ((k & mask) && !(k & exclude)) {
            if (pyl_list_append(t, list, PYL_TUPLE_ITEM(co->localsplusnames, i)) < 0) {
                pyl_decref(t, list);
                return NULL;
            }
        }
    }
    PylObject *tup = pyl_list_as_tuple(t, list);
    pyl_decref(t, list);
    return tup;
}

static PylObject *code_varnames(PylThread *t, PylObject *self)
{
    return names_of_kind(t, (PylCode *)self, PYL_LOCAL_PLAIN, 0);
}

static PylObject *code_cellvars(PylThread *t, PylObject *self)
{
    return names_of_kind(t, (PylCode *)self, PYL_LOCAL_CELL, PYL_LOCAL_PLAIN);
}

static PylObject *code_freevars(PylThread *t, PylObject *self)
{
    return names_of_kind(t, (PylCode *)self, PYL_LOCAL_FREE, 0);
}

static PylObject *code_bytes(PylThread *t, PylObject *self)
{
    PylCode *co = (PylCode *)self;
    PylObject *b = pyl_bytes_alloc(t, co->ncode * 4);
    if (b == NULL) {
        return NULL;
    }
    unsigned char *d = (unsigned char *)PYL_BYTES_DATA(b);
    for (intptr_t i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        int op = PYL_OPCODE_OF(w);
        if (op == OP_CACHE) {
            w = 0;
        }
        d[4 * i] = (unsigned char)(w & 0xFF);
        d[4 * i + 1] = (unsigned char)((w >> 8) & 0xFF);
        d[4 * i + 2] = (unsigned char)((w >> 16) & 0xFF);
        d[4 * i + 3] = (unsigned char)(w >> 24);
    }
    return b;
}

static const PylMemberDef code_members[] = {
    {"co_argcount", PYL_MEMBER_INT, offsetof(PylCode, argcount), true, NULL},
    {"co_posonlyargcount", PYL_MEMBER_INT, offsetof(PylCode, posonlyargcount), true, NULL},
    {"co_kwonlyargcount", PYL_MEMBER_INT, offsetof(PylCode, kwonlyargcount), true, NULL},
    {"co_nlocals", PYL_MEMBER_INT, offsetof(PylCode, nlocals), true, NULL},
    {"co_stacksize", PYL_MEMBER_INT, offsetof(PylCode, stacksize), true, NULL},
    {"co_flags", PYL_MEMBER_INT, offsetof(PylCode, flags), true, NULL},
    {"co_firstlineno", PYL_MEMBER_INT, offsetof(PylCode, firstlineno), true, NULL},
    {"co_consts", PYL_MEMBER_OBJECT, offsetof(PylCode, consts), true, NULL},
    {"co_names", PYL_MEMBER_OBJECT, offsetof(PylCode, names), true, NULL},
    {"co_filename", PYL_MEMBER_OBJECT, offsetof(PylCode, filename), true, NULL},
    {"co_name", PYL_MEMBER_OBJECT, offsetof(PylCode, name), true, NULL},
    {"co_qualname", PYL_MEMBER_OBJECT, offsetof(PylCode, qualname), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef code_getset[] = {
    {"co_varnames", code_varnames, NULL, NULL},
    {"co_cellvars", code_cellvars, NULL, NULL},
    {"co_freevars", code_freevars, NULL, NULL},
    {"co_code", code_bytes, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_code_type = {
    .name = "code",
    .kind = PYL_K_CODE,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylCode),
    .dealloc = code_dealloc,
    .traverse = code_traverse,
    .clear = code_clear,
    .repr = code_repr,
    .members = code_members,
    .getset = code_getset,
};
