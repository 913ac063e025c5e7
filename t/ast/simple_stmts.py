pass
pass; pass
x = 1; y = 2;
global a
global a, b, c
def f():
    nonlocal q
    nonlocal q, r
assert x
assert x, "message"
raise
raise E
raise E from None
raise E("x") from cause
return
