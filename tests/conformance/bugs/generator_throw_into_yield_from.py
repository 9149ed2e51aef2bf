# gen.throw()/close() on a generator suspended in yield from go into the inner generator first
# (refheap raised them at the outer yield from, skipping the inner handlers).
def inner():
    try:
        yield 1
    except ValueError:
        print("inner caught")
        yield 2
    finally:
        print("inner finally")
    return "r"
def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield 3
    finally:
        print("outer finally")
x = outer()
print(next(x), x.throw(ValueError), next(x))
x.close()
y = outer()
next(y)
y.close()
