/* pool.c — the VMs of an httpd child: application groups, each a pool of VMs
 * that requests borrow and give back; loading and reloading scripts; recycling
 * (PylMaxRequests, PylHeapLimit); the request-timeout watchdog.
 *
 * Per child (made in child_init, so no VM ever exists in the root parent):
 *
 *     PylChild ── mutex (guards everything below but the VMs themselves)
 *       groups: name -> PylGroup ── slots[nslots]: PylSlot { vm, apps, ... }
 *                                └─ idle: stack of free slots (last used first)
 *       watchdog thread: interrupts slots whose deadline passed
 *
 * A slot's VM is made lazily by the first request that borrows the slot, so a
 * child that serves little keeps few VMs. The borrowing request owns the slot
 * (and its VM) until it gives it back; only the watchdog touches a borrowed
 * slot, under the mutex, and only to read its deadline and call
 * pyl_vm_interrupt (which is safe from another thread). Giving back disarms
 * first, under the same mutex, so an interrupt never reaches an idle VM.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "ap_mpm.h"
#include "apr_thread_proc.h"

#include "mod_pyl/mod_pyl.h"

APLOG_USE_MODULE(pyl);

#ifndef PYL_LIB_DIR
#define PYL_LIB_DIR "/usr/local/lib/pyl"
#endif

/* Recycle a VM whose heap is above this share of PylHeapLimit after a request. */
#define HEAP_RECYCLE_PERCENT 90

typedef struct PylChild {
    apr_pool_t *pool; /* ours: only used under mutex */
    server_rec *server;
    apr_thread_mutex_t *mutex;
    apr_hash_t *groups;
    int threads;
    /* watchdog */
    apr_thread_t *watchdog;
    apr_thread_cond_t *wd_cond;
    int armed; /* slots with a deadline */
    int stopping;
} PylChild;

/* The child's state: one per httpd child process, made in child_init (Apache
 * modules keep per-process state this way; the VMs themselves share nothing). */
static PylChild *child;
static char lib_dir[PATH_MAX];

/* ---- pyl's library directory ----------------------------------------------------------- */

/* The lib/ of the source tree when this module is build/mod_pyl.so or
 * build/asan/mod_pyl.so, else the installed PYL_LIB_DIR. */
static void find_lib_dir(void)
{
    Dl_info info;
    char *found = NULL;
    if (dladdr((void *)&pyl_module, &info) != 0 && info.dli_fname != NULL) {
        char so[PATH_MAX];
        snprintf(so, sizeof so, "%s", info.dli_fname);
        found = pyl_find_lib_dir(dirname(so));
    }
    snprintf(lib_dir, sizeof lib_dir, "%s", found != NULL ? found : PYL_LIB_DIR);
    free(found);
}

const char *pyl_lib_dir(void)
{
    return lib_dir;
}

/* ---- VMs ------------------------------------------------------------------------------ */

/* sys.stdout / sys.stderr of every VM: the error log, at the request running. */
static void vm_write(void *ctx, const char *data, size_t n)
{
    PylSlot *slot = ctx;
    pyl_log_text(slot->r, slot->group->server, data, n);
}

static void free_apps(PylSlot *slot)
{
    while (slot->apps != NULL) {
        PylApp *a = slot->apps;
        slot->apps = a->next;
        pyl_api_decref(slot->vm, a->callable);
        pyl_api_decref(slot->vm, a->module);
        free(a->path);
        free(a->callable_name);
        free(a);
    }
}

static void free_vm(PylSlot *slot)
{
    if (slot->vm == NULL) {
        return;
    }
    free_apps(slot);
    pyl_cache_free(slot->vm, slot->cache);
    slot->cache = NULL;
    pyl_vm_free(slot->vm);
    slot->vm = NULL;
    slot->requests = 0;
    slot->recycle = 0;
}

