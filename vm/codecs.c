/* codecs.c — encoding str to bytes and decoding bytes to str for the built-in
 * codecs listed in codecs.h, with CPython's error handlers, error ranges and
 * messages.
 *
 * Encoders walk the str's UTF-8 code points; a run of characters the codec
 * cannot represent is handed to the error handler as one range (CPython reports
 * "characters in position 1-3" for a run). Decoders report each invalid
 * sequence as the maximal ill-formed subpart CPython reports (so 'replace' gives
 * the same number of U+FFFD). The common cases never reach the generic loops:
 * UTF-8 encoding of a surrogate-free str is one copy, UTF-8 decoding of valid
 * input is one validating pass plus one copy, ASCII/Latin-1 run word-wise. */
#include <stdio.h>
#include <stdlib.h>

#include "vm/codecs.h"
#include "vm/core.h"
#include "vm/unicode.h"

/* From the compiler's Unicode name tables (compiler/lexer.c): the code point
 * named name[0..len), or -1. Declared here because compiler/lexer.h restates
 * helpers the VM headers already declare. */
PYL_INTERNAL long pyl_unicode_lookup(const char *name, size_t len);

/* ---- names ------------------------------------------------------------------- */

static const char *const canonical[PYL_CODEC_COUNT] = {
    [PYL_CODEC_UTF8] = "utf-8",
    [PYL_CODEC_UTF8_SIG] = "utf-8-sig",
    [PYL_CODEC_ASCII] = "ascii",
    [PYL_CODEC_LATIN1] = "iso8859-1",
    [PYL_CODEC_CP1252] = "cp1252",
    [PYL_CODEC_UTF16] = "utf-16",
    [PYL_CODEC_UTF16_LE] = "utf-16-le",
    [PYL_CODEC_UTF16_BE] = "utf-16-be",
    [PYL_CODEC_UTF32] = "utf-32",
    [PYL_CODEC_UTF32_LE] = "utf-32-le",
    [PYL_CODEC_UTF32_BE] = "utf-32-be",
    [PYL_CODEC_UNICODE_ESCAPE] = "unicode-escape",
    [PYL_CODEC_RAW_UNICODE_ESCAPE] = "raw-unicode-escape",
};

/* Normalised names (lowercase, runs of other characters than letters, digits
 * and '.' turned into one '_') and aliases, as the encodings package has them. */
static const struct {
    const char *name;
    int codec;
} aliases[] = {
    {"utf_8", PYL_CODEC_UTF8},
    {"utf8", PYL_CODEC_UTF8},
    {"u8", PYL_CODEC_UTF8},
    {"utf", PYL_CODEC_UTF8},
    {"utf8_ucs2", PYL_CODEC_UTF8},
    {"utf8_ucs4", PYL_CODEC_UTF8},
    {"cp65001", PYL_CODEC_UTF8},
    {"utf_8_sig", PYL_CODEC_UTF8_SIG},
    {"ascii", PYL_CODEC_ASCII},
    {"646", PYL_CODEC_ASCII},
    {"ansi_x3.4_1968", PYL_CODEC_ASCII},
    {"ansi_x3_4_1968", PYL_CODEC_ASCII},
    {"ansi_x3.4_1986", PYL_CODEC_ASCII},
    {"cp367", PYL_CODEC_ASCII},
    {"csascii", PYL_CODEC_ASCII},
    {"ibm367", PYL_CODEC_ASCII},
    {"iso646_us", PYL_CODEC_ASCII},
    {"iso_646.irv_1991", PYL_CODEC_ASCII},
    {"iso_ir_6", PYL_CODEC_ASCII},
    {"us", PYL_CODEC_ASCII},
    {"us_ascii", PYL_CODEC_ASCII},
    {"latin_1", PYL_CODEC_LATIN1},
    {"latin1", PYL_CODEC_LATIN1},
    {"latin", PYL_CODEC_LATIN1},
    {"l1", PYL_CODEC_LATIN1},
    {"iso8859_1", PYL_CODEC_LATIN1},
    {"iso8859", PYL_CODEC_LATIN1},
    {"iso_8859_1", PYL_CODEC_LATIN1},
    {"iso_8859_1_1987", PYL_CODEC_LATIN1},
    {"iso_ir_100", PYL_CODEC_LATIN1},
    {"8859", PYL_CODEC_LATIN1},
    {"cp819", PYL_CODEC_LATIN1},
    {"csisolatin1", PYL_CODEC_LATIN1},
    {"ibm819", PYL_CODEC_LATIN1},
    {"cp1252", PYL_CODEC_CP1252},
    {"windows_1252", PYL_CODEC_CP1252},
    {"1252", PYL_CODEC_CP1252},
    {"utf_16", PYL_CODEC_UTF16},
    {"utf16", PYL_CODEC_UTF16},
    {"u16", PYL_CODEC_UTF16},
    {"utf_16_le", PYL_CODEC_UTF16_LE},
    {"utf_16le", PYL_CODEC_UTF16_LE},
    {"unicodelittleunmarked", PYL_CODEC_UTF16_LE},
    {"utf_16_be", PYL_CODEC_UTF16_BE},
    {"utf_16be", PYL_CODEC_UTF16_BE},
    {"unicodebigunmarked", PYL_CODEC_UTF16_BE},
    {"utf_32", PYL_CODEC_UTF32},
    {"utf32", PYL_CODEC_UTF32},
    {"u32", PYL_CODEC_UTF32},
    {"utf_32_le", PYL_CODEC_UTF32_LE},
    {"utf_32le", PYL_CODEC_UTF32_LE},
    {"utf_32_be", PYL_CODEC_UTF32_BE},
    {"utf_32be", PYL_CODEC_UTF32_BE},
    {"unicode_escape", PYL_CODEC_UNICODE_ESCAPE},
    {"raw_unicode_escape", PYL_CODEC_RAW_UNICODE_ESCAPE},
};

