# int() and operator.index() through __int__, __index__, __trunc__; float() through __float__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class HasInt:
    def __int__(self):
        return 42
class HasIndex:
    def __index__(self):
        return 7
class HasTrunc:
    def __trunc__(self):
        return 9
class TruncIndex:
    def __trunc__(self):
        return HasIndex()
class TruncBad:
    def __trunc__(self):
        return 'x'
class IntBad:
    def __int__(self):
        return 1.5
class IndexBad:
    def __index__(self):
        return '3'
class HasFloat:
    def __float__(self):
        return 2.5
class FloatBad:
    def __float__(self):
        return 1
class Both:
    def __int__(self):
        return 1
    def __index__(self):
        return 2
    def __float__(self):
        return 3.0

for o in [HasInt(), HasIndex(), HasTrunc(), TruncIndex(), TruncBad(), IntBad(), IndexBad(), HasFloat(), FloatBad(), Both()]:
    name = type(o).__name__
    for conv in (int, float, bin, hex, lambda v: [0, 1, 2, 3, 4, 5, 6, 7, 8][v], lambda v: round(3.7, v) if False else (5).__round__(v)):
        try:
            print(name, repr(conv(o)))
        except Exception as e:
            print(name, type(e).__name__, e)
t(lambda: int(HasIndex(), 10))
t(lambda: pow(2, HasIndex()))
t(lambda: (10).to_bytes(HasIndex(), 'big'))
t(lambda: range(HasIndex()))
t(lambda: '%x' % HasIndex())
t(lambda: '%d' % HasInt())
t(lambda: '%d' % HasFloat())
t(lambda: '%f' % HasFloat())
t(lambda: '%f' % HasIndex())
t(lambda: 1.5 + HasFloat())
t(lambda: int('5', HasIndex()))
