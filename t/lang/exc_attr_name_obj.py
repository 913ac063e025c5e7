# AttributeError.name / .obj and NameError.name (3.10+), set by the failing lookup
class P:
    x_coord = 1
    def __repr__(self):
        return "P()"
for expr in ["P().y", "P.zz", "[].push", "(1).real.nope", "'s'.upper.x", "None.attr"]:
    try:
        eval(expr)
    except AttributeError as e:
        print(expr, "->", e.name, type(e.obj).__name__, "|", e)
try:
    getattr(P(), "dyn")
except AttributeError as e:
    print("getattr:", e.name, e.obj)
class G:
    def __getattr__(self, name):
        raise AttributeError("custom message")
try:
    G().anything
except AttributeError as e:
    print("custom:", e.name, type(e.obj).__name__, e)
e = AttributeError("manual")
print(e.name, e.obj)
e = AttributeError("manual", name="n", obj=5)
print(e.name, e.obj, e.args)
try:
    AttributeError(foo=1)
except TypeError as te:
    print("TypeError:", te)
try:
    undefined_name_here
except NameError as e:
    print("NameError:", e.name, e)
def f():
    try:
        local_later
    except UnboundLocalError as e:
        print("UnboundLocalError:", e.name, e)
    local_later = 1
f()
n = NameError("m", name="q")
print(n.name, n.args)
import sys
try:
    sys.no_such_thing
except AttributeError as e:
    print(e.name, e.obj is sys, e)
