# __bool__ and __len__: truth testing and len()
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
print(bool(B(True)), bool(B(False)), not B(True))
print("yes" if B(True) else "no", B(False) or "fallback", B(True) and "both")
for bad in (1, None, "x", 0):
    try:
        bool(B(bad))
    except TypeError as e:
        print(type(e).__name__, e)

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(3)), bool(L(0)), bool(L(2)), len(L(True)))
for bad in (-1, 1.5, "3", None, 2**100, -2**100):
    try:
        print(len(L(bad)))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
    try:
        print(bool(L(bad)))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(bad), "bool:", type(e).__name__, e)

# __index__ results are accepted from __len__
class Idx:
    def __index__(self):
        return 4
print(len(L(Idx())))

# __bool__ wins over __len__
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(Both()), len(Both()))

# neither: always true
class Neither:
    pass
print(bool(Neither()))
try:
    len(Neither())
except TypeError as e:
    print(type(e).__name__, e)

# __bool__ = None makes truth testing fail
class NoBool:
    __bool__ = None
try:
    bool(NoBool())
except TypeError as e:
    print(type(e).__name__, e)
class NoLen:
    __len__ = None
try:
    len(NoLen())
except TypeError as e:
    print(type(e).__name__, e)

# subclass of int with __bool__
class Falsy(int):
    def __bool__(self):
        return False
print(bool(Falsy(5)), Falsy(5) + 1)

# while loops and if statements
class Countdown:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
c = Countdown(3)
while c:
    print("tick", c.n)
    c.n -= 1

# errors inside __bool__ / __len__ propagate
class Raises:
    def __len__(self):
        raise KeyError("inside len")
try:
    if Raises():
        pass
except KeyError as e:
    print(type(e).__name__, e)
