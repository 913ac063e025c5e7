/* mod_pyl.c — the Apache module: its record, directives, configuration merging
 * and hooks. A request for a WSGI script goes
 *
 *     translate_name   PylScriptAlias / PylScriptAliasMatch: r->filename, the
 *                      handler, and the mount point (SCRIPT_NAME) in a note
 *     map_to_storage   (core) walks <Directory> for the script, finds PATH_INFO
 *     handler          "pyl-script": borrow a VM of the application group, load
 *                      or reload the script, run the request (request.c), give
 *                      the VM back (pool.c)
 *
 * VMs are only ever made in the children (pool.c), never in the root parent.
 */
#include <ctype.h>
#include <sys/stat.h>

#include "ap_mpm.h"
#include "http_core.h"
#include "util_script.h"

#include "mod_pyl/mod_pyl.h"

/* ---- configuration records ----------------------------------------------------------- */

static void *create_server_conf(apr_pool_t *p, server_rec *s)
{
    PylServerConf *c = apr_pcalloc(p, sizeof *c);
    c->aliases = apr_array_make(p, 4, sizeof(PylAlias));
    c->interpreters = -1;
    c->heap_limit = -1;
    c->max_requests = -1;
    return c;
}

static void *merge_server_conf(apr_pool_t *p, void *basev, void *addv)
{
    PylServerConf *base = basev, *add = addv, *c = apr_pcalloc(p, sizeof *c);
    /* the virtual host's mount points first, then the main server's (mod_alias) */
    c->aliases = apr_array_append(p, add->aliases, base->aliases);
    c->interpreters = add->interpreters != -1 ? add->interpreters : base->interpreters;
    c->heap_limit = add->heap_limit != -1 ? add->heap_limit : base->heap_limit;
    c->max_requests = add->max_requests != -1 ? add->max_requests : base->max_requests;
    c->path = add->path != NULL ? add->path : base->path;
    return c;
}

static void *create_dir_conf(apr_pool_t *p, char *dir)
{
    PylDirConf *c = apr_pcalloc(p, sizeof *c);
    c->reloading = -1;
    c->pass_auth = -1;
    c->timeout = -1;
    return c;
}

static void *merge_dir_conf(apr_pool_t *p, void *basev, void *addv)
{
    PylDirConf *base = basev, *add = addv, *c = apr_pcalloc(p, sizeof *c);
    c->callable = add->callable != NULL ? add->callable : base->callable;
    c->group = add->group != NULL ? add->group : base->group;
    c->reloading = add->reloading != -1 ? add->reloading : base->reloading;
    c->pass_auth = add->pass_auth != -1 ? add->pass_auth : base->pass_auth;
    c->timeout = add->timeout != -1 ? add->timeout : base->timeout;
    return c;
}

/* ---- directives ------------------------------------------------------------------------ */

static PylServerConf *server_conf(cmd_parms *cmd)
{
    return ap_get_module_config(cmd->server->module_config, &pyl_module);
}

/* A PylScriptAlias target: absolute (relative ones are under ServerRoot); a
 * directory when it is one now or ends in '/'. */
static const char *alias_target(cmd_parms *cmd, const char *path, int *is_dir)
{
    size_t n = strlen(path);
    *is_dir = n > 0 && path[n - 1] == '/';
    const char *full = ap_server_root_relative(cmd->pool, path);
    if (full == NULL) {
        return NULL;
    }
    struct stat st;
    if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
        *is_dir = 1;
    }
    char *copy = apr_pstrdup(cmd->pool, full);
    for (size_t m = strlen(copy); m > 1 && copy[m - 1] == '/'; m--) {
        copy[m - 1] = '\0';
    }
    return copy;
}

static const char *set_script_alias(cmd_parms *cmd, void *dummy, const char *url, const char *path)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    if (err != NULL) {
        return err;
    }
    if (url[0] != '/') {
        return apr_psprintf(cmd->pool, "%s: the URL path must begin with '/', not '%s'",
                            cmd->cmd->name, url);
    }
    PylAlias *a = apr_array_push(server_conf(cmd)->aliases);
    char *u = apr_pstrdup(cmd->pool, url);
    for (size_t m = strlen(u); m > 0 && u[m - 1] == '/'; m--) {
        u[m - 1] = '\0';
    }
    a->url = u;
    a->regex = NULL;
    a->path = alias_target(cmd, path, &a->is_dir);
    if (a->path == NULL) {
        return apr_psprintf(cmd->pool, "%s: invalid path '%s'", cmd->cmd->name, path);
    }
    return NULL;
}