/* encodings.normalize_encoding plus lowercasing: runs of characters other than
 * letters, digits and '.' become one '_' (none at the ends). false when the name
 * does not fit (no codec has a long name). */
static bool normalize(const char *name, char *norm, size_t cap)
{
    size_t n = 0;
    bool punct = false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (alnum || c == '.') {
            if (n + 2 >= cap) {
                return false;
            }
            if (punct && n > 0) {
                norm[n++] = '_';
            }
            norm[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            punct = false;
        } else {
            punct = true;
        }
    }
    norm[n] = '\0';
    return true;
}

int pyl_codec_lookup(const char *name)
{
    if (name == NULL || strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0) {
        return PYL_CODEC_UTF8;
    }
    char norm[64];
    if (!normalize(name, norm, sizeof norm)) {
        return -1;
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(aliases[i].name, norm) == 0) {
            return aliases[i].codec;
        }
    }
    return -1;
}

/* LookupError for an encoding name str.encode / bytes.decode cannot use: the
 * bytes-to-bytes codecs CPython has get its "not a text encoding" message. */
static PylObject *unknown_encoding(PylThread *t, const char *name, bool encode)
{
    static const char *const binary[] = {
        "base64_codec",    "base64", "base_64",      "bz2_codec", "bz2",
        "hex_codec",       "hex",    "quopri_codec", "quopri",    "quoted_printable",
        "quotedprintable", "rot_13", "rot13",        "uu_codec",  "uu",
        "zlib_codec",      "zip",    "zlib",
    };
    char norm[64];
    if (normalize(name, norm, sizeof norm)) {
        for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++) {
            if (strcmp(binary[i], norm) == 0) {
                return pyl_err_format(t, PYL_EXC(t, LookupError),
                                      "'%s' is not a text encoding; use codecs.%s() to handle "
                                      "arbitrary codecs",
                                      name, encode ? "encode" : "decode");
            }
        }
    }
    return pyl_err_format(t, PYL_EXC(t, LookupError), "unknown encoding: %s", name);
}

const char *pyl_codec_name(int codec)
{
    return canonical[codec];
}

/* ---- error handlers ------------------------------------------------------------- */

enum {
    EH_STRICT,
    EH_IGNORE,
    EH_REPLACE,
    EH_BACKSLASH,
    EH_XMLCHARREF,
    EH_NAMEREPLACE,
    EH_SURROGATEESCAPE,
    EH_SURROGATEPASS,
    EH_UNKNOWN
};

static int error_handler(const char *errors)
{
    static const char *const names[] = {
        "strict",      "ignore",          "replace",      "backslashreplace", "xmlcharrefreplace",
        "namereplace", "surrogateescape", "surrogatepass"};
    if (errors == NULL) {
        return EH_STRICT;
    }
    for (int i = 0; i < EH_UNKNOWN; i++) {
        if (strcmp(errors, names[i]) == 0) {
            return i;
        }
    }
    return EH_UNKNOWN;
}

static PylObject *unknown_handler(PylThread *t, const char *errors)
{
    return pyl_err_format(t, PYL_EXC(t, LookupError), "unknown error handler name '%s'", errors);
}

/* Raise type(encoding, object, start, end, reason) (UnicodeEncodeError or
 * UnicodeDecodeError). object is borrowed. */
static void raise_unicode_error(PylThread *t, PylType *type, const char *encoding,
                                PylObject *object, intptr_t start, intptr_t end, const char *reason)
{
    PylObject *args[5];
    args[0] = pyl_str_from_cstr(t, encoding);
    args[1] = pyl_incref(object);
    args[2] = pyl_int_from_ssize(t, start);
    args[3] = pyl_int_from_ssize(t, end);
    args[4] = pyl_str_from_cstr(t, reason);
    PylObject *exc = NULL;
    if (args[0] && args[2] && args[3] && args[4]) {
        exc = pyl_call(t, (PylObject *)type, args, 5, NULL);
    }
    for (int k = 0; k < 5; k++) {
        pyl_xdecref(t, args[k]);
    }
    if (exc != NULL) {
        pyl_err_raise_steal(t, exc);
    }
}

/* ---- encoding ---------------------------------------------------------------------- */

typedef struct Enc {
    PylThread *t;
    PylObject *str;
    int codec;
    const char *ename; /* encoding name for exceptions */
    const char *errors;
    int eh;
    PylBuf b;
} Enc;

static inline void put16(char *w, uint32_t u, bool be)
{
    if (be) {
        w[0] = (char)(u >> 8);
        w[1] = (char)u;
    } else {
        w[0] = (char)u;
        w[1] = (char)(u >> 8);
    }
}

static inline void put32(char *w, uint32_t u, bool be)
{
    if (be) {
        w[0] = (char)(u >> 24);
        w[1] = (char)(u >> 16);
        w[2] = (char)(u >> 8);
        w[3] = (char)u;
    } else {
        w[0] = (char)u;
        w[1] = (char)(u >> 8);
        w[2] = (char)(u >> 16);
        w[3] = (char)(u >> 24);
    }
}

static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static int cp1252_byte(uint32_t c)
{
    if (c < 0x80 || (c >= 0xA0 && c < 0x100)) {
        return (int)c;
    }
    for (int i = 0; i < 32; i++) {
        if (cp1252_high[i] != 0 && cp1252_high[i] == c) {
            return 0x80 + i;
        }
    }
    return -1;
}

