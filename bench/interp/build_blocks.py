# The building loops of the bench workloads, at module level as they are there, in blocks of
# 100,000 iterations: prints the interpreter thread's CPU (time.thread_time, ms) per block, so the
# warm-up (first blocks) and the steady state (last blocks) show apart. Automatic gc is off, as
# in dict_cycles.py; everything built stays alive, so the heap grows as the workloads' do.
#   ./refheap run bench/interp/build_blocks.py cycle|dicts|lists|instances [BLOCKS]   (python3 the same)
import gc, sys, time

part = sys.argv[1] if len(sys.argv) > 1 else 'cycle'
blocks = int(sys.argv[2]) if len(sys.argv) > 2 else 10
gc.collect()
gc.disable()
keep = []


class Node:
    def __init__(self, value):
        self.value = value
        self.peer = None


out = []
c00 = time.thread_time()
for blk in range(blocks):
    t0 = time.thread_time()
    if part == 'cycle':  # dict_cycles.py's loop
        for i in range(100000):
            a = {}
            b = {}
            a['b'] = b
            b['a'] = a
    elif part == 'dicts':  # the two dicts alone
        for i in range(100000):
            a = {}
            b = {}
            keep.append(a)
    elif part == 'lists':  # live_heap.py's comprehension
        keep.append([[i] for i in range(100000)])
    elif part == 'instances':  # instances.py's loop, without its collections
        for i in range(100000):
            a = Node(i)
            b = Node(i + 1)
            a.peer = b
            b.peer = a
    out.append(round((time.thread_time() - t0) * 1000))
print(part, 'blocks ms', out, 'total ms', round((time.thread_time() - c00) * 1000))
