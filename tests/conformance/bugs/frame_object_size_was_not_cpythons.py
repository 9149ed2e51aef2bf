# A frame object's size: 3.11 allocates tp_basicsize 120 plus a pointer per localsplus and
# value-stack slot of its code (co_nlocalsplus + co_stacksize), and sys.getsizeof says so
# (frame_sizeof) plus the GC header. refheap's frame object was 80 bytes for every frame.
import sys, gc

F = type(sys._getframe())
print(F.__basicsize__, F.__itemsize__)


def nslots(code):
    return len(code.co_varnames) + len(code.co_cellvars) + len(code.co_freevars) + code.co_stacksize


def show(label, f):
    expected = 120 + 8 * nslots(f.f_code)
    print(label, sys.getsizeof(f), f.__sizeof__(), F.__sizeof__(f), f.__sizeof__() == expected, gc.is_tracked(f) in (True, False))


def func():
    return sys._getframe()


def many(a, b, c, *args, d=1, **kw):
    x = [a, b, c]
    y = {'k': (x, x, [x, [x, [x]]])}
    def inner():
        return x, y
    return sys._getframe()


def outer():
    z = 5
    def inner():
        return z + 1, sys._getframe()
    return inner()[1]


show('func', func())
show('many', many(1, 2, 3, 4, 5, e=6))
show('inner', outer())
show('module', sys._getframe())


def gen():
    a = yield 1
    yield a


g = gen()
next(g)
show('gen frame', g.gi_frame)


def fail():
    local = 'x' * 3
    raise ValueError(local)


try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    show('traceback frame', tb.tb_frame)
    print(tb.tb_frame.f_locals)
    del tb, e

src = "def f(p, q):\n    r = p + q\n    return __import__('sys')._getframe()\n"
ns = {}
exec(src, ns)
show('exec', ns['f'](1, 2))
show('lambda', (lambda *a: sys._getframe())())

# the fields stay what they were: f_trace_lines, f_trace_opcodes, f_back, f_lineno
f = func()
print(f.f_trace_lines, f.f_trace_opcodes, f.f_back is sys._getframe(), f.f_lineno, f.f_trace)
f.f_trace_opcodes = True
f.f_trace_lines = False
print(f.f_trace_lines, f.f_trace_opcodes)
f.f_trace_lines = True
f.f_trace_opcodes = False
print(f.f_trace_lines, f.f_trace_opcodes)