/* Can the codec represent c? (Surrogates never, except through surrogatepass.) */
static bool encodable(int codec, uint32_t c)
{
    switch (codec) {
    case PYL_CODEC_ASCII:
        return c < 0x80;
    case PYL_CODEC_LATIN1:
        return c < 0x100;
    case PYL_CODEC_CP1252:
        return cp1252_byte(c) >= 0;
    case PYL_CODEC_UNICODE_ESCAPE:
    case PYL_CODEC_RAW_UNICODE_ESCAPE:
        return true;
    default:
        return c < 0xD800 || c > 0xDFFF;
    }
}

/* Append code point c (encodable, or a surrogate for surrogatepass). */
static int emit(Enc *e, uint32_t c)
{
    PylBuf *b = &e->b;
    if (pyl_buf_reserve(e->t, b, 10) < 0) {
        return -1;
    }
    char *w = b->data + b->len;
    switch (e->codec) {
    case PYL_CODEC_UTF8:
    case PYL_CODEC_UTF8_SIG:
        b->len += pyl_utf8_encode(c, w);
        return 0;
    case PYL_CODEC_ASCII:
    case PYL_CODEC_LATIN1:
        w[0] = (char)c;
        b->len++;
        return 0;
    case PYL_CODEC_CP1252:
        w[0] = (char)cp1252_byte(c);
        b->len++;
        return 0;
    case PYL_CODEC_UTF16:
    case PYL_CODEC_UTF16_LE:
    case PYL_CODEC_UTF16_BE: {
        bool be = e->codec == PYL_CODEC_UTF16_BE;
        if (c >= 0x10000) {
            c -= 0x10000;
            put16(w, 0xD800 | (c >> 10), be);
            put16(w + 2, 0xDC00 | (c & 0x3FF), be);
            b->len += 4;
        } else {
            put16(w, c, be);
            b->len += 2;
        }
        return 0;
    }
    case PYL_CODEC_UTF32:
    case PYL_CODEC_UTF32_LE:
    case PYL_CODEC_UTF32_BE:
        put32(w, c, e->codec == PYL_CODEC_UTF32_BE);
        b->len += 4;
        return 0;
    case PYL_CODEC_UNICODE_ESCAPE:
        if (c == '\\') {
            return pyl_buf_append(e->t, b, "\\\\", 2);
        }
        if (c == '\t') {
            return pyl_buf_append(e->t, b, "\\t", 2);
        }
        if (c == '\n') {
            return pyl_buf_append(e->t, b, "\\n", 2);
        }
        if (c == '\r') {
            return pyl_buf_append(e->t, b, "\\r", 2);
        }
        if (c >= 0x20 && c < 0x7F) {
            w[0] = (char)c;
            b->len++;
            return 0;
        }
        if (c < 0x100) {
            return pyl_buf_printf(e->t, b, "\\x%02x", c);
        }
        /* fall through: \u and \U like raw-unicode-escape */
        return pyl_buf_printf(e->t, b, c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
    default: /* raw-unicode-escape */
        if (c < 0x100) {
            w[0] = (char)c;
            b->len++;
            return 0;
        }
        return pyl_buf_printf(e->t, b, c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
    }
}

static int emit_ascii(Enc *e, const char *s, intptr_t n)
{
    for (intptr_t i = 0; i < n; i++) {
        if (emit(e, (unsigned char)s[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static const char *encode_reason(int codec)
{
    switch (codec) {
    case PYL_CODEC_ASCII:
        return "ordinal not in range(128)";
    case PYL_CODEC_LATIN1:
        return "ordinal not in range(256)";
    case PYL_CODEC_CP1252:
        return "character maps to <undefined>";
    default:
        return "surrogates not allowed";
    }
}

/* Handle the unencodable characters [start, end) (char indices), whose UTF-8 is
 * at p[0..plen). */
static int encode_error(Enc *e, intptr_t start, intptr_t end, const char *p, intptr_t plen)
{
    PylThread *t = e->t;
    const char *q = p, *qe = p + plen;
    char tmp[32];
    switch (e->eh) {
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        for (intptr_t i = start; i < end; i++) {
            if (emit(e, '?') < 0) {
                return -1;
            }
        }
        return 0;
    case EH_BACKSLASH:
        while (q < qe) {
            uint32_t c = pyl_utf8_next(&q);
            int n = snprintf(tmp, sizeof tmp,
                             c < 0x100     ? "\\x%02x"
                             : c < 0x10000 ? "\\u%04x"
                                           : "\\U%08x",
                             c);
            if (emit_ascii(e, tmp, n) < 0) {
                return -1;
            }
        }
        return 0;
    case EH_XMLCHARREF:
        while (q < qe) {
            uint32_t c = pyl_utf8_next(&q);
            int n = snprintf(tmp, sizeof tmp, "&#%u;", c);
            if (emit_ascii(e, tmp, n) < 0) {
                return -1;
            }
        }
        return 0;
    case EH_NAMEREPLACE:
        /* no code point -> name table in the runtime yet: CPython's form for
         * characters without a name */
        while (q < qe) {
            uint32_t c = pyl_utf8_next(&q);
            int n = snprintf(tmp, sizeof tmp,
                             c < 0x100     ? "\\x%02x"
                             : c < 0x10000 ? "\\u%04x"
                                           : "\\U%08x",
                             c);
            if (emit_ascii(e, tmp, n) < 0) {
                return -1;
            }
        }
        return 0;
    case EH_SURROGATEESCAPE: {
        /* U+DC80..U+DCFF give back the byte they escape. UTF-16/32 cannot take a
         * single byte: an error. ASCII, Latin-1 and UTF-8 write the escapable
         * prefix of the run and report the rest; the charmap codec (cp1252) takes
         * the run whole or not at all (as CPython's encoders do). */
        if (e->codec != PYL_CODEC_UTF8 && e->codec != PYL_CODEC_ASCII &&
            e->codec != PYL_CODEC_LATIN1 && e->codec != PYL_CODEC_CP1252) {
            goto strict;
        }
        const char *r = q;
        intptr_t k = start;
        while (r < qe) {
            const char *at = r;
            uint32_t c = pyl_utf8_next(&r);
            if (c < 0xDC80 || c > 0xDCFF) {
                if (e->codec == PYL_CODEC_CP1252) {
                    goto strict;
                }
                r = at;
                break;
            }
            k++;
        }
        while (q < r) {
            uint32_t c = pyl_utf8_next(&q);
            if (pyl_buf_putc(t, &e->b, (char)(c - 0xDC00)) < 0) {
                return -1;
            }
        }
        if (k == end) {
            return 0;
        }
        start = k;
        goto strict;
    }
    case EH_SURROGATEPASS: {
        if (e->codec == PYL_CODEC_ASCII || e->codec == PYL_CODEC_LATIN1 ||
            e->codec == PYL_CODEC_CP1252) {
            goto strict;
        }
        const char *r = q;
        while (r < qe) {
            uint32_t c = pyl_utf8_next(&r);
            if (c < 0xD800 || c > 0xDFFF) {
                goto strict;
            }
        }
        while (q < qe) {
            if (emit(e, pyl_utf8_next(&q)) < 0) {
                return -1;
            }
        }
        return 0;
    }
    case EH_UNKNOWN:
        unknown_handler(t, e->errors);
        return -1;
    default:
        break;
    }
strict:
    raise_unicode_error(t, PYL_EXC(t, UnicodeEncodeError), e->ename, e->str, start, end,
                        encode_reason(e->codec));
    return -1;
}

/* The generic encoder: every code point through emit(), runs of unencodable ones
 * through the error handler. */
static PylObject *encode_generic(PylThread *t, PylObject *s, int codec, const char *errors,
                                 const char *ename)
{
    Enc e = {t, s, codec, ename, errors, error_handler(errors), {0}};
    pyl_buf_init(&e.b);
    const char *p = PYL_STR_DATA(s), *end = p + PYL_STR_NBYTES(s);
    intptr_t per = codec >= PYL_CODEC_UTF32 && codec <= PYL_CODEC_UTF32_BE   ? 4
                   : codec >= PYL_CODEC_UTF16 && codec <= PYL_CODEC_UTF16_BE ? 2
                                                                             : 1;
    if (pyl_buf_reserve(t, &e.b, PYL_STR_LEN(s) * per + 4) < 0) {
        return NULL;
    }
    if (codec == PYL_CODEC_UTF16 || codec == PYL_CODEC_UTF32) {
        /* BOM, then little-endian like the machine this runs on */
        if (emit(&e, 0xFEFF) < 0) {
            goto error;
        }
        e.codec = codec == PYL_CODEC_UTF16 ? PYL_CODEC_UTF16_LE : PYL_CODEC_UTF32_LE;
    } else if (codec == PYL_CODEC_UTF8_SIG) {
        if (pyl_buf_append(t, &e.b, "\xef\xbb\xbf", 3) < 0) {
            goto error;
        }
        e.codec = PYL_CODEC_UTF8;
    }
    intptr_t i = 0;
    while (p < end) {
        const char *at = p;
        uint32_t c = pyl_utf8_next(&p);
        if (PYL_LIKELY(encodable(e.codec, c))) {
            if (c < 0x80 && per == 1 && codec != PYL_CODEC_UNICODE_ESCAPE) {
                if (pyl_buf_putc(t, &e.b, (char)c) < 0) {
                    goto error;
                }
            } else if (emit(&e, c) < 0) {
                goto error;
            }
            i++;
            continue;
        }
        intptr_t j = i + 1;
        /* UTF-16/32 handle one character at a time, the others whole runs */
        bool per_char = e.codec >= PYL_CODEC_UTF16 && e.codec <= PYL_CODEC_UTF32_BE;
        while (p < end && !per_char) {
            const char *q = p;
            uint32_t d = pyl_utf8_next(&q);
            if (encodable(e.codec, d)) {
                break;
            }
            p = q;
            j++;
        }
        if (encode_error(&e, i, j, at, p - at) < 0) {
            goto error;
        }
        i = j;
    }
    return pyl_bytes_from_buf(t, &e.b);
error:
    pyl_buf_free(t, &e.b);
    return NULL;
}

/* Does s contain a surrogate (encoded as ED A0..BF xx)? */
static bool has_surrogate(PylObject *s)
{
    const unsigned char *p = (const unsigned char *)PYL_STR_DATA(s);
    intptr_t n = PYL_STR_NBYTES(s);
    const unsigned char *q = p, *end = p + n;
    while ((q = memchr(q, 0xED, (size_t)(end - q))) != NULL) {
        if (q + 1 < end && q[1] >= 0xA0) {
            return true;
        }
        q++;
    }
    return false;
}

PylObject *pyl_codec_encode_id(PylThread *t, PylObject *s, int codec, const char *errors)
{
    intptr_t n = PYL_STR_NBYTES(s);
    switch (codec) {
    case PYL_CODEC_UTF8:
        if (PYL_STR_IS_ASCII(s) || !has_surrogate(s)) {
            return pyl_bytes_new(t, PYL_STR_DATA(s), n);
        }
        return encode_generic(t, s, codec, errors, "utf-8");
    case PYL_CODEC_UTF8_SIG:
        return encode_generic(t, s, codec, errors, "utf-8");
    case PYL_CODEC_ASCII:
    case PYL_CODEC_LATIN1:
    case PYL_CODEC_CP1252:
        if (PYL_STR_IS_ASCII(s)) {
            return pyl_bytes_new(t, PYL_STR_DATA(s), n);
        }
        return encode_generic(t, s, codec, errors,
                              codec == PYL_CODEC_ASCII    ? "ascii"
                              : codec == PYL_CODEC_LATIN1 ? "latin-1"
                                                          : "charmap");
    case PYL_CODEC_UNICODE_ESCAPE:
        return encode_generic(t, s, codec, errors, "unicodeescape");
    case PYL_CODEC_RAW_UNICODE_ESCAPE:
        return encode_generic(t, s, codec, errors, "rawunicodeescape");
    default:
        return encode_generic(t, s, codec, errors, canonical[codec]);
    }
}

PylObject *pyl_codec_encode(PylThread *t, PylObject *s, const char *encoding, const char *errors)
{
    int codec = pyl_codec_lookup(encoding);
    if (codec < 0) {
        return unknown_encoding(t, encoding, true);
    }
    return pyl_codec_encode_id(t, s, codec, errors);
}

/* ---- decoding ----------------------------------------------------------------------- */

typedef struct Dec {
    PylThread *t;
    const unsigned char *data;
    intptr_t n;
    int codec;
    const char *ename;
    const char *errors;
    int eh;
    PylObject *bytes; /* the input as a bytes object, made for the first exception */
    PylBuf b;
} Dec;

static void dec_init(Dec *d, PylThread *t, const char *data, intptr_t n, int codec,
                     const char *ename, const char *errors)
{
    d->t = t;
    d->data = (const unsigned char *)data;
    d->n = n;
    d->codec = codec;
    d->ename = ename;
    d->errors = errors;
    d->eh = error_handler(errors);
    d->bytes = NULL;
    pyl_buf_init(&d->b);
}

static PylObject *dec_finish(Dec *d)
{
    pyl_xdecref(d->t, d->bytes);
    return pyl_buf_finish_str(d->t, &d->b);
}

static PylObject *dec_fail(Dec *d)
{
    pyl_xdecref(d->t, d->bytes);
    pyl_buf_free(d->t, &d->b);
    return NULL;
}

static void dec_raise(Dec *d, intptr_t start, intptr_t end, const char *reason)
{
    if (d->bytes == NULL) {
        d->bytes = pyl_bytes_new(d->t, d->data, d->n);
        if (d->bytes == NULL) {
            return;
        }
    }
    raise_unicode_error(d->t, PYL_EXC(d->t, UnicodeDecodeError), d->ename, d->bytes, start, end,
                        reason);
}

/* Length of a surrogate encoded at data[i] in the codec (surrogatepass), with its
 * value in *cp, or 0. */
static int surrogate_at(Dec *d, intptr_t i, uint32_t *cp)
{
    const unsigned char *p = d->data + i;
    intptr_t avail = d->n - i;
    uint32_t c;
    switch (d->codec) {
    case PYL_CODEC_UTF8:
    case PYL_CODEC_UTF8_SIG:
        if (avail >= 3 && p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && (p[2] & 0xC0) == 0x80) {
            *cp = 0xD000 | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            return 3;
        }
        return 0;
    case PYL_CODEC_UTF16_LE:
    case PYL_CODEC_UTF16_BE:
        if (avail < 2) {
            return 0;
        }
        c = d->codec == PYL_CODEC_UTF16_BE ? (uint32_t)(p[0] << 8 | p[1])
                                           : (uint32_t)(p[1] << 8 | p[0]);
        if (c >= 0xD800 && c <= 0xDFFF) {
            *cp = c;
            return 2;
        }
        return 0;
    case PYL_CODEC_UTF32_LE:
    case PYL_CODEC_UTF32_BE:
        if (avail < 4) {
            return 0;
        }
        c = d->codec == PYL_CODEC_UTF32_BE
                ? ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3])
                : ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]);
        if (c >= 0xD800 && c <= 0xDFFF) {
            *cp = c;
            return 4;
        }
        return 0;
    default:
        return 0;
    }
}

/* Handle the undecodable bytes [start, end): append the replacement and set
 * *resume to where decoding continues. 0 or -1. */
static int decode_error(Dec *d, intptr_t start, intptr_t end, const char *reason, intptr_t *resume)
{
    PylThread *t = d->t;
    *resume = end;
    switch (d->eh) {
    case EH_STRICT:
        break;
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        return pyl_buf_put_codepoint(t, &d->b, 0xFFFD);
    case EH_BACKSLASH:
        for (intptr_t i = start; i < end; i++) {
            if (pyl_buf_printf(t, &d->b, "\\x%02x", d->data[i]) < 0) {
                return -1;
            }
        }
        return 0;
    case EH_SURROGATEESCAPE: {
        /* up to 4 leading bytes >= 0x80 become U+DC80..U+DCFF; decoding resumes
         * after them (CPython's handler) */
        intptr_t i = start;
        while (i < end && i - start < 4 && d->data[i] >= 0x80) {
            if (pyl_buf_put_codepoint(t, &d->b, 0xDC00 + d->data[i]) < 0) {
                return -1;
            }
            i++;
        }
        if (i == start) {
            goto strict;
        }
        *resume = i;
        return 0;
    }
    case EH_SURROGATEPASS: {
        uint32_t cp;
        int l = surrogate_at(d, start, &cp);
        if (l == 0) {
            break;
        }
        *resume = start + l;
        return pyl_buf_put_codepoint(t, &d->b, cp);
    }
    case EH_UNKNOWN:
        unknown_handler(t, d->errors);
        return -1;
    default:
        pyl_err_format(t, PYL_EXC(t, TypeError),
                       "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    }
strict:
    dec_raise(d, start, end, reason);
    return -1;
}

/* ---- UTF-8 ---- */

/* The second byte's valid range after lead byte c (CPython's: no overlong forms,
 * no surrogates, nothing past U+10FFFF). */
static inline bool second_ok(unsigned c, unsigned b)
{
    switch (c) {
    case 0xE0:
        return b >= 0xA0 && b <= 0xBF;
    case 0xED:
        return b >= 0x80 && b <= 0x9F;
    case 0xF0:
        return b >= 0x90 && b <= 0xBF;
    case 0xF4:
        return b >= 0x80 && b <= 0x8F;
    default:
        return b >= 0x80 && b <= 0xBF;
    }
}

/* Length of the valid UTF-8 prefix of p[0..n), counting its code points into
 * *nchars and clearing *ascii when it has any non-ASCII one. */
static intptr_t utf8_valid_prefix(const unsigned char *p, intptr_t n, intptr_t *nchars, bool *ascii)
{
    intptr_t i = 0, nc = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            /* ASCII run, a word at a time */
            i++;
            nc++;
            while (i + 8 <= n) {
                uint64_t w;
                memcpy(&w, p + i, 8);
                if (w & 0x8080808080808080ULL) {
                    break;
                }
                i += 8;
                nc += 8;
            }
            continue;
        }
        *ascii = false;
        if (c < 0xC2) {
            break;
        }
        if (c < 0xE0) {
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) {
                break;
            }
            i += 2;
        } else if (c < 0xF0) {
            if (i + 2 >= n || !second_ok(c, p[i + 1]) || (p[i + 2] & 0xC0) != 0x80) {
                break;
            }
            i += 3;
        } else if (c < 0xF5) {
            if (i + 3 >= n || !second_ok(c, p[i + 1]) || (p[i + 2] & 0xC0) != 0x80 ||
                (p[i + 3] & 0xC0) != 0x80) {
                break;
            }
            i += 4;
        } else {
            break;
        }
        nc++;
    }
    *nchars += nc;
    return i;
}

/* Classify the invalid sequence at p[i]: its end and reason. Returns true when it
 * is only cut short by the end of the data. */
static bool utf8_error_at(const unsigned char *p, intptr_t i, intptr_t n, intptr_t *end,
                          const char **reason)
{
    unsigned c = p[i];
    if (c < 0xC2 || c > 0xF4) {
        *end = i + 1;
        *reason = "invalid start byte";
        return false;
    }
    int need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (int k = 1; k < need; k++) {
        if (i + k >= n) {
            *end = n;
            *reason = "unexpected end of data";
            return true;
        }
        bool ok = k == 1 ? second_ok(c, p[i + 1]) : (p[i + k] & 0xC0) == 0x80;
        if (!ok) {
            *end = i + k;
            *reason = "invalid continuation byte";
            return false;
        }
    }
    /* not reached for input that utf8_valid_prefix rejected */
    *end = i + need;
    *reason = "invalid continuation byte";
    return false;
}

static PylObject *decode_utf8(PylThread *t, const char *s, intptr_t n, const char *errors,
                              bool final, intptr_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    intptr_t nchars = 0;
    bool ascii = true;
    intptr_t i = utf8_valid_prefix(p, n, &nchars, &ascii);
    if (i == n) {
        if (consumed) {
            *consumed = n;
        }
        return pyl_str_new_counted(t, s, n, nchars, ascii);
    }
    Dec d;
    dec_init(&d, t, s, n, PYL_CODEC_UTF8, "utf-8", errors);
    if (pyl_buf_append(t, &d.b, s, i) < 0) {
        return dec_fail(&d);
    }
    while (i < n) {
        intptr_t end;
        const char *reason;
        if (utf8_error_at(p, i, n, &end, &reason) && !final) {
            break;
        }
        intptr_t resume;
        if (decode_error(&d, i, end, reason, &resume) < 0) {
            return dec_fail(&d);
        }
        i = resume;
        intptr_t ok = utf8_valid_prefix(p + i, n - i, &nchars, &ascii);
        if (pyl_buf_append(t, &d.b, s + i, ok) < 0) {
            return dec_fail(&d);
        }
        i += ok;
    }
    if (consumed) {
        *consumed = i;
    }
    return dec_finish(&d);
}

PylObject *pyl_codec_decode_utf8(PylThread *t, const char *data, intptr_t n, const char *errors)
{
    return decode_utf8(t, data, n, errors, true, NULL);
}

/* ---- single-byte codecs ---- */

static PylObject *decode_ascii(PylThread *t, const char *s, intptr_t n, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    intptr_t i = 0;
    while (i < n && p[i] < 0x80) {
        i++;
    }
    if (i == n) {
        return pyl_str_new_counted(t, s, n, n, true);
    }
    Dec d;
    dec_init(&d, t, s, n, PYL_CODEC_ASCII, "ascii", errors);
    intptr_t start = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        intptr_t resume;
        if (pyl_buf_append(t, &d.b, s + start, i - start) < 0 ||
            decode_error(&d, i, i + 1, "ordinal not in range(128)", &resume) < 0) {
            return dec_fail(&d);
        }
        i = start = resume;
    }
    if (pyl_buf_append(t, &d.b, s + start, n - start) < 0) {
        return dec_fail(&d);
    }
    return dec_finish(&d);
}

static PylObject *decode_cp1252(PylThread *t, const char *s, intptr_t n, const char *errors)
{
    Dec d;
    dec_init(&d, t, s, n, PYL_CODEC_CP1252, "charmap", errors);
    if (pyl_buf_reserve(t, &d.b, n) < 0) {
        return dec_fail(&d);
    }
    for (intptr_t i = 0; i < n;) {
        unsigned c = d.data[i];
        uint32_t cp = (c >= 0x80 && c < 0xA0) ? cp1252_high[c - 0x80] : c;
        if (cp == 0 && c != 0) {
            intptr_t resume;
            if (decode_error(&d, i, i + 1, "character maps to <undefined>", &resume) < 0) {
                return dec_fail(&d);
            }
            i = resume;
            continue;
        }
        if (pyl_buf_put_codepoint(t, &d.b, cp) < 0) {
            return dec_fail(&d);
        }
        i++;
    }
    return dec_finish(&d);
}

/* ---- UTF-16 / UTF-32 ---- */

static PylObject *decode_utf16(PylThread *t, const char *s, intptr_t n, int codec,
                               const char *errors, bool final, intptr_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    intptr_t i = 0;
    if (codec == PYL_CODEC_UTF16) {
        codec = PYL_CODEC_UTF16_LE;
        if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
            i = 2;
        } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
            codec = PYL_CODEC_UTF16_BE;
            i = 2;
        }
    }
    bool be = codec == PYL_CODEC_UTF16_BE;
    Dec d;
    dec_init(&d, t, s, n, codec, be ? "utf-16-be" : "utf-16-le", errors);
    if (pyl_buf_reserve(t, &d.b, n) < 0) {
        return dec_fail(&d);
    }
