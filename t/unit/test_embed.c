/* test_embed.c — the embedding API, used exactly as an embedder does: through
 * vm/pyl.h only. Every API function, the ownership rules (the ASan build's
 * LeakSanitizer and the VM's own leak check see every reference left behind),
 * errors and tracebacks, the heap limit, the std-stream hooks, native functions
 * and classes, and a VM driven from another OS thread. */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm/pyl.h"

/* ---- the fixture: a VM whose stdout/stderr go to two buffers ---------------------------- */

typedef struct Capture {
    char out[1 << 16], err[1 << 16];
    size_t nout, nerr;
    int writes_out;
} Capture;

static void cap_out(void *ctx, const char *data, size_t n)
{
    Capture *c = ctx;
    ck_assert_uint_lt(c->nout + n, sizeof c->out);
    memcpy(c->out + c->nout, data, n);
    c->nout += n;
    c->out[c->nout] = '\0';
    c->writes_out++;
}

static void cap_err(void *ctx, const char *data, size_t n)
{
    Capture *c = ctx;
    ck_assert_uint_lt(c->nerr + n, sizeof c->err);
    memcpy(c->err + c->nerr, data, n);
    c->nerr += n;
    c->err[c->nerr] = '\0';
}

static Capture cap;
static PylVM *vm;
static char dir[64];

static PylVM *new_vm(size_t heap_limit)
{
    PylConfig cfg;
    pyl_config_init(&cfg);
    const char *path[] = {dir, NULL};
    cfg.path = path;
    cfg.write_out = cap_out;
    cfg.write_err = cap_err;
    cfg.ctx = &cap;
    cfg.write_bytecode = 0;
    cfg.heap_limit = heap_limit;
    return pyl_vm_new(&cfg);
}

static void setup(void)
{
    memset(&cap, 0, sizeof cap);
    snprintf(dir, sizeof dir, "/tmp/pyl_embed_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    vm = new_vm(0);
    ck_assert_ptr_nonnull(vm);
}

static void teardown(void)
{
    pyl_vm_free(vm);
    vm = NULL;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "cannot remove %s\n", dir);
    }
}

/* Write dir/name with text; returns the path (static buffer). */
static const char *write_module(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

/* import_file(dir/name) with text, asserting success. */
static PylObject *load(const char *name, const char *modname, const char *text)
{
    PylObject *m = pyl_api_import_file(vm, write_module(name, text), modname);
    if (m == NULL) {
        char *tb = pyl_api_err_traceback(vm);
        ck_abort_msg("import failed:\n%s", tb);
    }
    return m;
}

/* The pending exception's traceback text (asserting there is one), cleared. */
static char *take_traceback(void)
{
    ck_assert(pyl_api_err_pending(vm));
    char *tb = pyl_api_err_traceback(vm);
    ck_assert_ptr_nonnull(tb);
    ck_assert(pyl_api_err_pending(vm)); /* still pending */
    pyl_api_err_clear(vm);
    ck_assert(!pyl_api_err_pending(vm));
    return tb;
}

static void assert_str(PylObject *s, const char *expect)
{
    ck_assert_ptr_nonnull(s);
    size_t n;
    const char *p = pyl_api_str_as_utf8(vm, s, &n);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(p, expect);
    ck_assert_uint_eq(n, strlen(expect));
}

static int64_t as_i64(PylObject *o)
{
    int64_t v = 0;
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(pyl_api_int_as_i64(vm, o, &v), 0);
    return v;
}

/* ---- VMs -------------------------------------------------------------------------------- */

START_TEST(test_config_and_lifecycle)
{
    PylConfig cfg;
    memset(&cfg, 0x5a, sizeof cfg);
    pyl_config_init(&cfg);
    ck_assert_ptr_null(cfg.path);
    ck_assert_ptr_null(cfg.lib_dir);
    ck_assert_ptr_null(cfg.write_out);
    ck_assert_int_eq(cfg.recursion_limit, 0);
    ck_assert_uint_eq(cfg.heap_limit, 0);
    ck_assert_int_eq(cfg.write_bytecode, 1);

    PylVM *plain = pyl_vm_new(NULL);
    ck_assert_ptr_nonnull(plain);
    ck_assert_uint_gt(pyl_vm_heap_bytes(plain), 0);
    pyl_vm_free(plain);
    pyl_vm_free(NULL);

    /* the config reaches sys: path (in order, then lib_dir), recursion limit */
    const char *path[] = {"/nonexistent/a", "/nonexistent/b", NULL};
    cfg.path = path;
    cfg.lib_dir = "/nonexistent/lib";
    cfg.recursion_limit = 345;
    cfg.write_bytecode = 0;
    cfg.write_out = cap_out;
    cfg.ctx = &cap;
    PylVM *v = pyl_vm_new(&cfg);
    ck_assert_ptr_nonnull(v);
    const char *src = "import sys\n"
                      "print(sys.path)\n"
                      "print(sys.getrecursionlimit(), sys.dont_write_bytecode)\n";
    ck_assert_int_eq(pyl_run_string(v, src, strlen(src), "<test>"), 0);
    pyl_vm_free(v);
    ck_assert_str_eq(cap.out, "['/nonexistent/a', '/nonexistent/b', '/nonexistent/lib']\n"
                              "345 True\n");
}
END_TEST

START_TEST(test_run_string_status)
{
    const char *ok = "x = 1\n";
    ck_assert_int_eq(pyl_run_string(vm, ok, strlen(ok), "<ok>"), 0);
    const char *ex = "import sys\nsys.exit(3)\n";
    ck_assert_int_eq(pyl_run_string(vm, ex, strlen(ex), "<exit>"), 3);
    const char *bad = "def f():\n    return 1 / 0\nf()\n";
    ck_assert_int_eq(pyl_run_string(vm, bad, strlen(bad), "<bad>"), 1);
    ck_assert(!pyl_api_err_pending(vm));
    ck_assert_str_eq(cap.err, "Traceback (most recent call last):\n"
                              "  File \"<bad>\", line 3, in <module>\n"
                              "  File \"<bad>\", line 2, in f\n"
                              "ZeroDivisionError: division by zero\n");
}
END_TEST

/* ---- values ------------------------------------------------------------------------------ */

START_TEST(test_immediates_and_ints)
{
    PylObject *n = pyl_api_none(vm), *tr = pyl_api_true(vm), *fa = pyl_api_false(vm);
    ck_assert(pyl_api_is_none(vm, n));
    ck_assert(!pyl_api_is_none(vm, tr));
    ck_assert(pyl_api_is_bool(vm, tr) && pyl_api_is_bool(vm, fa));
    ck_assert_ptr_eq(pyl_api_bool_new(vm, 7), tr);
    ck_assert_ptr_eq(pyl_api_bool_new(vm, 0), fa);
    ck_assert_int_eq(pyl_api_is_true(vm, tr), 1);
    ck_assert_int_eq(pyl_api_is_true(vm, n), 0);
    ck_assert_str_eq(pyl_api_type_name(vm, n), "NoneType");
    ck_assert_str_eq(pyl_api_type_name(vm, tr), "bool");
    ck_assert(pyl_api_is_int(vm, tr)); /* bool is an int, as isinstance says */
    ck_assert_int_eq(as_i64(tr), 1);
    ck_assert_ptr_eq(pyl_api_incref(n), n); /* tagged values: no-ops */
    pyl_api_decref(vm, n);
    pyl_api_decref(vm, tr);
    pyl_api_decref(vm, fa);
    pyl_api_decref(vm, NULL);
    ck_assert_ptr_null(pyl_api_incref(NULL));

    static const int64_t values[] = {0,
                                     1,
                                     -1,
                                     42,
                                     INT32_MAX,
                                     (int64_t)1 << 40,
                                     INT64_MAX,
                                     INT64_MIN,
                                     -((int64_t)1 << 62),
                                     ((int64_t)1 << 62)};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        PylObject *o = pyl_api_int_from_i64(vm, values[i]);
        ck_assert(pyl_api_is_int(vm, o));
        ck_assert_str_eq(pyl_api_type_name(vm, o), "int");
        ck_assert_int_eq(as_i64(o), values[i]);
        char expect[32];
        snprintf(expect, sizeof expect, "%lld", (long long)values[i]);
        PylObject *r = pyl_api_repr(vm, o);
        assert_str(r, expect);
        pyl_api_decref(vm, r);
        pyl_api_decref(vm, o);
    }
    /* 2**64 does not fit; a str is not an int */
    PylObject *m = load("big.py", "big", "BIG = 2 ** 64\nTEXT = '12'\n");
    PylObject *big = pyl_api_getattr_str(vm, m, "BIG");
    int64_t v;
    ck_assert_int_eq(pyl_api_int_as_i64(vm, big, &v), -1);
    ck_assert(pyl_api_err_matches(vm, "OverflowError"));
    pyl_api_err_clear(vm);
    PylObject *text = pyl_api_getattr_str(vm, m, "TEXT");
    ck_assert_int_eq(pyl_api_int_as_i64(vm, text, &v), -1);
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);
    pyl_api_decref(vm, big);
    pyl_api_decref(vm, text);
    pyl_api_decref(vm, m);
}
END_TEST

