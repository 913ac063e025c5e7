# Generators: send, throw, close, GeneratorExit, return values, StopIteration.value
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing with", received)
        raise
g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()
g.close()
try:
    g.send("c")
except StopIteration as e:
    print("StopIteration after close", e.value)
def starter():
    yield 1
g = starter()
try:
    g.send(5)
except TypeError as e:
    print("TypeError", e)
def returns():
    yield 1
    return "done"
g = returns()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
g = catcher()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
print(g.throw(ValueError, "with class and value"))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(g.gi_frame is None, list(g))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
def finally_runs():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
g = finally_runs()
next(g)
del g
print("after del")
g = finally_runs()
for x in g:
    print("got", x)
    break
g.close()
def close_returns():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
g = close_returns()
next(g)
print(g.close())
def gen_raises_stop():
    yield 1
    raise StopIteration("bad")
try:
    list(gen_raises_stop())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
g = (x for x in range(3))
print(next(g), g.send(None), list(g))
def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print("ValueError", e)
