/* gen_unicode_db.c — build-time generator of the character property tables used
 * by vm/unicode.c. Reads the Unicode Character Database as Debian ships it
 * (unicode-data: /usr/share/unicode) and writes one C header:
 *
 *     gen_unicode_db UNICODE_DIR OUT_HEADER
 *
 * Files read: UnicodeData.txt, SpecialCasing.txt, CaseFolding.txt,
 * DerivedCoreProperties.txt, extracted/DerivedNumericType.txt, DerivedAge.txt.
 *
 * pyl implements Python 3.11, whose Unicode database is version 14.0. Characters
 * that DerivedAge.txt dates after MAX_AGE are left unassigned, so a newer data set
 * gives 14.0's character repertoire (property changes to older characters in a
 * newer version are undone for 15.0: see undo_15_changes).
 *
 * Every code point maps to a record (flags, general category, digit values and
 * case mappings); equal records are shared. The mapping is a two-level table:
 *
 *     record = pyl_udb_records[ pyl_udb_index2[ (pyl_udb_index1[cp >> SHIFT] << SHIFT)
 *                                                + (cp & ((1 << SHIFT) - 1)) ] ]
 *
 * SHIFT is chosen to make the two index arrays smallest. Case mappings are deltas
 * (mapped - cp) unless the record has PYL_UDB_EXTENDED, in which case upper,
 * lower, title and fold are offsets into pyl_udb_ext[], where a mapping is stored
 * as its length n followed by n code points (full mappings from SpecialCasing's
 * unconditional entries, full case folding from CaseFolding's C and F entries).
 *
 * The flags follow CPython's definitions (Tools/unicode/makeunicodedata.py), so
 * str methods behave the same: see the comments in the flag list below.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCP 0x110000
/* Newest Unicode version (major * 100 + minor) whose characters are kept. */
#define MAX_AGE 1400

enum {
    F_ALPHA = 1 << 0,          /* category L* (Lm Lt Lu Ll Lo) */
    F_DECIMAL = 1 << 1,        /* has a decimal digit value (field 6) */
    F_DIGIT = 1 << 2,          /* has a digit value (field 7) */
    F_NUMERIC = 1 << 3,        /* Numeric_Type is not None (incl. Unihan numerics) */
    F_LOWER = 1 << 4,          /* Lowercase (derived) */
    F_UPPER = 1 << 5,          /* Uppercase (derived) */
    F_TITLE = 1 << 6,          /* category Lt */
    F_CASED = 1 << 7,          /* Cased (derived) */
    F_CASE_IGNORABLE = 1 << 8, /* Case_Ignorable (derived) */
    F_XID_START = 1 << 9,
    F_XID_CONTINUE = 1 << 10,
    F_SPACE = 1 << 11,     /* bidi class WS, B or S, or category Zs */
    F_LINEBREAK = 1 << 12, /* bidi class B or category Zl */
    F_PRINTABLE = 1 << 13, /* ' ' or category not C* / Z* */
    F_EXTENDED = 1 << 14,  /* case mappings live in the ext table */
};

static const char *const categories[] = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe",
    "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", NULL};

typedef struct Record {
    int flags;
    int category;
    int decimal, digit;
    int32_t upper, lower, title, fold;
} Record;

/* per code point raw data */
static uint8_t cat[NCP];
static uint16_t flags[NCP];
static int8_t decimal_v[NCP], digit_v[NCP];
static int32_t s_upper[NCP], s_lower[NCP], s_title[NCP];
/* full mappings: up to 3 code points; count 0 = none */
typedef struct Full {
    uint8_t n;
    uint32_t cp[3];
} Full;
static Full *sc_lower, *sc_title, *sc_upper, *cfold;
static uint8_t has_sc[NCP];

static FILE *open_ucd(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "gen_unicode_db: cannot open %s\n", path);
        exit(1);
    }
    return f;
}

