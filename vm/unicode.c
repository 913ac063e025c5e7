/* unicode.c — Unicode character properties from the generated tables.
 *
 * build/gen/unicode_db.h (tools/gen_unicode_db.c) maps every code point to a
 * shared record through two index arrays (see the generator's header comment):
 *
 *     index1[cp >> SHIFT] -> block;  index2[(block << SHIFT) | low bits] -> record
 *
 * A record holds the property flags, the general category, the digit values and
 * the case mappings: deltas from cp, or (PYL_UDB_EXTENDED) offsets of
 * length-prefixed full mappings in pyl_udb_ext. */
#include "vm/unicode.h"

#include "unicode_db.h"

#define MAX_CP 0x10FFFF

static inline const PylUdbRecord *record(uint32_t cp)
{
    if (cp > MAX_CP) {
        return &pyl_udb_records[0];
    }
    unsigned block = pyl_udb_index1[cp >> PYL_UDB_SHIFT];
    return &pyl_udb_records[pyl_udb_index2[(block << PYL_UDB_SHIFT) |
                                           (cp & ((1u << PYL_UDB_SHIFT) - 1))]];
}

static inline bool has(uint32_t cp, unsigned flag)
{
    return (record(cp)->flags & flag) != 0;
}

bool pyl_unicode_isprintable(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return has(cp, PYL_UDB_PRINTABLE);
}

bool pyl_unicode_isspace(uint32_t cp)
{
    if (cp < 0x80) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    return has(cp, PYL_UDB_SPACE);
}

bool pyl_unicode_isalpha(uint32_t cp)
{
    if (cp < 0x80) {
        return ((cp | 0x20) - 'a') < 26;
    }
    return has(cp, PYL_UDB_ALPHA);
}

bool pyl_unicode_isdecimal(uint32_t cp)
{
    if (cp < 0x80) {
        return cp - '0' < 10;
    }
    return has(cp, PYL_UDB_DECIMAL);
}

bool pyl_unicode_isdigit(uint32_t cp)
{
    if (cp < 0x80) {
        return cp - '0' < 10;
    }
    return has(cp, PYL_UDB_DIGIT);
}

bool pyl_unicode_isnumeric(uint32_t cp)
{
    if (cp < 0x80) {
        return cp - '0' < 10;
    }
    return has(cp, PYL_UDB_NUMERIC);
}

bool pyl_unicode_isalnum(uint32_t cp)
{
    if (cp < 0x80) {
        return ((cp | 0x20) - 'a') < 26 || cp - '0' < 10;
    }
    return has(cp, PYL_UDB_ALPHA | PYL_UDB_DECIMAL | PYL_UDB_DIGIT | PYL_UDB_NUMERIC);
}

bool pyl_unicode_isupper(uint32_t cp)
{
    if (cp < 0x80) {
        return cp - 'A' < 26;
    }
    return has(cp, PYL_UDB_UPPER);
}

bool pyl_unicode_islower(uint32_t cp)
{
    if (cp < 0x80) {
        return cp - 'a' < 26;
    }
    return has(cp, PYL_UDB_LOWER);
}

bool pyl_unicode_istitle(uint32_t cp)
{
    return has(cp, PYL_UDB_TITLE);
}

bool pyl_unicode_iscased(uint32_t cp)
{
    return has(cp, PYL_UDB_CASED);
}

bool pyl_unicode_iscaseignorable(uint32_t cp)
{
    return has(cp, PYL_UDB_CASE_IGNORABLE);
}

bool pyl_unicode_isxidstart(uint32_t cp)
{
    return has(cp, PYL_UDB_XID_START);
}

bool pyl_unicode_isxidcontinue(uint32_t cp)
{
    return has(cp, PYL_UDB_XID_CONTINUE);
}

bool pyl_unicode_islinebreak(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E);
    }
    return has(cp, PYL_UDB_LINEBREAK);
}

int pyl_unicode_decimal(uint32_t cp)
{
    if (cp < 0x80) {
        return cp - '0' < 10 ? (int)(cp - '0') : -1;
    }
    return record(cp)->decimal;
}

int pyl_unicode_digit(uint32_t cp)
{
    return record(cp)->digit;
}

const char *pyl_unicode_category(uint32_t cp)
{
    return pyl_udb_category_names[record(cp)->category];
}

/* One full mapping: the delta in a plain record, the ext entry otherwise. */
static inline int map(uint32_t cp, int32_t field, uint16_t flags, uint32_t out[3])
{
    if (!(flags & PYL_UDB_EXTENDED)) {
        out[0] = (uint32_t)((int32_t)cp + field);
        return 1;
    }
    const uint32_t *e = &pyl_udb_ext[field];
    int n = (int)e[0];
    for (int i = 0; i < n; i++) {
        out[i] = e[1 + i];
    }
    return n;
}

int pyl_unicode_tolower(uint32_t cp, uint32_t out[3])
{
    if (cp < 0x80) {
        out[0] = cp - 'A' < 26 ? cp + 32 : cp;
        return 1;
    }
    const PylUdbRecord *r = record(cp);
    return map(cp, r->lower, r->flags, out);
}

int pyl_unicode_toupper(uint32_t cp, uint32_t out[3])
{
    if (cp < 0x80) {
        out[0] = cp - 'a' < 26 ? cp - 32 : cp;
        return 1;
    }
    const PylUdbRecord *r = record(cp);
    return map(cp, r->upper, r->flags, out);
}

int pyl_unicode_totitle(uint32_t cp, uint32_t out[3])
{
    if (cp < 0x80) {
        out[0] = cp - 'a' < 26 ? cp - 32 : cp;
        return 1;
    }
    const PylUdbRecord *r = record(cp);
    return map(cp, r->title, r->flags, out);
}

int pyl_unicode_casefold(uint32_t cp, uint32_t out[3])
{
    if (cp < 0x80) {
        out[0] = cp - 'A' < 26 ? cp + 32 : cp;
        return 1;
    }
    const PylUdbRecord *r = record(cp);
    return map(cp, r->fold, r->flags, out);
}
