# Instance and class attribute reads and writes, __slots__ objects.
class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


def run(n):
    p = Point(1, 2)
    s = Slotted()
    total = 0
    for i in range(n):
        p.x = p.x + p.y * p.scale
        s.a = s.b + i
        total += p.y + s.a
    return total + p.x


print(run(2_000_000))
