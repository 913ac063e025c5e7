# tuple subclasses
class T(tuple):
    pass
t = T([1, 2])
print(t, type(t).__name__, t + (3,), type(t + (3,)).__name__, t[0], t[:], type(t[:]).__name__)
print(t == (1, 2), hash(t) == hash((1, 2)), T() == (), T('ab'), tuple(t) == t, type(tuple(t)).__name__)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), p.__getnewargs__())
print(t * 2, type(t * 2).__name__, type(t * 1).__name__)
