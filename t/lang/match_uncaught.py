# pyl-test: full-stderr
# An error raised by a class pattern ends the program with CPython's message.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self):
        self.x = self.y = 0


print("before")
match Point():
    case Point(a, b, c):
        print("no")
