# Errors raised while matching, with CPython's messages.


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def not_a_type():
    f = print
    match 1:
        case f():
            return "no"


attempt("call non-type", not_a_type)


def dup_runtime_keys():
    class K:
        A = "same"
        B = "same"

    match {"same": 1, "other": 2}:
        case {K.A: x, K.B: y}:
            return "no"


attempt("duplicate value keys", dup_runtime_keys)


def unhashable_key():
    class K:
        L = []

    match {"a": 1}:
        case {K.L: x}:
            return "no"


attempt("unhashable key", unhashable_key)


def eq_raises():
    class Bad:
        def __eq__(self, other):
            raise RuntimeError("eq failed")

    match Bad():
        case 1:
            return "no"


attempt("__eq__ raises", eq_raises)


def len_raises():
    class L(list):
        def __len__(self):
            raise RuntimeError("len failed")

    match L([1]):
        case [x]:
            return "no"


attempt("__len__ raises", len_raises)


def get_raises():
    class D(dict):
        def get(self, key, default=None):
            raise LookupError("get failed")

    match D(a=1):
        case {"a": v}:
            return "no"


attempt("get raises", get_raises)


def getattr_raises():
    class G:
        def __getattr__(self, name):
            raise ValueError("no " + name)

    match G():
        case G(x=v):
            return "no"


attempt("getattr raises", getattr_raises)


def iter_raises():
    class S(list):
        def __iter__(self):
            raise RuntimeError("iter failed")

    match S([1, 2]):
        case [a, b]:
            return (a, b)


attempt("unpacking a sequence whose __iter__ raises", iter_raises)


def too_many_positional():
    class P:
        __match_args__ = ("a",)

    match P():
        case P(x, y):
            return "no"


attempt("too many positional", too_many_positional)


def isinstance_hook():
    class Meta(type):
        def __instancecheck__(cls, obj):
            print("  __instancecheck__", obj)
            return obj == "yes"

    class Any(metaclass=Meta):
        pass

    results = []
    for v in ["yes", "no"]:
        match v:
            case Any():
                results.append(v)
    return results


attempt("__instancecheck__", isinstance_hook)


def error_in_guard_keeps_bindings():
    global g
    try:
        match 3:
            case g if g.missing:
                pass
    except AttributeError as e:
        return f"{e}; g = {g}"


attempt("guard error", error_in_guard_keeps_bindings)

# the traceback of an error in a pattern points at the match statement's line
import sys


def lineno_of_error():
    try:
        match {"a": 1, "b": 2}:
            case {"a": 1, "b": x} if x.nope:
                pass
    except AttributeError:
        return sys.exc_info()[2].tb_lineno - lineno_of_error.__code__.co_firstlineno


attempt("error line offset", lineno_of_error)
