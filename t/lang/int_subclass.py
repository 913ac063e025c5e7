# subclasses of int: construction, arithmetic results are plain ints, dunders
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class I(int):
    pass

class Named(int):
    def __new__(cls, value, name):
        self = super().__new__(cls, value)
        self.name = name
        return self
    def __repr__(self):
        return f'Named({int(self)}, {self.name!r})'

x = I(5)
print(x, repr(x), type(x).__name__, isinstance(x, int), type(x + 1).__name__, type(-x).__name__, type(+x).__name__)
print(I(), I('ff', 16), I(b'12'), I(3.9), I(2**100), I(-2**100) // 7, I(True), type(I(True)).__name__)
print(x == 5, x < 6, hash(x) == hash(5), {x: 1}[5], x * 2**70, x ** 2, x / 2, x // 2, divmod(x, 3))
print(abs(I(-3)), type(abs(I(-3))).__name__, type(abs(I(3))).__name__, int(x), type(int(x)).__name__)
print(x.bit_length(), x.to_bytes(2, 'big'), I.from_bytes(b'\x01\x00', 'big'), type(I.from_bytes(b'\x01', 'big')).__name__)
print(format(x, '08b'), f'{x:>5}', '%d' % x, str(x), x.real, type(x.real).__name__, x.numerator, x.conjugate())
print(round(I(1234), -2), type(round(I(1234))).__name__, x.as_integer_ratio(), type(x.as_integer_ratio()[0]).__name__)
n = Named(42, 'answer')
print(n, n + 1, n.name, n * 2, [10, 20, 30, 40, 50][Named(1, 'one')], 'abc'[Named(-1, 'last')])
print(I(7) & 3, I(7) | 8, I(7) ^ 1, ~I(7), I(7) << 2, I(7) >> 1, type(I(7) & 3).__name__)
print(int.__new__(I, 9), type(int.__new__(I, 9)).__name__)
t(lambda: int.__new__(str, 9))
t(lambda: int.__new__(5))
t(lambda: I('x'))
print(sorted([I(3), 1, I(-2), 2.5]), max(I(1), I(2)), sum([I(1), I(2)]), type(sum([I(1), I(2)])).__name__)
class Big(int):
    def __add__(self, other):
        return 'Big.add'
    def __radd__(self, other):
        return 'Big.radd'
print(Big(1) + 1, 1 + Big(1), Big(1) + Big(2), 1.5 + Big(1))
t(lambda: type('X', (bool,), {}))
