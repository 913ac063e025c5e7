# The cycle collector frees cycles of every kind of container; a weak reference
# to a member of the cycle shows when it is gone.
import gc
import weakref

gc.disable()  # collect only when asked, so the output does not depend on timing


class Marker:
    def __init__(self, name):
        self.name = name


def check(name, make):
    wr = make()
    alive_before = wr() is not None
    n = gc.collect()
    print(f"{name:14} alive before: {alive_before}  found: {n > 0}  freed: {wr() is None}")


def self_list():
    m = Marker("list")
    l = [m]
    l.append(l)
    return weakref.ref(m)


def two_dicts():
    m = Marker("dict")
    a, b = {"m": m}, {}
    a["b"], b["a"] = b, a
    return weakref.ref(m)


def instances():
    a, b = Marker("a"), Marker("b")
    a.other, b.other = b, a
    return weakref.ref(a)


def closure():
    m = Marker("closure")

    def f():
        return m, f

    m.f = f
    return weakref.ref(m)


def generator():
    def gen():
        me = yield 1
        yield me

    g = gen()
    next(g)
    g.send(g)  # the frame now holds the generator itself
    return weakref.ref(g)


def bound_method():
    m = Marker("method")
    m.bound = m.__init__
    return weakref.ref(m)


def a_class():
    class K:
        pass

    K.me = K
    return weakref.ref(K)


def instance_and_class():
    class K:
        def __init__(self):
            self.cls = K
            K.last = self

    return weakref.ref(K())


def exception():
    try:
        raise ValueError("boom")
    except ValueError as e:
        m = Marker("exc")
        m.exc = e
        e.marker = m  # exception -> dict -> marker -> exception
        return weakref.ref(m)


def traceback_frames():
    def fail():
        raise KeyError("k")

    try:
        fail()
    except KeyError as e:
        m = Marker("tb")
        e.m = m
        m.tb = e.__traceback__
        m.e = e
        return weakref.ref(m)


def set_and_tuple():
    m = Marker("tuple")
    t = (m, [])
    t[1].append(t)
    return weakref.ref(m)


def slots():
    class S:
        __slots__ = ("other", "__weakref__")

    a, b = S(), S()
    a.other, b.other = b, a
    return weakref.ref(a)


def nested_function_defaults():
    m = Marker("defaults")

    def f(x=m):
        return x

    m.f = f
    return weakref.ref(m)


def property_cycle():
    class P:
        @property
        def me(self):
            return self

    p = P()
    p.keep = P.__dict__["me"]
    P.inst = p
    return weakref.ref(p)


def long_chain():
    first = Marker("chain")
    node = first
    for i in range(1000):
        nxt = Marker(i)
        node.next = nxt
        node = nxt
    node.next = first
    return weakref.ref(first)


def module_like():
    import types
    ns = types.SimpleNamespace()
    m = Marker("ns")
    ns.m = m
    m.ns = ns
    return weakref.ref(m)


for name, make in [
    ("list", self_list),
    ("dicts", two_dicts),
    ("instances", instances),
    ("closure", closure),
    ("generator", generator),
    ("bound method", bound_method),
    ("class", a_class),
    ("class+inst", instance_and_class),
    ("exception", exception),
    ("traceback", traceback_frames),
    ("tuple", set_and_tuple),
    ("slots", slots),
    ("defaults", nested_function_defaults),
    ("property", property_cycle),
    ("long chain", long_chain),
    ("namespace", module_like),
]:
    check(name, make)

# objects still referenced from outside the cycle survive
keep = Marker("kept")
keep.me = keep
wr = weakref.ref(keep)
gc.collect()
print("referenced cycle survives:", wr() is keep)
holder = [keep]
del keep
gc.collect()
print("held by a list:", wr() is not None)
holder.clear()
gc.collect()
print("after clearing the list:", wr() is None)

# many cycles at once, then the automatic collector
gc.enable()
wrs = []
for i in range(2000):
    a = Marker(i)
    a.me = [a, {"a": a}]
    wrs.append(weakref.ref(a))
del a
gc.collect()
print("2000 cycles freed:", all(w() is None for w in wrs))
