# 1,000,000 live one-element lists, then five timed full collections that find no garbage.
import gc, time
keep = [[i] for i in range(1000000)]
gc.collect()
times = []
found = 0
for k in range(5):
    t0 = time.perf_counter()
    found += gc.collect()
    times.append(time.perf_counter() - t0)
print('live', len(keep), 'collected', found)
print(f'timing best full collect {min(times):.3f}s')
