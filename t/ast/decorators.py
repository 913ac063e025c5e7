@dec
def f():
    pass
@dec1
@dec2(arg)
@a.b.c
@x[0]
@(lambda f: f)
@a if b else c
def g(): pass
@dec
class C:
    pass
@dec
async def h():
    pass
@(yield)
def k(): pass
