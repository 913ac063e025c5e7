/* test_dict.c — the dict's C API: insertion, lookup, deletion, order, resizing,
 * the version tag the inline caches rely on, update and copy. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/core.h"
#include "vm_fixture.h"

/* Keys of d in iteration order, as C integers (all keys are small ints). */
static intptr_t keys_of(PylObject *d, intptr_t *out, intptr_t max)
{
    intptr_t pos = 0, n = 0;
    PylObject *k, *v;
    while (pyl_dict_next(d, &pos, &k, &v)) {
        ck_assert(PYL_IS_SMALLINT(k));
        ck_assert_int_lt(n, max);
        out[n++] = PYL_SMALLINT_VALUE(k);
    }
    return n;
}

static PylObject *str_key(intptr_t i)
{
    char buf[32];
    snprintf(buf, sizeof buf, "key%ld", (long)i);
    PylObject *s = pyl_str_from_cstr(t, buf);
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(test_insert_lookup_many)
{
    PylObject *d = pyl_dict_new(t);
    const intptr_t n = 100000;
    for (intptr_t i = 0; i < n; i++) {
        ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(i * 7), PYL_SMALLINT(i)), 0);
    }
    ck_assert_int_eq(PYL_DICT_LEN(d), n);
    for (intptr_t i = 0; i < n; i++) {
        PylObject *v = pyl_dict_get(t, d, PYL_SMALLINT(i * 7));
        ck_assert_ptr_eq(v, PYL_SMALLINT(i));
        ck_assert_ptr_null(pyl_dict_get(t, d, PYL_SMALLINT(i * 7 + 1)));
        ck_assert_ptr_null(pyl_err_occurred(t));
    }
    ck_assert_int_eq(pyl_dict_contains(t, d, PYL_SMALLINT(7 * 5)), 1);
    ck_assert_int_eq(pyl_dict_contains(t, d, PYL_SMALLINT(-1)), 0);
    pyl_decref(t, d);
}
END_TEST

START_TEST(test_str_keys)
{
    PylObject *d = pyl_dict_new(t);
    for (intptr_t i = 0; i < 1000; i++) {
        PylObject *k = str_key(i);
        ck_assert_int_eq(pyl_dict_set(t, d, k, PYL_SMALLINT(i)), 0);
        pyl_decref(t, k);
    }
    for (intptr_t i = 0; i < 1000; i++) {
        PylObject *k = str_key(i); /* an equal but distinct object */
        ck_assert_ptr_eq(pyl_dict_get_str(t, d, k), PYL_SMALLINT(i));
        ck_assert_ptr_eq(pyl_dict_get(t, d, k), PYL_SMALLINT(i));
        intptr_t ix = pyl_dict_index_str(t, d, k);
        ck_assert_int_eq(ix, i); /* no deletions: entry i holds key i */
        pyl_decref(t, k);
    }
    ck_assert_ptr_eq(pyl_dict_get_cstr(t, d, "key999"), PYL_SMALLINT(999));
    ck_assert_ptr_null(pyl_dict_get_cstr(t, d, "key1000"));
    PylObject *missing = str_key(5000);
    ck_assert_int_eq(pyl_dict_index_str(t, d, missing), -1);
    pyl_decref(t, missing);
    pyl_decref(t, d);
}
END_TEST

START_TEST(test_replace_value)
{
    PylObject *d = pyl_dict_new(t);
    ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(1), PYL_SMALLINT(10)), 0);
    ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(2), PYL_SMALLINT(20)), 0);
    ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(1), PYL_SMALLINT(11)), 0);
    ck_assert_int_eq(PYL_DICT_LEN(d), 2);
    intptr_t keys[4];
    ck_assert_int_eq(keys_of(d, keys, 4), 2);
    ck_assert_int_eq(keys[0], 1); /* replacing keeps the original position */
    ck_assert_int_eq(keys[1], 2);
    ck_assert_ptr_eq(pyl_dict_get(t, d, PYL_SMALLINT(1)), PYL_SMALLINT(11));
    /* 1 == True: the same key */
    ck_assert_int_eq(pyl_dict_set(t, d, PYL_TRUE, PYL_SMALLINT(12)), 0);
    ck_assert_int_eq(PYL_DICT_LEN(d), 2);
    ck_assert_ptr_eq(pyl_dict_get(t, d, PYL_SMALLINT(1)), PYL_SMALLINT(12));
    pyl_decref(t, d);
}
END_TEST

