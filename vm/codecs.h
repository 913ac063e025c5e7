/* codecs.h — the text encodings built into the runtime: str <-> bytes.
 *
 * Supported (any spelling codecs.lookup accepts: case, '-', '_', ' ' and the
 * usual aliases such as 'utf8', 'latin1', 'l1', 'us-ascii', 'cp65001'):
 *     utf-8, utf-8-sig, ascii, latin-1 (iso8859-1), cp1252,
 *     utf-16, utf-16-le, utf-16-be, utf-32, utf-32-le, utf-32-be,
 *     unicode-escape, raw-unicode-escape
 * Error handlers: strict, ignore, replace, backslashreplace, xmlcharrefreplace
 * and namereplace (encoding only), surrogateescape, surrogatepass (UTF codecs).
 * An unknown handler raises LookupError "unknown error handler name 'x'" only
 * when an error actually happens, as in CPython; an unknown encoding raises
 * LookupError "unknown encoding: x".
 */
#ifndef PYL_CODECS_H
#define PYL_CODECS_H

#include "vm/object.h"

enum {
    PYL_CODEC_UTF8,
    PYL_CODEC_UTF8_SIG,
    PYL_CODEC_ASCII,
    PYL_CODEC_LATIN1,
    PYL_CODEC_CP1252,
    PYL_CODEC_UTF16,
    PYL_CODEC_UTF16_LE,
    PYL_CODEC_UTF16_BE,
    PYL_CODEC_UTF32,
    PYL_CODEC_UTF32_LE,
    PYL_CODEC_UTF32_BE,
    PYL_CODEC_UNICODE_ESCAPE,
    PYL_CODEC_RAW_UNICODE_ESCAPE,
    PYL_CODEC_COUNT
};

/* The codec for an encoding name (NULL = utf-8), or -1 when unknown (no
 * exception set). */
PYL_INTERNAL int pyl_codec_lookup(const char *name);
/* The codec's canonical name, as codecs.lookup(name).name gives it. */
PYL_INTERNAL const char *pyl_codec_name(int codec);

/* str -> bytes. s must be a str; NULL encoding = utf-8, NULL errors = strict. */
PYL_INTERNAL PylObject *pyl_codec_encode(PylThread *t, PylObject *s, const char *encoding,
                                         const char *errors);
PYL_INTERNAL PylObject *pyl_codec_encode_id(PylThread *t, PylObject *s, int codec,
                                            const char *errors);
/* bytes -> str. */
PYL_INTERNAL PylObject *pyl_codec_decode(PylThread *t, const char *data, intptr_t n,
                                         const char *encoding, const char *errors);
/* Incremental form for stream readers: with final false, an incomplete sequence
 * at the end is not an error; *consumed (may be NULL when final) receives how
 * many bytes were decoded. */
PYL_INTERNAL PylObject *pyl_codec_decode_ex(PylThread *t, const char *data, intptr_t n, int codec,
                                            const char *errors, bool final, intptr_t *consumed);
PYL_INTERNAL PylObject *pyl_codec_decode_utf8(PylThread *t, const char *data, intptr_t n,
                                              const char *errors);

#endif
