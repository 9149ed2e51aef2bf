# vars(o) on an instance whose attributes live in its inline values makes a split dict that shares
# the class's keys and takes over the values array (only the dict object is new); its later life
# (sets, deletes, copies, pickling, popitem, a resize that combines it, the collector) as 3.11's.
import copy, gc, pickle, sys, tracemalloc

gc.disable()


def measure(fn):
    """The change of tracemalloc's traced bytes and of sys.getallocatedblocks() over fn(), less
    the change over nothing (the readings' own ints), each reading a new name so no earlier
    reading is freed inside a window."""
    a0 = tracemalloc.get_traced_memory()[0]; b0 = sys.getallocatedblocks()
    a1 = tracemalloc.get_traced_memory()[0]; b1 = sys.getallocatedblocks()
    c0 = tracemalloc.get_traced_memory()[0]; d0 = sys.getallocatedblocks()
    fn()
    c1 = tracemalloc.get_traced_memory()[0]; d1 = sys.getallocatedblocks()
    return (c1 - c0) - (a1 - a0), (d1 - d0) - (b1 - b0)


class A:
    def __init__(self, i):
        self.a = i
        self.b = str(i)


objs = [A(i) for i in range(10)]
keep = []
# copy's first look at A caches A.__slotnames__ in the class dict: done here, outside the measures
A.__slotnames__ = []
# the small keys tables' free list filled (how full start-up left it differs), then the dict free
# list emptied (its 80 kept alive), so each dict measured below is a new block
[{"k": i} for i in range(100)]
hold = [{} for _ in range(100)]
tracemalloc.start()

print("vars x10", measure(lambda: keep.extend([vars(o) for o in objs])))
print("getsizeof", sys.getsizeof(keep[0]), len(keep[0]), list(keep[0]))
print("again", measure(lambda: keep.extend([vars(o) for o in objs])))
print("same dict", vars(objs[0]) is keep[0])
keep.clear()

o = objs[0]
d = vars(o)
print("set new attr", measure(lambda: setattr(o, "c", 3)), sys.getsizeof(d), list(d))
print("set via dict", measure(lambda: d.__setitem__("d", 4)), sys.getsizeof(d), list(d))
print("other sees keys", sys.getsizeof(vars(objs[1])), list(vars(objs[1])))
print("replace", measure(lambda: setattr(o, "a", 100)), sys.getsizeof(d), list(d.items())[:2])
print("delete", measure(lambda: delattr(o, "b")), sys.getsizeof(d), list(d))
print("re-add", measure(lambda: setattr(o, "b", "bb")), sys.getsizeof(d), list(d))
print("dict del", measure(lambda: d.__delitem__("a")), sys.getsizeof(d), list(d))
print("pop", d.pop("c"), sys.getsizeof(d), list(d))
print("getattr", o.b, o.d, hasattr(o, "a"), "a" in d, d.get("b"))
print("repr", repr(d), d == {"b": "bb", "d": 4})

# copies of a split dict are split too
o2 = objs[2]
c = [None]
print("copy", measure(lambda: c.__setitem__(0, vars(o2).copy())), sys.getsizeof(c[0]), list(c[0]))
c.clear()
o3 = objs[3]
r = [None]
print("copy.copy", measure(lambda: r.__setitem__(0, copy.copy(o3))), sys.getsizeof(vars(r[0])), list(vars(r[0])))
# (deepcopy's traced memory is left out: 3.11 keeps a 48-byte block from its first
# y.__dict__.update that is no part of the dicts)
r[0] = copy.deepcopy(o3)
print("deepcopy", sys.getsizeof(vars(r[0])), list(vars(r[0])))
data = pickle.dumps(o3)
print("unpickle", measure(lambda: r.__setitem__(0, pickle.loads(data))), sys.getsizeof(vars(r[0])), list(vars(r[0])))
r.clear()

# popitem combines a split dict into a table of the shared keys' size
o4 = objs[4]
d4 = vars(o4)
print("popitem", d4.popitem(), sys.getsizeof(d4), list(d4))
o4.z = 1
print("after popitem set", sys.getsizeof(d4), list(d4))

# a non-str key combines it into a general table
o5 = objs[5]
d5 = vars(o5)
print("non-str key", measure(lambda: d5.__setitem__(1, 1)), sys.getsizeof(d5), list(d5))

# del o.__dict__ and assigning __dict__
o6 = objs[6]
vars(o6)
print("del __dict__", measure(lambda: delattr(o6, "__dict__")), vars(o6))
print("set after del", measure(lambda: setattr(o6, "q", 1)), sys.getsizeof(vars(o6)), vars(o6))
o7 = objs[7]
print("assign __dict__", measure(lambda: setattr(o7, "__dict__", {"x": 1})), sys.getsizeof(vars(o7)), vars(o7))
o7.y = 2
print("after assign", sys.getsizeof(vars(o7)), vars(o7))
o8 = objs[8]
print("assign before vars", measure(lambda: setattr(o8, "__dict__", {"x": 1, "y": 2})), vars(o8))

# clear keeps the dict, which becomes empty and combined
o9 = objs[9]
d9 = vars(o9)
d9.clear()
print("clear", sys.getsizeof(d9), d9)
o9.n = 5
print("after clear", sys.getsizeof(d9), d9)


# filling the shared keys: the 30th name and beyond combine the dict
class B:
    pass


b = B()
db = vars(b)
for i in range(32):
    setattr(b, "n%d" % i, i)
    if i in (0, 1, 27, 28, 29, 30, 31):
        print("fill", i, sys.getsizeof(db), len(db))
b2 = B()
b2.n0 = 0
b2.zz = 1
print("after full", sys.getsizeof(vars(b2)), list(vars(b2)))


# the collector over split dicts in cycles
class C:
    pass


gc.collect()
before = gc.get_count()


def make():
    x = C()
    y = C()
    x.other = y
    y.other = x
    vars(x)
    vars(y)


for _ in range(5):
    make()
print("collected", gc.collect())
p = C()
p.self = p
dp = vars(p)
print("tracked", gc.is_tracked(dp))
q = C()
q.v = 1
print("untracked values", gc.is_tracked(vars(q)))
del p, dp
print("collected", gc.collect())
print("refs", sys.getrefcount(vars(q)) - 1)
