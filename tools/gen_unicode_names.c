/* gen_unicode_names.c — build-time generator of build/gen/unicode_names.h, the
 * Unicode tables the compiler front end needs:
 *
 *   - the character names accepted by "\N{...}" (UnicodeData.txt names plus every
 *     alias of NameAliases.txt), for a case-insensitive lookup name -> code point;
 *   - XID_Start / XID_Continue ranges (identifiers);
 *   - the ranges of characters that str.isprintable() rejects (Cc Cf Cs Co Cn Zl
 *     Zp Zs, except U+0020), for error messages and the AST dumper's reprs;
 *   - what NFKC normalisation of identifiers needs (PEP 3131): the canonical and
 *     compatibility decompositions, the canonical combining classes, and the
 *     canonical compositions (pairs not excluded from composition).
 *
 * Usage: gen_unicode_names UNICODE_DIR OUT.h
 * UNICODE_DIR holds UnicodeData.txt, NameAliases.txt, DerivedAge.txt,
 * DerivedCoreProperties.txt and DerivedNormalizationProps.txt (Debian's
 * unicode-data package).
 *
 * pyl implements Python 3.11, whose unicodedata is Unicode 14.0; characters that
 * DerivedAge.txt dates after MAX_AGE are treated as unassigned, so a newer data
 * set gives the same tables as 14.0 would.
 *
 * Name table layout (front coding, names sorted by byte value):
 *
 *     entry := prefix_len:u8 suffix_len:u8 suffix[suffix_len] cp:u24 (big endian)
 *
 * prefix_len is the number of leading bytes shared with the previous entry's name;
 * every PYL_UNAME_BLOCK-th entry starts a block, has prefix_len 0, and its byte
 * offset is listed in pyl_uname_block[]. A lookup binary-searches the block heads
 * and then decodes one block linearly.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CP 0x110000
#define MAX_AGE_MAJOR 14
#define MAX_AGE_MINOR 0
#define BLOCK 32

typedef struct {
    char *name;
    unsigned cp;
} Name;

static Name *names;
static size_t nnames, capnames;
static unsigned char *assigned;   /* age <= 14.0 */
static char (*gc)[3];             /* general category, "Cn" when unassigned */
static unsigned char *xid;        /* bit 0: XID_Start, bit 1: XID_Continue */
static unsigned char *ccc;        /* canonical combining class */
static unsigned char *no_compose; /* Full_Composition_Exclusion */
/* decompositions: decomp_at[cp] indexes decomp_cps (0: none); compat flag apart */
static unsigned *decomp_at, *decomp_cps;
static unsigned char *decomp_len, *decomp_compat;
static size_t ndecomp_cps = 1;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen_unicode_names: %s%s\n", msg, arg ? arg : "");
    exit(1);
}

static FILE *open_in(const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "r");
    if (!f) {
        die("cannot open ", path);
    }
    return f;
}

static void add_name(const char *name, unsigned cp)
{
    if (nnames == capnames) {
        capnames = capnames ? capnames * 2 : 4096;
        names = realloc(names, capnames * sizeof *names);
        if (!names) {
            die("out of memory", NULL);
        }
    }
    names[nnames].name = strdup(name);
    names[nnames].cp = cp;
    nnames++;
}

/* Parses "XXXX" or "XXXX..YYYY" at s into [*lo, *hi]. */
static int parse_range(const char *s, unsigned *lo, unsigned *hi)
{
    char *end;
    *lo = (unsigned)strtoul(s, &end, 16);
    if (end == s) {
        return 0;
    }
    *hi = *lo;
    if (end[0] == '.' && end[1] == '.') {
        *hi = (unsigned)strtoul(end + 2, NULL, 16);
    }
    return 1;
}

static void read_age(const char *dir)
{
    FILE *f = open_in(dir, "DerivedAge.txt");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        unsigned lo, hi;
        if (line[0] == '#' || !parse_range(line, &lo, &hi)) {
            continue;
        }
        char *semi = strchr(line, ';');
        if (!semi) {
            continue;
        }
        int major = 0, minor = 0;
        sscanf(semi + 1, " %d.%d", &major, &minor);
        if (major < MAX_AGE_MAJOR || (major == MAX_AGE_MAJOR && minor <= MAX_AGE_MINOR)) {
            for (unsigned c = lo; c <= hi && c < MAX_CP; c++) {
                assigned[c] = 1;
            }
        }
    }
    fclose(f);
}

