# An exception thrown into a generator runs its finally; closing a suspended generator raises GeneratorExit inside.
def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
    finally:
        print('generator finally')
g = gen()
print(next(g))
g.close()
print('closed')
g2 = gen()
next(g2)
try:
    g2.throw(ValueError('thrown'))
except ValueError as e:
    print('propagated', e)
