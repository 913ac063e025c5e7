# argument errors when calling classes, methods, builtins' methods and through * / **
class A:
    def __init__(self, x, *, y):
        pass
class B:
    pass
class N:
    def __new__(cls, a):
        return super().__new__(cls)
class S:
    __slots__ = ()
import sys
calls = ["A()", "A(1)", "A(1, 2)", "A(1, y=2, z=3)", "B(1)", "B(x=1)", "N()", "N(1, 2)", "object(1)",
         "object.__init__(B(), 1)", "S(1)", "A.__init__()", "A(1, y=2).__init__(1, 2)",
         "(lambda: 0)(**{'a': 1})", "sys.exit(1, 2)", "print(*5)", "dict(**{1: 2})", "dict(a=1, **{'a': 2})",
         "max(*[])", "int(*'12')", "B().__init__(5)", "type.__call__(B, 1)", "str.upper()", "str.upper('a', 'b')",
         "[].append()", "[].append(1, 2)", "{}.get()", "len.__call__()", "(1).__add__()", "B.__new__()",
         "object.__new__(int)", "int.__new__(str)", "super()"]
for c in calls:
    try:
        eval(c)
        print(c, "ok")
    except Exception as e:
        print(c, "|", type(e).__name__, e)
