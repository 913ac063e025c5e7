# sys functions: getrecursionlimit/setrecursionlimit, exc_info/exception,
# getrefcount, intern, getsizeof, exit, displayhook, excepthook.
import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(200)
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
for bad in (0, -5, "x", 2**100):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v)
    try:
        raise ValueError("inner")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def gen():
    try:
        yield 1
        raise TypeError("in gen")
    except TypeError:
        yield sys.exc_info()[0].__name__
print(list(gen()))
x = object()
base = sys.getrefcount(x)
y = [x, x]
print(sys.getrefcount(x) - base)
a = sys.intern("hello world " * 2)
b = sys.intern("hello world " * 2)
print(a is b, a == b)
try:
    sys.intern(b"x")
except TypeError as e:
    print(e)
class Sized:
    def __sizeof__(self):
        return 100
print(sys.getsizeof(Sized()) >= 100, sys.getsizeof(Sized(), 5) >= 100)
class BadSize:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(BadSize())
except ValueError as e:
    print(e)
class NoSize:
    __sizeof__ = None
print(sys.getsizeof(NoSize(), "default"))
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3, 4, 5]))
sys.displayhook(42)
print(_ if "_" in dir(__builtins__) else "no _")
sys.displayhook(None)
import builtins
print(builtins._)
sys.displayhook("text")
seen = []
def hook(t, v, tb):
    seen.append((t.__name__, str(v)))
sys.excepthook = hook
sys.excepthook(ValueError, ValueError("shown"), None)
print(seen)
sys.excepthook = sys.__excepthook__
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
