# __enter__ / __exit__
class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.swallow

with CM("a") as v:
    print("body", v)
with CM("b", swallow=True):
    raise ValueError("swallowed")
print("after swallow")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", type(e).__name__, e)

# nested and multiple
with CM("x") as x, CM("y") as y:
    print(x, y)

# return / break / continue inside with
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break

# __exit__ raising replaces the exception
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with BadExit():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

# missing methods
class NoEnter:
    def __exit__(self, *a):
        pass
class NoExit:
    def __enter__(self):
        return self
for cm in (NoEnter(), NoExit(), object()):
    try:
        with cm:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

# __enter__ raising: __exit__ is not called
class EnterFails:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("never")
try:
    with EnterFails():
        pass
except OSError as e:
    print(type(e).__name__, e)

# truthiness of __exit__'s result
class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return [1]
with Truthy():
    raise TypeError("swallowed by a truthy list")
print("done")

# methods looked up on the type
class Dynamic:
    pass
d = Dynamic()
d.__enter__ = lambda: None
d.__exit__ = lambda *a: None
try:
    with d:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

# generator-based manager written by hand
class Managed:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("open")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("close:" + (et.__name__ if et else "ok"))
        return et is StopIteration
m = Managed()
with m:
    raise StopIteration
with m:
    pass
print(m.log)
