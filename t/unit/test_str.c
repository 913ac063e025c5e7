/* test_str.c — the str C API: creation, UTF-8 counting, offsets and the sparse
 * index, hashing, interning, in-place append, decoding errors, and the
 * character property tables. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/codecs.h"
#include "vm/core.h"
#include "vm_fixture.h"
#include "vm/unicode.h"

START_TEST(test_create_and_count)
{
    PylObject *a = pyl_str_from_cstr(t, "hello");
    ck_assert_int_eq(PYL_STR_LEN(a), 5);
    ck_assert_int_eq(PYL_STR_NBYTES(a), 5);
    ck_assert(PYL_STR_IS_ASCII(a));
    ck_assert(pyl_str_equal_cstr(a, "hello"));
    /* é (2 bytes), € (3), 😀 (4) */
    PylObject *u = pyl_str_from_cstr(t, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    ck_assert_int_eq(PYL_STR_LEN(u), 4);
    ck_assert_int_eq(PYL_STR_NBYTES(u), 10);
    ck_assert(!PYL_STR_IS_ASCII(u));
    ck_assert_int_eq(PYL_STR_DATA(u)[10], '\0');
    /* empty and one-char strs are shared singletons */
    PylObject *e = pyl_str_new(t, "", 0);
    ck_assert_ptr_eq(e, vm->empty_str);
    PylObject *c = pyl_str_new(t, "x", 1);
    ck_assert_ptr_eq(c, vm->latin1_chars['x']);
    PylObject *l = pyl_str_from_latin1(t, "\xe9t\xe9", 3);
    ck_assert_int_eq(PYL_STR_LEN(l), 3);
    ck_assert_int_eq(PYL_STR_NBYTES(l), 5);
    PylObject *cp = pyl_str_from_codepoint(t, 0x1F600);
    ck_assert_int_eq(PYL_STR_LEN(cp), 1);
    ck_assert_int_eq(PYL_STR_NBYTES(cp), 4);
    PylObject *f = pyl_str_format_c(t, "%d-%s-%U", 42, "x", a);
    ck_assert(pyl_str_equal_cstr(f, "42-x-hello"));
    pyl_decref(t, a);
    pyl_decref(t, u);
    pyl_decref(t, e);
    pyl_decref(t, c);
    pyl_decref(t, l);
    pyl_decref(t, cp);
    pyl_decref(t, f);
}
END_TEST