static const char *set_script_alias_match(cmd_parms *cmd, void *dummy, const char *re,
                                          const char *path)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    if (err != NULL) {
        return err;
    }
    ap_regex_t *regex = ap_pregcomp(cmd->pool, re, AP_REG_EXTENDED);
    if (regex == NULL) {
        return apr_psprintf(cmd->pool, "%s: '%s' is not a valid regular expression", cmd->cmd->name,
                            re);
    }
    PylAlias *a = apr_array_push(server_conf(cmd)->aliases);
    a->url = NULL;
    a->regex = regex;
    /* $1 ... are substituted per request: a directory only if it says so */
    size_t n = strlen(path);
    a->is_dir = n > 0 && path[n - 1] == '/';
    a->path = path[0] == '/' || path[0] == '$' ? apr_pstrdup(cmd->pool, path)
                                               : ap_server_root_relative(cmd->pool, path);
    if (a->is_dir) {
        ((char *)a->path)[strlen(a->path) - 1] = '\0';
    }
    return NULL;
}

/* A whole number in [lo, hi] from arg, or an error message. */
static const char *parse_int(cmd_parms *cmd, const char *arg, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno != 0 || end == arg || *end != '\0' || v < lo || v > hi) {
        return apr_psprintf(cmd->pool, "%s: expected a whole number from %ld to %ld, not '%s'",
                            cmd->cmd->name, lo, hi, arg);
    }
    *out = v;
    return NULL;
}

static const char *set_interpreters(cmd_parms *cmd, void *dummy, const char *arg)
{
    long v;
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    if (err == NULL && (err = parse_int(cmd, arg, 1, 1024, &v)) == NULL) {
        server_conf(cmd)->interpreters = (int)v;
    }
    return err;
}

static const char *set_max_requests(cmd_parms *cmd, void *dummy, const char *arg)
{
    long v;
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    if (err == NULL && (err = parse_int(cmd, arg, 0, 1000000000L, &v)) == NULL) {
        server_conf(cmd)->max_requests = (int)v;
    }
    return err;
}

/* BYTES with an optional K, M or G suffix (binary); at least 1M: a VM needs
 * about 0.4 MB to start. 0 = no limit. */
static const char *set_heap_limit(cmd_parms *cmd, void *dummy, const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    if (err != NULL) {
        return err;
    }
    char *end;
    errno = 0;
    long long v = strtoll(arg, &end, 10);
    long long mult = 1;
    if (*end == 'k' || *end == 'K') {
        mult = 1024, end++;
    } else if (*end == 'm' || *end == 'M') {
        mult = 1024 * 1024, end++;
    } else if (*end == 'g' || *end == 'G') {
        mult = 1024LL * 1024 * 1024, end++;
    }
    if (errno != 0 || end == arg || *end != '\0' || v < 0 || v > (1LL << 40) / mult ||
        (v != 0 && v * mult < 1024 * 1024)) {
        return apr_psprintf(cmd->pool,
                            "%s: expected a size in bytes (K, M, G suffixes allowed) of at least "
                            "1M, or 0 for no limit, not '%s'",
                            cmd->cmd->name, arg);
    }
    server_conf(cmd)->heap_limit = (apr_off_t)(v * mult);
    return NULL;
}

static const char *set_path(cmd_parms *cmd, void *dummy, const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, NOT_IN_DIR_CONTEXT);
    if (err != NULL) {
        return err;
    }
    PylServerConf *c = server_conf(cmd);
    c->path = c->path != NULL ? apr_pstrcat(cmd->pool, c->path, ":", arg, NULL)
                              : apr_pstrdup(cmd->pool, arg);
    return NULL;
}

static const char *set_callable(cmd_parms *cmd, void *dirv, const char *arg)
{
    const unsigned char *p = (const unsigned char *)arg;
    int ok = *p != '\0' && !isdigit(*p);
    for (; *p && ok; p++) {
        ok = isalnum(*p) || *p == '_' || *p >= 0x80;
    }
    if (!ok) {
        return apr_psprintf(cmd->pool, "%s: '%s' is not a Python identifier", cmd->cmd->name, arg);
    }
    ((PylDirConf *)dirv)->callable = arg;
    return NULL;
}

static const char *set_group(cmd_parms *cmd, void *dirv, const char *arg)
{
    if (arg[0] == '\0') {
        return apr_psprintf(cmd->pool, "%s: the group name must not be empty", cmd->cmd->name);
    }
    ((PylDirConf *)dirv)->group = arg;
    return NULL;
}

static const char *set_reloading(cmd_parms *cmd, void *dirv, int on)
{
    ((PylDirConf *)dirv)->reloading = on;
    return NULL;
}

static const char *set_pass_auth(cmd_parms *cmd, void *dirv, int on)
{
    ((PylDirConf *)dirv)->pass_auth = on;
    return NULL;
}

