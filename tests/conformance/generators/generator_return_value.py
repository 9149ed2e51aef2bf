# return in a generator ends it; the value travels in StopIteration and a for loop ignores it.
def gen():
    yield 1
    return 'result'
out = []
for v in gen():
    out.append(v)
print(out)
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e.value), e.args)
