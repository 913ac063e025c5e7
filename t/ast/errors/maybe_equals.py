if x = 1:
    pass
if f(x) = 1:
    pass
