"""(c) allocate-and-free churn of 10,000,000 small objects (object() instances, 16 bytes, pymalloc).

Two shapes: 'churn_single' frees each object at once (the same block over and over, LIFO);
'churn_batch' holds 1,000 at a time in a list, then frees the list (pools fill and drain).
Both include the interpreter's loop, which the Java side does not have.
"""
import sys
from common import best_of, report

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
REPS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
BATCH = 1000


def single(_):
    o = object
    for _ in range(N):
        o()


def batch(_):
    o = object
    r = range(BATCH)
    for _ in range(N // BATCH):
        l = [o() for _ in r]
        del l


report("churn_single", best_of(REPS, lambda: None, single), objects=N)
report("churn_batch", best_of(REPS, lambda: None, batch), objects=N)
