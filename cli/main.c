/* main.c — the `pyl` command.
 *
 *   pyl FILE [ARG...]       run a program (sys.argv = [FILE, ARG...])
 *   pyl -c CODE [ARG...]    run CODE
 *   pyl - [ARG...]          run the program on standard input (also when stdin is
 *                           not a terminal and no FILE is given)
 *   pyl                     interactive prompt when stdin is a terminal
 *   pyl -m MODULE [ARG...]  run a module found on sys.path as __main__
 *   pyl -m dis FILE         print FILE's bytecode
 *   pyl --ast FILE          print FILE's syntax tree (--ast-attrs: with positions)
 *   pyl --cgi APP           serve one CGI request with APP's WSGI `application`
 *                           (cli/cgi.c; also as a script's `#!/path/to/pyl --cgi`)
 *   pyl --version | -h
 *
 * Environment: PYLPATH (sys.path), PYLDONTWRITEBYTECODE, PYLFULLTEARDOWN (free
 * every object at exit, as a debug build always does).
 */
#include <errno.h>
#include <libgen.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compile.h"
#include "compiler/dis.h"
#include "compiler/parser.h"
#include "cli/cgi.h"
#include "vm/core.h"
#include "vm/eval.h"
#include "vm/pyl.h"
#include "vm/run.h"

static const char usage[] =
    "usage: pyl [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-m mod : run library module as a script (terminates option list); `-m dis FILE`\n"
    "         disassembles FILE\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-V     : print the version number and exit (also --version)\n"
    "-B     : don't write __pycache__/*.pylc files on import; also PYLDONTWRITEBYTECODE=x\n"
    "-X importstats : at exit, print to stderr how many modules were compiled, loaded\n"
    "         from the bytecode cache, and written to it\n"
    "--ast FILE, --ast-attrs FILE : print FILE's syntax tree like ast.dump(indent=2)\n"
    "--cgi APP : serve one CGI/1.1 request (the process environment and stdin) with the\n"
    "         WSGI callable `application` of APP; also `#!/path/to/pyl --cgi` in APP\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "Environment variables:\n"
    "PYLPATH : ':'-separated list of directories prefixed to the default module\n"
    "          search path (sys.path)\n";

/* path made absolute against the working directory, "." and ".." removed,
 * symlinks kept (os.path.abspath). malloc'd, or NULL. */
