# functions as descriptors: bound methods, unbound access, method attributes
def free(self, x=1):
    "free function"
    return ("free", type(self).__name__, x)

class C:
    f = free
    lam = lambda self: "lambda"
    builtin = len            # builtins do not bind
    def normal(self):
        return "normal"

c = C()
print(c.f(), C.f(c, 2), c.lam(), C.builtin([1, 2]), c.builtin("abc"))
print(type(c.f).__name__, type(C.f).__name__, type(c.builtin).__name__)
m = c.f
print(m.__func__ is free, m.__self__ is c, m.__name__, m.__doc__, m.__module__)
print(free.__get__(c)(), free.__get__(c, C)(5), free.__get__(None, C) is free)
try:
    free.__get__(None, None)
except TypeError as e:
    print(type(e).__name__, e)

# bound method equality and hashing
print(c.f == c.f, c.f == C().f, c.normal == c.normal, {c.f: 1}[c.f])
print(repr(c.normal).startswith("<bound method C.normal of <__main__.C object at "))

# method objects forward attribute access to the function
free.tag = "tagged"
print(c.f.tag)
try:
    c.f.tag = "no"
except AttributeError as e:
    print(type(e).__name__, e)

# calling methods with wrong arguments
try:
    c.normal(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    C.normal()
except TypeError as e:
    print(type(e).__name__, e)

# methods of builtins
lst = [3, 1]
ap = lst.append
ap(2)
print(lst, ap.__self__ is lst, ap.__name__, type(ap).__name__, repr(list.append), repr(ap)[:38])
print(list.append.__qualname__, list.append.__objclass__, str.join.__name__, dict.fromkeys.__self__)
print((1).__add__(2), int.__add__(1, 2), type((1).__add__).__name__, type(int.__add__).__name__)
print([].__len__.__self__, "abc".upper.__self__, repr(int.__add__))

# types.MethodType-like construction through type(c.f)
MethodType = type(c.f)
bm = MethodType(free, "a string")
print(bm(), bm.__self__)
try:
    MethodType(5, c)
except TypeError as e:
    print(type(e).__name__, e)

# methods stored in instances do not bind
c.inst = free
try:
    c.inst()
except TypeError as e:
    print(type(e).__name__, e)
print(c.inst(c))

# bound method of a classmethod through an instance
class K:
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm():
        return "sm"
print(K().cm(), K.cm.__self__.__name__, type(K.sm).__name__, K().sm())

# __func__ attributes
def outer():
    def inner(self):
        return "inner"
    return inner
class Q:
    meth = outer()
print(Q().meth(), Q.meth.__qualname__, Q().meth.__qualname__)

# method wrappers compare by self and descriptor
print((1).__add__ == (1).__add__, (1).__add__ == (2).__add__, [].append == [].append)
