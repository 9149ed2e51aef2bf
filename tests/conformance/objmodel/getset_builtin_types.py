# The getset and member descriptors of other builtin types: int/float/complex, range/slice,
# code, cell, method, builtin functions, property/classmethod/staticmethod, generators,
# descriptors themselves, and the exception types (BaseException's args, __traceback__...).
import sys, gc


def show(t, name):
    d = t.__dict__[name]
    print(repr(d), type(d).__name__, d.__qualname__, sys.getsizeof(d), gc.is_tracked(d))


for t, name in [(int, 'real'), (int, 'denominator'), (float, 'imag'), (complex, 'real'), (range, 'start'),
                (slice, 'step'), (type(show.__code__), 'co_argcount'), (type(show.__code__), 'co_varnames'),
                (property, 'fget'), (classmethod, '__func__'), (staticmethod, '__wrapped__'),
                (BaseException, 'args'), (BaseException, '__suppress_context__'), (StopIteration, 'value'),
                (OSError, 'errno'), (ImportError, 'name'), (SystemExit, 'code'), (object, '__class__')]:
    show(t, name)
print(int.real.__get__(5), int.numerator.__get__(True), int.denominator.__get__(9), float.imag.__get__(2.5))
print(complex.real.__get__(3 + 4j), complex.imag.__get__(3 + 4j), range.start.__get__(range(2, 9, 3)))
print(slice.stop.__get__(slice(1, 5)), (7).denominator, (7).imag, True.real)
code = show.__code__
C = type(code)
print(C.co_argcount.__get__(code), C.co_varnames.__get__(code), C.co_name.__get__(code))


def outer():
    x = 1

    def inner():
        return x
    return inner


cell = outer().__closure__[0]
CellT = type(cell)
print(repr(CellT.cell_contents), CellT.cell_contents.__get__(cell))
CellT.cell_contents.__set__(cell, 42)
print(cell.cell_contents)
e = ValueError(1, 2)
print(BaseException.args.__get__(e), BaseException.__cause__.__get__(e), BaseException.__suppress_context__.__get__(e))
BaseException.args.__set__(e, (3,))
BaseException.__cause__.__set__(e, KeyError('k'))
print(e.args, repr(e.__cause__), e.__suppress_context__)
print(StopIteration.value.__get__(StopIteration(5)), ImportError.name.__get__(ImportError('m')), SystemExit('x').code)
print(object.__dict__['__class__'].__get__(5), object.__dict__['__class__'].__get__(None, int))


class P:
    @property
    def x(self):
        return 1


print(property.fget.__get__(P.x) is P.__dict__['x'].fget, classmethod.__func__.__get__(classmethod(len)) is len)
for attempt in ["(1).real = 3", "(1.5).imag = 0", "(1j).real = 2", "range(3).start = 1", "slice(1).stop = 2",
                "code.co_name = 'x'", "del (1).numerator", "int.real.__set__(1, 2)", "int.real.__get__('s')",
                "complex.real.__set__(1j, 2)", "BaseException.args.__get__(5)"]:
    try:
        exec(attempt)
        print(attempt, 'ok')
    except (AttributeError, TypeError) as err:
        print(attempt, type(err).__name__, err)


def gen():
    yield 1


g = gen()
G = type(g)
print(repr(G.gi_code), G.__dict__['__name__'].__get__(g), G.__dict__['gi_running'].__get__(g))
G.__dict__['__name__'].__set__(g, 'renamed')
print(g.__name__, g.__qualname__)
