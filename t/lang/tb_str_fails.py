# pyl-test: full-stderr
# an exception whose __str__ raises is still reported
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")

def go():
    raise Weird("x")

go()
