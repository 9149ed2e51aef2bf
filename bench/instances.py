# 1,000,000 pairs of class instances in cycles, left to the automatic collector; the total it frees is printed.
import gc
class Node:
    def __init__(self, value):
        self.value = value
        self.peer = None
gc.collect()
before = 0
for s in gc.get_stats():
    before += s['collected']
checksum = 0
for i in range(1000000):
    a = Node(i)
    b = Node(i + 1)
    a.peer = b
    b.peer = a
    checksum += a.peer.value - b.peer.value
del a, b
gc.collect()
after = 0
for s in gc.get_stats():
    after += s['collected']
print('checksum', checksum, 'collected', after - before)
