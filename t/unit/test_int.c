/* test_int.c — the int C API: tagging at the 2**62 boundary, big/small mixes,
 * floor division signs, conversions (C integers, doubles, text), hashes, and the
 * correctly rounded int -> double conversion. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm_fixture.h"
#include "vm/format.h"

/* An int from decimal text (new reference). */
static PylObject *I(const char *s)
{
    PylObject *o = pyl_int_from_string(t, s, (intptr_t)strlen(s), 10);
    ck_assert_ptr_nonnull(o);
    return o;
}

/* Assert that o (consumed) has the decimal value s. */
static void check_value(PylObject *o, const char *s)
{
    ck_assert_ptr_nonnull(o);
    ck_assert_ptr_null(pyl_err_occurred(t));
    PylObject *r = pyl_int_repr(t, o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(PYL_STR_DATA(r), s);
    pyl_decref(t, r);
    pyl_decref(t, o);
}

static PylObject *binop(const char *a, const char *b, int op)
{
    PylObject *x = I(a), *y = I(b);
    PylObject *r = pyl_binop(t, x, y, op);
    pyl_decref(t, x);
    pyl_decref(t, y);
    return r;
}

START_TEST(test_tagging_boundaries)
{
    /* 2**62 - 1 is the largest tagged value, -2**62 the smallest */
    PylObject *max = pyl_int_from_ssize(t, PYL_SMALLINT_MAX);
    PylObject *min = pyl_int_from_ssize(t, PYL_SMALLINT_MIN);
    ck_assert(PYL_IS_SMALLINT(max));
    ck_assert(PYL_IS_SMALLINT(min));
    PylObject *above = pyl_int_add(t, max, PYL_SMALLINT(1));
    PylObject *below = pyl_int_sub(t, min, PYL_SMALLINT(1));
    ck_assert(PYL_IS_KIND(above, INT));
    ck_assert(PYL_IS_KIND(below, INT));
    /* and back: the results of big arithmetic are tagged when they fit */
    PylObject *back = pyl_int_sub(t, above, PYL_SMALLINT(1));
    ck_assert_ptr_eq(back, max);
    PylObject *back2 = pyl_int_add(t, below, PYL_SMALLINT(1));
    ck_assert_ptr_eq(back2, min);
    check_value(above, "4611686018427387904");
    check_value(below, "-4611686018427387905");
    /* negating the smallest tagged value leaves the tagged range */
    PylObject *neg = pyl_neg(t, min);
    ck_assert(PYL_IS_KIND(neg, INT));
    check_value(neg, "4611686018427387904");
    /* from_i64 / from_u64 extremes */
    check_value(pyl_int_from_i64(t, INT64_MIN), "-9223372036854775808");
    check_value(pyl_int_from_i64(t, INT64_MAX), "9223372036854775807");
    check_value(pyl_int_from_u64(t, UINT64_MAX), "18446744073709551615");
    ck_assert(PYL_IS_SMALLINT(pyl_int_from_u64(t, (uint64_t)PYL_SMALLINT_MAX)));
    /* parsing gives tagged values whenever possible */
    PylObject *p = I("4611686018427387903");
    ck_assert(PYL_IS_SMALLINT(p));
    PylObject *q = I("-4611686018427387904");
    ck_assert(PYL_IS_SMALLINT(q));
    PylObject *r = I("4611686018427387904");
    ck_assert(PYL_IS_KIND(r, INT));
    pyl_decref(t, r);
}
END_TEST

START_TEST(test_mul_mixed)
{
    check_value(binop("4611686018427387903", "4611686018427387903", PYL_NB_MUL),
                "21267647932558653957237540927630737409");
    check_value(binop("-4611686018427387904", "-1", PYL_NB_MUL), "4611686018427387904");
    check_value(binop("100000000000000000000", "0", PYL_NB_MUL), "0");
    check_value(binop("100000000000000000000", "-3", PYL_NB_MUL), "-300000000000000000000");
    /* big * big that lands back in range is tagged */
    PylObject *r = binop("100000000000000000000", "100000000000000000000", PYL_NB_FLOORDIV);
    ck_assert_ptr_eq(r, PYL_SMALLINT(1));
    /* bools are 1 and 0 */
    PylObject *x = pyl_int_mul(t, PYL_TRUE, PYL_SMALLINT(7));
    ck_assert_ptr_eq(x, PYL_SMALLINT(7));
    ck_assert_ptr_eq(pyl_int_add(t, PYL_TRUE, PYL_TRUE), PYL_SMALLINT(2));
    ck_assert_ptr_eq(pyl_int_sub(t, PYL_FALSE, PYL_TRUE), PYL_SMALLINT(-1));
    /* foreign operands: NotImplemented */
    PylObject *f = pyl_float_new(t, 1.5);
    ck_assert_ptr_eq(pyl_int_add(t, PYL_SMALLINT(1), f), PYL_NOTIMPLEMENTED);
    ck_assert_ptr_eq(pyl_int_mul(t, f, PYL_SMALLINT(1)), PYL_NOTIMPLEMENTED);
    ck_assert_ptr_eq(pyl_int_sub(t, PYL_NONE, PYL_SMALLINT(1)), PYL_NOTIMPLEMENTED);
    pyl_decref(t, f);
}
END_TEST

START_TEST(test_floor_division_signs)
{
    static const struct {
        const char *a, *b, *q, *r;
    } cases[] = {
        {"7", "2", "3", "1"},
        {"-7", "2", "-4", "1"},
        {"7", "-2", "-4", "-1"},
        {"-7", "-2", "3", "-1"},
        {"-4611686018427387904", "-1", "4611686018427387904", "0"},
        {"100000000000000000007", "10", "10000000000000000000", "7"},
        {"-100000000000000000007", "10", "-10000000000000000001", "3"},
        {"100000000000000000007", "-10", "-10000000000000000001", "-3"},
        {"5", "100000000000000000000", "0", "5"},
        {"-5", "100000000000000000000", "-1", "99999999999999999995"},
        {"5", "-100000000000000000000", "-1", "-99999999999999999995"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_value(binop(cases[i].a, cases[i].b, PYL_NB_FLOORDIV), cases[i].q);
        check_value(binop(cases[i].a, cases[i].b, PYL_NB_MOD), cases[i].r);
        PylObject *x = I(cases[i].a), *y = I(cases[i].b);
        PylObject *qr = pyl_divmod(t, x, y);
        ck_assert_ptr_nonnull(qr);
        check_value(pyl_incref(PYL_TUPLE_ITEM(qr, 0)), cases[i].q);
        check_value(pyl_incref(PYL_TUPLE_ITEM(qr, 1)), cases[i].r);
        pyl_decref(t, qr);
        pyl_decref(t, x);
        pyl_decref(t, y);
    }
    /* division by zero */
    PylObject *r = binop("5", "0", PYL_NB_FLOORDIV);
    ck_assert_ptr_null(r);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, ZeroDivisionError)));
    pyl_err_clear(t);
    r = binop("100000000000000000000", "0", PYL_NB_MOD);
    ck_assert_ptr_null(r);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, ZeroDivisionError)));
    pyl_err_clear(t);
}
END_TEST

