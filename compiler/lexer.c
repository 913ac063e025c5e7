/* lexer.c — Python 3.11 tokenizer.
 *
 * A re-implementation of the behaviour of CPython's Parser/tokenizer.c for
 * file input: the same tokens with the same positions, the same errors at the
 * same places. Comments below name the CPython behaviour being matched where it
 * is not obvious.
 *
 * Reading model: nextc() hands out the bytes of the normalised source one by one.
 * Like CPython, a new line "begins" (lineno, line_start advance) only when its
 * first byte is requested, so after the '\n' of line N has been read the lexer
 * still stands on line N. backup() steps back over the byte just read.
 */
#include "compiler/lexer.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_names.h"

#define EOFC (-1)
#define PYL_LEX_LIKELY(x) __builtin_expect(!!(x), 1)
#define TABSIZE 8
#define ALTTABSIZE 1

static const char *const token_names[TOK__COUNT] = {
#define PYL_TOK_NAME_(k, s) s,
    PYL_TOKEN_LIST(PYL_TOK_NAME_) PYL_KEYWORD_LIST(PYL_TOK_NAME_)
#undef PYL_TOK_NAME_
};

const char *pyl_token_name(PylTokKind k)
{
    return (unsigned)k < TOK__COUNT ? token_names[k] : "?";
}

/* ---- UTF-8 -------------------------------------------------------------- */

int pyl_lex_utf8_decode(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        return 0;
    }
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    int len;
    unsigned c, min;
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        len = 2, c = u[0] & 0x1F, min = 0x80;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        len = 3, c = u[0] & 0x0F, min = 0x800;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        len = 4, c = u[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n) {
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF) {
        return 0;
    }
    *cp = c;
    return len;
}

int pyl_lex_utf8_encode(unsigned cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int pyl_lex_utf8_chars(const char *s, size_t nbytes)
{
    int n = 0;
    for (size_t i = 0; i < nbytes; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* ---- Unicode tables ----------------------------------------------------- */

static int in_ranges(const unsigned int (*r)[2], int n, unsigned cp)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < r[mid][0]) {
            hi = mid - 1;
        } else if (cp > r[mid][1]) {
            lo = mid + 1;
        } else {
            return 1;
        }
    }
    return 0;
}

int pyl_lex_isprintable(unsigned cp)
{
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return cp <= 0x10FFFF && !in_ranges(pyl_unonprint, pyl_unonprint_N, cp);
}

int pyl_unicode_is_xid_start(unsigned cp)
{
    return in_ranges(pyl_uxid_start, pyl_uxid_start_N, cp);
}

int pyl_unicode_is_xid_continue(unsigned cp)
{
    return in_ranges(pyl_uxid_continue, pyl_uxid_continue_N, cp);
}

/* Hangul syllable name parts (Unicode chapter 3.12). */
static const char *const hangul_l[19] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                         "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
static const char *const hangul_v[21] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                         "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                         "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
static const char *const hangul_t[28] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                         "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                         "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};

/* Longest of the n names in tab that prefixes s[0..len); its index or -1. */
static int longest_prefix(const char *const *tab, int n, const char *s, size_t len, size_t *used)
{
    int best = -1;
    size_t bestlen = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(tab[i]);
        if (l <= len && memcmp(tab[i], s, l) == 0 && (best < 0 || l > bestlen)) {
            best = i;
            bestlen = l;
        }
    }
    *used = bestlen;
    return best;
}

static long lookup_hangul(const char *s, size_t len)
{
    size_t u;
    int l = longest_prefix(hangul_l, 19, s, len, &u);
    if (l < 0) {
        return -1;
    }
    s += u, len -= u;
    int v = longest_prefix(hangul_v, 21, s, len, &u);
    if (v < 0) {
        return -1;
    }
    s += u, len -= u;
    int t = longest_prefix(hangul_t, 28, s, len, &u);
    if (t < 0 || u != len) {
        return -1;
    }
    return 0xAC00 + (l * 21 + v) * 28 + t;
}

/* CJK unified ideograph ranges of Unicode 14.0 (those CPython 3.11 names). */
static int is_unified_ideograph(unsigned c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B738) ||
           (c >= 0x2B740 && c <= 0x2B81D) || (c >= 0x2B820 && c <= 0x2CEA1) ||
           (c >= 0x2CEB0 && c <= 0x2EBE0) || (c >= 0x30000 && c <= 0x3134A);
}

/* Compares the upper-cased key[0..klen) with name[0..nlen). */
static int cmp_upper(const char *key, size_t klen, const unsigned char *name, size_t nlen)
{
    size_t n = klen < nlen ? klen : nlen;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)key[i];
        if (a >= 'a' && a <= 'z') {
            a -= 32;
        }
        if (a != name[i]) {
            return a < name[i] ? -1 : 1;
        }
    }
    return klen < nlen ? -1 : klen > nlen ? 1 : 0;
}

