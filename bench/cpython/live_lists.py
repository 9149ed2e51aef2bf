"""(b) a full collection over 1,000,000 live one-element lists held alive: times gc.collect() only."""
import gc
import sys
from common import best_of, report

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
REPS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def setup():
    gc.disable()
    held = [[i] for i in range(N)]
    return held


freed = []
def measured(_):
    freed.append(gc.collect())


def teardown(held):
    held.clear()
    gc.enable()


t = best_of(REPS, setup, measured, teardown)
assert freed[-1] == 0, freed
report("live_lists", t, objects=N + 1, collected=freed[-1])