/* SECONDS (a decimal fraction allowed); 0 = no timeout. */
static const char *set_timeout(cmd_parms *cmd, void *dirv, const char *arg)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (errno != 0 || end == arg || *end != '\0' || !(v >= 0) || v > 31536000) {
        return apr_psprintf(cmd->pool,
                            "%s: expected a number of seconds (0 for no timeout), not '%s'",
                            cmd->cmd->name, arg);
    }
    ((PylDirConf *)dirv)->timeout = (apr_interval_time_t)(v * APR_USEC_PER_SEC);
    return NULL;
}

static const command_rec pyl_cmds[] = {
    AP_INIT_TAKE2("PylScriptAlias", set_script_alias, NULL, RSRC_CONF,
                  "URL-PATH FILE-OR-DIR: serve the WSGI script (or the scripts of the "
                  "directory) at URL-PATH"),
    AP_INIT_TAKE2("PylScriptAliasMatch", set_script_alias_match, NULL, RSRC_CONF,
                  "REGEX PATH: like PylScriptAlias for URLs matching REGEX ($1 ... in PATH)"),
    AP_INIT_TAKE1("PylCallableObject", set_callable, NULL, RSRC_CONF | ACCESS_CONF,
                  "NAME of the WSGI callable in the script (default: application)"),
    AP_INIT_ITERATE("PylPath", set_path, NULL, RSRC_CONF,
                    "DIR[:DIR...]: directories put at the front of sys.path"),
    AP_INIT_TAKE1("PylInterpreters", set_interpreters, NULL, RSRC_CONF,
                  "N: VMs per application group per child (default: threads per child)"),
    AP_INIT_TAKE1("PylApplicationGroup", set_group, NULL, RSRC_CONF | ACCESS_CONF,
                  "NAME: applications in one group share VMs (default: one group per virtual "
                  "host and mount point)"),
    AP_INIT_FLAG("PylScriptReloading", set_reloading, NULL, RSRC_CONF | ACCESS_CONF,
                 "On|Off: reload a changed script on the next request (default On)"),
    AP_INIT_FLAG("PylPassAuthorization", set_pass_auth, NULL, RSRC_CONF | ACCESS_CONF,
                 "On|Off: pass the Authorization header as HTTP_AUTHORIZATION (default Off)"),
    AP_INIT_TAKE1("PylRequestTimeout", set_timeout, NULL, RSRC_CONF | ACCESS_CONF,
                  "SECONDS: interrupt a request running longer (default 0: never)"),
    AP_INIT_TAKE1("PylHeapLimit", set_heap_limit, NULL, RSRC_CONF,
                  "BYTES: most memory one VM's objects may use (default 0: no limit)"),
    AP_INIT_TAKE1("PylMaxRequests", set_max_requests, NULL, RSRC_CONF,
                  "N: recycle a VM after N requests (default 0: never)"),
    {NULL},
};

/* ---- hooks -------------------------------------------------------------------------------- */

/* Start-up: the Server header's component, and a warning for each mount point
 * whose target is missing (not an error: it may appear later). No VM is made
 * here: this runs in the root-owned parent. */
static int post_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp, server_rec *s)
{
    ap_add_version_component(pconf, "mod_pyl/" PYL_VERSION);
    for (server_rec *vs = s; vs != NULL; vs = vs->next) {
        PylServerConf *sc = ap_get_module_config(vs->module_config, &pyl_module);
        const PylAlias *a = (const PylAlias *)sc->aliases->elts;
        for (int i = 0; i < sc->aliases->nelts; i++) {
            struct stat st;
            if (a[i].regex == NULL && stat(a[i].path, &st) != 0) {
                ap_log_error(APLOG_MARK, APLOG_WARNING, errno, vs,
                             "mod_pyl: PylScriptAlias %s: '%s' does not exist (yet)",
                             a[i].url[0] ? a[i].url : "/", a[i].path);
            }
        }
    }
    return OK;
}

static void child_init(apr_pool_t *pchild, server_rec *s)
{
    pyl_pool_child_init(pchild, s);
}

/* Does uri start with the mount point url ("" matches everything) at a segment
 * boundary? The length matched, or -1. */
static ptrdiff_t mount_match(const char *url, const char *uri)
{
    size_t n = strlen(url);
    if (strncmp(url, uri, n) != 0 || (uri[n] != '\0' && uri[n] != '/')) {
        return -1;
    }
    return (ptrdiff_t)n;
}