/* Make the slot's VM (in the borrowing request's thread). 0 or -1 (logged). */
static int make_vm(PylSlot *slot, request_rec *r)
{
    PylGroup *g = slot->group;
    PylConfig cfg;
    pyl_config_init(&cfg);
    cfg.path = g->path;
    cfg.lib_dir = lib_dir;
    cfg.heap_limit = (size_t)g->heap_limit;
    cfg.write_out = vm_write;
    cfg.write_err = vm_write;
    cfg.ctx = slot;
    PylVM *vm = pyl_vm_new(&cfg);
    if (vm == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "mod_pyl: cannot create a VM for application group '%s' (out of memory, "
                      "or PylHeapLimit too small)",
                      g->name);
        return -1;
    }
    char *argv[1] = {"mod_pyl"};
    pyl_set_argv(vm, 1, argv);
    slot->vm = vm;
    slot->cache = pyl_cache_new(vm, g);
    if (slot->cache == NULL) {
        if (pyl_api_err_pending(vm)) {
            pyl_log_exception(vm, r, NULL, "cannot set up a VM");
        }
        free_vm(slot);
        return -1;
    }
    slot->requests = 0;
    return 0;
}

/* ---- groups ------------------------------------------------------------------------------- */

PylGroup *pyl_group_get(request_rec *r, const char *name, const PylServerConf *sconf)
{
    if (child == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "mod_pyl: the child was not initialised");
        return NULL;
    }
    apr_thread_mutex_lock(child->mutex);
    PylGroup *g = apr_hash_get(child->groups, name, APR_HASH_KEY_STRING);
    if (g == NULL) {
        apr_pool_t *p = child->pool;
        g = apr_pcalloc(p, sizeof *g);
        g->name = apr_pstrdup(p, name);
        g->nslots = sconf->interpreters > 0 ? sconf->interpreters : child->threads;
        g->slots = apr_pcalloc(p, sizeof(PylSlot) * (size_t)g->nslots);
        for (int i = g->nslots - 1; i >= 0; i--) {
            g->slots[i].group = g;
            g->slots[i].next_idle = g->idle;
            g->idle = &g->slots[i];
        }
        apr_thread_cond_create(&g->cond, p);
        g->heap_limit = sconf->heap_limit > 0 ? sconf->heap_limit : 0;
        g->max_requests = sconf->max_requests > 0 ? sconf->max_requests : 0;
        g->server = child->server;
        /* PylPath: ':'-separated */
        const char *path = sconf->path ? sconf->path : "";
        int n = 1;
        for (const char *c = path; *c; c++) {
            n += *c == ':';
        }
        g->path = apr_pcalloc(p, sizeof(char *) * (size_t)(n + 1));
        char *copy = apr_pstrdup(p, path), *tok, *state;
        int i = 0;
        for (tok = apr_strtok(copy, ":", &state); tok != NULL;
             tok = apr_strtok(NULL, ":", &state)) {
            g->path[i++] = tok;
        }
        apr_hash_set(child->groups, g->name, APR_HASH_KEY_STRING, g);
    }
    apr_thread_mutex_unlock(child->mutex);
    return g;
}

PylSlot *pyl_slot_borrow(PylGroup *g, request_rec *r, int *status)
{
    apr_thread_mutex_lock(child->mutex);
    apr_time_t until = apr_time_now() + r->server->timeout;
    while (g->idle == NULL) {
        apr_time_t now = apr_time_now();
        if (now >= until) {
            apr_thread_mutex_unlock(child->mutex);
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                          "mod_pyl: no free VM in application group '%s' within Timeout (all "
                          "%d busy; see PylInterpreters)",
                          g->name, g->nslots);
            *status = HTTP_SERVICE_UNAVAILABLE;
            return NULL;
        }
        g->waiting++;
        apr_thread_cond_timedwait(g->cond, child->mutex, until - now);
        g->waiting--;
    }
    PylSlot *slot = g->idle;
    g->idle = slot->next_idle;
    slot->next_idle = NULL;
    apr_thread_mutex_unlock(child->mutex);
    slot->r = r;
    slot->timed_out = 0;
    if (slot->vm != NULL) {
        pyl_vm_acquire(slot->vm); /* from the app's own threads (see give back) */
    }
    if (slot->vm == NULL && make_vm(slot, r) < 0) {
        pyl_slot_give_back(slot);
        *status = HTTP_INTERNAL_SERVER_ERROR;
        return NULL;
    }
    return slot;
}