START_TEST(test_conversions)
{
    intptr_t v;
    int64_t w;
    PylObject *big = I("9223372036854775807");
    ck_assert_int_eq(pyl_int_as_ssize(t, big, &v), 0);
    ck_assert(v == INTPTR_MAX);
    ck_assert_int_eq(pyl_int_as_i64(t, big, &w), 0);
    ck_assert(w == INT64_MAX);
    pyl_decref(t, big);
    PylObject *too_big = I("9223372036854775808");
    ck_assert_int_eq(pyl_int_as_ssize(t, too_big, &v), -1);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, OverflowError)));
    pyl_err_clear(t);
    /* clamped index */
    ck_assert_int_eq(pyl_index_as_ssize_clamped(t, too_big, &v), 0);
    ck_assert(v == INTPTR_MAX);
    pyl_decref(t, too_big);
    ck_assert_int_eq(pyl_int_as_ssize(t, PYL_TRUE, &v), 0);
    ck_assert_int_eq(v, 1);
    ck_assert_int_eq(pyl_int_sign(PYL_FALSE), 0);
    ck_assert_int_eq(pyl_int_sign(PYL_SMALLINT(-3)), -1);

    /* mpz round trip */
    mpz_t z;
    mpz_init(z);
    PylObject *x = I("-123456789012345678901234567890");
    pyl_int_to_mpz(x, z);
    PylObject *y = pyl_int_from_mpz(t, z);
    ck_assert_int_eq(pyl_int_compare(x, y), 0);
    pyl_decref(t, y);
    mpz_set_si(z, 42);
    ck_assert_ptr_eq(pyl_int_from_mpz(t, z), PYL_SMALLINT(42));
    mpz_clear(z);
    pyl_decref(t, x);

    /* doubles: exact, correctly rounded (ties to even), overflow */
    double d;
    PylObject *p53 = I("9007199254740993"); /* 2**53 + 1: a tie, rounds to even 2**53 */
    ck_assert_int_eq(pyl_int_as_double(t, p53, &d), 0);
    ck_assert(d == 9007199254740992.0);
    pyl_decref(t, p53);
    PylObject *p53b = I("9007199254740995"); /* 2**53 + 3: a tie, rounds up to 2**53 + 4 */
    ck_assert_int_eq(pyl_int_as_double(t, p53b, &d), 0);
    ck_assert(d == 9007199254740996.0);
    pyl_decref(t, p53b);
    PylObject *huge = pyl_binop(t, PYL_SMALLINT(2), PYL_SMALLINT(1024), PYL_NB_POW);
    ck_assert_int_eq(pyl_int_as_double(t, huge, &d), -1);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, OverflowError)));
    pyl_err_clear(t);
    pyl_decref(t, huge);
    PylObject *fromd = pyl_int_from_double(t, -1e30);
    check_value(fromd, "-1000000000000000019884624838656");
    ck_assert_ptr_eq(pyl_int_from_double(t, -2.9), PYL_SMALLINT(-2));
    ck_assert_ptr_null(pyl_int_from_double(t, NAN));
    ck_assert(pyl_err_matches(t, PYL_EXC(t, ValueError)));
    pyl_err_clear(t);
    ck_assert_ptr_null(pyl_int_from_double(t, -INFINITY));
    ck_assert(pyl_err_matches(t, PYL_EXC(t, OverflowError)));
    pyl_err_clear(t);

    /* pyl_mpz_ldexp: subnormals round once */
    mpz_t m;
    mpz_init_set_ui(m, 3);
    bool ovf;
    ck_assert(pyl_mpz_ldexp(m, -1076, &ovf) == ldexp(1.0, -1074)); /* 0.75 ulp -> 1 ulp */
    mpz_set_ui(m, 1);
    ck_assert(pyl_mpz_ldexp(m, -1075, &ovf) == 0.0); /* half ulp: ties to even (0) */
    mpz_set_ui(m, 3);
    ck_assert(pyl_mpz_ldexp(m, -1075, &ovf) == ldexp(2.0, -1074)); /* 1.5 ulp -> 2 */
    ck_assert(!ovf);
    mpz_set_ui(m, 1);
    pyl_mpz_ldexp(m, 1024, &ovf);
    ck_assert(ovf);
    mpz_clear(m);
}
END_TEST

