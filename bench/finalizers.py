# 1,000,000 cycles whose objects have __del__: the collector must finalize, then free, each of them.
import gc
count = [0]
class Res:
    def __init__(self):
        self.me = self
    def __del__(self):
        count[0] += 1
gc.collect()
for i in range(1000000):
    Res()
gc.collect()
print('finalized', count[0])
