# An item of a native type with its own equality (OrderedDict, deque, array) inside a list, tuple or
# dict compared with the object layer's item equality, which asked the type's identity default: an
# OrderedDict in a list was equal only to itself (json's object_pairs_hook test compares such nests).
from collections import OrderedDict as O, deque, defaultdict, Counter
import array
o1, o2 = O(), O()
print([o1] == [o2], (o1,) == (o2,), {1: o1} == {1: o2}, [O(a=1)] == [O(a=1)], [O(a=1, b=2)] == [O(b=2, a=1)])
print([O(a=1)] == [{'a': 1}], [{'a': 1}] == [O(a=1)], [O(a=1)] != [O(a=2)])
print([deque([1])] == [deque([1])], [defaultdict(int)] == [defaultdict(int)], [Counter('ab')] == [Counter('ba')])
print([array.array('i', [1])] == [array.array('i', [1])], [1j] == [1j], [bytearray(b'x')] == [b'x'])
print([O(a=[O()])] == [O(a=[O()])])
