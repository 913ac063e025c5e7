/* format.h — the format-spec mini-language of format() / str.format / f-strings
 * for int, float and str, and the printf-style conversion of one number for
 * `%` formatting.
 *
 *     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *
 * Parsing and padding follow CPython 3.11 (Python/formatter_unicode.c), with its
 * error messages. */
#ifndef PYL_FORMAT_H
#define PYL_FORMAT_H

#include "vm/buf.h"
#include "vm/object.h"

typedef struct PylFormatSpec {
    uint32_t fill;      /* fill code point (' ' by default) */
    char align;         /* '<' '>' '^' '=', or 0 when not given */
    char sign;          /* '+' '-' ' ', or 0 when not given */
    bool no_neg_zero;   /* 'z' */
    bool alt;           /* '#' */
    bool fill_given;    /* a fill character (or the '0' flag) was given */
    char grouping;      /* ',' '_' or 0 */
    intptr_t width;     /* -1 when not given */
    intptr_t precision; /* -1 when not given */
    uint32_t type;      /* presentation type code point, 0 when not given */
} PylFormatSpec;

/* Parse spec (a str) for an object of type tname ("int", "float", "str"; used in
 * messages). default_align is '>' for numbers, '<' for strings. 0 or -1. */
PYL_INTERNAL int pyl_format_parse(PylThread *t, PylObject *spec, const char *tname,
                                  char default_align, PylFormatSpec *out);

/* text (UTF-8, nbytes bytes, nchars code points) padded with spec's fill to its
 * width: aligned per spec->align, or default_align ('<' '>' '^') when none was
 * given. '=' is treated as '<' (callers refuse it first where it is an error). */
PYL_INTERNAL PylObject *pyl_format_pad(PylThread *t, const char *text, intptr_t nbytes,
                                       intptr_t nchars, const PylFormatSpec *spec,
                                       char default_align);

/* format(v, spec) for an int (incl. bool), a float, a str (spec: a str). */
PYL_INTERNAL PylObject *pyl_format_int(PylThread *t, PylObject *v, PylObject *spec);
PYL_INTERNAL PylObject *pyl_format_float(PylThread *t, PylObject *v, PylObject *spec);
PYL_INTERNAL PylObject *pyl_format_str(PylThread *t, PylObject *s, PylObject *spec);
/* Format a double per an already parsed spec (types e E f F g G n % and none). */
PYL_INTERNAL PylObject *pyl_format_double(PylThread *t, double x, const PylFormatSpec *spec);

/* printf-style formatting of one number (`'%5.2f' % x`): conv is one of
 * d i u o x X e E f F g G; flags are PYL_PF_*; width / prec are -1 when absent.
 * Appends to b. Raises CPython's TypeErrors ("%d format: a real number is
 * required, not str", "%x format: an integer is required, not float",
 * "must be real number, not str"). 0 or -1. */
enum {
    PYL_PF_LJUST = 1, /* '-' */
    PYL_PF_PLUS = 2,  /* '+' */
    PYL_PF_SPACE = 4, /* ' ' */
    PYL_PF_ALT = 8,   /* '#' */
    PYL_PF_ZERO = 16, /* '0' */
};
PYL_INTERNAL int pyl_format_number_printf(PylThread *t, PylBuf *b, PylObject *num, char conv,
                                          int flags, intptr_t width, intptr_t prec);

#endif
