# An exception in __del__ during a collection is reported and the collection finishes normally.
import gc
gc.collect()
class Bad:
    def __del__(self):
        raise RuntimeError('gc-time failure')
b = Bad()
b.me = b
del b
print(gc.collect())
print('after collect')
