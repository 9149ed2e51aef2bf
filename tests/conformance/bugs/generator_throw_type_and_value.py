# generator.throw(type, value[, tb]) normalizes as 3.11's _gen_throw: the value itself when it is
# an instance of type, type(*value) for a tuple, type(value) otherwise (contextlib's
# _GeneratorContextManager.__exit__ throws this way: a KeyError inside `with` lost its args).
import types


def g():
    try:
        yield 1
    except Exception as e:
        print('caught', repr(e), e.args)
        raise


for args in [(KeyError, KeyError('x')), (KeyError, ('a', 'b')), (KeyError, 'v'), (KeyError,), (KeyError('y'),),
             (KeyError('z'), 1), (KeyError, None, 5), (ValueError, KeyError('k'))]:
    it = g()
    next(it)
    try:
        it.throw(*args)
    except Exception as e:
        print(type(e).__name__, repr(e))


def f(self, x=0):
    return (self, x)


m = types.MethodType(f, 5)
print(m(), m(1), m.__self__, m.__func__ is f)
for a in [(f,), (1, 2), (f, None), (f, 1, 2)]:
    try:
        types.MethodType(*a)
    except TypeError as e:
        print('TypeError:', e)
print({1}.union([2], (3,)), {1, 2}.intersection([2, 3], [2]), {1, 2, 3}.difference([1], [2]), {1}.union(),
      type(frozenset([1]).union([2], [3])).__name__)