START_TEST(test_delete_and_order)
{
    PylObject *d = pyl_dict_new(t);
    for (intptr_t i = 0; i < 100; i++) {
        ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(i), PYL_SMALLINT(i)), 0);
    }
    for (intptr_t i = 0; i < 100; i += 2) {
        ck_assert_int_eq(pyl_dict_del(t, d, PYL_SMALLINT(i)), 0);
    }
    ck_assert_int_eq(PYL_DICT_LEN(d), 50);
    /* Deleting a missing key raises KeyError. */
    ck_assert_int_eq(pyl_dict_del(t, d, PYL_SMALLINT(0)), -1);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, KeyError)));
    pyl_err_clear(t);
    /* Reinserted keys go to the end. */
    ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(4), PYL_SMALLINT(-4)), 0);
    ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(0), PYL_SMALLINT(0)), 0);
    intptr_t keys[64];
    intptr_t n = keys_of(d, keys, 64);
    ck_assert_int_eq(n, 52);
    for (intptr_t i = 0; i < 50; i++) {
        ck_assert_int_eq(keys[i], 2 * i + 1);
    }
    ck_assert_int_eq(keys[50], 4);
    ck_assert_int_eq(keys[51], 0);
    /* pop returns the value (new reference) or NULL without an exception. */
    PylObject *v = pyl_dict_pop(t, d, PYL_SMALLINT(4));
    ck_assert_ptr_eq(v, PYL_SMALLINT(-4));
    ck_assert_ptr_null(pyl_dict_pop(t, d, PYL_SMALLINT(4)));
    ck_assert_ptr_null(pyl_err_occurred(t));
    pyl_decref(t, d);
}
END_TEST

START_TEST(test_resize_keeps_everything)
{
    PylObject *d = pyl_dict_new(t);
    /* Interleave inserts and deletes so that resizes compact holes. */
    intptr_t next = 0;
    for (int round = 0; round < 50; round++) {
        for (int k = 0; k < 200; k++) {
            ck_assert_int_eq(pyl_dict_set(t, d, PYL_SMALLINT(next), PYL_SMALLINT(-next)), 0);
            next++;
        }
        for (intptr_t k = next - 200; k < next - 50; k++) {
            ck_assert_int_eq(pyl_dict_del(t, d, PYL_SMALLINT(k)), 0);
        }
    }
    ck_assert_int_eq(PYL_DICT_LEN(d), 50 * 50);
    intptr_t *keys = malloc(sizeof(intptr_t) * 2500);
    ck_assert_int_eq(keys_of(d, keys, 2500), 2500);
    intptr_t j = 0;
    for (int round = 0; round < 50; round++) {
        for (int k = 150; k < 200; k++) {
            ck_assert_int_eq(keys[j++], round * 200 + k); /* insertion order */
        }
    }
    for (j = 0; j < 2500; j++) {
        ck_assert_ptr_eq(pyl_dict_get(t, d, PYL_SMALLINT(keys[j])), PYL_SMALLINT(-keys[j]));
    }
    free(keys);
    pyl_decref(t, d);
}
END_TEST

