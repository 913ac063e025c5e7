# property getters/setters and a data descriptor.
class Temperature:
    def __init__(self):
        self._c = 0.0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


def run(n):
    t = Temperature()
    acc = 0.0
    for i in range(n):
        t.celsius = i % 100
        acc += t.fahrenheit + t.celsius
    return acc


print(run(1_000_000))
