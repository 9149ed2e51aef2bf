# f_lasti, tb_lasti, co_positions(), co_lines(), co_code and dis are 3.11's code-unit offsets:
# refheap's instructions are laid out with 3.11's CACHE, PRECALL, RESUME and EXTENDED_ARG units.
# (dis and traceback over the same layout: dis_offsets.py.)
import sys


def boom():
    raise ValueError("boom")


def calls_python():
    boom()


def calls_builtin():
    len(5)


class Raises:
    def __init__(self):
        raise KeyError("init")


def calls_class():
    Raises()


for fn in (calls_python, calls_builtin, calls_class):
    try:
        fn()
    except Exception as e:
        tb = e.__traceback__.tb_next
        entries = []
        while tb:
            entries.append((tb.tb_frame.f_code.co_name, tb.tb_lasti))
            tb = tb.tb_next
        print(fn.__name__, entries)


def own_lasti():
    return sys._getframe().f_lasti


def callee_sees_caller():
    return sys._getframe(1).f_lasti


def caller():
    return callee_sees_caller()


print("own", own_lasti(), "caller", caller())


def gen():
    yield 1
    x = yield 2
    return x


g = gen()
print("unstarted", g.gi_frame.f_lasti)
next(g)
print("first yield", g.gi_frame.f_lasti)
next(g)
print("second yield", g.gi_frame.f_lasti)


def method_call(x):
    return x.append(1)


code = method_call.__code__
print(len(code.co_code), code.co_code.hex())
print(list(code.co_lines()))
print(list(code.co_positions()))
print(code.co_exceptiontable)


def handler(x):
    try:
        return x[0]
    except (IndexError, KeyError) as e:
        return e
    finally:
        x = None


print(handler.__code__.co_exceptiontable.hex())
print(handler.__code__._varname_from_oparg(1))