START_TEST(test_version)
{
    PylObject *d = pyl_dict_new(t);
    PylObject *k1 = str_key(1), *k2 = str_key(2);
    ck_assert_int_eq(pyl_dict_set(t, d, k1, PYL_SMALLINT(1)), 0);
    uint32_t v1 = pyl_dict_version(t, d);
    ck_assert_uint_ne(v1, 0);
    ck_assert_uint_eq(pyl_dict_version(t, d), v1); /* stable while unchanged */
    /* Replacing a value keeps the version. */
    ck_assert_int_eq(pyl_dict_set(t, d, k1, PYL_SMALLINT(100)), 0);
    ck_assert_uint_eq(pyl_dict_version(t, d), v1);
    intptr_t ix = pyl_dict_index_str(t, d, k1);
    ck_assert_ptr_eq(((PylDict *)d)->entries[ix].value, PYL_SMALLINT(100));
    /* Inserting a new key resets it. */
    ck_assert_int_eq(pyl_dict_set(t, d, k2, PYL_SMALLINT(2)), 0);
    ck_assert_uint_eq(((PylDict *)d)->version, 0);
    uint32_t v2 = pyl_dict_version(t, d);
    ck_assert_uint_ne(v2, 0);
    ck_assert_uint_ne(v2, v1);
    /* Deleting resets it. */
    ck_assert_int_eq(pyl_dict_del(t, d, k2), 0);
    ck_assert_uint_eq(((PylDict *)d)->version, 0);
    uint32_t v3 = pyl_dict_version(t, d);
    ck_assert_uint_ne(v3, v2);
    /* A failed deletion changes nothing. */
    ck_assert_int_eq(pyl_dict_del(t, d, k2), -1);
    pyl_err_clear(t);
    ck_assert_uint_eq(pyl_dict_version(t, d), v3);
    /* Clearing resets it. */
    pyl_dict_clear(t, d);
    ck_assert_uint_eq(((PylDict *)d)->version, 0);
    ck_assert_int_eq(PYL_DICT_LEN(d), 0);
    /* Two dicts never share a version. */
    PylObject *e = pyl_dict_new(t);
    ck_assert_int_eq(pyl_dict_set(t, e, k1, PYL_SMALLINT(1)), 0);
    ck_assert_int_eq(pyl_dict_set(t, d, k1, PYL_SMALLINT(1)), 0);
    ck_assert_uint_ne(pyl_dict_version(t, d), pyl_dict_version(t, e));
    pyl_decref(t, e);
    pyl_decref(t, k1);
    pyl_decref(t, k2);
    pyl_decref(t, d);
}
END_TEST

