# closures: shared cells, cell_contents, nonlocal rebinding, late binding, class cells
def pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = pair()
set_(42)
print(get(), get.__closure__[0].cell_contents, get.__closure__[0] is set_.__closure__[0])
print(get.__code__.co_freevars, pair.__code__.co_cellvars)
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                nonlocal a, b
                a += 100
                b += 100
                return a + b + c
            return l3
        return l2()
    f = l1()
    return f(), f(), a
print(deep())
def loop_closures():
    fs = []
    for i in range(3):
        def f(j=i):
            return i, j
        fs.append(f)
    return [f() for f in fs]
print(loop_closures())
def comp_closures():
    return [(lambda: x) for x in range(3)]
print([f() for f in comp_closures()])
def param_cell(x):
    def show():
        return x
    x += 1
    return show
print(param_cell(1)())
def counter_gen():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    while True:
        yield inc()
g = counter_gen()
print(next(g), next(g), next(g))
class Base:
    def who(self):
        return "Base"
class Child(Base):
    def who(self):
        return "Child+" + super().who()
    def cls(self):
        return __class__.__name__
print(Child().who(), Child().cls())
def make_class():
    secret = "hidden"
    class Inner:
        def reveal(self):
            return secret
    return Inner
print(make_class()().reveal())
def empty_cell():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    return inner()
print(empty_cell())
cell_fn = pair()[0]
try:
    print(cell_fn.__closure__[0].cell_contents)
except ValueError as e:
    print("ValueError", e)
def no_closure():
    return 1
print(no_closure.__closure__, (lambda: 0).__closure__)
for bad in ["def f():\n    nonlocal x", "x = 1\ndef f():\n    nonlocal x",
            "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x",
            "def f(a):\n    def g(a):\n        nonlocal a"]:
    try:
        compile(bad, "<t>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
