# list.extend on a list with no item array sizes it with list_preallocate_exact (the length hint
# rounded up to even), not list_resize's over-allocation: l = []; l.extend(range(5)) is 104 bytes.
import sys

for make in (lambda: range(5), lambda: iter(range(5)), lambda: (x for x in range(5)), lambda: range(10),
             lambda: {1: 2, 3: 4, 5: 6}, lambda: 'abcde', lambda: {1, 2, 3, 4, 5}, lambda: [1, 2, 3, 4, 5]):
    l = []
    l.extend(make())
    m = [1]
    m.extend(make())
    n = []
    n += make()
    print(len(l), sys.getsizeof(l), sys.getsizeof(m), sys.getsizeof(n))
l = []
l.extend(range(0))
print(sys.getsizeof(l))
l.extend(range(3))
l.extend(range(3))
print(sys.getsizeof(l))