/* Split line at ';' into fields (trimmed), stopping at '#'. Returns count. */
static int split_fields(char *line, char **out, int max)
{
    char *hash = strchr(line, '#');
    if (hash) {
        *hash = '\0';
    }
    int n = 0;
    char *p = line;
    while (n < max) {
        char *semi = strchr(p, ';');
        if (semi) {
            *semi = '\0';
        }
        while (*p == ' ' || *p == '\t') {
            p++;
        }
        char *e = p + strlen(p);
        while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')) {
            *--e = '\0';
        }
        out[n++] = p;
        if (!semi) {
            break;
        }
        p = semi + 1;
    }
    return n;
}

static int parse_cps(const char *s, uint32_t *out, int max)
{
    int n = 0;
    while (*s) {
        while (*s == ' ') {
            s++;
        }
        if (!*s) {
            break;
        }
        char *end;
        unsigned long v = strtoul(s, &end, 16);
        if (end == s) {
            break;
        }
        if (n < max) {
            out[n] = (uint32_t)v;
        }
        n++;
        s = end;
    }
    return n;
}

static int category_index(const char *c)
{
    for (int i = 0; categories[i]; i++) {
        if (strcmp(categories[i], c) == 0) {
            return i;
        }
    }
    fprintf(stderr, "gen_unicode_db: unknown category %s\n", c);
    exit(1);
}

static void set_unicodedata(uint32_t cp, char **f)
{
    int c = category_index(f[2]);
    cat[cp] = (uint8_t)c;
    int fl = 0;
    const char *cs = f[2];
    const char *bidi = f[4];
    if (cs[0] == 'L') {
        fl |= F_ALPHA;
    }
    if (c == category_index("Lt")) {
        fl |= F_TITLE;
    }
    if (strcmp(bidi, "WS") == 0 || strcmp(bidi, "B") == 0 || strcmp(bidi, "S") == 0 ||
        strcmp(cs, "Zs") == 0) {
        fl |= F_SPACE;
    }
    if (strcmp(bidi, "B") == 0 || strcmp(cs, "Zl") == 0) {
        fl |= F_LINEBREAK;
    }
    if (cp == ' ' || (cs[0] != 'C' && cs[0] != 'Z')) {
        fl |= F_PRINTABLE;
    }
    decimal_v[cp] = -1;
    digit_v[cp] = -1;
    if (f[6][0]) {
        fl |= F_DECIMAL;
        decimal_v[cp] = (int8_t)atoi(f[6]);
    }
    if (f[7][0]) {
        fl |= F_DIGIT;
        digit_v[cp] = (int8_t)atoi(f[7]);
    }
    if (f[8][0]) {
        fl |= F_NUMERIC;
    }
    flags[cp] |= (uint16_t)fl;
    s_upper[cp] = f[12][0] ? (int32_t)strtoul(f[12], NULL, 16) : (int32_t)cp;
    s_lower[cp] = f[13][0] ? (int32_t)strtoul(f[13], NULL, 16) : (int32_t)cp;
    s_title[cp] = f[14][0] ? (int32_t)strtoul(f[14], NULL, 16) : s_upper[cp];
}

static void read_unicodedata(const char *dir)
{
    FILE *fp = open_ucd(dir, "UnicodeData.txt");
    char line[1024];
    uint32_t range_first = 0;
    int in_range = 0;
    for (uint32_t cp = 0; cp < NCP; cp++) {
        s_upper[cp] = s_lower[cp] = s_title[cp] = (int32_t)cp;
        decimal_v[cp] = digit_v[cp] = -1;
    }
    while (fgets(line, sizeof line, fp)) {
        char *f[16];
        int n = split_fields(line, f, 16);
        if (n < 15) {
            continue;
        }
        uint32_t cp = (uint32_t)strtoul(f[0], NULL, 16);
        size_t nl = strlen(f[1]);
        if (nl > 8 && strcmp(f[1] + nl - 8, ", First>") == 0) {
            range_first = cp;
            in_range = 1;
            set_unicodedata(cp, f);
            continue;
        }
        if (in_range && nl > 7 && strcmp(f[1] + nl - 7, ", Last>") == 0) {
            for (uint32_t c = range_first; c <= cp; c++) {
                set_unicodedata(c, f);
            }
            in_range = 0;
            continue;
        }
        set_unicodedata(cp, f);
    }
    fclose(fp);
}

