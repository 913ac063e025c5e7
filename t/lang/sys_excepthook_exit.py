# pyl-test: full-stderr
# A replaced sys.excepthook receives the uncaught exception; the exit status is 1.
import sys
def hook(t, v, tb):
    print("hook got", t.__name__, v, type(tb).__name__)
    print("custom report", file=sys.stderr)
sys.excepthook = hook
raise LookupError("not found")
