# __context__ was set as an exception passed through each frame whose handled exception differed, so
# `exc.__context__ = None` in a handler or finally was undone in an outer frame, and an exception thrown into a
# generator got the caller's handled exception: CPython chains only where it is raised (_PyErr_SetObject, which
# replaces a context the exception had and takes it out of the handled exception's chain), and gen.throw not at all.
def gen():
    try:
        yield
    finally:
        pass
class E(Exception): pass
try:
    raise KeyError
except KeyError:
    g = gen(); next(g)
    e = E()
    try:
        g.throw(e)
    except E as x:
        print(1, repr(x.__context__))
def gen2():
    try:
        yield
    except E as y:
        y.__context__ = None
        raise
try:
    raise KeyError
except KeyError:
    g = gen2(); next(g)
    try:
        g.throw(E())
    except E as x:
        print(2, repr(x.__context__))
def f():
    raise E
try:
    raise KeyError
except KeyError:
    try:
        f()
    except E as x:
        print(3, repr(x.__context__))
def h():
    try:
        raise ValueError
    except ValueError:
        try:
            raise E
        finally:
            pass
try:
    raise KeyError
except KeyError:
    try:
        h()
    except E as x:
        print(4, repr(x.__context__), repr(x.__context__.__context__))
def k(e):
    e.__context__ = None
    raise e
try:
    raise KeyError
except KeyError:
    try:
        try:
            raise E
        except E as e0:
            e0.__context__ = None
            k2 = e0
        raise k2
    except E as x:
        print(5, repr(x.__context__))
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        a[1].__context__ = None
        return False
try:
    raise KeyError
except KeyError:
    try:
        with CM():
            raise E
    except E as x:
        print(6, repr(x.__context__))
try:
    raise KeyError
except KeyError:
    try:
        try:
            raise E
        finally:
            import sys
            sys.exc_info()[1].__context__ = None
    except E as x:
        print(7, repr(x.__context__))
try:
    raise KeyError
except KeyError:
    e = E()
    e.__context__ = TypeError()
    try:
        raise e
    except E as x:
        print(8, repr(x.__context__))
try:
    try:
        raise KeyError
    except KeyError as k:
        try:
            raise E
        except E as x:
            x2 = x
            try:
                raise k
            except KeyError as k2:
                print(9, repr(k2.__context__), repr(x2.__context__))
except Exception:
    pass