/* A property file: "XXXX..YYYY ; Name # ..." lines; set flag for matching names. */
static void read_property(const char *dir, const char *file, const char *prop, int flag)
{
    FILE *fp = open_ucd(dir, file);
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        char *f[4];
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        int n = split_fields(line, f, 4);
        if (n < 2 || strcmp(f[1], prop) != 0) {
            continue;
        }
        char *dots = strstr(f[0], "..");
        uint32_t a = (uint32_t)strtoul(f[0], NULL, 16);
        uint32_t b = dots ? (uint32_t)strtoul(dots + 2, NULL, 16) : a;
        for (uint32_t c = a; c <= b && c < NCP; c++) {
            flags[c] |= (uint16_t)flag;
        }
    }
    fclose(fp);
}

/* Forget every character assigned after MAX_AGE: it becomes unassigned (Cn) with
 * no properties and identity case mappings. */
static void drop_newer(const char *dir)
{
    FILE *fp = open_ucd(dir, "DerivedAge.txt");
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        char *f[4];
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        int n = split_fields(line, f, 4);
        if (n < 2) {
            continue;
        }
        int major = 0, minor = 0;
        if (sscanf(f[1], "%d.%d", &major, &minor) < 1 || major * 100 + minor <= MAX_AGE) {
            continue;
        }
        char *dots = strstr(f[0], "..");
        uint32_t a = (uint32_t)strtoul(f[0], NULL, 16);
        uint32_t b = dots ? (uint32_t)strtoul(dots + 2, NULL, 16) : a;
        for (uint32_t c = a; c <= b && c < NCP; c++) {
            cat[c] = 0;
            flags[c] = 0;
            decimal_v[c] = digit_v[c] = -1;
            s_upper[c] = s_lower[c] = s_title[c] = (int32_t)c;
            has_sc[c] = 0;
            cfold[c].n = 0;
        }
    }
    fclose(fp);
}

/* Unicode 15.0 made five older modifier letters Lowercase (Other_Lowercase);
 * 14.0, which CPython 3.11 has, did not. Undo that when reading 15.x data. */
static void undo_15_changes(const char *dir)
{
    FILE *fp = open_ucd(dir, "DerivedCoreProperties.txt");
    char line[256];
    int major = 0;
    if (fgets(line, sizeof line, fp) != NULL) {
        const char *v = strstr(line, "DerivedCoreProperties-");
        if (v != NULL) {
            major = atoi(v + strlen("DerivedCoreProperties-"));
        }
    }
    fclose(fp);
    if (major != 15) {
        return;
    }
    static const uint32_t made_lower[] = {0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69};
    for (size_t i = 0; i < sizeof made_lower / sizeof made_lower[0]; i++) {
        flags[made_lower[i]] &= (uint16_t) ~(F_LOWER | F_CASED);
    }
}

static void read_special_casing(const char *dir)
{
    FILE *fp = open_ucd(dir, "SpecialCasing.txt");
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        char *f[6];
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        int n = split_fields(line, f, 6);
        if (n < 4) {
            continue;
        }
        if (n >= 5 && f[4][0] != '\0') {
            continue; /* conditional mapping: not used by str methods */
        }
        uint32_t cp = (uint32_t)strtoul(f[0], NULL, 16);
        Full *dst[3] = {&sc_lower[cp], &sc_title[cp], &sc_upper[cp]};
        for (int i = 0; i < 3; i++) {
            int k = parse_cps(f[1 + i], dst[i]->cp, 3);
            if (k > 3) {
                fprintf(stderr, "gen_unicode_db: mapping too long for %04X\n", cp);
                exit(1);
            }
            dst[i]->n = (uint8_t)k;
        }
        has_sc[cp] = 1;
    }
    fclose(fp);
}

