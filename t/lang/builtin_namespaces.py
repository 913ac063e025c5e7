# globals(), locals(), vars() and dir()
g_value = 1
print("g_value" in globals(), globals()["__name__"], type(globals()).__name__)
globals()["created"] = "via globals"
print(created)
def func(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(func(1))
def nested():
    x = 1
    def inner():
        y = x
        return sorted(locals())
    return inner()
print(nested())
print(vars() is globals(), locals() is globals())
class K:
    cls_var = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def meth(self):
        pass
k = K()
print(vars(k), sorted(n for n in vars(K) if not n.startswith("__")))
vars(k)["c"] = 3
print(k.c)
print([n for n in dir(k) if not n.startswith("__")], "__init__" in dir(k))
print(dir([])[-5:], "append" in dir(list), dir(5) == dir(int))
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "beta"]
print(dir(WithDir()))
import sys
print("path" in dir(sys), "argv" in vars(sys), type(vars(sys)).__name__)
def dir_locals():
    p = 1
    q = 2
    return dir()
print(dir_locals())
class Body:
    inside = 1
    seen = sorted(n for n in locals() if not n.startswith("__"))
print(Body.seen)
for bad in [lambda: vars(5), lambda: vars("s"), lambda: vars(1, 2), lambda: dir(1, 2),
            lambda: locals(1), lambda: globals(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
def mutate_locals():
    v = 1
    locals()["v"] = 2
    return v
print(mutate_locals())
