# get_stats() counts automatic collections as well as manual ones, per generation.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
before = gc.get_stats()
keep = []
for i in range(2500):
    keep.append([])
after = gc.get_stats()
gc.set_threshold(700, 10, 10)
print([after[g]['collections'] - before[g]['collections'] for g in range(3)])
print([after[g]['collected'] - before[g]['collected'] for g in range(3)])
