# Bug (found by the memory fuzzer): slice assignment and slice deletion were pops and inserts, so the list's allocation (getsizeof) and the order replaced items were released in differed from 3.11's list_ass_slice.
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
v = []
v[:0] = [v, v]
print('grown from empty', sys.getsizeof(v))
v[:] = []
print('emptied', sys.getsizeof(v))
a = [D(1), D(2), D(3), D(4)]
a[1:3] = (D(5),)
print('replaced', sys.getsizeof(a), len(a))
del a[:2]
print('deleted', sys.getsizeof(a), len(a))
a[:] = a
print('self assigned', len(a))
a[1:1] = iter([7, 8])
print('from an iterator', len(a), sys.getsizeof(a))
chain = None
for i in range(29):
    chain = [chain]
chain[:] = []
print('chain emptied', sys.getsizeof(chain))
a[:] = []
print('end', sys.getsizeof(a))