START_TEST(test_text)
{
    check_value(I("  -0_0  "), "0");
    check_value(pyl_int_from_string(t, "0x_ff", 5, 0), "255");
    check_value(pyl_int_from_string(t, "-0b101", 6, 0), "-5");
    check_value(pyl_int_from_string(t, "zz", 2, 36), "1295");
    check_value(I("1_000_000_000_000_000_000_000"), "1000000000000000000000");
    static const char *bad[] = {"", "-", "1__0", "_1", "1_", "0x1", "12a", " ", "1 2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_ptr_null(pyl_int_from_string(t, bad[i], (intptr_t)strlen(bad[i]), 10));
        ck_assert(pyl_err_matches(t, PYL_EXC(t, ValueError)));
        pyl_err_clear(t);
    }
    ck_assert_ptr_null(pyl_int_from_string(t, "010", 3, 0));
    pyl_err_clear(t);
    /* the 4300-digit limit */
    char *digits = malloc(4302);
    memset(digits, '7', 4301);
    digits[4301] = '\0';
    ck_assert_ptr_null(pyl_int_from_string(t, digits, 4301, 10));
    ck_assert(pyl_err_matches(t, PYL_EXC(t, ValueError)));
    pyl_err_clear(t);
    PylObject *ok = pyl_int_from_string(t, digits, 4300, 10);
    ck_assert_ptr_nonnull(ok);
    PylObject *s = pyl_int_repr(t, ok);
    ck_assert_int_eq(PYL_STR_NBYTES(s), 4300);
    pyl_decref(t, s);
    pyl_decref(t, ok);
    /* power-of-two bases have no limit */
    PylObject *hex = pyl_int_from_string(t, digits, 4301, 16);
    ck_assert_ptr_nonnull(hex);
    pyl_decref(t, hex);
    free(digits);
}
END_TEST