/* Map r->uri through the mount points of its server. */
static int translate_name(request_rec *r)
{
    PylServerConf *sc = ap_get_module_config(r->server->module_config, &pyl_module);
    if (sc->aliases->nelts == 0 || r->uri == NULL || r->uri[0] != '/') {
        return DECLINED;
    }
    PylAlias *aliases = (PylAlias *)sc->aliases->elts;
    for (int i = 0; i < sc->aliases->nelts; i++) {
        PylAlias *a = &aliases[i];
        ptrdiff_t len;
        const char *target = a->path;
        if (a->regex == NULL) {
            len = mount_match(a->url, r->uri);
        } else {
            ap_regmatch_t m[AP_MAX_REG_MATCH];
            if (ap_regexec(a->regex, r->uri, AP_MAX_REG_MATCH, m, 0) != 0) {
                continue;
            }
            len = m[0].rm_eo;
            target = ap_pregsub(r->pool, a->path, r->uri, AP_MAX_REG_MATCH, m);
            if (target == NULL) {
                ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                              "PylScriptAliasMatch: cannot substitute into '%s'", a->path);
                return HTTP_INTERNAL_SERVER_ERROR;
            }
        }
        if (len < 0) {
            continue;
        }
        const char *rest = r->uri + len;
        const char *script_name = apr_pstrmemdup(r->pool, r->uri, (apr_size_t)len);
        if (a->is_dir) {
            /* the first segment of the rest names the script */
            while (*rest == '/') {
                rest++;
            }
            const char *end = strchr(rest, '/');
            size_t seg = end ? (size_t)(end - rest) : strlen(rest);
            if (seg == 0) {
                return HTTP_NOT_FOUND;
            }
            script_name = apr_pstrmemdup(r->pool, r->uri, (apr_size_t)(rest - r->uri + seg));
            r->filename = apr_pstrcat(r->pool, target, "/", rest, NULL);
        } else {
            r->filename = apr_pstrcat(r->pool, target, rest, NULL);
        }
        PylReqNote *note = apr_palloc(r->pool, sizeof *note);
        note->script_name = script_name;
        ap_set_module_config(r->request_config, &pyl_module, note);
        r->handler = MOD_PYL_HANDLER;
        return OK;
    }
    return DECLINED;
}

/* The default application group: one per virtual host and mount point. */
static const char *default_group(request_rec *r, const char *script_name)
{
    server_rec *s = r->server;
    const char *host = s->server_hostname ? s->server_hostname : "";
    if (s->port != 0 && s->port != 80 && s->port != 443) {
        return apr_psprintf(r->pool, "%s:%u|%s", host, (unsigned)s->port, script_name);
    }
    return apr_pstrcat(r->pool, host, "|", script_name, NULL);
}

static int handler(request_rec *r)
{
    PylReqNote *note = ap_get_module_config(r->request_config, &pyl_module);
    if (note == NULL && (r->handler == NULL || strcmp(r->handler, MOD_PYL_HANDLER) != 0)) {
        return DECLINED;
    }
    if (r->finfo.filetype != APR_REG) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "mod_pyl: no WSGI script at '%s'", r->filename);
        return HTTP_NOT_FOUND;
    }
    const char *script_name;
    if (note != NULL) {
        script_name = note->script_name;
    } else {
        /* SetHandler / AddHandler: SCRIPT_NAME is the URI without PATH_INFO */
        int n = r->path_info && *r->path_info ? ap_find_path_info(r->uri, r->path_info)
                                              : (int)strlen(r->uri);
        script_name = apr_pstrndup(r->pool, r->uri, (apr_size_t)n);
    }
    PylServerConf *sc = ap_get_module_config(r->server->module_config, &pyl_module);
    PylDirConf *dc = ap_get_module_config(r->per_dir_config, &pyl_module);
    const char *gname = dc->group != NULL ? dc->group : default_group(r, script_name);
    PylGroup *g = pyl_group_get(r, gname, sc);
    if (g == NULL) {
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    int status = OK;
    PylSlot *slot = pyl_slot_borrow(g, r, &status);
    if (slot == NULL) {
        return status;
    }
    PylApp *app = pyl_app_get(slot, r, dc);
    if (app == NULL) {
        pyl_slot_give_back(slot);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    status = pyl_request_run(slot, app, r, dc, script_name);
    pyl_slot_give_back(slot);
    return status;
}

static void register_hooks(apr_pool_t *p)
{
    static const char *const before_alias[] = {"mod_alias.c", NULL};
    ap_hook_post_config(post_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_child_init(child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_translate_name(translate_name, NULL, before_alias, APR_HOOK_MIDDLE);
    ap_hook_handler(handler, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(pyl) = {
    STANDARD20_MODULE_STUFF, create_dir_conf, merge_dir_conf, create_server_conf,
    merge_server_conf,       pyl_cmds,        register_hooks, AP_MODULE_FLAG_NONE,
};
