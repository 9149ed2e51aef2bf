# The interpreter's steady state, the same program on python3 and on refheap: small loops timed with the
# thread's CPU clock (time.thread_time: no start-up, no JIT compiler or GC threads, little of the machine's
# load), best of 7 repetitions inside one process, so the JIT has compiled the loops by then.
#   python3 bench/interp/steady_state.py ; ./refheap run bench/interp/steady_state.py
import time

def stores(n):
    # 20 instructions per iteration that allocate nothing: LOAD_FAST / STORE_FAST dispatch
    y = None
    for _ in range(n):
        x = y; x = y; x = y; x = y; x = y; x = y; x = y; x = y; x = y; x = y

def nothing():
    return None

def calls(n):
    for _ in range(n):
        nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing()

def passes(n):
    for i in range(n):
        pass

def first(a, b):
    return a

def calls2(n):
    for i in range(n):
        first(i, i)

def tuples(n):
    for i in range(n):
        t = (i, i)

# bench/binary_trees.py's two functions, on purpose (that file runs its workload when imported)
def make(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make(depth), make(depth))

def check(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check(left) + check(right)

def trees(n):
    for i in range(n):
        check(make(10))

class Node:
    def __init__(self, v):
        self.v = v

def instances(n):
    for i in range(n):
        Node(i)

for name, fn, n, what in [
        ("stores", stores, 1000000, "20,000,000 LOAD_FAST/STORE_FAST"),
        ("calls", calls, 300000, "3,000,000 calls of a function returning None"),
        ("pass", passes, 1000000, "1,000,000 iterations of for i in range(n): pass"),
        ("call2", calls2, 1000000, "1,000,000 calls with two arguments"),
        ("tuple", tuples, 1000000, "1,000,000 2-tuples made and dropped"),
        ("trees", trees, 100, "100 binary trees of depth 10 made and checked"),
        ("instances", instances, 300000, "300,000 instances with __init__")]:
    best = None
    for r in range(7):
        t0 = time.thread_time()
        fn(n)
        t = time.thread_time() - t0
        best = t if best is None or t < best else best
    print(f"timing {name:9s} {best * 1000:8.1f} ms  {what}")
