# StopIteration from next() on an exhausted iterator, and errors from unhashable and immutable operations.
it = iter([])
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(next(it, 'default'))
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    'abc'[0] = 'x'
except TypeError as e:
    print(type(e).__name__, e)
try:
    d = {}
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__, e)
