# gc.get_referents of slot wrappers (their type), method descriptors (their type), method-wrappers (descr, self)
import gc
print(gc.get_referents(list.__iter__) == [list], gc.get_referents(int.__add__) == [int])
print(gc.get_referents(list.append) == [list], gc.get_referents(object.__init__) == [object])
l = [1, 2]
w = l.__len__
r = gc.get_referents(w)
print(len(r), r[0] is list.__len__, r[1] is l)
b = l.append
print(gc.get_referents(b) == [l])
