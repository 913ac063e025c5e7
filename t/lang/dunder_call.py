# __call__
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1, **kw):
        return (self.n + x) * scale, rest, kw

add5 = Adder(5)
print(add5(1), add5(1, 2, 3, scale=2, extra=True), callable(add5), callable(Adder))
print(list(map(Adder(1), [1, 2])))
try:
    add5()
except TypeError as e:
    print(type(e).__name__, e)

class NotCallable:
    pass
print(callable(NotCallable()))
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)

# __call__ on the instance is ignored
nc = NotCallable()
nc.__call__ = lambda: "instance"
try:
    nc()
except TypeError as e:
    print(type(e).__name__, e)
print(callable(nc))

# added later on the class
NotCallable.__call__ = lambda self: "now callable"
print(nc(), callable(nc))

# __call__ that is itself a callable object
class Inner:
    def __call__(self, *a):
        return ("inner", a)
class Outer:
    __call__ = Inner()
print(Outer()(1, 2))

# a staticmethod __call__
class Static:
    @staticmethod
    def __call__(*a):
        return ("static", a)
print(Static()(7))

# calling a class calls type(cls).__call__
class Meta(type):
    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args, kw)
        return super().__call__(*args, **kw)
class M(metaclass=Meta):
    def __init__(self, a=0):
        self.a = a
print(M(3).a)

# recursion through __call__
class Rec:
    def __call__(self):
        return self()
try:
    Rec()()
except RecursionError as e:
    print(type(e).__name__)

# bound method of a callable
class Holder:
    f = Adder(10)
print(Holder().f(1))

# decorators implemented as callable classes
class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0
    def __call__(self, *a, **kw):
        self.calls += 1
        return self.func(*a, **kw)
@CountCalls
def greet(name):
    return "hi " + name
print(greet("a"), greet("b"), greet.calls)

# __call__ = None
class NoneCall:
    __call__ = None
try:
    NoneCall()()
except TypeError as e:
    print(type(e).__name__, e)
