def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
print(c(), c(), c(10))
d = counter()
print(d(), c())

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in make_adders()])

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]

print(late())

x = "global"
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()

print(outer())

def g():
    global x
    x = "changed"
g()
print(x)

def cell_arg(a):
    def get():
        return a
    a = a * 2
    return get()

print(cell_arg(21))

def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1

unbound()

def free_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 2
    return inner()

print(free_unbound())
print(counter.__name__, counter.__qualname__, c.__qualname__)
print(c.__closure__ is not None, len(c.__closure__), counter.__closure__)
