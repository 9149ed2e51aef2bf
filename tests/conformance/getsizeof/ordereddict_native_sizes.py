# collections.OrderedDict is _collections' C type (CPython 3.11's odictobject): its getsizeof is
# dict's plus the fast-nodes table (one pointer per slot of the dict's keys table, made on the
# first lookup after the keys table changed) plus one 32-byte node per item; the views are dict
# views (40), the iterator an odict_iterator (80).
import sys
from collections import OrderedDict

print([sys.getsizeof(OrderedDict.fromkeys(range(n))) for n in range(0, 45)])
print([sys.getsizeof(dict.fromkeys(range(n))) for n in (0, 1, 2, 5, 6, 9, 20)])
od = OrderedDict()
sizes = []
for i in range(40):
    od[i] = i
    sizes.append(sys.getsizeof(od))
for i in range(0, 40, 3):
    del od[i]
    sizes.append(sys.getsizeof(od))
od.move_to_end(1)
sizes.append(sys.getsizeof(od))
od.clear()
sizes.append(sys.getsizeof(od))
print(sizes)
print(od.__sizeof__(), sys.getsizeof(OrderedDict(a=1)), OrderedDict(a=1, b=2).__sizeof__())
od = OrderedDict.fromkeys('abcdefgh')
for x in (od.keys(), od.values(), od.items(), iter(od), reversed(od), iter(od.items()), reversed(od.values())):
    print(type(x).__name__, sys.getsizeof(x))


class Sub(OrderedDict):
    pass


class Slotted(OrderedDict):
    __slots__ = ('x',)


print(sys.getsizeof(Sub()), sys.getsizeof(Sub(a=1)), sys.getsizeof(Slotted()), sys.getsizeof(Slotted.fromkeys(range(6))))
print(OrderedDict.__basicsize__, OrderedDict.__itemsize__, OrderedDict.__dictoffset__, OrderedDict.__weakrefoffset__)
print(Sub.__basicsize__, Sub.__dictoffset__, Sub.__weakrefoffset__, Slotted.__basicsize__)