START_TEST(test_hash)
{
    const PylHash M = ((PylHash)1 << 61) - 1;
    ck_assert_int_eq(pyl_int_hash(PYL_SMALLINT(-1)), -2);
    ck_assert_int_eq(pyl_int_hash(PYL_SMALLINT(-2)), -2);
    ck_assert_int_eq(pyl_int_hash(PYL_TRUE), 1);
    ck_assert_int_eq(pyl_int_hash(PYL_SMALLINT(M)), 0);
    ck_assert_int_eq(pyl_int_hash(PYL_SMALLINT(M + 5)), 5);
    ck_assert_int_eq(pyl_int_hash(PYL_SMALLINT(-M - 5)), -5);
    PylObject *b = I("1267650600228229401496703205376"); /* 2**100 */
    /* 2**100 = 2**(61 + 39) == 2**39 (mod M) */
    ck_assert_int_eq(pyl_int_hash(b), (PylHash)1 << 39);
    /* equal to the float's hash */
    ck_assert_int_eq(pyl_int_hash(b), pyl_float_hash_double(ldexp(1.0, 100)));
    pyl_decref(t, b);
    PylObject *nb = I("-1267650600228229401496703205376");
    ck_assert_int_eq(pyl_int_hash(nb), -((PylHash)1 << 39));
    pyl_decref(t, nb);
    for (intptr_t v = -100000; v <= 100000; v += 997) {
        ck_assert_int_eq(pyl_int_hash(PYL_SMALLINT(v)), pyl_float_hash_double((double)v));
    }
    ck_assert_int_eq(pyl_float_hash_double(0.5), (PylHash)1 << 60);
    ck_assert_int_eq(pyl_float_hash_double(-0.0), 0);
}
END_TEST

