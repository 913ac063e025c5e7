# Circular imports: a module sees its partner partly initialised; `from x import y`
# of a name not defined yet fails with CPython's "partially initialized" message.
import sys
import alpha
print(alpha.ready, alpha.beta.ready, alpha.beta.alpha is alpha)
print(alpha.beta.seen_at_import)
here = __file__.rsplit("/", 1)[0]
try:
    import gamma
except ImportError as e:
    print(type(e).__name__, str(e).replace(here, "HERE"))
    print(e.name, e.path.replace(here, "HERE") if e.path else e.path)
print("gamma" in sys.modules, "delta" in sys.modules)
