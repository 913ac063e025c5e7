/* dis.c — the disassembler behind `pyl -m dis FILE`: CPython's dis layout
 * (line number, jump-target marks, offset, opname, argument and its meaning),
 * then the exception table, then every nested code object. Offsets are word
 * indexes into pyl's instruction array. */
#include <stdio.h>
#include <stdlib.h>

#include "compiler/dis.h"
#include "vm/code.h"
#include "vm/core.h"

static void put_repr(PylThread *t, PylBuf *b, PylObject *o)
{
    PylObject *r = pyl_repr(t, o);
    if (r == NULL) {
        pyl_err_clear(t);
        pyl_buf_puts(t, b, "?");
        return;
    }
    pyl_buf_put_str(t, b, r);
    pyl_decref(t, r);
}

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};

static void argrepr(PylThread *t, PylBuf *b, PylCode *co, int op, uint32_t arg)
{
    switch (pyl_opcode_flags[op]) {
    case OPF_CONST:
        if (arg < (uint32_t)PYL_TUPLE_SIZE(co->consts)) {
            put_repr(t, b, PYL_TUPLE_ITEM(co->consts, arg));
        }
        break;
    case OPF_NAME:
        if (arg < (uint32_t)PYL_TUPLE_SIZE(co->names)) {
            pyl_buf_put_str(t, b, PYL_TUPLE_ITEM(co->names, arg));
        }
        break;
    case OPF_LOCAL:
        if (arg < (uint32_t)co->nlocalsplus) {
            pyl_buf_put_str(t, b, PYL_TUPLE_ITEM(co->localsplusnames, arg));
        }
        break;
    case OPF_JUMP:
        pyl_buf_printf(t, b, "to %u", (unsigned)arg);
        break;
    case OPF_CMP:
        if (arg < 6) {
            pyl_buf_puts(t, b, cmp_names[arg]);
        }
        break;
    case OPF_BINOP:
        if (arg < 2 * PYL_NB_COUNT) {
            pyl_buf_puts(t, b, pyl_binop_symbol((int)(arg % PYL_NB_COUNT)));
            if (arg >= PYL_NB_INPLACE) {
                pyl_buf_putc(t, b, '=');
            }
        }
        break;
    case OPF_FORMAT: {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        pyl_buf_puts(t, b, conv[arg & 3]);
        if (arg & 4) {
            pyl_buf_puts(t, b, (arg & 3) ? ", with format" : "with format");
        }
        break;
    }
    default:
        if (op == OP_MAKE_FUNCTION) {
            static const char *const parts[] = {"defaults", "kwdefaults", "annotations", "closure"};
            bool first = true;
            for (int i = 0; i < 4; i++) {
                if (arg & (1u << i)) {
                    pyl_buf_puts(t, b, first ? "" : ", ");
                    pyl_buf_puts(t, b, parts[i]);
                    first = false;
                }
            }
        } else if (op == OP_IS_OP) {
            pyl_buf_puts(t, b, arg ? "is not" : "is");
        } else if (op == OP_CONTAINS_OP) {
            pyl_buf_puts(t, b, arg ? "not in" : "in");
        }
        break;
    }
}

static void dis_code(PylThread *t, PylBuf *out, PylCode *co)
{
    intptr_t n = co->ncode;
    bool *target = calloc((size_t)n + 1, 1);
    if (target == NULL) {
        return;
    }
    for (intptr_t i = 0; i < n; i += 1 + pyl_opcode_caches[PYL_OPCODE_OF(co->code[i])]) {
        uint32_t w = co->code[i];
        int op = PYL_OPCODE_OF(w);
        if (pyl_opcode_flags[op] == OPF_JUMP && PYL_ARG_OF(w) <= (uint32_t)n) {
            target[PYL_ARG_OF(w)] = true;
        }
    }
    for (intptr_t k = 0; k < co->nexc; k++) {
        if (co->exctable[k].handler <= (uint32_t)n) {
            target[co->exctable[k].handler] = true;
        }
    }
    int width = n >= 10000 ? (int)snprintf(NULL, 0, "%zd", (ssize_t)n) : 4;
    int last_line = -1;
    for (intptr_t i = 0; i < n;) {
        uint32_t w = co->code[i];
        int op = PYL_OPCODE_OF(w);
        uint32_t arg = PYL_ARG_OF(w);
        int line = co->locations ? co->locations[i].line : 0;
        bool starts = line > 0 && line != last_line;
        if (starts && last_line != -1) {
            pyl_buf_putc(t, out, '\n');
        }
        if (starts) {
            last_line = line;
            pyl_buf_printf(t, out, "%3d", line);
        } else {
            pyl_buf_puts(t, out, "   ");
        }
        pyl_buf_printf(t, out, "    %s %*zd %-20s", target[i] ? ">>" : "  ", width, (ssize_t)i,
                       pyl_opcode_names[op]);
        if (pyl_opcode_flags[op] != 0) {
            pyl_buf_printf(t, out, " %5u", (unsigned)arg);
            PylBuf rep;
            pyl_buf_init(&rep);
            argrepr(t, &rep, co, op, arg);
            if (rep.len > 0) {
                pyl_buf_puts(t, out, " (");
                pyl_buf_append(t, out, rep.data, rep.len);
                pyl_buf_putc(t, out, ')');
            }
            pyl_buf_free(t, &rep);
        }
        /* strip trailing blanks like CPython */
        while (out->len > 0 && out->data[out->len - 1] == ' ') {
            out->len--;
        }
        pyl_buf_putc(t, out, '\n');
        i += 1 + pyl_opcode_caches[op];
    }
    if (co->nexc > 0) {
        pyl_buf_puts(t, out, "ExceptionTable:\n");
        for (intptr_t k = 0; k < co->nexc; k++) {
            PylExcEntry *e = &co->exctable[k];
            pyl_buf_printf(t, out, "  %u to %u -> %u [%u]%s\n", (unsigned)e->start,
                           (unsigned)(e->end - 1), (unsigned)e->handler, (unsigned)e->depth,
                           e->lasti ? " lasti" : "");
        }
    }
    free(target);
}

int pyl_dis(PylThread *t, PylObject *code, FILE *fp)
{
    PylBuf out;
    pyl_buf_init(&out);
    /* breadth-first over nested code objects, like dis.dis */
    PylObject *todo = pyl_list_new(t, 0);
    if (todo == NULL || pyl_list_append(t, todo, code) < 0) {
        pyl_xdecref(t, todo);
        return -1;
    }
    for (intptr_t i = 0; i < PYL_LIST_SIZE(todo); i++) {
        PylCode *co = (PylCode *)PYL_LIST_ITEM(todo, i);
        if (i > 0) {
            pyl_buf_puts(t, &out, "\nDisassembly of ");
            put_repr(t, &out, (PylObject *)co);
            pyl_buf_puts(t, &out, ":\n");
        }
        dis_code(t, &out, co);
        for (intptr_t k = 0; k < PYL_TUPLE_SIZE(co->consts); k++) {
            PylObject *c = PYL_TUPLE_ITEM(co->consts, k);
            if (PYL_IS_KIND(c, CODE) && pyl_list_append(t, todo, c) < 0) {
                pyl_decref(t, todo);
                pyl_buf_free(t, &out);
                return -1;
            }
        }
    }
    pyl_decref(t, todo);
    if (out.block != NULL) {
        fwrite(out.data, 1, (size_t)out.len, fp);
    }
    pyl_buf_free(t, &out);
    return 0;
}
