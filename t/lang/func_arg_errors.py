# Argument-binding errors read exactly like CPython's
def try_(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except TypeError as e:
        print(label, "TypeError:", e)

def one(x): return x
def two(a, b): return a, b
def three(a, b, c): return a, b, c
def dflt(a, b=1): return a, b
def kwo(a, *, k): return a, k
def kwo2(*, k1, k2, k3=0): return k1, k2, k3
def po(a, b, /): return a, b
def po_kw(a, /, b, *, c): return a, b, c
def va(a, *args): return a, args
def vk(a, **kw): return a, kw
def none(): return 0

try_("missing1", lambda: one())
try_("missing2", lambda: two())
try_("missing3", lambda: three())
try_("missing-b", lambda: three(1, c=3))
try_("too-many", lambda: two(1, 2, 3))
try_("too-many-1", lambda: one(1, 2))
try_("none", lambda: none(1))
try_("none-kw", lambda: none(x=1))
try_("range", lambda: dflt(1, 2, 3))
try_("range-0", lambda: dflt())
try_("kwonly-given-pos", lambda: kwo(1, 2))
try_("kwonly-missing", lambda: kwo(1))
try_("kwonly-missing2", lambda: kwo2())
try_("kwonly-missing1of2", lambda: kwo2(k2=1))
try_("unexpected", lambda: one(1, y=2))
try_("unexpected-only", lambda: one(y=2))
try_("multiple", lambda: two(1, a=2))
try_("multiple2", lambda: dflt(1, 2, b=3))
try_("posonly-kw", lambda: po(1, b=2))
try_("posonly-kw2", lambda: po(a=1, b=2))
try_("posonly-mixed", lambda: po_kw(1, 2, 3))
try_("posonly-mixed-kw", lambda: po_kw(a=1, b=2, c=3))
try_("posonly-with-kwargs", lambda: (lambda a, /, **kw: (a, kw))(1, a=2))
try_("varargs-ok", lambda: va(1, 2, 3))
try_("varargs-missing", lambda: va())
try_("varkw-dup", lambda: vk(1, a=2))
try_("varkw-ok", lambda: vk(1, b=2))
try_("too-many-with-kwonly", lambda: kwo(1, 2, k=3))
try_("lambda-missing", lambda: (lambda x, y: 0)(1))
try_("star-not-iter", lambda: two(*5))
try_("dstar-not-map", lambda: two(**5))
try_("dstar-dup", lambda: vk(1, **{"z": 1}, z=2))
try_("dstar-dup2", lambda: vk(1, **{"z": 1}, **{"z": 2}))
try_("dstar-nonstr", lambda: vk(1, **{1: 2}))
try_("dstar-a", lambda: two(1, **{"a": 2}))

class C:
    def m(self, x): return x
    @staticmethod
    def s(x): return x
    @classmethod
    def c(cls, x): return x

try_("method-missing", lambda: C().m())
try_("method-too-many", lambda: C().m(1, 2))
try_("static-missing", lambda: C.s())
try_("class-too-many", lambda: C.c(1, 2))
try_("unbound-missing", lambda: C.m())
try_("method-unexpected", lambda: C().m(1, q=2))

def outer():
    def inner(a): return a
    return inner
try_("nested-qualname", lambda: outer()())
try_("builtin-len", lambda: len())
try_("builtin-len2", lambda: len(1, 2))
try_("builtin-kw", lambda: len(obj=[]))
try_("int-kw", lambda: int(x=1))
