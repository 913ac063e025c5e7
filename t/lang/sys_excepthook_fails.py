# pyl-test: full-stderr
# An excepthook that itself fails: both tracebacks are printed.
import sys
def hook(t, v, tb):
    raise RuntimeError("hook broke")
sys.excepthook = hook
raise ValueError("original")