START_TEST(test_update_and_copy)
{
    PylObject *a = pyl_dict_new(t), *b = pyl_dict_new(t);
    for (intptr_t i = 0; i < 10; i++) {
        ck_assert_int_eq(pyl_dict_set(t, a, PYL_SMALLINT(i), PYL_SMALLINT(i)), 0);
    }
    for (intptr_t i = 5; i < 15; i++) {
        ck_assert_int_eq(pyl_dict_set(t, b, PYL_SMALLINT(i), PYL_SMALLINT(100 + i)), 0);
    }
    ck_assert_int_eq(pyl_dict_update(t, a, b), 0);
    ck_assert_int_eq(PYL_DICT_LEN(a), 15);
    intptr_t keys[16];
    ck_assert_int_eq(keys_of(a, keys, 16), 15);
    for (intptr_t i = 0; i < 15; i++) {
        ck_assert_int_eq(keys[i], i); /* old keys keep their place, new ones follow */
        PylObject *v = pyl_dict_get(t, a, PYL_SMALLINT(i));
        ck_assert_ptr_eq(v, PYL_SMALLINT(i < 5 ? i : 100 + i));
    }
    /* Update from a list of pairs. */
    PylObject *pair = pyl_tuple_pack(t, 2, PYL_SMALLINT(99), PYL_NONE);
    PylObject *list = pyl_list_new(t, 0);
    ck_assert_int_eq(pyl_list_append(t, list, pair), 0);
    ck_assert_int_eq(pyl_dict_update(t, b, list), 0);
    ck_assert_ptr_eq(pyl_dict_get(t, b, PYL_SMALLINT(99)), PYL_NONE);
    pyl_decref(t, pair);
    pyl_decref(t, list);

    /* A copy is equal, independent, and in the same order. */
    ck_assert_int_eq(pyl_dict_del(t, a, PYL_SMALLINT(3)), 0);
    PylObject *c = pyl_dict_copy(t, a);
    ck_assert_ptr_nonnull(c);
    ck_assert(PYL_IS_DICT_EXACT(c));
    ck_assert_int_eq(PYL_DICT_LEN(c), 14);
    ck_assert_int_eq(pyl_richcompare_bool(t, a, c, PYL_EQ), 1);
    intptr_t ckeys[16];
    ck_assert_int_eq(keys_of(c, ckeys, 16), 14);
    ck_assert_int_eq(keys_of(a, keys, 16), 14);
    for (intptr_t i = 0; i < 14; i++) {
        ck_assert_int_eq(ckeys[i], keys[i]);
    }
    ck_assert_int_eq(pyl_dict_set(t, c, PYL_SMALLINT(3), PYL_SMALLINT(3)), 0);
    ck_assert_ptr_null(pyl_dict_get(t, a, PYL_SMALLINT(3)));
    ck_assert_int_eq(pyl_richcompare_bool(t, a, c, PYL_EQ), 0);
    /* keys list */
    PylObject *kl = pyl_dict_keys_list(t, c);
    ck_assert_int_eq(PYL_LIST_SIZE(kl), 15);
    ck_assert_ptr_eq(PYL_LIST_ITEM(kl, 14), PYL_SMALLINT(3));
    pyl_decref(t, kl);
    pyl_decref(t, c);
    pyl_decref(t, a);
    pyl_decref(t, b);
}
END_TEST

START_TEST(test_unhashable_key)
{
    PylObject *d = pyl_dict_new(t);
    PylObject *list = pyl_list_new(t, 0);
    ck_assert_int_eq(pyl_dict_set(t, d, list, PYL_NONE), -1);
    ck_assert(pyl_err_matches(t, PYL_EXC(t, TypeError)));
    pyl_err_clear(t);
    ck_assert_ptr_null(pyl_dict_get(t, d, list));
    ck_assert_ptr_nonnull(pyl_err_occurred(t));
    pyl_err_clear(t);
    ck_assert_int_eq(PYL_DICT_LEN(d), 0);
    pyl_decref(t, list);
    pyl_decref(t, d);
}
END_TEST

START_TEST(test_presized_and_tuple_keys)
{
    PylObject *d = pyl_dict_new_presized(t, 1000);
    for (intptr_t i = 0; i < 1000; i++) {
        PylObject *k = pyl_tuple_pack(t, 2, PYL_SMALLINT(i), PYL_SMALLINT(-i));
        ck_assert_int_eq(pyl_dict_set(t, d, k, PYL_SMALLINT(i)), 0);
        pyl_decref(t, k);
    }
    for (intptr_t i = 0; i < 1000; i++) {
        PylObject *k = pyl_tuple_pack(t, 2, PYL_SMALLINT(i), PYL_SMALLINT(-i));
        ck_assert_ptr_eq(pyl_dict_get(t, d, k), PYL_SMALLINT(i));
        pyl_decref(t, k);
    }
    ck_assert_int_eq(PYL_DICT_LEN(d), 1000);
    pyl_decref(t, d);
}
END_TEST

static Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_insert_lookup_many);
    tcase_add_test(tc, test_str_keys);
    tcase_add_test(tc, test_replace_value);
    tcase_add_test(tc, test_delete_and_order);
    tcase_add_test(tc, test_resize_keeps_everything);
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_update_and_copy);
    tcase_add_test(tc, test_unhashable_key);
    tcase_add_test(tc, test_presized_and_tuple_keys);
    suite_add_tcase(s, tc);
    return s;
}

PYL_CHECK_MAIN(dict_suite)