START_TEST(test_offsets_and_index)
{
    /* 1000 chars cycling through 1-, 2-, 3- and 4-byte sequences */
    static const char *const pieces[] = {"a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
    PylBuf b;
    pyl_buf_init(&b);
    intptr_t expect[1001];
    for (int i = 0; i < 1000; i++) {
        expect[i] = b.len;
        ck_assert_int_eq(pyl_buf_puts(t, &b, pieces[i % 4]), 0);
    }
    expect[1000] = b.len;
    PylObject *s = pyl_buf_finish_str(t, &b);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(PYL_STR_LEN(s), 1000);
    /* without the index (no thread), then with it */
    for (int i = 0; i <= 1000; i += 37) {
        ck_assert_int_eq(pyl_str_offset(s, i), expect[i]);
    }
    for (int i = 0; i <= 1000; i++) {
        ck_assert_int_eq(pyl_str_offset_t(t, s, i), expect[i]);
        ck_assert_int_eq(pyl_str_char_index(t, s, expect[i]), i);
    }
    ck_assert_ptr_nonnull(((PylStr *)s)->index);
    for (int i = 0; i <= 1000; i += 13) {
        ck_assert_int_eq(pyl_str_offset(s, i), expect[i]);
    }
    ck_assert_int_eq(pyl_str_offset_from(s, expect[10], 5), expect[15] - expect[10]);
    PylObject *c = pyl_str_char_at(t, s, 999);
    ck_assert(pyl_str_equal_cstr(c, "\xf0\x9f\x98\x80"));
    PylObject *sub = pyl_str_substr(t, s, 998, 1000);
    ck_assert_int_eq(PYL_STR_LEN(sub), 2);
    ck_assert(pyl_str_equal_cstr(sub, "\xe2\x82\xac\xf0\x9f\x98\x80"));
    pyl_decref(t, c);
    pyl_decref(t, sub);
    pyl_decref(t, s);
}
END_TEST

START_TEST(test_hash_equality)
{
    PylObject *a = pyl_str_from_cstr(t, "some key");
    PylObject *b1 = pyl_str_from_cstr(t, "some ");
    PylObject *b2 = pyl_str_from_cstr(t, "key");
    PylObject *b = pyl_str_concat(t, b1, b2);
    ck_assert_ptr_ne(a, b);
    ck_assert(pyl_str_equal(a, b));
    ck_assert_int_eq(pyl_str_hash(t, a), pyl_str_hash(t, b));
    ck_assert_int_ne(pyl_str_hash(t, a), -1);
    ck_assert_int_eq(pyl_str_hash(t, vm->empty_str), 0);
    ck_assert_int_eq(pyl_str_compare(b1, a), -1);
    ck_assert_int_eq(pyl_str_compare(a, a), 0);
    /* bytes with the same content hash the same (as in CPython) */
    PylObject *by = pyl_bytes_new(t, "some key", 8);
    ck_assert_int_eq(pyl_hash(t, by), pyl_str_hash(t, a));
    pyl_decref(t, by);
    pyl_decref(t, a);
    pyl_decref(t, b1);
    pyl_decref(t, b2);
    pyl_decref(t, b);
}
END_TEST

START_TEST(test_interning)
{
    PylObject *a = pyl_str_intern_cstr(t, "identifier_xyz");
    PylObject *b = pyl_str_intern(t, pyl_str_from_cstr(t, "identifier_xyz"));
    ck_assert_ptr_eq(a, b);
    ck_assert(((PylStr *)a)->interned);
    ck_assert_ptr_eq(pyl_str_intern_cstr(t, "__init__"), PYL_NAME(t, __init__));
    pyl_decref(t, PYL_NAME(t, __init__));
    pyl_decref(t, a);
    pyl_decref(t, b);
}
END_TEST

START_TEST(test_append_inplace)
{
    PylObject *s = pyl_str_from_cstr(t, "ab");
    PylObject *x = pyl_str_from_cstr(t, "c\xc3\xa9");
    PylObject *orig = s;
    ck_assert_int_eq(pyl_str_append_inplace(t, &s, x), 0);
    ck_assert(pyl_str_equal_cstr(s, "abc\xc3\xa9"));
    ck_assert_int_eq(PYL_STR_LEN(s), 4);
    ck_assert(!PYL_STR_IS_ASCII(s));
    (void)orig;
    /* a shared str is not modified */
    PylObject *alias = pyl_incref(s);
    ck_assert_int_eq(pyl_str_append_inplace(t, &s, x), 0);
    ck_assert_ptr_ne(alias, s);
    ck_assert(pyl_str_equal_cstr(alias, "abc\xc3\xa9"));
    ck_assert(pyl_str_equal_cstr(s, "abc\xc3\xa9"
                                    "c\xc3\xa9"));
    ck_assert_int_eq(PYL_STR_LEN(s), 6);
    /* the hash is recomputed after growth */
    PylHash h1 = pyl_str_hash(t, s);
    ck_assert_int_eq(pyl_str_append_inplace(t, &s, x), 0);
    PylObject *same = pyl_str_from_cstr(t, "abc\xc3\xa9"
                                           "c\xc3\xa9"
                                           "c\xc3\xa9");
    ck_assert_int_eq(pyl_str_hash(t, s), pyl_str_hash(t, same));
    ck_assert_int_ne(pyl_str_hash(t, s), h1);
    pyl_decref(t, same);
    pyl_decref(t, alias);
    pyl_decref(t, s);
    pyl_decref(t, x);
}
END_TEST

START_TEST(test_decode_errors)
{
    PylObject *ok = pyl_str_decode_utf8(t, "caf\xc3\xa9", 5, NULL);
    ck_assert_ptr_nonnull(ok);
    ck_assert_int_eq(PYL_STR_LEN(ok), 4);
    PylObject *bad = pyl_str_decode_utf8(t, "a\xff", 2, NULL);
    ck_assert_ptr_null(bad);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, UnicodeDecodeError)));
    pyl_err_clear(t);
    PylObject *rep = pyl_str_decode_utf8(t, "a\xffz\xe2\x82", 5, "replace");
    ck_assert(pyl_str_equal_cstr(rep, "a\xef\xbf\xbdz\xef\xbf\xbd"));
    PylObject *esc = pyl_str_decode_utf8(t, "a\xff", 2, "surrogateescape");
    ck_assert_int_eq(PYL_STR_LEN(esc), 2);
    ck_assert(pyl_str_equal_cstr(esc, "a\xed\xb3\xbf")); /* U+DCFF */
    PylObject *back = pyl_codec_encode(t, esc, "utf-8", "surrogateescape");
    ck_assert_int_eq(PYL_BYTES_SIZE(back), 2);
    ck_assert_int_eq((unsigned char)PYL_BYTES_DATA(back)[1], 0xFF);
    ck_assert_ptr_null(pyl_str_decode_utf8(t, "\xff", 1, "nonsense"));
    ck_assert(pyl_err_matches(t, PYL_EXC(t, LookupError)));
    pyl_err_clear(t);
    /* incremental decoding stops before a cut sequence */
    intptr_t used;
    PylObject *part = pyl_codec_decode_ex(t, "ab\xe2\x82", 4, PYL_CODEC_UTF8, NULL, false, &used);
    ck_assert_int_eq(used, 2);
    ck_assert(pyl_str_equal_cstr(part, "ab"));
    ck_assert_int_eq(pyl_codec_lookup("UTF_8"), PYL_CODEC_UTF8);
    ck_assert_int_eq(pyl_codec_lookup("Latin-1"), PYL_CODEC_LATIN1);
    ck_assert_int_eq(pyl_codec_lookup("nope"), -1);
    pyl_decref(t, part);
    pyl_decref(t, back);
    pyl_decref(t, ok);
    pyl_decref(t, rep);
    pyl_decref(t, esc);
}
END_TEST

