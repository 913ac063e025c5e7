# subclasses of float
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class F(float):
    pass
class G(float):
    def __repr__(self):
        return 'G(%s)' % float.__repr__(self)

x = F(2.5)
print(x, repr(x), type(x).__name__, isinstance(x, float), type(x + 1).__name__, type(-x).__name__, type(+x).__name__)
print(F(), F('1.5'), F(3), F(2**70), F(' -inf '), type(abs(F(-1.5))).__name__, float(x), type(float(x)).__name__)
print(x == 2.5, hash(x) == hash(2.5), x * 2, x // 2, x % 2, divmod(x, 2), x ** 2, round(x), round(x, 1), type(round(x, 1)).__name__)
print(x.is_integer(), x.as_integer_ratio(), x.hex(), F.fromhex('0x1.8p1'), type(F.fromhex('0x1p0')).__name__, G.fromhex('0x1p3'))
print(G(1.5), [G(2.0)], f'{G(3.25)}', f'{G(3.25):.1f}', str(G(0.5)), x.real, type(x.real).__name__, x.conjugate())
print(int(F(7.9)), type(int(F(7.9))).__name__, F(7.9).__trunc__(), F(-0.5).__floor__(), F(-0.5).__ceil__())
print(float.__new__(F, 1.25), type(float.__new__(F, 1.25)).__name__)
t(lambda: F('x'))
t(lambda: float.__new__(int, 1))
t(lambda: F(1, 2))
print(sorted([F(2.5), 1, F(-1.0)]), max(F(1.0), 2), F(0.1) + F(0.2))
