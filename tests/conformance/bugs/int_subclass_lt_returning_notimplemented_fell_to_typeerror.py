# When one operand's own comparison dunder returns NotImplemented, the other operand's builtin
# comparison still takes it by its layout: for class E(int) whose __lt__ says NotImplemented,
# E(0) < 1 is int's 1 > E(0) (test_heapq's test_comparison_operator_modifiying_heap).
class E(int):
    def __lt__(self, o):
        return NotImplemented
    def __eq__(self, o):
        return NotImplemented
    __hash__ = int.__hash__

class G(int):
    def __gt__(self, o):
        return NotImplemented

print(E(0) < 1, 1 > E(0), (1).__gt__(E(0)))
print(E(0) == 0, E(1) != 1, 0 == E(0), E(2) == 3)
for f in (lambda: E(0) < G(1), lambda: G(1) > E(0), lambda: E(0) > G(1)):
    try:
        print(f())
    except TypeError as e:
        print(e)

class LL(list):
    def __lt__(self, o):
        return NotImplemented
print(LL([1]) < [2], [2] > LL([1]))

class H(int):
    def __lt__(self, o):
        return NotImplemented
try:
    print(H(0) < 'a')
except TypeError as e:
    print(e)

import heapq
class Evil(int):
    def __lt__(self, o):
        heap.clear()
        return NotImplemented
heap = []
heapq.heappush(heap, Evil(0))
try:
    heapq.heappushpop(heap, 1)
except IndexError as e:
    print('IndexError', e)
