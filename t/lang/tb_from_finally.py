# pyl-test: full-stderr
# raise from inside except, with a finally clause printing on the way out
def f():
    raise KeyError(("a", 1))
try:
    f()
except KeyError as e:
    raise TypeError("converted") from e
finally:
    print("finally")
