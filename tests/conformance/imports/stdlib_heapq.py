# heapq from CPython's library (its pure-Python code: refheap has no _heapq)
import heapq
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), h)
print(heapq.nsmallest(3, [7, 1, 5, 3]), heapq.nlargest(2, [7, 1, 5, 3]))
data = [4, 6, 1, 0]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), data, heapq.heappushpop(data, -1))
