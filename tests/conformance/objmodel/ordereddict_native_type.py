# collections.OrderedDict is _collections' C type: its type dict (slot wrappers, methods, the
# class method fromkeys, the __dict__ getset, __doc__, __hash__ None, in CPython's order), its
# flags and layout, and the types of its iterator and views (odict_keys, odict_values and
# odict_items are subclasses of dict's views with their own __iter__ and __reversed__).
import _collections
import collections
from collections import OrderedDict

print(OrderedDict is _collections.OrderedDict, OrderedDict.__module__, OrderedDict.__qualname__, OrderedDict.__mro__)
for name, value in vars(OrderedDict).items():
    print(name, type(value).__name__)
print(OrderedDict.__flags__ & ~(1 << 19), OrderedDict.__base__, OrderedDict.__doc__)
print(OrderedDict.__init__, OrderedDict.__repr__, OrderedDict.__eq__, OrderedDict.keys, OrderedDict.__sizeof__)
print(OrderedDict.move_to_end.__doc__)
print(OrderedDict.popitem.__text_signature__, OrderedDict.fromkeys.__text_signature__)
od = OrderedDict(a=1)
for view in (od.keys(), od.values(), od.items()):
    t = type(view)
    print(t.__name__, t.__mro__, t.__basicsize__, t.__flags__, t.__doc__, list(vars(t)))
    print(isinstance(view, type({}.keys())), isinstance(view, type({}.values())), isinstance(view, type({}.items())))
for it in (iter(od), reversed(od), iter(od.values()), reversed(od.items())):
    t = type(it)
    print(t.__name__, t.__mro__, t.__basicsize__, t.__flags__ & ~(1 << 19), t.__doc__, list(vars(t)))
print(type(iter(od)) is type(reversed(od.keys())) is type(iter(od.items())))
try:
    type(iter(od))()
except TypeError as e:
    print(e)
print(hasattr(collections, 'OrderedDict'), OrderedDict.__hash__, OrderedDict.__class_getitem__(int))
print(sorted(set(dir(OrderedDict)) - set(dir(dict))))
