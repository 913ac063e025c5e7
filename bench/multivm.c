/* bench/multivm.c — do two VMs in two OS threads run in parallel? Runs the same
 * CPU-bound Python function (fib(N)) on two VMs twice: one after the other in
 * one thread, then at the same time in two threads; prints the median wall time
 * of each over RUNS rounds and the speed-up (about 2.0 on two free cores, 1.0
 * if anything serialised the VMs), and the CPU time the threaded run used per
 * second of wall time (about 2.0 when both threads ran at once: a check that
 * still means something on a busy machine), then the speed-up of a plain C
 * loop run the same two ways, as the yardstick. Uses only vm/pyl.h.
 *
 *     build/bench/multivm [N [RUNS]]      (make bench-multivm; defaults 31, 3)
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm/pyl.h"

static const char src[] = "def fib(n):\n"
                          "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n";

typedef struct Job {
    PylVM *vm;
    PylObject *fib;
    int n;
    int64_t result;
} Job;

static void *run(void *arg)
{
    Job *job = arg;
    PylObject *n = pyl_api_int_from_i64(job->vm, job->n);
    PylObject *r = pyl_api_call(job->vm, job->fib, &n, 1, NULL);
    if (r == NULL || pyl_api_int_as_i64(job->vm, r, &job->result) < 0) {
        char *tb = pyl_api_err_traceback(job->vm);
        fprintf(stderr, "multivm: fib failed:\n%s", tb ? tb : "?\n");
        exit(1);
    }
    pyl_api_decref(job->vm, r);
    pyl_api_decref(job->vm, n);
    return NULL;
}

/* The same measurement for a plain C loop: what the machine allows right now
 * (on a busy machine, or one whose scheduler groups this process's threads,
 * two threads may get no more CPU than one). */
static volatile uint64_t sink;

static void *spin(void *arg)
{
    uint64_t x = 0;
    for (uint64_t i = 0; i < 120000000; i++) {
        x += i ^ (x >> 3);
    }
    sink = x;
    return arg;
}

static double clock_s(clockid_t which)
{
    struct timespec ts;
    clock_gettime(which, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 31;
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    if (n < 1 || runs < 1 || runs > 99) {
        fprintf(stderr, "usage: multivm [N [RUNS]]\n");
        return 2;
    }
    Job jobs[2];
    for (int i = 0; i < 2; i++) {
        jobs[i].vm = pyl_vm_new(NULL);
        if (jobs[i].vm == NULL ||
            pyl_run_string(jobs[i].vm, src, sizeof src - 1, "<multivm>") != 0) {
            fprintf(stderr, "multivm: cannot make a VM\n");
            return 1;
        }
        PylObject *sys = pyl_api_import(jobs[i].vm, "sys");
        PylObject *mods = pyl_api_getattr_str(jobs[i].vm, sys, "modules");
        PylObject *main_mod = pyl_api_dict_get_str(jobs[i].vm, mods, "__main__");
        jobs[i].fib = pyl_api_getattr_str(jobs[i].vm, main_mod, "fib");
        jobs[i].n = n;
        pyl_api_decref(jobs[i].vm, main_mod);
        pyl_api_decref(jobs[i].vm, mods);
        pyl_api_decref(jobs[i].vm, sys);
    }
    double seq[99], par[99], cpu[99], cseq[99], cpar[99];
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        run(&jobs[0]);
        run(&jobs[1]);
        seq[r] = now() - t0;
        t0 = now();
        double c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        pthread_t th[2];
        for (int i = 0; i < 2; i++) {
            pthread_create(&th[i], NULL, run, &jobs[i]);
        }
        for (int i = 0; i < 2; i++) {
            pthread_join(th[i], NULL);
        }
        par[r] = now() - t0;
        cpu[r] = (clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0) / par[r];
        t0 = now();
        spin(NULL);
        spin(NULL);
        cseq[r] = now() - t0;
        t0 = now();
        for (int i = 0; i < 2; i++) {
            pthread_create(&th[i], NULL, spin, NULL);
        }
        for (int i = 0; i < 2; i++) {
            pthread_join(th[i], NULL);
        }
        cpar[r] = now() - t0;
    }
    qsort(seq, (size_t)runs, sizeof *seq, cmp);
    qsort(par, (size_t)runs, sizeof *par, cmp);
    qsort(cpu, (size_t)runs, sizeof *cpu, cmp);
    qsort(cseq, (size_t)runs, sizeof *cseq, cmp);
    qsort(cpar, (size_t)runs, sizeof *cpar, cmp);
    double s = seq[runs / 2], p = par[runs / 2];
    printf("fib(%d) on 2 VMs, median of %d runs (result %lld)\n", n, runs,
           (long long)jobs[0].result);
    printf("  one after the other: %.3f s\n", s);
    printf("  in 2 threads:        %.3f s  (CPU time / wall time %.2f)\n", p, cpu[runs / 2]);
    printf("  speed-up:            %.2fx\n", s / p);
    printf("the same for a C loop (what this machine allows now): %.2fx\n",
           cseq[runs / 2] / cpar[runs / 2]);
    for (int i = 0; i < 2; i++) {
        pyl_api_decref(jobs[i].vm, jobs[i].fib);
        pyl_vm_free(jobs[i].vm);
    }
    return 0;
}
