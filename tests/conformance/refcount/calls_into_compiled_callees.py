# A compiled CALL site that runs its compiled callee itself: refcounts of the function, its code,
# the arguments and the result around such calls, a global function rebound or deleted and made
# again at the site (LOAD_GLOBAL's remembered entry), a builtin shadowed and unshadowed, functions
# made by exec at one site (their code objects die and new ones take their place), methods and
# bound methods, defaults and keywords (the general path), and sys.settrace/setprofile switched on
# inside such a callee.
import sys


def f(a, b):
    return a


def g(a, b):
    return b


class C:
    def m(self, x):
        return x

    def n(self):
        return self


def refs_inside(x):
    return sys.getrefcount(x)


obj = object()
for i in range(200):
    r = f(obj, i)
    inside = refs_inside(obj)
print("obj refs", sys.getrefcount(obj), "inside", inside)
print("f refs", sys.getrefcount(f), "code refs", sys.getrefcount(f.__code__))


def site(x):
    return f(x, x + 1)


results = []
for i in range(200):
    if i == 100:
        f = g  # the global rebound: the same keys, a new value
    results.append(site(i))
print(results[99], results[100], results[199])
f = site.__globals__["f"]
del f
try:
    site(1)
except NameError as e:
    print("NameError:", e)


def f(a, b):  # made again: a new entry
    return a * 10


print(site(3))


def uses_len(x):
    return len(x)


for i in range(100):
    n1 = uses_len("abc")
len = lambda x: 42  # a global shadows the builtin
n2 = uses_len("abc")
del len
n3 = uses_len("abcd")
print(n1, n2, n3)

# functions made by exec, called at one site: each one's code object dies with it
made = []
def call_it(fn, x):
    return fn(x)


for i in range(120):
    ns = {}
    exec("def h(x):\n    return x + %d\n" % i, ns)
    made.append(call_it(ns["h"], 1))
    del ns
print(made[0], made[57], made[119])

c = C()
for i in range(200):
    m1 = c.m(i)
    bm = c.m
    m2 = bm(i + 1)
    m3 = c.n()
print(m1, m2, m3 is c, sys.getrefcount(c))


def defaults(a, b=2, *, c=3):
    return a + b + c


def kw_site(i):
    return defaults(i) + defaults(i, 5) + defaults(i, c=7) + defaults(a=i)


for i in range(200):
    k = kw_site(i)
print(k)

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("traced_leaf", "switches_on"):
        events.append((event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


def traced_leaf(x):
    y = x + 1
    return y


def switches_on(x, on):
    if on:
        sys.settrace(tracer)
    r = traced_leaf(x)
    r += traced_leaf(x)
    return r


for i in range(100):
    switches_on(i, False)
switches_on(1, True)
sys.settrace(None)
print(events)

pevents = []


def profiler(frame, event, arg):
    if frame.f_code.co_name in ("traced_leaf", "prof_on"):
        pevents.append((event, frame.f_code.co_name))


def prof_on(x, on):
    if on:
        sys.setprofile(profiler)
    return traced_leaf(x) + traced_leaf(x)


for i in range(100):
    prof_on(i, False)
prof_on(1, True)
sys.setprofile(None)
print(pevents)