static char *absolute_path(const char *path)
{
    char cwd[4096];
    if (path[0] != '/' && getcwd(cwd, sizeof cwd) == NULL) {
        return NULL;
    }
    size_t n = (path[0] == '/' ? 0 : strlen(cwd) + 1) + strlen(path) + 1;
    char *joined = malloc(n);
    char *out = malloc(n + 1);
    if (joined == NULL || out == NULL) {
        free(joined);
        free(out);
        return NULL;
    }
    if (path[0] == '/') {
        snprintf(joined, n, "%s", path);
    } else {
        snprintf(joined, n, "%s/%s", cwd, path);
    }
    size_t o = 0;
    char *save = NULL;
    for (char *part = strtok_r(joined, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
        if (strcmp(part, ".") == 0) {
            continue;
        }
        if (strcmp(part, "..") == 0) {
            while (o > 0 && out[o - 1] != '/') {
                o--;
            }
            if (o > 0) {
                o--;
            }
            continue;
        }
        out[o++] = '/';
        size_t l = strlen(part);
        memcpy(out + o, part, l);
        o += l;
    }
    if (o == 0) {
        out[o++] = '/';
    }
    out[o] = '\0';
    free(joined);
    return out;
}

static char *read_stream(FILE *fp, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        size_t r = fread(buf + n, 1, cap - n, fp);
        n += r;
        if (r == 0 || n < cap) {
            if (feof(fp) || ferror(fp)) {
                break;
            }
            continue;
        }
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (nb == NULL) {
            free(buf);
            return NULL;
        }
        buf = nb;
    }
    if (buf != NULL) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* Print the SyntaxError pending on t like CPython and return 1. */
static int print_error(PylThread *t)
{
    return pyl_exit_status(t);
}

static int cmd_ast(PylVM *vm, const char *path, bool attrs)
{
    size_t len;
    char *src = pyl_read_file(path, &len);
    if (src == NULL) {
        fprintf(stderr, "pyl: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
    PylArena *a = pyl_arena_new();
    PylSyntaxError err;
    memset(&err, 0, sizeof err);
    PylMod *mod = a ? pyl_parse(a, src, len, path, PYL_PARSE_FILE, &err) : NULL;
    int status = 0;
    if (mod == NULL) {
        PylThread *t = vm->main_thread;
        pyl_raise_syntax_error(t, &err, src, len, path);
        status = print_error(t);
    } else {
        pyl_ast_dump(stdout, mod, attrs);
    }
    pyl_arena_free(a);
    free(src);
    return status;
}

static int cmd_dis(PylVM *vm, const char *path)
{
    size_t len;
    char *src = pyl_read_file(path, &len);
    if (src == NULL) {
        fprintf(stderr, "pyl: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
    PylThread *t = vm->main_thread;
    PylObject *code = pyl_compile(t, src, len, path, PYL_PARSE_FILE, NULL);
    free(src);
    if (code == NULL) {
        return print_error(t);
    }
    pyl_dis(t, code, stdout);
    pyl_decref(t, code);
    return 0;
}

/* The interactive prompt: read statements, run them, print expression values. */
static int repl(PylVM *vm)
{
    PylThread *t = vm->main_thread;
    printf("pyl %s (Python %s compatible)\nType Ctrl-D to exit.\n", PYL_VERSION,
           PYL_PYTHON_VERSION);
    PylObject *globals = NULL;
    /* the __main__ namespace, made by running an empty program */
    if (pyl_run_string(vm, "", 0, "<stdin>") != 0) {
        return 1;
    }
    globals = PYL_MODULE_DICT(vm->main_module);
    char *buf = NULL;
    size_t len = 0;
    char line[4096];
    for (;;) {
        fputs(len == 0 ? ">>> " : "... ", stdout);
        fflush(stdout);
        if (fgets(line, sizeof line, stdin) == NULL) {
            putchar('\n');
            break;
        }
        size_t n = strlen(line);
        char *nb = realloc(buf, len + n + 1);
        if (nb == NULL) {
            break;
        }
        buf = nb;
        memcpy(buf + len, line, n + 1);
        len += n;
        bool blank = n <= 1;
        int incomplete = 0;
        PylObject *code = pyl_compile(t, buf, len, "<stdin>", PYL_PARSE_SINGLE, &incomplete);
        if (code == NULL) {
            if (incomplete && !(blank && len > n)) {
                pyl_err_clear(t);
                continue; /* read more lines */
            }
            if (incomplete && blank) {
                pyl_err_clear(t);
                /* a blank line ends a block: compile what we have as complete */
                code = pyl_compile(t, buf, len, "<stdin>", PYL_PARSE_FILE, NULL);
            }
        } else if (len > n && !blank) {
            /* inside a block: keep reading until a blank line */
            pyl_decref(t, code);
            continue;
        }
        len = 0;
        if (code == NULL) {
            pyl_exit_status(t);
            continue;
        }
        PylObject *r = pyl_eval_code(t, code, globals, globals);
        pyl_decref(t, code);
        if (r == NULL) {
            if (pyl_err_matches(t, PYL_EXC(t, SystemExit))) {
                free(buf);
                return pyl_exit_status(t);
            }
            pyl_exit_status(t);
        } else {
            pyl_decref(t, r);
        }
        pyl_flush_std(vm);
    }
    free(buf);
    return 0;
}

/* The directories of $PYLPATH (colon-separated), as a NULL-terminated array of
 * strings inside one malloc'd block (free it once), or NULL. */
static char **env_path(void)
{
    const char *env = getenv("PYLPATH");
    if (env == NULL || env[0] == '\0') {
        return NULL;
    }
    size_t n = 2;
    for (const char *p = env; *p; p++) {
        n += *p == ':';
    }
    char **dirs = malloc(n * sizeof(char *) + strlen(env) + 1);
    if (dirs == NULL) {
        return NULL;
    }
    char *copy = strcpy((char *)(dirs + n), env);
    size_t i = 0;
    char *save = NULL;
    for (char *d = strtok_r(copy, ":", &save); d != NULL; d = strtok_r(NULL, ":", &save)) {
        dirs[i++] = d;
    }
    dirs[i] = NULL;
    return dirs;
}

/* The library shipped with pyl: <bindir>/../lib/pyl when installed, the source
 * tree's lib/ for build/pyl and build/asan/pyl. malloc'd, or NULL. */
static char *lib_dir(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 16);
    if (n <= 0) {
        return NULL;
    }
    exe[n] = '\0';
    return pyl_find_lib_dir(dirname(exe));
}

int main(int argc, char **argv)
{
    int i = 1;
    bool write_bytecode =
        getenv("PYLDONTWRITEBYTECODE") == NULL || getenv("PYLDONTWRITEBYTECODE")[0] == '\0';
    bool import_stats = false;
    while (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "-?") == 0) {
            fputs(usage, stdout);
            return 0;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("pyl %s (Python %s)\n", PYL_VERSION, PYL_PYTHON_VERSION);
            return 0;
        }
        if (strcmp(a, "-c") == 0 || strcmp(a, "-m") == 0 || strcmp(a, "--ast") == 0 ||
            strcmp(a, "--ast-attrs") == 0 || strcmp(a, "--cgi") == 0) {
            break;
        }
        if (strcmp(a, "-B") == 0) {
            write_bytecode = false;
            i++;
            continue;
        }
        if (strncmp(a, "-X", 2) == 0) {
            const char *opt = a[2] ? a + 2 : (i + 1 < argc ? argv[i + 1] : NULL);
            if (opt == NULL) {
                fprintf(stderr, "Argument expected for the -X option\n%s", usage);
                return 2;
            }
            if (strcmp(opt, "importstats") == 0) {
                import_stats = true;
            } /* other -X options are accepted and ignored, like CPython */
            i += a[2] ? 1 : 2;
            continue;
        }
        if (strcmp(a, "-u") == 0 || strcmp(a, "-E") == 0 || strcmp(a, "-s") == 0 ||
            strcmp(a, "-S") == 0 || strcmp(a, "-I") == 0 || strcmp(a, "-O") == 0) {
            i++;
            continue; /* accepted for compatibility */
        }
        fprintf(stderr,
                "unknown option %s\nusage: pyl [option] ... [-c cmd | -m mod | file | -] [arg] "
                "...\nTry `pyl -h' for more information.\n",
                a);
        return 2;
    }
    /* --cgi: the response gets its own descriptor before anything can print */
    bool cgi = i < argc && strcmp(argv[i], "--cgi") == 0;
    int cgi_out = -1;
    if (cgi) {
        if (i + 1 >= argc) {
            fprintf(stderr, "Argument expected for the --cgi option\n%s", usage);
            return 2;
        }
        cgi_out = pyl_cgi_prepare();
        if (cgi_out < 0) {
            return 1;
        }
    }
    /* sys.path: the program's directory (added below), $PYLPATH, pyl's lib/ */
    PylConfig cfg;
    pyl_config_init(&cfg);
    char **dirs = env_path();
    char *lib = lib_dir();
    cfg.path = (const char *const *)dirs;
    cfg.lib_dir = lib;
    cfg.write_bytecode = write_bytecode;
    PylVM *vm = pyl_vm_new(&cfg);
    free(dirs);
    free(lib);
    if (vm == NULL) {
        fprintf(stderr, "pyl: cannot create the interpreter\n");
        return 1;
    }
    int status;
    if (cgi) {
        /* like a script: sys.argv = [APP, ARG...], APP's directory on sys.path */
        pyl_set_argv(vm, argc - i - 1, argv + i + 1);
        char *path = absolute_path(argv[i + 1]);
        char *copy = strdup(path ? path : argv[i + 1]);
        pyl_path_prepend(vm, copy ? dirname(copy) : "");
        free(copy);
        status = pyl_cgi_run(vm, path ? path : argv[i + 1], cgi_out);
        free(path);
    } else if (i < argc && (strcmp(argv[i], "--ast") == 0 || strcmp(argv[i], "--ast-attrs") == 0)) {
        if (i + 1 >= argc) {
            fprintf(stderr, "Argument expected for the %s option\n", argv[i]);
            status = 2;
        } else {
            status = cmd_ast(vm, argv[i + 1], strcmp(argv[i], "--ast-attrs") == 0);
        }
    } else if (i < argc && strcmp(argv[i], "-c") == 0) {
        if (i + 1 >= argc) {
            fprintf(stderr, "Argument expected for the -c option\n%s", usage);
            status = 2;
        } else {
            char *dash_c = "-c";
            pyl_set_argv(vm, 1, &dash_c);
            pyl_set_argv(vm, argc - i - 2, argv + i + 2);
            pyl_path_prepend(vm, "");
            status = pyl_run_string(vm, argv[i + 1], strlen(argv[i + 1]), "<string>");
        }
    } else if (i < argc && strcmp(argv[i], "-m") == 0) {
        if (i + 1 >= argc) {
            fprintf(stderr, "Argument expected for the -m option\n%s", usage);
            status = 2;
        } else if (strcmp(argv[i + 1], "dis") == 0 && i + 2 < argc) {
            status = cmd_dis(vm, argv[i + 2]);
        } else {
            char cwd[4096];
            pyl_path_prepend(vm, getcwd(cwd, sizeof cwd) ? cwd : "");
            status = pyl_run_module(vm, argv[i + 1], argc - i - 2, argv + i + 2);
        }
    } else if (i < argc && strcmp(argv[i], "-") != 0) {
        pyl_set_argv(vm, argc - i, argv + i);
        /* like CPython 3.9+, the script's code and __file__ use its absolute path */
        char *path = absolute_path(argv[i]);
        char *copy = strdup(path ? path : argv[i]);
        pyl_path_prepend(vm, copy ? dirname(copy) : "");
        free(copy);
        status = pyl_run_file(vm, path ? path : argv[i]);
        free(path);
    } else if (i >= argc && isatty(0)) {
        char *empty = "";
        pyl_set_argv(vm, 1, &empty);
        pyl_path_prepend(vm, "");
        status = repl(vm);
    } else {
        if (i < argc) {
            pyl_set_argv(vm, argc - i, argv + i);
        } else {
            char *dash = "-";
            pyl_set_argv(vm, 1, &dash);
        }
        pyl_path_prepend(vm, "");
        size_t len;
        char *src = read_stream(stdin, &len);
        if (src == NULL) {
            fprintf(stderr, "pyl: cannot read standard input\n");
            status = 1;
        } else {
            status = pyl_run_string(vm, src, len, "<stdin>");
            free(src);
        }
    }
    int fs = pyl_flush_std(vm);
    if (status == 0 && fs != 0) {
        status = fs;
    }
    if (import_stats) {
        long compiled, loads, writes;
        pyl_import_stats(vm, &compiled, &loads, &writes);
        fprintf(stderr, "import stats: compiled %ld, cache loads %ld, cache writes %ld\n", compiled,
                loads, writes);
    }
    bool interrupted = pyl_ended_by_interrupt(vm);
    /* The process exits next: after what the program can see of the VM's end,
     * freeing the memory object by object would only cost time. A debug build
     * (and PYLFULLTEARDOWN=1) frees it all, so leak checkers see a clean heap. */
#ifdef PYL_DEBUG
    bool full_teardown = true;
#else
    const char *ft = getenv("PYLFULLTEARDOWN");
    bool full_teardown = ft != NULL && ft[0] != '\0';
#endif
    if (full_teardown) {
        pyl_vm_free(vm);
    } else {
        pyl_vm_finish(vm);
    }
    if (interrupted) {
        /* like CPython: the parent sees the process killed by SIGINT */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
