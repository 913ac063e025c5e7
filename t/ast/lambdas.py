f = lambda: 0
f = lambda x: x
f = lambda x, y=1, *a, z, w=2, **k: x
f = lambda a, /, b, *, c: a
f = lambda *a: a
f = lambda **k: k
f = lambda *, a: a
f = lambda x=lambda: 1: x
f = lambda: (yield)
f = lambda x: lambda y: x + y
f = lambda a=1, /: a
f = lambda a, b=2, /, c=3: a
