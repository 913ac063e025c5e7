/* frame.c — the per-thread frame stack, and frame objects (the snapshot of a
 * frame that tracebacks hold in tb_frame). */
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm/frame.h"

static int push_chunk(PylThread *t, size_t words)
{
    size_t n = words > PYL_FRAME_CHUNK_WORDS ? words : PYL_FRAME_CHUNK_WORDS;
    PylFrameChunk *c = pyl_mem_alloc(t, sizeof(PylFrameChunk) + n * sizeof(PylObject *));
    if (c == NULL) {
        return -1;
    }
    c->prev = t->chunk;
    c->top_saved = t->chunk_top;
    t->chunk = c;
    t->chunk_top = c->data;
    t->chunk_end = c->end = c->data + n;
    return 0;
}

size_t pyl_frame_size(const PylCode *co)
{
    return sizeof(PylFrame) +
           sizeof(PylObject *) * ((size_t)co->nlocalsplus + (size_t)co->stacksize);
}

void pyl_frame_init(PylFrame *f, PylFunction *func)
{
    PylCode *co = (PylCode *)func->code;
    f->code = co;
    f->func = (PylFunction *)pyl_incref((PylObject *)func);
    f->globals = func->globals;
    f->builtins = func->builtins;
    f->locals = NULL;
    f->prev = NULL;
    f->ip = co->code;
    f->kwnames = NULL;
    f->entry = false;
    f->owned_by_gen = false;
    f->suspended = false;
    for (size_t i = 0; i < (size_t)co->nlocalsplus; i++) {
        f->localsplus[i] = NULL;
    }
    f->sp = f->localsplus + co->nlocalsplus;
}

PylFrame *pyl_frame_push(PylThread *t, PylFunction *func)
{
    PylCode *co = (PylCode *)func->code;
    size_t words = (pyl_frame_size(co) + sizeof(PylObject *) - 1) / sizeof(PylObject *);
    if (PYL_UNLIKELY(t->chunk_top == NULL || t->chunk_top + words > t->chunk_end)) {
        if (push_chunk(t, words) < 0) {
            return NULL;
        }
    }
    PylFrame *f = (PylFrame *)t->chunk_top;
    t->chunk_top += words;
    pyl_frame_init(f, func);
    f->prev = t->frame;
    return f;
}

void pyl_frame_clear(PylThread *t, PylFrame *f)
{
    if (f->code == NULL) {
        return;
    }
    PylObject **base = f->localsplus + f->code->nlocalsplus;
    while (f->sp > base) {
        PylObject *v = *--f->sp;
        pyl_xdecref(t, v);
    }
    int n = f->code->nlocalsplus;
    for (int i = 0; i < n; i++) {
        PylObject *v = f->localsplus[i];
        f->localsplus[i] = NULL;
        pyl_xdecref(t, v);
    }
    PYL_CLEAR(t, f->locals);
    PylFunction *func = f->func;
    f->func = NULL;
    f->code = NULL;
    pyl_xdecref(t, (PylObject *)func);
}

void pyl_frame_pop(PylThread *t, PylFrame *f)
{
    if (f->owned_by_gen) {
        pyl_frame_clear(t, f);
        return;
    }
    PylObject **base = f->localsplus + f->code->nlocalsplus;
    while (f->sp > base) {
        PylObject *v = *--f->sp;
        pyl_xdecref(t, v);
    }
    for (int i = 0; i < f->code->nlocalsplus; i++) {
        pyl_xdecref(t, f->localsplus[i]);
    }
    pyl_xdecref(t, f->locals);
    PylFunction *func = f->func;
    t->chunk_top = (PylObject **)f;
    if (t->chunk != NULL && t->chunk_top == t->chunk->data && t->chunk->prev != NULL) {
        /* the chunk is empty: go back to the previous one */
        PylFrameChunk *c = t->chunk;
        t->chunk = c->prev;
        t->chunk_top = c->top_saved;
        t->chunk_end = t->chunk->end;
        pyl_mem_free(t, c);
    }
    pyl_decref(t, (PylObject *)func);
}

