print(eval("1 + 2 * 3"))
print(eval("x * 2", {"x": 21}))
ns = {}
exec("a = 5\nb = a ** 2", ns)
print(ns["a"], ns["b"])
exec("def f(n):\n    return n + 1", ns)
print(ns["f"](41))
x = 10
print(eval("x + 1"))
def scope():
    y = 3
    return eval("y * 2")
print(scope())
code = compile("40 + 2", "<expr>", "eval")
print(eval(code))
g = {"__builtins__": __builtins__}
exec("import sys\nr = sys.maxsize > 0", g)
print(g["r"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
print(eval("  7"))
print(sorted(k for k in globals() if not k.startswith("__"))[:3] if False else "ok")
