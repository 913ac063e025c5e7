# pyl-test: full-stderr
# an exception in __init__ of objects built in a list comprehension
class Thing:
    def __init__(self, n):
        self.n = n
        self.check()
    def check(self):
        if self.n < 0:
            raise ValueError(f"negative: {self.n}")
things = [Thing(i) for i in range(3, -2, -1)]
