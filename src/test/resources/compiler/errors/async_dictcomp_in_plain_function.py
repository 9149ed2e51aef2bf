def f(y):
    return {x: 1 async for x in y}