static void read_unicode_data(const char *dir)
{
    FILE *f = open_in(dir, "UnicodeData.txt");
    char line[1024];
    unsigned range_first = 0;
    while (fgets(line, sizeof line, f)) {
        char *field[15];
        int n = 0;
        char *s = line;
        field[n++] = s;
        while (n < 15 && (s = strchr(s, ';')) != NULL) {
            *s++ = '\0';
            field[n++] = s;
        }
        if (n < 3) {
            continue;
        }
        unsigned cp = (unsigned)strtoul(field[0], NULL, 16);
        const char *name = field[1];
        size_t nl = strlen(name);
        if (name[0] == '<' && nl > 8 && strcmp(name + nl - 8, ", First>") == 0) {
            range_first = cp;
            continue;
        }
        unsigned lo = cp;
        if (name[0] == '<' && nl > 7 && strcmp(name + nl - 7, ", Last>") == 0) {
            lo = range_first;
        }
        for (unsigned c = lo; c <= cp; c++) {
            if (assigned[c]) {
                memcpy(gc[c], field[2], 2);
                ccc[c] = (unsigned char)atoi(field[3]);
            }
        }
        if (n > 5 && field[5][0] && assigned[cp]) {
            const char *d = field[5];
            int compat = 0;
            if (d[0] == '<') {
                compat = 1;
                d = strchr(d, '>') + 1;
            }
            unsigned tmp[32];
            int k = 0;
            char *end;
            for (;;) {
                unsigned v = (unsigned)strtoul(d, &end, 16);
                if (end == d) {
                    break;
                }
                tmp[k++] = v;
                d = end;
            }
            decomp_at[cp] = (unsigned)ndecomp_cps;
            decomp_len[cp] = (unsigned char)k;
            decomp_compat[cp] = (unsigned char)compat;
            for (int i = 0; i < k; i++) {
                decomp_cps[ndecomp_cps++] = tmp[i];
            }
        }
        if (name[0] != '<' && assigned[cp]) {
            add_name(name, cp);
        }
    }
    fclose(f);
}

static void read_aliases(const char *dir)
{
    FILE *f = open_in(dir, "NameAliases.txt");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || !isxdigit((unsigned char)line[0])) {
            continue;
        }
        char *a = strchr(line, ';');
        if (!a) {
            continue;
        }
        *a++ = '\0';
        char *b = strchr(a, ';');
        if (b) {
            *b = '\0';
        }
        unsigned cp = (unsigned)strtoul(line, NULL, 16);
        if (cp < MAX_CP && assigned[cp]) {
            add_name(a, cp);
        }
    }
    fclose(f);
}

static void read_xid(const char *dir)
{
    FILE *f = open_in(dir, "DerivedCoreProperties.txt");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        unsigned lo, hi;
        if (line[0] == '#' || !parse_range(line, &lo, &hi)) {
            continue;
        }
        int bit = 0;
        if (strstr(line, "; XID_Start ")) {
            bit = 1;
        } else if (strstr(line, "; XID_Continue ")) {
            bit = 2;
        }
        for (unsigned c = lo; bit && c <= hi && c < MAX_CP; c++) {
            if (assigned[c]) {
                xid[c] |= (unsigned char)bit;
            }
        }
    }
    fclose(f);
}

static void read_exclusions(const char *dir)
{
    FILE *f = open_in(dir, "DerivedNormalizationProps.txt");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        unsigned lo, hi;
        if (line[0] == '#' || !parse_range(line, &lo, &hi) ||
            !strstr(line, "; Full_Composition_Exclusion")) {
            continue;
        }
        for (unsigned c = lo; c <= hi && c < MAX_CP; c++) {
            no_compose[c] = 1;
        }
    }
    fclose(f);
}

static int cmp_name(const void *a, const void *b)
{
    const Name *x = a, *y = b;
    int r = strcmp(x->name, y->name);
    return r ? r : (int)x->cp - (int)y->cp;
}

static int is_printable(unsigned c)
{
    if (c == ' ') {
        return 1;
    }
    const char *g = gc[c];
    return !(g[0] == 'C' || (g[0] == 'Z'));
}

