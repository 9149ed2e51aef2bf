# Generators as 3.11 has them (test_generators): an exception thrown into a generator that is handling
# one gets it as __context__ (also through `yield from`); a generator's __name__/__qualname__ are its
# function's at the call (renamed functions too); gi_yieldfrom is what a `yield from` delegates to; a
# throw() through `yield from` runs the inner frame with the outer one as f_back.
import sys

def f():
    try:
        raise KeyError('a')
    except Exception:
        yield
gen = f()
gen.send(None)
try:
    gen.throw(ValueError)
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__.args)

def inner():
    yield
def outer():
    try:
        raise KeyError('b')
    except Exception:
        yield from inner()
gen = outer()
gen.send(None)
try:
    gen.throw(ValueError)
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__.args)

def func():
    yield 1
func.__name__ = 'func_name'
func.__qualname__ = 'func_qualname'
g = func()
print(g.__name__, g.__qualname__, (x for x in ()).__name__)

def a():
    yield 1
def b():
    yield from a()
gb = b()
print(gb.gi_yieldfrom)
next(gb)
print(gb.gi_yieldfrom.gi_code.co_name)
for _ in gb:
    pass
print(gb.gi_yieldfrom)

def names():
    fr, out = sys._getframe(), []
    while fr and fr.f_code.co_name != '<module>':
        out.append(fr.f_code.co_name)
        fr = fr.f_back
    return out
def f2():
    try:
        yield
    except Exception:
        print('in f2:', names())
def g2():
    yield from f2()
gen = g2()
gen.send(None)
try:
    gen.throw(RuntimeError)
except StopIteration:
    print('stopped')
