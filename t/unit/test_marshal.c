/* test_marshal.c — the bytecode cache format: code objects survive a round trip
 * unchanged and still run; damaged data (flipped bytes, truncation, a wrong
 * header) is refused with an error and never crashes or is trusted. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "vm/core.h"
#include "vm_fixture.h"
#include "vm/eval.h"
#include "vm/marshal.h"

/* A program with every kind of constant and nested code: closures, classes,
 * generators, comprehensions, try/except, big ints, floats, bytes, tuples. */
static const char program[] =
    "import sys\n"
    "def outer(n, *args, k=3, **kw):\n"
    "    total = 0\n"
    "    def inner(x):\n"
    "        nonlocal total\n"
    "        total += x\n"
    "        return total\n"
    "    for i in range(n):\n"
    "        inner(i)\n"
    "    return total, args, k, kw\n"
    "class C:\n"
    "    '''doc'''\n"
    "    big = 2 ** 100 + 12345678901234567890\n"
    "    neg = -98765432109876543210\n"
    "    def gen(self):\n"
    "        yield from (x * 1.5 for x in (1, 2, 3))\n"
    "try:\n"
    "    1 / 0\n"
    "except ZeroDivisionError as e:\n"
    "    err = str(e)\n"
    "result = (outer(5, 'a', k=4, z=b'\\x00\\xff'), C.big, C.neg, list(C().gen()),\n"
    "          [c for c in 'h\\u00e9\\u4e2d\\U0001f600'], {1: None, 'x': ...}, err, 1e300,\n"
    "          -0.0, (1, (2, ('three',))), frozenset({7}), 2 - 3.5j, -0j, {1, 2, 3})\n";

static PylObject *compile_program(void)
{
    PylObject *code = pyl_compile(t, program, sizeof program - 1, "m.py", PYL_PARSE_FILE, NULL);
    ck_assert_ptr_nonnull(code);
    return code;
}

/* repr(result) after running code in a fresh namespace */
static char *run_result(PylObject *code)
{
    PylObject *g = pyl_dict_new(t);
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(pyl_dict_set(t, g, PYL_NAME(t, __builtins__), vm->builtins), 0);
    PylObject *r = pyl_eval_code(t, code, g, g);
    ck_assert_ptr_nonnull(r);
    pyl_decref(t, r);
    PylObject *key = pyl_str_from_cstr(t, "result");
    PylObject *v = pyl_dict_get(t, g, key);
    ck_assert_ptr_nonnull(v);
    PylObject *s = pyl_repr(t, v);
    ck_assert_ptr_nonnull(s);
    char *out = strdup(PYL_STR_DATA(s));
    pyl_decref(t, s);
    pyl_decref(t, key);
    pyl_dict_clear(t, g);
    pyl_decref(t, g);
    return out;
}

START_TEST(test_round_trip)
{
    PylObject *code = compile_program();
    PylBuf b1, b2;
    pyl_buf_init(&b1);
    pyl_buf_init(&b2);
    ck_assert_int_eq(pyl_marshal_code(t, code, &b1), 0);
    PylObject *fname = pyl_str_from_cstr(t, "m.py");
    PylObject *back = pyl_unmarshal_code(t, b1.data, (size_t)b1.len, fname);
    ck_assert_ptr_nonnull(back);
    /* the copy serializes to the same bytes, and computes the same result */
    ck_assert_int_eq(pyl_marshal_code(t, back, &b2), 0);
    ck_assert_int_eq(b1.len, b2.len);
    ck_assert_int_eq(memcmp(b1.data, b2.data, (size_t)b1.len), 0);
    char *want = run_result(code);
    char *got = run_result(back);
    ck_assert_str_eq(got, want);
    ck_assert_ptr_nonnull(strstr(want, "1267650600240575080397937773266"));
    free(want);
    free(got);
    pyl_buf_free(t, &b1);
    pyl_buf_free(t, &b2);
    pyl_decref(t, back);
    pyl_decref(t, fname);
    pyl_decref(t, code);
}
END_TEST

START_TEST(test_cache_file_header)
{
    PylObject *code = compile_program();
    PylBuf b;
    pyl_buf_init(&b);
    ck_assert_int_eq(pyl_marshal_cache_file(t, code, 123456789, 42, &b), 0);
    PylObject *fname = pyl_str_from_cstr(t, "m.py");
    PylObject *ok = pyl_unmarshal_cache_file(t, b.data, (size_t)b.len, 123456789, 42, fname);
    ck_assert_ptr_nonnull(ok);
    pyl_decref(t, ok);
    /* another mtime or size: stale, refused quietly */
    ck_assert_ptr_null(pyl_unmarshal_cache_file(t, b.data, (size_t)b.len, 123456788, 42, fname));
    ck_assert_ptr_null(pyl_unmarshal_cache_file(t, b.data, (size_t)b.len, 123456789, 43, fname));
    ck_assert_ptr_null(t->exc);
    /* every truncation is refused */
    for (intptr_t n = 0; n < b.len; n++) {
        ck_assert_ptr_null(pyl_unmarshal_cache_file(t, b.data, (size_t)n, 123456789, 42, fname));
    }
    /* every single flipped byte is refused (the checksum or the header catches it) */
    for (intptr_t i = 0; i < b.len; i++) {
        b.data[i] ^= 0x20;
        ck_assert_ptr_null(
            pyl_unmarshal_cache_file(t, b.data, (size_t)b.len, 123456789, 42, fname));
        b.data[i] ^= 0x20;
    }
    ck_assert_ptr_null(t->exc);
    pyl_buf_free(t, &b);
    pyl_decref(t, fname);
    pyl_decref(t, code);
}
END_TEST

/* Past the checksum (a forged file): random damage to the payload is either
 * refused with ValueError or yields a code object that passed verification. */
START_TEST(test_damaged_payload)
{
    PylObject *code = compile_program();
    PylBuf b;
    pyl_buf_init(&b);
    ck_assert_int_eq(pyl_marshal_code(t, code, &b), 0);
    PylObject *fname = pyl_str_from_cstr(t, "m.py");
    char *copy = malloc((size_t)b.len);
    unsigned seed = 12345;
    int refused = 0;
    for (int round = 0; round < 3000; round++) {
        memcpy(copy, b.data, (size_t)b.len);
        int flips = 1 + round % 4;
        for (int f = 0; f < flips; f++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % (size_t)b.len;
            seed = seed * 1103515245u + 12345u;
            copy[at] = (char)(seed >> 16);
        }
        PylObject *c = pyl_unmarshal_code(t, copy, (size_t)b.len, fname);
        if (c == NULL) {
            ck_assert_ptr_nonnull(t->exc);
            pyl_err_clear(t);
            refused++;
        } else {
            ck_assert(PYL_IS_KIND(c, CODE));
            ck_assert_int_eq(pyl_code_verify(t, c), 0);
            pyl_decref(t, c);
        }
    }
    ck_assert_int_gt(refused, 100);
    free(copy);
    pyl_buf_free(t, &b);
    pyl_decref(t, fname);
    pyl_decref(t, code);
}
END_TEST

static Suite *marshal_suite(void)
{
    Suite *s = suite_create("marshal");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_cache_file_header);
    tcase_add_test(tc, test_damaged_payload);
    suite_add_tcase(s, tc);
    return s;
}

PYL_CHECK_MAIN(marshal_suite)