long pyl_unicode_lookup(const char *name, size_t len)
{
    if (len > 16 && memcmp(name, "HANGUL SYLLABLE ", 16) == 0) {
        long c = lookup_hangul(name + 16, len - 16);
        if (c >= 0) {
            return c;
        }
    }
    if (len > 22 && memcmp(name, "CJK UNIFIED IDEOGRAPH-", 22) == 0) {
        size_t nd = len - 22;
        if (nd == 4 || nd == 5) {
            unsigned c = 0;
            size_t i;
            for (i = 22; i < len; i++) {
                char ch = name[i];
                if (ch >= '0' && ch <= '9') {
                    c = c * 16 + (unsigned)(ch - '0');
                } else if (ch >= 'A' && ch <= 'F') {
                    c = c * 16 + (unsigned)(ch - 'A' + 10);
                } else {
                    break;
                }
            }
            if (i == len && is_unified_ideograph(c)) {
                return c;
            }
        }
        return -1;
    }
    /* Binary search over the block heads (each stored whole), then scan one block. */
    int lo = 0, hi = PYL_UNAME_NBLOCKS - 1, blk = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const unsigned char *e = pyl_uname_data + pyl_uname_block[mid];
        int r = cmp_upper(name, len, e + 2, e[1]);
        if (r < 0) {
            hi = mid - 1;
        } else {
            blk = mid;
            lo = mid + 1;
            if (r == 0) {
                break;
            }
        }
    }
    if (blk < 0) {
        return -1;
    }
    unsigned char cur[256];
    const unsigned char *e = pyl_uname_data + pyl_uname_block[blk];
    const unsigned char *stop = pyl_uname_data + pyl_uname_block[blk + 1];
    while (e < stop) {
        size_t pl = e[0], sl = e[1];
        memcpy(cur + pl, e + 2, sl);
        const unsigned char *c = e + 2 + sl;
        int r = cmp_upper(name, len, cur, pl + sl);
        if (r == 0) {
            return ((long)c[0] << 16) | ((long)c[1] << 8) | c[2];
        }
        if (r < 0) {
            break;
        }
        e = c + 3;
    }
    return -1;
}

/* ---- NFKC (identifiers, PEP 3131) ----------------------------------------- */

#define SBASE 0xAC00
#define LBASE 0x1100
#define VBASE 0x1161
#define TBASE 0x11A7
#define LCOUNT 19
#define VCOUNT 21
#define TCOUNT 28
#define NCOUNT (VCOUNT * TCOUNT)
#define SCOUNT (LCOUNT * NCOUNT)

static int ccc_of(unsigned cp)
{
    int lo = 0, hi = pyl_uccc_N - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < pyl_uccc[mid][0]) {
            hi = mid - 1;
        } else if (cp > pyl_uccc[mid][0]) {
            lo = mid + 1;
        } else {
            return (int)pyl_uccc[mid][1];
        }
    }
    return 0;
}

/* A growable array of code points. */
typedef struct CpBuf {
    unsigned *v;
    size_t n, cap;
} CpBuf;

static int cp_push(CpBuf *b, unsigned cp)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        unsigned *v = realloc(b->v, cap * sizeof *v);
        if (!v) {
            return -1;
        }
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = cp;
    return 0;
}

/* Appends the full compatibility decomposition of cp. */
static int decompose(CpBuf *b, unsigned cp, int depth)
{
    if (cp >= SBASE && cp < SBASE + SCOUNT) {
        unsigned s = cp - SBASE;
        if (cp_push(b, LBASE + s / NCOUNT) < 0 || cp_push(b, VBASE + (s % NCOUNT) / TCOUNT) < 0) {
            return -1;
        }
        return s % TCOUNT ? cp_push(b, TBASE + s % TCOUNT) : 0;
    }
    int lo = 0, hi = pyl_udecomp_N - 1;
    while (lo <= hi && depth < 8) {
        int mid = (lo + hi) / 2;
        if (cp < pyl_udecomp[mid][0]) {
            hi = mid - 1;
        } else if (cp > pyl_udecomp[mid][0]) {
            lo = mid + 1;
        } else {
            unsigned start = pyl_udecomp[mid][1], len = pyl_udecomp[mid][2] & 0xFF;
            for (unsigned k = 0; k < len; k++) {
                if (decompose(b, pyl_udecomp_cps[start + k], depth + 1) < 0) {
                    return -1;
                }
            }
            return 0;
        }
    }
    return cp_push(b, cp);
}

/* The canonical composition of (a, b), or 0. */
static unsigned compose_pair(unsigned a, unsigned b)
{
    if (a >= LBASE && a < LBASE + LCOUNT && b >= VBASE && b < VBASE + VCOUNT) {
        return SBASE + ((a - LBASE) * VCOUNT + (b - VBASE)) * TCOUNT;
    }
    if (a >= SBASE && a < SBASE + SCOUNT && (a - SBASE) % TCOUNT == 0 && b > TBASE &&
        b < TBASE + TCOUNT) {
        return a + (b - TBASE);
    }
    int lo = 0, hi = pyl_ucompose_N - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const unsigned *e = pyl_ucompose[mid];
        if (a < e[0] || (a == e[0] && b < e[1])) {
            hi = mid - 1;
        } else if (a > e[0] || b > e[1]) {
            lo = mid + 1;
        } else {
            return e[2];
        }
    }
    return 0;
}

