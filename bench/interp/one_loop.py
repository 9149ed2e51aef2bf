# One of steady_state.py's call loops run N times in one process, for a profiler (JFR, perf):
#   ./refheap run bench/interp/one_loop.py calls|call2|trees|instances N
# Prints the best, last and first repetition's thread CPU time in ms. The functions are
# steady_state.py's (that file prints its table when imported).
import sys
import time


def nothing():
    return None


def calls(n):
    for _ in range(n):
        nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing(); nothing()


def first(a, b):
    return a


def calls2(n):
    for i in range(n):
        first(i, i)


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


which = sys.argv[1]
fn, n = {"calls": (calls, 300000), "call2": (calls2, 1000000), "trees": (trees, 100), "instances": (instances, 300000)}[which]
ts = []
for r in range(int(sys.argv[2])):
    t0 = time.thread_time()
    fn(n)
    ts.append(time.thread_time() - t0)
print(which, "best", round(min(ts) * 1000, 1), "last", round(ts[-1] * 1000, 1), "first", round(ts[0] * 1000, 1))
