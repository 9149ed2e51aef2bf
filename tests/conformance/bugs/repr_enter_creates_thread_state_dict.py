# Py_ReprEnter: the first repr of a non-empty list or tuple, of any dict or set (even an empty
# one), of a deque or a dict view makes the thread state's dict and its 'Py_Repr' list: two gc
# allocations that live as long as the thread (memory fuzzer seed 5100013: gc counts one lower on
# refheap after an f-string showed a tuple). While a repr runs, the objects being shown are in
# that list (one reference each); it is emptied again when the reprs return or raise.
import gc, sys
from collections import deque, defaultdict
import functools

gc.freeze(); gc.collect()
L = []
P = L.append


def state():
    for o in gc.get_objects():
        if type(o) is dict and 'Py_Repr' in o:
            return o
    return None


def count(label, f):
    gc.collect()
    before = gc.get_count()
    try:
        f()
    except ValueError as e:
        P(f"{label}: raised {e}")
    after = gc.get_count()
    P(f"{label}: {before[0]} -> {after[0]}")


count("repr([])", lambda: repr([]))
count("repr(())", lambda: repr(()))
count("repr(1)", lambda: repr(1))
P(f"no state yet: {state() is None}")
count("repr([1]) the first time", lambda: repr([1]))
d = state()
P(f"state: {sorted(d)} tracked {gc.is_tracked(d)} list size {sys.getsizeof(d['Py_Repr'])} refs {sys.getrefcount(d['Py_Repr'])}")
count("repr([1]) again", lambda: repr([1]))
count("repr(set())", lambda: repr(set()))
count("f-string of {}", lambda: f"{ {} }")
count("repr({1, 2})", lambda: repr({1, 2}))
count("repr(frozenset({3}))", lambda: repr(frozenset({3})))
count("nested", lambda: repr([1, (2, {3: [4]}), {5}]))
count("deque()", lambda: repr(deque()))
count("dict view", lambda: repr({1: 2}.items()))


class Show:
    """Its repr records what Py_ReprEnter has marked: the containers around it, innermost last."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        marked = d['Py_Repr']
        P(f"  in {self.name}: {len(marked)} marked: {[type(o).__name__ for o in marked]}")
        return self.name

    def __call__(self):
        pass


class Bad:
    def __repr__(self):
        raise ValueError("bad repr")


outer = [Show("a"), (Show("b"),), {Show("c"): {Show("d")}}, deque([Show("e")]), {1: Show("f")}.values()]
P(repr(outer))
P(f"after: {len(d['Py_Repr'])} marked, list size {sys.getsizeof(d['Py_Repr'])}")
P(f"outer refs {sys.getrefcount(outer)}")


class Count:
    def __repr__(self):
        P(f"  outer refs while shown {sys.getrefcount(holder)}")
        return "Count"


holder = [Count()]
repr(holder)
count("raising", lambda: repr([1, (Bad(),)]))
count("raising in a dict", lambda: repr({1: Bad()}))
P(f"after raising: {len(d['Py_Repr'])} marked")

l = [1]
l.append(l)
P(repr(l))
t = ([],)
t[0].append(t)
P(repr(t))
dd = {}
dd[1] = dd.values()
P(repr(dd))
s = defaultdict(list, {1: [2]})
P(repr(s))
p = functools.partial(Show("func"), Show("arg"), k=Show("kw"))
P(repr(p))
P(f"end: {len(d['Py_Repr'])} marked, same state {state() is d}")
for line in L:
    print(line)