START_TEST(test_str_and_bytes)
{
    PylObject *s = pyl_api_str_from_utf8(vm, "h\xc3\xa9llo\0x", 8);
    ck_assert(pyl_api_is_str(vm, s));
    ck_assert_int_eq(pyl_api_len(vm, s), 7);
    size_t n;
    const char *p = pyl_api_str_as_utf8(vm, s, &n);
    ck_assert_uint_eq(n, 8);
    ck_assert_int_eq(memcmp(p, "h\xc3\xa9llo\0x", 9), 0); /* NUL-terminated too */
    pyl_api_decref(vm, s);

    s = pyl_api_str_from_cstr(vm, "abc");
    assert_str(s, "abc");
    pyl_api_decref(vm, s);

    /* invalid UTF-8 */
    ck_assert_ptr_null(pyl_api_str_from_utf8(vm, "a\xff", 2));
    ck_assert(pyl_api_err_matches(vm, "UnicodeDecodeError"));
    ck_assert(pyl_api_err_matches(vm, "ValueError"));
    ck_assert(!pyl_api_err_matches(vm, "TypeError"));
    ck_assert(!pyl_api_err_matches(vm, "NoSuchError"));
    pyl_api_err_clear(vm);

    /* Latin-1: every byte is a code point */
    s = pyl_api_str_from_latin1(vm, "caf\xe9\xff", 5);
    ck_assert_int_eq(pyl_api_len(vm, s), 5);
    assert_str(s, "caf\xc3\xa9\xc3\xbf");
    PylObject *b = pyl_api_str_encode(vm, s, "latin-1", NULL);
    const char *data;
    ck_assert_int_eq(pyl_api_bytes_data(vm, b, &data, &n), 0);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(memcmp(data, "caf\xe9\xff", 5), 0);
    pyl_api_decref(vm, b);
    pyl_api_decref(vm, s);
    s = pyl_api_str_from_utf8(vm, "\xe2\x82\xac", 3); /* the euro sign is not Latin-1 */
    ck_assert_ptr_null(pyl_api_str_encode(vm, s, "latin-1", "strict"));
    ck_assert(pyl_api_err_matches(vm, "UnicodeEncodeError"));
    pyl_api_err_clear(vm);
    b = pyl_api_str_encode(vm, s, "latin-1", "replace");
    ck_assert_int_eq(pyl_api_bytes_data(vm, b, &data, &n), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(data[0], '?');
    pyl_api_decref(vm, b);
    pyl_api_decref(vm, s);

    /* not a str */
    PylObject *i = pyl_api_int_from_i64(vm, 5);
    ck_assert_ptr_null(pyl_api_str_as_utf8(vm, i, &n));
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);
    ck_assert_ptr_null(pyl_api_str_encode(vm, i, "utf-8", NULL));
    pyl_api_err_clear(vm);
    ck_assert_int_eq(pyl_api_bytes_data(vm, i, &data, &n), -1);
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);

    /* a str holding a lone surrogate has no UTF-8 form */
    PylObject *m = load("sur.py", "sur", "S = 'a\\udc80'\nBA = bytearray(b'xy\\0z')\n");
    PylObject *sur = pyl_api_getattr_str(vm, m, "S");
    ck_assert_ptr_null(pyl_api_str_as_utf8(vm, sur, NULL));
    ck_assert(pyl_api_err_matches(vm, "UnicodeEncodeError"));
    pyl_api_err_clear(vm);

    /* bytes and bytearray */
    b = pyl_api_bytes_new(vm, "a\0b", 3);
    ck_assert(pyl_api_is_bytes(vm, b));
    ck_assert(!pyl_api_is_bytearray(vm, b));
    ck_assert_int_eq(pyl_api_bytes_data(vm, b, &data, &n), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(memcmp(data, "a\0b", 3), 0);
    PylObject *r = pyl_api_repr(vm, b);
    assert_str(r, "b'a\\x00b'");
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, b);
    b = pyl_api_bytes_new(vm, NULL, 0);
    ck_assert_int_eq(pyl_api_bytes_data(vm, b, &data, &n), 0);
    ck_assert_uint_eq(n, 0);
    pyl_api_decref(vm, b);
    PylObject *ba = pyl_api_getattr_str(vm, m, "BA");
    ck_assert(pyl_api_is_bytearray(vm, ba) && !pyl_api_is_bytes(vm, ba));
    ck_assert_int_eq(pyl_api_bytes_data(vm, ba, &data, &n), 0);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(memcmp(data, "xy\0z", 4), 0);
    pyl_api_decref(vm, ba);
    pyl_api_decref(vm, sur);
    pyl_api_decref(vm, i);
    pyl_api_decref(vm, m);
}
END_TEST

