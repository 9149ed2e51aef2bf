# Bug (found by the memory fuzzer): an f-string field that is not a str or an int allocated nothing; 3.11's PyObject_Format binds the type's __format__ (a builtin method object, made and freed), and that allocation can start a collection.
import gc
gc.freeze(); gc.collect()
events = []
def cb(phase, info):
    events.append(phase + ' ' + str(info['generation']))
gc.collect()
gc.callbacks.append(cb)
G = []
gc.set_threshold(2, 50)
s1 = f"{G}"
s2 = f"{True} {1.5} {(1, 2)} {None}"
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(s1, s2)
print(events)
