del x
del x, y
del x,
del (x)
del (x, y)
del [x, y]
del a.b, a[0], a[1:2]
del (a), [b, (c, d)]
