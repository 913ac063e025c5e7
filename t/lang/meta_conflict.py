# choosing the metaclass: the most derived one wins, or a conflict
class M1(type):
    pass
class M2(type):
    pass
class M1Sub(M1):
    pass
class A(metaclass=M1):
    pass
class B(metaclass=M2):
    pass
class C(metaclass=M1Sub):
    pass

try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class AC(A, C):
    pass
print(type(AC).__name__)
class CA(C, A):
    pass
print(type(CA).__name__)
class Explicit(A, metaclass=M1Sub):
    pass
print(type(Explicit).__name__)
class Weaker(C, metaclass=M1):   # M1Sub is more derived: it wins
    pass
print(type(Weaker).__name__)
try:
    class Clash(A, metaclass=M2):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# a combined metaclass resolves the conflict
class M12(M1, M2):
    pass
class Both(A, B, metaclass=M12):
    pass
print(type(Both).__name__, Both.__mro__)

# plain type() call checks too
try:
    type("X", (A, B), {})
except TypeError as e:
    print(type(e).__name__, e)
print(type(type("Y", (A, C), {})).__name__)
print(type(M1("Z", (C,), {})).__name__)

# metaclass conflicts with a non-type metaclass function are not checked
def fn(name, bases, ns):
    return type(name, (), ns)
class Fn(A, B, metaclass=fn):
    pass
print(type(Fn).__name__, Fn.__bases__)

# instance layout conflicts are separate from metaclass conflicts
try:
    class Lay(int, str):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Lay2(dict, list):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Ok(int, object):
    pass
print(Ok.__mro__)

# non-class bases
for bases in ((1,), ("str",), (A, 5)):
    try:
        type("Q", bases, {})
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class Q(5):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NotBase(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class NotBase2(type(None)):
        pass
except TypeError as e:
    print(type(e).__name__, e)