START_TEST(test_compare)
{
    PylObject *a = I("100000000000000000000"), *b = I("-100000000000000000000");
    ck_assert_int_eq(pyl_int_compare(a, b), 1);
    ck_assert_int_eq(pyl_int_compare(b, PYL_SMALLINT(0)), -1);
    ck_assert_int_eq(pyl_int_compare(PYL_TRUE, PYL_SMALLINT(1)), 0);
    ck_assert_int_eq(pyl_int_compare_double(a, 1e20), 0);
    ck_assert_int_eq(pyl_int_compare_double(b, -1e20), 0);
    ck_assert_int_eq(pyl_int_compare_double(a, INFINITY), -1);
    ck_assert_int_eq(pyl_int_compare_double(a, NAN), 2);
    PylObject *c = I("9007199254740993"); /* 2**53 + 1 vs 2.0**53 */
    ck_assert_int_eq(pyl_int_compare_double(c, 9007199254740992.0), 1);
    ck_assert_int_eq(pyl_int_compare_double(PYL_SMALLINT(3), 3.5), -1);
    ck_assert_int_eq(pyl_int_compare_double(PYL_SMALLINT(-3), -3.5), 1);
    pyl_decref(t, a);
    pyl_decref(t, b);
    pyl_decref(t, c);
}
END_TEST

START_TEST(test_pow_and_shifts)
{
    check_value(binop("2", "200", PYL_NB_POW),
                "1606938044258990275541962092341162602522202993782792835301376");
    check_value(binop("-3", "41", PYL_NB_POW), "-36472996377170786403");
    PylObject *r = pyl_pow(t, PYL_SMALLINT(3), PYL_SMALLINT(-1), PYL_SMALLINT(7));
    ck_assert_ptr_eq(r, PYL_SMALLINT(5));
    r = pyl_pow(t, PYL_SMALLINT(2), PYL_SMALLINT(10), PYL_SMALLINT(-1000));
    ck_assert_ptr_eq(r, PYL_SMALLINT(-976));
    r = pyl_pow(t, PYL_SMALLINT(2), PYL_SMALLINT(-1), PYL_SMALLINT(4));
    ck_assert_ptr_null(r);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, ValueError)));
    pyl_err_clear(t);
    check_value(binop("1", "100", PYL_NB_LSHIFT), "1267650600228229401496703205376");
    check_value(binop("-1267650600228229401496703205377", "100", PYL_NB_RSHIFT), "-2");
    ck_assert_ptr_eq(pyl_binop(t, PYL_SMALLINT(-5), PYL_SMALLINT(1000), PYL_NB_RSHIFT),
                     PYL_SMALLINT(-1));
    ck_assert_ptr_null(pyl_binop(t, PYL_SMALLINT(1), PYL_SMALLINT(-1), PYL_NB_LSHIFT));
    ck_assert(pyl_err_matches(t, PYL_EXC(t, ValueError)));
    pyl_err_clear(t);
    check_value(binop("-1267650600228229401496703205376", "255", PYL_NB_AND), "0");
    check_value(binop("-1", "1267650600228229401496703205376", PYL_NB_XOR),
                "-1267650600228229401496703205377");
}
END_TEST

/* printf-style conversion of one number (the `%` operator's number formats). */
static void check_printf(PylObject *num, char conv, int flags, intptr_t width, intptr_t prec,
                         const char *want)
{
    PylBuf b;
    pyl_buf_init(&b);
    ck_assert_int_eq(pyl_format_number_printf(t, &b, num, conv, flags, width, prec), 0);
    PylObject *s = pyl_buf_finish_str(t, &b);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(PYL_STR_DATA(s), want);
    pyl_decref(t, s);
}

