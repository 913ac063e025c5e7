# Generator pipelines and lazy evaluation, generator expressions, itertools-like
# helpers written in Python.
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def evens(it):
    return (x for x in it if x % 2 == 0)
def squares(it):
    for x in it:
        yield x * x
print(list(take(5, squares(evens(numbers())))))
def tracing(name, it):
    for x in it:
        print(f"{name} yields {x}")
        yield x
pipe = tracing("b", (x + 1 for x in tracing("a", range(3))))
print("nothing yet")
print(list(pipe))
def window(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
            win.pop(0)
print(list(window(range(6), 3)))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], 6])))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(15, fib())))
gen = (i for i in range(3))
print(type(gen).__name__, iter(gen) is gen, gen.__name__, gen.__qualname__)
def named():
    yield 1
g = named()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_frame is not None)
list(g)
print(g.gi_frame)
print(sum(x * x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(sorted((x % 3, x) for x in range(7)))
it = iter(range(10))
print(list(zip(it, it)))
g = (x for x in [1, 2, 3])
print(list(g), list(g))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    yield inc
    yield inc
    yield count
gs = counter()
f = next(gs); f(); f()
next(gs)
print(next(gs))
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
g = (i for i in range(x))
x = 2
print(len(list(g)))
