# yield from: delegation of next/send/throw/close, return values, nested chains
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return x + y
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield "outer-done"
    return "outer-result"
g = outer()
print(next(g))
print(g.send(10))
print(g.send(32))
try:
    next(g)
except StopIteration as e:
    print("outer returned", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield "handled"
    yield "after"
def delegate():
    yield from thrower()
    yield "delegate end"
g = delegate()
print(next(g), g.throw(ValueError("x")), next(g), next(g))
def closer():
    try:
        yield 1
    finally:
        print("inner finally")
def delegate_close():
    try:
        yield from closer()
    finally:
        print("outer finally")
g = delegate_close()
next(g)
g.close()
def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1
g = deep(50)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)
def sub_returns_early():
    return "nothing yielded"
    yield
def uses():
    r = yield from sub_returns_early()
    yield r
print(list(uses()))
class Iterable:
    def __iter__(self):
        return iter([7, 8])
def from_iterable():
    yield from Iterable()
print(list(from_iterable()))
def bad_from():
    yield from 5
try:
    list(bad_from())
except TypeError as e:
    print("TypeError", e)
def send_to_list():
    yield from [1, 2]
g = send_to_list()
next(g)
try:
    g.send("x")
except AttributeError as e:
    print("AttributeError", e)
def stop_value():
    v = yield from iter([])
    yield v
print(list(stop_value()))