char *pyl_unicode_nfkc(const char *s, size_t n, size_t *outlen)
{
    CpBuf b = {0};
    char *out = NULL;
    /* decompose */
    for (size_t i = 0; i < n;) {
        unsigned cp;
        int l = pyl_lex_utf8_decode(s + i, n - i, &cp);
        if (l == 0) {
            cp = (unsigned char)s[i], l = 1;
        }
        if (decompose(&b, cp, 0) < 0) {
            goto done;
        }
        i += (size_t)l;
    }
    /* canonical order: a stable sort of each run of non-starters by class */
    for (size_t i = 1; i < b.n; i++) {
        int c = ccc_of(b.v[i]);
        if (c == 0) {
            continue;
        }
        for (size_t j = i; j > 0; j--) {
            int pc = ccc_of(b.v[j - 1]);
            if (pc == 0 || pc <= c) {
                break;
            }
            unsigned t = b.v[j];
            b.v[j] = b.v[j - 1];
            b.v[j - 1] = t;
        }
    }
    /* compose: a character joins the last starter unless blocked */
    size_t w = 0;
    long starter = -1;
    int last_cc = 0;
    for (size_t i = 0; i < b.n; i++) {
        unsigned cp = b.v[i];
        int cc = ccc_of(cp);
        if (starter >= 0) {
            int blocked = w - 1 > (size_t)starter && (last_cc == 0 || last_cc >= cc);
            unsigned comp = blocked ? 0 : compose_pair(b.v[starter], cp);
            if (comp) {
                b.v[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = (long)w;
        }
        last_cc = cc;
        b.v[w++] = cp;
    }
    out = malloc(w * 4 + 1);
    if (out) {
        size_t o = 0;
        for (size_t i = 0; i < w; i++) {
            o += (size_t)pyl_lex_utf8_encode(b.v[i], out + o);
        }
        out[o] = '\0';
        *outlen = o;
    }
done:
    free(b.v);
    return out;
}

/* ---- set-up ------------------------------------------------------------- */

/* The encoding a coding declaration (PEP 263) on line 1 or 2 names, copied into
 * name (lower-cased, '_' as '-'); 0 if there is none. */
static int coding_cookie(const char *s, size_t len, char *name, size_t namesz)
{
    const char *end = s + len;
    for (int line = 0; line < 2 && s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *q = s;
        while (q < le && (*q == ' ' || *q == '\t' || *q == '\f')) {
            q++;
        }
        if (q < le && *q == '#') {
            for (const char *c = q; c + 7 <= le; c++) {
                if (memcmp(c, "coding", 6) != 0 || (c[6] != ':' && c[6] != '=')) {
                    continue;
                }
                const char *v = c + 7;
                while (v < le && (*v == ' ' || *v == '\t')) {
                    v++;
                }
                size_t n = 0;
                while (v < le && n + 1 < namesz &&
                       (isalnum((unsigned char)*v) || *v == '-' || *v == '_' || *v == '.')) {
                    name[n++] = *v == '_' ? '-' : (char)tolower((unsigned char)*v);
                    v++;
                }
                name[n] = '\0';
                if (n > 0) {
                    return 1;
                }
            }
        } else if (q < le && *q != '\r') {
            return 0; /* only a comment or blank line 1 lets line 2 declare one */
        }
        s = nl ? nl + 1 : end;
    }
    return 0;
}

/* Whether the declared encoding is Latin-1 (decoded here) or UTF-8. */
static int is_latin1(const char *name)
{
    static const char *const names[] = {"latin-1",     "latin1",     "latin",      "l1",
                                        "iso-8859-1",  "iso8859-1",  "8859",       "cp819",
                                        "iso-latin-1", "iso-ir-100", "csisolatin1"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i]);
        if (strncmp(name, names[i], n) == 0 && (name[n] == '\0' || name[n] == '-')) {
            return 1;
        }
    }
    return 0;
}

static int is_utf8_name(const char *name)
{
    return strcmp(name, "utf-8") == 0 || strncmp(name, "utf-8-", 6) == 0 ||
           strcmp(name, "utf8") == 0;
}

