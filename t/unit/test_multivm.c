/* test_multivm.c — many interpreters in one process, through vm/pyl.h only:
 * two VMs driven by two OS threads at once run the same CPU-bound Python code
 * with correct results and no interference (each mutates its own module state,
 * classes and builtins), VMs made in one thread and run in another, and VMs
 * created and destroyed in a loop (the ASan build checks they free everything). */
#include <check.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/pyl.h"

/* CPU-bound work plus state every VM changes in its own way: a module global, a
 * class attribute, a builtin replaced, the int-to-str digit limit. */
static const char work_src[] = "import sys\n"
                               "\n"
                               "try:\n"
                               "    Acc  # kept from an earlier run in this VM\n"
                               "except NameError:\n"
                               "    class Acc:\n"
                               "        total = 0\n"
                               "\n"
                               "def fib(n):\n"
                               "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                               "\n"
                               "def work(tag, n, rounds):\n"
                               "    global last\n"
                               "    import builtins\n"
                               "    builtins.TAG = tag\n"
                               "    sys.set_int_max_str_digits(1000 + tag)\n"
                               "    for r in range(rounds):\n"
                               "        last = tag\n"
                               "        Acc.total += fib(n)\n"
                               "        d = {}\n"
                               "        for i in range(2000):\n"
                               "            d[str(i)] = i * tag\n"
                               "        assert sum(d.values()) == tag * 1999000, 'dict'\n"
                               "        assert last == tag and TAG == tag, 'globals'\n"
                               "        assert sys.get_int_max_str_digits() == 1000 + tag\n"
                               "    return Acc.total\n";

typedef struct Job {
    PylVM *vm; /* NULL: the thread makes (and frees) its own VM */
    int tag;   /* distinguishes the VMs' state */
    int n;     /* fib(n) per round */
    int rounds;
    int64_t result;
    char *error; /* traceback text when the work failed */
} Job;

static PylVM *make_vm(void)
{
    PylConfig cfg;
    pyl_config_init(&cfg);
    cfg.write_bytecode = 0;
    return pyl_vm_new(&cfg);
}

/* Define the work in vm (as module "work" run from a string) and run it. */
static void run_job(Job *job)
{
    PylVM *vm = job->vm;
    job->result = -1;
    if (pyl_run_string(vm, work_src, sizeof work_src - 1, "<work>") != 0) {
        job->error = strdup("the work module failed");
        return;
    }
    PylObject *sys = pyl_api_import(vm, "sys");
    PylObject *modules = sys ? pyl_api_getattr_str(vm, sys, "modules") : NULL;
    PylObject *main = modules ? pyl_api_dict_get_str(vm, modules, "__main__") : NULL;
    PylObject *work = main ? pyl_api_getattr_str(vm, main, "work") : NULL;
    PylObject *args[3] = {pyl_api_int_from_i64(vm, job->tag), pyl_api_int_from_i64(vm, job->n),
                          pyl_api_int_from_i64(vm, job->rounds)};
    PylObject *r = work ? pyl_api_call(vm, work, args, 3, NULL) : NULL;
    if (r == NULL || pyl_api_int_as_i64(vm, r, &job->result) < 0) {
        job->error = pyl_api_err_traceback(vm);
        pyl_api_err_clear(vm);
    }
    for (int i = 0; i < 3; i++) {
        pyl_api_decref(vm, args[i]);
    }
    pyl_api_decref(vm, r);
    pyl_api_decref(vm, work);
    pyl_api_decref(vm, main);
    pyl_api_decref(vm, modules);
    pyl_api_decref(vm, sys);
}

static void *job_thread(void *arg)
{
    Job *job = arg;
    bool own = job->vm == NULL;
    if (own) {
        job->vm = make_vm();
        if (job->vm == NULL) {
            job->error = strdup("pyl_vm_new failed");
            return NULL;
        }
    }
    run_job(job);
    if (own) {
        pyl_vm_free(job->vm);
        job->vm = NULL;
    }
    return NULL;
}

static int64_t fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static void check_job(Job *job)
{
    if (job->error != NULL) {
        ck_abort_msg("VM %d failed:\n%s", job->tag, job->error);
    }
    ck_assert_int_eq(job->result, fib(job->n) * job->rounds);
}

START_TEST(test_two_vms_in_parallel)
{
    /* each thread makes, runs and frees its own VM */
    Job jobs[2] = {{NULL, 3, 24, 4, 0, NULL}, {NULL, 5, 25, 3, 0, NULL}};
    pthread_t th[2];
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(pthread_create(&th[i], NULL, job_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
        check_job(&jobs[i]);
    }
    /* and the same work on one VM, in this thread */
    Job one = {make_vm(), 7, 24, 4, 0, NULL};
    ck_assert_ptr_nonnull(one.vm);
    run_job(&one);
    check_job(&one);
    pyl_vm_free(one.vm);
}
END_TEST

START_TEST(test_vms_made_here_run_there)
{
    /* made by this thread, run concurrently by two others, run again here, and
     * freed here: VMs are not tied to the thread that made them */
    Job jobs[2] = {{make_vm(), 11, 18, 3, 0, NULL}, {make_vm(), 13, 19, 2, 0, NULL}};
    ck_assert(jobs[0].vm != NULL && jobs[1].vm != NULL);
    pthread_t th[2];
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(pthread_create(&th[i], NULL, job_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
        check_job(&jobs[i]);
    }
    /* the second run adds to the class attribute the first run left behind */
    for (int i = 0; i < 2; i++) {
        int64_t first = jobs[i].result;
        run_job(&jobs[i]);
        ck_assert_ptr_null(jobs[i].error);
        ck_assert_int_eq(jobs[i].result, 2 * first);
        pyl_vm_free(jobs[i].vm);
    }
}
END_TEST

START_TEST(test_many_vms_in_a_loop)
{
    for (int i = 0; i < 20; i++) {
        PylVM *vm = make_vm();
        ck_assert_ptr_nonnull(vm);
        const char *src = "x = [str(i) * 3 for i in range(500)]\n"
                          "d = {s: len(s) for s in x}\n"
                          "class C:\n"
                          "    def __init__(self):\n"
                          "        self.me = self\n" /* a cycle, for teardown to free */
                          "c = C()\n"
                          "assert sum(d.values()) == 3 * sum(len(str(i)) for i in range(500))\n";
        ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<loop>"), 0);
        pyl_vm_free(vm);
    }
    /* several alive at once, freed in another order than made */
    PylVM *vms[8];
    for (int i = 0; i < 8; i++) {
        vms[i] = make_vm();
        ck_assert_ptr_nonnull(vms[i]);
        char src[64];
        snprintf(src, sizeof src, "v = %d\n", i);
        ck_assert_int_eq(pyl_run_string(vms[i], src, strlen(src), "<v>"), 0);
    }
    for (int i = 0; i < 8; i++) {
        PylVM *vm = vms[(i * 3) % 8];
        const char *src = "import sys\nsys.exit(v + 10)\n";
        ck_assert_int_eq(pyl_run_string(vm, src, strlen(src), "<v>"), (i * 3) % 8 + 10);
        pyl_vm_free(vm);
    }
}
END_TEST

static Suite *multivm_suite(void)
{
    Suite *s = suite_create("multivm");
    TCase *tc = tcase_create("vms");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_two_vms_in_parallel);
    tcase_add_test(tc, test_vms_made_here_run_there);
    tcase_add_test(tc, test_many_vms_in_a_loop);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(multivm_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
