# global statements at module level (allowed, no effect), in functions, nested and via exec
global top
top = "module"
print(top)
def set_new():
    global created_later
    created_later = "made inside a function"
set_new()
print(created_later)
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
def outer():
    value = "local"
    def inner():
        global value
        value = "global from inner"
        return value
    inner()
    return value
print(outer(), value)
def read_only():
    return counter * 10
print(read_only())
def shadow_then_global():
    global counter
    counter = -1
    return counter
print(shadow_then_global(), counter)
exec("global via_exec\nvia_exec = 'exec'")
print(via_exec)
class K:
    global in_class
    in_class = "set from a class body"
print(in_class)
def multi():
    global ga, gb
    ga, gb = 1, 2
multi()
print(ga, gb)
def no_global_decl():
    try:
        counter += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
no_global_decl()
for bad in ["def f(a):\n    global a", "def f():\n    x = 1\n    global x",
            "def f():\n    print(y)\n    global y", "def f():\n    global z\n    nonlocal z",
            "nonlocal q"]:
    try:
        compile(bad, "<t>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
