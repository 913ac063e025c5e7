/* buf.h — a growable byte buffer that becomes a str or bytes without a copy.
 *
 * The bytes are written after room for the str/bytes object header, so finishing
 * only shrinks the block and fills the header:
 *
 *     block: [ PylStr header ........ | data[0..len) | NUL ]
 *                                       ^ b->data
 *
 * Use: PylBuf b; pyl_buf_init(&b); pyl_buf_append(t, &b, ...) ...; then exactly one
 * of pyl_buf_finish_str / pyl_buf_finish_bytes / pyl_buf_free.
 */
#ifndef PYL_BUF_H
#define PYL_BUF_H

#include <stdarg.h>

#include "vm/object.h"

typedef struct PylBuf {
    char *block; /* the allocation, or NULL */
    char *data;  /* block + header room */
    intptr_t len;
    intptr_t cap; /* bytes available at data (excluding the NUL) */
} PylBuf;

PYL_INTERNAL void pyl_buf_init(PylBuf *b);
/* Make room for `extra` more bytes; -1 + MemoryError. */
PYL_INTERNAL int pyl_buf_reserve(PylThread *t, PylBuf *b, intptr_t extra);
PYL_INTERNAL int pyl_buf_append(PylThread *t, PylBuf *b, const void *s, intptr_t n);
PYL_INTERNAL int pyl_buf_puts(PylThread *t, PylBuf *b, const char *s);
PYL_INTERNAL int pyl_buf_putc(PylThread *t, PylBuf *b, char c);
/* Append the UTF-8 encoding of code point cp (surrogates encoded as 3 bytes). */
PYL_INTERNAL int pyl_buf_put_codepoint(PylThread *t, PylBuf *b, uint32_t cp);
/* Append a str object's UTF-8 bytes. */
PYL_INTERNAL int pyl_buf_put_str(PylThread *t, PylBuf *b, PylObject *str);
/* printf-style formatting (C's printf, not Python's). */
PYL_INTERNAL int pyl_buf_printf(PylThread *t, PylBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Append pyl_err_format-style formatting (%S %R %T ... as in error.h). */
PYL_INTERNAL int pyl_buf_vformat(PylThread *t, PylBuf *b, const char *fmt, va_list ap);
/* Turn the buffer into a str (its bytes must be valid generalized UTF-8) or bytes
 * object; the buffer is consumed (also on failure). */
PYL_INTERNAL PylObject *pyl_buf_finish_str(PylThread *t, PylBuf *b);
PYL_INTERNAL PylObject *pyl_buf_finish_bytes(PylThread *t, PylBuf *b);
PYL_INTERNAL void pyl_buf_free(PylThread *t, PylBuf *b);

#endif
