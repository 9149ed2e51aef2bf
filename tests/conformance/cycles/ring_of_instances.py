# A ring of 100 instances is one cycle; the collector frees all 100 at once.
import gc
gc.collect()
class Node:
    pass
first = Node()
cur = first
for i in range(99):
    n = Node()
    cur.next = n
    cur = n
cur.next = first
del first, cur, n
print(gc.collect())