static int init_error(PylSyntaxError *err, int lineno, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int init_error(PylSyntaxError *err, int lineno, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    memset(err, 0, sizeof *err);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->kind = PYL_SYNTAX_ERROR;
    err->lineno = err->end_lineno = lineno;
    err->offset = err->end_offset = 0;
    return -1;
}

int pyl_lexer_init(PylLexer *lx, const char *src, size_t len, int flags, const char *filename,
                   PylSyntaxError *err)
{
    memset(lx, 0, sizeof *lx);
    lx->err = err;
    lx->flags = flags;
    lx->atbol = 1;
    /* A str source (PYL_LEX_STRING_INPUT) keeps U+FEFF: it is then an error. */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 && !(flags & PYL_LEX_STRING_INPUT)) {
        src += 3, len -= 3;
        lx->had_bom = 1;
    }
    char enc[64];
    lx->has_cookie = coding_cookie(src, len, enc, sizeof enc);
    int latin1 = lx->has_cookie && is_latin1(enc);
    char *o = malloc((latin1 ? 2 * len : len) + 2);
    lx->owned = o;
    lx->buf = lx->end = lx->cur = lx->line_start = lx->line_next = o ? o : "";
    if (!o) {
        return init_error(err, 0, "out of memory");
    }
    size_t n = 0, lstart = 0;
    int lineno = 1;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\r') {
            o[n++] = '\n';
            i += (i + 1 < len && src[i + 1] == '\n') ? 2 : 1;
            lineno++;
            lstart = i;
        } else if (c < 0x80) {
            if (c == 0) {
                return init_error(err, lineno, "source code cannot contain null bytes");
            }
            if (c == '\n') {
                lineno++;
                lstart = i + 1;
            }
            o[n++] = (char)c;
            i++;
        } else if (latin1) {
            n += (size_t)pyl_lex_utf8_encode(c, o + n);
            i++;
        } else {
            unsigned cp;
            int l = pyl_lex_utf8_decode(src + i, len - i, &cp);
            if ((l == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) && lx->has_cookie) {
                if (!is_utf8_name(enc)) {
                    return init_error(err, 0, "unknown encoding: %s", enc);
                }
                return init_error(err, 0,
                                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                  "position %d: invalid %s byte",
                                  c, (int)(i - lstart),
                                  (c >= 0x80 && c < 0xC2) || c > 0xF4 ? "start" : "continuation");
            }
            if (l == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return init_error(err, 0,
                                  "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                                  "but no encoding declared; see https://peps.python.org/pep-0263/ "
                                  "for details",
                                  c, filename ? filename : "<string>", lineno);
            }
            memcpy(o + n, src + i, (size_t)l);
            n += (size_t)l, i += (size_t)l;
        }
    }
    if (n > 0 && o[n - 1] != '\n' && !(flags & PYL_LEX_NO_FINAL_NEWLINE)) {
        o[n++] = '\n';
    }
    o[n] = '\0';
    lx->end = o + n;
    return 0;
}

void pyl_lexer_free(PylLexer *lx)
{
    free(lx->owned);
    lx->owned = NULL;
}

/* ---- reading ------------------------------------------------------------ */

/* nextc's slow path: the first byte of the next line, or the end of input. */
static int __attribute__((noinline)) next_line(PylLexer *lx)
{
    if (lx->cur == lx->end || lx->done != PYL_LEX_OK) {
        if (lx->done == PYL_LEX_OK) {
            lx->done = PYL_LEX_EOF;
        }
        /* CPython's file reader restarts its buffer between tokens, so at EOF
           outside a token the column is 0. */
        if (lx->start == NULL && !(lx->flags & PYL_LEX_STRING_INPUT)) {
            lx->line_start = lx->cur;
        }
        return EOFC;
    }
    lx->line_start = lx->cur;
    if (lx->start == NULL) {
        lx->buf_start = lx->cur;
    }
    lx->lineno++;
    const char *nl = memchr(lx->cur, '\n', (size_t)(lx->end - lx->cur));
    lx->line_next = nl ? nl + 1 : lx->end;
    return (unsigned char)*lx->cur++;
}

static inline int nextc(PylLexer *lx)
{
    if (PYL_LEX_LIKELY(lx->cur != lx->line_next)) {
        return (unsigned char)*lx->cur++;
    }
    return next_line(lx);
}

static void backup(PylLexer *lx, int c)
{
    if (c != EOFC) {
        lx->cur--;
    }
}

PylTokKind pyl_lexer_error(PylLexer *lx, int kind, int col, int end_col, const char *fmt, ...)
{
    PylSyntaxError *e = lx->err;
    va_list ap;
    va_start(ap, fmt);
    memset(e, 0, sizeof *e);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->kind = kind;
    if (col < 0) {
        col = pyl_lex_utf8_chars(lx->line_start, (size_t)(lx->cur - lx->line_start));
    }
    if (end_col < 0) {
        end_col = col;
    }
    e->lineno = e->end_lineno = lx->lineno;
    e->offset = col;
    e->end_offset = end_col;
    lx->done = PYL_LEX_ERROR;
    return TOK_ERRORTOKEN;
}

#define syntaxerror(lx, ...) pyl_lexer_error((lx), PYL_SYNTAX_ERROR, -1, -1, __VA_ARGS__)

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_id_char(int c)
{
    return is_id_start(c) || is_digit(c);
}

/* Reads the rest of a '\' line continuation; returns the first byte of the next
 * line (pushed back) or -1 with lx->done set. */
static int continuation_line(PylLexer *lx)
{
    int c = nextc(lx);
    if (c != '\n') {
        lx->done = PYL_LEX_LINECONT;
        return -1;
    }
    c = nextc(lx);
    if (c == EOFC) {
        lx->done = PYL_LEX_EOF;
        lx->cur = lx->line_next;
        return -1;
    }
    backup(lx, c);
    return c;
}

/* Checks the identifier [lx->start, lx->cur) holding non-ASCII bytes. */
static int verify_identifier(PylLexer *lx)
{
    const char *s = lx->start, *end = lx->cur;
    int first = 1;
    while (s < end) {
        unsigned cp;
        int l = pyl_lex_utf8_decode(s, (size_t)(end - s), &cp);
        if (l == 0) {
            cp = 0xFFFD, l = 1;
        }
        int ok =
            first ? (pyl_unicode_is_xid_start(cp) || cp == '_') : pyl_unicode_is_xid_continue(cp);
        if (!ok) {
            lx->cur = s + l;
            if (pyl_lex_isprintable(cp)) {
                char ch[5];
                ch[pyl_lex_utf8_encode(cp, ch)] = '\0';
                syntaxerror(lx, "invalid character '%s' (U+%04X)", ch, cp);
            } else {
                syntaxerror(lx, "invalid non-printable character U+%04X", cp);
            }
            return 0;
        }
        first = 0;
        s += l;
    }
    return 1;
}

