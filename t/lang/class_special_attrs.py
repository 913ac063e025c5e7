# __annotations__, __abstractmethods__, __weakref__, __subclasshook__, __getstate__ on classes
class A:
    x: int = 1
    __abstractmethods__ = frozenset({'f'})
print(A.__annotations__)
class B: pass
print(B.__annotations__, '__annotations__' in B.__dict__)
B.__abstractmethods__ = frozenset({'g', 'a'})
try: B()
except TypeError as e: print(e)
B.__abstractmethods__ = frozenset({'g'})
try: B()
except TypeError as e: print(e)
B.__abstractmethods__ = ()
print(type(B()).__name__)
try: type.__abstractmethods__
except AttributeError as e: print(repr(e))
try: int.__abstractmethods__
except AttributeError as e: print(repr(e))
try: B.__annotations__ = 5; print(B.__annotations__)
except TypeError as e: print(e)
del B.__annotations__
try: del B.__annotations__
except AttributeError as e: print(repr(e))
print(int.__annotations__ if hasattr(int, '__annotations__') else 'no')
del B.__abstractmethods__
try: del B.__abstractmethods__
except AttributeError as e: print(repr(e))
print(A.__weakref__, A().__weakref__ if hasattr(A(), '__weakref__') else None)
class S: __slots__=()
print(hasattr(S(), '__weakref__'))
print(object.__subclasshook__(), A.__subclasshook__(int))
print(B().__getstate__(), type(A().__getstate__()))
class SL:
    __slots__ = ('a','b','__dict__')
s = SL(); s.a = 1; s.z = 2
print(s.__getstate__())
s2 = SL()
print(s2.__getstate__())
class Sub(A): pass
print('__weakref__' in Sub.__dict__, '__weakref__' in A.__dict__, Sub().__weakref__)
class W: __slots__ = ('__weakref__',)
print(W.__dict__['__weakref__'], W().__weakref__)
# dir() of plain classes and instances lists the same names as CPython
class Plain:
    pass
print(dir(Plain()))
print(dir(Plain))
print([n for n in dir(object) if n not in ("__reduce__", "__reduce_ex__")])
# an abstract-method registry in the style of abc.ABCMeta
def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f
class ABCish(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        abstracts = {n for n, v in ns.items() if getattr(v, "__isabstractmethod__", False)}
        for b in bases:
            for n in getattr(b, "__abstractmethods__", ()):
                if getattr(getattr(cls, n, None), "__isabstractmethod__", False):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls
class Shape(metaclass=ABCish):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
class Square(Shape):
    def area(self):
        return 4
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Square()
except TypeError as e:
    print(type(e).__name__, e)
class Full(Square):
    def perimeter(self):
        return 8
print(Full().area(), Full().perimeter(), Full.__abstractmethods__)