START_TEST(test_containers)
{
    PylObject *l = pyl_api_list_new(vm);
    ck_assert(pyl_api_is_list(vm, l));
    for (int i = 0; i < 5; i++) {
        PylObject *o = pyl_api_int_from_i64(vm, i * 10);
        ck_assert_int_eq(pyl_api_list_append(vm, l, o), 0);
        pyl_api_decref(vm, o);
    }
    PylObject *s = pyl_api_str_from_cstr(vm, "end");
    ck_assert_int_eq(pyl_api_list_append(vm, l, s), 0);
    pyl_api_decref(vm, s); /* the list keeps its own reference */
    ck_assert_int_eq(pyl_api_list_size(vm, l), 6);
    PylObject *o = pyl_api_list_get(vm, l, 3);
    ck_assert_int_eq(as_i64(o), 30);
    pyl_api_decref(vm, o);
    o = pyl_api_list_get(vm, l, 5);
    assert_str(o, "end");
    pyl_api_decref(vm, o);
    ck_assert_ptr_null(pyl_api_list_get(vm, l, 6));
    ck_assert(pyl_api_err_matches(vm, "IndexError"));
    pyl_api_err_clear(vm);
    ck_assert_int_eq(pyl_api_list_size(vm, s = pyl_api_str_from_cstr(vm, "x")), -1);
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);
    ck_assert_int_eq(pyl_api_list_append(vm, s, s), -1);
    pyl_api_err_clear(vm);
    pyl_api_decref(vm, s);

    /* iteration */
    PylObject *it = pyl_api_iter(vm, l);
    PylObject *item;
    int count = 0;
    while (pyl_api_iter_next(vm, it, &item) == 1) {
        count++;
        pyl_api_decref(vm, item);
    }
    ck_assert_ptr_null(item);
    ck_assert(!pyl_api_err_pending(vm));
    ck_assert_int_eq(count, 6);
    pyl_api_decref(vm, it);
    ck_assert_ptr_null(pyl_api_iter(vm, pyl_api_none(vm)));
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);

    /* tuples */
    PylObject *items[3] = {l, pyl_api_none(vm), pyl_api_int_from_i64(vm, 7)};
    PylObject *tup = pyl_api_tuple_new(vm, items, 3);
    pyl_api_decref(vm, items[2]);
    ck_assert(pyl_api_is_tuple(vm, tup) && !pyl_api_is_list(vm, tup));
    ck_assert_int_eq(pyl_api_tuple_size(vm, tup), 3);
    o = pyl_api_tuple_get(vm, tup, 0);
    ck_assert_ptr_eq(o, l);
    pyl_api_decref(vm, o);
    o = pyl_api_tuple_get(vm, tup, 2);
    ck_assert_int_eq(as_i64(o), 7);
    pyl_api_decref(vm, o);
    ck_assert_ptr_null(pyl_api_tuple_get(vm, tup, 3));
    ck_assert(pyl_api_err_matches(vm, "IndexError"));
    pyl_api_err_clear(vm);
    PylObject *empty = pyl_api_tuple_new(vm, NULL, 0);
    ck_assert_int_eq(pyl_api_tuple_size(vm, empty), 0);
    pyl_api_decref(vm, empty);
    PylObject *r = pyl_api_repr(vm, tup);
    assert_str(r, "([0, 10, 20, 30, 40, 'end'], None, 7)");
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, tup);
    pyl_api_decref(vm, l);

    /* dicts: insertion order, str and object keys, missing keys */
    PylObject *d = pyl_api_dict_new(vm);
    ck_assert(pyl_api_is_dict(vm, d));
    static const char *const keys[] = {"REQUEST_METHOD", "PATH_INFO", "wsgi.version", "zz"};
    for (int i = 0; i < 4; i++) {
        PylObject *v = pyl_api_int_from_i64(vm, i);
        ck_assert_int_eq(pyl_api_dict_set_str(vm, d, keys[i], v), 0);
        pyl_api_decref(vm, v);
    }
    PylObject *k = pyl_api_int_from_i64(vm, 99), *v = pyl_api_str_from_cstr(vm, "int key");
    ck_assert_int_eq(pyl_api_dict_set(vm, d, k, v), 0);
    ck_assert_int_eq(pyl_api_dict_size(vm, d), 5);
    o = pyl_api_dict_get(vm, d, k);
    ck_assert_ptr_eq(o, v);
    pyl_api_decref(vm, o);
    pyl_api_decref(vm, k);
    pyl_api_decref(vm, v);
    o = pyl_api_dict_get_str(vm, d, "PATH_INFO");
    ck_assert_int_eq(as_i64(o), 1);
    pyl_api_decref(vm, o);
    ck_assert_ptr_null(pyl_api_dict_get_str(vm, d, "missing"));
    ck_assert(pyl_api_err_matches(vm, "KeyError"));
    pyl_api_err_clear(vm);
    size_t pos = 0;
    int seen = 0;
    while (pyl_api_dict_next(vm, d, &pos, &k, &v)) {
        if (seen < 4) {
            assert_str(k, keys[seen]);
            ck_assert_int_eq(as_i64(v), seen);
        } else {
            ck_assert_int_eq(as_i64(k), 99);
        }
        seen++;
    }
    ck_assert_int_eq(seen, 5);
    ck_assert_int_eq(pyl_api_dict_next(vm, pyl_api_none(vm), &pos, &k, &v), 0);
    /* unhashable key */
    l = pyl_api_list_new(vm);
    ck_assert_int_eq(pyl_api_dict_set(vm, d, l, l), -1);
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);
    ck_assert_int_eq(pyl_api_dict_set_str(vm, l, "a", l), -1);
    pyl_api_err_clear(vm);
    PylObject *sv = pyl_api_str(vm, d);
    ck_assert_ptr_nonnull(sv);
    pyl_api_decref(vm, sv);
    pyl_api_decref(vm, l);
    pyl_api_decref(vm, d);
}
END_TEST

/* ---- modules and calls --------------------------------------------------------------------- */

static const char app_src[] = "import sys\n"
                              "\n"
                              "def add(a, b=10, *, scale=1):\n"
                              "    return (a + b) * scale\n"
                              "\n"
                              "def describe(*args, **kwargs):\n"
                              "    return repr(args) + ' ' + repr(sorted(kwargs.items()))\n"
                              "\n"
                              "def app(environ):\n"
                              "    return helper(environ) + 1\n"
                              "\n"
                              "def helper(environ):\n"
                              "    return environ['n'] / environ['d']\n"
                              "\n"
                              "class Counter:\n"
                              "    def __init__(self):\n"
                              "        self.n = 0\n"
                              "    def bump(self, by=1):\n"
                              "        self.n += by\n"
                              "        return self.n\n"
                              "NAME = __name__\n"
                              "IN_MODULES = sys.modules[__name__] is not None\n";