#define UNIT(k) (be ? (uint32_t)(p[k] << 8 | p[(k) + 1]) : (uint32_t)(p[(k) + 1] << 8 | p[k]))
    while (i < n) {
        const char *reason;
        intptr_t end;
        if (n - i < 2) {
            if (!final) {
                break;
            }
            reason = "truncated data";
            end = n;
        } else {
            uint32_t u = UNIT(i);
            if (u < 0xD800 || u > 0xDFFF) {
                if (pyl_buf_put_codepoint(t, &d.b, u) < 0) {
                    return dec_fail(&d);
                }
                i += 2;
                continue;
            }
            if (u >= 0xDC00) {
                reason = "illegal encoding";
                end = i + 2;
            } else if (n - i < 4) {
                if (!final) {
                    break;
                }
                reason = "unexpected end of data";
                end = n;
            } else {
                uint32_t v = UNIT(i + 2);
                if (v >= 0xDC00 && v <= 0xDFFF) {
                    uint32_t cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                    if (pyl_buf_put_codepoint(t, &d.b, cp) < 0) {
                        return dec_fail(&d);
                    }
                    i += 4;
                    continue;
                }
                reason = "illegal UTF-16 surrogate";
                end = i + 2;
            }
        }
        intptr_t resume;
        if (decode_error(&d, i, end, reason, &resume) < 0) {
            return dec_fail(&d);
        }
        i = resume;
    }
