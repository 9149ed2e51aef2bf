# Compiled code runs a compiled Python callee itself (its own call site's interface call, not the
# trampoline): exceptions raised and handled inside such callees, passing through them to the
# caller's handlers, their tracebacks and chaining, f_back and sys._getframe inside them, the
# recursion limit reached through them, and a callee that stops where the interpreter goes on.
# Every function runs well over the compile threshold (50 calls) before the checks that matter.
import sys
import traceback


def leaf(x):
    if x < 0:
        raise ValueError("negative %d" % x)
    return x + 1


def handles(x):
    try:
        return leaf(x)
    except ValueError as e:
        return str(e)


def passes(x):
    y = leaf(x)
    return y * 2


def caller_handles(x):
    try:
        return passes(x)
    except ValueError as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        return lines


def chained(x):
    try:
        leaf(-1)
    except ValueError:
        return passes(x)


def back_names():
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 4:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def middle():
    return back_names()


def outer():
    return middle()


for i in range(200):
    a = handles(i)
    b = handles(-i - 1)
    c = caller_handles(i)
    d = caller_handles(-1)
    e = outer()
print(a, b, c, d, e)

try:
    for i in range(60):
        chained(i)
    chained(-5)
except ValueError as e:
    print("chained:", e, "context:", repr(e.__context__))
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)).replace(__file__, "FILE"))


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


for i in range(100):
    depth(20)
old = sys.getrecursionlimit()
sys.setrecursionlimit(300)
try:
    depth(1000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
print("depth after:", depth(250))


# a callee whose compiled code stops where the interpreter goes on: it calls a generator function
# (the generator's frame is made, not run) and iterates it, and one handled exception per call
def gen(n):
    for i in range(n):
        yield i


def uses_gen(n):
    total = 0
    for v in gen(n):
        total += v
    try:
        {}["k"]
    except KeyError:
        total += 1
    return total


def calls_uses_gen(n):
    return uses_gen(n) + uses_gen(n + 1)


for i in range(100):
    r = calls_uses_gen(i % 7)
print("gen:", r)


# an exception from a callee several compiled frames down, handled two frames up
def level3(x):
    return 10 // x


def level2(x):
    return level3(x) + 1


def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError as e:
        return "zde at " + str(e.__traceback__.tb_next.tb_next.tb_lineno - level3.__code__.co_firstlineno)


for i in range(100):
    r1 = level1(i + 1)
    r2 = level1(0)
print(r1, r2)