START_TEST(test_import_and_call)
{
    PylObject *m = load("myapp.py", "myapp", app_src);
    PylObject *name = pyl_api_getattr_str(vm, m, "NAME");
    assert_str(name, "myapp");
    pyl_api_decref(vm, name);
    PylObject *file = pyl_api_getattr_str(vm, m, "__file__");
    char expect[256];
    snprintf(expect, sizeof expect, "%s/myapp.py", dir);
    assert_str(file, expect);
    pyl_api_decref(vm, file);

    /* registered in sys.modules; importable by name from Python too */
    PylObject *sys = pyl_api_import(vm, "sys");
    ck_assert_ptr_nonnull(sys);
    PylObject *modules = pyl_api_getattr_str(vm, sys, "modules");
    PylObject *again = pyl_api_dict_get_str(vm, modules, "myapp");
    ck_assert_ptr_eq(again, m);
    pyl_api_decref(vm, again);
    pyl_api_decref(vm, modules);
    pyl_api_decref(vm, sys);
    ck_assert_ptr_null(pyl_api_import(vm, "no_such_module_here"));
    ck_assert(pyl_api_err_matches(vm, "ModuleNotFoundError"));
    ck_assert(pyl_api_err_matches(vm, "ImportError"));
    pyl_api_err_clear(vm);

    /* positional and keyword arguments */
    PylObject *add = pyl_api_getattr_str(vm, m, "add");
    ck_assert(pyl_api_is_callable(vm, add));
    PylObject *args[2] = {pyl_api_int_from_i64(vm, 2), pyl_api_int_from_i64(vm, 3)};
    PylObject *r = pyl_api_call(vm, add, args, 2, NULL);
    ck_assert_int_eq(as_i64(r), 5);
    pyl_api_decref(vm, r);
    r = pyl_api_call(vm, add, args, 1, NULL);
    ck_assert_int_eq(as_i64(r), 12);
    pyl_api_decref(vm, r);
    PylObject *kw = pyl_api_dict_new(vm);
    pyl_api_dict_set_str(vm, kw, "scale", args[1]);
    r = pyl_api_call(vm, add, args, 2, kw);
    ck_assert_int_eq(as_i64(r), 15);
    pyl_api_decref(vm, r);
    pyl_api_dict_set_str(vm, kw, "b", args[0]);
    r = pyl_api_call(vm, add, args, 1, kw);
    ck_assert_int_eq(as_i64(r), 12);
    pyl_api_decref(vm, r);
    /* a wrong call raises TypeError with CPython's message */
    r = pyl_api_call(vm, add, args, 2, kw);
    ck_assert_ptr_null(r);
    char *tb = take_traceback();
    ck_assert_str_eq(tb, "TypeError: add() got multiple values for argument 'b'\n");
    free(tb);
    pyl_api_decref(vm, add);

    PylObject *describe = pyl_api_getattr_str(vm, m, "describe");
    r = pyl_api_call(vm, describe, NULL, 0, NULL);
    assert_str(r, "() []");
    pyl_api_decref(vm, r);
    r = pyl_api_call(vm, describe, args, 2, kw);
    assert_str(r, "(2, 3) [('b', 2), ('scale', 3)]");
    pyl_api_decref(vm, r);
    PylObject *notdict = pyl_api_list_new(vm);
    ck_assert_ptr_null(pyl_api_call(vm, describe, args, 2, notdict));
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);
    pyl_api_decref(vm, notdict);
    pyl_api_decref(vm, describe);

    /* methods, on a Python object and on a builtin */
    PylObject *cls = pyl_api_getattr_str(vm, m, "Counter");
    PylObject *counter = pyl_api_call(vm, cls, NULL, 0, NULL);
    ck_assert_str_eq(pyl_api_type_name(vm, counter), "Counter");
    r = pyl_api_call_method(vm, counter, "bump", NULL, 0, NULL);
    ck_assert_int_eq(as_i64(r), 1);
    pyl_api_decref(vm, r);
    r = pyl_api_call_method(vm, counter, "bump", NULL, 0, kw); /* bump(b=2, scale=3) */
    ck_assert_ptr_null(r);
    pyl_api_err_clear(vm);
    PylObject *kw2 = pyl_api_dict_new(vm);
    pyl_api_dict_set_str(vm, kw2, "by", args[1]);
    r = pyl_api_call_method(vm, counter, "bump", NULL, 0, kw2);
    ck_assert_int_eq(as_i64(r), 4);
    pyl_api_decref(vm, r);
    ck_assert_int_eq(pyl_api_setattr_str(vm, counter, "n", args[0]), 0);
    r = pyl_api_getattr_str(vm, counter, "n");
    ck_assert_int_eq(as_i64(r), 2);
    pyl_api_decref(vm, r);
    ck_assert_ptr_null(pyl_api_getattr_str(vm, counter, "nope"));
    ck_assert(pyl_api_err_matches(vm, "AttributeError"));
    pyl_api_err_clear(vm);
    ck_assert_ptr_null(pyl_api_call_method(vm, counter, "nope", NULL, 0, NULL));
    pyl_api_err_clear(vm);
    PylObject *s = pyl_api_str_from_cstr(vm, "a,b");
    PylObject *sep = pyl_api_str_from_cstr(vm, ",");
    r = pyl_api_call_method(vm, s, "split", &sep, 1, NULL);
    ck_assert_int_eq(pyl_api_list_size(vm, r), 2);
    PylObject *key = pyl_api_int_from_i64(vm, 1);
    PylObject *item = pyl_api_getitem(vm, r, key);
    assert_str(item, "b");
    pyl_api_decref(vm, item);
    pyl_api_decref(vm, key);
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, sep);
    pyl_api_decref(vm, s);
    pyl_api_decref(vm, kw2);
    pyl_api_decref(vm, counter);
    pyl_api_decref(vm, cls);
    pyl_api_decref(vm, kw);
    pyl_api_decref(vm, args[0]);
    pyl_api_decref(vm, args[1]);
    pyl_api_decref(vm, m);
}
END_TEST

/* ---- errors --------------------------------------------------------------------------------- */

