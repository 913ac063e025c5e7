/* unicode.h — Unicode character properties (pure functions over tables generated
 * at build time from Debian's unicode-data by tools/gen_unicode_db.c; no VM state).
 *
 * The predicates follow CPython's definitions (Objects/unicodectype.c), which are
 * what str.isalpha() & co. promise:
 *   isalpha      general category L* (Lu Ll Lt Lm Lo)
 *   isdecimal    has a decimal digit value (Nd);  isdigit: has a digit value;
 *   isnumeric    Numeric_Type is Decimal, Digit or Numeric (incl. CJK numerals)
 *   isupper / islower   the derived Uppercase / Lowercase properties
 *   istitle      category Lt;   iscased / iscaseignorable: derived properties
 *   isspace      bidirectional class WS, B or S, or category Zs
 *   islinebreak  bidirectional class B or category Zl (str.splitlines boundaries)
 *   isprintable  ' ' or any category except Cc Cf Cs Co Cn Zl Zp Zs
 * Case mappings are the full ones (SpecialCasing.txt unconditional entries; full
 * case folding from CaseFolding.txt's C + F entries). The tables are built from
 * Debian's data (Unicode 15.0) restricted to Unicode 14.0, CPython 3.11's version:
 * characters assigned later are unassigned here too (see the generator). */
#ifndef PYL_UNICODE_H
#define PYL_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

bool pyl_unicode_isprintable(uint32_t cp);
bool pyl_unicode_isspace(uint32_t cp);
bool pyl_unicode_isalpha(uint32_t cp);
bool pyl_unicode_isdecimal(uint32_t cp);
bool pyl_unicode_isdigit(uint32_t cp);
bool pyl_unicode_isnumeric(uint32_t cp);
/* isalpha || isdecimal || isdigit || isnumeric (str.isalnum). */
bool pyl_unicode_isalnum(uint32_t cp);
bool pyl_unicode_isupper(uint32_t cp);
bool pyl_unicode_islower(uint32_t cp);
bool pyl_unicode_istitle(uint32_t cp);
bool pyl_unicode_iscased(uint32_t cp);
bool pyl_unicode_iscaseignorable(uint32_t cp);
bool pyl_unicode_isxidstart(uint32_t cp);
bool pyl_unicode_isxidcontinue(uint32_t cp);
bool pyl_unicode_islinebreak(uint32_t cp);
/* Decimal digit value 0..9, or -1. */
int pyl_unicode_decimal(uint32_t cp);
/* Digit value 0..9 (unicodedata.digit), or -1. */
int pyl_unicode_digit(uint32_t cp);
/* General category as a two-letter name ("Lu", "Cn" for unassigned). */
const char *pyl_unicode_category(uint32_t cp);
/* Full case mappings: write up to 3 code points to out, return how many. */
int pyl_unicode_tolower(uint32_t cp, uint32_t out[3]);
int pyl_unicode_toupper(uint32_t cp, uint32_t out[3]);
int pyl_unicode_totitle(uint32_t cp, uint32_t out[3]);
int pyl_unicode_casefold(uint32_t cp, uint32_t out[3]);

#endif
