def g():
    yield
    yield 1
    yield 1, 2
    yield *a, b
    x = yield
    y = yield 1, 2
    z = yield from range(3)
    await_ = (yield)
    f((yield))
    return (yield x)
