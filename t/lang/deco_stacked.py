# Decorators: stacked, with arguments, on classes and methods, preserving
# metadata by hand, evaluation order, decorators returning non-functions.
order = []
def trace(label):
    order.append(f"make {label}")
    def deco(f):
        order.append(f"apply {label}")
        def wrapper(*args, **kwargs):
            print(f"[{label}] calling {f.__name__}{args}{kwargs if kwargs else ''}")
            return f(*args, **kwargs)
        wrapper.__name__ = f.__name__
        wrapper.__doc__ = f.__doc__
        wrapper.__wrapped__ = f
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def add(a, b=2):
    "adds"
    return a + b
print(order)
print(add(1), add(1, b=5), add.__name__, add.__doc__, add.__wrapped__.__name__)
def count_calls(f):
    def wrapper(*a):
        wrapper.calls += 1
        return f(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(6), fact.calls)
def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco
plugins = {}
@register(plugins)
class Alpha:
    pass
@register(plugins)
class Beta:
    pass
print(sorted(plugins), plugins["Alpha"] is Alpha)
def add_method(cls):
    cls.hello = lambda self: f"hello from {type(self).__name__}"
    return cls
@add_method
class Greeter:
    pass
print(Greeter().hello())
def to_value(f):
    return f()
@to_value
def computed():
    return 42
print(computed)
class Service:
    @staticmethod
    @trace("static")
    def ping(x):
        return x
    @classmethod
    def make(cls):
        return cls.__name__
    @property
    @count_calls
    def prop(self):
        return "prop value"
print(Service.ping(3), Service.make(), Service().prop)
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
funcs = [lambda f: (print("first"), f)[1], lambda f: (print("second"), f)[1]]
@funcs[0]
@funcs[1]
def target():
    pass
@(lambda f: f)
def expr_deco():
    return "arbitrary expression decorator"
print(expr_deco())