#undef UNIT
    if (consumed) {
        *consumed = i;
    }
    return dec_finish(&d);
}

static PylObject *decode_utf32(PylThread *t, const char *s, intptr_t n, int codec,
                               const char *errors, bool final, intptr_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    intptr_t i = 0;
    if (codec == PYL_CODEC_UTF32) {
        codec = PYL_CODEC_UTF32_LE;
        if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
            i = 4;
        } else if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
            codec = PYL_CODEC_UTF32_BE;
            i = 4;
        }
    }
    bool be = codec == PYL_CODEC_UTF32_BE;
    Dec d;
    dec_init(&d, t, s, n, codec, be ? "utf-32-be" : "utf-32-le", errors);
    if (pyl_buf_reserve(t, &d.b, n) < 0) {
        return dec_fail(&d);
    }
    while (i < n) {
        const char *reason;
        intptr_t end;
        if (n - i < 4) {
            if (!final) {
                break;
            }
            reason = "truncated data";
            end = n;
        } else {
            uint32_t c = be ? ((uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
                               (uint32_t)p[i + 2] << 8 | p[i + 3])
                            : ((uint32_t)p[i + 3] << 24 | (uint32_t)p[i + 2] << 16 |
                               (uint32_t)p[i + 1] << 8 | p[i]);
            if (c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)) {
                if (pyl_buf_put_codepoint(t, &d.b, c) < 0) {
                    return dec_fail(&d);
                }
                i += 4;
                continue;
            }
            reason = c > 0x10FFFF ? "code point not in range(0x110000)"
                                  : "code point in surrogate code point range(0xd800, 0xe000)";
            end = i + 4;
        }
        intptr_t resume;
        if (decode_error(&d, i, end, reason, &resume) < 0) {
            return dec_fail(&d);
        }
        i = resume;
    }
    if (consumed) {
        *consumed = i;
    }
    return dec_finish(&d);
}