START_TEST(test_errors_and_tracebacks)
{
    ck_assert(!pyl_api_err_pending(vm));
    ck_assert_ptr_null(pyl_api_err_traceback(vm));
    ck_assert_ptr_null(pyl_api_err_fetch(vm));

    /* calling something that is not callable */
    PylObject *i = pyl_api_int_from_i64(vm, 3);
    ck_assert(!pyl_api_is_callable(vm, i));
    ck_assert_ptr_null(pyl_api_call(vm, i, NULL, 0, NULL));
    char *tb = take_traceback();
    ck_assert_str_eq(tb, "TypeError: 'int' object is not callable\n");
    free(tb);
    pyl_api_decref(vm, i);

    /* an application that raises: the traceback names every frame and line */
    PylObject *m = load("app.py", "app", app_src);
    PylObject *app = pyl_api_getattr_str(vm, m, "app");
    PylObject *env = pyl_api_dict_new(vm);
    PylObject *one = pyl_api_int_from_i64(vm, 1), *zero = pyl_api_int_from_i64(vm, 0);
    pyl_api_dict_set_str(vm, env, "n", one);
    pyl_api_dict_set_str(vm, env, "d", zero);
    ck_assert_ptr_null(pyl_api_call(vm, app, &env, 1, NULL));
    ck_assert(pyl_api_err_matches(vm, "ZeroDivisionError"));
    ck_assert(pyl_api_err_matches(vm, "ArithmeticError"));
    ck_assert(pyl_api_err_matches(vm, "Exception"));
    ck_assert(!pyl_api_err_matches(vm, "KeyError"));
    tb = take_traceback();
    char expect[1024];
    snprintf(expect, sizeof expect,
             "Traceback (most recent call last):\n"
             "  File \"%s/app.py\", line 10, in app\n"
             "    return helper(environ) + 1\n"
             "           ^^^^^^^^^^^^^^^\n"
             "  File \"%s/app.py\", line 13, in helper\n"
             "    return environ['n'] / environ['d']\n"
             "           ~~~~~~~~~~~~~^~~~~~~~~~~~~~\n"
             "ZeroDivisionError: division by zero\n",
             dir, dir);
    ck_assert_str_eq(tb, expect);
    free(tb);
    /* the same through fetch and restore */
    ck_assert_ptr_null(pyl_api_call(vm, app, &env, 1, NULL));
    PylObject *exc = pyl_api_err_fetch(vm);
    ck_assert(!pyl_api_err_pending(vm));
    ck_assert_str_eq(pyl_api_type_name(vm, exc), "ZeroDivisionError");
    PylObject *msg = pyl_api_str(vm, exc);
    assert_str(msg, "division by zero");
    pyl_api_decref(vm, msg);
    pyl_api_err_restore(vm, exc);
    pyl_api_decref(vm, exc);
    ck_assert(pyl_api_err_matches(vm, "ZeroDivisionError"));
    pyl_api_err_clear(vm);
    pyl_api_decref(vm, one);
    pyl_api_decref(vm, zero);
    pyl_api_decref(vm, env);
    pyl_api_decref(vm, app);
    pyl_api_decref(vm, m);

    /* a module with a syntax error */
    const char *path = write_module("broken.py", "x = 1\ndef f(:\n    pass\n");
    ck_assert_ptr_null(pyl_api_import_file(vm, path, "broken"));
    ck_assert(pyl_api_err_matches(vm, "SyntaxError"));
    tb = take_traceback();
    snprintf(expect, sizeof expect,
             "  File \"%s/broken.py\", line 2\n"
             "    def f(:\n"
             "          ^\n"
             "SyntaxError: invalid syntax\n",
             dir);
    ck_assert_str_eq(tb, expect);
    free(tb);

    /* a module whose body raises is not left in sys.modules */
    path = write_module("raises.py", "import sys\nVALUE = 1\nraise KeyError('boom')\n");
    ck_assert_ptr_null(pyl_api_import_file(vm, path, "raises"));
    tb = take_traceback();
    snprintf(expect, sizeof expect,
             "Traceback (most recent call last):\n"
             "  File \"%s/raises.py\", line 3, in <module>\n"
             "    raise KeyError('boom')\n"
             "KeyError: 'boom'\n",
             dir);
    ck_assert_str_eq(tb, expect);
    free(tb);
    const char *check = "import sys\nprint('raises' in sys.modules, 'broken' in sys.modules)\n";
    ck_assert_int_eq(pyl_run_string(vm, check, strlen(check), "<check>"), 0);
    ck_assert_str_eq(cap.out, "False False\n");

    /* a file that does not exist */
    ck_assert_ptr_null(pyl_api_import_file(vm, "/nonexistent/x.py", "x"));
    ck_assert(pyl_api_err_matches(vm, "FileNotFoundError"));
    ck_assert(pyl_api_err_matches(vm, "OSError"));
    pyl_api_err_clear(vm);

    /* raising from C */
    ck_assert_ptr_null(pyl_api_raise(vm, "ValueError", "bad value %d in %s", 42, "field"));
    tb = take_traceback();
    ck_assert_str_eq(tb, "ValueError: bad value 42 in field\n");
    free(tb);
    ck_assert_ptr_null(pyl_api_raise(vm, "StopIteration", NULL));
    tb = take_traceback();
    ck_assert_str_eq(tb, "StopIteration\n");
    free(tb);
    char longmsg[1000];
    memset(longmsg, 'x', sizeof longmsg - 1);
    longmsg[sizeof longmsg - 1] = '\0';
    pyl_api_raise(vm, "OSError", "%s", longmsg);
    tb = take_traceback();
    ck_assert_uint_eq(strlen(tb), strlen("OSError: \n") + strlen(longmsg));
    free(tb);
    pyl_api_raise(vm, "NotAnException", "x");
    ck_assert(pyl_api_err_matches(vm, "SystemError"));
    pyl_api_err_clear(vm);
    pyl_api_raise(vm, "len", "x"); /* a builtin, but not an exception class */
    ck_assert(pyl_api_err_matches(vm, "SystemError"));
    pyl_api_err_clear(vm);
    ck_assert(!pyl_api_err_matches(vm, "SystemError")); /* nothing pending */

    /* chained exceptions are printed like CPython does */
    m = load("chain.py", "chain",
             "def f():\n"
             "    try:\n"
             "        {}['k']\n"
             "    except KeyError as e:\n"
             "        raise RuntimeError('wrapped') from e\n");
    PylObject *f = pyl_api_getattr_str(vm, m, "f");
    ck_assert_ptr_null(pyl_api_call(vm, f, NULL, 0, NULL));
    tb = take_traceback();
    ck_assert_ptr_nonnull(strstr(tb, "KeyError: 'k'\n\nThe above exception was the direct cause "
                                     "of the following exception:\n\n"));
    ck_assert_ptr_nonnull(strstr(tb, "RuntimeError: wrapped\n"));
    free(tb);
    pyl_api_decref(vm, f);
    pyl_api_decref(vm, m);
    ck_assert_uint_eq(cap.nerr, 0); /* nothing went to stderr */
}
END_TEST

/* ---- the heap limit ---------------------------------------------------------------------------- */

