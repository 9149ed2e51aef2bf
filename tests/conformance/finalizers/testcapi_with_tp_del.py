# _testcapi.with_tp_del gives a class a legacy tp_del (its __tp_del__): run from the dealloc after
# __del__ and after the weakrefs are cleared (their callbacks run first), able to resurrect the
# object each time; not inherited; cyclic garbage holding such an object is uncollectable.
import gc, sys, weakref
import _testcapi

gc.collect()
gc.disable()
events = []
survivors = []

@_testcapi.with_tp_del
class Legacy:
    resurrect = False
    def __del__(self):
        events.append(('__del__', sys.getrefcount(self)))
    def __tp_del__(self):
        events.append(('__tp_del__', sys.getrefcount(self), gc.is_tracked(self)))
        if self.resurrect:
            survivors.append(self)

def cb(wr):
    events.append(('callback', wr() is None))

s = Legacy()
wr = weakref.ref(s, cb)
del s
print(events, wr() is None)

events.clear()
s = Legacy()
s.resurrect = True
wr = weakref.ref(s, cb)
del s
print(events, wr() is None, len(survivors), gc.is_tracked(survivors[0]), sys.getrefcount(survivors[0]))
events.clear()
survivors[0].resurrect = True
last = survivors.pop()
del last
print(events, len(survivors))  # __del__ ran once already; __tp_del__ runs again and resurrects again
survivors[0].resurrect = False
survivors.clear()
print(events[-1][0], len(survivors))

class Sub(Legacy):
    pass

events.clear()
Sub()
print('subclass', events)

# a cycle through a tp_del object: uncollectable, with everything it reaches
class Plain:
    pass

a = Legacy()
a.self = a
b = Plain()
a.b = b
b.back = a
c = Plain()
c.self = c
ida, idb = id(a), id(b)
wa = weakref.ref(a, cb)
del a, b, c
events.clear()
print('collected', gc.collect(), events, wa() is None)
print(sorted(id(o) == ida or id(o) == idb for o in gc.garbage), len(gc.garbage))
for o in gc.garbage:
    if isinstance(o, Legacy):
        print('legacy in garbage', type(o.b).__name__, gc.is_tracked(o))
print(gc.get_stats()[2]['uncollectable'] >= 2)

# gc.collect's callbacks see the uncollectable count
infos = []
def watch(phase, info):
    if phase == 'stop':
        infos.append((info['generation'], info['collected'], info['uncollectable']))
gc.callbacks.append(watch)
x = Legacy()
x.self = x
del x
gc.collect()
print(infos)
gc.callbacks.remove(watch)

# clearing gc.garbage and breaking the cycles frees them: __del__ then __tp_del__ run
for o in gc.garbage:
    if isinstance(o, Legacy):
        o.__dict__.clear()
events.clear()
gc.garbage.clear()
print(sorted(e[0] for e in events))
print(gc.collect())

# an error in __tp_del__ is reported with the bound method, and the object still dies
@_testcapi.with_tp_del
class Failing:
    def __tp_del__(self):
        raise ValueError('in tp_del')
f = Failing()
wf = weakref.ref(f)
del f
print('after failing', wf() is None)
gc.enable()