/* Writes the code points in [0, MAX_CP) for which pred holds as sorted ranges. */
static void emit_ranges(FILE *out, const char *cname, int (*pred)(unsigned))
{
    fprintf(out, "static const unsigned int %s[][2] = {\n", cname);
    int count = 0;
    for (unsigned c = 0; c < MAX_CP;) {
        if (!pred(c)) {
            c++;
            continue;
        }
        unsigned lo = c;
        while (c < MAX_CP && pred(c)) {
            c++;
        }
        fprintf(out, "%s{0x%X,0x%X},", count % 6 == 0 ? "\n    " : " ", lo, c - 1);
        count++;
    }
    fprintf(out, "\n};\n#define %s_N %d\n\n", cname, count);
}

static int pred_nonprint(unsigned c)
{
    return !is_printable(c);
}
static int pred_xid_start(unsigned c)
{
    return (xid[c] & 1) != 0;
}
static int pred_xid_continue(unsigned c)
{
    return (xid[c] & 2) != 0;
}

/* NFKC tables:
 *   pyl_udecomp[i] = {cp, start, len | compat << 8}, sorted by cp; the mapping is
 *                    pyl_udecomp_cps[start .. start+len) (not yet recursive)
 *   pyl_uccc[i]    = {cp, class} for every class != 0, sorted by cp
 *   pyl_ucompose[i] = {first, second, composite}, sorted by (first, second): the
 *                    canonical pairs whose composite is not excluded */