START_TEST(test_heap_limit)
{
    /* too small for start-up */
    PylVM *tiny = new_vm(4096);
    ck_assert_ptr_null(tiny);

    size_t limit = 64u << 20;
    PylVM *big = new_vm(limit);
    ck_assert_ptr_nonnull(big);
    pyl_vm_free(vm);
    vm = big;
    size_t base = pyl_vm_heap_bytes(vm);
    ck_assert_uint_lt(base, limit);
    PylObject *m = load("hog.py", "hog",
                        "def hog():\n"
                        "    chunks = []\n"
                        "    while True:\n"
                        "        chunks.append(bytearray(1 << 20))\n"
                        "\n"
                        "def caught():\n"
                        "    try:\n"
                        "        hog()\n"
                        "    except MemoryError:\n"
                        "        return 'caught'\n"
                        "\n"
                        "def work(n):\n"
                        "    return sum(i * i for i in range(n))\n");
    PylObject *hog = pyl_api_getattr_str(vm, m, "hog");
    PylObject *work = pyl_api_getattr_str(vm, m, "work");
    PylObject *caught = pyl_api_getattr_str(vm, m, "caught");
    for (int round = 0; round < 3; round++) {
        ck_assert_ptr_null(pyl_api_call(vm, hog, NULL, 0, NULL));
        ck_assert(pyl_api_err_matches(vm, "MemoryError"));
        char *tb = pyl_api_err_traceback(vm);
        ck_assert_ptr_nonnull(strstr(tb, "MemoryError"));
        free(tb);
        pyl_api_err_clear(vm);
        /* the memory came back and the VM still works */
        ck_assert_uint_lt(pyl_vm_heap_bytes(vm), base + (4u << 20));
        PylObject *n = pyl_api_int_from_i64(vm, 1000);
        PylObject *r = pyl_api_call(vm, work, &n, 1, NULL);
        ck_assert_int_eq(as_i64(r), 332833500);
        pyl_api_decref(vm, r);
        pyl_api_decref(vm, n);
        r = pyl_api_call(vm, caught, NULL, 0, NULL);
        assert_str(r, "caught");
        pyl_api_decref(vm, r);
    }
    /* a program run as __main__ sees it too */
    const char *src = "try:\n    x = 'a' * (1 << 30)\nexcept MemoryError:\n    print('no')\n";
    ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<main>"), 0);
    ck_assert_str_eq(cap.out, "no\n");
    pyl_api_decref(vm, hog);
    pyl_api_decref(vm, work);
    pyl_api_decref(vm, caught);
    pyl_api_decref(vm, m);
}
END_TEST

/* ---- the std-stream hooks ---------------------------------------------------------------------- */

START_TEST(test_output_hooks)
{
    const char *src = "import sys\n"
                      "print('hello', 42)\n"
                      "print('partial', end='')\n";
    ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<p>"), 0);
    ck_assert_str_eq(cap.out, "hello 42\n"); /* line buffered: "partial" waits */
    src = "sys.stdout.flush()\n"
          "sys.stderr.write('warning\\n')\n"
          "print('to err', file=sys.stderr)\n"
          "try:\n"
          "    sys.stdout.fileno()\n"
          "except OSError as e:\n"
          "    print(type(e).__name__, e)\n"
          "print(sys.stdout.isatty(), sys.stdout.writable(), sys.stdout is sys.__stdout__)\n";
    ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<p>"), 0);
    ck_assert_str_eq(cap.out, "hello 42\npartial"
                              "UnsupportedOperation fileno\n"
                              "False True True\n");
    ck_assert_str_eq(cap.err, "warning\nto err\n");
    /* an uncaught exception's traceback goes to the stderr hook */
    cap.nerr = 0;
    src = "def f():\n    raise ValueError('bad')\nf()\n";
    ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<tb>"), 1);
    ck_assert_str_eq(cap.err, "Traceback (most recent call last):\n"
                              "  File \"<tb>\", line 3, in <module>\n"
                              "  File \"<tb>\", line 2, in f\n"
                              "ValueError: bad\n");
    /* what is still buffered arrives when the VM is freed */
    src = "print('tail', end='')\n";
    ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<p>"), 0);
    ck_assert_ptr_null(strstr(cap.out, "tail"));
    pyl_vm_free(vm);
    vm = NULL;
    ck_assert_ptr_nonnull(strstr(cap.out, "False True True\ntail"));
    vm = new_vm(0); /* for teardown */
}
END_TEST

/* ---- native functions and classes ---------------------------------------------------------------- */

/* total(*ints, start=0): data counts the calls */
static PylObject *native_total(PylVM *v, void *data, PylObject *const *args, size_t nargs,
                               PylObject *kwnames)
{
    ++*(int *)data;
    int64_t sum = 0, x;
    size_t nkw = kwnames ? (size_t)pyl_api_tuple_size(v, kwnames) : 0;
    for (size_t i = 0; i < nargs + nkw; i++) {
        if (i >= nargs) {
            PylObject *name = pyl_api_tuple_get(v, kwnames, i - nargs);
            const char *s = pyl_api_str_as_utf8(v, name, NULL);
            int ok = strcmp(s, "start") == 0;
            pyl_api_decref(v, name);
            if (!ok) {
                return pyl_api_raise(v, "TypeError", "total() got an unexpected keyword argument");
            }
        }
        if (pyl_api_int_as_i64(v, args[i], &x) < 0) {
            return NULL;
        }
        sum += x;
    }
    return pyl_api_int_from_i64(v, sum);
}

static PylObject *native_broken(PylVM *v, void *data, PylObject *const *args, size_t nargs,
                                PylObject *kwnames)
{
    if (nargs == 0) {
        return NULL; /* no exception set: a bug the VM reports */
    }
    pyl_api_raise(v, "ValueError", "set");
    return pyl_api_none(v); /* a result and an exception: also a bug */
}

/* call(f, *args): calls back into Python */
static PylObject *native_call(PylVM *v, void *data, PylObject *const *args, size_t nargs,
                              PylObject *kwnames)
{
    return pyl_api_call(v, args[0], args + 1, nargs - 1, NULL);
}

static PylObject *add_function(PylObject *m, const char *name, PylNativeFn fn, void *data)
{
    PylObject *f = pyl_api_function_new(vm, name, fn, data);
    ck_assert_ptr_nonnull(f);
    ck_assert(pyl_api_is_callable(vm, f));
    ck_assert_int_eq(pyl_api_setattr_str(vm, m, name, f), 0);
    return f;
}

START_TEST(test_native_functions)
{
    int calls = 0;
    PylObject *m = load("nat.py", "nat",
                        "def run():\n"
                        "    out = [total(1, 2, 3), total(), total(5, start=100)]\n"
                        "    try:\n"
                        "        total('x')\n"
                        "    except TypeError as e:\n"
                        "        out.append(str(e))\n"
                        "    try:\n"
                        "        total(1, bogus=2)\n"
                        "    except TypeError as e:\n"
                        "        out.append(str(e))\n"
                        "    out.append(total.__name__)\n"
                        "    out.append(repr(total))\n"
                        "    out.append(type(total).__name__)\n"
                        "    out.append(call(lambda a, b: a * b, 6, 7))\n"
                        "    out.append(call(total, 1, 1))\n"
                        "    for args in ((), (1,)):\n"
                        "        try:\n"
                        "            broken(*args)\n"
                        "        except SystemError as e:\n"
                        "            out.append(str(e))\n"
                        "    return out\n"
                        "\n"
                        "def deep(n):\n"
                        "    return call(deep, n - 1) if n else 'bottom'\n");
    PylObject *fs[3] = {add_function(m, "total", native_total, &calls),
                        add_function(m, "broken", native_broken, NULL),
                        add_function(m, "call", native_call, NULL)};
    PylObject *run = pyl_api_getattr_str(vm, m, "run");
    PylObject *r = pyl_api_call(vm, run, NULL, 0, NULL);
    ck_assert_ptr_nonnull(r);
    PylObject *text = pyl_api_repr(vm, r);
    assert_str(text, "[6, 0, 105, \"'str' object cannot be interpreted as an integer\", "
                     "'total() got an unexpected keyword argument', 'total', "
                     "'<built-in function total>', 'builtin_function_or_method', 42, 2, "
                     "'broken returned NULL without setting an exception', "
                     "'broken returned a result with an exception set']");
    ck_assert_int_eq(calls, 6);
    pyl_api_decref(vm, text);
    pyl_api_decref(vm, r);
    /* called from C, and errors propagate to C */
    PylObject *two = pyl_api_int_from_i64(vm, 2);
    r = pyl_api_call(vm, fs[0], &two, 1, NULL);
    ck_assert_int_eq(as_i64(r), 2);
    pyl_api_decref(vm, r);
    PylObject *s = pyl_api_str_from_cstr(vm, "s");
    ck_assert_ptr_null(pyl_api_call(vm, fs[0], &s, 1, NULL));
    ck_assert(pyl_api_err_matches(vm, "TypeError"));
    pyl_api_err_clear(vm);
    pyl_api_decref(vm, s);
    /* C -> Python -> C ... recursion ends in RecursionError, not a crash */
    PylObject *deep = pyl_api_getattr_str(vm, m, "deep");
    PylObject *n = pyl_api_int_from_i64(vm, 100000);
    ck_assert_ptr_null(pyl_api_call(vm, deep, &n, 1, NULL));
    ck_assert(pyl_api_err_matches(vm, "RecursionError"));
    pyl_api_err_clear(vm);
    pyl_api_decref(vm, n);
    n = pyl_api_int_from_i64(vm, 50);
    r = pyl_api_call(vm, deep, &n, 1, NULL);
    assert_str(r, "bottom");
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, n);
    pyl_api_decref(vm, deep);
    pyl_api_decref(vm, two);
    pyl_api_decref(vm, run);
    for (int i = 0; i < 3; i++) {
        pyl_api_decref(vm, fs[i]);
    }
    pyl_api_decref(vm, m);
}
END_TEST

