# pyl-test: full-stderr
# mutual recursion: repeated pairs of lines are not collapsed, only identical ones
def a(n):
    if n == 0:
        raise RuntimeError("bottom")
    b(n - 1)
def b(n):
    a(n)
a(30)