/* Whether the next input is the bytes of s not followed by an identifier byte
 * (nothing is consumed; s never spans a line end). */
static int lookahead(PylLexer *lx, const char *s)
{
    const char *p = lx->cur;
    for (; *s; s++, p++) {
        if (p >= lx->line_next || *p != *s) {
            return 0;
        }
    }
    return p >= lx->line_next || !is_id_char((unsigned char)*p);
}

/* After a number: a following keyword that can legally follow one (1if x else y)
 * is accepted (CPython only warns); any other identifier character is an error. */
static int verify_end_of_number(PylLexer *lx, int c, const char *kind)
{
    int r = 0;
    if (c == 'a') {
        r = lookahead(lx, "nd");
    } else if (c == 'e') {
        r = lookahead(lx, "lse");
    } else if (c == 'f') {
        r = lookahead(lx, "or");
    } else if (c == 'i') {
        int c2 = nextc(lx);
        if (c2 == 'f' || c2 == 'n' || c2 == 's') {
            r = 1;
        }
        backup(lx, c2);
    } else if (c == 'o') {
        r = lookahead(lx, "r");
    } else if (c == 'n') {
        r = lookahead(lx, "ot");
    }
    if (r) {
        return 1;
    }
    if (c < 128 && is_id_char(c)) { /* a non-ASCII letter just starts a NAME */
        backup(lx, c);
        syntaxerror(lx, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* Reads digits and single underscores between digits; returns the byte after
 * them, or 0 after an error. */
static int decimal_tail(PylLexer *lx)
{
    int c;
    for (;;) {
        do {
            c = nextc(lx);
        } while (is_digit(c));
        if (c != '_') {
            break;
        }
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            syntaxerror(lx, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

static PylTokKind keyword_kind(const char *s, size_t n)
{
    static const struct {
        const char *s;
        unsigned char len;
        PylTokKind k;
    } kws[] = {
#define PYL_KW_ENTRY_(k, s) {s, sizeof(s) - 1, TOK_##k},
        PYL_KEYWORD_LIST(PYL_KW_ENTRY_)
#undef PYL_KW_ENTRY_
    };
    /* every keyword starts with a letter in [F-y] and is 2..8 long */
    if (n < 2 || n > 8 || s[0] < 'F' || s[0] > 'y') {
        return TOK_NAME;
    }
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        if (kws[i].len == n && kws[i].s[0] == s[0] && memcmp(kws[i].s, s, n) == 0) {
            return kws[i].k;
        }
    }
    return TOK_NAME;
}

static PylTokKind one_char(int c)
{
    switch (c) {
    case '%':
        return TOK_PERCENT;
    case '&':
        return TOK_AMPER;
    case '(':
        return TOK_LPAR;
    case ')':
        return TOK_RPAR;
    case '*':
        return TOK_STAR;
    case '+':
        return TOK_PLUS;
    case ',':
        return TOK_COMMA;
    case '-':
        return TOK_MINUS;
    case '.':
        return TOK_DOT;
    case '/':
        return TOK_SLASH;
    case ':':
        return TOK_COLON;
    case ';':
        return TOK_SEMI;
    case '<':
        return TOK_LESS;
    case '=':
        return TOK_EQUAL;
    case '>':
        return TOK_GREATER;
    case '@':
        return TOK_AT;
    case '[':
        return TOK_LSQB;
    case ']':
        return TOK_RSQB;
    case '^':
        return TOK_CIRCUMFLEX;
    case '{':
        return TOK_LBRACE;
    case '|':
        return TOK_VBAR;
    case '}':
        return TOK_RBRACE;
    case '~':
        return TOK_TILDE;
    default:
        return TOK_OP;
    }
}

static PylTokKind two_chars(int c1, int c2)
{
    switch (c1) {
    case '!':
        return c2 == '=' ? TOK_NOTEQUAL : TOK_OP;
    case '%':
        return c2 == '=' ? TOK_PERCENTEQUAL : TOK_OP;
    case '&':
        return c2 == '=' ? TOK_AMPEREQUAL : TOK_OP;
    case '*':
        return c2 == '*' ? TOK_DOUBLESTAR : c2 == '=' ? TOK_STAREQUAL : TOK_OP;
    case '+':
        return c2 == '=' ? TOK_PLUSEQUAL : TOK_OP;
    case '-':
        return c2 == '=' ? TOK_MINEQUAL : c2 == '>' ? TOK_RARROW : TOK_OP;
    case '/':
        return c2 == '/' ? TOK_DOUBLESLASH : c2 == '=' ? TOK_SLASHEQUAL : TOK_OP;
    case ':':
        return c2 == '=' ? TOK_COLONEQUAL : TOK_OP;
    case '<':
        return c2 == '<'   ? TOK_LEFTSHIFT
               : c2 == '=' ? TOK_LESSEQUAL
               : c2 == '>' ? TOK_NOTEQUAL
                           : TOK_OP;
    case '=':
        return c2 == '=' ? TOK_EQEQUAL : TOK_OP;
    case '>':
        return c2 == '=' ? TOK_GREATEREQUAL : c2 == '>' ? TOK_RIGHTSHIFT : TOK_OP;
    case '@':
        return c2 == '=' ? TOK_ATEQUAL : TOK_OP;
    case '^':
        return c2 == '=' ? TOK_CIRCUMFLEXEQUAL : TOK_OP;
    case '|':
        return c2 == '=' ? TOK_VBAREQUAL : TOK_OP;
    default:
        return TOK_OP;
    }
}

static PylTokKind three_chars(int c1, int c2, int c3)
{
    if (c3 != '=') {
        return TOK_OP;
    }
    if (c1 == '*' && c2 == '*') {
        return TOK_DOUBLESTAREQUAL;
    }
    if (c1 == '/' && c2 == '/') {
        return TOK_DOUBLESLASHEQUAL;
    }
    if (c1 == '<' && c2 == '<') {
        return TOK_LEFTSHIFTEQUAL;
    }
    if (c1 == '>' && c2 == '>') {
        return TOK_RIGHTSHIFTEQUAL;
    }
    return TOK_OP;
}

/* Reads a number whose first byte c has been read (lx->start at it). */
static PylTokKind read_number(PylLexer *lx, int c, int fraction_now, const char **ps,
                              const char **pe)
{
    if (fraction_now) {
        goto fraction;
    }
    if (c == '0') {
        c = nextc(lx);
        if (c == 'x' || c == 'X') {
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (!is_xdigit(c)) {
                    backup(lx, c);
                    return syntaxerror(lx, "invalid hexadecimal literal");
                }
                do {
                    c = nextc(lx);
                } while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(lx, c, "hexadecimal")) {
                return TOK_ERRORTOKEN;
            }
        } else if (c == 'o' || c == 'O') {
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (c < '0' || c >= '8') {
                    if (is_digit(c)) {
                        return syntaxerror(lx, "invalid digit '%c' in octal literal", c);
                    }
                    backup(lx, c);
                    return syntaxerror(lx, "invalid octal literal");
                }
                do {
                    c = nextc(lx);
                } while ('0' <= c && c < '8');
            } while (c == '_');
            if (is_digit(c)) {
                return syntaxerror(lx, "invalid digit '%c' in octal literal", c);
            }
            if (!verify_end_of_number(lx, c, "octal")) {
                return TOK_ERRORTOKEN;
            }
        } else if (c == 'b' || c == 'B') {
            c = nextc(lx);
            do {
                if (c == '_') {
                    c = nextc(lx);
                }
                if (c != '0' && c != '1') {
                    if (is_digit(c)) {
                        return syntaxerror(lx, "invalid digit '%c' in binary literal", c);
                    }
                    backup(lx, c);
                    return syntaxerror(lx, "invalid binary literal");
                }
                do {
                    c = nextc(lx);
                } while (c == '0' || c == '1');
            } while (c == '_');
            if (is_digit(c)) {
                return syntaxerror(lx, "invalid digit '%c' in binary literal", c);
            }
            if (!verify_end_of_number(lx, c, "binary")) {
                return TOK_ERRORTOKEN;
            }
        } else {
            int nonzero = 0;
            /* "0", "00", "0_0" are fine; "0777" is an old-style octal. */
            for (;;) {
                if (c == '_') {
                    c = nextc(lx);
                    if (!is_digit(c)) {
                        backup(lx, c);
                        return syntaxerror(lx, "invalid decimal literal");
                    }
                }
                if (c != '0') {
                    break;
                }
                c = nextc(lx);
            }
            const char *zeros_end = lx->cur;
            if (is_digit(c)) {
                nonzero = 1;
                c = decimal_tail(lx);
                if (c == 0) {
                    return TOK_ERRORTOKEN;
                }
            }
            if (c == '.') {
                c = nextc(lx);
                goto fraction;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                backup(lx, c);
                return pyl_lexer_error(lx, PYL_SYNTAX_ERROR, (int)(lx->start + 1 - lx->line_start),
                                       (int)(zeros_end - lx->line_start),
                                       "leading zeros in decimal integer literals are not "
                                       "permitted; use an 0o prefix for octal integers");
            }
            if (!verify_end_of_number(lx, c, "decimal")) {
                return TOK_ERRORTOKEN;
            }
        }
    } else {
        c = decimal_tail(lx);
        if (c == 0) {
            return TOK_ERRORTOKEN;
        }
        if (c == '.') {
            c = nextc(lx);
        fraction:
            if (is_digit(c)) {
                c = decimal_tail(lx);
                if (c == 0) {
                    return TOK_ERRORTOKEN;
                }
            }
        }
        if (c == 'e' || c == 'E') {
            int e;
        exponent:
            e = c;
            c = nextc(lx);
            if (c == '+' || c == '-') {
                c = nextc(lx);
                if (!is_digit(c)) {
                    backup(lx, c);
                    return syntaxerror(lx, "invalid decimal literal");
                }
            } else if (!is_digit(c)) {
                backup(lx, c);
                if (!verify_end_of_number(lx, e, "decimal")) {
                    return TOK_ERRORTOKEN;
                }
                backup(lx, e);
                *ps = lx->start;
                *pe = lx->cur;
                return TOK_NUMBER;
            }
            c = decimal_tail(lx);
            if (c == 0) {
                return TOK_ERRORTOKEN;
            }
        }
        if (c == 'j' || c == 'J') {
        imaginary:
            c = nextc(lx);
            if (!verify_end_of_number(lx, c, "imaginary")) {
                return TOK_ERRORTOKEN;
            }
        } else if (!verify_end_of_number(lx, c, "decimal")) {
            return TOK_ERRORTOKEN;
        }
    }
    backup(lx, c);
    *ps = lx->start;
    *pe = lx->cur;
    return TOK_NUMBER;
}

/* Reads a string whose opening quote c has been read (prefix already read). */
static PylTokKind read_string(PylLexer *lx, int quote, const char **ps, const char **pe)
{
    int quote_size = 1, end_quote_size = 0;
    lx->first_lineno = lx->lineno;
    lx->multi_line_start = lx->line_start;
    int c = nextc(lx);
    if (c == quote) {
        c = nextc(lx);
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1; /* empty string */
        }
    }
    if (c != quote) {
        backup(lx, c);
    }
    while (end_quote_size != quote_size) {
        c = nextc(lx);
        if (c == EOFC || (quote_size == 1 && c == '\n')) {
            /* Report from the opening quote. */
            int detected = lx->lineno;
            lx->eof_in_string = c == EOFC;
            lx->cur = lx->start + 1;
            lx->line_start = lx->multi_line_start;
            lx->lineno = lx->first_lineno;
            if (quote_size == 3) {
                syntaxerror(lx, "unterminated triple-quoted string literal (detected at line %d)",
                            detected);
            } else {
                syntaxerror(lx, "unterminated string literal (detected at line %d)", detected);
            }
            return TOK_ERRORTOKEN;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                nextc(lx); /* the escaped byte, whatever it is */
            }
        }
    }
    *ps = lx->start;
    *pe = lx->cur;
    return TOK_STRING;
}

static PylTokKind tok_get(PylLexer *lx, const char **ps, const char **pe)
{
    int c, blankline;
    *ps = *pe = NULL;
nextline:
    lx->start = NULL;
    blankline = 0;
    if (lx->atbol) {
        int col = 0, altcol = 0, cont_line_col = 0;
        lx->atbol = 0;
        for (;;) {
            c = nextc(lx);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
            } else if (c == '\014') {
                col = altcol = 0;
            } else if (c == '\\') {
                /* Indentation cannot be split over lines: the first '\' decides. */
                cont_line_col = cont_line_col ? cont_line_col : col;
                if ((c = continuation_line(lx)) == -1) {
                    return TOK_ERRORTOKEN;
                }
            } else {
                break;
            }
        }
        backup(lx, c);
        if (c == '#' || c == '\n') {
            if (col == 0 && c == '\n' && (lx->flags & PYL_LEX_INTERACTIVE)) {
                blankline = 0;
            } else if ((lx->flags & PYL_LEX_INTERACTIVE) && lx->lineno == 1) {
                blankline = 0;
                col = altcol = 0;
            } else {
                blankline = 1;
            }
        }
        if (!blankline && lx->level == 0) {
            col = cont_line_col ? cont_line_col : col;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (col == lx->indstack[lx->indent]) {
                if (altcol != lx->altindstack[lx->indent]) {
                    lx->done = PYL_LEX_TABSPACE;
                    lx->cur = lx->line_next;
                    return TOK_ERRORTOKEN;
                }
            } else if (col > lx->indstack[lx->indent]) {
                if (lx->indent + 1 >= PYL_LEX_MAXINDENT) {
                    lx->done = PYL_LEX_TOODEEP;
                    lx->cur = lx->line_next;
                    return TOK_ERRORTOKEN;
                }
                if (altcol <= lx->altindstack[lx->indent]) {
                    lx->done = PYL_LEX_TABSPACE;
                    lx->cur = lx->line_next;
                    return TOK_ERRORTOKEN;
                }
                lx->pendin++;
                lx->indstack[++lx->indent] = col;
                lx->altindstack[lx->indent] = altcol;
            } else {
                while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
                    lx->pendin--;
                    lx->indent--;
                }
                if (col != lx->indstack[lx->indent]) {
                    lx->done = PYL_LEX_DEDENT;
                    lx->cur = lx->line_next;
                    return TOK_ERRORTOKEN;
                }
                if (altcol != lx->altindstack[lx->indent]) {
                    lx->done = PYL_LEX_TABSPACE;
                    lx->cur = lx->line_next;
                    return TOK_ERRORTOKEN;
                }
            }
        }
    }

    lx->start = lx->cur;
    if (lx->pendin != 0) {
        if (lx->pendin < 0) {
            lx->pendin++;
            return TOK_DEDENT;
        }
        lx->pendin--;
        return TOK_INDENT;
    }

