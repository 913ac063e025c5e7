# with: __enter__ value, __exit__ arguments, suppression, multiple items, nesting,
# exceptions inside __enter__/__exit__, return/break/continue through with.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v, type(tb).__name__)
        return self.suppress
with Ctx("a") as x:
    print("body", x)
with Ctx("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))
with Ctx("d") as d, Ctx("e") as e:
    print("both", d, e)
try:
    with Ctx("f"), Ctx("g", suppress=False):
        1 / 0
except ZeroDivisionError:
    print("f/g propagated")
with Ctx("h", suppress=True), Ctx("i"):
    raise IndexError("inner does not suppress, outer does")
print("after h/i")
def returns():
    with Ctx("r"):
        return "value from with"
print(returns())
for i in range(3):
    with Ctx(f"loop{i}"):
        if i == 0:
            continue
        if i == 2:
            break
        print("loop body", i)
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never called")
try:
    with BadEnter():
        print("never")
except RuntimeError as e:
    print(e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("exit failed")
try:
    with BadExit():
        raise ValueError("original")
except TypeError as e:
    print(e, "context:", repr(e.__context__))
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except AttributeError as e:
    print("AttributeError", e)
except TypeError as e:
    print("TypeError", e)
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
with Ctx("tuple") as (a, b, *c):
    print(a, b, c)
class Target:
    pass
t = Target()
with Ctx("attr") as t.value:
    pass
print(t.value)
items = {}
with Ctx("item") as items["k"]:
    pass
print(items)
with (Ctx("p1") as p1,
      Ctx("p2") as p2):
    print(p1, p2)
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with Truthy():
    raise Exception("suppressed by truthy str")
print("done")