/* ---- unicode-escape / raw-unicode-escape ---- */

static int hexval(unsigned c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return (int)(c - 'a' + 10);
    }
    return -1;
}

static PylObject *decode_escape(PylThread *t, const char *s, intptr_t n, bool raw,
                                const char *errors)
{
    Dec d;
    dec_init(&d, t, s, n, raw ? PYL_CODEC_RAW_UNICODE_ESCAPE : PYL_CODEC_UNICODE_ESCAPE,
             raw ? "rawunicodeescape" : "unicodeescape", errors);
    const unsigned char *p = d.data;
    if (pyl_buf_reserve(t, &d.b, n) < 0) {
        return dec_fail(&d);
    }
    intptr_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c != '\\') {
            if (pyl_buf_put_codepoint(t, &d.b, c) < 0) {
                return dec_fail(&d);
            }
            i++;
            continue;
        }
        intptr_t start = i;
        if (raw) {
            /* only \u and \U after an odd number of backslashes are escapes */
            intptr_t k = i;
            while (k < n && p[k] == '\\') {
                k++;
            }
            intptr_t nb = k - i;
            if (k >= n || (p[k] != 'u' && p[k] != 'U') || nb % 2 == 0) {
                for (intptr_t j = i; j < k; j++) {
                    if (pyl_buf_putc(t, &d.b, '\\') < 0) {
                        return dec_fail(&d);
                    }
                }
                i = k;
                continue;
            }
            for (intptr_t j = i; j < k - 1; j++) {
                if (pyl_buf_putc(t, &d.b, '\\') < 0) {
                    return dec_fail(&d);
                }
            }
            start = i = k - 1;
        }
        if (i + 1 >= n) {
            intptr_t resume;
            if (decode_error(&d, start, n, "\\ at end of string", &resume) < 0) {
                return dec_fail(&d);
            }
            i = resume;
            continue;
        }
        unsigned e = p[i + 1];
        i += 2;
        int digits = 0;
        const char *what = NULL;
        uint32_t out;
        switch (e) {
        case '\n':
            continue;
        case '\\':
            out = '\\';
            break;
        case '\'':
            out = '\'';
            break;
        case '"':
            out = '"';
            break;
        case 'b':
            out = 8;
            break;
        case 'f':
            out = 12;
            break;
        case 't':
            out = 9;
            break;
        case 'n':
            out = 10;
            break;
        case 'r':
            out = 13;
            break;
        case 'v':
            out = 11;
            break;
        case 'a':
            out = 7;
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
            out = e - '0';
            for (int k = 0; k < 2 && i < n && p[i] >= '0' && p[i] <= '7'; k++) {
                out = out * 8 + (p[i++] - '0');
            }
            break;
        case 'x':
            digits = 2;
            what = "truncated \\xXX escape";
            break;
        case 'u':
            digits = 4;
            what = "truncated \\uXXXX escape";
            break;
        case 'U':
            digits = 8;
            what = "truncated \\UXXXXXXXX escape";
            break;
        case 'N': {
            const char *reason = "malformed \\N character escape";
            intptr_t end = i;
            if (i < n && p[i] == '{') {
                const unsigned char *close = memchr(p + i + 1, '}', (size_t)(n - i - 1));
                if (close != NULL && close > p + i + 1) {
                    long cp =
                        pyl_unicode_lookup((const char *)p + i + 1, (size_t)(close - (p + i + 1)));
                    end = close - p + 1;
                    if (cp >= 0) {
                        out = (uint32_t)cp;
                        i = end;
                        break;
                    }
                    reason = "unknown Unicode character name";
                } else if (close == NULL) {
                    end = n;
                } else {
                    end = close - p + 1;
                }
            }
            intptr_t resume;
            if (decode_error(&d, start, end, reason, &resume) < 0) {
                return dec_fail(&d);
            }
            i = resume;
            continue;
        }
        default:
            if (raw) {
                out = e; /* not reached: raw only escapes u/U */
                break;
            }
            /* an unknown escape keeps its backslash */
            if (pyl_buf_putc(t, &d.b, '\\') < 0 || pyl_buf_put_codepoint(t, &d.b, e) < 0) {
                return dec_fail(&d);
            }
            continue;
        }
        if (digits > 0) {
            out = 0;
            int k = 0;
            for (; k < digits && i < n; k++, i++) {
                int v = hexval(p[i]);
                if (v < 0) {
                    break;
                }
                out = out * 16 + (uint32_t)v;
            }
            if (k < digits) {
                intptr_t resume;
                if (decode_error(&d, start, i, what, &resume) < 0) {
                    return dec_fail(&d);
                }
                i = resume;
                continue;
            }
            if (out > 0x10FFFF) {
                intptr_t resume;
                if (decode_error(&d, start, i,
                                 raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character",
                                 &resume) < 0) {
                    return dec_fail(&d);
                }
                i = resume;
                continue;
            }
        }
        if (pyl_buf_put_codepoint(t, &d.b, out) < 0) {
            return dec_fail(&d);
        }
    }
    return dec_finish(&d);
}

