# Method calls on instances (incl. an inherited method and super()).
class Counter:
    def __init__(self):
        self.n = 0

    def inc(self, k):
        self.n += k
        return self


class Stepper(Counter):
    def inc(self, k):
        return super().inc(k + 1)

    def value(self):
        return self.n


def run(n):
    c = Counter()
    s = Stepper()
    for i in range(n):
        c.inc(i)
        s.inc(1)
    return c.n + s.value()


print(run(1_000_000))
