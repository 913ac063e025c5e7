with a:
    pass
with a as b:
    pass
with a as b, c as d, e:
    pass
with (a, b):
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (a):
    pass
with (yield):
    pass
with a as (b, c):
    pass
with a as [b, *c]:
    pass
with (
    open("x") as f,
    open("y") as g,
):
    pass
with a as b.c, d as e[0]:
    pass
