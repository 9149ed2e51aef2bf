def gen(n):
    for i in range(n):
        yield i
    return n

def deleg():
    r = yield from gen(3)
    x = yield
    y = yield r + x
    return y

def gen_in_try():
    try:
        yield 1
    finally:
        print("done")

def gen_with():
    with ctx() as c:
        yield c