void pyl_slot_give_back(PylSlot *slot)
{
    PylGroup *g = slot->group;
    if (slot->vm != NULL) {
        slot->requests++;
        if (g->max_requests > 0 && slot->requests >= g->max_requests) {
            slot->recycle = 1;
        }
        if (g->heap_limit > 0 &&
            pyl_vm_heap_bytes(slot->vm) > (size_t)g->heap_limit / 100 * HEAP_RECYCLE_PERCENT) {
            slot->recycle = 1;
        }
        if (slot->recycle) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, slot->r,
                          "mod_pyl: recycling a VM of group '%s' after %ld requests", g->name,
                          slot->requests);
            free_vm(slot);
        } else {
            /* threads the app started run between requests, as under mod_wsgi */
            pyl_vm_release(slot->vm);
        }
    }
    slot->r = NULL;
    apr_thread_mutex_lock(child->mutex);
    slot->next_idle = g->idle;
    g->idle = slot;
    if (g->waiting > 0) {
        apr_thread_cond_signal(g->cond);
    }
    apr_thread_mutex_unlock(child->mutex);
}

/* ---- applications ----------------------------------------------------------------------- */

/* app->callable = module.<callable>, and app->callable_name. 0, or -1 (logged
 * at r; app unchanged). */
static int take_callable(PylVM *vm, request_rec *r, PylApp *app, PylObject *module,
                         const char *callable)
{
    PylObject *c = pyl_api_getattr_str(vm, module, callable);
    if (c == NULL) {
        pyl_log_exception(vm, r, NULL,
                          apr_psprintf(r->pool,
                                       "target WSGI script '%s' does not contain WSGI application "
                                       "'%s'",
                                       r->filename, callable));
        return -1;
    }
    char *name = strdup(callable);
    if (name == NULL) {
        pyl_api_decref(vm, c);
        return -1;
    }
    pyl_api_decref(vm, app->callable);
    free(app->callable_name);
    app->callable = c;
    app->callable_name = name;
    return 0;
}

PylApp *pyl_app_get(PylSlot *slot, request_rec *r, const PylDirConf *dconf)
{
    PylVM *vm = slot->vm;
    const char *callable = dconf->callable ? dconf->callable : "application";
    int reloading = dconf->reloading != 0;
    PylApp *app = slot->apps;
    while (app != NULL && strcmp(app->path, r->filename) != 0) {
        app = app->next;
    }
    if (app != NULL && app->module != NULL &&
        (!reloading || (app->mtime == r->finfo.mtime && app->size == r->finfo.size))) {
        if (strcmp(app->callable_name, callable) == 0) {
            return app;
        }
        /* another PylCallableObject for the same script */
        return take_callable(vm, r, app, app->module, callable) < 0 ? NULL : app;
    }
    if (app == NULL) {
        app = calloc(1, sizeof *app);
        if (app == NULL || (app->path = strdup(r->filename)) == NULL) {
            free(app);
            return NULL;
        }
        app->next = slot->apps;
        slot->apps = app;
    } else if (app->module != NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "mod_pyl: reloading changed WSGI script '%s'",
                      r->filename);
    }
    pyl_api_decref(vm, app->callable);
    pyl_api_decref(vm, app->module);
    app->callable = app->module = NULL;
    free(app->callable_name);
    app->callable_name = NULL;
    char modname[64];
    pyl_gw_module_name(r->filename, modname, sizeof modname);
    PylObject *mod = pyl_api_import_file(vm, r->filename, modname);
    if (mod == NULL) {
        pyl_log_exception(vm, r, NULL,
                          apr_psprintf(r->pool, "failed to load WSGI script '%s'", r->filename));
        return NULL;
    }
    if (take_callable(vm, r, app, mod, callable) < 0) {
        pyl_api_decref(vm, mod);
        return NULL;
    }
    app->module = mod;
    app->mtime = r->finfo.mtime;
    app->size = r->finfo.size;
    return app;
}

/* ---- request timeouts ------------------------------------------------------------------------ */

void pyl_slot_arm(PylSlot *slot, apr_interval_time_t timeout)
{
    apr_thread_mutex_lock(child->mutex);
    slot->deadline = apr_time_now() + timeout;
    slot->timed_out = 0;
    if (child->armed++ == 0) {
        apr_thread_cond_signal(child->wd_cond);
    }
    apr_thread_mutex_unlock(child->mutex);
}

