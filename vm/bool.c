/* bool.c — the bool type: int's final subclass whose only values are the
 * immediates PYL_TRUE and PYL_FALSE (worth 1 and 0; see object.h). Every int
 * operation accepts them (int.c), so bool adds only its repr, its constructor and
 * & | ^ keeping bool results between two bools. */
#include "vm/core.h"

static PylObject *bool_repr(PylThread *t, PylObject *o)
{
    return pyl_str_from_cstr(t, o == PYL_TRUE ? "True" : "False");
}

/* bool(x=False, /) */
static PylObject *bool_new(PylThread *t, PylType *type, PylObject *const *args, intptr_t nargs,
                           PylObject *kwnames)
{
    if (pyl_no_kwargs(t, "bool", kwnames) < 0 || pyl_check_nargs(t, "bool", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return PYL_FALSE;
    }
    int r = pyl_is_true(t, args[0]);
    return r < 0 ? NULL : PYL_BOOL(r);
}

static PylObject *bool_and(PylThread *t, PylObject *a, PylObject *b)
{
    if (PYL_IS_BOOL(a) && PYL_IS_BOOL(b)) {
        return PYL_BOOL(a == PYL_TRUE && b == PYL_TRUE);
    }
    return PYL_TYPE(t, INT)->nb[PYL_NB_AND](t, a, b);
}

static PylObject *bool_or(PylThread *t, PylObject *a, PylObject *b)
{
    if (PYL_IS_BOOL(a) && PYL_IS_BOOL(b)) {
        return PYL_BOOL(a == PYL_TRUE || b == PYL_TRUE);
    }
    return PYL_TYPE(t, INT)->nb[PYL_NB_OR](t, a, b);
}

static PylObject *bool_xor(PylThread *t, PylObject *a, PylObject *b)
{
    if (PYL_IS_BOOL(a) && PYL_IS_BOOL(b)) {
        return PYL_BOOL(a != b);
    }
    return PYL_TYPE(t, INT)->nb[PYL_NB_XOR](t, a, b);
}

const PylType pyl_bool_type = {
    .name = "bool",
    .kind = PYL_K_BOOL,
    .template_base = PYL_K_INT,
    .repr = bool_repr,
    .new_ = bool_new,
    .nb =
        {
            [PYL_NB_AND] = bool_and,
            [PYL_NB_OR] = bool_or,
            [PYL_NB_XOR] = bool_xor,
        },
    .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe "
           "builtins True and False are the only two instances of the class bool.\nThe class "
           "bool is a subclass of the class int, and cannot be subclassed.",
};
