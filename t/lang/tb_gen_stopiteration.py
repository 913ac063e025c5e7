# pyl-test: full-stderr
# StopIteration raised in a generator becomes RuntimeError (PEP 479)
def g():
    yield 1
    raise StopIteration("x")
list(g())
