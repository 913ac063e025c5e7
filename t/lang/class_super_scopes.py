# super() and __class__ from nested scopes: lambdas, comprehensions, generators,
# inner functions, and code with no enclosing class.
class Base:
    def who(self):
        return "Base"
class Child(Base):
    def who(self):
        return "Child>" + super().who()
    def via_lambda(self):
        return (lambda: super(Child, self).who())()
    def via_generator(self):
        return list(super().who() for _ in range(2))
    def via_comprehension(self):
        try:
            return [super().who() for _ in range(1)]
        except TypeError as e:
            return f"TypeError: {e}"
    def cls_cell(self):
        return [__class__.__name__ for _ in range(1)], (lambda: __class__)().__name__
    def inner(self):
        def helper():
            return __class__
        return helper().__name__
c = Child()
print(c.who(), c.via_lambda(), c.via_comprehension(), c.cls_cell(), c.inner())
try:
    print(c.via_generator())
except TypeError as e:
    print("TypeError", e)
def outside():
    try:
        super()
    except RuntimeError as e:
        return f"RuntimeError: {e}"
print(outside())
class Empty:
    def m():
        return super()
try:
    Empty.m()
except RuntimeError as e:
    print("RuntimeError", e)
