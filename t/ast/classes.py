class A:
    pass
class B(A):
    x = 1
    def m(self):
        return self.x
class C(A, B, metaclass=M, **kw):
    pass
class D():
    pass
class E(*bases):
    """Doc."""
class F(A, x=1, *b, y=2, **k): pass
