# CPython's weakref.py over _weakref and _weakrefset: the container classes, WeakMethod and
# finalize, with refcounts, tracking and collection as python3 shows them.
import gc
import sys
import weakref

print(weakref.__name__, weakref.ref is weakref.ReferenceType, weakref.ProxyTypes)
print(sorted(n for n in weakref.__all__))


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "Obj(%r)" % self.name


# WeakValueDictionary
a, b, c = Obj("a"), Obj("b"), Obj("c")
wvd = weakref.WeakValueDictionary()
wvd["a"] = a
wvd["b"] = b
wvd[3] = c
print(len(wvd), sorted(map(str, wvd.keys())), sys.getrefcount(a))
print(wvd.get("a"), wvd.get("zz", "default"), "b" in wvd, "q" in wvd)
del b
print(len(wvd), "b" in wvd, sorted(map(str, wvd)))
print(sorted(map(repr, wvd.valuerefs()), key=len) == sorted(map(repr, wvd.valuerefs()), key=len))
print(wvd.pop(3), len(wvd))
print(wvd.setdefault("a", Obj("other")), wvd.setdefault("new", a))
wvd2 = wvd.copy()
print(type(wvd2).__name__, sorted(wvd2.keys()))
del a
print(len(wvd), len(wvd2), list(wvd.items()))
try:
    wvd["gone"]
except KeyError as e:
    print("KeyError", e)
print(gc.is_tracked(wvd), type(wvd).__mro__[1].__name__)

# WeakKeyDictionary
k1, k2 = Obj("k1"), Obj("k2")
wkd = weakref.WeakKeyDictionary({k1: 1})
wkd[k2] = 2
print(len(wkd), wkd[k1], wkd.get(k2), k1 in wkd, Obj("x") in wkd)
print(sys.getrefcount(k1), len(weakref.getweakrefs(k1)))
del k2
print(len(wkd), sorted(v for v in wkd.values()))
wkd.update({k1: 10})
print(wkd[k1], list(wkd.keyrefs())[0]() is k1)
print(wkd.pop(k1), len(wkd), wkd.pop(k1, "none"))

# WeakSet
s1, s2, s3 = Obj("s1"), Obj("s2"), Obj("s3")
ws = weakref.WeakSet([s1, s2])
ws.add(s3)
print(len(ws), s1 in ws, Obj("no") in ws, type(ws).__name__, type(ws).__module__)
del s2
print(len(ws), sorted(o.name for o in ws))
ws2 = weakref.WeakSet([s1])
print(ws2 <= ws, ws2 < ws, ws == weakref.WeakSet([s1, s3]), sorted(o.name for o in (ws - ws2)))
ws.discard(s1)
ws.remove(s3)
print(len(ws), bool(ws))
try:
    ws.remove(s3)
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
# iterating while an item dies: the _IterationGuard defers the removal
s4, s5 = Obj("s4"), Obj("s5")
ws = weakref.WeakSet([s4, s5])
names = []
for o in ws:
    names.append(o.name)
    s4 = s5 = None  # the item not reached yet dies: its removal waits until the loop ends
print(len(names), len(ws), o.name in ("s4", "s5"))

# WeakMethod
m = Obj("m")
wm = weakref.WeakMethod(m.method)
print(wm()(), wm() == m.method, type(wm).__name__, weakref.WeakMethod.__mro__[1].__name__)
wm2 = weakref.WeakMethod(m.method)
print(wm == wm2, hash(wm) == hash(wm2))
del m
gc.collect()
print(wm(), wm == wm2)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)

# finalize
log = []
f_obj = Obj("f")
fin = weakref.finalize(f_obj, log.append, "finalized")
print(fin.alive, fin.atexit, fin.peek()[1] is log.append, log)
del f_obj
print(fin.alive, log, fin(), fin.detach(), fin.peek())
g_obj = Obj("g")
fin2 = weakref.finalize(g_obj, log.append, "never")
print(fin2.detach()[0] is g_obj, fin2.alive)
del g_obj
print(log)
r = repr(weakref.finalize(Obj("h"), print, "h dead"))
print(r.startswith("<finalize object at 0x"), r.endswith("; dead>"))

# a cycle that holds a finalizer's object dies in a collection, the callback runs
class Node:
    pass
n = Node()
n.self = n
fin3 = weakref.finalize(n, print, "cycle finalized")
del n
print("before collect", fin3.alive)
print(gc.collect() > 0, fin3.alive)
