# binary arithmetic dunders, their reflected forms and NotImplemented
class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"V({self.v!r})"
    def _op(name):
        def f(self, other):
            o = other.v if isinstance(other, V) else other
            if not isinstance(o, (int, float)):
                return NotImplemented
            return V((name, self.v, o))
        f.__name__ = name
        return f
    def _rop(name):
        def f(self, other):
            if not isinstance(other, (int, float)):
                return NotImplemented
            return V((name, other, self.v))
        return f
    for _n in ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
               "lshift", "rshift", "and", "or", "xor", "divmod"):
        locals()[f"__{_n}__"] = _op(_n)
        locals()[f"__r{_n}__"] = _rop("r" + _n)
    del _n, _op, _rop

a = V(1)
print(a + 2, a - 2, a * 2, a @ 2, a / 2, a // 2, a % 2, a ** 2)
print(a << 2, a >> 2, a & 2, a | 2, a ^ 2, divmod(a, 2), pow(a, 2))
print(2 + a, 2 - a, 2 * a, 2 @ a, 2 / a, 2 // a, 2 % a, 2 ** a)
print(2 << a, 2 >> a, 2 & a, 2 | a, 2 ^ a, divmod(2, a), pow(2, a))
print(a + V(5), 1.5 * a)

# unsupported
for expr in ("a + 'x'", "'x' + a", "a @ []", "[] @ a", "a < 1", "-a", "~a", "abs(a)"):
    try:
        print(eval(expr))
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)

# only the reflected method
class OnlyR:
    def __radd__(self, other):
        return f"radd({other!r})"
    def __rsub__(self, other):
        return NotImplemented
print(1 + OnlyR(), "s" + OnlyR(), [1] + OnlyR())
try:
    OnlyR() + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 - OnlyR()
except TypeError as e:
    print(type(e).__name__, e)

# both return NotImplemented
class Never:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    Never() + Never()
except TypeError as e:
    print(type(e).__name__, e)

# same type: __radd__ not tried
class Same:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return "radd"
try:
    Same() + Same()
except TypeError as e:
    print(type(e).__name__, e)

# pow with three arguments
class P3:
    def __pow__(self, exp, mod=None):
        return ("pow", exp, mod)
    def __rpow__(self, base, mod=None):
        return ("rpow", base, mod)
print(pow(P3(), 2, 5), P3() ** 3, 2 ** P3(), pow(2, P3()))
try:
    pow(2, P3(), 5)
except TypeError as e:
    print(type(e).__name__, e)

# returning odd things is allowed
class Weird:
    def __add__(self, o):
        return None
    def __mul__(self, o):
        return self
w = Weird()
print(w + 1, (w * 3) is w)

# dunders looked up on the type, not the instance
class Inst:
    pass
i = Inst()
i.__add__ = lambda o: "instance"
try:
    i + 1
except TypeError as e:
    print(type(e).__name__, e)
Inst.__add__ = lambda self, o: "class"
print(i + 1)

# bool and int mixing with user types
class Num:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        return Num(self.n + (o.n if isinstance(o, Num) else o))
    __radd__ = __add__
    def __repr__(self):
        return f"Num({self.n})"
print(sum([Num(1), Num(2), 3]), True + Num(1), Num(1) + 2.5)
