# Not a workload: the parts of finalizers.py's cost per object once the process is warm.
#
#   python3 bench/steady_parts.py PART          (or: ./refheap run bench/steady_parts.py PART)
#
# PART is one of
#   plain     Res() whose __init__ sets self.me = None (made, initialised, freed by its refcount)
#   del       the same with an empty __del__ (called from the dealloc)
#   cycle     Res() whose __init__ sets self.me = self (freed by the automatic collections)
#   cycledel  the same with an empty __del__ (finalize_garbage calls it, then the cycle is freed)
#   full      finalizers.py's class: the cycle and a __del__ doing count[0] += 1
# Each run makes 25 blocks of 100,000 objects and prints the median thread CPU milliseconds per
# block of the last 15 (the first ten are the JIT's warm-up on refheap), then every block's figure.
# Differences between parts give one step's cost: cycledel - cycle is the finalizer call through
# the collector, full - cycledel the body of __del__. One part per process: on refheap, running the
# parts in one process would let one part's classes pollute the JIT's profiles of the next.
import gc, sys, time

part = sys.argv[1] if len(sys.argv) > 1 else 'full'
count = [0]
if part == 'plain':
    class Res:
        def __init__(self):
            self.me = None
elif part == 'del':
    class Res:
        def __init__(self):
            self.me = None
        def __del__(self):
            pass
elif part == 'cycle':
    class Res:
        def __init__(self):
            self.me = self
elif part == 'cycledel':
    class Res:
        def __init__(self):
            self.me = self
        def __del__(self):
            pass
elif part == 'full':
    class Res:
        def __init__(self):
            self.me = self
        def __del__(self):
            count[0] += 1
else:
    sys.exit('unknown part %r: plain, del, cycle, cycledel or full' % part)

gc.collect()
blocks = []
t = time.thread_time()
for k in range(25):
    for i in range(100000):
        Res()
    now = time.thread_time()
    blocks.append((now - t) * 1000)
    t = now
late = sorted(blocks[10:])
print('%s %.1f ms per 100,000 (median of the last 15 blocks)' % (part, late[len(late) // 2]))
print('timing blocks', ' '.join('%.0f' % b for b in blocks))
