/* buf.c — growable byte buffers that turn into str or bytes in place, and the
 * message formatter behind pyl_err_format / pyl_str_format_c. */
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"

/* Room kept in front of the data for the object header. */
#define HEADER_ROOM ((intptr_t)offsetof(PylStr, data))

void pyl_buf_init(PylBuf *b)
{
    b->block = NULL;
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

int pyl_buf_reserve(PylThread *t, PylBuf *b, intptr_t extra)
{
    if (b->len + extra <= b->cap) {
        return 0;
    }
    intptr_t cap = b->cap < 64 ? 64 : b->cap;
    while (cap < b->len + extra) {
        if (cap > INTPTR_MAX / 2) {
            pyl_err_nomemory(t);
            return -1;
        }
        cap *= 2;
    }
    char *block = pyl_mem_realloc(t, b->block, (size_t)(HEADER_ROOM + cap + 1));
    if (block == NULL) {
        return -1;
    }
    b->block = block;
    b->data = block + HEADER_ROOM;
    b->cap = cap;
    return 0;
}

int pyl_buf_append(PylThread *t, PylBuf *b, const void *s, intptr_t n)
{
    if (n == 0) {
        return 0;
    }
    if (pyl_buf_reserve(t, b, n) < 0) {
        return -1;
    }
    memcpy(b->data + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

int pyl_buf_puts(PylThread *t, PylBuf *b, const char *s)
{
    return pyl_buf_append(t, b, s, (intptr_t)strlen(s));
}

int pyl_buf_putc(PylThread *t, PylBuf *b, char c)
{
    if (b->len >= b->cap && pyl_buf_reserve(t, b, 1) < 0) {
        return -1;
    }
    b->data[b->len++] = c;
    return 0;
}

int pyl_buf_put_codepoint(PylThread *t, PylBuf *b, uint32_t cp)
{
    char tmp[4];
    return pyl_buf_append(t, b, tmp, pyl_utf8_encode(cp, tmp));
}

int pyl_buf_put_str(PylThread *t, PylBuf *b, PylObject *str)
{
    return pyl_buf_append(t, b, PYL_STR_DATA(str), PYL_STR_NBYTES(str));
}

int pyl_buf_printf(PylThread *t, PylBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return -1;
    }
    if ((size_t)n < sizeof tmp) {
        return pyl_buf_append(t, b, tmp, n);
    }
    if (pyl_buf_reserve(t, b, n + 1) < 0) {
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += n;
    return 0;
}

/* Append a str object, at most `prec` code points of it (prec < 0: all). */
static int put_str_prec(PylThread *t, PylBuf *b, PylObject *s, intptr_t prec)
{
    if (prec < 0 || prec >= PYL_STR_LEN(s)) {
        return pyl_buf_put_str(t, b, s);
    }
    return pyl_buf_append(t, b, PYL_STR_DATA(s), pyl_str_offset(s, prec));
}

static int put_object(PylThread *t, PylBuf *b, PylObject *o, char how, intptr_t prec)
{
    PylObject *s;
    switch (how) {
    case 'S':
        s = pyl_str(t, o);
        break;
    case 'R':
        s = pyl_repr(t, o);
        break;
    default:
        s = pyl_ascii(t, o);
        break;
    }
    if (s == NULL) {
        return -1;
    }
    int r = put_str_prec(t, b, s, prec);
    pyl_decref(t, s);
    return r;
}

int pyl_buf_vformat(PylThread *t, PylBuf *b, const char *fmt, va_list ap)
{
    const char *p = fmt;
    while (*p) {
        const char *q = strchr(p, '%');
        if (q == NULL) {
            return pyl_buf_puts(t, b, p);
        }
        if (pyl_buf_append(t, b, p, q - p) < 0) {
            return -1;
        }
        p = q + 1;
        /* flags, width, precision and length modifiers, printf style */
        char spec[32];
        int sl = 0;
        spec[sl++] = '%';
        intptr_t prec = -1;
        while (*p && strchr("-0+ #", *p) && sl < 20) {
            spec[sl++] = *p++;
        }
        while (*p >= '0' && *p <= '9' && sl < 20) {
            spec[sl++] = *p++;
        }
        if (*p == '.') {
            spec[sl++] = *p++;
            prec = 0;
            while (*p >= '0' && *p <= '9' && sl < 24) {
                prec = prec * 10 + (*p - '0');
                spec[sl++] = *p++;
            }
        }
        int lng = 0;
        bool size = false;
        while (*p == 'l' && sl < 28) {
            lng++;
            spec[sl++] = *p++;
        }
        if (*p == 'z') {
            size = true;
            spec[sl++] = *p++;
        }
        char conv = *p++;
        spec[sl++] = conv;
        spec[sl] = '\0';
        int r = 0;
        switch (conv) {
        case 'd':
        case 'i':
            if (size) {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, ssize_t));
            } else if (lng == 1) {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, long));
            } else if (lng >= 2) {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, long long));
            } else {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, int));
            }
            break;
        case 'u':
        case 'x':
        case 'X':
            if (size) {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, size_t));
            } else if (lng == 1) {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, unsigned long));
            } else if (lng >= 2) {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, unsigned long long));
            } else {
                r = pyl_buf_printf(t, b, spec, va_arg(ap, unsigned int));
            }
            break;
        case 'c': {
            int c = va_arg(ap, int);
            r = pyl_buf_put_codepoint(t, b, (uint32_t)c);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (s == NULL) {
                s = "(null)";
            }
            intptr_t n = (intptr_t)strlen(s);
            if (prec >= 0 && prec < n) {
                n = prec;
            }
            r = pyl_buf_append(t, b, s, n);
            break;
        }
        case 'p':
            r = pyl_buf_printf(t, b, "%p", va_arg(ap, void *));
            break;
        case '%':
            r = pyl_buf_putc(t, b, '%');
            break;
        case 'S':
        case 'R':
        case 'A':
            r = put_object(t, b, va_arg(ap, PylObject *), conv, prec);
            break;
        case 'U':
            r = put_str_prec(t, b, va_arg(ap, PylObject *), prec);
            break;
        case 'T':
            r = pyl_buf_puts(t, b, pyl_type_name(t, va_arg(ap, PylObject *)));
            break;
        case 'N':
            r = pyl_buf_puts(t, b, pyl_type_get_name(va_arg(ap, PylType *)));
            break;
        default:
            r = pyl_buf_append(t, b, spec, sl);
            break;
        }
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

PylObject *pyl_buf_finish_str(PylThread *t, PylBuf *b)
{
    if (b->block == NULL) {
        return pyl_incref(t->vm->empty_str);
    }
    char *block = b->block;
    intptr_t len = b->len;
    b->block = NULL;
    return pyl_str_from_block(t, block, len);
}

PylObject *pyl_buf_finish_bytes(PylThread *t, PylBuf *b)
{
    return pyl_bytes_from_buf(t, b);
}

void pyl_buf_free(PylThread *t, PylBuf *b)
{
    pyl_mem_free(t, b->block);
    pyl_buf_init(b);
}
