/* mod_pyl.h — what the files of the Apache module share (not installed, not
 * used by the CGI gateway): the configuration records, the VM pools and the
 * request entry point.
 *
 *     mod_pyl.c   module record, hooks, directives, config create / merge
 *     pool.c      application groups and their VM pools (per child), loading and
 *                 reloading scripts, recycling, the request-timeout watchdog
 *     request.c   one request, Apache's side: environ, reading the body through
 *                 the input filters, wsgi.errors, brigades / sendfile, errors
 *     gateway.c   server-independent WSGI rules and request objects (wsgi.input,
 *                 start_response / write, file wrapper, the body loop), shared
 *                 with `pyl --cgi`
 */
#ifndef MOD_PYL_H
#define MOD_PYL_H

#include "apr_hash.h"
#include "apr_strings.h"
#include "apr_thread_cond.h"
#include "apr_thread_mutex.h"
#include "ap_config.h"
#include "ap_regex.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "httpd.h"

#include "mod_pyl/gateway.h"
#include "vm/pyl.h"

#define MOD_PYL_HANDLER "pyl-script"

/* The module record: the one symbol httpd looks up (the rest of the module is
 * hidden but for libpyl's pyl_* API). */
extern module AP_MODULE_DECLARE_DATA __attribute__((visibility("default"))) pyl_module;

/* ---- configuration ---------------------------------------------------------------- */

/* PylScriptAlias URL-PATH FILE-OR-DIR / PylScriptAliasMatch REGEX PATH. */
typedef struct PylAlias {
    const char *url;   /* mount point, no trailing slash ("" for "/"); NULL for a regex */
    ap_regex_t *regex; /* PylScriptAliasMatch */
    const char *path;  /* the script, or the directory whose first segment picks it */
    int is_dir;
} PylAlias;

/* Per server (virtual host). -1 / NULL = not set here (merged from the base). */
typedef struct PylServerConf {
    apr_array_header_t *aliases; /* of PylAlias */
    int interpreters;
    apr_off_t heap_limit;
    int max_requests;
    const char *path; /* PylPath, ':'-separated */
} PylServerConf;

/* Per directory / location. -1 / NULL = not set. */
typedef struct PylDirConf {
    const char *callable;
    const char *group;
    int reloading;
    int pass_auth;
    apr_interval_time_t timeout; /* -1 unset, 0 none */
} PylDirConf;

/* What translate_name found for a request (its request_config). */
typedef struct PylReqNote {
    const char *script_name;
} PylReqNote;

/* ---- pools ------------------------------------------------------------------------- */

typedef struct PylGroup PylGroup;
typedef struct PylVMCache PylVMCache;

/* An application script loaded in one VM. */
typedef struct PylApp {
    char *path;
    char *callable_name;
    PylObject *module;   /* owned */
    PylObject *callable; /* owned */
    apr_time_t mtime;
    apr_off_t size;
    struct PylApp *next;
} PylApp;

/* One VM of a group's pool. */
typedef struct PylSlot {
    PylGroup *group;
    PylVM *vm; /* NULL until first used, and again after recycling */
    PylVMCache *cache;
    PylApp *apps;
    long requests;
    int recycle;         /* free the VM when it comes back */
    request_rec *r;      /* the request using it (log hooks), or NULL */
    apr_time_t deadline; /* PylRequestTimeout: when to interrupt; 0 none */
    int timed_out;       /* the watchdog interrupted it */
    struct PylSlot *next_idle;
} PylSlot;

struct PylGroup {
    const char *name; /* in the child's pool */
    PylSlot *slots;
    int nslots;
    PylSlot *idle; /* stack: the most recently used VM first (warm caches) */
    int waiting;
    apr_thread_cond_t *cond;
    /* settings, fixed when the group is made */
    apr_off_t heap_limit;
    int max_requests;
    const char **path; /* NULL-terminated */
    server_rec *server;
};

/* child_init: the per-child state (groups, watchdog), lib dir. */
void pyl_pool_child_init(apr_pool_t *pchild, server_rec *s);
/* The group called name, made on first use with the settings of sconf. NULL
 * (logged) if the child has no pool state. */
PylGroup *pyl_group_get(request_rec *r, const char *name, const PylServerConf *sconf);
/* Borrow a VM of the group for r (waits for one while all are busy, up to the
 * server's Timeout). NULL and *status = the HTTP status when none could be had. */
PylSlot *pyl_slot_borrow(PylGroup *g, request_rec *r, int *status);
/* Give it back after the request (recycling it when due). */
void pyl_slot_give_back(PylSlot *slot);
/* The application at r->filename in slot's VM, loaded or reloaded as needed.
 * NULL (logged, exception cleared) when the script fails to load. */
PylApp *pyl_app_get(PylSlot *slot, request_rec *r, const PylDirConf *dconf);
/* Arm / disarm the request timeout of slot. */
void pyl_slot_arm(PylSlot *slot, apr_interval_time_t timeout);
void pyl_slot_disarm(PylSlot *slot);
/* Where pyl's Python library is (lib/ of the source tree next to build/, or the
 * installed PREFIX/lib/pyl). */
const char *pyl_lib_dir(void);

/* ---- requests ------------------------------------------------------------------------- */

/* The per-VM objects every request uses (types, interned keys, constants). */
PylVMCache *pyl_cache_new(PylVM *vm, PylGroup *g);
void pyl_cache_free(PylVM *vm, PylVMCache *c);
/* Run the WSGI application of app for r in slot's VM and send the response.
 * Returns what the handler returns (OK, or an HTTP status for an error page). */
int pyl_request_run(PylSlot *slot, PylApp *app, request_rec *r, const PylDirConf *dconf,
                    const char *script_name);
/* Log text (lines) from the VM's sys.stdout / sys.stderr / wsgi.errors at r (or at
 * s when no request runs). */
void pyl_log_text(request_rec *r, server_rec *s, const char *data, size_t n);
/* Log a pending exception's traceback at r, line by line, and clear it. */
void pyl_log_exception(PylVM *vm, request_rec *r, server_rec *s, const char *what);

#endif