START_TEST(test_unicode_tables)
{
    uint32_t out[3];
    ck_assert(pyl_unicode_isalpha(0xE9));
    ck_assert(!pyl_unicode_isalpha('1'));
    ck_assert(pyl_unicode_isdecimal(0x663)); /* ARABIC-INDIC DIGIT THREE */
    ck_assert_int_eq(pyl_unicode_decimal(0x663), 3);
    ck_assert(pyl_unicode_isdigit(0xB2) && !pyl_unicode_isdecimal(0xB2));
    ck_assert(!pyl_unicode_isnumeric(0x4E0A)); /* CJK "above" */
    ck_assert(pyl_unicode_isnumeric(0x516D));  /* CJK six */
    ck_assert(pyl_unicode_isspace(0x3000) && pyl_unicode_isspace(0x1C) &&
              !pyl_unicode_isspace(0x200B));
    ck_assert(!pyl_unicode_isprintable(0xAD) && pyl_unicode_isprintable(0xE9));
    ck_assert(!pyl_unicode_isprintable(0x2028) && !pyl_unicode_isprintable(0xD800));
    ck_assert(pyl_unicode_islinebreak(0x2029) && !pyl_unicode_islinebreak(0x2000));
    ck_assert_int_eq(pyl_unicode_toupper(0xDF, out), 2);
    ck_assert(out[0] == 'S' && out[1] == 'S');
    ck_assert_int_eq(pyl_unicode_tolower(0x130, out), 2);
    ck_assert(out[0] == 'i' && out[1] == 0x307);
    ck_assert_int_eq(pyl_unicode_totitle(0x1C6, out), 1);
    ck_assert_int_eq(out[0], 0x1C5);
    ck_assert_int_eq(pyl_unicode_casefold(0xDF, out), 2);
    ck_assert_int_eq(pyl_unicode_tolower(0x10400, out), 1);
    ck_assert_int_eq(out[0], 0x10428);
    ck_assert_str_eq(pyl_unicode_category(0x41), "Lu");
    ck_assert_str_eq(pyl_unicode_category(0x378), "Cn");
    ck_assert(pyl_unicode_isxidstart(0x3B1) && !pyl_unicode_isxidstart('1'));
    ck_assert(pyl_unicode_iscased(0x3A3) && pyl_unicode_iscaseignorable('\''));
    ck_assert(!pyl_unicode_isalpha(0x110000));
}
END_TEST

START_TEST(test_join_and_repr)
{
    PylObject *items[3];
    items[0] = pyl_str_from_cstr(t, "a");
    items[1] = pyl_str_from_cstr(t, "\xc3\xa9");
    items[2] = pyl_str_from_cstr(t, "c");
    PylObject *list = pyl_list_from_array(t, items, 3);
    PylObject *sep = pyl_str_from_cstr(t, ", ");
    PylObject *j = pyl_str_join(t, sep, list);
    ck_assert(pyl_str_equal_cstr(j, "a, \xc3\xa9, c"));
    ck_assert_int_eq(PYL_STR_LEN(j), 7);
    PylObject *r = pyl_str_repr_ex(t, j, true);
    ck_assert(pyl_str_equal_cstr(r, "'a, \\xe9, c'"));
    PylObject *q = pyl_str_from_cstr(t, "it's");
    PylObject *rq = pyl_str_repr_ex(t, q, false);
    ck_assert(pyl_str_equal_cstr(rq, "\"it's\""));
    PylObject *rep = pyl_str_repeat(t, items[1], 3);
    ck_assert_int_eq(PYL_STR_LEN(rep), 3);
    ck_assert_int_eq(PYL_STR_NBYTES(rep), 6);
    for (int i = 0; i < 3; i++) {
        pyl_decref(t, items[i]);
    }
    pyl_decref(t, list);
    pyl_decref(t, sep);
    pyl_decref(t, j);
    pyl_decref(t, r);
    pyl_decref(t, q);
    pyl_decref(t, rq);
    pyl_decref(t, rep);
}
END_TEST

static Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_create_and_count);
    tcase_add_test(tc, test_offsets_and_index);
    tcase_add_test(tc, test_hash_equality);
    tcase_add_test(tc, test_interning);
    tcase_add_test(tc, test_append_inplace);
    tcase_add_test(tc, test_decode_errors);
    tcase_add_test(tc, test_unicode_tables);
    tcase_add_test(tc, test_join_and_repr);
    suite_add_tcase(s, tc);
    return s;
}

PYL_CHECK_MAIN(str_suite)
