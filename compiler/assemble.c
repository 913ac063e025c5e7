/* assemble.c — instruction list -> code object.
 *
 * 1. Stack depth: a worklist pass from the first instruction, following
 *    fall-through, jumps and exception handlers (a SETUP tells at what depth
 *    its handler runs); the maximum is the frame's stack size.
 * 2. Layout: every real instruction takes one word plus its cache words; labels
 *    become word offsets.
 * 3. The exception table: maximal runs of instructions stamped with the same
 *    handler become one entry.
 */
#include <stdio.h>
#include <stdlib.h>

#include "compiler/codegen.h"

typedef struct Assembler {
    PylCompiler *c;
    PylUnit *u;
    int *depth;         /* per instruction, -1 = unreached */
    int *handler_depth; /* per label: the stack height its handler cuts to, -1 unknown */
    uint8_t *handler_lasti;
    int *work;
    int nwork;
    int maxdepth;
} Assembler;

static bool internal_error(Assembler *a, const char *what, int i)
{
    PylThread *t = a->c->t;
    if (t->exc == NULL) {
        pyl_err_format(
            t, PYL_EXC(t, SystemError), "compiler: %s at instruction %d (%s) in %U", what, i,
            a->u->instrs[i].op < OP_COUNT ? pyl_opcode_names[a->u->instrs[i].op] : "SETUP",
            a->u->qualname);
    }
    a->c->failed = true;
    return false;
}

static bool reach(Assembler *a, int i, int depth, int from)
{
    if (i >= a->u->ninstrs) {
        return true; /* falls off the end: only after a terminal instruction */
    }
    if (depth < 0) {
        return internal_error(a, "negative stack depth", from);
    }
    if (a->depth[i] >= 0) {
        if (a->depth[i] != depth) {
            return internal_error(a, "inconsistent stack depth", i);
        }
        return true;
    }
    a->depth[i] = depth;
    a->work[a->nwork++] = i;
    if (depth > a->maxdepth) {
        a->maxdepth = depth;
    }
    return true;
}

static int label_target(Assembler *a, int label)
{
    return a->u->labels[label];
}

static bool compute_depths(Assembler *a)
{
    PylUnit *u = a->u;
    if (u->ninstrs == 0) {
        return true;
    }
    if (!reach(a, 0, 0, 0)) {
        return false;
    }
    while (a->nwork > 0) {
        int i = a->work[--a->nwork];
        int depth = a->depth[i];
        /* run a straight-line stretch */
        for (;;) {
            PylInstr *in = &u->instrs[i];
            if (in->op == PSEUDO_SETUP) {
                int hd = depth + in->arg;
                int label = in->label;
                if (a->handler_depth[label] >= 0 && a->handler_depth[label] != hd) {
                    return internal_error(a, "inconsistent handler depth", i);
                }
                a->handler_depth[label] = hd;
                a->handler_lasti[label] = in->flag;
                if (!reach(a, label_target(a, label), hd + in->flag + 1, i)) {
                    return false;
                }
            } else {
                int pop = pyl_opcode_pops(in->op, in->arg);
                int push = pyl_opcode_pushes(in->op, in->arg);
                if (depth - pop < 0) {
                    return internal_error(a, "stack underflow", i);
                }
                if (in->label >= 0) {
                    int taken = depth + pyl_opcode_jump_effect(in->op);
                    if (in->op == OP_JUMP_FORWARD || in->op == OP_JUMP_BACKWARD) {
                        taken = depth;
                    }
                    if (!reach(a, label_target(a, in->label), taken, i)) {
                        return false;
                    }
                }
                if (pyl_opcode_is_terminal(in->op)) {
                    break;
                }
                depth = depth - pop + push;
                if (depth > a->maxdepth) {
                    a->maxdepth = depth;
                }
            }
            i++;
            if (i >= u->ninstrs) {
                break;
            }
            if (a->depth[i] >= 0) {
                if (a->depth[i] != depth) {
                    return internal_error(a, "inconsistent stack depth", i);
                }
                break;
            }
            a->depth[i] = depth;
        }
    }
    return true;
}

static bool is_real(const PylInstr *in)
{
    return in->op != PSEUDO_SETUP;
}

