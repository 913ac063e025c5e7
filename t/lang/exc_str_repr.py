# str() and repr() of exceptions, e.args, and attribute access
cases = [Exception(), Exception("msg"), Exception("a", 2), Exception(None), ValueError(""),
         ValueError(1), KeyError("k"), KeyError(), KeyError(1, 2), KeyError(""),
         IndexError("list index out of range"), TypeError("x", "y", "z"),
         StopIteration(), StopIteration(5), StopIteration(1, 2), SystemExit(), SystemExit(3),
         SystemExit("bye"), SystemExit(1, 2), KeyboardInterrupt(), AssertionError("a", "b"),
         NotImplementedError(), RuntimeError(["list"]), BaseException("base"),
         UnicodeError("u"), ArithmeticError(), LookupError(("tuple",))]
for e in cases:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
print(StopIteration(7).value, StopIteration().value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit("x").code, SystemExit(1, 2).code)
e = ValueError("orig")
e.args = ("changed", 1)
print(str(e), repr(e))
e.args = "xy"
print(e.args)
e.custom = 5
print(e.custom, e.__dict__)
print(ValueError("a") == ValueError("a"), bool(Exception()))
class MyErr(Exception):
    pass
class WithStr(Exception):
    def __str__(self):
        return "custom str"
class WithInit(Exception):
    def __init__(self, code, text):
        super().__init__(code)
        self.code = code
        self.text = text
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(repr(MyErr("m")), str(MyErr("m")), repr(WithStr("x")), str(WithStr("x")))
w = WithInit(404, "not found")
print(repr(w), str(w), w.args, w.code, w.text)
n = NoSuper(1, 2)
print(repr(n), repr(str(n)), n.args)
try:
    raise MyErr("raised", 1)
except MyErr as e:
    print(type(e).__name__, e, e.args)
print(str(KeyError("a\nb")), str(KeyError(("x",))), repr(OSError("plain")))
print(repr(ImportError("no mod")), ImportError("m", name="mod").name, ImportError("m").path)
print(repr(Exception("quote's")), repr(Exception('dq"')))
e = Exception("tb")
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
print(e.with_traceback(None) is e)
