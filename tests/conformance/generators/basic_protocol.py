# A generator runs lazily between yields and raises StopIteration (with the return value) when it finishes.
def gen():
    print('start')
    yield 1
    print('middle')
    yield 2
    print('end')
    return 'done'
g = gen()
print('created')
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
try:
    next(g)
except StopIteration as e:
    print('again', e.value)
