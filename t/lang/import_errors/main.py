# Import errors: missing modules, missing names, non-packages, errors raised while
# a module runs (the module is removed from sys.modules), relative imports that
# go too far.
import sys
here = __file__.rsplit("/", 1)[0]
def attempt(code):
    try:
        exec(code, {"__name__": "__main__"})
        print("ok:", code)
    except BaseException as e:
        msg = str(e).replace(here, "HERE")
        print(f"{code!r}: {type(e).__name__}: {msg}")
        if isinstance(e, ImportError):
            print("   name =", e.name)
attempt("import no_such_module")
attempt("import no_such_module.sub")
attempt("import plain.sub")
attempt("from plain import nothing_here")
attempt("from plain import *")
attempt("import raises_inside")
print("raises_inside" in sys.modules)
attempt("import raises_inside")
attempt("import broken_pkg.fine")
attempt("import broken_pkg.bad")
print(sorted(k for k in sys.modules if k.startswith("broken_pkg")))
attempt("from . import plain")
attempt("from .plain import x")
attempt("import broken_pkg.too_far")
attempt("__import__('plain').VALUE")
print(__import__("plain").VALUE, __import__("broken_pkg.fine").__name__)
print(__import__("broken_pkg.fine", fromlist=["x"]).__name__)
attempt("import syntax_bad")
attempt("__import__('')")
attempt("__import__(42)")
