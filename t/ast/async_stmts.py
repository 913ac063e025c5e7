async def f():
    await x
    await f(y)
    async for a in b:
        pass
    else:
        pass
    async with a as b, c:
        pass
    async with (a as b, c as d):
        pass
    x = [i async for i in aiter()]
    y = {i: j async for i, j in g() if i}
    z = (await a for a in b)
    return await x ** 2
async def g():
    yield
    yield 1
    await (await x)
