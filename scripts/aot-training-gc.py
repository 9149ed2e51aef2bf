# Training for the JVM's AOT cache (JDK 25: classes and method profiles) on the collector's big
# passes: full and young collections over a few hundred thousand objects of the shapes big
# programs make (two-dict cycles of garbage, live lists of ints, tuples, instances in cycles), so the
# profiles the cache keeps for the passes (CycleCollector's chunk methods, DictType/ListType
# traverse, clear and dealloc, pymalloc's free) are those of large collections. About 1-2 s.
# The launcher can run it after (or as a cell of) scripts/aot-training.ipynb.
import gc

gc.disable()
for rnd in range(3):
    for i in range(150000):
        a = {}
        b = {}
        a['b'] = b
        b['a'] = a
    del a, b
    gc.collect()

keep = [[i] for i in range(150000)]
pairs = [(i, i + 1) for i in range(20000)]
for rnd in range(3):
    gc.collect(0)
    gc.collect()


class Node:
    def __init__(self):
        self.peer = None


for i in range(50000):
    x = Node()
    y = Node()
    x.peer = y
    y.peer = x
del x, y, keep, pairs
print('collected', gc.collect())
gc.enable()