/* ---- entry points ---- */

PylObject *pyl_codec_decode_ex(PylThread *t, const char *data, intptr_t n, int codec,
                               const char *errors, bool final, intptr_t *consumed)
{
    if (consumed != NULL) {
        *consumed = n;
    }
    switch (codec) {
    case PYL_CODEC_UTF8:
        return decode_utf8(t, data, n, errors, final, consumed);
    case PYL_CODEC_UTF8_SIG:
        if (n >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
            PylObject *r = decode_utf8(t, data + 3, n - 3, errors, final, consumed);
            if (r != NULL && consumed != NULL) {
                *consumed += 3;
            }
            return r;
        }
        if (!final && n < 3 && memcmp(data, "\xef\xbb\xbf", (size_t)n) == 0) {
            if (consumed != NULL) {
                *consumed = 0;
            }
            return pyl_incref(t->vm->empty_str);
        }
        return decode_utf8(t, data, n, errors, final, consumed);
    case PYL_CODEC_ASCII:
        return decode_ascii(t, data, n, errors);
    case PYL_CODEC_LATIN1:
        return pyl_str_from_latin1(t, data, n);
    case PYL_CODEC_CP1252:
        return decode_cp1252(t, data, n, errors);
    case PYL_CODEC_UTF16:
    case PYL_CODEC_UTF16_LE:
    case PYL_CODEC_UTF16_BE:
        return decode_utf16(t, data, n, codec, errors, final, consumed);
    case PYL_CODEC_UTF32:
    case PYL_CODEC_UTF32_LE:
    case PYL_CODEC_UTF32_BE:
        return decode_utf32(t, data, n, codec, errors, final, consumed);
    case PYL_CODEC_UNICODE_ESCAPE:
        return decode_escape(t, data, n, false, errors);
    default:
        return decode_escape(t, data, n, true, errors);
    }
}

PylObject *pyl_codec_decode(PylThread *t, const char *data, intptr_t n, const char *encoding,
                            const char *errors)
{
    int codec = pyl_codec_lookup(encoding);
    if (codec < 0) {
        return unknown_encoding(t, encoding, false);
    }
    return pyl_codec_decode_ex(t, data, n, codec, errors, true, NULL);
}
