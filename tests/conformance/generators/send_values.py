# send() resumes a generator with a value that becomes the result of the paused yield expression.
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
g = acc()
print(next(g))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration:
    print('stopped')
g2 = acc()
try:
    g2.send(1)
except TypeError as e:
    print(type(e).__name__, e)