static void read_case_folding(const char *dir)
{
    FILE *fp = open_ucd(dir, "CaseFolding.txt");
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        char *f[5];
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        int n = split_fields(line, f, 5);
        if (n < 3 || (strcmp(f[1], "C") != 0 && strcmp(f[1], "F") != 0)) {
            continue;
        }
        uint32_t cp = (uint32_t)strtoul(f[0], NULL, 16);
        int k = parse_cps(f[2], cfold[cp].cp, 3);
        if (k > 3) {
            fprintf(stderr, "gen_unicode_db: folding too long for %04X\n", cp);
            exit(1);
        }
        cfold[cp].n = (uint8_t)k;
    }
    fclose(fp);
}

/* ---- records and the extended case table ---- */

static Record *records;
static int nrecords, caprecords;
static uint32_t *ext;
static int next, capext;
static int *hash_tab; /* open addressing over records, size HSIZE */
#define HSIZE (1 << 20)

static uint32_t rec_hash(const Record *r)
{
    uint32_t h = 2166136261u;
    const int32_t v[8] = {r->flags, r->category, r->decimal, r->digit,
                          r->upper, r->lower,    r->title,   r->fold};
    for (int i = 0; i < 8; i++) {
        h = (h ^ (uint32_t)v[i]) * 16777619u;
    }
    return h;
}

static int rec_eq(const Record *a, const Record *b)
{
    return a->flags == b->flags && a->category == b->category && a->decimal == b->decimal &&
           a->digit == b->digit && a->upper == b->upper && a->lower == b->lower &&
           a->title == b->title && a->fold == b->fold;
}

static int add_record(const Record *r)
{
    uint32_t h = rec_hash(r) & (HSIZE - 1);
    while (hash_tab[h] >= 0) {
        if (rec_eq(&records[hash_tab[h]], r)) {
            return hash_tab[h];
        }
        h = (h + 1) & (HSIZE - 1);
    }
    if (nrecords == caprecords) {
        caprecords = caprecords ? caprecords * 2 : 256;
        records = realloc(records, sizeof(Record) * (size_t)caprecords);
        if (!records) {
            exit(2);
        }
    }
    records[nrecords] = *r;
    hash_tab[h] = nrecords;
    return nrecords++;
}

/* Store a mapping in ext (sharing an identical earlier one); return its offset. */
static int add_ext(const uint32_t *cp, int n)
{
    for (int i = 0; i + n < next; i++) {
        if (ext[i] == (uint32_t)n && memcmp(&ext[i + 1], cp, sizeof(uint32_t) * (size_t)n) == 0) {
            return i;
        }
    }
    if (next + n + 1 > capext) {
        capext = capext ? capext * 2 : 1024;
        ext = realloc(ext, sizeof(uint32_t) * (size_t)capext);
        if (!ext) {
            exit(2);
        }
    }
    int at = next;
    ext[next++] = (uint32_t)n;
    for (int i = 0; i < n; i++) {
        ext[next++] = cp[i];
    }
    return at;
}

static int rec_of_cp(uint32_t cp)
{
    Record r;
    memset(&r, 0, sizeof r);
    r.flags = flags[cp];
    r.category = cat[cp];
    r.decimal = decimal_v[cp];
    r.digit = digit_v[cp];
    uint32_t lower = (uint32_t)s_lower[cp], upper = (uint32_t)s_upper[cp],
             title = (uint32_t)s_title[cp];
    Full lo, ti, up, cf;
    if (has_sc[cp]) {
        lo = sc_lower[cp];
        ti = sc_title[cp];
        up = sc_upper[cp];
    } else {
        lo.n = ti.n = up.n = 1;
        lo.cp[0] = lower;
        ti.cp[0] = title;
        up.cp[0] = upper;
    }
    if (cfold[cp].n) {
        cf = cfold[cp];
    } else {
        cf.n = 1;
        cf.cp[0] = cp;
    }
    int fold_is_lower = cf.n == 1 && cf.cp[0] == lower;
    /* CPython: a code point without case folding entry folds to itself, and only
     * an entry that differs from the (simple) lowercase makes it extended. */
    if (!cfold[cp].n) {
        fold_is_lower = (lower == cp);
    }
    if (!has_sc[cp] && fold_is_lower) {
        r.upper = (int32_t)upper - (int32_t)cp;
        r.lower = (int32_t)lower - (int32_t)cp;
        r.title = (int32_t)title - (int32_t)cp;
        r.fold = r.lower;
    } else {
        r.flags |= F_EXTENDED;
        r.lower = add_ext(lo.cp, lo.n);
        r.title = add_ext(ti.cp, ti.n);
        r.upper = add_ext(up.cp, up.n);
        r.fold = add_ext(cf.cp, cf.n);
    }
    return add_record(&r);
}