PylObject *pyl_assemble(PylCompiler *c, PylUnit *u)
{
    PylThread *t = c->t;
    Assembler a;
    memset(&a, 0, sizeof a);
    a.c = c;
    a.u = u;
    int n = u->ninstrs;
    a.depth = malloc(sizeof(int) * (size_t)(n + 1));
    a.work = malloc(sizeof(int) * (size_t)(n + 1));
    a.handler_depth = malloc(sizeof(int) * (size_t)(u->nlabels + 1));
    a.handler_lasti = calloc((size_t)u->nlabels + 1, 1);
    int *offsets = malloc(sizeof(int) * (size_t)(n + 1));
    PylObject *code = NULL;
    uint32_t *words = NULL;
    PylLocation *locs = NULL;
    PylExcEntry *table = NULL;
    uint8_t *kinds = NULL;
    PylObject *consts = NULL, *names = NULL, *lpnames = NULL;
    if (!a.depth || !a.work || !a.handler_depth || !a.handler_lasti || !offsets) {
        pyl_err_nomemory(t);
        goto done;
    }
    for (int i = 0; i < n; i++) {
        a.depth[i] = -1;
    }
    for (int i = 0; i < u->nlabels; i++) {
        a.handler_depth[i] = -1;
        if (u->labels[i] < 0) {
            u->labels[i] = n; /* never placed: treat as the end */
        }
    }
    if (!compute_depths(&a)) {
        goto done;
    }
    /* layout */
    int nwords = 0;
    for (int i = 0; i < n; i++) {
        offsets[i] = nwords;
        if (is_real(&u->instrs[i])) {
            nwords += 1 + pyl_opcode_caches[u->instrs[i].op];
        }
    }
    offsets[n] = nwords;
    if (nwords > PYL_ARG_MAX) {
        pyl_err_format(t, PYL_EXC(t, SystemError), "code object too large");
        goto done;
    }
    words = pyl_mem_calloc(t, sizeof(uint32_t) * (size_t)(nwords + 1));
    locs = pyl_mem_calloc(t, sizeof(PylLocation) * (size_t)(nwords + 1));
    if (words == NULL || locs == NULL) {
        goto done;
    }
    for (int i = 0; i < n; i++) {
        PylInstr *in = &u->instrs[i];
        if (!is_real(in)) {
            continue;
        }
        int arg = in->arg;
        if (in->label >= 0) {
            arg = offsets[u->labels[in->label]];
        }
        if (arg < 0 || arg > PYL_ARG_MAX) {
            pyl_err_format(t, PYL_EXC(t, SystemError), "instruction argument out of range");
            goto done;
        }
        int w = offsets[i];
        words[w] = PYL_INSTR(in->op, (uint32_t)arg);
        for (int k = 0; k <= pyl_opcode_caches[in->op]; k++) {
            locs[w + k] = in->loc;
        }
    }
    /* exception table */
    int cap = 16, nexc = 0;
    table = pyl_mem_alloc(t, sizeof(PylExcEntry) * (size_t)cap);
    if (table == NULL) {
        goto done;
    }
    for (int i = 0; i < n;) {
        PylInstr *in = &u->instrs[i];
        int h = in->handler;
        if (!is_real(in) || h < 0 || a.handler_depth[h] < 0) {
            i++;
            continue;
        }
        int j = i + 1;
        while (j < n && (!is_real(&u->instrs[j]) || u->instrs[j].handler == h)) {
            j++;
        }
        int start = offsets[i], end = offsets[j];
        if (start < end) {
            if (nexc == cap) {
                cap *= 2;
                PylExcEntry *nt = pyl_mem_realloc(t, table, sizeof(PylExcEntry) * (size_t)cap);
                if (nt == NULL) {
                    goto done;
                }
                table = nt;
            }
            table[nexc].start = (uint32_t)start;
            table[nexc].end = (uint32_t)end;
            table[nexc].handler = (uint32_t)offsets[u->labels[h]];
            table[nexc].depth = (uint16_t)a.handler_depth[h];
            table[nexc].lasti = a.handler_lasti[h];
            nexc++;
        }
        i = j;
    }
    consts = pyl_list_as_tuple(t, u->consts);
    names = pyl_list_as_tuple(t, u->names);
    lpnames = pyl_tuple_new(t, u->nlocalsplus);
    kinds = pyl_mem_alloc(t, (size_t)u->nlocalsplus + 1);
    if (consts == NULL || names == NULL || lpnames == NULL || kinds == NULL) {
        goto done;
    }
    for (int i = 0; i < u->nlocalsplus; i++) {
        PylObject *s = pyl_str_intern_cstr(t, u->lp_names[i]);
        if (s == NULL) {
            goto done;
        }
        PYL_TUPLE_ITEMS(lpnames)[i] = s;
        kinds[i] = u->lp_kinds[i];
    }
    PylCode f;
    memset(&f, 0, sizeof f);
    f.argcount = u->argcount;
    f.posonlyargcount = u->posonlyargcount;
    f.kwonlyargcount = u->kwonlyargcount;
    f.nlocalsplus = u->nlocalsplus;
    f.nlocals = u->nlocals;
    f.ncells = u->ncells;
    f.nfrees = u->nfrees;
    f.stacksize = a.maxdepth + 1; /* one slot of slack for UNPACK_* */
    f.flags = u->flags;
    f.firstlineno = u->firstlineno;
    f.consts = consts;
    f.names = names;
    f.localsplusnames = lpnames;
    f.localspluskinds = kinds;
    f.filename = c->filename_obj;
    f.name = u->name;
    f.qualname = u->qualname;
    f.code = words;
    f.ncode = nwords;
    f.locations = locs;
    f.exctable = table;
    f.nexc = nexc;
    f.source_lines = c->source_lines;
    code = pyl_code_new(t, &f); /* owns words, locs, table, kinds from here */
    words = NULL;
    locs = NULL;
    table = NULL;
    kinds = NULL;
done:
    pyl_mem_free(t, words);
    pyl_mem_free(t, locs);
    pyl_mem_free(t, table);
    pyl_mem_free(t, kinds);
    pyl_xdecref(t, consts);
    pyl_xdecref(t, names);
    pyl_xdecref(t, lpnames);
    free(a.depth);
    free(a.work);
    free(a.handler_depth);
    free(a.handler_lasti);
    free(offsets);
    if (code == NULL) {
        c->failed = true;
    }
    return code;
}
