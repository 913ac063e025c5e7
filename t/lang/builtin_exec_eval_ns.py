# exec and eval with explicit globals and locals dictionaries
g = {"x": 10}
l = {"y": 5}
print(eval("x + y", g, l), eval("x", g), "__builtins__" in g)
exec("z = x * y", g, l)
print(l["z"], "z" in g)
exec("global w\nw = 99", g, l)
print(g["w"], "w" in l)
ns = {}
exec("def f():\n    return helper() + 1\ndef helper():\n    return 41", ns)
print(ns["f"]())
print(exec("1 + 1"), eval("[i * i for i in range(4)]"))
print(eval("len('abc')", {}), eval("abs(-3)", {"__builtins__": __builtins__}))
try:
    eval("len('abc')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
print(eval("a + b", {"a": 1}, {"b": 2}), eval("(lambda q: q * 2)(21)", {}))
code = compile("result = 6 * 7", "<string>", "exec")
scope = {}
exec(code, scope)
print(scope["result"])
expr = compile("result * 2", "<string>", "eval")
print(eval(expr, scope))
single = compile("1 + 2", "<s>", "single")
print(type(single).__name__)
class Lookup(dict):
    def __missing__(self, key):
        return key.upper()
print(eval("abc + xyz", {}, Lookup()))
loc = {}
exec("for i in range(3):\n    last = i", {}, loc)
print(sorted(loc.items()))
def fn_scope():
    local_var = "L"
    return eval("local_var + '!'"), eval("local_var", {"local_var": "G"})
print(fn_scope())
src = "a = 1\nb = a + 1\nclass C:\n    v = b\n"
d = {}
exec(src, d)
print(d["a"], d["b"], d["C"].v)
print(eval(" 1 + 1 "), eval("\t2"), eval("3\n"))
exec("import math as m_alias" if False else "pass")
for bad in [lambda: eval("x = 1"), lambda: eval(5), lambda: exec("1 +"), lambda: eval("1", 5),
            lambda: exec("pass", {}, 5), lambda: eval("undefined_thing"), lambda: eval("1", {}, 5), lambda: eval("1", [], {}),
            lambda: exec(compile("1", "f", "eval"), {}), lambda: compile("x", "f", "bad")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(eval(b"1 + 2"), eval("'x' * 3", None, None))