void pyl_slot_disarm(PylSlot *slot)
{
    apr_thread_mutex_lock(child->mutex);
    if (slot->deadline != 0) {
        slot->deadline = 0;
        child->armed--;
    }
    apr_thread_mutex_unlock(child->mutex);
    /* an interrupt the code did not reach any more must not hit the next request */
    pyl_vm_interrupt_clear(slot->vm);
}

/* The watchdog: while some request has a deadline, look every 50 ms; interrupt
 * the VMs past theirs with TimeoutError (again every second if the code keeps
 * running, e.g. because it caught the exception). */
static void *APR_THREAD_FUNC watchdog(apr_thread_t *th, void *data)
{
    apr_thread_mutex_lock(child->mutex);
    while (!child->stopping) {
        if (child->armed == 0) {
            apr_thread_cond_wait(child->wd_cond, child->mutex);
            continue;
        }
        apr_thread_cond_timedwait(child->wd_cond, child->mutex, apr_time_from_msec(50));
        apr_time_t now = apr_time_now();
        for (apr_hash_index_t *hi = apr_hash_first(NULL, child->groups); hi != NULL;
             hi = apr_hash_next(hi)) {
            PylGroup *g = apr_hash_this_val(hi);
            for (int i = 0; i < g->nslots; i++) {
                PylSlot *s = &g->slots[i];
                if (s->deadline != 0 && now >= s->deadline && s->vm != NULL) {
                    pyl_vm_interrupt(s->vm, "TimeoutError");
                    s->timed_out = 1;
                    s->deadline = now + apr_time_from_sec(1);
                    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, s->r,
                                  "mod_pyl: request timed out (PylRequestTimeout); raising "
                                  "TimeoutError in the application");
                }
            }
        }
    }
    apr_thread_mutex_unlock(child->mutex);
    apr_thread_exit(th, APR_SUCCESS);
    return NULL;
}

/* At child exit: stop the watchdog, free the idle VMs (their atexit work and
 * buffered output run now). */
static apr_status_t child_exit(void *data)
{
    if (child == NULL) {
        return APR_SUCCESS;
    }
    apr_thread_mutex_lock(child->mutex);
    child->stopping = 1;
    apr_thread_cond_signal(child->wd_cond);
    apr_thread_mutex_unlock(child->mutex);
    if (child->watchdog != NULL) {
        apr_status_t rv;
        apr_thread_join(&rv, child->watchdog);
    }
    apr_thread_mutex_lock(child->mutex);
    for (apr_hash_index_t *hi = apr_hash_first(NULL, child->groups); hi != NULL;
         hi = apr_hash_next(hi)) {
        PylGroup *g = apr_hash_this_val(hi);
        for (PylSlot *s = g->idle; s != NULL; s = s->next_idle) {
            free_vm(s);
        }
    }
    apr_thread_mutex_unlock(child->mutex);
    child = NULL;
    return APR_SUCCESS;
}

void pyl_pool_child_init(apr_pool_t *pchild, server_rec *s)
{
    find_lib_dir();
    apr_pool_t *p;
    if (apr_pool_create(&p, pchild) != APR_SUCCESS) {
        return;
    }
    PylChild *c = apr_pcalloc(p, sizeof *c);
    c->pool = p;
    c->server = s;
    c->groups = apr_hash_make(p);
    int threads = 1;
    if (ap_mpm_query(AP_MPMQ_MAX_THREADS, &threads) != APR_SUCCESS || threads < 1) {
        threads = 1;
    }
    c->threads = threads;
    if (apr_thread_mutex_create(&c->mutex, APR_THREAD_MUTEX_DEFAULT, p) != APR_SUCCESS ||
        apr_thread_cond_create(&c->wd_cond, p) != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s, "mod_pyl: cannot create the child's locks");
        return;
    }
    child = c;
    /* the watchdog takes no signals: httpd's children (prefork's above all)
     * expect them in their own threads */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    apr_status_t rv = apr_thread_create(&c->watchdog, NULL, watchdog, NULL, p);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rv != APR_SUCCESS) {
        c->watchdog = NULL;
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, s,
                     "mod_pyl: cannot start the watchdog thread: PylRequestTimeout is inactive");
    }
    /* a pre-cleanup of our pool: runs before the watchdog's own pool goes */
    apr_pool_pre_cleanup_register(p, NULL, child_exit);
}