void pyl_frames_fini(PylThread *t)
{
    while (t->chunk != NULL) {
        PylFrameChunk *c = t->chunk;
        t->chunk = c->prev;
        pyl_vmem_free(t->vm, c);
    }
    t->chunk_top = t->chunk_end = NULL;
}

/* ---- frame objects --------------------------------------------------------------- */

typedef struct PylFrameObject {
    PylObject ob;
    PylObject *code;
    PylObject *globals;
    PylObject *back; /* frame object or NULL */
    int lineno;
    int lasti;
} PylFrameObject;

PylObject *pyl_frame_object_new(PylThread *t, PylFrame *f, PylObject *back)
{
    PylFrameObject *fo =
        (PylFrameObject *)pyl_obj_alloc(t, PYL_TYPE(t, FRAME), sizeof(PylFrameObject));
    if (fo == NULL) {
        return NULL;
    }
    intptr_t lasti = pyl_frame_lasti(f);
    fo->code = pyl_incref((PylObject *)f->code);
    fo->globals = pyl_incref(f->globals);
    fo->back = pyl_xincref(back);
    fo->lasti = (int)lasti;
    fo->lineno = pyl_code_line(f->code, lasti);
    return (PylObject *)fo;
}

static void frameobj_dealloc(PylThread *t, PylObject *self)
{
    PylFrameObject *fo = (PylFrameObject *)self;
    pyl_xdecref(t, fo->code);
    pyl_xdecref(t, fo->globals);
    pyl_xdecref(t, fo->back);
    pyl_obj_free(t, self);
}

static int frameobj_traverse(PylObject *self, PylVisitFn visit, void *arg)
{
    PylFrameObject *fo = (PylFrameObject *)self;
    PylObject *fields[] = {fo->code, fo->globals, fo->back};
    for (int i = 0; i < 3; i++) {
        if (fields[i] != NULL && visit(fields[i], arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static void frameobj_clear(PylThread *t, PylObject *self)
{
    PylFrameObject *fo = (PylFrameObject *)self;
    PYL_CLEAR(t, fo->globals);
    PYL_CLEAR(t, fo->back);
}

static PylObject *frameobj_repr(PylThread *t, PylObject *self)
{
    PylFrameObject *fo = (PylFrameObject *)self;
    PylCode *co = (PylCode *)fo->code;
    return pyl_str_format_c(t, "<frame at %p, file %R, line %d, code %U>", (void *)self,
                            co->filename, fo->lineno, co->name);
}

static PylObject *frameobj_get_globals(PylThread *t, PylObject *self)
{
    PylObject *g = ((PylFrameObject *)self)->globals;
    return g ? pyl_incref(g) : pyl_dict_new(t);
}

static const PylMemberDef frameobj_members[] = {
    {"f_code", PYL_MEMBER_OBJECT, offsetof(PylFrameObject, code), true, NULL},
    {"f_back", PYL_MEMBER_OBJECT, offsetof(PylFrameObject, back), true, NULL},
    {"f_lineno", PYL_MEMBER_INT, offsetof(PylFrameObject, lineno), true, NULL},
    {"f_lasti", PYL_MEMBER_INT, offsetof(PylFrameObject, lasti), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const PylGetSetDef frameobj_getset[] = {
    {"f_globals", frameobj_get_globals, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

const PylType pyl_frame_type = {
    .name = "frame",
    .kind = PYL_K_FRAME,
    .flags = PYL_TF_GC,
    .basicsize = sizeof(PylFrameObject),
    .dealloc = frameobj_dealloc,
    .traverse = frameobj_traverse,
    .clear = frameobj_clear,
    .repr = frameobj_repr,
    .members = frameobj_members,
    .getset = frameobj_getset,
};
