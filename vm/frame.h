/* frame.h — activation records of Python functions.
 *
 * Frames live on a per-thread stack of chunks (bump allocation, no malloc per
 * call). A frame is followed by its slots:
 *
 *     PylFrame | localsplus[nlocalsplus] | value stack[stacksize]
 *                ^ locals, cells, frees    ^ stack_base; sp points past the top
 *
 * The eval loop keeps ip/sp in registers and writes them back here when it
 * calls out, so tracebacks and generators see where the frame is.
 */
#ifndef PYL_FRAME_H
#define PYL_FRAME_H

#include "vm/code.h"
#include "vm/function.h"

struct PylFrame {
    PylCode *code;       /* borrowed from func */
    PylFunction *func;   /* owned */
    PylObject *globals;  /* borrowed from func */
    PylObject *builtins; /* borrowed from func */
    PylObject *locals;   /* owned: the namespace dict of module/class code, else NULL */
    PylFrame *prev;
    const uint32_t *ip; /* next instruction */
    PylObject **sp;     /* one past the top of the value stack */
    PylObject *kwnames; /* KW_NAMES operand for the next CALL (borrowed const) */
    bool entry;         /* return to C when this frame returns */
    bool owned_by_gen;  /* lives inside a generator object, not on the frame stack */
    bool suspended;     /* set by YIELD_VALUE as run() returns the yielded value */
    PylObject *localsplus[];
};

struct PylFrameChunk {
    PylFrameChunk *prev;
    PylObject **top_saved; /* t->chunk_top of the previous chunk when this one was pushed */
    PylObject **end;       /* one past the last slot */
    PylObject *data[];
};

/* A frame for func with room for its locals and stack, all slots NULL; NULL +
 * MemoryError. Takes a reference to func. */
PYL_INTERNAL PylFrame *pyl_frame_push(PylThread *t, PylFunction *func);
/* Release a frame's slots and pop it (it must be the newest). A generator's frame
 * is only cleared (its memory belongs to the generator). */
PYL_INTERNAL void pyl_frame_pop(PylThread *t, PylFrame *f);
/* Drop every reference a frame holds (slots, locals, function); f->code is NULL
 * afterwards. */
PYL_INTERNAL void pyl_frame_clear(PylThread *t, PylFrame *f);
/* Bytes a frame for co needs. */
PYL_INTERNAL size_t pyl_frame_size(const PylCode *co);
/* Set up a frame for func in memory the caller provides (all slots NULL). */
PYL_INTERNAL void pyl_frame_init(PylFrame *f, PylFunction *func);
PYL_INTERNAL void pyl_frames_fini(PylThread *t);
/* Index of the instruction the frame is executing (for line numbers). */
static inline intptr_t pyl_frame_lasti(const PylFrame *f)
{
    return (f->ip - f->code->code) - 1;
}

/* The Python-visible frame object of f (back: the caller's, or NULL). */
PYL_INTERNAL PylObject *pyl_frame_object_new(PylThread *t, PylFrame *f, PylObject *back);

#endif
