# subclasses of Exception: args, str, custom __init__, attributes
class E(Exception):
    pass
e = E("msg", 2)
print(e, repr(e), e.args, str(E()), repr(E()), str(E("one")), type(e).__mro__[1:])

class Coded(Exception):
    def __init__(self, code, message="failed"):
        super().__init__(message)
        self.code = code
try:
    raise Coded(404)
except Coded as c:
    print(c, repr(c), c.args, c.code)

class NoSuper(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
n = NoSuper(1, 2)
print(n.args, str(n), repr(n), n.a)

class CustomStr(ValueError):
    def __str__(self):
        return f"custom<{self.args}>"
try:
    raise CustomStr("x")
except ValueError as err:
    print(err, repr(err), isinstance(err, ValueError), isinstance(err, Exception))

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr()), str(WithRepr("s")))

# hierarchy and except clauses
class AppError(Exception):
    pass
class DbError(AppError):
    pass
class NetError(AppError, OSError):
    pass
for exc in (DbError("db"), NetError("net"), AppError("app")):
    try:
        raise exc
    except DbError:
        print("DbError handler")
    except OSError as o:
        print("OSError handler", type(o).__name__, o.errno)
    except AppError as a:
        print("AppError handler", a)
print(NetError.__mro__)

# attributes, __dict__, args assignment
e2 = E("a")
e2.extra = 5
e2.args = ("b", "c")
print(e2, e2.extra, e2.__dict__)
e2.args = [1]
print(e2.args, type(e2.args).__name__)

# __new__ keeps args even when __init__ doesn't pass them on
class OnlyNew(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, *args)
    def __init__(self, *args):
        pass
print(OnlyNew(1, 2).args)

# with_traceback, __cause__, __context__
try:
    try:
        raise E("inner")
    except E as inner:
        raise Coded(500) from inner
except Coded as outer:
    print(type(outer.__cause__).__name__, outer.__cause__, outer.__suppress_context__)

# raising a class instantiates it
try:
    raise Coded
except TypeError as t:
    print(type(t).__name__, t)
try:
    raise E
except E as x:
    print(repr(x), x.args)

# BaseException subclasses are not caught by except Exception
class Stop(BaseException):
    pass
try:
    try:
        raise Stop("halt")
    except Exception:
        print("wrong")
except BaseException as b:
    print("BaseException caught", b)

# raising a non-exception class
class NotExc:
    pass
try:
    raise NotExc
except TypeError as t:
    print(type(t).__name__, t)
try:
    raise NotExc()
except TypeError as t:
    print(type(t).__name__, t)

# exception with slots
class Slotted(Exception):
    __slots__ = ("x",)
s = Slotted("m")
s.x = 1
print(s, s.x)

# a class statement can derive from several exception types
class KeyAndIndex(KeyError, IndexError):
    pass
try:
    {}["k"] if False else (_ for _ in ()).throw(KeyAndIndex("both"))
except IndexError as i:
    print("IndexError caught", repr(i))
print(str(KeyError("k")), str(KeyAndIndex("k")))
