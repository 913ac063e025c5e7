# pyl-test: full-stderr
# uncaught user exception with a custom __str__, raised inside a method and a lambda
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
    def __str__(self):
        return f"application failed with code {self.code}"

class Service:
    def run(self, items):
        return list(map(lambda x: self.check(x), items))
    def check(self, x):
        if x > 2:
            raise AppError(x)
        return x

Service().run([1, 2, 3])
