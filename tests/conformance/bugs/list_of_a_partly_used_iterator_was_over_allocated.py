# list() of an iterator sizes its array by the iterator's __length_hint__ (PyObject_LengthHint):
# what is still to come of a dict's, set's or reversed iterator, or len() - index of a sequence
# iterator. refheap's own hint took the whole dict or set (and the default for the others), so
# the lists were over-allocated: getsizeof 120/120/248/184 where python3 gives 104/104/216/136.
import sys
d = dict.fromkeys(range(20)); it = iter(d); [next(it) for _ in range(15)]
s = set(range(20)); si = iter(s); [next(si) for _ in range(15)]
r = reversed(list(range(20))); next(r)
class L:
    def __len__(self): return 9
    def __getitem__(self, i):
        if i < 9: return i
        raise IndexError
print(sys.getsizeof(list(it)), sys.getsizeof(list(si)), sys.getsizeof(list(r)), sys.getsizeof(list(iter(L()))), sys.getsizeof(list(enumerate('abcde'))))