/* A wsgi.input-like stream over a C string. */
typedef struct Stream {
    const char *text;
    size_t pos, len;
    int *destroyed;
} Stream;

static Stream *stream_of(PylObject *self)
{
    return pyl_api_native_get(vm, self);
}

static PylObject *stream_read(PylVM *v, void *data, PylObject *const *args, size_t nargs,
                              PylObject *kwnames)
{
    Stream *s = data;
    if (s == NULL) {
        return pyl_api_raise(v, "ValueError", "I/O operation on closed stream");
    }
    ck_assert_ptr_eq(s, stream_of(args[0]));
    int64_t size = -1;
    if (nargs > 1 && pyl_api_int_as_i64(v, args[1], &size) < 0) {
        return NULL;
    }
    size_t n = s->len - s->pos;
    if (size >= 0 && (size_t)size < n) {
        n = (size_t)size;
    }
    PylObject *b = pyl_api_bytes_new(v, s->text + s->pos, n);
    s->pos += n;
    return b;
}

static PylObject *stream_readline(PylVM *v, void *data, PylObject *const *args, size_t nargs,
                                  PylObject *kwnames)
{
    Stream *s = data;
    const char *nl = memchr(s->text + s->pos, '\n', s->len - s->pos);
    size_t n = nl ? (size_t)(nl - (s->text + s->pos)) + 1 : s->len - s->pos;
    PylObject *b = pyl_api_bytes_new(v, s->text + s->pos, n);
    s->pos += n;
    return b;
}

static PylObject *stream_next(PylVM *v, void *data, PylObject *const *args, size_t nargs,
                              PylObject *kwnames)
{
    Stream *s = data;
    if (s->pos == s->len) {
        return NULL; /* exhausted */
    }
    return stream_readline(v, data, args, nargs, kwnames);
}

static PylObject *stream_call(PylVM *v, void *data, PylObject *const *args, size_t nargs,
                              PylObject *kwnames)
{
    PylObject *items[2] = {pyl_api_int_from_i64(v, (int64_t)nargs),
                           kwnames ? kwnames : pyl_api_none(v)};
    PylObject *t = pyl_api_tuple_new(v, items, 2);
    pyl_api_decref(v, items[0]);
    return t;
}

static void stream_destroy(void *data)
{
    if (data != NULL) {
        ++*((Stream *)data)->destroyed;
    }
}

static const PylNativeMethod stream_methods[] = {
    {"read", stream_read},
    {"readline", stream_readline},
    {NULL, NULL},
};

static const PylNativeType stream_spec = {
    .name = "gateway.Input",
    .methods = stream_methods,
    .destroy = stream_destroy,
    .iternext = stream_next,
    .call = stream_call,
};

START_TEST(test_native_types)
{
    int destroyed = 0;
    const char text[] = "first line\nsecond\nthird\nlast";
    Stream st = {text, 0, sizeof text - 1, &destroyed};
    PylObject *type = pyl_api_native_type_new(vm, &stream_spec);
    ck_assert_ptr_nonnull(type);
    PylObject *inp = pyl_api_native_new(vm, type, &st);
    ck_assert_ptr_nonnull(inp);
    ck_assert(pyl_api_native_check(vm, inp, type));
    ck_assert(!pyl_api_native_check(vm, type, type));
    ck_assert_ptr_eq(pyl_api_native_get(vm, inp), &st);
    ck_assert_ptr_null(pyl_api_native_get(vm, type));
    ck_assert_str_eq(pyl_api_type_name(vm, inp), "Input");
    ck_assert_ptr_null(pyl_api_native_new(vm, pyl_api_none(vm), NULL));
    pyl_api_err_clear(vm);

    PylObject *m =
        load("use.py", "use",
             "def use(inp):\n"
             "    out = [inp.read(5), inp.readline(), next(inp), list(inp), inp.read()]\n"
             "    out.append(iter(inp) is inp)\n"
             "    T = type(inp)\n"
             "    out.append((T.__name__, T.__module__, repr(T)))\n"
             "    out.append(repr(T.read))\n"
             "    try:\n"
             "        T()\n"
             "    except TypeError as e:\n"
             "        out.append(str(e))\n"
             "    try:\n"
             "        T.read(42)\n"
             "    except TypeError as e:\n"
             "        out.append(str(e))\n"
             "    try:\n"
             "        class Sub(T): pass\n"
             "    except TypeError as e:\n"
             "        out.append('not a base')\n"
             "    try:\n"
             "        inp.x = 1\n"
             "    except AttributeError as e:\n"
             "        out.append('no attrs')\n"
             "    out.append(inp(1, 2, k=3))\n"
             "    out.append(callable(inp))\n"
             "    return out\n"
             "\n"
             "def after(inp):\n"
             "    return inp.read()\n");
    PylObject *use = pyl_api_getattr_str(vm, m, "use");
    PylObject *r = pyl_api_call(vm, use, &inp, 1, NULL);
    if (r == NULL) {
        ck_abort_msg("%s", pyl_api_err_traceback(vm));
    }
    PylObject *text_repr = pyl_api_repr(vm, r);
    assert_str(text_repr,
               "[b'first', b' line\\n', b'second\\n', [b'third\\n', b'last'], b'', True, "
               "('Input', 'gateway', \"<class 'gateway.Input'>\"), "
               "\"<method 'read' of 'Input' objects>\", \"cannot create 'gateway.Input' "
               "instances\", \"descriptor 'read' for 'Input' objects doesn't apply to a 'int' "
               "object\", 'not a base', 'no attrs', (3, ('k',)), True]");
    pyl_api_decref(vm, text_repr);
    pyl_api_decref(vm, r);

    /* detached: methods see NULL and raise */
    pyl_api_native_set(vm, inp, NULL);
    PylObject *after = pyl_api_getattr_str(vm, m, "after");
    ck_assert_ptr_null(pyl_api_call(vm, after, &inp, 1, NULL));
    char *tb = take_traceback();
    ck_assert_ptr_nonnull(strstr(tb, "ValueError: I/O operation on closed stream\n"));
    free(tb);
    pyl_api_native_set(vm, inp, &st);

    /* the destructor runs when the last reference goes */
    ck_assert_int_eq(destroyed, 0);
    pyl_api_decref(vm, inp);
    ck_assert_int_eq(destroyed, 1);
    /* ... also for instances still alive at VM teardown */
    inp = pyl_api_native_new(vm, type, &st);
    PylObject *holder = pyl_api_list_new(vm);
    pyl_api_list_append(vm, holder, inp);
    pyl_api_setattr_str(vm, m, "kept", holder);
    pyl_api_decref(vm, holder);
    pyl_api_decref(vm, inp);
    pyl_api_decref(vm, after);
    pyl_api_decref(vm, use);
    pyl_api_decref(vm, m);
    pyl_api_decref(vm, type);
    ck_assert_int_eq(destroyed, 1);
    pyl_vm_free(vm);
    vm = NULL;
    ck_assert_int_eq(destroyed, 2);
    vm = new_vm(0);
}
END_TEST

