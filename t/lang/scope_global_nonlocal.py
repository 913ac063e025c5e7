counter = 0

def bump():
    global counter
    counter += 1
    return counter

print(bump(), bump(), counter)

def outer():
    x = 1
    def middle():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
            return x
        return inner()
    r = middle()
    return x, r

print(outer())

def shadow():
    len = lambda s: 42
    return len("abc")

print(shadow(), len("abc"))

def make():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    def get():
        return items
    return add, get

add, get = make()
add(1); add(2)
print(get())

def default_binding():
    fs = []
    for i in range(3):
        def f(i=i):
            return i * i
        fs.append(f)
    return [f() for f in fs]

print(default_binding())

def class_scope_skip():
    y = "enclosing"
    class C:
        y = "class"
        def method(self):
            return y
    return C().method(), C.y

print(class_scope_skip())
x = "module"
def read_global():
    return x
def assign_global_later():
    global x
    x = "reassigned"
print(read_global()); assign_global_later(); print(read_global())
print([n for n in range(3)], "n" in globals())
g = 5
print([g * k for k in range(3)])
