# 1,000,000 two-dict cycles made with automatic gc disabled, then freed by one full gc.collect().
import gc, time
gc.collect()
gc.disable()
for i in range(1000000):
    a = {}
    b = {}
    a['b'] = b
    b['a'] = a
del a, b
t0 = time.perf_counter()
n = gc.collect()
t1 = time.perf_counter()
gc.enable()
print('collected', n)
print(f'timing collect {t1 - t0:.3f}s')