START_TEST(test_printf_numbers)
{
    check_printf(PYL_SMALLINT(-42), 'd', 0, -1, -1, "-42");
    check_printf(PYL_SMALLINT(42), 'd', PYL_PF_PLUS, 6, -1, "   +42");
    check_printf(PYL_SMALLINT(-3), 'd', PYL_PF_ZERO, 5, -1, "-0003");
    check_printf(PYL_SMALLINT(3), 'd', PYL_PF_ZERO | PYL_PF_LJUST, 4, -1, "3   ");
    check_printf(PYL_SMALLINT(-5), 'i', 0, -1, 3, "-005");
    check_printf(PYL_SMALLINT(5), 'u', PYL_PF_SPACE, -1, -1, " 5");
    check_printf(PYL_SMALLINT(255), 'x', PYL_PF_ALT, -1, -1, "0xff");
    check_printf(PYL_SMALLINT(255), 'X', PYL_PF_ALT | PYL_PF_ZERO, 8, -1, "0X0000FF");
    check_printf(PYL_SMALLINT(8), 'o', PYL_PF_ALT, -1, -1, "0o10");
    check_printf(PYL_SMALLINT(10), 'x', PYL_PF_ALT, 8, 3, "   0x00a");
    check_printf(PYL_TRUE, 'd', 0, -1, -1, "1");
    PylObject *big = I("-1267650600228229401496703205376");
    check_printf(big, 'd', 0, -1, -1, "-1267650600228229401496703205376");
    check_printf(big, 'x', PYL_PF_ALT, -1, -1, "-0x10000000000000000000000000");
    pyl_decref(t, big);
    PylObject *f = pyl_float_new(t, 3.99);
    check_printf(f, 'd', 0, -1, -1, "3"); /* %d truncates a float */
    check_printf(f, 'f', 0, -1, -1, "3.990000");
    check_printf(f, 'e', PYL_PF_PLUS, -1, 2, "+3.99e+00");
    check_printf(f, 'g', 0, 10, -1, "      3.99");
    check_printf(f, 'f', PYL_PF_ZERO, 10, 1, "00000004.0");
    pyl_decref(t, f);
    PylObject *two = pyl_float_new(t, 2.0);
    check_printf(two, 'g', PYL_PF_ALT, -1, -1, "2.00000");
    check_printf(two, 'f', PYL_PF_ALT, -1, 0, "2.");
    pyl_decref(t, two);
    PylObject *inf = pyl_float_new(t, -INFINITY);
    check_printf(inf, 'F', PYL_PF_ZERO, 6, -1, "-00INF");
    pyl_decref(t, inf);
    check_printf(PYL_SMALLINT(7), 'e', 0, -1, 1, "7.0e+00");
    /* type errors, with CPython's messages */
    PylBuf b;
    pyl_buf_init(&b);
    PylObject *s = pyl_str_from_cstr(t, "x");
    PylObject *fl = pyl_float_new(t, 1.5);
    ck_assert_int_eq(pyl_format_number_printf(t, &b, s, 'd', 0, -1, -1), -1);
    PylObject *e = pyl_err_fetch(t);
    PylObject *msg = pyl_str(t, e);
    ck_assert_str_eq(PYL_STR_DATA(msg), "%d format: a real number is required, not str");
    pyl_decref(t, msg);
    pyl_decref(t, e);
    ck_assert_int_eq(pyl_format_number_printf(t, &b, fl, 'x', 0, -1, -1), -1);
    e = pyl_err_fetch(t);
    msg = pyl_str(t, e);
    ck_assert_str_eq(PYL_STR_DATA(msg), "%x format: an integer is required, not float");
    pyl_decref(t, msg);
    pyl_decref(t, e);
    ck_assert_int_eq(pyl_format_number_printf(t, &b, s, 'f', 0, -1, -1), -1);
    e = pyl_err_fetch(t);
    msg = pyl_str(t, e);
    ck_assert_str_eq(PYL_STR_DATA(msg), "must be real number, not str");
    pyl_decref(t, msg);
    pyl_decref(t, e);
    pyl_decref(t, s);
    pyl_decref(t, fl);
    pyl_buf_free(t, &b);
}
END_TEST

static Suite *int_suite(void)
{
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_tagging_boundaries);
    tcase_add_test(tc, test_mul_mixed);
    tcase_add_test(tc, test_floor_division_signs);
    tcase_add_test(tc, test_conversions);
    tcase_add_test(tc, test_text);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_pow_and_shifts);
    tcase_add_test(tc, test_printf_numbers);
    suite_add_tcase(s, tc);
    return s;
}

PYL_CHECK_MAIN(int_suite)
