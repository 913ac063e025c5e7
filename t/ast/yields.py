def g():
    yield
    yield x
    yield x, y
    yield *a, b
    yield from g2()
    x = yield
    x = yield y
    x = yield from z
    await_ = (yield)
    f((yield))
    return (yield from a)