again:
    lx->start = NULL;
    do {
        c = nextc(lx);
    } while (c == ' ' || c == '\t' || c == '\014');
    lx->start = lx->cur - 1;

    if (c == '#') {
        while (c != EOFC && c != '\n') {
            c = nextc(lx);
        }
    }

    if (c == EOFC) {
        if (lx->level) {
            return TOK_ERRORTOKEN;
        }
        return lx->done == PYL_LEX_EOF ? TOK_ENDMARKER : TOK_ERRORTOKEN;
    }

    /* Identifier, keyword, or string prefix. */
    if (is_id_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, nonascii = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
                saw_b = 1;
            } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
                saw_u = 1;
            } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
                saw_r = 1;
            } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
                saw_f = 1;
            } else {
                break;
            }
            c = nextc(lx);
            if (c == '"' || c == '\'') {
                return read_string(lx, c, ps, pe);
            }
        }
        while (is_id_char(c)) {
            if (c >= 128) {
                nonascii = 1;
            }
            c = nextc(lx);
        }
        backup(lx, c);
        if (nonascii && !verify_identifier(lx)) {
            return TOK_ERRORTOKEN;
        }
        *ps = lx->start;
        *pe = lx->cur;
        return keyword_kind(lx->start, (size_t)(lx->cur - lx->start));
    }

    if (c == '\n') {
        lx->atbol = 1;
        if (blankline || lx->level > 0) {
            goto nextline;
        }
        *ps = lx->start;
        *pe = lx->cur - 1; /* the '\n' is not part of the token */
        lx->cont_line = 0;
        return TOK_NEWLINE;
    }

    if (c == '.') {
        c = nextc(lx);
        if (is_digit(c)) {
            return read_number(lx, c, 1, ps, pe);
        } else if (c == '.') {
            c = nextc(lx);
            if (c == '.') {
                *ps = lx->start;
                *pe = lx->cur;
                return TOK_ELLIPSIS;
            }
            backup(lx, c);
            backup(lx, '.');
        } else {
            backup(lx, c);
        }
        *ps = lx->start;
        *pe = lx->cur;
        return TOK_DOT;
    }

    if (is_digit(c)) {
        return read_number(lx, c, 0, ps, pe);
    }

    if (c == '\'' || c == '"') {
        return read_string(lx, c, ps, pe);
    }

    if (c == '\\') {
        if (continuation_line(lx) == -1) {
            return TOK_ERRORTOKEN;
        }
        lx->cont_line = 1;
        goto again;
    }

    {
        int c2 = nextc(lx);
        PylTokKind k = two_chars(c, c2);
        if (k != TOK_OP) {
            int c3 = nextc(lx);
            PylTokKind k3 = three_chars(c, c2, c3);
            if (k3 != TOK_OP) {
                k = k3;
            } else {
                backup(lx, c3);
            }
            *ps = lx->start;
            *pe = lx->cur;
            return k;
        }
        backup(lx, c2);
    }

    switch (c) {
    case '(':
    case '[':
    case '{':
        if (lx->level >= PYL_LEX_MAXLEVEL) {
            return syntaxerror(lx, "too many nested parentheses");
        }
        lx->parenstack[lx->level] = (char)c;
        lx->parenlinenostack[lx->level] = lx->lineno;
        lx->parencolstack[lx->level] = (int)(lx->start - lx->line_start);
        lx->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (!lx->level) {
            return syntaxerror(lx, "unmatched '%c'", c);
        }
        lx->level--;
        int opening = lx->parenstack[lx->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (lx->parenlinenostack[lx->level] != lx->lineno) {
                return syntaxerror(lx,
                                   "closing parenthesis '%c' does not match opening "
                                   "parenthesis '%c' on line %d",
                                   c, opening, lx->parenlinenostack[lx->level]);
            }
            return syntaxerror(
                lx, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening);
        }
        break;
    }
    default:
        break;
    }

    if (c < 0x20 || c == 0x7F) {
        return syntaxerror(lx, "invalid non-printable character U+%04X", c);
    }

    *ps = lx->start;
    *pe = lx->cur;
    return one_char(c);
}

PylTokKind pyl_lexer_next(PylLexer *lx, PylToken *t)
{
    const char *ps, *pe;
    PylTokKind k;
    if (lx->done == PYL_LEX_ERROR) {
        k = TOK_ERRORTOKEN;
        ps = pe = NULL;
    } else {
        k = tok_get(lx, &ps, &pe);
    }
    const char *ls = k == TOK_STRING ? lx->multi_line_start : lx->line_start;
    t->kind = k;
    t->level = lx->level;
    t->start = ps;
    t->end = pe;
    t->lineno = k == TOK_STRING ? lx->first_lineno : lx->lineno;
    t->end_lineno = lx->lineno;
    t->col_offset = (ps && ps >= ls) ? (int)(ps - ls) : -1;
    t->end_col_offset = (pe && pe >= lx->line_start) ? (int)(pe - lx->line_start) : -1;
    if (lx->lineno == lx->starting_lineno) {
        t->col_offset += lx->starting_col_offset;
        t->end_col_offset += lx->starting_col_offset;
    }
    t->memo = NULL;
    return k;
}
