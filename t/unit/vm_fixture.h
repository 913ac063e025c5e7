/* vm_fixture.h — what every VM-level Check test shares: a fresh VM per test
 * (`vm`, and its main thread `t`) and a main() that runs one suite.
 *
 *     #include "vm_fixture.h"
 *     ... START_TEST(...) using t ... END_TEST
 *     static Suite *my_suite(void) { ...; tcase_add_checked_fixture(tc, setup, teardown); ... }
 *     PYL_CHECK_MAIN(my_suite)
 */
#ifndef PYL_T_VM_FIXTURE_H
#define PYL_T_VM_FIXTURE_H

#include <check.h>
#include <stdlib.h>

#include "vm/core.h"

static PylVM *vm;
static PylThread *t;

static void setup(void)
{
    vm = pyl_vm_create();
    ck_assert_ptr_nonnull(vm);
    t = vm->main_thread;
}

static void teardown(void)
{
    pyl_vm_destroy(vm);
    vm = NULL;
    t = NULL;
}

#define PYL_CHECK_MAIN(suite_fn)                                                                   \
    int main(void)                                                                                 \
    {                                                                                              \
        SRunner *sr = srunner_create(suite_fn());                                                  \
        srunner_run_all(sr, CK_NORMAL);                                                            \
        int failed = srunner_ntests_failed(sr);                                                    \
        srunner_free(sr);                                                                          \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                                          \
    }

#endif
