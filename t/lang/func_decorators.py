def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    wrapper.__name__ = "wrapped_" + fn.__name__
    return wrapper

def repeat(n):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco

@trace
def add(a, b=1):
    return a + b

print(add(2, b=3), add.__name__)

@repeat(3)
@trace
def hello(who):
    return "hi " + who

print(hello("bob"))

def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco

reg = {}
@register(reg)
def alpha(): return "a"
@register(reg)
def beta(): return "b"
print(sorted(reg), reg["beta"]())

def deco_order(tag):
    print("evaluating", tag)
    def d(fn):
        print("applying", tag)
        return fn
    return d

@deco_order("outer")
@deco_order("inner")
def target():
    return "t"
print(target())
print((lambda x: x + 1)(1), (lambda: "noargs")(), (lambda *a: len(a))(1, 2, 3))
