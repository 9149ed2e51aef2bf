"""(a) 1,000,000 two-dict cycles, both dicts released, then one full collection: times gc.collect() only."""
import gc
import sys
from common import best_of, report

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
REPS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def setup():
    gc.disable()  # otherwise automatic collections would free the cycles while they are built
    for _ in range(N):
        d1 = {}
        d2 = {}
        d1['d2'] = d2
        d2['d1'] = d1
    del d1, d2
    return None


freed = []
def measured(_):
    freed.append(gc.collect())


def teardown(_):
    gc.enable()


t = best_of(REPS, setup, measured, teardown)
assert freed[-1] == 2 * N, freed
report("cycles", t, objects=2 * N, collected=freed[-1])
