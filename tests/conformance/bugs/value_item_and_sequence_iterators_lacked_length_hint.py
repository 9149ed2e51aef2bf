# __length_hint__ of dict_valueiterator, dict_itemiterator and the sequence iterator ('iterator':
# iter() of an object with __getitem__ and no __iter__): their type dicts lacked it, so
# operator.length_hint answered 0 (or the default); the sequence iterator's is the object's
# length still to come, or NotImplemented when the object has no __len__.
import operator
d = {1: 2, 3: 4}
class S:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
class L(S):
    def __len__(self): return 5
class Short(S):
    def __len__(self): return 1
for it in (iter(d.values()), iter(d.items()), iter(S()), iter(L()), iter(Short())):
    print(type(it).__name__, operator.length_hint(it, -5), it.__length_hint__(), sorted(type(it).__dict__))
    next(it); next(it)
    print(operator.length_hint(it, -5))
    list(it)
    print(operator.length_hint(it, -5), it.__length_hint__())
it = iter(d.values()); d[5] = 6
print(operator.length_hint(it))
