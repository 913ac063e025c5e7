/* symtable.h — scopes and the binding of every name: local, global (explicit or
 * implicit), free (a variable of an enclosing function) or cell (a local that a
 * nested function uses).
 *
 * One PylScope per module, class, function, lambda and comprehension, built in
 * two passes over the AST: collect what each scope binds and uses, then resolve
 * from the module down (names bound in enclosing functions are visible; class
 * bodies are not visible to the functions inside them).
 */
#ifndef PYL_SYMTABLE_H
#define PYL_SYMTABLE_H

#include "compiler/ast.h"
#include "compiler/lexer.h"

typedef enum {
    SCOPE_MODULE,
    SCOPE_CLASS,
    SCOPE_FUNCTION,
    SCOPE_LAMBDA,
    SCOPE_COMPREHENSION
} PylScopeKind;

/* What the resolver decided for a name in a scope. */
typedef enum {
    SYM_UNKNOWN = 0,
    SYM_LOCAL,           /* a fast local (function) or a namespace entry (module/class) */
    SYM_GLOBAL_EXPLICIT, /* `global x` */
    SYM_GLOBAL_IMPLICIT, /* not bound anywhere visible: globals, then builtins */
    SYM_FREE,            /* bound in an enclosing function */
    SYM_CELL,            /* a local used by a nested function */
} PylSymScope;

/* Flags collected in the first pass. */
enum {
    DEF_LOCAL = 1, /* assigned, or bound by def/class/import/for/with/except */
    DEF_PARAM = 2,
    DEF_GLOBAL = 4,   /* declared global */
    DEF_NONLOCAL = 8, /* declared nonlocal */
    USE = 16,
    DEF_FREE_CLASS = 32, /* a class passes this free variable to its methods */
    DEF_ANNOT = 64,
    DEF_COMP_ITER = 128,
};

typedef struct PylSymbol {
    const char *name;
    int flags;
    PylSymScope scope;
} PylSymbol;

typedef struct PylScope PylScope;
struct PylScope {
    PylScopeKind kind;
    const char *name;
    const void *node; /* the AST node that opened the scope */
    int lineno;
    PylScope *parent;
    PylScope **children;
    int nchildren, cap_children;
    PylSymbol *syms; /* open-addressing table */
    int nsyms, cap_syms;
    const char **varnames; /* parameters in order, then other locals in order of first binding */
    int nvarnames, cap_varnames;
    int argcount, posonlyargcount, kwonlyargcount;
    bool has_varargs, has_varkw;
    bool is_generator;
    bool is_coroutine;
    bool has_return_value;
    bool needs_class_closure; /* a method uses super() or __class__ */
    bool in_function_chain;   /* inside a function (comprehension's nearest is a function) */
    const char *private;      /* the enclosing class's name, for __name mangling, or NULL */
};

typedef struct PylSymtable {
    PylArena *arena;
    PylScope *top;
    PylScope *cur;
    const char *filename;
    PylSyntaxError *err;
    bool failed;
    bool too_deep; /* expressions nested past the limit (RecursionError) */
    int depth;
} PylSymtable;

/* "__x" inside class C is "_C__x" (dunders and dotted names are kept). Returns
 * name itself when no mangling applies; NULL when out of memory. */
PYL_INTERNAL const char *pyl_mangle(PylArena *a, const char *private, const char *name);

/* Build the scopes of a module. 0, or -1 with *err filled (SyntaxError). */
PYL_INTERNAL int pyl_symtable_build(PylSymtable *st, PylArena *a, PylMod *mod, const char *filename,
                                    PylSyntaxError *err);
/* The scope opened by an AST node (FunctionDef, Lambda, ClassDef, comprehension). */
PYL_INTERNAL PylScope *pyl_symtable_scope_of(PylSymtable *st, const void *node);
PYL_INTERNAL PylSymbol *pyl_scope_lookup(PylScope *s, const char *name);

#endif