static void emit_normalization(FILE *out)
{
    int n = 0;
    fprintf(out, "static const unsigned int pyl_udecomp[][3] = {");
    for (unsigned c = 0; c < MAX_CP; c++) {
        if (decomp_at[c]) {
            fprintf(out, "%s{0x%X,%u,%u},", n++ % 4 == 0 ? "\n    " : " ", c, decomp_at[c],
                    decomp_len[c] | (unsigned)decomp_compat[c] << 8);
        }
    }
    fprintf(out, "\n};\n#define pyl_udecomp_N %d\n\n", n);
    fprintf(out, "static const unsigned int pyl_udecomp_cps[%zu] = {", ndecomp_cps);
    for (size_t i = 0; i < ndecomp_cps; i++) {
        fprintf(out, "%s0x%X,", i % 10 == 0 ? "\n    " : " ", decomp_cps[i]);
    }
    fprintf(out, "\n};\n\n");
    n = 0;
    fprintf(out, "static const unsigned int pyl_uccc[][2] = {");
    for (unsigned c = 0; c < MAX_CP; c++) {
        if (ccc[c]) {
            fprintf(out, "%s{0x%X,%u},", n++ % 6 == 0 ? "\n    " : " ", c, ccc[c]);
        }
    }
    fprintf(out, "\n};\n#define pyl_uccc_N %d\n\n", n);
    /* pairs, sorted by (first, second) */
    static unsigned pairs[4096][3];
    int np = 0;
    for (unsigned c = 0; c < MAX_CP; c++) {
        if (decomp_at[c] && !decomp_compat[c] && decomp_len[c] == 2 && !no_compose[c]) {
            pairs[np][0] = decomp_cps[decomp_at[c]];
            pairs[np][1] = decomp_cps[decomp_at[c] + 1];
            pairs[np][2] = c;
            np++;
        }
    }
    for (int i = 1; i < np; i++) {
        for (int j = i;
             j > 0 && (pairs[j - 1][0] > pairs[j][0] ||
                       (pairs[j - 1][0] == pairs[j][0] && pairs[j - 1][1] > pairs[j][1]));
             j--) {
            unsigned t[3];
            memcpy(t, pairs[j], sizeof t);
            memcpy(pairs[j], pairs[j - 1], sizeof t);
            memcpy(pairs[j - 1], t, sizeof t);
        }
    }
    fprintf(out, "static const unsigned int pyl_ucompose[][3] = {");
    for (int i = 0; i < np; i++) {
        fprintf(out, "%s{0x%X,0x%X,0x%X},", i % 4 == 0 ? "\n    " : " ", pairs[i][0], pairs[i][1],
                pairs[i][2]);
    }
    fprintf(out, "\n};\n#define pyl_ucompose_N %d\n\n", np);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        die("usage: gen_unicode_names UNICODE_DIR OUT.h", NULL);
    }
    const char *dir = argv[1];
    assigned = calloc(MAX_CP, 1);
    gc = calloc(MAX_CP, sizeof *gc);
    xid = calloc(MAX_CP, 1);
    ccc = calloc(MAX_CP, 1);
    no_compose = calloc(MAX_CP, 1);
    decomp_at = calloc(MAX_CP, sizeof *decomp_at);
    decomp_len = calloc(MAX_CP, 1);
    decomp_compat = calloc(MAX_CP, 1);
    decomp_cps = calloc(1 << 16, sizeof *decomp_cps);
    if (!assigned || !gc || !xid || !ccc || !no_compose || !decomp_at || !decomp_len ||
        !decomp_compat || !decomp_cps) {
        die("out of memory", NULL);
    }
    for (unsigned c = 0; c < MAX_CP; c++) {
        memcpy(gc[c], "Cn", 3);
    }
    read_age(dir);
    read_unicode_data(dir);
    read_aliases(dir);
    read_xid(dir);
    read_exclusions(dir);
    qsort(names, nnames, sizeof *names, cmp_name);

    /* Front-code the sorted names. */
    size_t cap = 1 << 20, len = 0;
    unsigned char *data = malloc(cap);
    size_t nblocks = (nnames + BLOCK - 1) / BLOCK;
    unsigned *blocks = malloc((nblocks + 1) * sizeof *blocks);
    const char *prev = "";
    for (size_t i = 0; i < nnames; i++) {
        const char *nm = names[i].name;
        size_t pl = 0;
        if (i % BLOCK == 0) {
            blocks[i / BLOCK] = (unsigned)len;
        } else {
            while (nm[pl] && nm[pl] == prev[pl] && pl < 255) {
                pl++;
            }
        }
        size_t sl = strlen(nm) - pl;
        if (sl > 255) {
            die("name too long: ", nm);
        }
        if (len + sl + 8 > cap) {
            cap *= 2;
            data = realloc(data, cap);
        }
        data[len++] = (unsigned char)pl;
        data[len++] = (unsigned char)sl;
        memcpy(data + len, nm + pl, sl);
        len += sl;
        data[len++] = (unsigned char)(names[i].cp >> 16);
        data[len++] = (unsigned char)(names[i].cp >> 8);
        data[len++] = (unsigned char)names[i].cp;
        prev = nm;
    }
    blocks[nblocks] = (unsigned)len;

    FILE *out = fopen(argv[2], "w");
    if (!out) {
        die("cannot write ", argv[2]);
    }
    fprintf(out, "/* unicode_names.h — generated by tools/gen_unicode_names.c; do not edit.\n"
                 " * Unicode tables of the compiler front end (Unicode 14.0 subset). */\n"
                 "#ifndef PYL_GEN_UNICODE_NAMES_H\n#define PYL_GEN_UNICODE_NAMES_H\n\n");
    fprintf(out,
            "#define PYL_UNAME_COUNT %zu\n#define PYL_UNAME_BLOCK %d\n#define PYL_UNAME_NBLOCKS "
            "%zu\n\n",
            nnames, BLOCK, nblocks);
    fprintf(out, "static const unsigned int pyl_uname_block[%zu] = {", nblocks + 1);
    for (size_t i = 0; i <= nblocks; i++) {
        fprintf(out, "%s%u,", i % 10 == 0 ? "\n    " : " ", blocks[i]);
    }
    fprintf(out, "\n};\n\n");
    /* The name data as one string literal (compiles much faster than a byte array). */
    fprintf(out, "static const unsigned char pyl_uname_data[%zu] =", len + 1);
    for (size_t i = 0; i < len; i++) {
        if (i % 64 == 0) {
            fprintf(out, "%s\n    \"", i ? "\"" : "");
        }
        unsigned char c = data[i];
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-') {
            fputc(c, out);
        } else {
            fprintf(out, "\\%03o", c);
        }
    }
    fprintf(out, "\";\n\n");
    emit_ranges(out, "pyl_unonprint", pred_nonprint);
    emit_ranges(out, "pyl_uxid_start", pred_xid_start);
    emit_ranges(out, "pyl_uxid_continue", pred_xid_continue);
    emit_normalization(out);
    fprintf(out, "#endif\n");
    if (fclose(out) != 0) {
        die("write error on ", argv[2]);
    }
    for (size_t i = 0; i < nnames; i++) {
        free(names[i].name);
    }
    free(names);
    free(data);
    free(blocks);
    free(assigned);
    free(gc);
    free(xid);
    free(ccc);
    free(no_compose);
    free(decomp_at);
    free(decomp_len);
    free(decomp_compat);
    free(decomp_cps);
    return 0;
}
