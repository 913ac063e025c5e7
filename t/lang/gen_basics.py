def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count(4)), sum(count(5)), max(count(3)))
g = count(2)
print(next(g), next(g), next(g, "end"))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def take(it, n):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

print(list(take(fib(), 7)))
squares = (x * x for x in range(6))
print(type(squares).__name__, list(squares), list(squares))
print(sorted(c for c in "hello"), "".join(ch.upper() for ch in "abc"))

def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v

a = acc()
next(a)
print(a.send(5), a.send(10))
try:
    a.send(None)
except StopIteration as e:
    print("StopIteration", e.value)

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(2))))

def inner():
    got = yield "i1"
    print("inner got", got)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"

o = outer()
print(next(o), o.send("x"))

def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")

c = cleanup()
print(next(c))
c.close()
print("closed")

def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("caught", repr(e))

k = catcher()
next(k)
k.throw(KeyError("k1"))
k.throw(KeyError("k2"))
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
gen = count(3)
print(iter(gen) is gen, gen.__name__)