/* Number the distinct blocks of 1 << shift records: block_of[b] is the distinct
 * number of block b, distinct[d] the first block with that content. */
static int dedup_blocks(const int *rec, int shift, int *block_of, int *distinct)
{
    int bs = 1 << shift, nb = NCP >> shift, nd = 0;
    size_t hsize = 1;
    while (hsize < (size_t)nb * 2) {
        hsize <<= 1;
    }
    int *tab = malloc(sizeof(int) * hsize);
    if (!tab) {
        exit(2);
    }
    memset(tab, 0xff, sizeof(int) * hsize);
    for (int b = 0; b < nb; b++) {
        const int *blk = &rec[b * bs];
        uint32_t h = 2166136261u;
        for (int i = 0; i < bs; i++) {
            h = (h ^ (uint32_t)blk[i]) * 16777619u;
        }
        size_t j = h & (hsize - 1);
        while (tab[j] >= 0 &&
               memcmp(&rec[distinct[tab[j]] * bs], blk, sizeof(int) * (size_t)bs) != 0) {
            j = (j + 1) & (hsize - 1);
        }
        if (tab[j] < 0) {
            distinct[nd] = b;
            tab[j] = nd++;
        }
        block_of[b] = tab[j];
    }
    free(tab);
    return nd;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_unicode_db UNICODE_DIR OUT_HEADER\n");
        return 2;
    }
    const char *dir = argv[1];
    sc_lower = calloc(NCP, sizeof(Full));
    sc_title = calloc(NCP, sizeof(Full));
    sc_upper = calloc(NCP, sizeof(Full));
    cfold = calloc(NCP, sizeof(Full));
    hash_tab = malloc(sizeof(int) * HSIZE);
    int *rec = malloc(sizeof(int) * NCP);
    if (!sc_lower || !sc_title || !sc_upper || !cfold || !hash_tab || !rec) {
        return 2;
    }
    memset(hash_tab, 0xff, sizeof(int) * HSIZE);

    read_unicodedata(dir);
    read_property(dir, "DerivedCoreProperties.txt", "Lowercase", F_LOWER);
    read_property(dir, "DerivedCoreProperties.txt", "Uppercase", F_UPPER);
    read_property(dir, "DerivedCoreProperties.txt", "Cased", F_CASED);
    read_property(dir, "DerivedCoreProperties.txt", "Case_Ignorable", F_CASE_IGNORABLE);
    read_property(dir, "DerivedCoreProperties.txt", "XID_Start", F_XID_START);
    read_property(dir, "DerivedCoreProperties.txt", "XID_Continue", F_XID_CONTINUE);
    read_property(dir, "extracted/DerivedNumericType.txt", "Numeric", F_NUMERIC);
    read_property(dir, "extracted/DerivedNumericType.txt", "Digit", F_NUMERIC);
    read_property(dir, "extracted/DerivedNumericType.txt", "Decimal", F_NUMERIC);
    read_special_casing(dir);
    read_case_folding(dir);
    drop_newer(dir);
    undo_15_changes(dir);

    /* record 0 is "unassigned" so that blocks of nothing share zeros */
    Record zero;
    memset(&zero, 0, sizeof zero);
    zero.decimal = zero.digit = -1;
    add_record(&zero);
    for (uint32_t cp = 0; cp < NCP; cp++) {
        rec[cp] = rec_of_cp(cp);
    }

    /* choose the shift minimising index1 + index2 bytes */
    int best_shift = 0;
    size_t best_size = (size_t)-1;
    int idx2_wide = nrecords > 256;
    int *block_of = malloc(sizeof(int) * NCP);
    int *distinct = malloc(sizeof(int) * NCP); /* first block of each distinct block */
    int ndistinct = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int shift = pass ? best_shift : 4; shift <= (pass ? best_shift : 12); shift++) {
            ndistinct = dedup_blocks(rec, shift, block_of, distinct);
            size_t size = (size_t)(NCP >> shift) * (ndistinct > 255 ? 2 : 1) +
                          ((size_t)ndistinct << shift) * (idx2_wide ? 2 : 1);
            if (!pass && size < best_size) {
                best_size = size;
                best_shift = shift;
            }
        }
    }
    int bs = 1 << best_shift;
    int nblocks_total = NCP / bs;

    FILE *out = fopen(argv[2], "w");
    if (!out) {
        fprintf(stderr, "gen_unicode_db: cannot write %s\n", argv[2]);
        return 1;
    }
    fprintf(out,
            "/* unicode_db.h — generated by tools/gen_unicode_db.c from %s; do not edit.\n"
            " * %d records, %d ext words, shift %d, %d blocks. */\n",
            dir, nrecords, next, best_shift, ndistinct);
    fprintf(out, "#ifndef PYL_GEN_UNICODE_DB_H\n#define PYL_GEN_UNICODE_DB_H\n\n");
    fprintf(out, "#include <stdint.h>\n\n");
    static const char *const fnames[] = {"ALPHA",          "DECIMAL",   "DIGIT",        "NUMERIC",
                                         "LOWER",          "UPPER",     "TITLE",        "CASED",
                                         "CASE_IGNORABLE", "XID_START", "XID_CONTINUE", "SPACE",
                                         "LINEBREAK",      "PRINTABLE", "EXTENDED"};
    for (int i = 0; i < 15; i++) {
        fprintf(out, "#define PYL_UDB_%s 0x%04x\n", fnames[i], 1 << i);
    }
    fprintf(out, "\n#define PYL_UDB_SHIFT %d\n\n", best_shift);
    fprintf(out, "typedef struct PylUdbRecord {\n    uint16_t flags;\n    uint8_t category;\n"
                 "    int8_t decimal;\n    int8_t digit;\n"
                 "    int32_t upper, lower, title, fold;\n} PylUdbRecord;\n\n");
    fprintf(out, "static const char pyl_udb_category_names[][3] = {");
    for (int i = 0; categories[i]; i++) {
        fprintf(out, "%s\"%s\"", i ? ", " : "", categories[i]);
    }
    fprintf(out, "};\n\n");
    fprintf(out, "static const PylUdbRecord pyl_udb_records[%d] = {\n", nrecords);
    for (int i = 0; i < nrecords; i++) {
        Record *r = &records[i];
        fprintf(out, "    {0x%04x, %d, %d, %d, %d, %d, %d, %d},\n", r->flags, r->category,
                r->decimal, r->digit, r->upper, r->lower, r->title, r->fold);
    }
    fprintf(out, "};\n\n");
    fprintf(out, "static const uint32_t pyl_udb_ext[%d] = {", next ? next : 1);
    for (int i = 0; i < next; i++) {
        fprintf(out, "%s0x%x,", i % 12 == 0 ? "\n    " : " ", ext[i]);
    }
    if (next == 0) {
        fprintf(out, "0");
    }
    fprintf(out, "\n};\n\n");
    fprintf(out, "static const %s pyl_udb_index1[%d] = {", ndistinct > 255 ? "uint16_t" : "uint8_t",
            nblocks_total);
    for (int b = 0; b < nblocks_total; b++) {
        fprintf(out, "%s%d,", b % 20 == 0 ? "\n    " : " ", block_of[b]);
    }
    fprintf(out, "\n};\n\n");
    fprintf(out, "static const %s pyl_udb_index2[%d] = {", idx2_wide ? "uint16_t" : "uint8_t",
            ndistinct * bs);
    int k = 0;
    for (int d = 0; d < ndistinct; d++) {
        for (int i = 0; i < bs; i++) {
            fprintf(out, "%s%d,", k++ % 20 == 0 ? "\n    " : " ", rec[distinct[d] * bs + i]);
        }
    }
    fprintf(out, "\n};\n\n#endif\n");
    if (fclose(out) != 0) {
        return 1;
    }
    return 0;
}
