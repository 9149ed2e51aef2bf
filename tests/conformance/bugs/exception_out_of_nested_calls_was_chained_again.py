# An exception that left two nested Python calls (a with's __exit__ calling a function) was chained again to the exception being handled, so a handler's exc.__context__ = None became that exception (test_contextlib's explicit_none_context)
import sys


class MyException(Exception):
    pass


def reraise(exc):
    try:
        raise exc
    except BaseException:
        exc.__context__ = None
        raise exc


def cleared_in_finally():
    e = MyException("finally")
    try:
        raise e
    finally:
        e.__context__ = None


def cleared_then_bare_raise():
    e = MyException("bare")
    try:
        raise e
    except MyException:
        e.__context__ = None
        raise


def raised_plainly():
    raise MyException("plain")


def make(body):
    class CM:
        def __enter__(self):
            return self

        def __exit__(self, *details):
            body()
    return CM


for body in (lambda: reraise(MyException("reraise")), cleared_in_finally, cleared_then_bare_raise, raised_plainly):
    try:
        with make(body)():
            raise IndexError("body")
    except MyException as exc:
        print(exc, repr(exc.__context__), exc.__suppress_context__)
    # the same through a call made in an except block, and through a generator's with
    try:
        try:
            raise KeyError("k")
        except KeyError:
            (lambda: body())()
    except MyException as exc:
        print(" call", exc, repr(exc.__context__))

    def gen():
        with make(body)():
            yield 1
    g = gen()
    next(g)
    try:
        g.throw(IndexError("thrown"))
    except MyException as exc:
        print(" gen", exc, repr(exc.__context__))
