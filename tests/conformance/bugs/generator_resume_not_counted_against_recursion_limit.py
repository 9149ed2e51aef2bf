# 3.11 counts every frame that starts or resumes in the eval loop against the recursion limit, and a
# C-level call counts a level of its own while it runs (a builtin function's or method descriptor's
# vectorcall, _PyObject_MakeTpCall for a class or an instance with __call__; not the specialized
# PRECALL forms that call a METH_FASTCALL function directly). refheap used to resume generators
# without the check, so a deep `yield from` chain (json's pure-Python encoder of nested lists) went
# 200,000 levels deep instead of raising RecursionError; and next(), a class's __init__ and
# gen.send() added nothing to the depth. The depth reached (relative to plain recursion's, as the
# harness that runs the program adds levels of its own) and the message are compared here.
import sys


def measure(name, fn, base=None, per_level=1):
    depth = [0]
    try:
        fn(depth)
        outcome = "no error"
    except RecursionError as e:
        outcome = "RecursionError " + str(e)
    print(name, outcome, "" if base is None else per_level * depth[0] - base)
    return depth[0]


def plain(d):
    def f(n):
        d[0] = n
        f(n + 1)
    f(1)


def gen_chain(d):
    def g(n):
        d[0] = n
        yield from g(n + 1)
        yield n
    list(g(1))


def gen_next(d):
    def g(n):
        d[0] = n
        yield next(g(n + 1), None)
    next(g(1))


def gen_for(d):
    def g(n):
        d[0] = n
        for x in g(n + 1):
            yield x
        yield n
    for x in g(1):
        pass


class It:
    def __init__(self, n, d):
        self.n = n
        self.d = d

    def __iter__(self):
        return self

    def __next__(self):
        self.d[0] = self.n
        return next(It(self.n + 1, self.d))


def dunder_next(d):
    next(It(1, d))


def list_of_gen(d):
    def g(n):
        d[0] = n
        yield from list(g(n + 1))
        yield n
    list(g(1))


async def co(n, d):
    d[0] = n
    await co(n + 1, d)


def coro_chain(d):
    c = co(1, d)
    try:
        c.send(None)
    finally:
        c.close()


def gen_throw(d):
    def g(n):
        d[0] = n
        try:
            yield
        except ValueError:
            gg = g(n + 1)
            next(gg)
            gg.throw(ValueError)
    gg = g(1)
    next(gg)
    gg.throw(ValueError)


def cls_init(d):
    class C:
        def __init__(self, n):
            d[0] = n
            C(n + 1)
    C(1)


def call_instance(d):
    class K:
        def __call__(self, n):
            d[0] = n
            self(n + 1)
    K()(1)


def call_ex(d):
    def f(*a):
        d[0] = a[0]
        next(iter([a[0]]))
        f(*(a[0] + 1,))
    f(1)


for lim in (300, 100, 57):
    sys.setrecursionlimit(lim)
    print("limit", lim)
    base = measure("plain", plain)
    for name, fn in [("gen_chain", gen_chain), ("gen_next", gen_next), ("gen_for", gen_for),
                     ("dunder_next", dunder_next), ("list_of_gen", list_of_gen), ("coro_chain", coro_chain),
                     ("gen_throw", gen_throw), ("cls_init", cls_init), ("call_instance", call_instance),
                     ("call_ex", call_ex)]:
        measure(name, fn, base, 2 if name in ("cls_init", "call_instance") else 1)
sys.setrecursionlimit(1000)


# a generator whose resumption is refused is finished, without a traceback entry of its own
def deep(n):
    if n == 0:
        yield 'bottom'
    else:
        yield from deep(n - 1)


sys.setrecursionlimit(60)
base = measure("plain", plain)
g = deep(200)
try:
    print(next(g))
except RecursionError as e:
    print("deep", type(e).__name__, e)
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("traceback entries", n - base)
print(g.gi_frame is None, g.gi_running)
try:
    print(next(g))
except StopIteration:
    print("stopped")
sys.setrecursionlimit(1000)

# a chain far deeper than the limit fails at once (this ran 200,000 levels deep before)
def nest(n):
    if n:
        yield from nest(n - 1)
    else:
        yield 0

try:
    list(nest(200000))
except RecursionError as e:
    print("nest", e)
print(list(nest(500)))
