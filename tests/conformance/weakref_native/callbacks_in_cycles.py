# a cycle collected by gc clears proxies to its members and runs the callbacks of live proxies
import weakref, gc
gc.collect()
class Node:
    pass
log = []
a = Node()
b = Node()
a.other = b
b.other = a
pa = weakref.proxy(a, lambda w: log.append("a gone"))
pb = weakref.proxy(b)
del a, b
print(gc.collect(), log)
try:
    pb.other
except ReferenceError as e:
    print("ReferenceError:", e)