/* ---- a VM driven from another OS thread -------------------------------------------------------- */

static void *run_in_thread(void *arg)
{
    PylObject *f = arg;
    PylObject *n = pyl_api_int_from_i64(vm, 200);
    PylObject *r = pyl_api_call(vm, f, &n, 1, NULL);
    pyl_api_decref(vm, n);
    return r;
}

START_TEST(test_other_thread)
{
    /* made in this thread, run in two others in turn: C-stack bounds follow */
    PylObject *m = load("thr.py", "thr",
                        "def nest(n):\n"
                        "    x = []\n"
                        "    for i in range(n):\n"
                        "        x = [x]\n"
                        "    return len(repr(x))\n");
    PylObject *f = pyl_api_getattr_str(vm, m, "nest");
    for (int i = 0; i < 2; i++) {
        pthread_t th;
        void *r;
        ck_assert_int_eq(pthread_create(&th, NULL, run_in_thread, f), 0);
        ck_assert_int_eq(pthread_join(th, &r), 0);
        if (r == NULL) {
            ck_abort_msg("%s", pyl_api_err_traceback(vm));
        }
        ck_assert_int_eq(as_i64(r), 402);
        pyl_api_decref(vm, r);
    }
    PylObject *r = run_in_thread(f);
    ck_assert_int_eq(as_i64(r), 402);
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, f);
    pyl_api_decref(vm, m);
}
END_TEST

/* Threads the Python code started run only while the embedder has released
 * the VM (pyl_vm_release); the next call takes it back. */
START_TEST(test_release_lets_threads_run)
{
    PylObject *m = load("bg.py", "bg",
                        "import _thread, time\n"
                        "count = [0]\n"
                        "stop = [False]\n"
                        "done = _thread.allocate_lock()\n"
                        "done.acquire()\n"
                        "def work():\n"
                        "    while not stop[0]:\n"
                        "        count[0] += 1\n"
                        "        time.sleep(0.001)\n"
                        "    done.release()\n"
                        "_thread.start_new_thread(work, ())\n"
                        "def finish():\n"
                        "    stop[0] = True\n"
                        "    done.acquire()\n");
    PylObject *count = pyl_api_getattr_str(vm, m, "count");
    ck_assert_ptr_nonnull(count);
    /* held: the thread cannot take a step */
    PylObject *c = pyl_api_list_get(vm, count, 0);
    int64_t before = as_i64(c);
    pyl_api_decref(vm, c);
    usleep(100 * 1000);
    c = pyl_api_list_get(vm, count, 0);
    ck_assert_int_eq(as_i64(c), before);
    pyl_api_decref(vm, c);
    /* released: it runs meanwhile */
    pyl_vm_release(vm);
    pyl_vm_release(vm); /* twice is harmless */
    usleep(200 * 1000);
    pyl_vm_acquire(vm);
    c = pyl_api_list_get(vm, count, 0);
    int64_t after = as_i64(c);
    pyl_api_decref(vm, c);
    ck_assert_msg(after > before + 10, "the thread made %lld steps", (long long)(after - before));
    /* any call takes the VM back by itself */
    pyl_vm_release(vm);
    usleep(20 * 1000);
    PylObject *finish = pyl_api_getattr_str(vm, m, "finish");
    PylObject *r = pyl_api_call(vm, finish, NULL, 0, NULL);
    ck_assert_ptr_nonnull(r);
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, finish);
    pyl_api_decref(vm, count);
    pyl_api_decref(vm, m);
}
END_TEST

/* ---- examples/embed ----------------------------------------------------------------------------- */

START_TEST(test_example)
{
    /* the Makefile builds the example with the unit tests and tells us where */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s/examples/embed' examples/embed/app.py 2>&1",
             PYL_SRC_DIR, PYL_OUT_DIR);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char out[4096];
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_str_eq(
        out, "[python stdout] greet() called with 'world'\n"
             "greet('world', '?', times=2) = 'Hello, world? Hello, world?'\n"
             "[host] 3 numbers\n"
             "total([1, 2, 3], scale=10) = 60\n"
             "None() failed:\n"
             "TypeError: 'NoneType' object is not callable\n"
             "parse('forty-two') failed:\n"
             "Traceback (most recent call last):\n"
             "  File \"examples/embed/app.py\", line 15, in parse\n"
             "    return int(text)  # raises ValueError: the embedder prints the traceback\n"
             "           ^^^^^^^^^\n"
             "ValueError: invalid literal for int() with base 10: 'forty-two'\n");
}
END_TEST

static Suite *embed_suite(void)
{
    Suite *s = suite_create("embed");
    TCase *tc = tcase_create("api");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_config_and_lifecycle);
    tcase_add_test(tc, test_run_string_status);
    tcase_add_test(tc, test_immediates_and_ints);
    tcase_add_test(tc, test_str_and_bytes);
    tcase_add_test(tc, test_containers);
    tcase_add_test(tc, test_import_and_call);
    tcase_add_test(tc, test_errors_and_tracebacks);
    tcase_add_test(tc, test_heap_limit);
    tcase_add_test(tc, test_output_hooks);
    tcase_add_test(tc, test_native_functions);
    tcase_add_test(tc, test_native_types);
    tcase_add_test(tc, test_other_thread);
    tcase_add_test(tc, test_release_lets_threads_run);
    tcase_add_test(tc, test_example);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(embed_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
